"""Open conflicts, and resolving a section's two heads by one new revision.

A person resolves a section conflict: take one head's text, or write a merged
text (a line-based three-way merge from the common base is offered as a start).
Either way the new revision names both heads as parents, so every copy that
imports it sees one head again.
"""

from __future__ import annotations

import difflib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.errors import KPlanError
from ..store import actions, events
from ..store.workspace import Workspace
from .import_bookkeeping import record_section_conflict


@dataclass(frozen=True)
class Side:
    revision_id: str
    title: str
    body: str
    author: str
    hlc: int


@dataclass(frozen=True)
class SectionConflict:
    conflict_id: str
    section_id: str
    code: str
    found_at: str
    base: Side | None
    #: The heads, the one every copy shows first at the front.
    heads: tuple[Side, ...]


@dataclass(frozen=True)
class ForkConflict:
    conflict_id: str
    device: str
    seq: int
    found_at: str


def open_conflicts(ws: Workspace) -> list[SectionConflict | ForkConflict]:
    found: list[SectionConflict | ForkConflict] = []
    for conflict_id, kind, entity_id, detail, found_at in ws.conn.execute(
        "SELECT id, kind, entity_id, detail, found_at FROM conflict WHERE resolved_at IS NULL"
        " ORDER BY found_at, id"
    ).fetchall():
        if kind == "section":
            found.append(section_conflict(ws, conflict_id, entity_id, found_at))
        else:
            info = json.loads(detail)
            found.append(ForkConflict(conflict_id, entity_id, int(info["seq"]), found_at))
    return found


def _side(conn: sqlite3.Connection, revision_id: str) -> Side:
    row = conn.execute(
        "SELECT r.id, r.title, r.body, COALESCE(p.full_name, ''), r.hlc FROM section_revision r"
        " LEFT JOIN person p ON p.id = r.author_id WHERE r.id = ?",
        (revision_id,),
    ).fetchone()
    return Side(row[0], row[1], row[2], row[3], row[4])


def section_conflict(
    ws: Workspace, conflict_id: str, section_id: str, found_at: str = ""
) -> SectionConflict:
    conn = ws.conn
    heads = events.section_heads(conn, section_id)
    code = conn.execute("SELECT code FROM section WHERE id = ?", (section_id,)).fetchone()
    base_id = common_base(conn, heads)
    return SectionConflict(
        conflict_id=conflict_id,
        section_id=section_id,
        code=code[0] if code else "",
        found_at=found_at,
        base=_side(conn, base_id) if base_id else None,
        heads=tuple(_side(conn, h) for h in heads),
    )


def _ancestors(conn: sqlite3.Connection, revision_id: str) -> dict[str, int]:
    """Every ancestor of a revision (itself included) with its distance."""
    seen = {revision_id: 0}
    frontier = [revision_id]
    while frontier:
        nxt = []
        for rid in frontier:
            for (parent,) in conn.execute(
                "SELECT parent_id FROM revision_parent WHERE revision_id = ?", (rid,)
            ):
                if parent not in seen:
                    seen[parent] = seen[rid] + 1
                    nxt.append(parent)
        frontier = nxt
    return seen


def common_base(conn: sqlite3.Connection, heads: Sequence[str]) -> str | None:
    """The nearest revision all heads descend from, if any."""
    if not heads:
        return None
    maps = [_ancestors(conn, h) for h in heads]
    common = set(maps[0]).intersection(*maps[1:])
    if not common:
        return None
    return min(common, key=lambda r: (sum(m[r] for m in maps), r))


def merge3(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """A line-based three-way merge (the merge3 algorithm); returns (text, had_conflicts).

    Regions unchanged on both sides anchor the merge; between anchors, a region
    changed on one side only takes that side, and one changed differently on
    both stands twice between markers for a person to edit.
    """
    z = base.splitlines(keepends=True)
    a = ours.splitlines(keepends=True)
    b = theirs.splitlines(keepends=True)
    out: list[str] = []
    conflicted = False
    iz = ia = ib = 0
    for zs, ze, as_, ae, bs, be in _sync_regions(z, a, b):
        z_chunk, a_chunk, b_chunk = z[iz:zs], a[ia:as_], b[ib:bs]
        if a_chunk == b_chunk or b_chunk == z_chunk:
            out.extend(a_chunk)
        elif a_chunk == z_chunk:
            out.extend(b_chunk)
        else:
            conflicted = True
            out += ["<<<<<<<\n", *_ended(a_chunk), "=======\n", *_ended(b_chunk), ">>>>>>>\n"]
        out.extend(z[zs:ze])
        iz, ia, ib = ze, ae, be
    return "".join(out), conflicted


def _sync_regions(
    z: list[str], a: list[str], b: list[str]
) -> list[tuple[int, int, int, int, int, int]]:
    """Base ranges unchanged in both sides, with where they stand in each side."""
    ma = difflib.SequenceMatcher(None, z, a, autojunk=False).get_matching_blocks()
    mb = difflib.SequenceMatcher(None, z, b, autojunk=False).get_matching_blocks()
    regions = []
    i = j = 0
    while i < len(ma) and j < len(mb):
        a_base, a_at, a_len = ma[i]
        b_base, b_at, b_len = mb[j]
        lo, hi = max(a_base, b_base), min(a_base + a_len, b_base + b_len)
        if lo < hi:
            regions.append(
                (lo, hi, a_at + lo - a_base, a_at + hi - a_base, b_at + lo - b_base,
                 b_at + hi - b_base)
            )
        if a_base + a_len < b_base + b_len:
            i += 1
        else:
            j += 1
    regions.append((len(z), len(z), len(a), len(a), len(b), len(b)))
    return regions


def _ended(lines: list[str]) -> list[str]:
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return lines


def suggested_text(conflict: SectionConflict) -> tuple[str, bool]:
    """A starting text for the merge: the three-way merge of the first two heads."""
    base = conflict.base.body if conflict.base else ""
    return merge3(base, conflict.heads[0].body, conflict.heads[1].body)


def resolve_section(
    ws: Workspace, section_id: str, *, title: str, body: str
) -> str:
    """A new revision after every current head: the section has one head again."""
    heads = events.section_heads(ws.conn, section_id)
    if len(heads) < 2:
        raise KPlanError("This section has no conflict to resolve (any longer).")
    revision_id = actions.revise_section(ws, section_id, title=title, body=body, parents=heads)
    assert revision_id is not None
    with ws.raw_transaction() as conn:
        record_section_conflict(conn, section_id)
    return revision_id


def take_head(ws: Workspace, section_id: str, revision_id: str) -> str:
    """Resolve by taking one head's title and text as they are."""
    side = _side(ws.conn, revision_id)
    return resolve_section(ws, section_id, title=side.title, body=side.body)


def dismiss_fork(ws: Workspace, conflict_id: str) -> None:
    """A fork is kept as it is (both branches applied); the secretary marks it seen."""
    with ws.raw_transaction() as conn:
        conn.execute(
            "UPDATE conflict SET resolved_at = datetime('now') WHERE id = ? AND kind = 'fork'",
            (conflict_id,),
        )
