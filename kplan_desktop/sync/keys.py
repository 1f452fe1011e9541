"""Signing keys: one Ed25519 key pair per copy, the private key kept out of plain sight.

The private key goes into the OS keyring. Where no keyring backend works (a
server, a bare desktop), it goes into a key file encrypted with a passphrase
(``KPLAN_PASSPHRASE``, or asked of the user); never a plain-text key on disk.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..core.errors import KPlanError
from ..core.files import FileReadError, read_regular_file, write_bytes_atomically
from ..core.paths import data_dir

SERVICE = "kplan-desktop"
PASSPHRASE_ENV = "KPLAN_PASSPHRASE"
#: An encrypted PEM Ed25519 key is under 300 bytes; anything near this is not a key file.
_KEY_FILE_BYTES = 64 * 1024


class KeyUnavailable(KPlanError):
    pass


def public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    return base64.b64encode(public_bytes(key)).decode()


def fingerprint(public_key: bytes) -> str:
    """Ten groups of four digits (about 133 bits): easy to read out over the phone."""
    digits = str(int.from_bytes(hashlib.sha256(public_key).digest()[:17], "big") % 10**40)
    digits = digits.zfill(40)
    return " ".join(digits[i : i + 4] for i in range(0, 40, 4))


def normalise_fingerprint(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) != 40:
        raise KPlanError("A fingerprint has 40 digits; {text!r} does not.", text=text)
    return " ".join(digits[i : i + 4] for i in range(0, 40, 4))


def demo_key(seed: int) -> Ed25519PrivateKey:
    """The demo copy's key, derived from its seed: a demo has no secret to keep."""
    seed_bytes = hashlib.sha256(f"kplan-demo-{seed}".encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed_bytes)


@dataclass
class KeyStore:
    """Saves and loads a device's private key: the OS keyring, else an encrypted file."""

    folder: Path | None = None
    ask_passphrase: Callable[[str], str | None] | None = None
    #: Set when the last save fell back to a key file, for the UI to tell the user.
    fallback_note: str = ""

    def _folder(self) -> Path:
        return self.folder or data_dir() / "keys"

    def _file(self, device_id: str) -> Path:
        return self._folder() / f"{device_id}.key"

    def _passphrase(self, purpose: str) -> bytes:
        value = os.environ.get(PASSPHRASE_ENV) or (
            self.ask_passphrase(purpose) if self.ask_passphrase else None
        )
        if not value:
            raise KeyUnavailable(
                "No keyring is available to keep the signing key; set {env} to a passphrase"
                " to keep it in an encrypted key file instead.",
                env=PASSPHRASE_ENV,
            )
        return value.encode()

    def save(self, device_id: str, key: Ed25519PrivateKey) -> None:
        raw = key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        secret = base64.b64encode(raw).decode()
        try:
            keyring.set_password(SERVICE, device_id, secret)
            # Some backends (the null one) accept and forget: read it back to be sure.
            if keyring.get_password(SERVICE, device_id) == secret:
                self.fallback_note = ""
                return
        except keyring.errors.KeyringError:
            pass
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(self._passphrase("new")),
        )
        path = self._file(device_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, pem)  # mkstemp: readable by its owner only
        self.fallback_note = f"No keyring works here; the signing key is kept encrypted in {path}."

    def load(self, device_id: str) -> Ed25519PrivateKey:
        try:
            stored = keyring.get_password(SERVICE, device_id)
        except keyring.errors.KeyringError:
            stored = None
        if stored:
            return Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))
        path = self._file(device_id)
        if not path.exists():
            raise KeyUnavailable(
                "The signing key of this copy is not on this computer (device {device}).",
                device=device_id,
            )
        try:
            pem = read_regular_file(path, _KEY_FILE_BYTES)
        except FileReadError as exc:
            raise KeyUnavailable(exc.template, **exc.args_map) from None
        try:
            key = serialization.load_pem_private_key(pem, self._passphrase("open"))
        except ValueError:
            raise KeyUnavailable("The passphrase of the signing key is wrong.") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyUnavailable("The key file {path} does not hold a signing key.", path=str(path))
        return key


