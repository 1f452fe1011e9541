"""Remark numbers, given like a registry office stamps incoming mail.

A remark's identifier ("KUL-012", core.identifiers) is its group's prefix and its number.
Both are signed events, so every copy shows the same identifier:

- the coordination secretary's copy gives every group a prefix (three or four letters of
  its code, unique in the plan);
- a secretary's copy numbers the unnumbered remarks of its groups (a group secretary: that
  group's; the coordination secretary: every group's), each the group's highest number
  plus one, in the order they were written, in the same transaction as the write or the
  import that brought them (:func:`number_remarks`, :func:`number_after_import`).

Two copies numbering offline at once may clash, and every copy settles it alike:

- one remark numbered by both: the permission table lets only the first numbering (by
  the events' (hlc, device)) stand, since a remark's events are judged in that order;
- two remarks given one number: the earlier numbering event (its (hlc, device)) keeps
  it; the later shows a letter ("KUL-012b", :data:`RANK_SQL`) until a numbering run gives
  it the group's next number, naming the number it replaces (``renumbered_from``, which
  search still finds). Renumbering runs on a secretary's copy only after it has seen both,
  so its event is later than both and the clash is settled for good.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from ..core import clock
from ..core.identifiers import (
    default_prefix,
    derive_prefix,
    format_identifier,
    parse_identifier,
)
from ..core.model import Actor, GroupKind, Role
from ..core.permissions import Change, Refused, judge
from . import events, permissions
from .workspace import Feed, Workspace, Writer

__all__ = [
    "IDENTIFIER_COLUMNS",
    "RANK_SQL",
    "identifier_clause",
    "identifier_of",
    "identifiers",
    "number_after_import",
    "number_remarks",
    "numbered_groups",
]


def _stamp(alias: str) -> str:
    """The (hlc, device) of the event that set the remark's number: its own field stamp,
    else the stamp most fields share, else the row's (see events.encode_stamps)."""
    def part(i: int, column: str) -> str:
        return (f"COALESCE(json_extract({alias}.clocks, '$.number[{i}]'),"
                f" json_extract({alias}.clocks, '$.\"{events.SHARED}\"[{i}]'), {alias}.{column})")
    return f"{part(0, 'hlc')}, {part(1, 'device')}, {alias}.id"


#: How many remarks of the same group hold the same number by an earlier numbering: 0 for
#: the remark that keeps it (a column of ``remark r``).
RANK_SQL = (
    "(SELECT COUNT(*) FROM remark o WHERE o.group_id = r.group_id AND o.number = r.number"
    f" AND o.id != r.id AND ({_stamp('o')}) < ({_stamp('r')}))"
)
#: The columns an identifier is made of, for a query over ``remark r`` joined to
#: ``work_group g`` on the remark's group.
IDENTIFIER_COLUMNS = (
    "r.number AS number, r.renumbered_from AS renumbered_from, g.prefix AS group_prefix,"
    " g.code AS prefix_code, CASE WHEN r.number IS NULL OR NOT EXISTS (SELECT 1 FROM remark o"
    " WHERE o.group_id = r.group_id AND o.number = r.number AND o.id != r.id) THEN 0"
    f" ELSE {RANK_SQL} END AS number_rank"
)


def identifier_of(row: dict[str, object]) -> str:
    """The identifier of a row holding :data:`IDENTIFIER_COLUMNS` and ``id``."""
    prefix = str(row.get("group_prefix") or "") or default_prefix(str(row.get("prefix_code")
                                                                       or ""))
    number = row.get("number")
    rank = row.get("number_rank")
    return format_identifier(prefix, number if isinstance(number, int) else None,
                             str(row["id"]), rank if isinstance(rank, int) else 0)


def identifiers(conn: sqlite3.Connection, remark_ids: Iterable[str]) -> dict[str, str]:
    """Identifier by remark id, for the given remarks."""
    ids = list(remark_ids)
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        cur = conn.execute(
            f"SELECT r.id AS id, {IDENTIFIER_COLUMNS} FROM remark r"
            " LEFT JOIN work_group g ON g.id = r.group_id"
            f" WHERE r.id IN ({','.join('?' * len(chunk))})", chunk)
        names = [d[0] for d in cur.description]
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            out[str(row["id"])] = identifier_of(row)
    return out


