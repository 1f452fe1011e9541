"""A draft from the consultants applied to the plan: previewed first, then one undoable step.

Reading the DOCX is :mod:`.docx_read` (what Word shows: automatic numbering,
lists, tables, notes; the caps on hostile files); deciding which section each
heading is, :mod:`.draft_match` (number, title and text together, so a
renumbered section keeps its remarks). This module applies a
:class:`~.draft_match.DraftPlan` in one transaction: new sections, new
revisions where the title or text changed (their remarks then show "text
changed"), codes, places and kinds updated, and the sections the draft no
longer has marked removed (``deleted``), kept with their remarks and history
and left out of new draft exports.

Every applied import returns its inverse as a :data:`ChangeSet`; applying that
(again in one transaction) undoes the import, and returns the redo.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import KPlanError
from ..core.model import Actor
from ..store import actions
from ..store.workspace import Workspace, Writer
from .data import remarks_on_changed_text
from .docx_read import DraftDocument, read_draft
from .docx_sections import DraftNode, Dropped
from .draft_match import DraftPlan, current_digest, plan_changes, preview_draft, read_for
from .files import Progress, report_progress

__all__ = [
    "ChangeSet", "DraftDocument", "DraftNode", "ImportReport", "apply_change_set",
    "apply_plan", "import_draft", "parse_draft", "preview_draft", "remarks_on_removed",
]

_CANCELLED = "The import was cancelled; nothing was changed."

#: One section's change: ("update", id, fields) or ("revise", id, {"title", "body"}).
Change = tuple[str, str, dict[str, Any]]
ChangeSet = list[Change]


def parse_draft(path: Path) -> list[DraftNode]:
    """The document's sections in document order (parents before their children)."""
    return read_draft(Path(path)).nodes


@dataclass
class ImportReport:
    """What an applied import did (labels as the report shows them)."""

    plan: DraftPlan
    added: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    renumbered: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    remarks_flagged: int = 0
    #: Applying this undoes the import (see :func:`apply_change_set`).
    undo: ChangeSet = field(default_factory=list)

    @property
    def dropped(self) -> list[Dropped]:
        return self.plan.dropped

    def lines(self, name: str, *, dry_run: bool = False) -> list[str]:
        body = self.plan.lines()
        head = (f"Preview of {name} (nothing was changed): " if dry_run
                else f"Imported {name}: ") + body[0]
        out = [head, *body[1:]]
        if self.remarks_flagged:
            out.append(f"{self.remarks_flagged} remarks are on text that changed; they show"
                       " “text changed”.")
        return out


def _report(plan: DraftPlan) -> ImportReport:
    from .draft_match import label

    return ImportReport(
        plan,
        added=[e.new_label for e in plan.added],
        restored=[e.new_label for e in plan.of("restored")],
        changed=[e.new_label for e in plan.of("changed")],
        renamed=[f"{e.old_label} → {e.new_label}" for e in plan.of("renamed")],
        renumbered=[f"{e.old_label} → {e.new_label}" for e in plan.of("renumbered")],
        moved=[e.new_label for e in plan.of("moved")],
        removed=[label(str(r["code"]), str(r["title"])) for r in plan.removed],
        unchanged=plan.unchanged,
    )


def preview_report(plan: DraftPlan) -> ImportReport:
    """The report of a plan not applied (``--dry-run``, the preview window)."""
    return _report(plan)


def _positions(nodes: Sequence[DraftNode]) -> dict[int, int]:
    """Each node's place among its siblings in the document."""
    out: dict[int, int] = {}
    counts: dict[int, int] = {}
    for node in nodes:
        key = id(node.parent) if node.parent is not None else 0
        out[id(node)] = counts.get(key, 0)
        counts[key] = out[id(node)] + 1
    return out


