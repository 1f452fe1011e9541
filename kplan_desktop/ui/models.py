"""Qt item models over ids, with rows read lazily from the workspace.

A list is asked for in two steps (see :mod:`kplan_desktop.store.queries`):
the ids in order, which is cheap even for 50,000 remarks, then the rows of
the ids on screen, in pages kept in a small LRU cache. No model holds all
rows, so memory and first paint do not grow with the workspace.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..core.model import RemarkStatus, RemarkType, Role, SectionKind, SectionState
from ..store import queries
from ..store.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

#: Roles every model here answers.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3


def _t(text: str) -> str:
    return QCoreApplication.translate("models", text)


# --- display names of the domain's values (translated) --------------------------------------------


def status_name(status: str) -> str:
    names = {
        RemarkStatus.NEW: _t("new"),
        RemarkStatus.UNDER_REVIEW: _t("under review"),
        RemarkStatus.ACCEPTED: _t("accepted"),
        RemarkStatus.PARTLY_ACCEPTED: _t("partly accepted"),
        RemarkStatus.REJECTED: _t("rejected"),
        RemarkStatus.NOTED: _t("noted"),
        RemarkStatus.WITHDRAWN: _t("withdrawn"),
    }
    return str(names.get(status, status))  # type: ignore[call-overload]


def type_name(remark_type: str) -> str:
    names = {
        RemarkType.GENERAL: _t("general"),
        RemarkType.TECHNICAL: _t("technical"),
        RemarkType.EDITORIAL: _t("editorial"),
    }
    return str(names.get(remark_type, remark_type))  # type: ignore[call-overload]


def kind_name(kind: str) -> str:
    names = {
        SectionKind.VISION: _t("vision"),
        SectionKind.PRIORITY: _t("priority"),
        SectionKind.GOAL: _t("goal"),
        SectionKind.OBJECTIVE: _t("objective"),
        SectionKind.MEASURE: _t("measure"),
        SectionKind.INDICATOR: _t("indicator"),
        SectionKind.TEXT: _t("text"),
    }
    return str(names.get(kind, kind))  # type: ignore[call-overload]


def state_name(state: str) -> str:
    names = {
        SectionState.DRAFT: _t("draft"),
        SectionState.IN_REVIEW: _t("in review"),
        SectionState.AGREED: _t("agreed"),
    }
    return str(names.get(state, state))  # type: ignore[call-overload]


def role_name(role: str) -> str:
    names = {
        Role.CHAIR: _t("chair"),
        Role.SECRETARY: _t("secretary"),
        Role.EXPERT: _t("expert"),
        Role.CONSULTANT: _t("consultant"),
        Role.OBSERVER: _t("observer"),
    }
    return str(names.get(role, role))  # type: ignore[call-overload]


#: Calm colours for statuses: highlights in the text and a dot in the tables.
STATUS_COLOURS: dict[str, str] = {
    RemarkStatus.NEW: "#fde68a",
    RemarkStatus.UNDER_REVIEW: "#bfdbfe",
    RemarkStatus.ACCEPTED: "#bbf7d0",
    RemarkStatus.PARTLY_ACCEPTED: "#d9f99d",
    RemarkStatus.REJECTED: "#fecaca",
    RemarkStatus.NOTED: "#e5e7eb",
    RemarkStatus.WITHDRAWN: "#f3f4f6",
}


def one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ID = int(ID_ROLE)
_ROW = int(ROW_ROLE)
_STATUS = int(STATUS_ROLE)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TREE_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _FONT, _FOREGROUND, _ID, _ROW})
_REMARK_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ROW, _STATUS, _DECORATION, _FOREGROUND})
_LOOKS: dict[str, Any] = {}


def _bold_font() -> QFont:
    if "bold" not in _LOOKS:
        font = QFont()
        font.setBold(True)
        _LOOKS["bold"] = font
    return _LOOKS["bold"]  # type: ignore[no-any-return]


def _grey_brush() -> QBrush:
    if "grey" not in _LOOKS:
        _LOOKS["grey"] = QBrush(QColor("#6b7280"))
    return _LOOKS["grey"]  # type: ignore[no-any-return]


# --- the plan tree ------------------------------------------------------------------------------


@dataclass(eq=False)  # nodes are compared by identity
class _Node:
    key: int
    section_id: str | None
    parent: _Node | None
    row: dict[str, Any] = field(default_factory=dict)
    children: list[_Node] | None = None  # None: not fetched yet

    @property
    def child_count(self) -> int:
        return int(self.row.get("children", 0)) if self.section_id else 1


class PlanTreeModel(QAbstractItemModel):
    """The plan's sections as a tree; children are read when a branch is first opened."""

    TITLE, REMARKS, GROUP = range(3)

    def __init__(self, ws: Workspace, parent: Any = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._nodes: dict[int, _Node] = {}
        self._by_id: dict[str, _Node] = {}
        self._root = self._new_node(None, None)

    def _new_node(self, section_id: str | None, parent: _Node | None) -> _Node:
        node = _Node(len(self._nodes) + 1, section_id, parent)
        self._nodes[node.key] = node
        if section_id is not None:
            self._by_id[section_id] = node
        return node

    def _node(self, index: Index) -> _Node:
        if not index.isValid():
            return self._root
        return self._nodes[index.internalId()]

    def _load_children(self, node: _Node) -> list[_Node]:
        ids = queries.child_section_ids(self._ws, node.section_id)
        rows = queries.section_rows(self._ws, ids)
        children = []
        for sid in ids:
            child = self._new_node(sid, node)
            child.row = rows.get(sid, {})
            children.append(child)
        return children

    # --- structure

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        node = self._node(parent)
        if node.children is None or not (0 <= row < len(node.children)):
            return QModelIndex()
        if not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].key)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        grand = up.parent
        assert grand is not None and grand.children is not None
        return self.createIndex(grand.children.index(up), 0, up.key)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        if node is self._root and node.children is None:
            node.children = self._load_children(node)  # the top level is always shown
        return len(node.children) if node.children is not None else 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 3

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        if node is self._root:
            return self.rowCount() > 0
        if node.children is not None:
            return bool(node.children)
        return node.child_count > 0

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        if not parent.isValid():
            return False  # the top level is read at once, in rowCount()
        node = self._node(parent)
        return node.children is None and node.child_count > 0

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        if node.children is not None or not parent.isValid():
            return
        children = self._load_children(node)
        if not children:
            node.children = []
            return
        self.beginInsertRows(parent, 0, len(children) - 1)
        node.children = children
        self.endInsertRows()

    # --- data

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_t("Section"), _t("Remarks"), _t("Group"))[section] if 0 <= section < 3 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask this for every cell and role many times: plain int compares, and the
        # font and brush made once (building them per call was 0.1 s on opening a plan).
        role = int(role)
        if role not in _TREE_ROLES or not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        row = node.row
        col = index.column()
        if role == _DISPLAY:
            if col == self.TITLE:
                code = row.get("code") or ""
                return f"{code}  {row.get('title', '')}".strip()
            if col == self.REMARKS:
                return str(row.get("remarks") or "") or None
            if col == self.GROUP:
                return row.get("group_code") or None
            return None
        if role == _ID:
            return node.section_id
        if role == _ROW:
            return row
        if role == _TOOLTIP:
            heading = f"{row.get('code') or ''}  {row.get('title', '')}".strip()
            parts = [heading, kind_name(str(row.get("kind", ""))),
                     state_name(str(row.get("state", "")))]
            if row.get("group_name"):
                parts.append(str(row["group_name"]))
            if int(row.get("heads") or 0) > 1:
                parts.append(_t("two versions of this text wait for a decision"))
            return " · ".join(parts)
        if role == _ALIGN:
            return _RIGHT if col == self.REMARKS else None
        if role == _FONT:
            return _bold_font() if col == self.TITLE and node.parent is self._root else None
        if role == _FOREGROUND:
            return _grey_brush() if col != self.TITLE else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- for the window

    def index_of(self, section_id: str) -> QModelIndex:
        """The index of a section, fetching the branches above it."""
        path: list[str] = []
        current: str | None = section_id
        while current is not None:
            path.append(current)
            row = self._ws.conn.execute(
                "SELECT parent_id FROM section WHERE id = ?", (current,)
            ).fetchone()
            current = row[0] if row else None
        index = QModelIndex()
        self.rowCount()
        for sid in reversed(path):
            if self.canFetchMore(index):
                self.fetchMore(index)
            node = self._by_id.get(sid)
            if node is None or node.parent is None or node.parent.children is None:
                return QModelIndex()
            index = self.createIndex(node.parent.children.index(node), 0, node.key)
        return index

    def refresh_section(self, section_id: str) -> None:
        """Read one section's row again (its title, state or remark count changed)."""
        node = self._by_id.get(section_id)
        if node is None or node.parent is None or node.parent.children is None:
            return
        node.row = queries.section_rows(self._ws, [section_id]).get(section_id, node.row)
        row = node.parent.children.index(node)
        self.dataChanged.emit(
            self.createIndex(row, 0, node.key), self.createIndex(row, 2, node.key)
        )

    def reload(self) -> None:
        """Read the tree again from the top (sections moved, added or renumbered)."""
        self.beginResetModel()
        self._nodes.clear()
        self._by_id.clear()
        self._root = self._new_node(None, None)
        self.endResetModel()


