"""The "connect your Google account" dialog, and the words for what can go wrong with Google.

The consent runs in the user's browser while a worker thread waits for it; the dialog stays
live, shows that it waits, can cancel, and then says how it ended.
"""

from __future__ import annotations

import enum
import logging
import threading
import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services import google_errors
from kesher_desktop.services.google_account import CALENDAR_SCOPES, GoogleAccount
from kesher_desktop.services.google_errors import GoogleAccountError
from kesher_desktop.services.secrets import SecretsUnavailableError
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE
from kesher_desktop.ui.widgets.bidi import align_leading, isolate, isolate_ltr
from kesher_desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from kesher_desktop.services.google_consent import ConsentAttempt

log = logging.getLogger(__name__)

# lupdate reads the context from each call, so it is spelled out there as "GoogleTexts".
CONTEXT = "GoogleTexts"

# How long Google's page may take before the wait ends; the user may read the page first.
CONNECT_TIMEOUT_SECONDS = 300


# -- words for the services' codes ---------------------------------------------------------

_PROBLEMS = {
    google_errors.CLIENT_NOT_SET: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "No OAuth client file is set. Whoever installs Kesher supplies it (a Google Cloud "
        "“Desktop app” client): choose it in Settings, or name it in {variable}.",
    ),
    google_errors.CLIENT_NOT_FOUND: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "The OAuth client file {path} does not exist. Choose the right file in Settings.",
    ),
    google_errors.CLIENT_UNREADABLE: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "The OAuth client file {path} cannot be read as a Google client file. Download it "
        "again from Google Cloud.",
    ),
    google_errors.CLIENT_NOT_DESKTOP: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "The OAuth client file {path} is not for a desktop app. In Google Cloud, create an "
        "OAuth client of the type “Desktop app” and use its file.",
    ),
    google_errors.TIMED_OUT: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "The browser did not come back in time. Try again, and finish signing in on "
        "Google's page.",
    ),
    google_errors.CANCELLED: QT_TRANSLATE_NOOP("GoogleTexts", "Cancelled. Nothing was changed."),
    google_errors.ACCESS_DENIED: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "Access was not allowed on Google's page, so Kesher is not connected.",
    ),
    google_errors.CODE_REFUSED: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "Google did not accept the sign-in (it may have expired). Try again.",
    ),
    google_errors.REFUSED: QT_TRANSLATE_NOOP(
        "GoogleTexts", "Google refused the connection ({error})."
    ),
    google_errors.UNREACHABLE: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "Google could not be reached. Check the internet connection and try again.",
    ),
    google_errors.NO_LOOPBACK: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "Kesher could not open a local port for Google's answer. A firewall may be blocking it.",
    ),
    google_errors.NO_REFRESH_TOKEN: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "Google did not give Kesher lasting access. Remove Kesher from your Google "
        "account's third-party access page, then connect again.",
    ),
    google_errors.SCOPES_MISSING: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "On Google's page, some permissions were left unticked. Connect again and allow "
        "them all; Kesher cannot work with your calendar without them.",
    ),
    google_errors.NOT_CONNECTED: QT_TRANSLATE_NOOP(
        "GoogleTexts", "No Google account is connected."
    ),
    google_errors.ACCOUNT_MISMATCH: QT_TRANSLATE_NOOP(
        "GoogleTexts",
        "You signed in as {chosen}, but Kesher works with {expected}, the account your "
        "calendar syncs with. Nothing was changed. Connect again and choose {expected}; to "
        "use another account, first disconnect in Settings.",
    ),
}


def google_problem_text(error: GoogleAccountError) -> str:
    """A sentence naming what went wrong with Google, in the user's language."""
    template = _PROBLEMS.get(error.code)
    if template is None:
        return QCoreApplication.translate("GoogleTexts", "Something went wrong ({code}).").format(
            code=error.code
        )
    params = {key: isolate_ltr(str(value)) for key, value in error.params.items()}
    params.setdefault("variable", isolate_ltr(GOOGLE_CLIENT_FILE_VARIABLE))
    return QCoreApplication.translate(CONTEXT, template).format_map(_Blank(params))


def no_keyring_text() -> str:
    return QCoreApplication.translate(
        "GoogleTexts",
        "This computer has no keyring to keep Google's key safely. Install or unlock your "
        "system's keyring (such as GNOME Keyring or KWallet) to connect.",
    )


class _Blank(dict[str, str]):
    """Format parameters where one a translation names but the error lacks stays empty."""

    def __missing__(self, key: str) -> str:
        return ""


# -- running a blocking call off the UI thread --------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """How a background call ended: its value, or the exception it raised."""

    value: Any = None
    error: BaseException | None = None


