"""All remarks across the plan: a filter bar, one lazy table, the chosen remark in full."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.model import RemarkStatus, RemarkType
from ..store import queries
from ..store.workspace import Workspace
from .locale_text import by_name as _by_name
from .locale_text import quoted_text
from .models import status_name, type_name
from .operations import Operations, Progress, Task
from .plan_page import RemarkTableView, selected_rows, setup_remark_table
from .record_lists import ChoiceListModel
from .remark_detail import RemarkDetail
from .remark_table import RemarkColumn, RemarkTableModel
from .search_highlight import HighlightDelegate


class FilterBar(QWidget):
    """Group, round, type, status, author, section subtree and a search field."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One row when everything fits; the lists on a second row when not (Lithuanian
        # at 150% on a 1366 px screen): each list shows its "All ..." whole.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        layout = QHBoxLayout()
        self._second = QHBoxLayout()
        self._second.setSpacing(6)
        rows.addLayout(layout)
        rows.addLayout(self._second)
        self._first = layout
        layout.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName("remarkSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search remarks (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search remarks"))
        self.search.setAccessibleDescription(self.tr(
            "Finds remarks whose words begin with what you type, in their text, proposal,"
            " justification, quoted passage and response"))
        self.search.setMinimumWidth(220)
        layout.addWidget(self.search, 2)
        self.combos: dict[str, QComboBox] = {}
        self.models: dict[str, ChoiceListModel] = {}
        for key, tip in (("group", self.tr("Group")), ("round", self.tr("Review round")),
                         ("type", self.tr("Type")), ("status", self.tr("Status")),
                         ("author", self.tr("Author")), ("section", self.tr("Section"))):
            model = ChoiceListModel(parent=self)
            combo = QComboBox()
            combo.setObjectName(f"filter_{key}")
            combo.setModel(model)
            combo.setToolTip(tip)
            combo.setAccessibleName(tip)
            # As wide as its "All ..." (in letters, so it grows with the text), not as
            # the longest section's title.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            layout.addWidget(combo, 1)
            self.combos[key] = combo
            self.models[key] = model
        self.clear_button = QPushButton(self.tr("C&lear filters"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        self._two_rows = False
        self._rearrange = QTimer(self)
        self._rearrange.setSingleShot(True)
        self._rearrange.setInterval(0)
        self._rearrange.timeout.connect(self.arrange)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())

    def fill(self, ws: Workspace) -> None:
        everything = ("", "")
        choices: dict[str, list[tuple[str, str]]] = {
            "group": _by_name([(str(g["id"]), str(g["name"])) for g in queries.groups(ws)]),
            "round": [(str(r["id"]), str(r["name"])) for r in queries.rounds(ws)],
            "type": [(t.value, type_name(t.value)) for t in RemarkType],
            "status": [(s.value, status_name(s.value)) for s in RemarkStatus],
            "author": _by_name([(str(p["id"]), str(p["full_name"])) for p in queries.people(ws)]),
            "section": [(sid, label) for sid, label in _section_choices(ws)],
        }
        alls = {"group": self.tr("All groups"), "round": self.tr("All rounds"),
                "type": self.tr("All types"), "status": self.tr("All statuses"),
                "author": self.tr("All authors"), "section": self.tr("Whole plan")}
        for key, items in choices.items():
            combo = self.combos[key]
            combo.blockSignals(True)
            self.models[key].set_choices([(everything[0], alls[key]), *items])
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
            # Qt counts the contents in widths of "X": the "All ..." in those, rounded up.
            metrics = combo.fontMetrics()
            combo.setMinimumContentsLength(
                -(-metrics.horizontalAdvance(alls[key]) // metrics.horizontalAdvance("X")))
        self._rearrange.start()

    def one_row_width(self) -> int:
        """The width the search, the lists and the button take side by side."""
        widgets: list[QWidget] = [self.search, *self.combos.values(), self.clear_button]
        return (sum(_least_width(w) for w in widgets)
                + self._first.spacing() * (len(widgets) - 1))

    def arrange(self) -> None:
        """The lists beside the search when they fit the bar's width, below it when not."""
        for combo in self.combos.values():
            # Its minimumSizeHint leaves out the contents length: never narrower than that.
            combo.setMinimumWidth(combo.sizeHint().width())
        two_rows = self.one_row_width() > self.width()
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        for combo in self.combos.values():
            (self._second if two_rows else self._first).removeWidget(combo)
        for index, combo in enumerate(self.combos.values()):
            if two_rows:
                self._second.addWidget(combo, 1)
            else:
                self._first.insertWidget(1 + index, combo, 1)

    def minimumSizeHint(self) -> QSize:
        """What two rows need: the window may be narrower than one row."""
        hint = super().minimumSizeHint()
        lists = (sum(_least_width(c) for c in self.combos.values())
                 + self._second.spacing() * (len(self.combos) - 1))
        first = (_least_width(self.search) + self.clear_button.sizeHint().width()
                 + self._first.spacing())
        return QSize(max(lists, first), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rearrange.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._rearrange.start()

    def value(self, key: str) -> str:
        combo = self.combos[key]
        return self.models[key].value_at(combo.currentIndex()) or ""

    def set_value(self, key: str, value: str) -> None:
        row = self.models[key].row_of(value)
        self.combos[key].setCurrentIndex(max(row, 0))

    def clear(self) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.changed.emit()


def _least_width(widget: QWidget) -> int:
    """The narrowest ``widget`` is laid out: its hint or the minimum set on it."""
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())


def _section_choices(ws: Workspace) -> list[tuple[str, str]]:
    order = queries.plan_order(ws)
    rows = queries.section_rows(ws, order)
    out = []
    for sid in order:
        row = rows.get(sid)
        if row is not None and row["kind"] in ("vision", "priority", "goal", "objective"):
            title = str(row["title"])
            title = title if len(title) < 48 else title[:47] + "…"
            out.append((sid, f"{row['code']} {title}"))
    return out


class EmptyState(QWidget):
    """Over an empty table's rows: what found nothing, and a way back to everything."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyState")
        self._view = view
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.label = QLabel()
        self.label.setObjectName("emptyText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("color: #4b5563")
        layout.addWidget(self.label)
        self.clear_button = QPushButton(self.tr("Show all remar&ks"))
        self.clear_button.setObjectName("emptyClearFilters")
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view.viewport() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect())
        return False

    def show_for(self, search: str, filtered: bool) -> None:
        """Nothing found: for ``search`` (when given), or with filters, or no remark yet."""
        if search.strip():
            text = self.tr("Nothing found for {search}").format(
                search=quoted_text(search.strip()))
        elif filtered:
            text = self.tr("No remark matches these filters.")
        else:
            text = self.tr("There are no remarks yet.")
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.clear_button.setVisible(filtered or bool(search.strip()))
        self.setGeometry(self._view.viewport().rect())
        self.show()
        self.raise_()


class RemarksPage(QWidget):
    """Every remark of the plan; filtering and sorting ask for ids off the UI thread."""

    remark_changed = Signal()
    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self._order = ("plan", False)
        self._task: Task[tuple[list[str], int]] | None = None
        self._keep: str | None = None
        self.total = 0
        self.loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 0)
        self.filters = FilterBar()
        self.filters.changed.connect(self.reload)
        layout.addWidget(self.filters)
        self.model = RemarkTableModel(ws, self)
        self.table = RemarkTableView()
        self.table.setObjectName("allRemarks")
        self.table.setAccessibleName(self.tr("Remarks found"))
        self.table.setModel(self.model)
        setup_remark_table(self.table)
        self.model.sort_requested.connect(self._sort)
        self.highlight = HighlightDelegate(self.table)
        for column in (RemarkColumn.TEXT, RemarkColumn.RESPONSE):
            self.table.setItemDelegateForColumn(int(column), self.highlight)
        self.empty = EmptyState(self.table)
        self.empty.clear_button.clicked.connect(self.filters.clear)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.remark_changed.emit())
        self.count_label = QLabel()
        self.count_label.setObjectName("remarkCount")
        self.count_label.setStyleSheet("color: #4b5563; padding: 2px")
        self.detail = RemarkDetail()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 400])
        layout.addWidget(self.count_label)
        layout.addWidget(split, 1)
        self.loaded = False

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded:  # filled when first shown: opening a workspace stays quick
            self.loaded = True
            self.filters.fill(self.ws)
            self.reload()

    def current_filter(self) -> queries.RemarkFilter:
        f = self.filters

        def one(key: str) -> tuple[str, ...]:
            value = f.value(key)
            return (value,) if value else ()

        section = f.value("section")
        return queries.RemarkFilter(
            section_ids=tuple(queries.subtree_ids(self.ws, section)) if section else (),
            group_ids=one("group"), round_ids=one("round"), types=one("type"),
            statuses=one("status"), author_ids=one("author"), search=f.search.text(),
        )

    def _sort(self, order: str, descending: bool) -> None:
        self._order = (order, descending)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        """Ask for the ids the filter selects, in a worker; the table is replaced when ready."""
        if self._task is not None:
            self._task.cancel()
        self._keep = keep or self.current_remark_id()
        flt = self.current_filter()
        order, descending = self._order
        self.loading = True
        self.count_label.setText(self.tr("Looking for remarks…"))

        def find(ws: Workspace, progress: Progress) -> tuple[list[str], int]:
            ids = queries.remark_ids(ws, flt, order=order, descending=descending)
            return ids, queries.count_remarks(ws)

        self._task = self.ops.run_on_workspace(
            self.ws.path, find, readonly=True, on_success=self._loaded,
            on_cancelled=lambda: None)

    def _loaded(self, result: tuple[list[str], int]) -> None:
        ids, total = result
        self._task = None
        self.loading = False
        self.total = total
        search = self.filters.search.text()
        self.highlight.search = search
        self.detail.search = search
        self.model.set_ids(ids)
        self.count_label.setText(
            self.tr("%n of {total} remark(s)", "", len(ids)).format(total=total))
        self.counts_changed.emit(len(ids), total)
        if ids:
            self.empty.hide()
        else:
            self.empty.show_for(search, self.filtered())
        if self._keep:
            row = self.model.row_of(self._keep)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.table.currentIndex())
        self.remark_changed.emit()

    def filtered(self) -> bool:
        """Whether a filter (not the search) leaves remarks out."""
        return any(self.filters.value(key) for key in self.filters.combos)

    def _selection(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self.remark_changed.emit()

    def refresh_after_change(self, kind: str, ids: Sequence[str]) -> None:
        if kind == "remark" and self.loaded:
            self.model.refresh(ids)
            shown = set(self.model.ids)
            if any(i not in shown for i in ids):
                self.reload()
        elif kind == "records" and self.loaded:
            self.filters.fill(self.ws)

    def current_remark_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.id_at(index.row())

    def current_remark(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.remark_at(index.row())

    def selected_remark_ids(self) -> list[str]:
        return [rid for rid in (self.model.id_at(r) for r in selected_rows(self.table)) if rid]

    def detach(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.table.setModel(None)
