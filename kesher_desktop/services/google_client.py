"""The OAuth client file that whoever installs Kesher supplies, read and checked.

Google Cloud's "Desktop app" client downloads as JSON with an "installed" object; Kesher
needs its id, secret and endpoints. Tests point the endpoints at a local fake server, and
may add "revoke_uri", which Google's own files leave out.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kesher_desktop.services import google_errors
from kesher_desktop.services.google_errors import GoogleAccountError

log = logging.getLogger(__name__)

GOOGLE_REVOKE_URI = "https://oauth2.googleapis.com/revoke"
_REQUIRED = ("client_id", "auth_uri", "token_uri")


@dataclass(frozen=True)
class OAuthClient:
    """One installed-app client: who Kesher is to Google, and where to ask for tokens."""

    client_id: str
    client_secret: str
    auth_uri: str
    token_uri: str
    revoke_uri: str

    def flow_config(self) -> dict[str, Any]:
        """The client in the shape google-auth-oauthlib reads a client file."""
        return {
            "installed": {
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "auth_uri": self.auth_uri,
                "token_uri": self.token_uri,
            }
        }


def read_client_file(path: Path | None) -> OAuthClient:
    """The client in `path`; GoogleAccountError names what is wrong when it cannot be used."""
    if path is None:
        raise GoogleAccountError(google_errors.CLIENT_NOT_SET)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoogleAccountError(google_errors.CLIENT_NOT_FOUND, path=str(path)) from None
    except (OSError, ValueError) as error:
        log.warning("google client file unreadable path=%s error=%s", path, error)
        raise GoogleAccountError(google_errors.CLIENT_UNREADABLE, path=str(path)) from None

    installed = raw.get("installed") if isinstance(raw, dict) else None
    if not isinstance(installed, dict):
        kinds = sorted(raw) if isinstance(raw, dict) else []
        log.warning("google client file is not a desktop client path=%s kinds=%s", path, kinds)
        raise GoogleAccountError(google_errors.CLIENT_NOT_DESKTOP, path=str(path))

    missing = [key for key in _REQUIRED if not str(installed.get(key, "")).strip()]
    if missing:
        log.warning("google client file lacks %s path=%s", ",".join(missing), path)
        raise GoogleAccountError(google_errors.CLIENT_UNREADABLE, path=str(path))
    return OAuthClient(
        client_id=str(installed["client_id"]),
        # Google calls a desktop app's secret not secret, yet its token endpoint wants it.
        client_secret=str(installed.get("client_secret", "")),
        auth_uri=str(installed["auth_uri"]),
        token_uri=str(installed["token_uri"]),
        revoke_uri=str(installed.get("revoke_uri") or GOOGLE_REVOKE_URI),
    )
