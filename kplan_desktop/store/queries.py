"""Read-only questions the UI, the reports and the command line ask of a workspace.

Lists are asked for in two steps, as the lazy Qt models need them: first the
ids in order (cheap, even for 50,000 rows), then the rows of the few ids on
screen.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.collation import lithuanian_key
from .remark_numbers import IDENTIFIER_COLUMNS, identifier_clause, identifier_of
from .workspace import Workspace

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """User text as a safe FTS5 query: every word quoted, the last one as a prefix.

    Quotes, ``*``, ``NEAR(``, ``AND``/``OR`` typed by a user are only words here, so a
    search never raises; ``None`` when there is nothing to search for.
    """
    # NFC first: text pasted from a PDF or a Mac may spell "ą" as "a" + a combining ogonek,
    # which \w would split into two words.
    words = _TOKEN.findall(unicodedata.normalize("NFC", text))
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def _dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def plan(ws: Workspace) -> dict[str, Any]:
    cur = ws.conn.execute("SELECT id, title, period, languages FROM plan WHERE id = ?",
                          (ws.identity.plan_id,))
    rows = _dicts(cur)
    return rows[0] if rows else {"id": ws.identity.plan_id, "title": "", "period": "",
                                 "languages": ""}


# --- the plan tree -------------------------------------------------------------------------------


def child_section_ids(ws: Workspace, parent_id: str | None, *,
                      include_removed: bool = False) -> list[str]:
    """The children of a section (None: the top level) in plan order.

    ``include_removed`` adds the sections a draft import marked removed, after the
    live ones: the plan tree shows them, so that their remarks stay reachable.
    """
    live = "" if include_removed else " AND deleted = 0"
    return [
        r[0]
        for r in ws.conn.execute(
            f"SELECT id FROM section WHERE parent_id IS ?{live}"
            " ORDER BY deleted, position, code, id",
            (parent_id,),
        )
    ]


def section_rows(ws: Workspace, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Tree rows: code, title, kind, state, responsible group, remark and conflict counts.

    ``children`` counts live children; ``tree_children`` counts the removed ones too,
    and ``removed`` says whether a draft import marked the section removed.
    """
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    cur = ws.conn.execute(
        f"""SELECT s.id, s.parent_id, s.kind, s.code, s.title, s.state, s.heads,
                   s.deleted AS removed,
                   g.code AS group_code, g.name AS group_name,
                   (SELECT COUNT(*) FROM remark r WHERE r.section_id = s.id) AS remarks,
                   (SELECT COUNT(*) FROM section c WHERE c.parent_id = s.id AND c.deleted = 0)
                       AS children,
                   (SELECT COUNT(*) FROM section c WHERE c.parent_id = s.id) AS tree_children
            FROM section s LEFT JOIN work_group g ON g.id = s.responsible_group_id
            WHERE s.id IN ({marks})""",
        tuple(ids),
    )
    return {row["id"]: row for row in _dicts(cur)}


def section_places(ws: Workspace, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Where sections sit in the tree: parent_id, position and code of each."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    cur = ws.conn.execute(
        f"SELECT id, parent_id, position, code FROM section WHERE id IN ({marks})", tuple(ids))
    return {row["id"]: row for row in _dicts(cur)}


def section(ws: Workspace, section_id: str) -> dict[str, Any] | None:
    cur = ws.conn.execute(
        """SELECT s.*, g.code AS group_code, g.name AS group_name
           FROM section s LEFT JOIN work_group g ON g.id = s.responsible_group_id
           WHERE s.id = ?""",
        (section_id,),
    )
    rows = _dicts(cur)
    return rows[0] if rows else None


def section_by_code(ws: Workspace, code: str) -> dict[str, Any] | None:
    row = ws.conn.execute(
        "SELECT id FROM section WHERE code = ? AND deleted = 0 ORDER BY id LIMIT 1", (code,)
    ).fetchone()
    return section(ws, row[0]) if row else None


def subtree_ids(ws: Workspace, root_id: str) -> list[str]:
    return [
        r[0]
        for r in ws.conn.execute(
            """WITH RECURSIVE sub(id) AS (
                   SELECT ? UNION ALL
                   SELECT s.id FROM section s JOIN sub ON s.parent_id = sub.id
                   WHERE s.deleted = 0)
               SELECT id FROM sub""",
            (root_id,),
        )
    ]


def plan_order(ws: Workspace) -> list[str]:
    """Every section id, depth first in tree order: the order of the plan's text."""
    return [
        r[0]
        for r in ws.conn.execute(
            """WITH RECURSIVE walk(id, path) AS (
                   SELECT id, printf('%08d', position) FROM section
                   WHERE parent_id IS NULL AND deleted = 0
                   UNION ALL
                   SELECT s.id, walk.path || '.' || printf('%08d', s.position)
                   FROM section s JOIN walk ON s.parent_id = walk.id WHERE s.deleted = 0)
               SELECT id FROM walk ORDER BY path"""
        )
    ]


def revisions(ws: Workspace, section_id: str) -> list[dict[str, Any]]:
    cur = ws.conn.execute(
        """SELECT r.id, r.title, r.body, r.hlc, r.device, p.full_name AS author,
                  (SELECT group_concat(parent_id) FROM revision_parent WHERE revision_id = r.id)
                      AS parents
           FROM section_revision r LEFT JOIN person p ON p.id = r.author_id
           WHERE r.section_id = ? ORDER BY r.hlc, r.device""",
        (section_id,),
    )
    return _dicts(cur)


def revision(ws: Workspace, revision_id: str) -> dict[str, Any] | None:
    rows = _dicts(ws.conn.execute(
        "SELECT id, section_id, title, body, hlc, device, author_id FROM section_revision"
        " WHERE id = ?", (revision_id,)))
    return rows[0] if rows else None


# --- remarks -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RemarkFilter:
    """Which remarks to list; empty means no restriction."""

    section_ids: tuple[str, ...] = ()
    group_ids: tuple[str, ...] = ()
    round_ids: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    author_ids: tuple[str, ...] = ()
    search: str = ""
    date_from: str = ""
    date_to: str = ""
    extra: tuple[tuple[str, tuple[Any, ...]], ...] = field(default=())

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        for column, values in (
            ("r.section_id", self.section_ids),
            ("r.group_id", self.group_ids),
            ("r.round_id", self.round_ids),
            ("r.status", self.statuses),
            ("r.type", self.types),
            ("r.author_id", self.author_ids),
        ):
            if values:
                clauses.append(f"{column} IN ({','.join('?' * len(values))})")
                args.extend(values)
        if self.date_from:
            clauses.append("r.created_at >= ?")
            args.append(self.date_from)
        if self.date_to:
            clauses.append("substr(r.created_at, 1, 10) <= ?")
            args.append(self.date_to)
        query = fts_query(self.search)
        if self.search and query is None:
            clauses.append("0")
        elif query is not None:
            # "KUL-012" finds the remark of that identifier, and its words as ever.
            ident = identifier_clause(self.search)
            clauses.append(
                ("(" + ident[0] + " OR " if ident else "(")
                + "r.rowid IN (SELECT rowid FROM remark_fts WHERE remark_fts MATCH ?))"
            )
            args.extend([*(ident[1] if ident else ()), query])
        for sql, params in self.extra:
            clauses.append(sql)
            args.extend(params)
        return (" AND ".join(clauses) or "1"), args


#: Orders the remark list can be sorted by (column name -> SQL).
REMARK_ORDER = {
    "plan": "sec_path, r.created_at, r.id",
    "created": "r.created_at, r.id",
    "status": "r.status, r.created_at, r.id",
    "type": "r.type, r.created_at, r.id",
    "author": "p.full_name, r.created_at, r.id",
    "group": "g.code, r.created_at, r.id",
    "section": "s.code, r.created_at, r.id",
    "text": "r.text, r.created_at, r.id",
    "response": "r.response, r.created_at, r.id",
    "identifier": "(SELECT prefix FROM work_group WHERE id = r.group_id), r.number, r.id",
}


def remark_ids(
    ws: Workspace, flt: RemarkFilter = RemarkFilter(), order: str = "created",
    descending: bool = False,
) -> list[str]:
    """The ids of the remarks the filter selects, in order."""
    where, args = flt.where()
    order_sql = REMARK_ORDER[order]
    if descending:
        order_sql = ", ".join(f"{part} DESC" for part in order_sql.split(", "))
    joins = "JOIN section s ON s.id = r.section_id"
    if order == "author":
        joins += " LEFT JOIN person p ON p.id = r.author_id"
    if order == "group":
        joins += " LEFT JOIN work_group g ON g.id = r.group_id"
    if order == "plan":
        ordered = plan_order(ws)
        rank = {sid: i for i, sid in enumerate(ordered)}
        rows = ws.conn.execute(
            f"SELECT r.id, r.section_id, r.created_at FROM remark r {joins} WHERE {where}", args
        ).fetchall()
        rows.sort(key=lambda r: (rank.get(r[1], len(rank)), r[2], r[0]), reverse=descending)
        return [r[0] for r in rows]
    if order in ("author", "group"):
        # Names in Lithuanian order: SQLite compares code points ("Šimkus" after "Zigmantas").
        name = "p.full_name" if order == "author" else "g.name"
        rows = ws.conn.execute(
            f"SELECT r.id, {name}, r.created_at FROM remark r {joins} WHERE {where}", args
        ).fetchall()
        rows.sort(key=lambda r: (lithuanian_key(r[1] or ""), r[2], r[0]), reverse=descending)
        return [r[0] for r in rows]
    return [
        r[0]
        for r in ws.conn.execute(
            f"SELECT r.id FROM remark r {joins} WHERE {where} ORDER BY {order_sql}", args
        )
    ]


def count_remarks(ws: Workspace, flt: RemarkFilter = RemarkFilter()) -> int:
    where, args = flt.where()
    return int(ws.conn.execute(f"SELECT COUNT(*) FROM remark r WHERE {where}", args).fetchone()[0])


REMARK_COLUMNS = """r.id, r.section_id, r.revision_id, r.quote, r.quote_start, r.quote_end,
    r.author_id, r.group_id, r.round_id, r.type, r.text, r.proposed, r.justification,
    r.created_at, r.status, r.response, r.responded_by, r.responded_at,
    s.code AS section_code, s.title AS section_title, s.responsible_group_id AS section_group_id,
    (r.revision_id IS NOT s.head_revision_id AND NOT EXISTS (SELECT 1 FROM section_revision
        rv WHERE rv.id = r.revision_id AND rv.title = s.title AND rv.body = s.body))
        AS text_changed,
    s.deleted AS section_removed,
    p.full_name AS author_name, g.code AS group_code, g.name AS group_name,
    rr.name AS round_name, rp.full_name AS responder_name, """ + IDENTIFIER_COLUMNS

_REMARK_JOINS = """FROM remark r JOIN section s ON s.id = r.section_id
    LEFT JOIN person p ON p.id = r.author_id
    LEFT JOIN work_group g ON g.id = r.group_id
    LEFT JOIN review_round rr ON rr.id = r.round_id
    LEFT JOIN person rp ON rp.id = r.responded_by"""


def remark_rows(ws: Workspace, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Full rows, with names joined in, for the given remark ids."""
    ids = list(ids)
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        cur = ws.conn.execute(
            f"SELECT {REMARK_COLUMNS} {_REMARK_JOINS} WHERE r.id IN"
            f" ({','.join('?' * len(chunk))})",
            chunk,
        )
        for row in _dicts(cur):
            row["identifier"] = identifier_of(row)  # "KUL-012" (store.remark_numbers)
            out[row["id"]] = row
    return out


def remark(ws: Workspace, remark_id: str) -> dict[str, Any] | None:
    return remark_rows(ws, [remark_id]).get(remark_id)


def section_quotes(ws: Workspace, section_id: str) -> list[tuple[int, int, str, str]]:
    """(start, end, remark id, status) of the remarks quoting the section's current text."""
    return [
        (int(r[0]), int(r[1]), r[2], r[3])
        for r in ws.conn.execute(
            """SELECT r.quote_start, r.quote_end, r.id, r.status FROM remark r
               JOIN section s ON s.id = r.section_id
               WHERE r.section_id = ? AND r.quote_start IS NOT NULL
                 AND r.revision_id IS s.head_revision_id AND r.status != 'withdrawn'
               ORDER BY r.quote_start""",
            (section_id,),
        )
    ]


# --- records and counts --------------------------------------------------------------------------


def groups(ws: Workspace, *, include_archived: bool = False) -> list[dict[str, Any]]:
    cur = ws.conn.execute(
        "SELECT id, code, name, kind, mandate, archived FROM work_group"
        + ("" if include_archived else " WHERE archived = 0")
        + " ORDER BY kind = 'coordination', code"
    )
    return _dicts(cur)


def group_by_code(ws: Workspace, code: str) -> dict[str, Any] | None:
    rows = _dicts(ws.conn.execute(
        "SELECT id, code, name, kind, mandate, archived FROM work_group WHERE code = ?", (code,)))
    return rows[0] if rows else None


def members(ws: Workspace, group_id: str) -> list[dict[str, Any]]:
    cur = ws.conn.execute(
        """SELECT m.id, m.person_id, m.role, m.since, m.until, p.full_name, p.email,
                  p.organisation, p.gender
           FROM membership m JOIN person p ON p.id = m.person_id
           WHERE m.group_id = ? AND m.deleted = 0
           ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END,
                    p.full_name""",
        (group_id,),
    )
    return _dicts(cur)


def meetings(ws: Workspace, group_id: str) -> list[dict[str, Any]]:
    cur = ws.conn.execute(
        "SELECT id, group_id, date, place, agenda, minutes, decisions FROM meeting"
        " WHERE group_id = ? AND deleted = 0 ORDER BY date DESC",
        (group_id,),
    )
    return _dicts(cur)


def attendance(ws: Workspace, meeting_id: str) -> list[dict[str, Any]]:
    cur = ws.conn.execute(
        "SELECT a.person_id, a.present, p.full_name, p.gender FROM attendance a"
        " JOIN person p ON p.id = a.person_id WHERE a.meeting_id = ? AND a.present >= 0"
        " ORDER BY p.full_name",
        (meeting_id,),
    )
    return _dicts(cur)


def rounds(ws: Workspace) -> list[dict[str, Any]]:
    return _dicts(ws.conn.execute(
        "SELECT id, name, draft_revision, opens, closes FROM review_round WHERE deleted = 0"
        " ORDER BY opens"))


def people(ws: Workspace) -> list[dict[str, Any]]:
    return _dicts(ws.conn.execute(
        "SELECT id, full_name, email, organisation, fingerprint, gender FROM person"
        " ORDER BY full_name"))


def person(ws: Workspace, person_id: str) -> dict[str, Any] | None:
    rows = _dicts(ws.conn.execute(
        "SELECT id, full_name, email, organisation, public_key, fingerprint, gender"
        " FROM person WHERE id = ?", (person_id,)))
    return rows[0] if rows else None


def info(ws: Workspace) -> dict[str, Any]:
    """The counts `kplan info` prints."""
    def count(table: str, where: str = "1") -> int:
        return int(ws.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0])

    by_status = {
        status: n
        for status, n in ws.conn.execute(
            "SELECT status, COUNT(*) FROM remark GROUP BY status ORDER BY status"
        )
    }
    ident = ws.identity
    return {
        "path": str(ws.path),
        "plan": plan(ws),
        "device_id": ident.device_id,
        "groups": count("work_group", "archived = 0"),
        "people": count("person"),
        "sections": count("section", "deleted = 0"),
        "meetings": count("meeting", "deleted = 0"),
        "rounds": count("review_round", "deleted = 0"),
        "remarks": count("remark"),
        "remarks_by_status": by_status,
        "events": count("event"),
        "open_conflicts": count("conflict", "resolved_at IS NULL"),
    }


def dashboard(ws: Workspace, today: str, top: int = 10) -> dict[str, Any]:
    """The consolidation dashboard's counts: by group and status, by type, the sections
    with most remarks, open remarks per round, and the rounds past their closing date."""
    by_group = _dicts(ws.conn.execute(
        """SELECT g.code, g.name, r.status, COUNT(*) AS n FROM remark r
           LEFT JOIN work_group g ON g.id = r.group_id
           GROUP BY r.group_id, r.status ORDER BY g.code"""))
    by_type = _dicts(ws.conn.execute(
        "SELECT type, COUNT(*) AS n FROM remark GROUP BY type ORDER BY n DESC"))
    top_sections = _dicts(ws.conn.execute(
        """SELECT s.id, s.code, s.title, COUNT(*) AS n,
                  SUM(r.status IN ('new', 'under_review')) AS open
           FROM remark r JOIN section s ON s.id = r.section_id
           GROUP BY r.section_id ORDER BY n DESC, s.code LIMIT ?""", (top,)))
    per_round = _dicts(ws.conn.execute(
        """SELECT rr.id, rr.name, rr.opens, rr.closes, COUNT(r.id) AS n,
                  COALESCE(SUM(r.status IN ('new', 'under_review')), 0) AS open
           FROM review_round rr LEFT JOIN remark r ON r.round_id = rr.id
           WHERE rr.deleted = 0 GROUP BY rr.id ORDER BY rr.opens"""))
    for row in per_round:
        row["overdue"] = bool(row["closes"]) and row["closes"] < today and row["open"] > 0
    return {"by_group": by_group, "by_type": by_type, "top_sections": top_sections,
            "per_round": per_round}
