"""Short lists as Qt item models: records (members, meetings, rounds) and choices."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt

from .models import ID_ROLE, ROW_ROLE, Index

_ROOT = QModelIndex()


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
        # Counts to the right, so that their digits line up down the column.
        if role == Qt.ItemDataRole.TextAlignmentRole and _is_count(
                self._columns[index.column()][1](row)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