def identifier_clause(text: str) -> tuple[str, list[object]] | None:
    """A WHERE clause (over ``remark r``) for the remark a typed identifier names, with
    its arguments; None when the text is not an identifier. A number matches the remark
    that holds it now or held it before a clash took it away."""
    parsed = parse_identifier(text)
    if parsed is None:
        return None
    prefix, number, letters = parsed
    groups = ("r.group_id IN (SELECT id FROM work_group WHERE prefix = ?"
              " OR (prefix = '' AND upper(substr(code, 1, 3)) = ?))")
    if number is None:
        return (f"({groups} AND r.number IS NULL AND replace(r.id, '-', '') LIKE ?)",
                [prefix, prefix, f"%{letters}"])
    return (f"({groups} AND (r.number = ? OR r.renumbered_from = ?))",
            [prefix, prefix, number, number])


# --- numbering -----------------------------------------------------------------------------------


def numbered_groups(conn: sqlite3.Connection, actor: Actor) -> list[str]:
    """The groups whose remarks this person's copy numbers: every group for the
    coordination secretary, else the groups they are secretary of."""
    secretary_of = [m for m in actor.memberships if m.role is Role.SECRETARY]
    if any(m.group_kind is GroupKind.COORDINATION for m in secretary_of):
        return [r[0] for r in conn.execute("SELECT id FROM work_group ORDER BY kind, code, id")]
    return sorted({m.group_id for m in secretary_of})


def number_remarks(writer: Writer) -> int:
    """As the writer's person: give prefixes to groups without one (coordination only),
    new numbers to remarks a clash took a number from, and numbers to unnumbered remarks,
    inside the writer's transaction. Returns how many remarks were numbered."""
    conn = writer.conn
    actor = permissions.actor_of(conn, writer.feed.author)
    groups = numbered_groups(conn, actor)
    if not groups:
        return 0
    if actor.coordinates and any(m.role is Role.SECRETARY for m in actor.memberships):
        _give_prefixes(conn, writer)
    numbered = 0
    for group_id in groups:
        numbered += _number_group(conn, writer, group_id)
    return numbered


def _give_prefixes(conn: sqlite3.Connection, writer: Writer) -> None:
    rows = conn.execute("SELECT id, code, prefix FROM work_group ORDER BY kind, code, id"
                        ).fetchall()
    taken = {str(prefix) for _, _, prefix in rows if prefix}
    for group_id, code, prefix in rows:
        if prefix:
            continue
        new = derive_prefix(str(code or ""), taken)
        taken.add(new)
        writer.put("work_group", group_id, {"prefix": new})


def _number_group(conn: sqlite3.Connection, writer: Writer, group_id: str) -> int:
    highest = int(conn.execute("SELECT COALESCE(MAX(number), 0) FROM remark WHERE group_id = ?",
                               (group_id,)).fetchone()[0])
    # (The numbers held twice first: the index finds them without ranking every remark.)
    losers = conn.execute(
        "SELECT r.id, r.number FROM remark r WHERE r.group_id = ? AND r.number IN"
        " (SELECT number FROM remark WHERE group_id = ? AND number IS NOT NULL"
        f" GROUP BY number HAVING COUNT(*) > 1) AND {RANK_SQL} > 0 ORDER BY r.created_at, r.id",
        (group_id, group_id)).fetchall()
    # Ids only, and pairs made a chunk at a time: an import may bring 50,000 remarks, and
    # this runs at the end of it, when its memory is at its highest.
    fresh = [r for (r,) in conn.execute(
        "SELECT id FROM remark WHERE group_id = ? AND number IS NULL ORDER BY created_at, id",
        (group_id,))]
    # Remarks a clash took a number from, then the unnumbered, both in the order written.
    pending = itertools.chain(((str(r[0]), int(r[1])) for r in losers),
                              ((str(r), None) for r in fresh))
    return _stamp_many(writer, pending, highest)


_JUDGED = "author_id, group_id, status, response, section_id, number"
_REMARK = events.ENTITIES["remark"]


