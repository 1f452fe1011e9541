"""The consultants' answers coming back, in the window: File > Import consultants' answers…
reads the filled XLSX or DOCX off the UI thread, shows the preview (documents.answers_import:
new and changed answers, status changes, conflicts to settle, rows unknown or unreadable),
and writes it on confirmation as one undoable step (commands.ImportAnswers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..documents.answers_import import AnswersPreview, ChangeKind, answers_of
from ..store.workspace import Workspace
from . import commands
from .models import status_name
from .window_base import WindowBase

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _t(text: str) -> str:
    return QCoreApplication.translate("AnswersImport", text)


def _kind_name(kind: str) -> str:
    return {
        ChangeKind.NEW_ANSWER: _t("new answer"),
        ChangeKind.CHANGED_ANSWER: _t("changed answer"),
        ChangeKind.STATUS_CHANGE: _t("status change"),
        ChangeKind.CONFLICT: _t("conflict: answered differently in the plan since the file"
                                " was made"),
        "unknown": _t("not a remark of this plan"),
        "problem": _t("cannot be read"),
    }[kind]


class AnswersPreviewModel(QAbstractTableModel):
    """The preview's rows: each change, then the unknown and unreadable rows. A conflict's
    last cell is a check box: checked takes the file's answer, unchecked keeps the plan's."""

    ID, WHAT, STATUS, ANSWER, TAKE = range(5)

    def __init__(self, preview: AnswersPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self._others: list[tuple[int, str, str, str]] = [
            (line, ident, "unknown", "") for line, ident in preview.unknown
        ] + [(line, ident, "problem", reason) for line, ident, reason in preview.problems]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.preview.changes) + len(self._others)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_t("No."), _t("What"), _t("Status"), _t("Answer in the file"),
                _t("Take the file's answer"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        changes = self.preview.changes
        if row < len(changes):
            change = changes[row]
            if column == self.TAKE and change.kind is ChangeKind.CONFLICT:
                if role == Qt.ItemDataRole.CheckStateRole:
                    return (Qt.CheckState.Checked if change.take_file
                            else Qt.CheckState.Unchecked)
                return None
            if role == Qt.ItemDataRole.ToolTipRole and column == self.ANSWER:
                return _t("In the plan now: {answer}").format(
                    answer=change.old_response or "—") + "\n\n" + change.new_response
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            if column == self.ID:
                return change.identifier
            if column == self.WHAT:
                return _kind_name(change.kind)
            if column == self.STATUS:
                return f"{status_name(change.old_status)} → {status_name(change.new_status)}"
            if column == self.ANSWER:
                return " ".join(change.new_response.split())
            return None
        line, ident, kind, reason = self._others[row - len(changes)]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.ID:
            return ident or _t("row {line}").format(line=line)
        if column == self.WHAT:
            return _kind_name(kind)
        if column == self.ANSWER:
            return _t("row {line}: {reason}").format(line=line, reason=reason) if reason else (
                _t("row {line}").format(line=line))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TAKE and self._conflict(index.row()) is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        change = self._conflict(index.row()) if index.isValid() else None
        if change is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        take = Qt.CheckState(value) == Qt.CheckState.Checked
        self.preview.settle(change.remark_id, take_file=take)
        self.dataChanged.emit(index, index, [role])
        return True

    def _conflict(self, row: int) -> Any:
        changes = self.preview.changes
        if row < len(changes) and changes[row].kind is ChangeKind.CONFLICT:
            return changes[row]
        return None


class AnswersImportDialog(QDialog):
    """The preview of an answers import; :attr:`confirmed` when the secretary imports it."""

    confirmed = Signal()

    def __init__(self, preview: AnswersPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("answersImportDialog")
        self.setWindowTitle(self.tr("Import the answers in {name}").format(name=preview.name))
        layout = QVBoxLayout(self)
        p = preview
        self.summary = QLabel(self.tr(
            "New answers: {new}; changed answers: {changed}; status changes: {status};"
            " unchanged: {same}; conflicts: {conflicts}; rows not in this plan: {unknown};"
            " rows that cannot be read: {problems}. Nothing is changed until you import; the"
            " import can be undone as one step.").format(
                new=p.count(ChangeKind.NEW_ANSWER), changed=p.count(ChangeKind.CHANGED_ANSWER),
                status=p.count(ChangeKind.STATUS_CHANGE), same=p.unchanged,
                conflicts=len(p.conflicts), unknown=len(p.unknown), problems=len(p.problems)))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if p.conflicts:
            note = QLabel(self.tr(
                "A conflict keeps the plan's answer unless you tick “Take the file's answer”."))
            note.setWordWrap(True)
            layout.addWidget(note)
        self.model = AnswersPreviewModel(preview, self)
        self.view = QTableView(self)
        self.view.setObjectName("answersImportTable")
        self.view.setAccessibleName(self.tr("What the file would change"))
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AnswersPreviewModel.ANSWER, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setObjectName("answersImportButton")
        self.import_button.setEnabled(bool(p.changes))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        wanted = QSize(metrics.averageCharWidth() * 130, metrics.lineSpacing() * 28)
        screen = self.screen().availableGeometry().size() if self.screen() else wanted
        self.resize(wanted.boundedTo(QSize(int(screen.width() * 0.9),
                                           int(screen.height() * 0.85))))

    def _confirm(self) -> None:
        self.accept()
        self.confirmed.emit()


class AnswersActions(WindowBase):
    """The main window's part that imports the consultants' answers."""

    answers_import_dialog: AnswersImportDialog | None = None

    def action_import_answers(self) -> None:
        if self.ws is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("MainWindow", "Import the consultants' answers"),
            str(self.ws.path.parent),
            QCoreApplication.translate("MainWindow", "Remarks with answers (*.xlsx *.docx)"))
        if chosen:
            self.import_answers_from(Path(chosen))

    def import_answers_from(self, path: Path) -> None:
        """Read the file in the background, preview it, import on confirmation."""
        if self.ws is None:
            return

        def work(ws: Workspace, progress: Any) -> AnswersPreview:
            from ..documents.answers_import import preview_answers
            from ..store.file_guard import check_inputs

            check_inputs(ws.path, [path])  # never a descriptor on the workspace itself
            return preview_answers(ws, path)

        def show(preview: AnswersPreview) -> None:
            dialog = AnswersImportDialog(preview, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.confirmed.connect(lambda: self._import_answers(preview))
            self.answers_import_dialog = dialog  # reachable for tests
            dialog.open()

        self.ops.run_on_workspace(self.ws.path, work, readonly=True, on_success=show,
                                  label=_t("Reading the answers…"))

    def _import_answers(self, preview: AnswersPreview) -> None:
        if self.ws is None:
            return
        changes = preview.to_apply()
        if not changes:
            return
        command = commands.ImportAnswers(
            self.ws, _t("import the answers in {name}").format(name=preview.name),
            self._changed, self._command_failed, self.run_command_work, self.undo_stack,
            answers_of(changes))

        def done(ok: bool) -> None:
            if ok:
                self.show_message(_t("Answers written: {count}.").format(count=len(changes)),
                                  error=False)

        command.start(_t("Writing the answers…"), done)

    run_command_work: Any
    _command_failed: Any
