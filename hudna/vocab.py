"""Controlled vocabularies of the dataset: the single source for schema checks, filters and the codebook."""

DATE_PRECISIONS = ("day", "week", "month")
EVENT_TYPES = ("attack", "strike", "statement")
WEAPONS = (
    "drone", "rocket", "missile", "mixed", "airstrike", "artillery",
    "small_arms", "ied", "none", "unknown",
)
ATTRIBUTIONS = ("claimed", "officials", "suspected", "unknown")
OUTCOMES = ("intercepted", "no_damage", "damage", "casualties", "unknown")
VERIFICATIONS = ("confirmed", "claimed_only", "disputed")
SOURCE_KINDS = ("official", "wire", "local", "faction_claim", "monitor", "reference")
SITE_KINDS = ("us_base", "airport", "embassy", "faction_site", "city", "port", "ship", "area")
COORD_PRECISIONS = ("site", "city", "region")
SIDES = ("axis", "us_coalition", "israel", "iraq_state", "civilian", "unknown")
PERIOD_KINDS = ("truce", "pause", "escalation")
COUNT_METRICS = ("attacks_on_us_forces", "iri_claims_against_israel")

# Ordered from most to least precise: a filter "at most week" keeps day and week.
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "site": 0, "city": 1, "region": 2}

# How many days a dated incident may span, by date precision (see data/README.md).
PRECISION_DAYS = {"day": 1, "week": 7}

# Separators inside a cell, documented in the codebook.
LIST_SEPARATOR = ";"
URL_SEPARATOR = " | "
