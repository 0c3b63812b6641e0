"""A real IMAP server on 127.0.0.1 for tests: Debian's Dovecot with a throw-away configuration.

    with dovecot_server() as server:        # skips the test when dovecot is not installed
        server.append(raw_bytes)             # deliver a message into INBOX
        server.clear()                       # empty it again for the next test
        server.settings(...)                 # the ImapSettings that reach it

The pitfalls of running it here (see notes/test-servers.md): it detaches, so its output
goes to a file; the mail user may not be root, so it runs as `nobody`; its login processes
keep their default unprivileged users.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from imap_tools import MailBoxUnencrypted

from kesher_desktop.settings import ImapSettings, SmtpSecurity

HOST = "127.0.0.1"
USER = "track"
PASSWORD = "track-secret"

_CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
listen = {host}
protocols = imap
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
ssl_dh = <{dh}
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/users
}}
service imap-login {{
  inet_listener imap {{
    address = {host}
    port = {port}
  }}
  inet_listener imaps {{
    address = {host}
    port = {tls_port}
  }}
}}
"""


@dataclass
class DovecotServer:
    port: int  # plain IMAP, which also offers STARTTLS
    root: Path
    tls_port: int = 0  # IMAP over TLS from the first byte

    @property
    def certificate(self) -> Path:
        """The server's self-signed certificate, for a client to trust."""
        return self.root / "cert.pem"

    def settings(
        self,
        address: str = "track@example.com",
        folder: str = "INBOX",
        security: SmtpSecurity = SmtpSecurity.NONE,
    ) -> ImapSettings:
        port = self.tls_port if security is SmtpSecurity.SSL else self.port
        return ImapSettings(HOST, port, security, USER, address, folder)

    def password(self) -> str:
        return PASSWORD

    @contextmanager
    def client(self) -> Iterator[MailBoxUnencrypted]:
        with MailBoxUnencrypted(HOST, self.port, timeout=10) as box:
            box.login(USER, PASSWORD, initial_folder=None)
            yield box

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        with self.client() as box:
            box.append(raw, folder)

    def keywords(self, folder: str = "INBOX") -> list[tuple[str, ...]]:
        """The flags of every message in the folder, in UID order."""
        with self.client() as box:
            box.folder.set(folder)
            return [message.flags for message in box.fetch(mark_seen=False, headers_only=True)]

    def clear(self) -> None:
        """Empty INBOX and remove every other folder, for the next test."""
        with self.client() as box:
            for folder in box.folder.list():
                if folder.name != "INBOX":
                    box.folder.delete(folder.name)
            box.folder.set("INBOX")
            box.delete(box.uids())

    def recreate(self, folder: str) -> None:
        """Delete and create `folder` again with its messages: a new UIDVALIDITY."""
        with self.client() as box:
            box.folder.set(folder)
            raws = [m.obj.as_bytes() for m in box.fetch(mark_seen=False)]
            box.folder.unset()
            box.folder.delete(folder)
            box.folder.create(folder)
            for raw in raws:
                box.append(raw, folder)


@contextmanager
def dovecot_server() -> Iterator[DovecotServer]:
    dovecot = shutil.which("dovecot") or _sbin("dovecot")
    doveadm = shutil.which("doveadm") or _sbin("doveadm")
    if dovecot is None or doveadm is None:
        pytest.skip("Dovecot is not installed (apt-get install dovecot-imapd; .ci/run does)")

    if os.geteuid() != 0:
        # Dovecot switches its mail processes to the mail user, which only root may do.
        pytest.skip("the test IMAP server runs as root (as in .ci/run)")

    # Not under pytest's tmp_path: that is private to root, and the mail user is `nobody`.
    root = Path(tempfile.mkdtemp(prefix="kesher-dovecot-"))
    root.chmod(0o755)
    nobody = pwd.getpwnam("nobody")
    mail = root / "mail"
    mail.mkdir()
    os.chown(mail, nobody.pw_uid, nobody.pw_gid)
    (root / "users").write_text(
        f"{USER}:{{PLAIN}}{PASSWORD}:{nobody.pw_uid}:{nobody.pw_gid}::{mail}/{USER}::\n"
    )
    _make_certificate(root)
    port, tls_port = _free_port(), _free_port()
    config = root / "dovecot.conf"
    config.write_text(
        _CONFIG.format(root=root, host=HOST, port=port, tls_port=tls_port, dh=_DH_PARAMETERS)
    )
    subprocess.run(
        [dovecot, "-c", str(config)],
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, root / "dovecot.log")
        _wait_for(tls_port, root / "dovecot.log")
        yield DovecotServer(port, root, tls_port)
    finally:
        subprocess.run(
            [doveadm, "-c", str(config), "stop"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(root, ignore_errors=True)


# Debian's dovecot-core ships these; made at install, so no test waits for new ones.
_DH_PARAMETERS = "/usr/share/dovecot/dh.pem"


def _make_certificate(root: Path) -> None:
    """A self-signed certificate for 127.0.0.1, good for a day, and its key."""
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-addext",
            f"subjectAltName=IP:{HOST}",
            "-keyout",
            str(root / "key.pem"),
            "-out",
            str(root / "cert.pem"),
        ],
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    (root / "cert.pem").chmod(0o644)


def _sbin(name: str) -> str | None:
    path = Path("/usr/sbin") / name
    return str(path) if path.exists() else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _wait_for(port: int, log: Path, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    text = log.read_text(errors="replace") if log.exists() else "(no log)"
    raise RuntimeError(f"dovecot did not listen on {port}:\n{text}")


def build_message(
    *,
    message_id: str,
    to: str = "Dana <dana.levi@example.com>",
    cc: str = "",
    delivered_to: str = "",
    subject: bytes = b"Hello",
    body: bytes = b"Hello",
    charset: str = "utf-8",
    extra_parts: tuple[bytes, ...] = (),
) -> bytes:
    """A sent message as its tracking copy arrives: `subject` is the raw header value (an
    encoded word or plain ASCII), `body` the bytes of the text in `charset`."""
    head = [
        b"From: Me <me@example.com>",
        b"To: " + to.encode(),
        b"Subject: " + subject,
        b"Date: Tue, 10 Mar 2026 10:00:00 +0200",
        b"Message-ID: " + message_id.encode(),
        b"MIME-Version: 1.0",
    ]
    if cc:
        head.append(b"Cc: " + cc.encode())
    if delivered_to:
        head.insert(0, b"Delivered-To: " + delivered_to.encode())
    text = b"Content-Type: text/plain; charset=" + charset.encode() + b"\r\n\r\n" + body
    if not extra_parts:
        return b"\r\n".join(head) + b"\r\n" + text + b"\r\n"
    head.append(b'Content-Type: multipart/mixed; boundary="kesher-b"')
    parts = b"".join(b"--kesher-b\r\n" + part + b"\r\n" for part in (text, *extra_parts))
    return b"\r\n".join(head) + b"\r\n\r\n" + parts + b"--kesher-b--\r\n"
