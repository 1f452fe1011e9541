"""What the store's actions share: a row read, the open-or-new transaction, dates, progress.

The actions live by what they change: :mod:`.actions` (the plan, remarks, rounds and
response templates), :mod:`.section_actions` (the plan tree and its text) and
:mod:`.record_actions` (groups, people, memberships, meetings, attendance, rosters).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from ..core.errors import InvalidInput, KPlanError
from ..core.model import Actor
from .workspace import Workspace, Writer

#: Told ``(done, total)`` by a long change; answering False stops it (nothing is written).
Progress = Callable[[int, int], bool]


class Cancelled(KPlanError):
    """A long change stopped by its user; its transaction was rolled back."""


def tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise Cancelled("Stopped; nothing was changed.")


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@contextlib.contextmanager
def writing(ws: Workspace, writer: Writer | None, actor: Actor) -> Iterator[Writer]:
    """The caller's open writer (a draft import: all in one transaction), else a new one."""
    if writer is not None:
        yield writer
    else:
        with ws.write(actor) as w:
            yield w


def row(ws: Workspace, sql: str, *args: Any) -> Any:
    return ws.conn.execute(sql, args).fetchone()


def check_date(value: str) -> None:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            "“{value}” is not a date; write it as 2024-03-15.", value=value
        ) from None