def apply_plan(ws: Workspace, plan: DraftPlan, progress: Progress | None = None, *,
               actor: Actor | None = None) -> ImportReport:
    """Apply a previewed plan in one transaction; refused when the plan's sections changed
    since the preview (another import, a bundle, an edit)."""
    actor = actor or ws.actor()
    report = _report(plan)
    undo: ChangeSet = []
    revised: list[str] = []
    resolved: dict[int, str] = {}
    position = _positions([e.node for e in plan.entries])
    total = len(plan.entries) + len(plan.removed)
    with ws.write() as writer:
        if current_digest(ws) != plan.digest:
            raise KPlanError("The plan changed since this draft was previewed; preview it"
                             " again.")
        for number, entry in enumerate(plan.entries):
            node = entry.node
            parent_id = resolved[id(node.parent)] if node.parent is not None else None
            if entry.section_id is None:
                section_id = actions.add_section(
                    ws, parent_id=parent_id, kind=node.kind, code=node.code, title=node.title,
                    body=node.body, position=position[id(node)], unit=node.unit,
                    baseline=node.baseline, target=node.target, writer=writer, actor=actor)
                undo.append(("update", section_id, {"deleted": 1}))
            else:
                section_id = entry.section_id
                old = entry.old or {}
                wanted = {"parent_id": parent_id, "position": position[id(node)],
                          "code": node.code, "kind": node.kind.value}
                if node.kind.value == "indicator":
                    wanted.update(unit=node.unit, baseline=node.baseline, target=node.target)
                if entry.restored:
                    wanted["deleted"] = 0
                changes = {k: v for k, v in wanted.items() if old.get(k) != v}
                if changes:
                    undo.append(("update", section_id, {k: old.get(k) for k in changes}))
                    actions.update_section(ws, section_id, changes, writer=writer,
                                           actor=actor)
                if actions.revise_section(ws, section_id, title=node.title, body=node.body,
                                          writer=writer, actor=actor):
                    undo.append(("revise", section_id, {"title": old.get("title", ""),
                                                        "body": old.get("body", "")}))
                    revised.append(section_id)
            resolved[id(node)] = section_id
            if number % 50 == 0:
                report_progress(progress, number, total, _CANCELLED)
        for row in plan.removed:
            actions.update_section(ws, str(row["id"]), {"deleted": 1}, writer=writer,
                                   actor=actor)
            undo.append(("update", str(row["id"]), {"deleted": 0}))
        report_progress(progress, total, total, _CANCELLED)
    report.remarks_flagged = remarks_on_changed_text(ws, revised)
    report.undo = list(reversed(undo))
    return report


def apply_change_set(ws: Workspace, changes: ChangeSet, *, actor: Actor | None = None,
                     writer: Writer | None = None) -> ChangeSet:
    """Apply ``changes`` in one transaction; returns the change set that reverses them.

    Undo of a draft import is this with the import's :attr:`ImportReport.undo`; redo is
    this again with what undo returned. The log only grows: an undone revision is a
    newer revision with the earlier text.
    """
    actor = actor or ws.actor()
    inverse: ChangeSet = []

    def run(w: Writer) -> None:
        for what, section_id, fields in changes:
            row = ws.conn.execute(
                "SELECT parent_id, position, code, kind, unit, baseline, target, deleted,"
                " title, body FROM section WHERE id = ?", (section_id,)).fetchone()
            if row is None:
                raise KPlanError("A section of this change is no longer in the plan.")
            current = dict(zip(("parent_id", "position", "code", "kind", "unit", "baseline",
                                "target", "deleted", "title", "body"), row, strict=True))
            if what == "revise":
                if actions.revise_section(ws, section_id, title=str(fields["title"]),
                                          body=str(fields["body"]), writer=w, actor=actor):
                    inverse.append(("revise", section_id, {"title": current["title"],
                                                           "body": current["body"]}))
            else:
                changed = {k: v for k, v in fields.items() if current[k] != v}
                if changed:
                    actions.update_section(ws, section_id, changed, writer=w, actor=actor)
                    inverse.append(("update", section_id,
                                    {k: current[k] for k in changed}))

    if writer is not None:
        run(writer)
    else:
        with ws.write() as w:
            run(w)
    return list(reversed(inverse))


def import_draft(ws: Workspace, path: Path, progress: Progress | None = None, *,
                 actor: Actor | None = None, dry_run: bool = False) -> ImportReport:
    """Read, match and (unless ``dry_run``) apply the document; see the module's docstring.

    Every change is checked against ``actor``'s rights (this copy's person by default).
    """
    plan = plan_changes(ws, read_for(ws, Path(path)))
    if dry_run:
        return preview_report(plan)
    return apply_plan(ws, plan, progress, actor=actor)


def remarks_on_removed(ws: Workspace, remark_ids: Sequence[str] | None = None) -> set[str]:
    """The live remarks whose section a draft import marked removed (all, or of these ids):
    what the remark views show as "section removed from the draft"."""
    sql = ("SELECT r.id FROM remark r JOIN section s ON s.id = r.section_id"
           " WHERE s.deleted = 1 AND r.status != 'withdrawn'")
    if remark_ids is None:
        return {str(r[0]) for r in ws.conn.execute(sql)}
    ids = list(remark_ids)
    out: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        out.update(str(r[0]) for r in ws.conn.execute(
            f"{sql} AND r.id IN ({','.join('?' * len(chunk))})", chunk))
    return out
