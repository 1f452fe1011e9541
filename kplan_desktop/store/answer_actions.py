"""Writing the consultants' answers (documents.answers_import's preview, accepted) into
the plan: one transaction, each answer this copy's own signed event, and the earlier
answers returned so that the window can undo it all as one step
(``actions.restore_answers``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core import rules
from ..core.model import Actor, RemarkStatus
from .action_common import Progress, tick, utc_now
from .actions import _remark
from .workspace import Workspace


def apply_answers(
    ws: Workspace,
    answers: Sequence[Mapping[str, Any]],
    *,
    actor: Actor | None = None,
    responded_at: str | None = None,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Set each remark's status and response (rows of id, status, response), judged as
    an answer typed in the window is; all of them or none. Returns the earlier answers
    (id, status, response, responded_by, responded_at) for undo."""
    actor = actor or ws.actor()
    responded_at = responded_at or utc_now()
    earlier: list[dict[str, Any]] = []
    total = len(answers)
    with ws.write(actor) as w:
        for done, answer in enumerate(answers):
            if done % 50 == 0:
                tick(progress, done, total)
            remark_id = str(answer["id"])
            _, group, section_group, current, response = _remark(ws, remark_id)
            rules.check_answer(actor, group, section_group)
            new = RemarkStatus(str(answer["status"]))
            text = str(answer["response"]).strip()
            rules.check_transition(RemarkStatus(current), new, by_author=False, response=text)
            by, at = ws.conn.execute("SELECT responded_by, responded_at FROM remark WHERE id = ?",
                                     (remark_id,)).fetchone()
            earlier.append({"id": remark_id, "status": current, "response": response,
                            "responded_by": by, "responded_at": at})
            w.put("remark", remark_id, {"status": new.value, "response": text,
                                        "responded_by": actor.person_id,
                                        "responded_at": responded_at})
        tick(progress, total, total)
    return earlier
