"""A dialog never smaller than what it holds, at any text size and in any language.

Two Qt habits squeezed the Lithuanian dialogs at 200%: a dialog given its own
minimum width (``setMinimumWidth``) no longer takes its layout's minimum size, so
a long label ("Lytis (pareigų pavadinimams):") was cut when the dialog opened
narrower; and a top-level window's minimum height leaves out the height its
wrapped text takes at its width, so the rows under an introduction were pressed
together. :func:`keep_room` makes the dialog's minimum the larger of the width it
asked for and its layout's, and the height its layout needs at the width it has.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDialog, QLayout


class DialogRoom(QObject):
    """Keeps ``dialog``'s minimum size to its content's (see the module's note)."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.asked_width = dialog.minimumWidth()
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        dialog.installEventFilter(self)
        self.fit()

    def needed(self, layout: QLayout) -> tuple[int, int]:
        """The smallest width and height that show everything in ``layout``."""
        least = layout.totalMinimumSize()
        width = max(self.asked_width, least.width())
        height = least.height()
        if layout.hasHeightForWidth():
            height = max(height, layout.totalMinimumHeightForWidth(max(width,
                                                                       self.dialog.width())))
        return width, height

    def fit(self) -> None:
        layout = self.dialog.layout()
        if layout is None:
            return
        width, height = self.needed(layout)
        if (width, height) != self.dialog.minimumSize().toTuple():
            self.dialog.setMinimumSize(width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize:
            self.fit()  # wrapped text is higher at a narrower width
        elif kind in (QEvent.Type.LayoutRequest, QEvent.Type.Show, QEvent.Type.FontChange,
                      QEvent.Type.LanguageChange):
            self._later.start()  # once the layout has taken the change in
        return False


def keep_room(dialog: QDialog) -> QDialog:
    """Gives ``dialog`` a :class:`DialogRoom` (once) and returns it."""
    if dialog.findChild(DialogRoom) is None:
        DialogRoom(dialog)
    return dialog
