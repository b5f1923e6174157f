"""Access control: open by default; a password from secrets gates every page; OIDC shows a sign-in button."""

from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP
from tests.conftest import VALID


def make(monkeypatch, secrets=None, params=None):
    monkeypatch.setenv("HUDNA_DATA_DIR", str(VALID))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def test_open_by_default(monkeypatch):
    at = make(monkeypatch)
    assert at.title[0].value == "Hudna — did the truce hold?"


def test_password_gates_the_app(monkeypatch):
    at = make(monkeypatch, {"access": {"password": "s3cret"}}, {"faction": "kh"})
    assert at.title[0].value == "Hudna — private instance"
    assert not any(m.label == "Incidents in view" for m in at.metric)
    at.text_input(key="access_password").input("wrong")
    at.button[0].click().run()
    assert "That password is not right." in [e.value for e in at.error]
    assert at.title[0].value == "Hudna — private instance"
    at.text_input(key="access_password").input("s3cret")
    at.button[0].click().run()
    assert at.title[0].value == "Hudna — did the truce hold?"
    assert next(m.value for m in at.metric if m.label == "Incidents in view") == "2"  # the link's filter survived


def test_oidc_section_shows_a_sign_in_button(monkeypatch):
    auth = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "hudna",
            "client_secret": "y", "server_metadata_url": "https://id.example.org/.well-known/openid-configuration"}
    at = make(monkeypatch, {"auth": auth})
    assert at.title[0].value == "Hudna — private instance"
    assert [b.label for b in at.button] == ["Sign in"]
