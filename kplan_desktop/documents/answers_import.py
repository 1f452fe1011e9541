"""The consultants' answers coming back: what a filled XLSX or DOCX would change, shown
before anything is written.

Each row of the file (documents.answers_read) is matched to a remark by its id (the
XLSX's hidden column) or its identifier ("KUL-012"), and sorted into: a new answer, a
changed answer, a status change, unchanged, a row this plan does not know, a row that
cannot be read (a status typed so that it cannot be told, never guessed), and conflicts:
remarks answered differently in the plan since the file was made, which the secretary
settles one by one (keep the plan's answer, or take the file's). :func:`compare` is pure;
the store writes the result (store.answer_actions).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..core import rules
from ..core.errors import InvalidTransition
from ..core.identifiers import format_identifier
from ..core.model import DECISIONS, Actor, RemarkStatus
from ..store import queries
from ..store.file_guard import check_inputs
from ..store.workspace import Workspace
from .answers_read import AnswersFile, AnswersFileError, FiledAnswer, fold, read_answers
from .labels import LANGUAGES, STATUS_ORDER, Labels
from .report_xlsx import answer_digest

__all__ = ["AnswerChange", "AnswersFileError", "AnswersPreview", "ChangeKind", "PlanAnswer",
           "compare", "preview_answers", "read_status"]

#: Status words as people type them, folded (see answers_read.fold): the labels of both
#: languages, the glossary's other names, and a few short forms.
_STATUS_WORDS: dict[str, str] = {
    **{fold(Labels(lang).status(s)): s for lang in LANGUAGES for s in STATUS_ORDER},
    "pritarta": "accepted", "atsizvelgta pritarta": "accepted", "priimta": "accepted",
    "accept": "accepted", "is dalies": "partly_accepted", "pritarta is dalies":
    "partly_accepted", "is dalies pritarta": "partly_accepted", "atsizvelgta is dalies":
    "partly_accepted", "is dalies atsizvelgta pritarta is dalies": "partly_accepted",
    "partially accepted": "partly_accepted", "partly": "partly_accepted", "partially":
    "partly_accepted", "nepritarta": "rejected", "neatsizvelgta nepritarta": "rejected",
    "atmesta": "rejected", "not accepted": "rejected", "reject": "rejected",
    "informacinio pobudzio": "noted", "susipazinta informacinio pobudzio": "noted",
    "for information": "noted", "note": "noted", "in review": "under_review",
}


#: The longest status cell read (the longest status word is under 60 characters).
_STATUS_CELL = 200


def read_status(text: str) -> str | None:
    """The status a typed word means ("Atsižvelgta", "atsizvelgta", "iš dalies",
    "Partly accepted"); "" when the cell is empty, None when it cannot be told."""
    if len(text) > _STATUS_CELL:
        return None  # no status is that long; folding it whole would only cost time
    folded = fold(text)
    if not folded:
        return ""
    return _STATUS_WORDS.get(folded)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


class ChangeKind(StrEnum):
    NEW_ANSWER = "new_answer"
    CHANGED_ANSWER = "changed_answer"
    STATUS_CHANGE = "status_change"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class PlanAnswer:
    """A remark as the plan holds it, with what an answer to it needs."""

    remark_id: str
    identifier: str
    status: str
    response: str
    responded_at: str
    may_answer: bool


@dataclass(frozen=True)
class AnswerChange:
    remark_id: str
    identifier: str
    kind: ChangeKind
    line: int
    old_status: str
    old_response: str
    new_status: str
    new_response: str
    #: A conflict the secretary settled by taking the file's answer (else the plan's stays).
    take_file: bool = False


@dataclass
class AnswersPreview:
    name: str
    changes: list[AnswerChange] = field(default_factory=list)
    unchanged: int = 0
    #: Rows naming a remark this plan does not have: (line, identifier).
    unknown: list[tuple[int, str]] = field(default_factory=list)
    #: Rows that cannot be read or applied, and why: (line, identifier, reason).
    problems: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def conflicts(self) -> list[AnswerChange]:
        return [c for c in self.changes if c.kind is ChangeKind.CONFLICT]

    def settle(self, remark_id: str, take_file: bool) -> None:
        """The secretary's word on one conflict."""
        self.changes = [replace(c, take_file=take_file) if c.remark_id == remark_id
                        and c.kind is ChangeKind.CONFLICT else c for c in self.changes]

    def to_apply(self) -> list[AnswerChange]:
        """The changes to write: all but the conflicts settled for the plan."""
        return [c for c in self.changes if c.kind is not ChangeKind.CONFLICT or c.take_file]

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind is kind)

    def lines(self, *, dry_run: bool) -> list[str]:
        """What the command line prints."""
        out = [
            f"{self.name}: {self.count(ChangeKind.NEW_ANSWER)} new answers,"
            f" {self.count(ChangeKind.CHANGED_ANSWER)} changed answers,"
            f" {self.count(ChangeKind.STATUS_CHANGE)} status changes, {self.unchanged}"
            f" unchanged, {len(self.conflicts)} conflicts, {len(self.unknown)} unknown rows,"
            f" {len(self.problems)} rows that cannot be read."
        ]
        for c in self.changes:
            what = c.kind.value.replace("_", " ")
            settled = ""
            if c.kind is ChangeKind.CONFLICT:
                settled = " (the file's answer taken)" if c.take_file else (
                    " (answered differently in the plan since the file was made: the plan's"
                    " answer kept)")
            out.append(f"  {c.identifier}: {what}, {c.old_status} -> {c.new_status}{settled}")
        for line, identifier in self.unknown:
            out.append(f"  row {line}: {identifier} is not a remark of this plan")
        for line, identifier, reason in self.problems:
            out.append(f"  row {line}: {identifier or '?'}: {reason}")
        if dry_run:
            out.append("Nothing was changed (--dry-run).")
        return out


