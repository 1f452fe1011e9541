"""The minutes of a meeting (posėdžio protokolas): one content model, built once from the
workspace and rendered to DOCX (:mod:`.minutes_docx`) and PDF (:mod:`.minutes_pdf`).

Who was the group's chair and secretary, and who was a member, is read from the
memberships in force on the meeting's date. The remarks listed are those of the
group (given through it, or on a section in its care) that one of its officers
answered on that date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.collation import lithuanian_key
from ..core.errors import InvalidInput, NotFound
from ..store import queries
from ..store.workspace import Workspace
from .files import atomic_output
from .labels import Labels
from .report import Metadata

FORMATS = ("docx", "pdf")
OFFICER_ROLES = ("chair", "secretary")
#: A remark's text is cut to this many characters in the minutes.
SHORT_REMARK = 300
#: The remarks table's columns (keys of :class:`Labels`) and their share of the width.
REMARK_COLUMNS = ("col_no", "col_section", "col_remark", "col_status", "col_response")
REMARK_SHARES = (0.06, 0.11, 0.35, 0.14, 0.34)


@dataclass(frozen=True)
class AnsweredRemark:
    number: int
    section: str
    remark: str
    status: str
    response: str

    def cells(self) -> list[str]:
        return [str(self.number), self.section, self.remark, self.status, self.response]


@dataclass
class Minutes:
    labels: Labels
    metadata: Metadata
    title: str
    #: (label, value) lines under the title: group, date, place, chair, secretary.
    title_block: list[tuple[str, str]]
    present: list[str]
    absent: list[str]
    not_recorded: list[str]
    agenda: str
    discussion: str
    decisions: str
    remarks: list[AnsweredRemark] = field(default_factory=list)
    chair: str = ""
    secretary: str = ""
    #: The officers' gender (core.grammar), for the words that agree with them.
    chair_gender: str = "unspecified"
    secretary_gender: str = "unspecified"

    @property
    def attendance(self) -> list[tuple[str, list[str]]]:
        """The attendance lists that have names, each under its label."""
        out = [(self.labels["m_present"], self.present), (self.labels["m_absent"], self.absent)]
        if self.not_recorded:
            out.append((self.labels["m_not_recorded"], self.not_recorded))
        return out

    @property
    def remark_headers(self) -> list[str]:
        return [self.labels[c] for c in REMARK_COLUMNS]

    @property
    def signatures(self) -> list[tuple[str, str]]:
        return [(self.labels.agreeing("m_sign_chair", self.chair_gender), self.chair),
                (self.labels.agreeing("m_sign_secretary", self.secretary_gender),
                 self.secretary)]


def _short(text: str, limit: int = SHORT_REMARK) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _members_on(ws: Workspace, group_id: str, date: str) -> list[dict[str, Any]]:
    """Memberships of the group in force on ``date`` (one per person, the officer role first)."""
    rows = [m for m in queries.members(ws, group_id)
            if (not m["since"] or m["since"] <= date) and (not m["until"] or m["until"] >= date)]
    seen: set[str] = set()
    out = []
    for m in rows:  # queries.members orders chair, secretary, others
        if m["person_id"] not in seen:
            seen.add(m["person_id"])
            out.append(m)
    return out


def _answered_on(ws: Workspace, group_id: str, date: str,
                 officers: set[str]) -> list[dict[str, Any]]:
    """Remarks of the group answered on ``date`` (local day) by one of ``officers``."""
    day = dt.date.fromisoformat(date)
    lo = (day - dt.timedelta(days=1)).isoformat()
    hi = (day + dt.timedelta(days=2)).isoformat()
    ids = [r[0] for r in ws.conn.execute(
        """WITH RECURSIVE care(id) AS (
               SELECT id FROM section WHERE responsible_group_id = ?
               UNION SELECT s.id FROM section s JOIN care ON s.parent_id = care.id
               WHERE s.responsible_group_id IS NULL OR s.responsible_group_id = ?)
           SELECT r.id FROM remark r
           WHERE (r.group_id = ? OR r.section_id IN (SELECT id FROM care))
             AND r.responded_at >= ? AND r.responded_at < ?""",
        (group_id, group_id, group_id, lo, hi))]
    rows = queries.remark_rows(ws, ids)
    order = {sid: i for i, sid in enumerate(queries.plan_order(ws))}
    out = [r for r in rows.values()
           if r["responded_by"] in officers and _local_day(r["responded_at"]) == date]
    out.sort(key=lambda r: (order.get(r["section_id"], len(order)), r["created_at"], r["id"]))
    return out


def _local_day(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:10]
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.date().isoformat()


def build_minutes(ws: Workspace, meeting_id: str, lang: str = "lt") -> Minutes:
    """Read the meeting, its group's members and the remarks answered that day."""
    labels = Labels(lang)
    found = ws.conn.execute(
        "SELECT m.group_id, m.date, m.place, m.agenda, m.minutes, m.decisions, g.code, g.name"
        " FROM meeting m JOIN work_group g ON g.id = m.group_id"
        " WHERE m.id = ? AND m.deleted = 0", (meeting_id,)).fetchone()
    if found is None:
        raise NotFound("There is no meeting {id} in this plan.", id=meeting_id)
    group_id, date, place, agenda, minutes_text, decisions, code, name = found
    members = _members_on(ws, group_id, date)

    def officer(role: str) -> str:
        return ", ".join(m["full_name"] for m in members if m["role"] == role)

    def officer_gender(role: str) -> str:
        """One officer's gender; several (or none) are named without a gendered word."""
        found = [m for m in members if m["role"] == role]
        return str(found[0]["gender"]) if len(found) == 1 else "unspecified"

    def with_role(person_id: str, full_name: str) -> str:
        member = next((m for m in members if m["person_id"] == person_id), None)
        if member is None:
            return full_name
        return f"{full_name} ({labels.role(member['role'], member['gender'])})"

    rows = queries.attendance(ws, meeting_id)
    recorded = {r["person_id"] for r in rows}
    present = [with_role(r["person_id"], r["full_name"]) for r in rows if r["present"]]
    absent = [with_role(r["person_id"], r["full_name"]) for r in rows if not r["present"]]
    not_recorded = sorted((with_role(m["person_id"], m["full_name"]) for m in members
                           if m["person_id"] not in recorded), key=lithuanian_key)
    present.sort(key=lithuanian_key)
    absent.sort(key=lithuanian_key)

    officers = {m["person_id"] for m in members if m["role"] in OFFICER_ROLES}
    remarks = [
        AnsweredRemark(number=i, section=r["section_code"] or r["section_title"] or "",
                       remark=_short(r["text"] or ""), status=labels.status(r["status"]),
                       response=r["response"] or "")
        for i, r in enumerate(_answered_on(ws, group_id, date, officers), start=1)
    ]
    chair, secretary = officer("chair"), officer("secretary")
    group_text = f"{name} ({code})" if code else str(name)
    none = labels["m_none"]
    title_block = [
        (labels["group"], group_text),
        (labels["m_date"], str(date)),
        (labels["m_place"], str(place or none)),
        (labels.agreeing("m_chair", officer_gender("chair")), chair or none),
        (labels.agreeing("m_secretary", officer_gender("secretary")), secretary or none),
    ]
    plan = queries.plan(ws)
    title = labels["minutes_title"]
    metadata = Metadata(
        title=f"{title} – {name}, {date}",
        author=secretary or chair or str(
            (queries.person(ws, ws.identity.person_id) or {}).get("full_name", "")),
        subject=str(plan["title"]),
        language=labels.tag,
        keywords=title,
    )
    return Minutes(labels=labels, metadata=metadata, title=title, title_block=title_block,
                   present=present, absent=absent, not_recorded=not_recorded,
                   agenda=agenda or "", discussion=minutes_text or "",
                   decisions=decisions or "", remarks=remarks, chair=chair,
                   secretary=secretary, chair_gender=officer_gender("chair"),
                   secretary_gender=officer_gender("secretary"))


def export_minutes(ws: Workspace, meeting_id: str, path: Path, fmt: str,
                   lang: str = "lt") -> Minutes:
    """Write a meeting's minutes to ``path`` (docx or pdf) atomically."""
    if fmt not in FORMATS:
        raise InvalidInput("“{fmt}” is not a report format; use docx or pdf.", fmt=fmt)
    minutes = build_minutes(ws, meeting_id, lang)
    with atomic_output(Path(path)) as tmp:
        if fmt == "pdf":
            from .minutes_pdf import write_minutes_pdf

            write_minutes_pdf(minutes, tmp)
        else:
            from .minutes_docx import write_minutes_docx

            write_minutes_docx(minutes, tmp)
    return minutes
