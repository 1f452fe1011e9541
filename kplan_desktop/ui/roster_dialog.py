"""A roster's preview before anything is written: each row new, changed, unchanged or with
a problem, as a table; accepting it imports the usable rows (the page does, undoably).

The preview is :func:`~kplan_desktop.documents.roster.preview_roster`'s, the same the
command line prints; its sentences are in English there and said here in the UI's
language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..documents.roster import (
    CHANGED,
    NEW,
    PROBLEM,
    UNCHANGED,
    RosterPreview,
    RowOutcome,
    preview_roster,
    read_roster,
)
from ..store import record_actions
from ..store.workspace import Workspace
from .commands import BackgroundRecordCommand, Work
from .models import ROW_ROLE, Index, role_name
from .operations import Operations, Progress

_ROOT = QModelIndex()

COL_LINE, COL_OUTCOME, COL_NAME, COL_EMAIL, COL_ORGANISATION, COL_ROLE, COL_WHAT = range(7)
#: Row tints by outcome: calm, and readable in both light and dark text.
_TINTS = {NEW: "#dcfce7", CHANGED: "#fef9c3", PROBLEM: "#fee2e2"}


class RosterPreviewModel(QAbstractTableModel):
    """The preview's rows (one per roster row) and what importing each would do."""

    def __init__(self, preview: RosterPreview, parent: Any = None) -> None:
        super().__init__(parent)
        self._outcomes = list(preview.outcomes)
        self._headers = [self.tr("Row"), self.tr("Outcome"), self.tr("Name"),
                         self.tr("E-mail"), self.tr("Organisation"), self.tr("Role"),
                         self.tr("What changes")]

    def outcome_at(self, row: int) -> RowOutcome | None:
        return self._outcomes[row] if 0 <= row < len(self._outcomes) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._outcomes)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        outcome = self.outcome_at(index.row()) if index.isValid() else None
        if outcome is None:
            return None
        if role == ROW_ROLE:
            return outcome
        if role == Qt.ItemDataRole.BackgroundRole and outcome.kind in _TINTS:
            return QBrush(QColor(_TINTS[outcome.kind]))
        if role == Qt.ItemDataRole.ForegroundRole and outcome.kind in _TINTS:
            return QBrush(QColor("#111827"))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(outcome, index.column())
        return None

    def _text(self, outcome: RowOutcome, column: int) -> str:
        row = outcome.row
        if column == COL_LINE:
            return str(row.line)
        if column == COL_OUTCOME:
            return self.kind_name(outcome.kind)
        if column == COL_NAME:
            return row.name
        if column == COL_EMAIL:
            return row.email
        if column == COL_ORGANISATION:
            return row.organisation
        if column == COL_ROLE:
            return role_name(outcome.role.value) if outcome.role is not None else row.role_text
        return "; ".join(self.what(outcome))

    def kind_name(self, kind: str) -> str:
        return {NEW: self.tr("New"), CHANGED: self.tr("Changed"),
                UNCHANGED: self.tr("Unchanged"),
                PROBLEM: self.tr("Problem: not imported")}.get(kind, kind)

    def what(self, outcome: RowOutcome) -> list[str]:
        """What the row would change, or what is wrong with it, in the UI's language."""
        if outcome.kind == PROBLEM:
            return [self.problem(p) for p in outcome.problems]
        change = outcome.change
        if change is None:
            return []
        said: list[str] = []
        role = role_name(change.membership.get("role", "")) if change.membership else ""
        if change.person_id is None:
            said.append(self.tr("a new person, {role}").format(role=role))
        elif change.membership_id is None:
            said.append(self.tr("joins the group as {role}").format(role=role))
        elif "role" in change.membership:
            said.append(self.tr("role becomes {role}").format(role=role))
        if change.person_id is not None:
            if "full_name" in change.person:
                said.append(self.tr("name becomes {name}").format(
                    name=change.person["full_name"]))
            if "organisation" in change.person:
                said.append(self.tr("organisation becomes {organisation}").format(
                    organisation=change.person["organisation"]))
        return said

    def problem(self, text: str) -> str:
        """documents.roster's problem sentence, translated when it is one we know."""
        patterns: list[tuple[str, str]] = [
            (r"the name is empty", self.tr("the name is empty")),
            (r"unknown role “(?P<v>.*)”", self.tr("unknown role “{v}”")),
            (r"“(?P<v>.*)” is not an e-mail address", self.tr("“{v}” is not an e-mail address")),
            (r"the e-mail is also on row (?P<v>.*)", self.tr("the e-mail is also on row {v}")),
            (r"the same person is on another row", self.tr("the same person is on another row")),
            (r"a cell longer than (?P<v>\d+) characters",
             self.tr("a cell longer than {v} characters")),
        ]
        for pattern, said in patterns:
            found = re.fullmatch(pattern, text)
            if found:
                return said.format(v=found.groupdict().get("v", ""))
        return text


