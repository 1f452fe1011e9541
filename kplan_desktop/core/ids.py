"""Identifiers: UUID version 7 (time-ordered), made once and never re-keyed."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable

_NAMESPACE = uuid.UUID("6f1c2d1e-6a47-4c2b-9a0e-3b7f5d1c9e10")


def uuid7(ms: int | None = None, random_bytes: Callable[[int], bytes] = os.urandom) -> str:
    """A UUIDv7 (RFC 9562) string; ``ms`` and ``random_bytes`` make it reproducible."""
    if ms is None:
        ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(random_bytes(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= (rand >> 68 & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b, 62 bits
    return str(uuid.UUID(int=value))


def derived_id(*parts: str) -> str:
    """A stable id for a row keyed by others (attendance of a person at a meeting).

    Two copies that record the same fact make the same id, so they merge.
    """
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))
