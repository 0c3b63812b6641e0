"""Connecting a Google account: the real google-auth-oauthlib flow against a fake Google.

Each test drives the loopback redirect with HTTP requests, as a browser would, and the
library exchanges the code at the fake token endpoint; no test needs the internet.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from google.auth.exceptions import RefreshError
from google.auth.transport.requests import Request
from keyrings.alt.file import PlaintextKeyring

from kesher_desktop.services import google_errors
from kesher_desktop.services.google_account import (
    CALENDAR_SCOPES,
    RECONNECT_KEY,
    REFRESH_TOKEN_KEY,
    GoogleAccount,
)
from kesher_desktop.services.google_consent import ConsentAttempt
from kesher_desktop.services.google_errors import GoogleAccountError
from kesher_desktop.services.secrets import SERVICE_NAME, SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings
from tests.google_fake.oauth_server import (
    ACCOUNT,
    CLIENT_ID,
    ConsentBrowser,
    FakeGoogle,
    oauth_server,
    visit,
)

DRIVE_SCOPE = "https://www.googleapis.com/auth/drive.file"


@pytest.fixture
def google(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    # oauthlib insists on https for the token endpoint; the fake speaks plain HTTP on
    # 127.0.0.1, which only these tests allow.
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    with oauth_server() as server:
        yield server


@pytest.fixture
def settings(google: FakeGoogle, tmp_path: Path) -> Settings:
    return Settings(google_client_file=str(google.write_client_file(tmp_path / "client")))


@pytest.fixture
def account(settings: Settings, file_keyring: PlaintextKeyring) -> GoogleAccount:
    return GoogleAccount(SecretStore(allow_plain_file=True), lambda: settings)


def _stored(backend: PlaintextKeyring, key: str) -> str | None:
    return backend.get_password(SERVICE_NAME, key)


def _connect(account: GoogleAccount, browser: object = None, **kw: object) -> str | None:
    return account.connect(
        CALENDAR_SCOPES, timeout_seconds=10, open_browser=browser or ConsentBrowser(), **kw
    )


def test_connecting_keeps_only_the_refresh_token_and_names_the_account(
    account: GoogleAccount, google: FakeGoogle, file_keyring: PlaintextKeyring
) -> None:
    browser = ConsentBrowser()

    email = _connect(account, browser, browser_message="מחובר. אפשר לסגור את הדף.")

    assert email == ACCOUNT
    assert account.is_connected() and not account.needs_reconnect()
    [refresh_token] = google.refresh_tokens
    assert _stored(file_keyring, REFRESH_TOKEN_KEY) == refresh_token
    # The access token the exchange gave is nowhere on disk.
    assert "ya29." not in Path(file_keyring.file_path).read_text(encoding="utf-8")
    # The browser came back to the loopback and was told it may close the page.
    assert browser.pages == ["מחובר. אפשר לסגור את הדף."]


def test_consent_is_asked_offline_with_consent_prompt_and_pkce(
    account: GoogleAccount, google: FakeGoogle
) -> None:
    _connect(account)

    [asked] = google.authorizations
    assert asked["access_type"] == "offline" and asked["prompt"] == "consent"
    assert asked["include_granted_scopes"] == "true"
    assert asked["code_challenge_method"] == "S256" and len(asked["code_challenge"]) == 43
    assert set(asked["scope"].split()) == {*CALENDAR_SCOPES, "openid", "email"}
    redirect = urlsplit(asked["redirect_uri"])
    assert (redirect.scheme, redirect.hostname) == ("http", "localhost") and redirect.port
    [exchange] = google.token_requests
    assert exchange["grant_type"] == "authorization_code" and exchange["code_verifier"]


def test_the_fake_refuses_a_code_without_its_pkce_verifier(google: FakeGoogle) -> None:
    """The check the flow passes above is real: a wrong verifier gets invalid_grant."""
    verifier = "v" * 64
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    )
    query = {
        "client_id": CLIENT_ID,
        "redirect_uri": "http://localhost:9/",
        "response_type": "code",
        "scope": " ".join(CALENDAR_SCOPES),
        "state": "s1",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    location = visit(f"{google.base}/o/oauth2/auth?{urlencode(query)}")
    code = dict(parse_qsl(urlsplit(location).query))["code"]

    def exchange(code_verifier: str) -> tuple[int, dict[str, str]]:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": "http://localhost:9/",
            "code_verifier": code_verifier,
            "client_id": CLIENT_ID,
            "client_secret": google.client_config()["installed"]["client_secret"],
        }
        request = urllib.request.Request(f"{google.base}/token", urlencode(form).encode())
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=5) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as refused:
            return refused.code, json.loads(refused.read())

    assert exchange("w" * 64) == (
        400,
        {"error": "invalid_grant", "error_description": "Invalid code verifier."},
    )
    status, tokens = exchange(verifier)
    # A refused verifier used the code up, as Google does: the right one comes too late.
    assert status == 400 and tokens["error"] == "invalid_grant"


def test_an_answer_without_a_refresh_token_never_replaces_the_stored_one(
    account: GoogleAccount, google: FakeGoogle, file_keyring: PlaintextKeyring
) -> None:
    _connect(account)
    first = _stored(file_keyring, REFRESH_TOKEN_KEY)

    google.omit_refresh_token = True
    assert _connect(account) == ACCOUNT

    assert first and _stored(file_keyring, REFRESH_TOKEN_KEY) == first


def test_a_first_answer_without_a_refresh_token_is_a_failure(
    account: GoogleAccount, google: FakeGoogle
) -> None:
    google.omit_refresh_token = True

    with pytest.raises(GoogleAccountError) as raised:
        _connect(account)

    assert raised.value.code == google_errors.NO_REFRESH_TOKEN
    assert not account.is_connected()


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        ({"deny": True}, google_errors.ACCESS_DENIED),
        ({"refuse_with": "invalid_grant"}, google_errors.CODE_REFUSED),
        ({"refuse_with": "unauthorized_client"}, google_errors.REFUSED),
        ({"grant_only": {CALENDAR_SCOPES[1]}}, google_errors.SCOPES_MISSING),
    ],
    ids=["denied", "code-refused", "client-refused", "scope-unticked"],
)
def test_a_refusal_is_named_and_nothing_is_stored(
    account: GoogleAccount,
    google: FakeGoogle,
    file_keyring: PlaintextKeyring,
    setup: dict[str, object],
    code: str,
) -> None:
    for name, value in setup.items():
        setattr(google, name, value)

    with pytest.raises(GoogleAccountError) as raised:
        _connect(account)

    assert raised.value.code == code
    assert _stored(file_keyring, REFRESH_TOKEN_KEY) is None and not account.is_connected()


def test_a_missing_scope_is_named(account: GoogleAccount, google: FakeGoogle) -> None:
    google.grant_only = {CALENDAR_SCOPES[1]}

    with pytest.raises(GoogleAccountError) as raised:
        _connect(account)

    assert raised.value.params == {"scopes": CALENDAR_SCOPES[0]}


def test_a_redirect_with_a_forged_state_is_refused(
    account: GoogleAccount, google: FakeGoogle
) -> None:
    def forger(url: str) -> bool:
        redirect_uri = dict(parse_qsl(urlsplit(url).query))["redirect_uri"]
        ConsentBrowser()(f"{redirect_uri}?state=forged&code=4/stolen")
        return True

    with pytest.raises(GoogleAccountError) as raised:
        _connect(account, forger)

    assert raised.value.code == google_errors.REFUSED
    assert raised.value.params == {"error": "mismatching_state"}
    assert google.token_requests == []


def test_a_browser_that_never_comes_back_times_out(account: GoogleAccount) -> None:
    started = time.monotonic()

    with pytest.raises(GoogleAccountError) as raised:
        account.connect(CALENDAR_SCOPES, timeout_seconds=0.5, open_browser=lambda url: True)

    assert raised.value.code == google_errors.TIMED_OUT
    assert time.monotonic() - started < 5
    assert not account.is_connected()


def test_cancelling_ends_the_wait_at_once_and_keeps_nothing(
    account: GoogleAccount, google: FakeGoogle
) -> None:
    attempt = ConsentAttempt()

    def user_gives_up(url: str) -> bool:
        threading.Timer(0.2, attempt.cancel).start()
        return True

    started = time.monotonic()
    with pytest.raises(GoogleAccountError) as raised:
        account.connect(CALENDAR_SCOPES, 60, user_gives_up, attempt=attempt)

    assert raised.value.code == google_errors.CANCELLED
    assert time.monotonic() - started < 10
    assert google.token_requests == [] and not account.is_connected()


def test_cancelled_before_listening_never_opens_the_browser(account: GoogleAccount) -> None:
    attempt = ConsentAttempt()
    attempt.cancel()
    browser = ConsentBrowser()

    with pytest.raises(GoogleAccountError) as raised:
        _connect(account, browser, attempt=attempt)

    assert raised.value.code == google_errors.CANCELLED and browser.visited == []


def test_credentials_refresh_at_the_token_endpoint_from_the_stored_token(
    account: GoogleAccount, google: FakeGoogle
) -> None:
    _connect(account)
    credentials = account.credentials()
    assert credentials.token is None and credentials.client_id == CLIENT_ID

    credentials.refresh(Request())

    assert credentials.token and credentials.token.startswith("ya29.")
    assert google.token_requests[-1]["grant_type"] == "refresh_token"


def test_a_refused_token_marks_the_account_for_reconnecting(
    account: GoogleAccount, google: FakeGoogle, file_keyring: PlaintextKeyring
) -> None:
    _connect(account)
    google.refresh_tokens.clear()  # Google forgot it (password changed, access removed)

    with pytest.raises(RefreshError, match="invalid_grant"):
        account.credentials().refresh(Request())
    account.mark_reconnect_needed("invalid_grant")

    assert account.needs_reconnect() and not account.is_connected()
    assert _stored(file_keyring, REFRESH_TOKEN_KEY) is None
    with pytest.raises(GoogleAccountError) as raised:
        account.credentials()
    assert raised.value.code == google_errors.NOT_CONNECTED

    _connect(account)
    assert account.is_connected() and not account.needs_reconnect()
    assert _stored(file_keyring, RECONNECT_KEY) is None


def test_a_later_scope_is_added_to_those_granted_before(
    account: GoogleAccount, google: FakeGoogle, file_keyring: PlaintextKeyring
) -> None:
    _connect(account)

    account.connect([DRIVE_SCOPE], 10, ConsentBrowser())

    newest = google.refresh_tokens[_stored(file_keyring, REFRESH_TOKEN_KEY) or ""]
    assert {*CALENDAR_SCOPES, DRIVE_SCOPE} <= newest


def test_a_later_scope_names_the_account_in_use_and_refuses_another(
    account: GoogleAccount, google: FakeGoogle, file_keyring: PlaintextKeyring
) -> None:
    _connect(account)
    calendars = _stored(file_keyring, REFRESH_TOKEN_KEY)
    google.account = "someone.else@gmail.com"

    with pytest.raises(GoogleAccountError) as refused:
        account.connect([DRIVE_SCOPE], 10, ConsentBrowser(), expected_account=ACCOUNT)

    assert google.authorizations[-1]["login_hint"] == ACCOUNT
    assert refused.value.code == google_errors.ACCOUNT_MISMATCH
    assert refused.value.params == {"expected": ACCOUNT, "chosen": "someone.else@gmail.com"}
    assert _stored(file_keyring, REFRESH_TOKEN_KEY) == calendars and google.revoked == []

    google.account = ACCOUNT.upper()
    assert account.connect([DRIVE_SCOPE], 10, ConsentBrowser(), expected_account=ACCOUNT)
    assert _stored(file_keyring, REFRESH_TOKEN_KEY) != calendars


def test_disconnecting_revokes_at_google_and_forgets(
    account: GoogleAccount, google: FakeGoogle, file_keyring: PlaintextKeyring
) -> None:
    _connect(account)
    [refresh_token] = google.refresh_tokens

    assert account.disconnect() is True

    assert google.revoked == [refresh_token]
    assert _stored(file_keyring, REFRESH_TOKEN_KEY) is None and not account.is_connected()


def test_disconnecting_offline_forgets_anyway_and_says_so(
    account: GoogleAccount,
    google: FakeGoogle,
    settings: Settings,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _connect(account)
    # Port 9 (discard) on this machine: nothing listens, as with no network.
    offline = google.write_client_file(tmp_path / "offline", revoke_uri="http://127.0.0.1:9/r")
    settings.google_client_file = str(offline)

    assert account.disconnect() is False

    assert not account.is_connected() and google.revoked == []
    assert "not revoked, forgotten anyway" in caplog.text


def test_the_client_file_problems_are_named(
    google: FakeGoogle, tmp_path: Path, file_keyring: PlaintextKeyring
) -> None:
    settings = Settings()
    account = GoogleAccount(SecretStore(allow_plain_file=True), lambda: settings)
    assert account.missing_client_reason() == google_errors.CLIENT_NOT_SET

    settings.google_client_file = str(tmp_path / "nowhere.json")
    assert account.missing_client_reason() == google_errors.CLIENT_NOT_FOUND
    assert account.client_file() is None

    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    settings.google_client_file = str(broken)
    assert account.missing_client_reason() == google_errors.CLIENT_UNREADABLE

    web = tmp_path / "web.json"
    web.write_text(json.dumps({"web": google.client_config()["installed"]}), encoding="utf-8")
    settings.google_client_file = str(web)
    assert account.missing_client_reason() == google_errors.CLIENT_NOT_DESKTOP
    with pytest.raises(GoogleAccountError):
        _connect(account)

    good = google.write_client_file(tmp_path / "good")
    settings.google_client_file = str(good)
    assert account.missing_client_reason() is None and account.client_file() == good


def test_the_environment_names_the_client_file_over_the_setting(
    google: FakeGoogle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = google.write_client_file(tmp_path / "office")
    settings = Settings(google_client_file=str(tmp_path / "mine.json"))
    assert settings.google_client_path() == tmp_path / "mine.json"

    monkeypatch.setenv(GOOGLE_CLIENT_FILE_VARIABLE, str(installed))

    assert settings.google_client_path() == installed
    account = GoogleAccount(SecretStore(allow_plain_file=True), lambda: settings)
    assert account.client_file() == installed
