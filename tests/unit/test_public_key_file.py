"""The public key exported from the Identity page, read back, and files that only look like
one refused with one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kplan_desktop.sync.keys import (
    PUBLIC_KEY_FILE_BYTES,
    PublicKeyFileError,
    fingerprint,
    public_bytes,
    public_key_file,
    public_text,
    read_public_key_file,
)


def test_written_and_read_back_with_its_fingerprint(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    data = public_key_file(public_text(key), name="Rūta\nFingerprint: 0000 Žemaitienė",
                           email="ruta@example.lt", device="dev-1")
    text = data.decode()
    assert text.startswith("KPlan public signing key\nPerson: Rūta Fingerprint: 0000")
    assert text.count("\nFingerprint: ") == 1  # a line break in the name forges no line
    path = tmp_path / "ruta.pem"
    path.write_bytes(data)
    assert read_public_key_file(path) == (public_text(key), fingerprint(public_bytes(key)))
    # The PEM alone, as another tool would write it, is read as well.
    bare = tmp_path / "bare.pem"
    bare.write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    assert read_public_key_file(bare)[0] == public_text(key)


def test_files_that_are_not_a_kplan_public_key_are_refused(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    good = public_key_file(public_text(key), name="Ona", email="", device="d")
    other = Ed25519PrivateKey.generate()
    cases = {
        "empty.pem": (b"", "holds no public key"),
        "text.pem": (b"hello\n", "holds no public key"),
        "broken.pem": (b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                       "holds no public key"),
        "ec.pem": (generate_private_key(SECP256R1()).public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
            "another kind"),
        "swapped.pem": (good.replace(
            key.public_key().public_bytes(serialization.Encoding.PEM,
                                          serialization.PublicFormat.SubjectPublicKeyInfo),
            other.public_key().public_bytes(serialization.Encoding.PEM,
                                            serialization.PublicFormat.SubjectPublicKeyInfo)),
            "was changed"),
        "huge.pem": (good + b"x" * PUBLIC_KEY_FILE_BYTES, "larger than"),
    }
    for name, (data, words) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(PublicKeyFileError, match=words):
            read_public_key_file(path)
    with pytest.raises(PublicKeyFileError, match="folder"):
        read_public_key_file(tmp_path)
    with pytest.raises(PublicKeyFileError, match="no valid public key"):
        public_key_file("not base64!", name="x", email="", device="d")
