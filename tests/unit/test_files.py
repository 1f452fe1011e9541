"""Safe file writes: all or nothing, no stray temporaries, private by default.

Safe reads of outside files (read_regular_file): only regular files, judged on the
opened descriptor, never past a cap.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from kplan_desktop.core import files
from kplan_desktop.core.files import (
    FileReadError,
    FileTooLarge,
    FileWriteError,
    atomic_output,
    read_regular_file,
    write_bytes_atomically,
)
from kplan_desktop.sync.keys import KeyStore


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk went away")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_finished_write_replaces_the_file_privately(tmp_path: Path) -> None:
    target = tmp_path / "bundle.kplanbundle"
    write_bytes_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) & 0o077 == 0


def test_a_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="does not exist"):
        write_bytes_atomically(tmp_path / "nowhere" / "x.pdf", b"x")


def test_a_key_file_is_encrypted_and_private(tmp_path: Path) -> None:
    """No keyring works: the key goes to a passphrase-protected file (the conftest sets
    KPLAN_PASSPHRASE), private to its owner."""
    import keyring
    import keyring.backends.fail
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    keyring.set_keyring(keyring.backends.fail.Keyring())
    store = KeyStore(folder=tmp_path)
    key = Ed25519PrivateKey.generate()
    store.save("device-1", key)
    path = tmp_path / "device-1.key"
    assert b"ENCRYPTED" in path.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    loaded = store.load("device-1")
    assert loaded.private_bytes_raw() == key.private_bytes_raw()


# --- reading a file from outside ---------------------------------------------------------------


def test_a_regular_file_is_read_whole_up_to_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 1000)
    assert read_regular_file(path, 1000) == b"x" * 1000
    assert read_regular_file(tmp_path / "a.bin", 10**9, "A") == b"x" * 1000
    (tmp_path / "empty").write_bytes(b"")
    assert read_regular_file(tmp_path / "empty", 0) == b""


def test_one_byte_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(FileTooLarge) as refused:
        read_regular_file(path, 1000, "Paketas")
    assert refused.value.args_map == {"name": "Paketas", "limit": 1000}


def test_missing_files_and_folders_are_named(tmp_path: Path) -> None:
    with pytest.raises(FileReadError, match="There is no file"):
        read_regular_file(tmp_path / "nothing", 10)
    with pytest.raises(FileReadError, match="is a folder"):
        read_regular_file(tmp_path, 10)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_regular_file(fifo, 10)
        except BaseException as exc:  # handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(5)
    with contextlib.suppress(OSError):  # let a hanging reader (a regression) go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert not thread.is_alive() and outcome
    assert isinstance(outcome[0], FileReadError)
    assert str(outcome[0]) == (
        "pipe is not an ordinary file (a device, a pipe or a socket); it is not read."
    )


class _CountingOs:
    """The os module as files.py sees it, counting what read() returns."""

    def __init__(self) -> None:
        self.got: list[int] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def read(self, fd: int, n: int) -> bytes:
        chunk = os.read(fd, n)
        self.got.append(len(chunk))
        return chunk


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_before_a_byte_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _CountingOs()
    monkeypatch.setattr(files, "os", counting)
    with pytest.raises(FileReadError, match="zero is not an ordinary file"):
        read_regular_file(Path("/dev/zero"), 1 << 40)
    assert counting.got == []


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_a_file_larger_than_its_stated_size_is_read_to_limit_plus_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = _CountingOs()
    monkeypatch.setattr(files, "os", counting)
    with pytest.raises(FileTooLarge):
        read_regular_file(Path("/proc/self/status"), 100)
    assert sum(counting.got) == 101
    assert read_regular_file(Path("/proc/self/status"), 1 << 20).startswith(b"Name:")


def test_the_usual_file_is_one_read_and_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(os.urandom(3 << 20))
    counting = _CountingOs()
    monkeypatch.setattr(files, "os", counting)
    assert read_regular_file(path, 1 << 30) == path.read_bytes()
    assert counting.got == [3 << 20, 0]  # the whole file, then the end
