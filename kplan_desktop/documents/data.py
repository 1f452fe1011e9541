"""Which remarks a report holds: the criteria, checked against the workspace and described.

The command line names things as users know them (group codes, round names,
author names, a section code); the export dialog picks ids. Both end in one
:class:`ReportCriteria`, which turns into a :class:`~..store.queries.RemarkFilter`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..core.errors import InvalidInput, NotFound
from ..store import queries
from ..store.workspace import Workspace
from .labels import STATUS_ORDER, TYPE_ORDER, Labels


@dataclass(frozen=True)
class ReportCriteria:
    """The report's selection; empty means everything."""

    group_ids: tuple[str, ...] = ()
    round_ids: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    #: The section whose subtree is reported.
    section_id: str | None = None
    author_ids: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""

    def remark_filter(self, ws: Workspace) -> queries.RemarkFilter:
        sections = tuple(queries.subtree_ids(ws, self.section_id)) if self.section_id else ()
        return queries.RemarkFilter(
            section_ids=sections, group_ids=self.group_ids, round_ids=self.round_ids,
            statuses=self.statuses, types=self.types, author_ids=self.author_ids,
            date_from=self.date_from, date_to=self.date_to,
        )

    def describe(self, ws: Workspace, labels: Labels) -> list[tuple[str, str]]:
        """(what, which) lines for the title block; empty when nothing is filtered."""
        lines: list[tuple[str, str]] = []
        if self.group_ids:
            # Names as people write them, with their diacritics; codes are for scripts.
            names = {g["id"]: str(g["name"]) for g in queries.groups(ws, include_archived=True)}
            lines.append((labels["f_group"], "; ".join(names.get(i, i) for i in self.group_ids)))
        if self.round_ids:
            lines.append((labels["f_round"], "; ".join(round_names(ws, self.round_ids))))
        if self.statuses:
            lines.append((labels["f_status"], ", ".join(labels.status(s) for s in self.statuses)))
        if self.types:
            lines.append((labels["f_type"], ", ".join(labels.type(t) for t in self.types)))
        if self.section_id:
            row = queries.section(ws, self.section_id) or {}
            lines.append((labels["f_section"],
                          f"{row.get('code', '')} {row.get('title', '')}".strip()))
        if self.author_ids:
            people = {p["id"]: p["full_name"] for p in queries.people(ws)}
            lines.append((labels["f_author"], "; ".join(people.get(i, i)
                                                         for i in self.author_ids)))
        if self.date_from:
            lines.append((labels["f_from"], self.date_from))
        if self.date_to:
            lines.append((labels["f_to"], self.date_to))
        return lines


def round_names(ws: Workspace, round_ids: Sequence[str]) -> list[str]:
    names = {r["id"]: r["name"] for r in queries.rounds(ws)}
    return [names.get(i, i) for i in round_ids]


def _date(value: str) -> str:
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidInput("“{value}” is not a date; write it as 2024-03-15.",
                           value=value) from None