class BackgroundCall(QObject):
    """Runs `work` on a thread of its own and hands its Outcome to `done` on the UI thread.

    The thread never touches a widget: it only emits `finished`, which Qt queues to this
    object's (the UI) thread. The thread is a daemon, so a wait left running when the app
    quits does not hold the quit up. The object lives as long as its parent.

    Signals:
        finished(Outcome): the call is over; delivered on the UI thread.
    """

    finished = Signal(object)

    def __init__(
        self, parent: QObject, work: Callable[[], Any], done: Callable[[Outcome], None]
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._done = done
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="kesher-google", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            outcome = Outcome(value=self._work())
        except Exception as error:  # handed to the UI thread, which says what happened
            outcome = Outcome(error=error)
        try:
            self.finished.emit(outcome)
        except RuntimeError:
            # The window that asked is gone (the app is quitting); nobody is left to tell.
            log.debug("background call finished after its owner was deleted")

    @Slot(object)
    def _deliver(self, outcome: Outcome) -> None:
        # Left to its parent rather than deleted here: a deleteLater() at this point crashed
        # PySide6 6.11.3 when `done` emitted a signal connected to a lambda.
        self._done(outcome)


# -- the dialog ----------------------------------------------------------------------------


class ConnectState(enum.Enum):
    UNAVAILABLE = "unavailable"  # no usable client file: Connect cannot work
    READY = "ready"
    WAITING = "waiting"
    CANCELLING = "cancelling"
    CONNECTED = "connected"
    FAILED = "failed"


class GoogleConnectDialog(Retranslating, QDialog):
    """Says what connecting does, runs the consent in the browser, and shows how it ended.

    Closing the dialog while it waits cancels the wait first. `open_browser` is the one
    function tests replace; it is called on the worker thread.

    Signals:
        account_connected(str): the account is connected; its e-mail, or "" if unknown.
    """

    account_connected = Signal(str)
    # The consent page's address, from the worker thread, for the "open it yourself" link.
    _consent_url_known = Signal(str)

    def __init__(
        self,
        account: GoogleAccount,
        parent: QWidget | None = None,
        scopes: Sequence[str] = CALENDAR_SCOPES,
        timeout_seconds: float = CONNECT_TIMEOUT_SECONDS,
        expected_account: str = "",
    ) -> None:
        super().__init__(parent)
        self._account = account
        self._scopes = list(scopes)
        # The account already in use, when known: offered first, and the only one taken.
        self._expected_account = expected_account
        self._timeout_seconds = timeout_seconds
        self._attempt: ConsentAttempt | None = None
        self._close_when_done = False
        self._problem: str = ""
        self._consent_url = ""
        self.connected_email: str | None = None
        self.state = ConnectState.READY

        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setObjectName("fieldError")
        self.missing.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.link = QLabel()
        self.link.setWordWrap(True)
        self.link.setOpenExternalLinks(True)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.connect_button = QPushButton()
        self.connect_button.setObjectName("primaryButton")
        self.connect_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self._close_clicked)
        buttons = QDialogButtonBox()
        buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for widget in (self.heading, self.explanation, self.missing, self.busy, self.waiting):
            layout.addWidget(widget)
        layout.addWidget(self.link)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # Wide enough that the explanation wraps into a few lines, not a tall column.
        self.setMinimumWidth(520)

        self._consent_url_known.connect(self._show_link, Qt.ConnectionType.QueuedConnection)
        self._check_ready()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect your Google account"))
        self.heading.setText(self.tr("Kesher and your Google Calendar"))
        self.explanation.setText(
            self.tr(
                "Your browser will open Google's sign-in page. Choose your account there and "
                "allow Kesher to see your calendars and to add, change and remove events in "
                "them: the activities you tick in Kesher appear in your calendar.\n\n"
                "Kesher keeps only a key to renew its access, in this computer's keyring, "
                "never your password. You can disconnect at any time in Settings."
            )
        )
        self.waiting.setText(
            self.tr("Waiting for your browser… Finish signing in there, or press Cancel.")
        )
        self.connect_button.setText(
            self.tr("Try again") if self.state is ConnectState.FAILED else self.tr("Connect")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        labels = (self.heading, self.explanation, self.missing, self.waiting, self.link)
        for label in (*labels, self.result):
            align_leading(label, Qt.AlignmentFlag.AlignTop)
        self._show_link(self._consent_url)
        self._show_state()

    # -- API -------------------------------------------------------------------------------

    def open_browser(self, url: str) -> bool:
        """Show Google's page in the user's browser; runs on the worker thread."""
        return webbrowser.open(url)

    @Slot()
    def start(self) -> None:
        """Begin waiting for the consent in the browser (the Connect button)."""
        if self.state not in (ConnectState.READY, ConnectState.FAILED):
            return
        from kesher_desktop.services.google_consent import ConsentAttempt

        self._attempt = attempt = ConsentAttempt()
        account, scopes, timeout = self._account, self._scopes, self._timeout_seconds
        expected = self._expected_account
        message = self.tr("Kesher is connected to your Google account. You can close this page.")

        def work() -> str | None:
            return account.connect(
                scopes,
                timeout,
                self._hand_over,
                attempt=attempt,
                browser_message=message,
                expected_account=expected,
            )

        self._consent_url = ""
        self._show_link("")
        call = BackgroundCall(self, work, self._finished)
        self._enter(ConnectState.WAITING)
        call.start()

    @Slot()
    def cancel(self) -> None:
        """Stop waiting; the outcome still comes back through the worker, as "cancelled"."""
        if self.state is ConnectState.WAITING and self._attempt is not None:
            self._enter(ConnectState.CANCELLING)
            self._attempt.cancel()

    def is_busy(self) -> bool:
        return self.state in (ConnectState.WAITING, ConnectState.CANCELLING)

    # -- Qt overrides ----------------------------------------------------------------------

    def reject(self) -> None:
        # Escape, the window's close button or Close: never leave a wait running behind.
        if self.is_busy():
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    # -- helpers ---------------------------------------------------------------------------

    def _hand_over(self, url: str) -> bool:
        """The worker's browser opener: tell the window the address, then open it."""
        self._consent_url_known.emit(url)
        return self.open_browser(url)

    def _finished(self, outcome: Outcome) -> None:
        self._attempt = None
        error = outcome.error
        if error is None:
            self.connected_email = outcome.value
            self._enter(ConnectState.CONNECTED)
            self.account_connected.emit(outcome.value or "")
        elif isinstance(error, GoogleAccountError):
            self._problem = google_problem_text(error)
            cancelled = error.code == google_errors.CANCELLED
            self._enter(ConnectState.READY if cancelled else ConnectState.FAILED)
        elif isinstance(error, SecretsUnavailableError):
            self._problem = no_keyring_text()
            self._enter(ConnectState.FAILED)
        else:
            log.error("google connect failed", exc_info=error)
            self._problem = self.tr("Connecting failed: {reason}").format(
                reason=isolate(str(error) or type(error).__name__)
            )
            self._enter(ConnectState.FAILED)
        if self._close_when_done:
            super().reject()

    def _close_clicked(self) -> None:
        if self.state is ConnectState.CONNECTED:
            self.accept()
        else:
            self.reject()

    def _check_ready(self) -> None:
        problem = self._account.client_problem()
        if problem is not None:
            self._problem = google_problem_text(problem)
            self.state = ConnectState.UNAVAILABLE

    def _enter(self, state: ConnectState) -> None:
        self.state = state
        if state in (ConnectState.WAITING, ConnectState.CONNECTED):
            self._problem = ""
        self.retranslate()

    def _show_state(self) -> None:
        state = self.state
        busy = self.is_busy()
        self.busy.setVisible(busy)
        self.waiting.setVisible(busy)
        self.link.setVisible(busy and bool(self._consent_url))
        self.missing.setVisible(state is ConnectState.UNAVAILABLE)
        self.missing.setText(self._problem if state is ConnectState.UNAVAILABLE else "")

        self.connect_button.setVisible(not busy and state is not ConnectState.CONNECTED)
        self.connect_button.setEnabled(state is not ConnectState.UNAVAILABLE)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(state is ConnectState.WAITING)
        self.close_button.setVisible(not busy)
        self._show_result()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every line of the wrapped texts that a state change revealed.

        Qt keeps a window at least as tall as its layout's minimum, which does not count
        the extra lines of wrapped labels at the window's actual width.
        """
        layout = self.layout()
        if not self.isVisible() or layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _show_result(self) -> None:
        state = self.state
        if state is ConnectState.CONNECTED:
            self.result.setObjectName("")
            self.result.setText(self._connected_text())
        elif state in (ConnectState.FAILED, ConnectState.READY) and self._problem:
            self.result.setObjectName("fieldError" if state is ConnectState.FAILED else "")
            self.result.setText(self._problem)
        elif state is ConnectState.CANCELLING:
            self.result.setObjectName("")
            self.result.setText(self.tr("Cancelling…"))
        else:
            self.result.setText("")
        # The object name picks the style sheet's colour; re-polish so it shows at once.
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setVisible(bool(self.result.text()))

    def _connected_text(self) -> str:
        if self.connected_email:
            return self.tr("Connected as {account}.").format(
                account=isolate_ltr(self.connected_email)
            )
        return self.tr("Connected.")

    @Slot(str)
    def _show_link(self, url: str) -> None:
        self._consent_url = url
        if not url:
            self.link.clear()
            self.link.hide()
            return
        self.link.setText(
            self.tr(
                'Browser did not open? <a href="{url}">Open Google\'s page yourself</a>.'
            ).format(url=_escaped(url))
        )
        self.link.setVisible(self.is_busy())
        self._fit_height()


def _escaped(url: str) -> str:
    return url.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
