"""One running copy: a second launch hands over its command line; a crash leaves no block."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QDir
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from kesher_desktop.ui.single_instance import (
    ACK,
    SingleInstance,
    encode_command_line,
    instance_name,
)

ROOT = Path(__file__).resolve().parents[2]

# A later launch, run as its own process: it prints whether the running copy took its argv.
SECOND_LAUNCH = """
import sys
from PySide6.QtCore import QCoreApplication
from kesher_desktop.ui.single_instance import SingleInstance
app = QCoreApplication([])
print(SingleInstance(sys.argv[1]).hand_over(sys.argv[1:]), flush=True)
"""

# A copy that starts listening and is then killed, leaving its socket file behind.
CRASHING_COPY = """
import os, signal, sys
from PySide6.QtCore import QCoreApplication
from kesher_desktop.ui.single_instance import SingleInstance
app = QCoreApplication([])
running = SingleInstance(sys.argv[1])
assert running.listen()
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.fixture
def name() -> str:
    # Unique per test, so a real Kesher running on this machine is never touched.
    return f"kesher-test-{uuid.uuid4().hex[:12]}"


def _listening(name: str) -> SingleInstance:
    instance = SingleInstance(name)
    assert instance.listen()
    return instance


def _python(script: str, *args: str) -> subprocess.Popen[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_copy_in_this_process_hands_over_and_is_answered(qtbot: QtBot, name: str) -> None:
    running = _listening(name)
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(1000)

    argv = ["kesher-desktop", "--open", "קובץ.vcf"]
    with qtbot.waitSignal(running.commandLineReceived, timeout=3000) as received:
        client.write(QByteArray(encode_command_line(argv)))
        client.flush()

    assert received.args == [argv]
    qtbot.waitUntil(lambda: client.bytesAvailable() >= len(ACK), timeout=3000)
    assert bytes(client.readAll().data()) == ACK
    client.disconnectFromServer()
    running.close()


def test_a_message_that_is_not_a_command_line_is_dropped(qtbot: QtBot, name: str) -> None:
    running = _listening(name)
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(1000)

    with qtbot.assertNotEmitted(running.commandLineReceived, wait=300):
        client.write(QByteArray(b'{"argv": "not a list"}\n'))
        client.flush()
        qtbot.waitUntil(
            lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState,
            timeout=3000,
        )
    running.close()


def test_nobody_listening_means_no_hand_over(name: str, qapp: object) -> None:
    assert SingleInstance(name).hand_over(["kesher-desktop"], timeout_ms=300) is False


def test_a_live_copy_keeps_its_name(qtbot: QtBot, name: str) -> None:
    running = _listening(name)
    assert SingleInstance(name).listen() is False
    assert running.is_listening()
    running.close()


def test_a_busy_copy_that_does_not_answer_is_told_apart(qtbot: QtBot, name: str) -> None:
    # The running copy cannot answer here: its event loop is this test's, busy waiting.
    running = _listening(name)
    later = SingleInstance(name)

    assert later.hand_over(["kesher-desktop"], timeout_ms=200) is False
    assert later.listen() is False
    assert later.held_by_live_copy
    running.close()


def test_a_free_name_is_taken_and_not_held(name: str, qapp) -> None:
    later = SingleInstance(name)

    assert later.listen() is True
    assert not later.held_by_live_copy
    later.close()


def test_a_real_second_process_hands_over_its_argv(qtbot: QtBot, name: str) -> None:
    running = _listening(name)

    with qtbot.waitSignal(running.commandLineReceived, timeout=20000) as received:
        launch = _python(SECOND_LAUNCH, name, "--reminders", "שלום")
    out, err = launch.communicate(timeout=20)

    assert received.args == [[name, "--reminders", "שלום"]]
    assert (out.strip(), launch.returncode) == ("True", 0), err
    running.close()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_socket_left_by_a_crashed_copy_does_not_block(qtbot: QtBot, name: str) -> None:
    crashed = _python(CRASHING_COPY, name)
    crashed.communicate(timeout=20)
    assert crashed.returncode == -9
    assert Path(QDir.tempPath(), name).exists()

    instance = SingleInstance(name)
    assert instance.listen()
    assert instance.is_listening()
    instance.close()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_plain_file_at_the_socket_path_does_not_block(qtbot: QtBot, name: str) -> None:
    Path(QDir.tempPath(), name).write_text("left over", encoding="utf-8")

    instance = SingleInstance(name)
    assert instance.listen()
    assert instance.is_listening()
    instance.close()


def test_the_name_differs_per_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KESHER_HOME", str(tmp_path / "one"))
    first = instance_name()
    monkeypatch.setenv("KESHER_HOME", str(tmp_path / "two"))
    assert instance_name() != first
    assert instance_name() == instance_name() and len(first) < 40
