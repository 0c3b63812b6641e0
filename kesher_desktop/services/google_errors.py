"""Why connecting to Google, or using the connection, did not work: codes the UI words."""

from __future__ import annotations

from kesher_desktop.services.errors import ServiceError

# The OAuth client file that whoever installs the product supplies.
CLIENT_NOT_SET = "google_client_not_set"
CLIENT_NOT_FOUND = "google_client_not_found"
CLIENT_UNREADABLE = "google_client_unreadable"
# A "web" client or any other kind: only a "Desktop app" client may use a loopback redirect.
CLIENT_NOT_DESKTOP = "google_client_not_desktop"

# Connecting, the consent in the browser and the exchange of its code.
TIMED_OUT = "google_timed_out"
CANCELLED = "google_cancelled"
ACCESS_DENIED = "google_access_denied"
CODE_REFUSED = "google_code_refused"
REFUSED = "google_refused"
UNREACHABLE = "google_unreachable"
NO_LOOPBACK = "google_no_loopback"
NO_REFRESH_TOKEN = "google_no_refresh_token"
SCOPES_MISSING = "google_scopes_missing"
# Signed in on Google's page as another account than the one Kesher already works with.
ACCOUNT_MISMATCH = "google_account_mismatch"

# Using the connection.
NOT_CONNECTED = "google_not_connected"


class GoogleAccountError(ServiceError):
    """The Google account cannot be connected or used; `code` is one of the names above."""
