"""The plan: its tree on the left, the chosen section's text, and that section's remarks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionRange,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..store import queries
from ..store.workspace import Workspace
from .models import ID_ROLE
from .plan_tree import PlanTreeModel
from .remark_detail import RemarkDetail
from .remark_table import RemarkColumn, RemarkTableModel, column_samples
from .section_view import SectionView

#: Widths of the columns of names and free text, in "M"s of the current font; the
#: others are as wide as their widest label (column_samples), the remark takes the rest.
COLUMN_EMS = {RemarkColumn.AUTHOR: 11, RemarkColumn.GROUP: 9, RemarkColumn.RESPONSE: 12}
#: What the columns of names and free text narrow to when room is short.
LEAST_EMS = 7
#: The columns beside the remark together take at most this share of the table's width.
NARROW_SHARE = 0.62
#: Which columns step aside first when the table is too narrow for all of them.
DROP_ORDER = (RemarkColumn.CREATED, RemarkColumn.GROUP, RemarkColumn.RESPONSE,
              RemarkColumn.TYPE)
#: Dropped only when the others, narrowed, still leave the remark less than its title.
LAST_RESORT = (RemarkColumn.AUTHOR,)


class RemarkTableView(QTableView):
    """A table of remarks: Select All (Ctrl+A) takes every remark the filter found,
    not only the rows fetched so far; the remark's own text always keeps a good share
    of the width, at any text size (until the user sizes a column by hand)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitting = False
        self.user_sized = False
        self._never: set[RemarkColumn] = set()
        self.horizontalHeader().sectionResized.connect(self._resized_by_hand)

    def selectAll(self) -> None:
        model = self.model()
        if isinstance(model, RemarkTableModel):
            model.fetch_all()
        super().selectAll()

    def _resized_by_hand(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != int(RemarkColumn.TEXT):
            self.user_sized = True

    def hide_for_good(self, *columns: RemarkColumn) -> None:
        """Columns this table never shows (the detail beside it has them)."""
        self._never.update(columns)
        for column in columns:
            self.setColumnHidden(int(column), True)
        self.fit_columns()

    def natural_width(self, column: RemarkColumn) -> int:
        """The width ``column`` needs at the current font: its title with the sort mark,
        and its widest label (the status with its shape); names and free text get
        :data:`COLUMN_EMS`."""
        header = self.horizontalHeader().sectionSizeFromContents(int(column)).width()
        samples = column_samples(column)
        if not samples:
            em = self.fontMetrics().horizontalAdvance("M")
            return max(header, int(COLUMN_EMS.get(column, 8) * em))
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        if column == RemarkColumn.STATUS:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            side = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
            option.decorationSize = QSize(side, side)
        widest = 0
        for text in samples:
            option.text = text
            size = self.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option,
                                                 QSize(), self)
            widest = max(widest, size.width())
        return max(header, widest + 2)

    def fit_columns(self) -> None:
        """The columns beside the remark as wide as their content, while the remark keeps
        its share; when the text is large or the table narrow, the least needed columns
        step aside (they are all in the remark's detail), then names narrow a little.
        A column of labels is never cut ("neatsižv…")."""
        if self.user_sized or self.viewport().width() <= 0:
            return
        header = self.horizontalHeader()
        text_title = header.sectionSizeFromContents(int(RemarkColumn.TEXT)).width()
        room = min(self.viewport().width() * NARROW_SHARE, self.viewport().width() - text_title)
        candidates = [c for c in RemarkColumn if c != RemarkColumn.TEXT and c not in self._never]
        widths = {c: self.natural_width(c) for c in candidates}
        columns = list(candidates)
        for optional in (None, *DROP_ORDER):
            if optional is not None and optional in columns:
                columns.remove(optional)
            if sum(widths[c] for c in columns) <= room:
                break
        over = sum(widths[c] for c in columns) - room
        em = self.fontMetrics().horizontalAdvance("M")
        for column in columns:  # the names and free text give up room; labels, titles never
            if over > 0 and column in COLUMN_EMS:
                least = max(LEAST_EMS * em, header.sectionSizeFromContents(int(column)).width())
                give = min(over, widths[column] - least)
                if give > 0:
                    widths[column] -= int(give)
                    over -= give
        for resort in LAST_RESORT:  # still short of room: the author is in the detail too
            if over > 0 and resort in columns:
                columns.remove(resort)
                over -= widths[resort]
        self._fitting = True
        try:
            for column in candidates:
                shown = column in columns
                self.setColumnHidden(int(column), not shown)
                if shown:
                    self.setColumnWidth(int(column), widths[column])
        finally:
            self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
            self.user_sized = False  # widths set by hand were for the old text size
            self.fit_columns()


def selected_rows(view: QTableView) -> list[int]:
    """The selected rows, in order, read from the selection's ranges.

    ``selectedRows()`` asks the model for every cell's flags: 0.6 s for 2,000 rows.
    """
    rows: set[int] = set()
    selection = view.selectionModel().selection()
    for selected in cast(Iterable[QItemSelectionRange], selection):
        rows.update(range(selected.top(), selected.bottom() + 1))
    return sorted(rows)


