"""Safe file writes: all or nothing, no stray temporaries, private by default."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kplan_desktop.core.files import FileWriteError, atomic_output, write_bytes_atomically
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