# --- where a key is kept, and the public key as a file to hand over ---------------------------


@dataclass(frozen=True)
class KeyPlace:
    """Where a device's private key is kept: ``kind`` is "keyring" (``where``: the keyring's
    name), "file" (``where``: the encrypted key file) or "missing" (not on this computer)."""

    kind: str
    where: str = ""


def key_place(store: KeyStore, device_id: str) -> KeyPlace:
    """Where ``store`` keeps the key of ``device_id``, found without unlocking it."""
    try:
        in_keyring = bool(keyring.get_password(SERVICE, device_id))
    except keyring.errors.KeyringError:
        in_keyring = False
    if in_keyring:
        return KeyPlace("keyring", str(getattr(keyring.get_keyring(), "name", "")))
    path = store._file(device_id)
    return KeyPlace("file", str(path)) if path.is_file() else KeyPlace("missing")


class PublicKeyFileError(KPlanError):
    """A file that is not a readable KPlan public key."""


#: A public key file is a few lines; anything near this is something else.
PUBLIC_KEY_FILE_BYTES = 16 * 1024
_PUBLIC_MAGIC = "KPlan public signing key"
_PEM_BEGIN, _PEM_END = b"-----BEGIN PUBLIC KEY-----", b"-----END PUBLIC KEY-----"


def _one_line(text: str) -> str:
    # A name is shown on one line of the header: a line break in it would forge another.
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def public_key_file(public_key: str, *, name: str, email: str, device: str) -> bytes:
    """This copy's public key to hand over: who and what it is, then the key as standard
    PEM (SubjectPublicKeyInfo), which other tools (openssl) read too."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
    except ValueError:
        raise PublicKeyFileError("This copy has no valid public key to export.") from None
    pem = key.public_bytes(serialization.Encoding.PEM,
                           serialization.PublicFormat.SubjectPublicKeyInfo)
    who = _one_line(name) + (f" <{_one_line(email)}>" if email.strip() else "")
    header = (f"{_PUBLIC_MAGIC}\nPerson: {who}\nDevice: {_one_line(device)}\n"
              f"Fingerprint: {fingerprint(public_bytes(key))}\n\n")
    return header.encode() + pem


def read_public_key_file(path: Path) -> tuple[str, str]:
    """(public key as base64, fingerprint) from a file :func:`public_key_file` wrote, or a
    plain PEM Ed25519 public key; refused when the file's stated fingerprint disagrees."""
    name = Path(path).name
    try:
        data = read_regular_file(Path(path), PUBLIC_KEY_FILE_BYTES)
    except FileReadError as exc:
        raise PublicKeyFileError(exc.template, **exc.args_map) from None
    start, end = data.find(_PEM_BEGIN), data.find(_PEM_END)
    if start < 0 or end < start:
        raise PublicKeyFileError("{name} holds no public key.", name=name)
    try:
        key = serialization.load_pem_public_key(data[start : end + len(_PEM_END)])
    except ValueError:
        raise PublicKeyFileError("{name} holds no public key.", name=name) from None
    except UnsupportedAlgorithm:  # a well-formed key of an algorithm nobody knows
        raise PublicKeyFileError("{name} holds a key of another kind than KPlan's signing"
                                 " keys.", name=name) from None
    if not isinstance(key, Ed25519PublicKey):
        raise PublicKeyFileError("{name} holds a key of another kind than KPlan's signing keys.",
                                 name=name)
    fp = fingerprint(public_bytes(key))
    for line in data[:start].decode("utf-8", "replace").splitlines():
        if line.startswith("Fingerprint:") and line.split(":", 1)[1].strip() != fp:
            raise PublicKeyFileError("{name} states a fingerprint its key does not have; it was"
                                     " changed.", name=name)
    return public_text(key), fp
