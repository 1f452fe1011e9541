"""What a bundle is made of: the format's constants, its caps, its dataclasses, the signed head.

:mod:`.bundle` writes and reads bundles (and re-exports these names);
:mod:`.bundle_parse` checks what a bundle says against them.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..core.errors import KPlanError
from ..store import events
from .keys import fingerprint

FORMAT_VERSION = 1
SUFFIX = ".kplanbundle"
MAGIC = b"KPLAN-BUNDLE "
_HEAD_DOMAIN = b"KPLAN-HEAD 1\n"
SIGNATURE_BYTES = 64

Progress = Callable[[int, int], object]


class BundleError(KPlanError):
    """A bundle that is refused as a whole."""


@dataclass(frozen=True)
class Limits:
    """Caps that hold whatever the file says; lowered in tests."""

    file_bytes: int = 512 * 1024 * 1024
    manifest_bytes: int = 16 * 1024 * 1024
    #: Real (unpacked) bytes of the body, as declared and as unpacked.
    body_bytes: int = 2 * 1024 * 1024 * 1024
    line_bytes: int = 4 * 1024 * 1024  # one event; so also any one field of it
    #: Devices (feeds, and entries of "have") per bundle: a plan has hundreds.
    feeds: int = 10_000
    events: int = 2_000_000
    #: Unpacked bytes per packed byte. Event lines carry hashes and ids that do not
    #: compress (50,000 near-identical remarks: 13); gzip reaches about 1000 on a bomb.
    ratio: int = 100


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class FeedHead:
    """One feed's segment in a bundle, ending at a head its device signed."""

    device: str
    person: str
    public_key: str  # base64 of the raw 32-byte Ed25519 key
    first_seq: int
    last_seq: int
    prev: str | None  # the id of the event before first_seq (None from seq 1)
    head: str  # the id of the last event
    signature: str  # base64 Ed25519 signature of head_payload(...)

    def as_json(self) -> dict[str, Any]:
        return {
            "device": self.device, "person": self.person, "key": self.public_key,
            "first": self.first_seq, "last": self.last_seq, "prev": self.prev,
            "head": self.head, "sig": self.signature,
        }


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    plan_id: str
    exporter_device: str
    exporter_person: str
    exporter_key: str
    exporter_name: str
    created: str
    event_count: int
    feeds: tuple[FeedHead, ...]
    have: Mapping[str, int]
    body_length: int
    body_sha256: str
    body_size: int
    full: bool

    @property
    def exporter_fingerprint(self) -> str:
        return fingerprint(base64.b64decode(self.exporter_key))


@dataclass
class Bundle:
    """A bundle as read: every check passed. ``feeds`` pairs each head with its events."""

    manifest: Manifest
    feeds: list[tuple[FeedHead, list[events.Event]]] = field(default_factory=list)
    file_bytes: int = 0

    @property
    def signer_fingerprint(self) -> str:
        return self.manifest.exporter_fingerprint


def head_payload(plan: str, device: str, person: str, seq: int, head: str) -> bytes:
    """The bytes a device signs for its feed's head."""
    return _HEAD_DOMAIN + events.canonical(
        {"plan": plan, "device": device, "person": person, "seq": seq, "head": head}
    )


def sign_head(
    key: Ed25519PrivateKey, *, plan: str, device: str, person: str, seq: int, head: str
) -> str:
    return base64.b64encode(key.sign(head_payload(plan, device, person, seq, head))).decode()