def setup_remark_table(view: QTableView) -> None:
    """The look every remark table shares: whole rows, calm grid, sensible widths."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)  # sorts by the indicator: none until the user clicks
    view.horizontalHeader().setSortIndicatorClearable(True)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(int(RemarkColumn.TEXT), QHeaderView.ResizeMode.Stretch)
    header.moveSection(int(RemarkColumn.ID), 0)  # what people cite, first
    if isinstance(view, RemarkTableView):
        view.fit_columns()


class PlanPage(QWidget):
    section_changed = Signal(str)
    remark_changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.section_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.tree_model = PlanTreeModel(ws, self)
        self.tree = QTreeView()
        self.tree.setObjectName("planTree")
        self.tree.setAccessibleName(self.tr("Plan sections"))
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setExpandsOnDoubleClick(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PlanTreeModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PlanTreeModel.REMARKS,
                                    QHeaderView.ResizeMode.ResizeToContents)
        # Group names are long ("Strateginio plėtros plano rengimo koordinacinė darbo
        # grupė"): fitted to them, the column took the titles' room. It gets a fixed share,
        # resizable, the full name in its tooltip; the titles take the rest.
        header.setSectionResizeMode(PlanTreeModel.GROUP, QHeaderView.ResizeMode.Interactive)
        self._fit_group_column()
        self.tree.selectionModel().currentChanged.connect(self._tree_current)

        self.section_view = SectionView()

        self.remarks_model = RemarkTableModel(ws, self)
        self._order = ("created", False)
        self.remarks = RemarkTableView()
        self.remarks.setObjectName("sectionRemarks")
        self.remarks.setAccessibleName(self.tr("Remarks on this section"))
        self.remarks.setModel(self.remarks_model)
        setup_remark_table(self.remarks)
        self.remarks_model.sort_requested.connect(self._sort)
        self.remarks.hide_for_good(RemarkColumn.SECTION, RemarkColumn.GROUP,
                                   RemarkColumn.CREATED)  # all in the detail beside it
        self.remarks.selectionModel().selectionChanged.connect(self._remark_selection)
        self.remarks.selectionModel().currentRowChanged.connect(
            lambda *_: self.remark_changed.emit())
        self.remarks_label = QLabel()
        self.remarks_label.setStyleSheet("font-weight: 600; padding: 6px 4px 2px 4px")
        self.detail = RemarkDetail()

        remarks_box = QWidget()
        remarks_layout = QVBoxLayout(remarks_box)
        remarks_layout.setContentsMargins(8, 0, 8, 0)
        remarks_layout.addWidget(self.remarks_label)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.remarks)
        lower.addWidget(self.detail)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([660, 340])
        remarks_layout.addWidget(lower, 1)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("planRightSplitter")
        right.addWidget(self.section_view)
        right.addWidget(remarks_box)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setSizes([420, 480])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("planSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        em = self.fontMetrics().horizontalAdvance("M")
        # The tree gets room for its titles at any text size (long Lithuanian titles are
        # elided at the end and shown whole in the tooltip).
        self.splitter.setSizes([max(460, 31 * em), 1000])
        layout.addWidget(self.splitter)
        self.show_section(None)

    def _fit_group_column(self) -> None:
        header = self.tree.header()
        header.resizeSection(PlanTreeModel.GROUP, max(
            self.fontMetrics().averageCharWidth() * 14,
            header.sectionSizeFromContents(PlanTreeModel.GROUP).width()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_group_column()  # the group names' share follows the text size

    # --- sections

    def _tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        section_id = current.data(ID_ROLE) if current.isValid() else None
        self.show_section(section_id)

    def show_section(self, section_id: str | None) -> None:
        self.section_id = section_id
        self.section_view.show_section(self.ws, section_id)
        self.reload_remarks()
        if section_id:
            self.section_changed.emit(section_id)

    def select_section(self, section_id: str) -> None:
        index = self.tree_model.index_of(section_id)
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.setCurrentIndex(index)

    def reload_tree(self) -> None:
        """Sections moved: read the tree again, keeping the shown section chosen."""
        keep = self.section_id
        self.tree_model.reload()
        if keep is not None:
            self.select_section(keep)

    def refresh_section(self) -> None:
        """The shown section or its remarks changed: read them again."""
        if self.section_id:
            self.tree_model.refresh_section(self.section_id)
        remark_id = self.current_remark_id()
        self.section_view.show_section(self.ws, self.section_id)
        self.reload_remarks(keep=remark_id)

    # --- remarks

    def _sort(self, order: str, descending: bool) -> None:
        self._order = (order, descending)
        self.reload_remarks(keep=self.current_remark_id())

    def reload_remarks(self, keep: str | None = None) -> None:
        if self.section_id is None:
            self.remarks_model.set_ids([])
            self.remarks_label.setText(self.tr("Remarks"))
        else:
            flt = queries.RemarkFilter(section_ids=(self.section_id,))
            ids = queries.remark_ids(self.ws, flt, order=self._order[0],
                                     descending=self._order[1])
            self.remarks_model.set_ids(ids)
            self.remarks_label.setText(self.tr("Remarks on this section: {n}").format(n=len(ids)))
        if keep:
            row = self.remarks_model.row_of(keep)
            if row >= 0:
                self.remarks.selectRow(row)
                self.remarks.scrollTo(self.remarks.currentIndex())  # a new remark shown
                return
        self.remark_changed.emit()

    def _remark_selection(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self.remark_changed.emit()

    def current_remark_id(self) -> str | None:
        index = self.remarks.currentIndex()
        if not index.isValid() or not self.remarks.selectionModel().isRowSelected(index.row()):
            return None
        return self.remarks_model.id_at(index.row())

    def selected_remark_ids(self) -> list[str]:
        ids = (self.remarks_model.id_at(r) for r in selected_rows(self.remarks))
        return [rid for rid in ids if rid]

    def current_remark(self) -> dict[str, Any] | None:
        index = self.remarks.currentIndex()
        if not index.isValid() or not self.remarks.selectionModel().isRowSelected(index.row()):
            return None
        return self.remarks_model.remark_at(index.row())

    def detach(self) -> None:
        """The workspace is closing: the views must not ask the models for rows any more."""
        self.tree.setModel(None)
        self.remarks.setModel(None)