def compare(file: AnswersFile, plan: Mapping[str, PlanAnswer],
            by_identifier: Mapping[str, str]) -> AnswersPreview:
    """What the file would change. ``plan``: the remarks by id; ``by_identifier``: their
    ids by identifier (a renumbered remark under its old number too)."""
    preview = AnswersPreview(file.name)
    seen: set[str] = set()
    for line, text in file.damaged:
        preview.problems.append((line, "", f"no remark number can be read in “{text}”"))
    for row in file.rows:
        remark_id = row.remark_id if row.remark_id in plan else by_identifier.get(
            row.identifier, "")
        if not remark_id:
            preview.unknown.append((row.line, row.identifier or row.remark_id))
            continue
        if remark_id in seen:
            preview.problems.append((row.line, row.identifier, "the remark is in the file"
                                     " twice; only its first row is read"))
            continue
        seen.add(remark_id)
        _judge_row(preview, row, plan[remark_id], file.exported_at)
    return preview


def _judge_row(preview: AnswersPreview, row: FiledAnswer, remark: PlanAnswer,
               exported_at: dt.datetime | None) -> None:
    status = read_status(row.status_text)
    ident = remark.identifier
    if status is None:
        preview.problems.append((row.line, ident, f"the status “{row.status_text[:60]}”"
                                 " cannot be read"))
        return
    if not status:
        if not row.response.strip() or _same_text(row.response, remark.response):
            preview.unchanged += 1
            return
        if RemarkStatus(remark.status) not in DECISIONS:
            preview.problems.append((row.line, ident, "an answer without a status"))
            return
        status = remark.status
    response = row.response.strip()
    if status == remark.status and _same_text(response, remark.response):
        preview.unchanged += 1
        return
    # Did the consultant change this row? The XLSX says what it held at the export.
    if row.exported_status is not None and row.exported_digest is not None:
        if status == row.exported_status and answer_digest(response) == row.exported_digest:
            preview.unchanged += 1  # the file repeats the export; the plan moved on since
            return
        plan_moved = (remark.status != row.exported_status
                      or answer_digest(remark.response) != row.exported_digest)
    else:
        plan_moved = bool(exported_at and remark.responded_at
                          and _after(remark.responded_at, exported_at))
    if not remark.may_answer:
        preview.problems.append((row.line, ident, "you may not answer this remark"))
        return
    try:
        rules.check_transition(RemarkStatus(remark.status), RemarkStatus(status),
                               by_author=False, response=response)
    except InvalidTransition as exc:
        preview.problems.append((row.line, ident, str(exc)))
        return
    if plan_moved:
        kind = ChangeKind.CONFLICT
    elif remark.status in (RemarkStatus.NEW, RemarkStatus.UNDER_REVIEW) and not \
            remark.response.strip():
        kind = ChangeKind.NEW_ANSWER
    elif not _same_text(response, remark.response):
        kind = ChangeKind.CHANGED_ANSWER
    else:
        kind = ChangeKind.STATUS_CHANGE
    preview.changes.append(AnswerChange(
        remark_id=remark.remark_id, identifier=ident, kind=kind, line=row.line,
        old_status=remark.status, old_response=remark.response, new_status=status,
        new_response=response))


