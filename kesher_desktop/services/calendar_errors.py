"""What a failed call to Google means for the sync: try again later, stop, or give up on one.

Google's client raises `HttpError` with the status and a JSON body whose `reason` tells a
rate limit (wait a little) from a spent quota (stop for a while); google-auth raises
`RefreshError` with `invalid_grant` when the user's grant has expired or been revoked. Only
that asks the user to connect again; a 401 on a call is tried again later.

A failure's detail is shown to the user, so it is Google's own sentence after the status,
never the error's text: that names the request's URL and reads as noise in Hebrew. The full
text goes to the log.
"""

from __future__ import annotations

import enum
import http.client
import json
import logging
from dataclasses import dataclass
from http import HTTPStatus

log = logging.getLogger(__name__)

RATE_LIMIT_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded"})
QUOTA_REASONS = frozenset({"quotaExceeded", "dailyLimitExceeded"})
# The codes of the failures that halt the sync (`Failure.stops_sync`).
HALT_CODES = frozenset({"quota_exceeded", "reconnect_needed"})


class FailureKind(enum.StrEnum):
    # The network, a 5xx, a 429 or a rate limit: back off, then try again.
    RETRY = "retry"
    # The project's quota is spent: no call to Google until it comes back.
    QUOTA = "quota"
    # The grant is gone: no call until the user connects the account again.
    RECONNECT = "reconnect"
    # Google refused this one change (a 400, a 403 of another kind...): it waits, failed.
    REJECTED = "rejected"


@dataclass(frozen=True)
class Failure:
    """`code` names the problem for the UI ("network", "quota_exceeded", ...); `detail` is
    what the server or the network said, short and without URLs, shown beside the code's
    sentence ("400 · The specified time range is empty.")."""

    kind: FailureKind
    code: str
    detail: str

    @property
    def stops_sync(self) -> bool:
        return self.kind in (FailureKind.QUOTA, FailureKind.RECONNECT)


def http_status(error: BaseException) -> int | None:
    """The HTTP status of an error from Google's client; None for any other error."""
    from googleapiclient.errors import HttpError

    if isinstance(error, HttpError):
        return int(error.resp.status)
    return None


def classify(error: BaseException) -> Failure:
    """What to do after `error`; anything unforeseen counts as a refusal of that change."""
    from google.auth.exceptions import RefreshError, TransportError
    from googleapiclient.errors import HttpError
    from httplib2 import HttpLib2Error

    if isinstance(error, HttpError):
        status = int(error.resp.status)
        log.info("google call failed status=%s %s", status, error)
        return _from_http(status, _reason(error.content), _http_detail(status, error.content))
    if isinstance(error, RefreshError):
        log.info("google sign-in refresh failed %s", error)
        if "invalid_grant" in str(error):
            return Failure(FailureKind.RECONNECT, "reconnect_needed", _refresh_detail(error))
        return Failure(FailureKind.RETRY, "sign_in_failed", _refresh_detail(error))
    if isinstance(error, TransportError | OSError | http.client.HTTPException | HttpLib2Error):
        return Failure(FailureKind.RETRY, "network", f"{type(error).__name__}: {error}")
    return Failure(FailureKind.REJECTED, "unexpected", f"{type(error).__name__}: {error}")


def _from_http(status: int, reason: str, detail: str) -> Failure:
    if status == 429 or status >= 500:
        code = "rate_limited" if status == 429 else "server_error"
        return Failure(FailureKind.RETRY, code, detail)
    if status == 403 and reason in RATE_LIMIT_REASONS:
        return Failure(FailureKind.RETRY, "rate_limited", detail)
    if status == 403 and reason in QUOTA_REASONS:
        return Failure(FailureKind.QUOTA, "quota_exceeded", detail)
    if status == 401:
        # The access token was refused even after google-auth refreshed it. The grant itself
        # is fine (a refused grant fails the refresh with invalid_grant, above), so this
        # passes like a network fault: reconnecting would throw a good refresh token away.
        return Failure(FailureKind.RETRY, "sign_in_failed", detail)
    return Failure(FailureKind.REJECTED, "rejected", detail)


def _http_detail(status: int, content: bytes | str | None) -> str:
    """The status and Google's message: "400 · The specified time range is empty."; the
    status's standard phrase when the body has no message."""
    message = _message(content)
    if not message:
        try:
            message = HTTPStatus(status).phrase
        except ValueError:
            return str(status)
    return f"{status} \u00b7 {message}"


def _message(content: bytes | str | None) -> str:
    """The `message` of a Google JSON error body, or its first error's; empty when none."""
    try:
        error = json.loads(content or b"{}")["error"]
        message = error.get("message") or error["errors"][0]["message"]
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return ""
    # One line: a body's message may be wrapped, and the log window shows one line a row.
    return " ".join(str(message).split())


def _refresh_detail(error: BaseException) -> str:
    """google-auth's own sentence ("invalid_grant: Token has been expired or revoked."),
    without the token endpoint's whole answer that str() adds as a tuple."""
    first = error.args[0] if error.args else ""
    return " ".join(str(first).split()) or type(error).__name__


def _reason(content: bytes | str | None) -> str:
    """The first `reason` of a Google JSON error body; empty when there is none."""
    try:
        body = json.loads(content or b"{}")
        return str(body["error"]["errors"][0]["reason"])
    except (ValueError, KeyError, IndexError, TypeError):
        return ""
