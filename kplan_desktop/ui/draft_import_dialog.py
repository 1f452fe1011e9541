"""Import a new draft: the preview first, then one step the secretary can undo.

The document is read and matched off the UI thread (nothing is written); the
dialog shows a tree of what would happen — sections added, changed, renamed,
renumbered, moved and removed (old and new side by side), and the content the
import does not keep — with an Import button. The import runs as a
:class:`~.commands.BackgroundCommand`: done, undone and redone each in one
transaction, undo applying the import's inverse change set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..documents.draft_import import ChangeSet, apply_change_set, apply_plan
from ..documents.draft_match import DraftPlan, label
from ..store import actions
from ..store.workspace import Workspace
from .commands import BackgroundCommand, Changed, Failed, Runner

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _t(text: str) -> str:
    return QCoreApplication.translate("DraftImportDialog", text)


@dataclass
class _Group:
    name: str
    #: (section or item, before) per row.
    rows: list[tuple[str, str]]


def _not_kept_name(what: str) -> str:
    names = {
        "image": _t("image"),
        "text_box": _t("text box"),
        "equation": _t("equation"),
        "toc": _t("table of contents"),
        "before_heading": _t("text before the first heading"),
    }
    return names.get(what, what)


def _groups(plan: DraftPlan) -> list[_Group]:
    moved = [(e.new_label, _t("now under {parent}").format(parent=plan.parent_label(e)))
             for e in plan.of("moved")]
    removed = [(label(str(r["code"]), str(r["title"])),
                _t("remarks on it: {n}; kept out of new drafts").format(
                    n=plan.removed_remarks.get(str(r["id"]), 0)))
               for r in plan.removed]
    dropped = [(_t("{what} ×{n}").format(what=_not_kept_name(d.what), n=d.count),
                d.where or _t("before the first heading"))
               for d in plan.dropped]
    groups = [
        _Group(_t("Added"), [(e.new_label, "") for e in plan.added]),
        _Group(_t("Restored"), [(e.new_label, _t("removed by an earlier draft"))
                                for e in plan.of("restored")]),
        _Group(_t("Changed"), [(e.new_label, "") for e in plan.of("changed")]),
        _Group(_t("Renamed"), [(e.new_label, e.old_label) for e in plan.of("renamed")]),
        _Group(_t("Renumbered"), [(e.new_label, e.old_label) for e in plan.of("renumbered")]),
        _Group(_t("Moved"), moved),
        _Group(_t("Removed"), removed),
        _Group(_t("Not kept"), dropped),
    ]
    return [g for g in groups if g.rows]


class DraftPlanModel(QAbstractItemModel):
    """Two levels: what happens (with how many), then the sections it happens to."""

    SECTION, BEFORE = range(2)

    def __init__(self, plan: DraftPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups = _groups(plan)

    # A child's internal id is its group's row + 1; a group's is 0.
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not 0 <= column < 2:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if 0 <= row < len(self.groups) \
                else QModelIndex()
        if parent.internalId() != 0 or not 0 <= row < len(self.groups[parent.row()].rows):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.SECTION:
                return _t("{what} ({n})").format(what=group.name, n=len(group.rows))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        row = self.groups[int(index.internalId()) - 1].rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_t("Section"), _t("Before, or where"))[section]
        return None


class DraftImportDialog(QDialog):
    """The preview of a draft import; :attr:`confirmed` when the secretary imports it."""

    confirmed = Signal()

    def __init__(self, plan: DraftPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("draftImportDialog")
        self.setWindowTitle(self.tr("Import the draft {name}").format(name=plan.name))
        layout = QVBoxLayout(self)
        added, removed = len(plan.added), len(plan.removed)
        changed = len({id(e) for w in ("changed", "renamed", "renumbered", "moved")
                       for e in plan.of(w)})
        self.summary = QLabel(self.tr(
            "Sections added: {added}; changed: {changed}; removed: {removed}; unchanged:"
            " {unchanged}. Nothing is changed until you import; the import can be undone"
            " as one step.").format(added=added, changed=changed, removed=removed,
                                    unchanged=plan.unchanged) if not plan.is_empty
            else self.tr("This draft is the plan as it is; there is nothing to import."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if removed:
            warning = QLabel(self.tr(
                "Removed sections are kept with their remarks, marked removed, and left out"
                " of new draft exports."))
            warning.setWordWrap(True)
            layout.addWidget(warning)
        self.model = DraftPlanModel(plan, self)
        self.view = QTreeView(self)
        self.view.setObjectName("draftImportTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        # Both columns share the width; the full text is in each row's tooltip.
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # A short preview opens fully; a huge one (a wrong file) opens folded.
        if sum(len(g.rows) for g in self.model.groups) <= 200:
            self.view.expandAll()
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setEnabled(not plan.is_empty)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self._opening_size())

    def _opening_size(self) -> QSize:
        """Room for about 130 characters a line at any text size, within the screen."""
        metrics = self.fontMetrics()
        wanted = QSize(metrics.averageCharWidth() * 130, metrics.lineSpacing() * 30)
        screen = self.screen().availableGeometry().size() if self.screen() else wanted
        return wanted.boundedTo(QSize(int(screen.width() * 0.9), int(screen.height() * 0.85)))

    def _confirm(self) -> None:
        self.accept()
        self.confirmed.emit()


class DraftImportCommand(BackgroundCommand):
    """The import as one undoable step: forward applies the plan (later: the redo change
    set), backward applies the inverse change set; each in one transaction."""

    kind = "tree"

    def __init__(self, ws: Workspace, text: str, changed: Changed, failed: Failed,
                 runner: Runner, stack: Any, plan: DraftPlan) -> None:
        super().__init__(ws, text, changed, failed, runner, stack)
        self.plan = plan
        self.report: Any = None
        self._undo: ChangeSet | None = None
        self._redo: ChangeSet | None = None

    def forward(self, ws: Workspace, progress: actions.Progress) -> Any:
        if self._redo is None:
            self.report = apply_plan(ws, self.plan, progress)
            self._undo = self.report.undo
        else:
            self._undo = apply_change_set(ws, self._redo)
        self.ids = sorted({sid for _, sid, _ in self._undo or []})
        return self.report

    def backward(self, ws: Workspace, progress: actions.Progress) -> Any:
        self._redo = apply_change_set(ws, self._undo or [])
        return None


def start_draft_import(window: Any, path: Path) -> None:
    """Read and match ``path`` in the background, show the preview, import on confirmation.

    ``window`` is the main window: its workspace, operations, undo stack and runner.
    """
    if window.ws is None:
        return
    ws_path = window.ws.path

    def work(ws: Workspace, progress: Any) -> DraftPlan:
        from ..documents.draft_match import preview_draft

        return preview_draft(ws, path)

    def show(plan: DraftPlan) -> None:
        dialog = DraftImportDialog(plan, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(lambda: confirm(plan))
        window.draft_import_dialog = dialog  # reachable for tests and for the next import
        dialog.open()

    def confirm(plan: DraftPlan) -> None:
        if window.ws is None:
            return
        command = DraftImportCommand(
            window.ws, _t("import the draft {name}").format(name=plan.name), window._changed,
            window._command_failed, window.run_command_work, window.undo_stack, plan)

        def done(ok: bool) -> None:
            report = command.report
            if ok and report is not None:
                window.show_message(_t(
                    "Imported {name}. Sections added: {added}; changed: {changed}; removed:"
                    " {removed}. Remarks on text that changed: {flagged}.").format(
                        name=plan.name, added=len(report.added),
                        changed=len(report.changed) + len(report.renamed)
                        + len(report.renumbered) + len(report.moved),
                        removed=len(report.removed), flagged=report.remarks_flagged),
                    error=False)

        command.start(_t("Importing the draft…"), done)

    window.ops.run_on_workspace(ws_path, work, readonly=True, on_success=show,
                                label=_t("Reading the draft…"))
