"""Export the consolidated remarks: choose what goes in, see how many, write DOCX or PDF.

The count updates as the filters change, before anything is written. The
export itself runs off the UI thread (:class:`~.operations.Operations`) with a
progress bar and a Cancel button; a cancelled or failed export leaves no file.

The filters are two columns of lists whose long entries (group names, in
Lithuanian too) wrap rather than widen the dialog; on a small screen or at a
large text size they scroll. The dialog opens at its natural size, capped to
the screen, and can be resized.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.model import RemarkStatus, RemarkType
from ..documents.data import ReportCriteria, count_selected
from ..documents.report import ReportOptions, export_report
from ..documents.report_xlsx import write_xlsx
from ..store import queries
from ..store.workspace import Workspace
from .errors import error_text
from .locale_text import by_name
from .models import status_name, type_name
from .operations import Operations, Progress, Task
from .record_lists import ChoiceListModel

_SECTION_KINDS = ("vision", "priority", "goal", "objective", "measure")
#: Of the screen's free area, how much the dialog may take when it opens.
_SCREEN_SHARE = 0.9


class _CheckList(QListView):
    """A short list of checkable choices over a ChoiceListModel; none checked means all."""

    def __init__(self, name: str, choices: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.choices = ChoiceListModel(choices, self, checkable=True)
        self.setModel(self.choices)
        # Long entries wrap instead of widening the dialog or hiding behind a scroll bar.
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = self.fontMetrics()
        widths = [metrics.horizontalAdvance(label) for _, label in choices]
        # Room for the check box and the scroll bar; very long entries wrap.
        self._width = min(max(widths, default=0) + 3 * metrics.height() + 8,
                          metrics.averageCharWidth() * 60)
        text_width = max(self._width - 3 * metrics.height() - 8, 1)
        # Lines to show at first: every entry (wrapped ones count their lines), up to eight.
        self._lines = min(max(sum(-(-w // text_width) for w in widths), 3), 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def count(self) -> int:
        return self.choices.rowCount()

    def _line_height(self) -> int:
        return max(self.fontMetrics().lineSpacing(),
                   self.sizeHintForRow(0) - 2 if self.count() else 0)

    def sizeHint(self) -> QSize:
        return QSize(max(self._width, self.fontMetrics().averageCharWidth() * 24),
                     self._line_height() * self._lines + 2 * self.frameWidth() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 18,
                     self._line_height() * 3 + 2 * self.frameWidth() + 4)

    def checked(self) -> tuple[str, ...]:
        return self.choices.checked

    def set_checked(self, value: str, on: bool = True) -> None:
        values = set(self.choices.checked)
        if on:
            values.add(value)
        else:
            values.discard(value)
        self.choices.set_checked(sorted(values))


class _OptionalDate(QWidget):
    """A date that applies only when ticked."""

    changed = Signal()

    def __init__(self, label: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(label)
        self.enabled.setObjectName(f"{name}Enabled")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName(name)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        self.date.setEnabled(False)
        layout.addWidget(self.enabled)
        layout.addWidget(self.date, 1)
        self.enabled.toggled.connect(self.date.setEnabled)
        self.enabled.toggled.connect(lambda _on: self.changed.emit())
        self.date.dateChanged.connect(lambda _d: self.changed.emit())

    def value(self) -> str:
        return self.date.date().toString("yyyy-MM-dd") if self.enabled.isChecked() else ""

    def set_value(self, iso: str) -> None:
        self.enabled.setChecked(bool(iso))
        if iso:
            self.date.setDate(QDate.fromString(iso, "yyyy-MM-dd"))


class _FittingScrollArea(QScrollArea):
    """Scrolls its widget only when the window is too small for it: its size hint is the
    widget's own (QScrollArea's default caps it at a few dozen characters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height())

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().minimumSizeHint()
        # As wide as the filters need (no sideways scrolling); a few rows high, then it scrolls.
        return QSize(inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width(),
                     self.fontMetrics().height() * 8)


