"""The remarks table as a Qt item model over ids, with rows read lazily from the workspace.

A list is asked for in two steps (see :mod:`kplan_desktop.store.queries`):
the ids in order, which is cheap even for 50,000 remarks, then the rows of
the ids on screen, in pages kept in a small LRU cache. No model holds all
rows, so memory and first paint do not grow with the workspace.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon

from ..core.model import RemarkStatus, RemarkType
from ..store import queries
from ..store.workspace import Workspace
from .icons import status_icon
from .locale_text import show_date
from .models import (
    ID_ROLE,
    ROW_ROLE,
    STATUS_ROLE,
    Index,
    one_line,
    status_name,
    type_name,
)
from .remark_ids import identifier_note

_ROOT = QModelIndex()


def _t(text: str) -> str:
    # Context "models", as before the split: the translations already made keep applying.
    return QCoreApplication.translate("models", text)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ID = int(ID_ROLE)
_ROW = int(ROW_ROLE)
_STATUS = int(STATUS_ROLE)
_REMARK_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ROW, _STATUS, _DECORATION, _FOREGROUND})
_LOOKS: dict[str, Any] = {}


#: Made once: the views ask for every cell's flags, and enum arithmetic is slow in Python.
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RemarkColumn(IntEnum):
    SECTION = 0
    TYPE = 1
    STATUS = 2
    TEXT = 3
    AUTHOR = 4
    GROUP = 5
    CREATED = 6
    RESPONSE = 7
    ID = 8  # "KUL-012": shown first (setup_remark_table moves it)


_COLUMNS = list(RemarkColumn)


def _status_mark(status: str) -> QIcon:
    """A shape per status (circle, check, cross...): colour is never the only sign."""
    key = "status:" + status
    if key not in _LOOKS:
        _LOOKS[key] = status_icon(status)
    return _LOOKS[key]  # type: ignore[no-any-return]


def _faded_brush() -> QBrush:
    if "faded" not in _LOOKS:
        _LOOKS["faded"] = QBrush(QColor("#9ca3af"))
    return _LOOKS["faded"]  # type: ignore[no-any-return]


#: The order key of :data:`queries.REMARK_ORDER` each column sorts by.
COLUMN_ORDER: dict[RemarkColumn, str] = {
    RemarkColumn.SECTION: "plan",
    RemarkColumn.TYPE: "type",
    RemarkColumn.STATUS: "status",
    RemarkColumn.TEXT: "text",
    RemarkColumn.AUTHOR: "author",
    RemarkColumn.GROUP: "group",
    RemarkColumn.CREATED: "created",
    RemarkColumn.RESPONSE: "response",
    RemarkColumn.ID: "identifier",
}


def _column_titles() -> dict[RemarkColumn, str]:
    return {
        RemarkColumn.SECTION: _t("Section"),
        RemarkColumn.TYPE: _t("Type"),
        RemarkColumn.STATUS: _t("Status"),
        RemarkColumn.TEXT: _t("Remark"),
        RemarkColumn.AUTHOR: _t("Author"),
        RemarkColumn.GROUP: _t("Group"),
        RemarkColumn.CREATED: _t("Given"),
        RemarkColumn.RESPONSE: _t("Response"),
        RemarkColumn.ID: _t("No."),
    }


def column_samples(column: RemarkColumn) -> tuple[str, ...]:
    """Every label a narrow column can show, in the current language (the view sizes
    the column to the widest, at the current font); empty for the columns of free text."""
    if column == RemarkColumn.TYPE:
        return tuple(type_name(kind) for kind in RemarkType)
    if column == RemarkColumn.STATUS:
        return tuple(status_name(status) for status in RemarkStatus)
    if column == RemarkColumn.CREATED:
        return (show_date("2028-12-28"),)
    if column == RemarkColumn.SECTION:
        # A code with both marks, or the vision's title shortened (see _display).
        return ("8.8.8.8 ⚑ ⊘", one_line("Vizija – Kaunas 2030", 14))
    if column == RemarkColumn.ID:
        return ("WWWW-000b", "WWWW-?ffff")
    return ()


class RemarkTableModel(QAbstractTableModel):
    """Remarks by id: rows appear in batches as the view scrolls, read a page at a time.

    ``sort()`` does not sort here: it emits :attr:`sort_requested` with an order key
    of :data:`queries.REMARK_ORDER`; the owner asks for the ids in that order (off
    the UI thread when there are many) and hands them to :meth:`set_ids`.
    """

    sort_requested = Signal(str, bool)

    def __init__(
        self,
        ws: Workspace,
        parent: Any = None,
        *,
        batch: int = 200,
        page_size: int = 100,
        cache_pages: int = 16,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._ids: list[str] = []
        self._shown = 0
        self._batch = batch
        self._page_size = page_size
        self._cache_pages = cache_pages
        self._pages: OrderedDict[int, list[dict[str, Any] | None]] = OrderedDict()
        self._me = ws.identity.person_id
        self.rows_read = 0  # how many rows were read from the file: a lazy model reads few

    # --- ids

    @property
    def ids(self) -> Sequence[str]:
        return self._ids

    @property
    def total(self) -> int:
        return len(self._ids)

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        # Kept as given (no copy): a big list stays one list in memory.
        self._ids = ids if isinstance(ids, list) else list(ids)
        self._shown = min(len(self._ids), self._batch)
        self._pages.clear()
        self.endResetModel()

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, remark_id: str) -> int:
        """The row showing ``remark_id`` (fetching batches up to it), or -1."""
        try:
            row = self._ids.index(remark_id)
        except ValueError:
            return -1
        while row >= self._shown and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        return row

    # --- lazy rows

    def remark_at(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < self._shown:
            return None
        number = row // self._page_size
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
        else:
            self._pages.move_to_end(number)
        return page[row - number * self._page_size]

    def _read_page(self, number: int) -> list[dict[str, Any] | None]:
        ids = self._ids[number * self._page_size : (number + 1) * self._page_size]
        rows = queries.remark_rows(self._ws, ids)
        self.rows_read += len(ids)
        page = [rows.get(i) for i in ids]
        self._pages[number] = page
        while len(self._pages) > self._cache_pages:
            self._pages.popitem(last=False)
        return page

    def refresh(self, remark_ids: Sequence[str] | None = None) -> None:
        """Forget cached rows (of these ids, or all) and repaint them."""
        if remark_ids is None:
            self._pages.clear()
        else:
            wanted = set(remark_ids)
            for number, page in list(self._pages.items()):
                if any(r is None or r["id"] in wanted for r in page):
                    del self._pages[number]
        if self._shown:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._shown - 1, len(RemarkColumn) - 1)
            )

    def fetch_all(self) -> None:
        """Make every id a row (selecting all of them); rows are still read only when shown."""
        if self._shown < len(self._ids):
            self.beginInsertRows(QModelIndex(), self._shown, len(self._ids) - 1)
            self._shown = len(self._ids)
            self.endInsertRows()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._shown < len(self._ids)

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid():
            return
        more = min(self._batch, len(self._ids) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    # --- the model

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(RemarkColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(RemarkColumn):
                return _column_titles()[RemarkColumn(section)]
            return None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _REMARK_ROLES and role != _ID:
            return None
        row = index.row()
        if not index.isValid() or not 0 <= row < self._shown:
            return None
        if role == _ID:
            return self._ids[row]
        remark = self.remark_at(row)
        if remark is None:
            return None
        if role == _ROW:
            return remark
        if role == _STATUS:
            return remark["status"]
        column = _COLUMNS[index.column()]
        if role == _DECORATION:
            if column == RemarkColumn.STATUS:
                return _status_mark(remark["status"])
            return None
        if role == _FOREGROUND:
            if remark["status"] == RemarkStatus.WITHDRAWN:
                return _faded_brush()
            return None
        if role == _TOOLTIP:
            if column in (RemarkColumn.TEXT, RemarkColumn.RESPONSE):
                return str(remark["text"] if column == RemarkColumn.TEXT else remark["response"])
            if column == RemarkColumn.SECTION:
                return self._section_tooltip(remark)
            if column == RemarkColumn.ID:
                return identifier_note(remark) or None
            return None
        return self._display(column, remark)

    def _display(self, column: RemarkColumn, remark: dict[str, Any]) -> str:
        if column == RemarkColumn.ID:
            return str(remark["identifier"])
        if column == RemarkColumn.SECTION:
            # Marks in text, not colour alone; the tooltip says what each one means.
            mark = " ⚑" if remark["text_changed"] else ""
            if remark.get("section_removed"):
                mark += " ⊘"
            # The vision has no number: its title, shortened, says where the remark is.
            where = remark["section_code"] or one_line(remark["section_title"], 14)
            return f"{where}{mark}"
        if column == RemarkColumn.TYPE:
            return type_name(remark["type"])
        if column == RemarkColumn.STATUS:
            return status_name(remark["status"])
        if column == RemarkColumn.TEXT:
            return one_line(remark["text"])
        if column == RemarkColumn.AUTHOR:
            return str(remark["author_name"] or "")
        if column == RemarkColumn.GROUP:
            return str(remark.get("group_name") or remark["group_code"] or "")
        if column == RemarkColumn.CREATED:
            return show_date(remark["created_at"])
        return one_line(remark["response"])

    @staticmethod
    def _section_tooltip(remark: dict[str, Any]) -> str:
        lines = [str(remark["section_title"])]
        if remark["text_changed"]:
            lines.append("⚑ " + _t("The section's text has changed since this remark was made."))
        if remark.get("section_removed"):
            lines.append("⊘ " + _t(
                "This section was removed from the latest draft; the remark is kept."))
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(RemarkColumn):
            self.sort_requested.emit(
                COLUMN_ORDER[RemarkColumn(column)], order == Qt.SortOrder.DescendingOrder
            )

    def is_mine(self, row: int) -> bool:
        remark = self.remark_at(row)
        return remark is not None and remark["author_id"] == self._me