# --- remarks ------------------------------------------------------------------------------------


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


_COLUMNS = list(RemarkColumn)


def _status_colour(status: str) -> QColor:
    key = "status:" + status
    if key not in _LOOKS:
        _LOOKS[key] = QColor(STATUS_COLOURS.get(status, "#ffffff")).darker(115)
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
    }


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
                return _status_colour(remark["status"])
            return None
        if role == _FOREGROUND:
            if remark["status"] == RemarkStatus.WITHDRAWN:
                return _faded_brush()
            return None
        if role == _TOOLTIP:
            if column in (RemarkColumn.TEXT, RemarkColumn.RESPONSE):
                return str(remark["text"] if column == RemarkColumn.TEXT else remark["response"])
            if column == RemarkColumn.SECTION:
                return str(remark["section_title"])
            return None
        return self._display(column, remark)

    def _display(self, column: RemarkColumn, remark: dict[str, Any]) -> str:
        if column == RemarkColumn.SECTION:
            mark = " ⚑" if remark["text_changed"] else ""
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
            return str(remark["group_code"] or "")
        if column == RemarkColumn.CREATED:
            return str(remark["created_at"] or "")[:10]
        return one_line(remark["response"])

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


# --- small lists (groups, people, meetings, rounds, templates) ------------------------------------


