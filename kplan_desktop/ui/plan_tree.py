"""The plan tree as a Qt item model: sections read a branch at a time, when first opened."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..store import queries
from ..store.workspace import Workspace
from .models import ID_ROLE, ROW_ROLE, Index, kind_name, state_name

_ROOT = QModelIndex()


def _t(text: str) -> str:
    # Context "models", as before the split: the translations already made keep applying.
    return QCoreApplication.translate("models", text)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ID = int(ID_ROLE)
_ROW = int(ROW_ROLE)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TREE_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _FONT, _FOREGROUND, _ID, _ROW})
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


def _removed_font(bold: bool) -> QFont:
    """Struck through: a removed section reads as gone without relying on colour."""
    key = "removed-font-bold" if bold else "removed-font"
    if key not in _LOOKS:
        font = QFont()
        font.setStrikeOut(True)
        font.setBold(bold)
        _LOOKS[key] = font
    return _LOOKS[key]  # type: ignore[no-any-return]


def _removed_brush() -> QBrush:
    if "removed-brush" not in _LOOKS:
        _LOOKS["removed-brush"] = QBrush(QColor("#9ca3af"))
    return _LOOKS["removed-brush"]  # type: ignore[no-any-return]


@dataclass(eq=False)  # nodes are compared by identity
class _Node:
    key: int
    section_id: str | None
    parent: _Node | None
    row: dict[str, Any] = field(default_factory=dict)
    children: list[_Node] | None = None  # None: not fetched yet

    @property
    def child_count(self) -> int:
        # Removed children count too: the tree shows them (their remarks stay reachable).
        return int(self.row.get("tree_children", 0)) if self.section_id else 1


class PlanTreeModel(QAbstractItemModel):
    """The plan's sections as a tree; children are read when a branch is first opened.

    Sections a draft import marked removed stay in the tree, after their live siblings,
    struck through, greyed and titled "(removed)", so their remarks can still be read.
    """

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
        ids = queries.child_section_ids(self._ws, node.section_id, include_removed=True)
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
                title = f"{code}  {row.get('title', '')}".strip()
                return f"{title} {_t('(removed)')}" if row.get("removed") else title
            if col == self.REMARKS:
                return str(row.get("remarks") or "") or None
            if col == self.GROUP:
                return row.get("group_name") or row.get("group_code") or None
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
            if row.get("removed"):
                parts.append(_t("removed from the latest draft; its remarks are kept"))
            return " · ".join(parts)
        if role == _ALIGN:
            return _RIGHT if col == self.REMARKS else None
        if role == _FONT:
            top = col == self.TITLE and node.parent is self._root
            if row.get("removed") and col == self.TITLE:
                return _removed_font(top)
            return _bold_font() if top else None
        if role == _FOREGROUND:
            if row.get("removed"):
                return _removed_brush()
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