class RosterImportDialog(QDialog):
    """The preview of one roster file for one group; Import applies its usable rows."""

    def __init__(self, parent: QWidget | None, preview: RosterPreview, file_name: str,
                 group_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(self.tr("Import members: {file}").format(file=file_name))
        self.setSizeGripEnabled(True)
        self.resize(1000, 520)
        self.preview = preview
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "What importing {file} into {group} would do. Nothing is written until you"
            " import; rows with a problem are left out.").format(file=file_name,
                                                                  group=group_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RosterPreviewModel(preview, self)
        self.table = QTableView()
        self.table.setObjectName("rosterPreview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        c = preview.counts
        self.summary = QLabel(self.tr(
            "{new} new, {changed} changed, {unchanged} unchanged, {problem} with problems"
            " (not imported).").format(new=c.get(NEW, 0), changed=c.get(CHANGED, 0),
                                       unchanged=c.get(UNCHANGED, 0),
                                       problem=c.get(PROBLEM, 0)))
        self.summary.setObjectName("rosterSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        if preview.not_in_file:
            kept = QLabel(self.tr("Members not in the file stay members: {names}.").format(
                names=", ".join(preview.not_in_file)))
            kept.setWordWrap(True)
            layout.addWidget(kept)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = box.button(QDialogButtonBox.StandardButton.Ok)
        changes = len(preview.changes)
        self.import_button.setText(self.tr("Import %n row(s)", "", changes))
        self.import_button.setEnabled(changes > 0)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)


#: Makes the undoable command of a change run by a worker: (name, do, undo).
Background = Callable[[str, Work, Work], BackgroundRecordCommand]


class RosterImport(QObject):
    """Import members from a spreadsheet: read and preview it off the UI thread, show the
    preview, then apply its usable rows as one undoable step and say what was done.

    The import, its undo and its redo are each one transaction run by a worker with
    progress (a roster may hold a few thousand rows): one step on the undo stack.
    """

    def __init__(self, parent: QWidget, ws: Workspace, ops: Operations,
                 background: Background,
                 open_dialog: Callable[[QDialog, Callable[[], Any]], QDialog],
                 tell: Callable[..., None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self.ws = ws
        self.ops = ops
        self._background = background
        self._open_dialog = open_dialog
        self._tell = tell

    def start(self, group_id: str, group_name: str, path: Path) -> None:
        today = dt.date.today().isoformat()

        def work(ws: Workspace, _progress: Progress) -> RosterPreview:
            from ..store.file_guard import check_inputs

            check_inputs(ws.path, [path])  # never a descriptor on the workspace itself
            return preview_roster(ws, group_id, read_roster(path), today)

        self.ops.run_on_workspace(
            self.ws.path, work, readonly=True,
            on_success=lambda preview: self.show_preview(preview, path, group_name),
            label=self.tr("Reading {file}…").format(file=path.name))

    def show_preview(self, preview: RosterPreview, path: Path, group_name: str) -> None:
        dialog = RosterImportDialog(self._parent, preview, path.name, group_name)
        self._open_dialog(dialog, lambda: self.apply(preview, path))

    def apply(self, preview: RosterPreview, path: Path) -> None:
        changes = preview.changes
        if not changes:
            return
        done: list[record_actions.RosterUndo] = []  # what the first run changed

        def do(ws: Workspace, progress: Progress) -> None:
            if not done:
                _, undo = record_actions.apply_roster_undoable(
                    ws, preview.group_id, changes, progress=progress)
                done.append(undo)
            else:
                record_actions.reapply_roster(ws, done[0], progress=progress)

        def undo(ws: Workspace, progress: Progress) -> None:
            record_actions.revert_roster(ws, done[0], progress=progress)

        command = self._background(
            self.tr("import members from {file}").format(file=path.name), do, undo)
        command.start(self.tr("Importing members from {file}…").format(file=path.name),
                      lambda ok: self._imported(preview, path) if ok else None)

    def _imported(self, preview: RosterPreview, path: Path) -> None:
        c = preview.counts
        self._tell(self.tr(
            "Imported {file}: {new} new, {changed} changed, {unchanged} unchanged,"
            " {problem} left out with problems.").format(
                file=path.name, new=c.get(NEW, 0), changed=c.get(CHANGED, 0),
                unchanged=c.get(UNCHANGED, 0), problem=c.get(PROBLEM, 0)), error=False)