class RecordListModel(QAbstractTableModel):
    """A short list of records (a group's members, meetings, rounds): rows and columns given.

    These lists are small (tens of rows) and are read whole; ``columns`` maps a
    header to a function of the row.
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[dict[str, Any]], Any]]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.get("id")
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()][1](row)
            return None if value is None else str(value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ChoiceListModel(QAbstractListModel):
    """(value, label) pairs for combo boxes and filter lists; checkable when asked."""

    def __init__(self, choices: Sequence[tuple[str, str]] = (), parent: Any = None, *,
                 checkable: bool = False) -> None:
        super().__init__(parent)
        self._choices = list(choices)
        self._checkable = checkable
        self._checked: set[str] = set()

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self._checked &= {v for v, _ in self._choices}
        self.endResetModel()

    def value_at(self, row: int) -> str | None:
        return self._choices[row][0] if 0 <= row < len(self._choices) else None

    def row_of(self, value: str) -> int:
        for row, (v, _) in enumerate(self._choices):
            if v == value:
                return row
        return -1

    @property
    def checked(self) -> tuple[str, ...]:
        return tuple(v for v, _ in self._choices if v in self._checked)

    def set_checked(self, values: Sequence[str]) -> None:
        self._checked = set(values)
        if self._choices:
            self.dataChanged.emit(self.index(0), self.index(len(self._choices) - 1))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        value, label = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return label
        if role == ID_ROLE:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable:
            return (Qt.CheckState.Checked if value in self._checked
                    else Qt.CheckState.Unchecked)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not self._checkable or role != Qt.ItemDataRole.CheckStateRole
                or not index.isValid() or not 0 <= index.row() < len(self._choices)):
            return False
        key = self._choices[index.row()][0]
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