def _after(stamp: str, when: dt.datetime) -> bool:
    try:
        answered = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return False
    if answered.tzinfo is None:
        answered = answered.replace(tzinfo=dt.UTC)
    return answered > when


def plan_answers(ws: Workspace, actor: Actor) -> tuple[dict[str, PlanAnswer], dict[str, str]]:
    """Every remark of the plan as :func:`compare` needs it, and its ids by identifier."""
    ids = [r[0] for r in ws.conn.execute("SELECT id FROM remark")]
    plan: dict[str, PlanAnswer] = {}
    by_identifier: dict[str, str] = {}
    renumbered: dict[str, str] = {}
    for remark_id, r in queries.remark_rows(ws, ids).items():
        identifier = str(r["identifier"])
        plan[remark_id] = PlanAnswer(
            remark_id, identifier, str(r["status"]), str(r["response"] or ""),
            str(r["responded_at"] or ""),
            rules.may_answer(actor, r["group_id"], r["section_group_id"]))
        by_identifier[identifier] = remark_id
        # A file made before the remark was numbered names it by its provisional id.
        provisional = format_identifier(identifier.rsplit("-", 1)[0], None, remark_id)
        renumbered.setdefault(provisional, remark_id)
        if r["renumbered_from"] is not None:
            old = identifier.rsplit("-", 1)[0] + f"-{int(r['renumbered_from']):03d}"
            renumbered[old] = remark_id
    for old, remark_id in renumbered.items():
        by_identifier.setdefault(old, remark_id)  # a number a clash took away, or none yet
    return plan, by_identifier


def preview_answers(ws: Workspace, path: Path, actor: Actor | None = None) -> AnswersPreview:
    """Read ``path`` and say what it would change in this plan. A file of another plan, or
    one none of whose rows is a remark of this plan, is refused (AnswersFileError)."""
    actor = actor or ws.actor()
    if not (actor.coordinates or actor.officer_groups):
        raise AnswersFileError("Only a group's secretary or chair imports the consultants'"
                               " answers; nothing was changed.")
    # Never a plain descriptor on the workspace: closing it would drop this process's SQLite
    # locks on the file (store.workspace.read_header), whoever called.
    check_inputs(ws.path, [Path(path)])
    file = read_answers(path)
    if file.plan_id is not None and file.plan_id != ws.identity.plan_id:
        raise AnswersFileError("{name} was made from another plan, not from this"
                               " workspace's; nothing was changed.", name=file.name)
    plan, by_identifier = plan_answers(ws, actor)
    preview = compare(file, plan, by_identifier)
    if file.rows and len(preview.unknown) == len(file.rows):
        raise AnswersFileError("None of the remarks in {name} is a remark of this plan: it"
                               " was made from another plan or reshaped; nothing was"
                               " changed.", name=file.name)
    return preview


def answers_of(changes: Sequence[AnswerChange]) -> list[dict[str, Any]]:
    """The changes as the store writes them."""
    return [{"id": c.remark_id, "status": c.new_status, "response": c.new_response}
            for c in changes]
