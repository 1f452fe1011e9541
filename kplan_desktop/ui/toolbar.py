"""A toolbar that never hides an action behind "»".

At 200% text the main toolbar's words no longer fitted a 1920 px window and Qt
folded "Answer", "Undo" and "Aa" into its extension menu, where no one looked.
:class:`FittingToolBar` shows each action's icon and words while the row has room
for them, and only the icons (the words in the tooltip) when it has not.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QActionEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget

Style = Qt.ToolButtonStyle


class FittingToolBar(QToolBar):
    """Icons and words when they fit the toolbar's width, icons only when not."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        self.setToolButtonStyle(Style.ToolButtonTextBesideIcon)

    def width_needed(self, style: Qt.ToolButtonStyle) -> int:
        """The width every visible item takes in ``style``, side by side."""
        layout = self.layout()
        if layout is None:
            return self.width()
        margins = layout.contentsMargins()
        total = margins.left() + margins.right() + 2 * layout.spacing()
        for action in self.actions():
            if not action.isVisible():
                continue
            widget = self.widgetForAction(action)
            if widget is None:
                continue
            if (isinstance(widget, QToolButton) and widget.defaultAction() is action
                    and widget.toolButtonStyle() != style):
                widget.setToolButtonStyle(style)
            hint = widget.sizeHint().width()
            if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding:
                hint = widget.minimumSizeHint().width()  # a spacer takes what is left
            total += max(hint, 0) + layout.spacing()
        return total

    def fit(self) -> None:
        """Words beside the icons if they all fit, icons alone otherwise."""
        if self.width() <= 0:
            return
        wide = self.width_needed(Style.ToolButtonTextBesideIcon) <= self.width()
        style = Style.ToolButtonTextBesideIcon if wide else Style.ToolButtonIconOnly
        self.setToolButtonStyle(style)
        # Each button too: width_needed tried the words on them, and the toolbar tells
        # its buttons only when its own style changes.
        for action in self.actions():
            widget = self.widgetForAction(action)
            if isinstance(widget, QToolButton) and widget.defaultAction() is action:
                widget.setToolButtonStyle(style)

    def later(self) -> None:
        self._refit.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.later()

    def actionEvent(self, event: QActionEvent) -> None:
        super().actionEvent(event)
        self.later()  # an action shown, hidden or renamed

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.LanguageChange):
            self.later()