class ExportDialog(QDialog):
    """The consolidated remarks report (pastabų ir pasiūlymų suvestinė) as DOCX or PDF.

    ``ws`` is the window's own connection, used on the UI thread for the lists
    and the count; the export opens its own connection to ``ws.path`` in a
    worker of ``ops``.
    """

    #: Emitted when a file has been written: its path and how many remarks it holds.
    exported = Signal(Path, int)

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None, *,
                 folder: Path | None = None, lang: str = "lt") -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the consolidated remarks"))
        self.setSizeGripEnabled(True)
        self.ws = ws
        self.ops = ops
        self.task: Task[int] | None = None
        #: The count of a file completely written, set by the worker (a cancel may come late).
        self._written: list[int] = []
        self._closing = False
        layout = QVBoxLayout(self)

        # --- what goes in: two columns of labelled lists, the section and dates last ---
        filters = QGroupBox(self.tr("Which remarks"))
        grid = QGridLayout(filters)
        self.groups = _CheckList("exportGroups", by_name([
            (str(g["id"]), str(g["name"])) for g in queries.groups(ws)]))
        self.rounds = _CheckList("exportRounds", [
            (str(r["id"]), str(r["name"])) for r in queries.rounds(ws)])
        self.statuses = _CheckList("exportStatuses", [
            (s.value, status_name(s.value)) for s in RemarkStatus])
        self.types = _CheckList("exportTypes", [
            (t.value, type_name(t.value)) for t in RemarkType])
        self.authors = _CheckList("exportAuthors", by_name([
            (str(p["id"]), str(p["full_name"])) for p in queries.people(ws)]))
        self.section = QComboBox()
        self.section.setObjectName("exportSection")
        # Long section titles must not set the dialog's width; the popup shows them whole.
        self.section.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section.setMinimumContentsLength(24)
        self.section.addItem(self.tr("Whole plan"), "")
        order = queries.plan_order(ws)
        rows = queries.section_rows(ws, order)
        for section_id in order:
            row = rows.get(section_id)
            if row is not None and row["kind"] in _SECTION_KINDS:
                title = str(row["title"])
                title = title if len(title) < 64 else title[:63] + "…"
                self.section.addItem(f"{row['code']} {title}".strip(), section_id)
        self.date_from = _OptionalDate(self.tr("Fro&m"), "exportFrom")
        self.date_to = _OptionalDate(self.tr("&Until"), "exportTo")
        # The two dates one under the other ("Nuo" and "Iki" differ in width).
        ticks = (self.date_from.enabled, self.date_to.enabled)
        for tick in ticks:
            tick.setMinimumWidth(max(t.sizeHint().width() for t in ticks))
        side = QVBoxLayout()
        section_label = QLabel(self.tr("Sectio&n (with subsections)"))
        section_label.setBuddy(self.section)
        side.addWidget(section_label)
        side.addWidget(self.section)
        side.addWidget(self.date_from)
        side.addWidget(self.date_to)
        side.addStretch(1)
        # Left: groups, rounds, authors; right: statuses, types, then section and dates.
        for column, cells in enumerate((
            ((self.tr("&Working groups"), self.groups), (self.tr("Review &rounds"), self.rounds),
             (self.tr("&Authors"), self.authors)),
            ((self.tr("&Statuses"), self.statuses), (self.tr("&Types"), self.types)),
        )):
            for place, (label, widget) in enumerate(cells):
                caption = QLabel(label)
                caption.setBuddy(widget)
                grid.addWidget(caption, 2 * place, column)
                grid.addWidget(widget, 2 * place + 1, column)
        grid.addLayout(side, 4, 1, 2, 1)
        grid.setColumnStretch(0, 3)  # the long names
        grid.setColumnStretch(1, 2)
        for row_number, stretch in ((1, 3), (3, 1), (5, 3)):
            grid.setRowStretch(row_number, stretch)
        scroller = _FittingScrollArea()
        scroller.setAccessibleName(self.tr("Which remarks"))
        scroller.setWidget(filters)
        layout.addWidget(scroller, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("exportCount")
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        layout.addWidget(self.count_label)

        # --- how and where ---
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        formats = QHBoxLayout()
        self.pdf = QRadioButton(self.tr("&PDF (to file)"))
        self.pdf.setObjectName("exportPdf")
        self.docx = QRadioButton(self.tr("&DOCX (to work in, Word)"))
        self.docx.setObjectName("exportDocx")
        self.xlsx = QRadioButton(self.tr("&XLSX (answers come back)"))
        self.xlsx.setObjectName("exportXlsx")
        self.pdf.setChecked(True)
        formats.addWidget(self.pdf)
        formats.addWidget(self.docx)
        formats.addWidget(self.xlsx)
        formats.addStretch(1)
        form.addRow(self.tr("Format"), formats)
        self.language = QComboBox()
        self.language.setObjectName("exportLanguage")
        self.language.addItem("lietuvių", "lt")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        form.addRow(self.tr("Report &language"), self.language)
        where = QHBoxLayout()
        self.output = QLineEdit()
        self.output.setObjectName("exportFile")
        folder = folder or Path.home()
        self.output.setText(str(folder / "pastabu-suvestine.pdf"))
        self.browse_button = QPushButton(self.tr("C&hoose…"))
        self.browse_button.setAutoDefault(False)  # Enter exports, whichever field has focus
        self.browse_button.clicked.connect(self._browse)
        where.addWidget(self.output, 1)
        where.addWidget(self.browse_button)
        file_label = QLabel(self.tr("F&ile"))
        file_label.setBuddy(self.output)
        form.addRow(file_label, where)
        layout.addLayout(form)

        # --- doing it ---
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("&Close"))
        self.cancel_button.setObjectName("exportCancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        # Tab follows the columns: the left one down, then the right one, then the rest.
        chain: list[QWidget] = [
            self.groups, self.rounds, self.authors, self.statuses, self.types, self.section,
            self.date_from.enabled, self.date_from.date, self.date_to.enabled,
            self.date_to.date, self.pdf, self.docx, self.xlsx, self.language, self.output,
            self.browse_button, self.export_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        for widget in (self.groups, self.rounds, self.statuses, self.types, self.authors):
            widget.choices.dataChanged.connect(lambda *_args: self.update_count())
        self.section.currentIndexChanged.connect(lambda _i: self.update_count())
        self.date_from.changed.connect(self.update_count)
        self.date_to.changed.connect(self.update_count)
        self.pdf.toggled.connect(self._format_changed)
        self.xlsx.toggled.connect(self._format_changed)
        self.update_count()
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Open at the natural size, capped to the free area of the screen it opens on."""
        hint = self.sizeHint()
        free = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(hint.width(), int(free.width() * _SCREEN_SHARE)),
                    min(hint.height(), int(free.height() * _SCREEN_SHARE)))

    # --- the selection ---------------------------------------------------------------------

    def criteria(self) -> ReportCriteria:
        return ReportCriteria(
            group_ids=self.groups.checked(), round_ids=self.rounds.checked(),
            statuses=self.statuses.checked(), types=self.types.checked(),
            section_id=self.section.currentData() or None, author_ids=self.authors.checked(),
            date_from=self.date_from.value(), date_to=self.date_to.value(),
        )

    def update_count(self) -> int:
        """Count what the filters select (a quick query on the UI thread's connection)."""
        count = count_selected(self.ws, self.criteria())
        self.count_label.setText(self.tr("%n remark(s) selected", "", count))
        return count

    def fmt(self) -> str:
        if self.xlsx.isChecked():
            return "xlsx"
        return "pdf" if self.pdf.isChecked() else "docx"

    def _format_changed(self) -> None:
        path = Path(self.output.text() or "pastabu-suvestine")
        self.output.setText(str(path.with_suffix("." + self.fmt())))

    def _browse(self) -> None:
        kind = self.tr("PDF files (*.pdf)") if self.fmt() == "pdf" else self.tr(
            "Word documents (*.docx)")
        if self.fmt() == "xlsx":
            kind = self.tr("Excel workbooks (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as"),
                                                self.output.text(), kind)
        if chosen:
            self.output.setText(chosen)

    # --- the export ------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def start_export(self) -> None:
        if self.running:
            return
        text = self.output.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a file to write the report to."))
            return
        path = Path(text)
        if path.suffix.lower() != "." + self.fmt():
            path = path.with_suffix("." + self.fmt())
            self.output.setText(str(path))
        fmt = self.fmt()
        options = ReportOptions(self.criteria(), lang=str(self.language.currentData()))
        written = self._written = []

        def work(ws: Workspace, progress: Progress) -> int:
            count = self.write_file(ws, path, fmt, options, progress)
            written.append(count)
            return count

        self._set_busy(True)
        self.status.setText(self.tr("Writing {file}…").format(file=path.name))
        self.task = self.ops.run_on_workspace(
            self.ws.path, work, readonly=True,
            on_success=lambda count: self._done(path, count),
            on_failure=self._failed,
            on_progress=self._progressed,
            on_cancelled=lambda: self._cancelled(path),
        )

    def write_file(self, ws: Workspace, path: Path, fmt: str, options: ReportOptions,
                   progress: Progress) -> int:
        """Write the file in the worker (the draft's dialog writes the draft instead)."""
        if fmt == "xlsx":
            return write_xlsx(ws, path, options.criteria, options.lang, progress)
        return export_report(ws, path, fmt, options, progress=progress)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.export_button.setEnabled(not busy)
        for widget in (self.groups, self.rounds, self.statuses, self.types, self.authors,
                       self.section, self.date_from, self.date_to, self.pdf, self.docx,
                       self.language, self.output):
            widget.setEnabled(not busy)
        self.xlsx.setEnabled(not busy)
        self.cancel_button.setText(self.tr("Stop") if busy else self.tr("Close"))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _done(self, path: Path, count: int) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Saved {file}: %n remark(s).", "", count).format(
            file=str(path)))
        self.exported.emit(path, count)
        if self._closing:
            super().reject()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(error_text(exc))

    def _cancelled(self, path: Path) -> None:
        if self._written:  # stopped too late: the file was already complete
            self._done(path, self._written[0])
            return
        self._set_busy(False)
        self.status.setText(self.tr("Export stopped; no file was written."))
        if self._closing:
            super().reject()

    def reject(self) -> None:
        """Cancel stops a running export first (the dialog closes once it has stopped)."""
        if self.running and self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Stopping…"))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running and self.task is not None:
            self._closing = True
            self.task.cancel()
            event.ignore()
            return
        super().closeEvent(event)
