"""A group's attendance sheet for a year in the window: members by meetings, present or
not, with totals; saved as XLSX for the municipality (written off the UI thread).

The sheet is :func:`~kplan_desktop.documents.attendance.build_attendance`'s, the same
the command line writes (``kplan export attendance``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..documents.attendance import (
    FIRST_YEAR,
    LAST_YEAR,
    AttendanceSheet,
    build_attendance,
    export_attendance,
)
from ..store.workspace import Workspace
from .errors import error_text
from .models import ROW_ROLE, Index, role_name
from .operations import Operations, Progress

_ROOT = QModelIndex()
#: The columns before the meetings, and the one after them.
COL_NAME, COL_ROLE = 0, 1
FIRST_MEETING_COLUMN = 2


class AttendanceModel(QAbstractTableModel):
    """Rows: the sheet's people, then the totals row. Columns: name, role, a column per
    meeting (+ present, – absent, empty not recorded), then how many each attended."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sheet: AttendanceSheet | None = None

    def set_sheet(self, sheet: AttendanceSheet) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self.endResetModel()

    @property
    def totals_row(self) -> int:
        return len(self.sheet.members) if self.sheet is not None else -1

    @property
    def totals_column(self) -> int:
        return FIRST_MEETING_COLUMN + len(self.sheet.meetings) if self.sheet is not None else -1

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() or self.sheet is None:
            return 0
        return len(self.sheet.members) + 1

    def columnCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() or self.sheet is None:
            return 0
        return FIRST_MEETING_COLUMN + len(self.sheet.meetings) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sheet = self.sheet
        if sheet is None or orientation != Qt.Orientation.Horizontal:
            return None
        meeting = section - FIRST_MEETING_COLUMN
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_NAME:
                return self.tr("Member")
            if section == COL_ROLE:
                return self.tr("Role")
            if 0 <= meeting < len(sheet.meetings):
                return sheet.meetings[meeting].date
            if section == self.totals_column:
                return self.tr("Attended")
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= meeting < len(sheet.meetings):
            return sheet.meetings[meeting].place or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sheet = self.sheet
        if sheet is None or not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        totals = row == self.totals_row
        if role == Qt.ItemDataRole.FontRole and (totals or column == self.totals_column):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIRST_MEETING_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ROW_ROLE and not totals:
            return sheet.members[row]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        meeting = column - FIRST_MEETING_COLUMN
        if totals:
            if column == COL_NAME:
                return self.tr("Present")
            if 0 <= meeting < len(sheet.meetings):
                return str(sheet.meeting_total(sheet.meetings[meeting].id))
            if column == self.totals_column:
                return str(sheet.total)
            return ""
        person = sheet.members[row]
        if column == COL_NAME:
            return person.full_name
        if column == COL_ROLE:
            return role_name(person.role, person.gender) if person.role else ""
        if column == self.totals_column:
            return str(sheet.member_total(person.person_id))
        mark = sheet.mark(person.person_id, sheet.meetings[meeting].id)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ("" if mark is None else self.tr("present") if mark else self.tr("absent"))
        return "" if mark is None else "+" if mark else "–"


class AttendanceDialog(QDialog):
    """The attendance of one group in one year; another year is a spin box away."""

    #: A sheet was written: its path.
    saved = Signal(Path)

    def __init__(self, parent: QWidget | None, ws: Workspace, ops: Operations, group_id: str,
                 group_name: str, *, year: int | None = None, folder: Path | None = None,
                 lang: str = "lt") -> None:
        super().__init__(parent)
        self.setObjectName("attendanceDialog")
        self.setWindowTitle(self.tr("Attendance: {group}").format(group=group_name))
        self.setSizeGripEnabled(True)
        self.resize(960, 560)
        self.ws = ws
        self.ops = ops
        self.group_id = group_id
        self._folder = folder or Path.home()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setObjectName("attendanceYear")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(year or dt.date.today().year)
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        self.language = QComboBox()
        self.language.setObjectName("attendanceLanguage")
        self.language.addItem("lietuvių", "lt")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        language_label = QLabel(self.tr("XLSX &language:"))
        language_label.setBuddy(self.language)
        top.addWidget(language_label)
        top.addWidget(self.language)
        self.save_button = QPushButton(self.tr("&Save as XLSX…"))
        self.save_button.setObjectName("attendanceSave")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_xlsx)
        top.addWidget(self.save_button)
        layout.addLayout(top)
        self.model = AttendanceModel(self)
        self.table = QTableView()
        self.table.setObjectName("attendanceTable")
        self.table.setAccessibleName(self.windowTitle())
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("attendanceStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        close = QPushButton(self.tr("&Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.year.valueChanged.connect(lambda _y: self.reload())
        self.reload()

    def reload(self) -> None:
        """Read the year's sheet (a few small queries on the window's connection)."""
        sheet = build_attendance(self.ws, self.group_id, self.year.value())
        self.model.set_sheet(sheet)
        self.status.setText(
            self.tr("No meetings in {year}.").format(year=sheet.year) if not sheet.meetings
            else self.tr("%n meeting(s); + present, – absent, empty: not recorded.", "",
                         len(sheet.meetings)))

    def suggested_path(self) -> Path:
        sheet = self.model.sheet
        code = sheet.group_code if sheet is not None else "grupe"
        return self._folder / f"lankomumas-{code}-{self.year.value()}.xlsx"

    def save_xlsx(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the attendance sheet as"), str(self.suggested_path()),
            self.tr("Excel workbooks (*.xlsx)"))
        if chosen:
            self.write_xlsx(Path(chosen))

    def write_xlsx(self, path: Path) -> None:
        """Write the sheet off the UI thread; the file appears whole or not at all."""
        path = path.with_suffix(".xlsx")
        group_id, year, lang = self.group_id, self.year.value(), str(
            self.language.currentData())

        def work(ws: Workspace, _progress: Progress) -> Path:
            export_attendance(ws, group_id, year, path, lang)
            return path

        def done(written: Path) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(self.tr("Saved {file}.").format(file=str(written)))
            self.saved.emit(written)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(error_text(exc))

        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Writing {file}…").format(file=path.name))
        self.ops.run_on_workspace(self.ws.path, work, readonly=True, on_success=done,
                                  on_failure=failed)
