"""The hybrid logical clock (HLC) that orders every change across copies.

An HLC value is one integer: wall-clock milliseconds shifted left 16 bits,
plus a 16-bit counter. It never goes backwards on one copy, and after seeing a
remote value it stays ahead of it, so "later" means later even when laptop
clocks disagree. Ties between copies are broken by the device id.
"""

from __future__ import annotations

from .errors import KPlanError

COUNTER_BITS = 16
_COUNTER_MASK = (1 << COUNTER_BITS) - 1
DAY_MS = 24 * 60 * 60 * 1000
#: A remote clock further ahead of ours than this is refused (DESIGN: a day).
MAX_DRIFT_MS = DAY_MS


class ClockTooFarAhead(KPlanError):
    pass


def pack(wall_ms: int, counter: int = 0) -> int:
    return (wall_ms << COUNTER_BITS) | counter


def wall_ms(hlc: int) -> int:
    return hlc >> COUNTER_BITS


def counter(hlc: int) -> int:
    return hlc & _COUNTER_MASK


def tick(last: int, now_ms: int) -> int:
    """The stamp for a new local event, given the last stamp this copy used or saw."""
    if now_ms > wall_ms(last):
        return pack(now_ms)
    return last + 1


def check_remote(remote: int, now_ms: int) -> None:
    """Refuse a remote stamp more than a day ahead of our wall clock."""
    ahead = wall_ms(remote) - now_ms
    if ahead > MAX_DRIFT_MS:
        raise ClockTooFarAhead(
            "A change is stamped {days} days in the future; the sender's clock is wrong.",
            days=ahead // DAY_MS,
        )


def receive(last: int, remote: int, now_ms: int) -> int:
    """Our clock after seeing ``remote``: ahead of both, so later local edits win."""
    check_remote(remote, now_ms)
    return max(last, remote, pack(now_ms))


def newer(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Last-writer-wins order: is stamp ``a`` (hlc, device) later than ``b``?"""
    return a > b
