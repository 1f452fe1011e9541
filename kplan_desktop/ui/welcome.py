"""The welcome screen: start a plan, open one, try the demo, or reopen a recent one."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

_ROOT = QModelIndex()


class RecentModel(QAbstractListModel):
    """Recent workspace files, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[Path] = []

    def set_paths(self, paths: list[Path]) -> None:
        self.beginResetModel()
        self.paths = list(paths)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.paths)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.paths):
            return None
        path = self.paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{path.stem}    —    {path.parent}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path)
        if role == Qt.ItemDataRole.UserRole:
            return str(path)
        return None


class WelcomePage(QWidget):
    new_plan = Signal()
    open_file = Signal()
    open_demo = Signal()
    join_plan = Signal()
    open_recent = Signal(Path)

    def __init__(self, parent: QWidget | None = None, *, can_join: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        title = QLabel(
            "<span style='font-size:xx-large; font-weight:600'>"
            + html.escape(self.tr("KPlan Desktop")) + "</span>"
        )
        subtitle = QLabel(self.tr(
            "Review the draft of a strategic development plan with your working group:"
            " read the sections, write remarks, answer them and keep the group's records."))
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("color: #4b5563")
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(18)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, signal in (
            ("new", self.tr("&Start a new plan…"), self.new_plan),
            ("open", self.tr("&Open a workspace…"), self.open_file),
            ("demo", self.tr("Try the &demo plan"), self.open_demo),
            ("join", self.tr("&Join a plan from a bundle…"), self.join_plan),
        ):
            button = QPushButton(label)
            button.setMinimumHeight(button.sizeHint().height() + 10)
            button.clicked.connect(signal)
            column.addWidget(button)
            self.buttons[key] = button
        self.buttons["join"].setVisible(can_join)
        column.addSpacing(18)
        self.recent_label = QLabel(self.tr("&Recent workspaces"))
        self.recent_label.setStyleSheet("font-weight: 600")
        self.recent = RecentModel(self)
        self.recent_view = QListView()
        self.recent_view.setObjectName("recentWorkspaces")
        self.recent_view.setModel(self.recent)
        self.recent_view.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent_view.activated.connect(self._activated)
        self.recent_label.setBuddy(self.recent_view)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent_view)
        column.addStretch(2)
        holder = QWidget()
        holder.setLayout(column)
        self._column = holder
        self._size_column()
        outer.addWidget(holder, 3)
        outer.addStretch(1)

    def _size_column(self) -> None:
        """640 px wide at normal text, wider with larger text (at 200% the introduction
        was a narrow column of short lines in the middle of the window)."""
        em = self.fontMetrics().averageCharWidth()
        self._column.setMaximumWidth(max(640, 106 * em))
        self._column.setMinimumWidth(max(420, 70 * em))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_column()

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.set_paths(paths)
        self.recent_label.setVisible(bool(paths))
        self.recent_view.setVisible(bool(paths))

    def _activated(self, index: QModelIndex) -> None:
        self.open_recent.emit(Path(str(index.data(Qt.ItemDataRole.UserRole))))
