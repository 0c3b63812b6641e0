"""A real SMTP server on 127.0.0.1 for tests: aiosmtpd collecting what it receives.

    with smtp_server() as server:                                   # no TLS, no login
    with smtp_server(SmtpSecurity.STARTTLS, login=("me", "pw")):    # then AUTH required
    with smtp_server(SmtpSecurity.SSL):                             # TLS from the start
    with smtp_server(reply="451 4.3.0 Try again later"):            # refuses every message

`server.settings(...)` gives the SmtpSettings that reach it and `server.client_tls` the TLS
context that trusts its self-signed certificate (pass it to SmtpSender).
"""

from __future__ import annotations

import email
import email.policy
import ipaddress
import socket
import ssl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from kesher_desktop.settings import SmtpSecurity, SmtpSettings

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Received:
    """One message as the server took it: the envelope and the parsed message."""

    sender: str
    recipients: list[str]
    message: EmailMessage
    login: str | None


@dataclass
class Collector:
    """The aiosmtpd handler: keeps each message, or refuses all with `reply`."""

    reply: str = ""
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:  # noqa: N802
        if self.reply:
            return self.reply
        raw = envelope.original_content or envelope.content
        assert isinstance(raw, bytes)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        login = session.auth_data.login.decode() if session.authenticated else None
        self.received.append(
            Received(envelope.mail_from or "", list(envelope.rcpt_tos), message, login)
        )
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    port: int
    security: SmtpSecurity
    handler: Collector
    client_tls: ssl.SSLContext | None

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def settings(self, sender: str = "me@example.com", user: str = "") -> SmtpSettings:
        return SmtpSettings(HOST, self.port, self.security, user, sender)


class _Authenticator:
    def __init__(self, login: tuple[str, str]) -> None:
        self.login = login

    def __call__(
        self, server: Any, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        given = (data.login.decode(), data.password.decode())
        # handled=False: aiosmtpd then answers 535 itself; "handled" would leave it silent.
        return AuthResult(success=given == self.login, handled=False, auth_data=data)


@contextmanager
def smtp_server(
    security: SmtpSecurity = SmtpSecurity.NONE,
    *,
    login: tuple[str, str] | None = None,
    reply: str = "",
) -> Iterator[SmtpServer]:
    """Run a server for the block; `login` requires AUTH, which aiosmtpd allows only over TLS.

    (Asking aiosmtpd for AUTH without TLS makes it warn, which these tests treat as an error.)
    """
    if login and security is SmtpSecurity.NONE:
        raise ValueError("AUTH is only offered over TLS")
    handler = Collector(reply=reply)
    options: dict[str, Any] = {}
    client_tls = None
    if security is not SmtpSecurity.NONE:
        server_tls, client_tls = _tls_pair()
        if security is SmtpSecurity.STARTTLS:
            options.update(tls_context=server_tls, require_starttls=True)
        else:
            options.update(ssl_context=server_tls)
    if login:
        options.update(authenticator=_Authenticator(login), auth_required=True)

    controller = Controller(handler, hostname=HOST, port=_free_port(), **options)
    controller.start()
    try:
        yield SmtpServer(controller.port, security, handler, client_tls)
    finally:
        controller.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _tls_pair() -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server context with a fresh self-signed certificate for 127.0.0.1 and a client
    context that trusts exactly that certificate (and checks the name, as in real use)."""
    certificate, key = _self_signed()
    with tempfile.TemporaryDirectory() as folder:
        cert_file, key_file = Path(folder, "cert.pem"), Path(folder, "key.pem")
        cert_file.write_bytes(certificate)
        key_file.write_bytes(key)
        server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cadata=certificate.decode())
    return server, client


def _self_signed() -> tuple[bytes, bytes]:
    # cryptography comes with keyring's SecretStorage backend; only the tests use it here.
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(HOST))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return certificate.public_bytes(serialization.Encoding.PEM), key_pem
