"""Optional access control for a private instance: a shared password or Streamlit's OIDC login, off by default."""

from __future__ import annotations

import hmac

import streamlit as st

from components.i18n import translator
from components.url_state import current_lang

GRANTED_KEY = "_access_granted"


def access_mode() -> str:
    """`password` when secrets hold [access] password, `oidc` when they hold an [auth] section, else `none`."""
    try:
        if st.secrets.get("access", {}).get("password"):
            return "password"
        if "auth" in st.secrets:
            return "oidc"
    except (FileNotFoundError, KeyError, AttributeError):
        pass
    except Exception as exc:  # a malformed secrets file must not open a private instance
        if type(exc).__name__ == "StreamlitSecretNotFoundError":
            return "none"
        raise
    return "none"


def access_granted() -> bool:
    mode = access_mode()
    if mode == "none":
        return True
    if mode == "oidc":
        return bool(getattr(st.user, "is_logged_in", False))
    return bool(st.session_state.get(GRANTED_KEY))


def _check_password() -> None:
    expected = str(st.secrets["access"]["password"])
    given = st.session_state.get("access_password", "")
    # Constant-time comparison; the typed password is not kept in the session.
    st.session_state[GRANTED_KEY] = hmac.compare_digest(given.encode(), expected.encode())
    st.session_state["_access_failed"] = not st.session_state[GRANTED_KEY]
    st.session_state["access_password"] = ""


def show_sign_in() -> None:
    """The only page a visitor sees before signing in."""
    t = translator(current_lang())
    st.title(t("access.title"))
    if access_mode() == "oidc":
        st.write(t("access.oidc"))
        st.button(t("access.sign_in"), on_click=st.login, type="primary", key="access_login")
        return
    with st.form("access_form"):
        st.text_input(t("access.password"), type="password", key="access_password")
        st.form_submit_button(t("access.open"), on_click=_check_password, type="primary")
    if st.session_state.get("_access_failed"):
        st.error(t("access.wrong"))
