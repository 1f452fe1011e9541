"""A visible focus ring around lists, tables and text panes.

Fusion marks a focused button or field clearly, but a focused table, tree or text
pane only by a faint dotted cell, if at all: a keyboard user loses where Tab went.
One ring follows the focus: a frame in the palette's highlight colour drawn just
inside the focused view, over it and transparent to the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTextEdit, QWidget

#: The ring's width in pixels at 100%; it grows with the text.
RING_WIDTH = 2


def wants_ring(widget: QWidget | None) -> bool:
    """Views Fusion leaves without a clear focus mark: item views and text panes."""
    return isinstance(widget, (QAbstractItemView, QTextEdit))


class _Ring(QWidget):
    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(RING_WIDTH, round(self.fontMetrics().height() / 9))
        pen = QPen(self.palette().highlight().color())
        pen.setWidth(width)
        painter.setPen(pen)
        half = width / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)
        painter.end()


class FocusRing(QObject):
    """Follows the application's focus; shows the ring on a view that wants one."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: _Ring | None = None
        self._target: QWidget | None = None
        app.focusChanged.connect(self._focus_changed)

    @property
    def target(self) -> QWidget | None:
        """The view the ring is around now, or None."""
        return self._target if self._ring is not None and self._ring.isVisible() else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._target is not None:
            self._target.removeEventFilter(self)
        self._drop_ring()
        self._target = new if wants_ring(new) else None
        if self._target is None:
            return
        self._target.installEventFilter(self)
        self._ring = _Ring(self._target)
        self._place()
        self._ring.show()

    def _drop_ring(self) -> None:
        if self._ring is not None:
            self._ring.hide()
            self._ring.deleteLater()
            self._ring = None

    def _place(self) -> None:
        if self._ring is not None and self._target is not None:
            self._ring.setGeometry(self._target.rect())
            self._ring.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target and event.type() in (QEvent.Type.Resize,
                                                          QEvent.Type.Show):
            self._place()
        elif watched is self._target and event.type() == QEvent.Type.Destroy:
            self._target = None
            self._ring = None
        return False


def install_focus_ring(app: QApplication) -> FocusRing:
    """The ring for every window of ``app``; kept by the application (its parent)."""
    existing = app.findChild(FocusRing)
    if isinstance(existing, FocusRing):
        return existing
    return FocusRing(app)