def resolve_criteria(
    ws: Workspace,
    *,
    groups: Sequence[str] = (),
    rounds: Sequence[str] = (),
    statuses: Sequence[str] = (),
    types: Sequence[str] = (),
    section: str | None = None,
    authors: Sequence[str] = (),
    date_from: str = "",
    date_to: str = "",
) -> ReportCriteria:
    """Criteria from what a user typed: group codes, round names, a section code, author
    names or ids. Anything that names nothing in this plan is refused with one sentence."""
    group_ids = []
    for code in groups:
        group = queries.group_by_code(ws, code)
        if group is None:
            raise NotFound("There is no group with the code {code}.", code=code)
        group_ids.append(str(group["id"]))
    all_rounds = queries.rounds(ws)
    round_ids = []
    for name in rounds:
        found = [r for r in all_rounds
                 if r["id"] == name or str(r["name"]).casefold() == name.casefold()]
        if not found:
            raise NotFound("There is no review round called “{name}”.", name=name)
        round_ids.append(str(found[0]["id"]))
    for status in statuses:
        if status not in STATUS_ORDER:
            raise InvalidInput("“{value}” is not a status; use one of {names}.", value=status,
                               names=", ".join(STATUS_ORDER))
    for remark_type in types:
        if remark_type not in TYPE_ORDER:
            raise InvalidInput("“{value}” is not a remark type; use general, technical or"
                               " editorial.", value=remark_type)
    section_id = None
    if section:
        row = queries.section_by_code(ws, section)
        if row is None:
            raise NotFound("There is no section with the code {code} in this plan.",
                           code=section)
        section_id = str(row["id"])
    people = queries.people(ws)
    author_ids = []
    for who in authors:
        matches = [p for p in people if p["id"] == who] or [
            p for p in people if str(p["full_name"]).casefold() == who.strip().casefold()]
        if not matches:
            raise NotFound("There is no person called “{name}” in this plan.", name=who)
        if len(matches) > 1:
            raise InvalidInput("Several people are called “{name}”; give the person's id.",
                               name=who)
        author_ids.append(str(matches[0]["id"]))
    start, end = _date(date_from), _date(date_to)
    if start and end and end < start:
        raise InvalidInput("The date range ends before it starts.")
    return ReportCriteria(
        group_ids=tuple(group_ids), round_ids=tuple(round_ids), statuses=tuple(statuses),
        types=tuple(types), section_id=section_id, author_ids=tuple(author_ids),
        date_from=start, date_to=end,
    )


def count_selected(ws: Workspace, criteria: ReportCriteria) -> int:
    """How many remarks the criteria select (the export dialog shows it before exporting)."""
    return queries.count_remarks(ws, criteria.remark_filter(ws))


# --- the plan text, for the draft ----------------------------------------------------------------


@dataclass(frozen=True)
class DraftSection:
    id: str
    parent_id: str | None
    depth: int
    kind: str
    code: str
    title: str
    body: str
    unit: str
    baseline: str
    target: str
    head_revision_id: str | None


def draft_sections(ws: Workspace) -> list[DraftSection]:
    """Every live section in plan order, with its depth (0 for the top level)."""
    order = queries.plan_order(ws)
    rows = {
        r[0]: r
        for r in ws.conn.execute(
            "SELECT id, parent_id, kind, code, title, body, unit, baseline, target,"
            " head_revision_id FROM section WHERE deleted = 0"
        )
    }
    depth: dict[str, int] = {}
    out = []
    for section_id in order:
        r = rows[section_id]
        depth[section_id] = depth[r[1]] + 1 if r[1] in depth else 0
        out.append(DraftSection(r[0], r[1], depth[section_id], r[2], r[3] or "", r[4] or "",
                                r[5] or "", r[6] or "", r[7] or "", r[8] or "", r[9]))
    return out


def draft_remarks(ws: Workspace) -> dict[str, list[dict[str, object]]]:
    """The remarks to show as comments (all but withdrawn), by section, oldest first."""
    ids = [
        r[0] for r in ws.conn.execute(
            "SELECT id FROM remark WHERE status != 'withdrawn' ORDER BY created_at, id")
    ]
    rows = queries.remark_rows(ws, ids)
    by_section: dict[str, list[dict[str, object]]] = {}
    for remark_id in ids:
        row = rows[remark_id]
        by_section.setdefault(str(row["section_id"]), []).append(row)
    return by_section


def live_sections(ws: Workspace) -> list[dict[str, Any]]:
    """Every live section with the fields a draft import compares."""
    cur = ws.conn.execute(
        "SELECT id, parent_id, position, kind, code, title, body, unit, baseline, target"
        " FROM section WHERE deleted = 0 ORDER BY position, code, id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def remarks_on_changed_text(ws: Workspace, section_ids: Sequence[str]) -> int:
    """How many live remarks on these sections were made on an older revision of the text."""
    total = 0
    ids = list(section_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        total += int(ws.conn.execute(
            "SELECT COUNT(*) FROM remark r JOIN section s ON s.id = r.section_id"
            f" WHERE r.section_id IN ({','.join('?' * len(chunk))})"
            " AND r.revision_id IS NOT s.head_revision_id AND r.status != 'withdrawn'",
            chunk).fetchone()[0])
    return total
