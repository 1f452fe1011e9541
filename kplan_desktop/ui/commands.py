"""Undoable changes: each applies through store.actions, and its undo writes the inverse
change as a new event (the log is append-only; undo never deletes history)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from ..core.model import RemarkStatus
from ..store import actions
from ..store.workspace import Workspace

#: Called after a command ran (what changed: "remark", "section", "records"; the ids).
Changed = Callable[[str, Sequence[str]], None]
#: Called with an error a command's undo or redo met.
Failed = Callable[[BaseException], None]


class StoreCommand(QUndoCommand):
    """A change to the workspace; the first redo is the change the user just made."""

    kind = "remark"

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed) -> None:
        super().__init__(text)
        self.ws = ws
        self._changed = changed
        self._failed = failed
        self.ids: list[str] = []
        self.applied_once = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # shown in the window; the stack keeps its place
            self._failed(exc)
        self._changed(self.kind, self.ids)

    def redo(self) -> None:
        if self.applied_once:  # done before it was pushed (see push_command)
            self.applied_once = False
            self._changed(self.kind, self.ids)
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)


def push_command(stack: Any, command: StoreCommand) -> bool:
    """Apply ``command``; only when the store took it does it go on the undo stack.

    A refused change (the rules, a locked file) raises here and leaves nothing to undo.
    """
    command.apply()
    command.applied_once = True
    stack.push(command)
    return True


class AddRemark(StoreCommand):
    """Undo withdraws the new remark; redo takes the withdrawal back."""

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 fields: Mapping[str, Any]) -> None:
        super().__init__(ws, text, changed, failed)
        self._fields = dict(fields)
        self._made = False

    def apply(self) -> None:
        if not self._made:
            self.ids = [actions.add_remark(self.ws, **self._fields)]
            self._made = True
        else:
            actions.set_own_remark_status(self.ws, self.ids[0], RemarkStatus.NEW)

    def revert(self) -> None:
        actions.withdraw_remark(self.ws, self.ids[0])


class EditRemark(StoreCommand):
    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 remark_id: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
        super().__init__(ws, text, changed, failed)
        self.ids = [remark_id]
        self._before = dict(before)
        self._after = dict(after)

    def apply(self) -> None:
        actions.edit_remark(self.ws, self.ids[0], self._after)

    def revert(self) -> None:
        actions.edit_remark(self.ws, self.ids[0], self._before)


class WithdrawRemark(StoreCommand):
    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 remark_id: str) -> None:
        super().__init__(ws, text, changed, failed)
        self.ids = [remark_id]

    def apply(self) -> None:
        actions.withdraw_remark(self.ws, self.ids[0])

    def revert(self) -> None:
        actions.set_own_remark_status(self.ws, self.ids[0], RemarkStatus.NEW)


class AnswerRemarks(StoreCommand):
    """One status and response on many remarks; undo puts each earlier answer back."""

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 before: Sequence[Mapping[str, Any]], status: str, response: str | None) -> None:
        super().__init__(ws, text, changed, failed)
        self._before = [dict(r) for r in before]
        self.ids = [str(r["id"]) for r in before]
        self._status = status
        self._response = response

    def apply(self) -> None:
        actions.answer_remarks(self.ws, self.ids, self._status, self._response)

    def revert(self) -> None:
        for row in self._before:
            actions.restore_answer(
                self.ws, str(row["id"]), status=row["status"], response=row["response"],
                responded_by=row["responded_by"], responded_at=row["responded_at"],
            )


class ReviseSection(StoreCommand):
    """Undo makes another revision with the earlier title and text."""

    kind = "section"

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 section_id: str, before: tuple[str, str], after: tuple[str, str]) -> None:
        super().__init__(ws, text, changed, failed)
        self.ids = [section_id]
        self._before = before
        self._after = after

    def apply(self) -> None:
        actions.revise_section(self.ws, self.ids[0], title=self._after[0], body=self._after[1])

    def revert(self) -> None:
        actions.revise_section(self.ws, self.ids[0], title=self._before[0],
                               body=self._before[1])


class UpdateSection(StoreCommand):
    """State, code, place in the tree: undo writes the earlier values."""

    kind = "section"

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 changes: Sequence[tuple[str, Mapping[str, Any], Mapping[str, Any]]]) -> None:
        super().__init__(ws, text, changed, failed)
        self._changes = [(sid, dict(b), dict(a)) for sid, b, a in changes]
        self.ids = [sid for sid, _, _ in changes]

    def apply(self) -> None:
        for sid, _, after in self._changes:
            actions.update_section(self.ws, sid, after)

    def revert(self) -> None:
        for sid, before, _ in reversed(self._changes):
            actions.update_section(self.ws, sid, before)


class RecordCommand(StoreCommand):
    """A change of group records given as two functions: do it, and write it back."""

    kind = "records"

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 do: Callable[[], Any], undo: Callable[[], Any]) -> None:
        super().__init__(ws, text, changed, failed)
        self._do = do
        self._undo = undo

    def apply(self) -> None:
        self._do()

    def revert(self) -> None:
        self._undo()
