"""One running Kesher per user and data folder: a second launch hands over its command line.

The first copy listens on a local socket (a named pipe on Windows); a later copy connects,
sends its arguments as one line of JSON, waits for "ok" and exits, so only one scheduler
ever runs. A socket file left behind by a crash is noticed (nobody answers on it) and removed.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging

from PySide6.QtCore import QByteArray, QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from kesher_desktop import paths

log = logging.getLogger(__name__)

ACK = b"ok\n"
# A command line is a few hundred bytes; anything far larger is not one of ours.
MAX_MESSAGE = 64 * 1024


def instance_name() -> str:
    """A socket name of this user and this data folder, so neither shares another's copy."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        # No user name in the environment or the password database; the folder still differs.
        user = ""
    key = f"{user}\n{paths.data_dir().resolve()}".encode()
    # Hashed: the name must be short (a Unix socket path) and carry no folder names.
    return "kesher-" + hashlib.sha256(key).hexdigest()[:20]


def encode_command_line(argv: list[str]) -> bytes:
    return json.dumps({"argv": argv}, ensure_ascii=False).encode("utf-8") + b"\n"


def decode_command_line(line: bytes) -> list[str] | None:
    """The arguments in one received line, or None when it is not a command line of ours."""
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    argv = message.get("argv") if isinstance(message, dict) else None
    if not isinstance(argv, list) or not all(isinstance(part, str) for part in argv):
        return None
    return argv


class SingleInstance(QObject):
    """The local server of the running copy, and the hand-over of a later one.

    Signals:
        commandLineReceived(list): another launch handed over its arguments (argv).
    """

    commandLineReceived = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or instance_name()
        self._server: QLocalServer | None = None
        # Set when listening failed because a live copy holds the name but took no command
        # line (it is busy or hung): starting a second scheduler beside it would be wrong.
        self.held_by_live_copy = False
        self._pending: dict[QLocalSocket, bytearray] = {}

    # -- API -------------------------------------------------------------------------------

    def hand_over(self, argv: list[str], timeout_ms: int = 3000) -> bool:
        """Give `argv` to a running copy; True once it said it has them (then exit 0).

        Blocks for at most about three timeouts; runs before this copy's event loop starts.
        """
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False

        socket.write(QByteArray(encode_command_line(argv)))
        socket.flush()
        answer = b""
        while ACK not in answer and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        if ACK not in answer:
            log.warning("a running copy took no command line name=%s", self.name)
            return False
        log.info("command line handed to the running copy")
        return True

    def listen(self) -> bool:
        """Start serving; False when a live copy already serves this name.

        A name left behind by a crashed copy (nobody accepts on it) is removed first.
        """
        server = QLocalServer(self)
        # No access options: with them Qt binds elsewhere and renames the socket into place,
        # which silently takes the name from a live copy. The default socket file is writable
        # (so connectable) by its owner only, under the usual umask.
        server.newConnection.connect(self._accept)
        if not server.listen(self.name):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                log.warning("cannot listen name=%s error=%s", self.name, server.errorString())
                server.deleteLater()
                return False
            if self._someone_answers():
                self.held_by_live_copy = True
                server.deleteLater()
                return False
            log.info("removing a stale socket left by a crash name=%s", self.name)
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("cannot listen name=%s error=%s", self.name, server.errorString())
                server.deleteLater()
                return False
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    # -- helpers ---------------------------------------------------------------------------

    def _someone_answers(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(500)
        if alive:
            probe.disconnectFromServer()
        return alive

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._pending[socket] = bytearray()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._forget)

    def _read(self) -> None:
        socket = self.sender()
        buffer = self._pending.get(socket)  # type: ignore[call-overload]
        if not isinstance(socket, QLocalSocket) or buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE:
                log.warning("dropping an over-long message on the instance socket")
                socket.abort()
            return

        line = bytes(buffer.split(b"\n", 1)[0])
        buffer.clear()
        argv = decode_command_line(line)
        if argv is None:
            log.warning("ignoring a message that is not a command line")
            socket.abort()
            return
        # Answer first, so the other copy can exit while this one opens its window.
        socket.write(QByteArray(ACK))
        socket.flush()
        log.info("command line received from a second launch")
        self.commandLineReceived.emit(argv)

    def _forget(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and self._pending.pop(socket, None) is not None:
            socket.deleteLater()
