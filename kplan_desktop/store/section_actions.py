"""Changes to the plan tree and its text: sections and their revisions.

Each checks the rules, then writes its events in one transaction (or joins the
caller's, a draft import's); ``Writer.put`` judges every event by the permission table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core import rules
from ..core.errors import NotFound
from ..core.ids import uuid7
from ..core.model import Actor, SectionKind, SectionState
from .action_common import row as _row
from .action_common import writing as _writing
from .workspace import Workspace, Writer


def add_section(
    ws: Workspace,
    *,
    parent_id: str | None,
    kind: SectionKind | str,
    code: str,
    title: str,
    body: str = "",
    responsible_group_id: str | None = None,
    position: int | None = None,
    unit: str = "",
    baseline: str = "",
    target: str = "",
    state: SectionState = SectionState.DRAFT,
    actor: Actor | None = None,
    writer: Writer | None = None,
) -> str:
    """A new section with its first revision; returns its id."""
    actor = actor or ws.actor()
    group = responsible_group_id
    if group is None and parent_id is not None:
        parent = _row(ws, "SELECT responsible_group_id FROM section WHERE id = ?", parent_id)
        group = parent[0] if parent else None
    rules.check_edit_section(actor, group)
    if position is None:
        position = _row(
            ws,
            "SELECT COALESCE(MAX(position) + 1, 0) FROM section WHERE parent_id IS ?",
            parent_id,
        )[0]
    section_id = uuid7()
    with _writing(ws, writer, actor) as w:
        w.put(
            "section",
            section_id,
            {
                "parent_id": parent_id,
                "position": position,
                "kind": SectionKind(kind).value,
                "code": code,
                "responsible_group_id": group,
                "state": state.value,
                "unit": unit,
                "baseline": baseline,
                "target": target,
                "deleted": 0,
            },
        )
        w.put(
            "section_revision",
            uuid7(),
            {"section_id": section_id, "parents": [], "title": title, "body": body},
        )
    return section_id


def _section_group(ws: Workspace, section_id: str) -> Any:
    row = _row(
        ws, "SELECT responsible_group_id, head_revision_id FROM section WHERE id = ?", section_id
    )
    if row is None:
        raise NotFound("There is no such section in this plan.")
    return row


def revise_section(
    ws: Workspace,
    section_id: str,
    *,
    title: str,
    body: str,
    parents: Sequence[str] | None = None,
    actor: Actor | None = None,
    writer: Writer | None = None,
) -> str | None:
    """A new revision of the section's title and body; None when nothing changed.

    ``parents`` defaults to the shown head; resolving a conflict names both heads.
    With ``writer`` the change joins that open transaction (a draft import).
    """
    actor = actor or ws.actor()
    group, head = _section_group(ws, section_id)
    rules.check_edit_section(actor, group)
    current = _row(ws, "SELECT title, body FROM section WHERE id = ?", section_id)
    if parents is None and (current[0], current[1]) == (title, body):
        return None
    revision_id = uuid7()
    fields = {
        "section_id": section_id,
        "parents": list(parents) if parents is not None else ([head] if head else []),
        "title": title,
        "body": body,
    }
    with _writing(ws, writer, actor) as w:
        w.put("section_revision", revision_id, fields)
    return revision_id


_SECTION_SCALARS = frozenset(
    {"parent_id", "position", "kind", "code", "responsible_group_id", "state", "unit",
     "baseline", "target", "deleted"}
)


def update_section(
    ws: Workspace, section_id: str, changes: Mapping[str, Any], *, actor: Actor | None = None,
    writer: Writer | None = None,
) -> None:
    """Change a section's state, code, place in the tree or indicator fields.

    With ``writer`` the change joins that open transaction (a draft import).
    """
    actor = actor or ws.actor()
    unknown = set(changes) - _SECTION_SCALARS
    if unknown:
        raise ValueError(f"not a section field: {sorted(unknown)}")
    group, _ = _section_group(ws, section_id)
    rules.check_edit_section(actor, group)
    if "responsible_group_id" in changes:
        rules.check_edit_section(actor, changes["responsible_group_id"])
    fields = dict(changes)
    if "state" in fields:
        fields["state"] = SectionState(fields["state"]).value
    with _writing(ws, writer, actor) as w:
        w.put("section", section_id, fields)
