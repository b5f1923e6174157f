"""The right-to-left stylesheet used when the interface is in Arabic (static CSS, never built from data)."""

# Streamlit has no RTL switch: direction and alignment are set on its containers. Charts and maps
# keep their own left-to-right coordinate systems; only their text is Arabic.
RTL_CSS = """
<style>
[data-testid="stMain"], [data-testid="stSidebarUserContent"], [data-testid="stSidebarNav"],
[data-testid="stDialog"], [data-testid="stExpanderDetails"] { direction: rtl; }
[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"], [data-testid="stHeading"],
[data-testid="stWidgetLabel"], [data-testid="stMetric"], [data-testid="stAlertContainer"] { text-align: right; }
[data-testid="stSidebar"] { direction: rtl; }
/* The sidebar moves to the right, where Arabic readers start. */
div:has(> [data-testid="stSidebar"]) { flex-direction: row-reverse; }
/* Each paragraph takes its direction from its own first letter, so English summaries and ids
   such as "HUD-0186 · 28 كانون الثاني 2024" keep their punctuation and order. */
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stHeading"] h1, [data-testid="stHeading"] h2, [data-testid="stHeading"] h3,
[data-testid="stMarkdownContainer"] td, [data-testid="stMarkdownContainer"] th { unicode-bidi: plaintext; }
[data-testid="stDataFrame"], [data-testid="stTable"] { direction: rtl; }
/* Codes, links and dates inside Arabic text keep their own order. */
code, [data-testid="stCode"] { direction: ltr; unicode-bidi: isolate; text-align: left; }
input[type="text"], textarea { unicode-bidi: plaintext; text-align: start; }
</style>
"""
