"""What went wrong with a mail server, in a few words of the user's language.

Sending (SMTP) and the tracking mailbox (IMAP) fail in the same few ways: no keyring for the
password, a wrong user or password, a server name not found, no answer, a security setting
the server does not speak. The raw reason stays in the log and, for sending, beside the
words, for whoever sets the mail up.
"""

from __future__ import annotations

import enum
import re
import socket
import ssl

from PySide6.QtCore import QCoreApplication

from kesher_desktop.services.secrets import SecretsUnavailableError


class MailProblem(enum.Enum):
    NO_KEYRING = "no_keyring"
    BAD_LOGIN = "bad_login"
    NOT_FOUND = "not_found"
    SECURITY_MISMATCH = "security_mismatch"
    NO_ANSWER = "no_answer"
    REFUSED = "refused"


# Matched in this order against what smtplib, imaplib, ssl and the resolver say; the first
# that matches names the problem.
PATTERNS = (
    (MailProblem.NO_KEYRING, re.compile(r"keyring unavailable|secrets_unavailable", re.I)),
    (
        MailProblem.BAD_LOGIN,
        re.compile(r"^5(30|34|35)\b|authenticat|password|credential|login failed|keyring", re.I),
    ),
    # getaddrinfo's words on Linux, macOS and Windows, and its error numbers.
    (
        MailProblem.NOT_FOUND,
        re.compile(
            r"name or service not known|nodename nor servname|getaddrinfo failed|"
            r"no address associated|name resolution|errno -[235]\b|errno 1100[14]\b",
            re.I,
        ),
    ),
    # What smtplib and ssl say when STARTTLS or SSL is set but the server speaks the other.
    (
        MailProblem.SECURITY_MISMATCH,
        re.compile(r"starttls|ssl|tls|wrong_version_number|certificate|handshake", re.I),
    ),
    (
        MailProblem.NO_ANSWER,
        re.compile(
            r"refused|timed? ?out|unreachable|no route|errno|disconnected|closed|reset|eof",
            re.I,
        ),
    ),
)


def problem_of(reason: str) -> MailProblem:
    """The kind of failure a reason (as the outbox or the log keeps it) tells."""
    for problem, pattern in PATTERNS:
        if pattern.search(reason):
            return problem
    return MailProblem.REFUSED


def error_problem(error: BaseException) -> MailProblem:
    """The kind of failure an exception tells; its type first, its words if that is vague."""
    if isinstance(error, SecretsUnavailableError):
        return MailProblem.NO_KEYRING
    if isinstance(error, socket.gaierror):
        return MailProblem.NOT_FOUND
    if isinstance(error, ssl.SSLError):
        return MailProblem.SECURITY_MISMATCH
    if isinstance(error, ConnectionError | TimeoutError):
        return MailProblem.NO_ANSWER
    return problem_of(str(error) or type(error).__name__)


def sending_problem(reason: str) -> str:
    """Why a mail could not be sent, from the reason the outbox keeps."""
    texts = {
        MailProblem.NO_KEYRING: QCoreApplication.translate(
            "MailProblems", "There is no keyring on this computer for the mail password."
        ),
        MailProblem.BAD_LOGIN: QCoreApplication.translate(
            "MailProblems", "The mail server refused the user name or password."
        ),
        MailProblem.NOT_FOUND: QCoreApplication.translate(
            "MailProblems", "The mail server's name was not found: check it in Settings."
        ),
        MailProblem.SECURITY_MISMATCH: QCoreApplication.translate(
            "MailProblems",
            "The security setting (STARTTLS or SSL) does not match the mail server.",
        ),
        MailProblem.NO_ANSWER: QCoreApplication.translate(
            "MailProblems", "The mail server did not answer."
        ),
        MailProblem.REFUSED: QCoreApplication.translate(
            "MailProblems", "The mail server refused the message."
        ),
    }
    return texts[problem_of(reason)]


def mailbox_problem(error: BaseException) -> str:
    """Why the tracking mailbox could not be read."""
    texts = {
        MailProblem.NO_KEYRING: QCoreApplication.translate(
            "MailProblems",
            "There is no keyring on this computer for the tracking mailbox's password.",
        ),
        MailProblem.BAD_LOGIN: QCoreApplication.translate(
            "MailProblems", "The tracking mailbox refused the user name or password."
        ),
        MailProblem.NOT_FOUND: QCoreApplication.translate(
            "MailProblems", "The tracking mailbox's server was not found: check its name."
        ),
        MailProblem.SECURITY_MISMATCH: QCoreApplication.translate(
            "MailProblems",
            "The security setting (SSL or STARTTLS) does not match the tracking mailbox's server.",
        ),
        MailProblem.NO_ANSWER: QCoreApplication.translate(
            "MailProblems", "The tracking mailbox's server did not answer."
        ),
        MailProblem.REFUSED: QCoreApplication.translate(
            "MailProblems", "The tracking mailbox's server refused the request."
        ),
    }
    return texts[error_problem(error)]