def _stamp_many(writer: Writer, pending: Iterator[tuple[str, int | None]],
                highest: int) -> int:
    """Number the pending remarks (id, the number a clash took from it or None) from
    ``highest`` + 1 on: ``writer.put`` at the cost of a bulk write (an import may bring
    50,000 remarks), each change judged by the same table, logged and applied as
    events.apply would, batched. Returns how many were numbered.

    A remark holding a change stamped at or past this copy's clock (a remote clock ahead,
    within the day allowed) waits for a later run: a number stamped before the remark's
    own changes would be judged, on replay, before the remark existed."""
    conn, feed = writer.conn, writer.feed
    actor = permissions.actor_of(conn, feed.author)
    log: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    numbered = 0
    judged: dict[tuple[Any, ...], Refused | None] = {}
    while chunk := list(itertools.islice(pending, 500)):
        cur = conn.execute(
            f"SELECT id, {_JUDGED}, hlc, device, clocks FROM remark"
            f" WHERE id IN ({','.join('?' * len(chunk))})", [c[0] for c in chunk])
        rows = {row[0]: row for row in cur.fetchall()}
        for remark_id, old in chunk:
            row = rows[remark_id]
            row_stamp = (row[7], row[8])  # its latest change (events.encode_stamps)
            if row_stamp >= (clock.tick(feed.last_hlc, writer.now_ms), feed.device):
                continue
            fields: dict[str, Any] = {"number": highest + 1}
            if old is not None:
                fields["renumbered_from"] = old
            # The verdict hangs on the group, the status (the state is made of it) and
            # whether it had a number: judged once per kind, not once per remark of a
            # 50,000-remark import.
            kind = (row[2], row[3], row[6], old)
            if kind not in judged:
                existing = dict(zip(_JUDGED.split(", "), row[1:7], strict=True))
                judged[kind] = judge(actor, Change("remark", remark_id, fields, existing))
            refusal = judged[kind]
            if refusal is not None:
                raise refusal
            highest += 1
            numbered += 1
            feed.last_hlc = clock.tick(feed.last_hlc, writer.now_ms)
            feed.seq += 1
            event = events.make(plan=feed.plan, device=feed.device, seq=feed.seq,
                                hlc=feed.last_hlc, author=feed.author, entity="remark",
                                entity_id=remark_id, fields=fields, prev=feed.head)
            feed.head = event.id
            log.append((event.id, event.device, event.seq, event.hlc, "remark", remark_id,
                        event.author, event.prev, event.body))
            hlc, device, clocks = events.restamp(_REMARK, *row_stamp, row[9], fields,
                                                 event.stamp)
            updates.append((fields["number"], "renumbered_from" in fields,
                            fields.get("renumbered_from"), hlc, device, clocks, remark_id))
        _flush(conn, log, updates)
    return numbered


def _flush(conn: sqlite3.Connection, log: list[tuple[Any, ...]],
           updates: list[tuple[Any, ...]]) -> None:
    conn.executemany(
        "INSERT INTO event (id, device, seq, hlc, entity, entity_id, author, prev, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", log)
    conn.executemany(
        "UPDATE remark SET number = ?, renumbered_from = CASE WHEN ? THEN ? ELSE"
        " renumbered_from END, hlc = ?, device = ?, clocks = ? WHERE id = ?",
        updates)
    log.clear()
    updates.clear()


def number_after_import(ws: Workspace, conn: sqlite3.Connection, now: int) -> int:
    """After an import has applied, in its transaction: number what it brought, in this
    copy's own feed (as ``import_bookkeeping.introduce_members`` vouches for keys)."""
    actor = ws.actor()
    if not any(m.role is Role.SECRETARY for m in actor.memberships):
        return 0
    ident = ws.identity
    last_hlc, seq, head, own_key, own_fp = conn.execute(
        "SELECT last_hlc, seq, head, public_key, fingerprint FROM local_identity"
    ).fetchone()
    feed = Feed(ident.plan_id, ident.device_id, ident.person_id, seq, head, last_hlc,
                own_key, own_fp)
    writer = Writer(conn, feed, clock_ms=now)
    numbered = number_remarks(writer)
    writer.finish()
    return numbered
