"""The hybrid logical clock: never backwards, ahead of what it saw, wary of wrong clocks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kplan_desktop.core import clock
from kplan_desktop.core.errors import KPlanError

NOW = 1_760_000_000_000  # an ordinary wall-clock time in ms (October 2025)
HOUR = 60 * 60 * 1000

# A wall clock that jumps about: forwards, backwards (NTP, a user fixing the date), standing still.
wall_steps = st.lists(st.integers(min_value=-2 * HOUR, max_value=2 * HOUR), max_size=60)


def test_pack_and_unpack_round_trip() -> None:
    stamp = clock.pack(NOW, 7)
    assert clock.wall_ms(stamp) == NOW
    assert clock.counter(stamp) == 7


def test_a_new_millisecond_starts_the_counter_at_zero() -> None:
    last = clock.pack(NOW - 5, 3)
    stamp = clock.tick(last, NOW)
    assert (clock.wall_ms(stamp), clock.counter(stamp)) == (NOW, 0)


def test_the_counter_increments_within_one_millisecond() -> None:
    first = clock.tick(0, NOW)
    second = clock.tick(first, NOW)
    third = clock.tick(second, NOW)
    assert [clock.counter(s) for s in (first, second, third)] == [0, 1, 2]
    assert {clock.wall_ms(s) for s in (first, second, third)} == {NOW}


def test_a_clock_set_back_does_not_set_the_stamps_back() -> None:
    last = clock.tick(0, NOW)
    stamp = clock.tick(last, NOW - HOUR)
    assert stamp > last
    assert clock.wall_ms(stamp) == NOW


@given(start=st.integers(min_value=0, max_value=NOW), steps=wall_steps)
def test_local_stamps_are_strictly_increasing(start: int, steps: list[int]) -> None:
    last, now = 0, start
    for step in steps:
        now = max(0, now + step)
        stamp = clock.tick(last, now)
        assert stamp > last
        assert clock.wall_ms(stamp) >= now  # never behind the wall clock
        last = stamp


@given(
    steps=wall_steps,
    remotes=st.lists(st.integers(min_value=-HOUR, max_value=clock.DAY_MS), max_size=60),
)
def test_after_receiving_the_clock_stays_ahead_of_everything_seen(
    steps: list[int], remotes: list[int]
) -> None:
    last, now, seen = 0, NOW, 0
    for step, offset in zip(steps, remotes, strict=False):
        now += step
        remote = clock.pack(now + offset, abs(offset) % 100)
        received = clock.receive(last, remote, now)
        assert received >= max(last, remote)
        seen = max(seen, remote)
        last = clock.tick(received, now)
        assert last > seen  # a later local edit beats every remote edit seen so far


def test_receive_takes_the_remote_ahead_and_the_next_tick_passes_it() -> None:
    local = clock.tick(0, NOW)
    remote = clock.pack(NOW + HOUR, 41)
    received = clock.receive(local, remote, NOW)
    assert received == remote
    after = clock.tick(received, NOW)
    assert after > remote
    assert clock.wall_ms(after) == NOW + HOUR and clock.counter(after) == 42


def test_receive_of_an_older_remote_keeps_our_clock() -> None:
    local = clock.tick(0, NOW)
    assert clock.receive(local, clock.pack(NOW - HOUR), NOW) == local


def test_a_remote_clock_up_to_a_day_ahead_is_accepted() -> None:
    clock.check_remote(clock.pack(NOW + clock.DAY_MS), NOW)
    clock.receive(0, clock.pack(NOW + clock.DAY_MS - 1, 5), NOW)


@pytest.mark.parametrize("ahead_ms", [clock.DAY_MS + 1, 3 * clock.DAY_MS, 365 * clock.DAY_MS])
def test_a_remote_clock_more_than_a_day_ahead_is_refused(ahead_ms: int) -> None:
    local = clock.tick(0, NOW)
    with pytest.raises(clock.ClockTooFarAhead) as info:
        clock.receive(local, clock.pack(NOW + ahead_ms), NOW)
    assert isinstance(info.value, KPlanError)
    assert f"{ahead_ms // clock.DAY_MS} days" in str(info.value)


def test_last_writer_wins_order_breaks_ties_by_device() -> None:
    stamp = clock.pack(NOW, 1)
    assert clock.newer((stamp + 1, "a"), (stamp, "z"))
    assert clock.newer((stamp, "b"), (stamp, "a"))
    assert not clock.newer((stamp, "a"), (stamp, "a"))
