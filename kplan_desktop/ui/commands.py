"""Undoable changes: each applies through store.actions, and its undo writes the inverse
change as a new event (the log is append-only; undo never deletes history)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

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


#: Work on the workspace that runs off the UI thread, on the worker's own connection.
Work = Callable[[Workspace, actions.Progress], Any]
#: Runs ``work`` in a worker with a progress dialog titled ``label``, then calls
#: ``done(True)`` once it committed, or ``done(False)`` when it was cancelled or failed
#: (rolled back; a failure already shown to the user).
Runner = Callable[[Work, str, Callable[[bool], None]], None]


class BackgroundCommand(StoreCommand):
    """A change too big for the UI thread: done, undone and redone by a worker, each in
    one transaction, so cancelling any of them leaves the file as it was.

    Start it with :meth:`start` (not :func:`push_command`): it goes on the undo stack
    only after the worker committed. When an undo or redo is cancelled or fails, the
    stack is stepped back to where it was, without running the command again.
    """

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 runner: Runner, stack: QUndoStack) -> None:
        super().__init__(ws, text, changed, failed)
        self._runner = runner
        self._stack = stack
        self._skip = False

    def forward(self, ws: Workspace, progress: actions.Progress) -> Any:
        raise NotImplementedError

    def backward(self, ws: Workspace, progress: actions.Progress) -> Any:
        raise NotImplementedError

    def start(self, label: str, done: Callable[[bool], None] | None = None) -> None:
        """Do the change in the background; push it on the stack once it is in the file."""

        def finished(ok: bool) -> None:
            if ok:
                self.applied_once = True
                self._stack.push(self)
            if done is not None:
                done(ok)

        self._runner(self.forward, label, finished)

    def redo(self) -> None:
        if self.applied_once:
            super().redo()
        elif self._skip:
            self._skip = False
        else:
            self._background(self.forward, undoing=False)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
        else:
            self._background(self.backward, undoing=True)

    def _background(self, work: Work, *, undoing: bool) -> None:
        def done(ok: bool) -> None:
            if ok:
                self._changed(self.kind, self.ids)
                return
            # Nothing changed in the file: step the stack back without running again.
            self._skip = True
            if undoing:
                self._stack.redo()
            else:
                self._stack.undo()

        label = (QCoreApplication.translate("commands", "Undoing: {what}…") if undoing
                 else QCoreApplication.translate("commands", "Redoing: {what}…"))
        self._runner(work, label.format(what=self.text()), done)


class AnswerRemarks(BackgroundCommand):
    """One status and response on many remarks in one transaction; undo puts each
    earlier answer back, in one transaction too (one step on the undo stack)."""

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 runner: Runner, stack: QUndoStack,
                 before: Sequence[Mapping[str, Any]], status: str, response: str | None) -> None:
        super().__init__(ws, text, changed, failed, runner, stack)
        self._before = [dict(r) for r in before]
        self.ids = [str(r["id"]) for r in before]
        self._status = status
        self._response = response

    def forward(self, ws: Workspace, progress: actions.Progress) -> int:
        return actions.answer_remarks(ws, self.ids, self._status, self._response,
                                      progress=progress)

    def backward(self, ws: Workspace, progress: actions.Progress) -> int:
        return actions.restore_answers(ws, self._before, progress=progress)


class ImportAnswers(BackgroundCommand):
    """The consultants' answers from a file (ui.answers_import_dialog) in one transaction;
    undo puts every earlier answer back in one transaction too: one step on the stack."""

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 runner: Runner, stack: QUndoStack, answers: Sequence[Mapping[str, Any]]) -> None:
        super().__init__(ws, text, changed, failed, runner, stack)
        self._answers = [dict(a) for a in answers]
        self.ids = [str(a["id"]) for a in answers]
        self._before: list[dict[str, Any]] = []

    def forward(self, ws: Workspace, progress: actions.Progress) -> int:
        from ..store.answer_actions import apply_answers

        self._before = apply_answers(ws, self._answers, progress=progress)
        return len(self._before)

    def backward(self, ws: Workspace, progress: actions.Progress) -> int:
        return actions.restore_answers(ws, self._before, progress=progress)


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
        if any({"parent_id", "position"} & set(a) for _, _, a in self._changes):
            self.kind = "tree"  # the plan tree is read again, after undo and redo too

    def apply(self) -> None:
        with self.ws.write() as w:  # a moved subtree is renumbered whole, or not at all
            for sid, _, after in self._changes:
                actions.update_section(self.ws, sid, after, writer=w)

    def revert(self) -> None:
        with self.ws.write() as w:
            for sid, before, _ in reversed(self._changes):
                actions.update_section(self.ws, sid, before, writer=w)


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


class BackgroundRecordCommand(BackgroundCommand):
    """A change of group records too big for the UI thread (a roster import), given as two
    works run by a worker, each in one transaction: do it, and write it back."""

    kind = "records"

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 runner: Runner, stack: QUndoStack, do: Work, undo: Work) -> None:
        super().__init__(ws, text, changed, failed, runner, stack)
        self._do = do
        self._undo = undo

    def forward(self, ws: Workspace, progress: actions.Progress) -> Any:
        return self._do(ws, progress)

    def backward(self, ws: Workspace, progress: actions.Progress) -> Any:
        return self._undo(ws, progress)
