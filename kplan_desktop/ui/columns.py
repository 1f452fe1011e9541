"""Columns: titles always whole, and the widths the user sets by hand remembered per table.

Each table (or tree) with an object name keeps the widths its user dragged or
double-clicked, in :class:`~.settings.Settings` under that name, and gets them
back when it is shown again (the next time the page is made, the next run).
Widths are kept per text size: at another size they would cut the labels or
waste the room, and the table's own fitting does better.

A table whose last column stretches narrowed it below its own title at 200%
("Svarstymo eta…"): :class:`TableFit` keeps every title whole and the rows as
high as the text, at every text size.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView, QWidget

from .settings import Settings


def _header(view: QAbstractItemView) -> QHeaderView | None:
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


class ColumnMemory(QObject):
    """Saves ``view``'s header state after the user resizes a column with the mouse;
    restores it the first time the view is shown."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView, settings: Settings) -> None:
        super().__init__(view)
        self.setObjectName("columnMemory")
        self._view = view
        self._header = header
        self._settings = settings
        self._pressed = False
        self._by_hand = False
        self._restored = False
        self._header_viewport = header.viewport()
        header.viewport().installEventFilter(self)
        view.installEventFilter(self)
        header.sectionResized.connect(self._resized)
        if view.isVisible():
            self.restore()

    @property
    def key(self) -> str:
        return self._view.objectName()

    def _em(self) -> int:
        return self._view.fontMetrics().horizontalAdvance("M")

    def _resized(self, _section: int, _old: int, _new: int) -> None:
        if self._pressed:
            self._by_hand = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not (shiboken6.isValid(self._header) and shiboken6.isValid(self._view)):
            return False  # the table is being taken down
        if watched is self._header_viewport:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._pressed = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._pressed = False
                if self._by_hand:
                    self._by_hand = False
                    self.save()
        elif watched is self._view and kind == QEvent.Type.Show and not self._restored:
            self.restore()
        return False

    def save(self) -> None:
        self._settings.set_header_state(self.key, self._em(), self._header.saveState())

    def restore(self) -> None:
        """The user's widths for this table at this text size, if any. The sort order
        shown stays the table's own (the rows are in that order)."""
        self._restored = True
        state = self._settings.header_state(self.key, self._em())
        if state is None:
            return
        section = self._header.sortIndicatorSection()
        order = self._header.sortIndicatorOrder()
        self._header.restoreState(state)
        if (self._header.sortIndicatorSection(), self._header.sortIndicatorOrder()) != (
                section, order):
            self._header.blockSignals(True)
            try:
                self._header.setSortIndicator(section, order)
            finally:
                self._header.blockSignals(False)
        if hasattr(self._view, "user_sized"):
            self._view.user_sized = True  # the table's own fitting leaves them be


class TableFit(QObject):
    """A stretching column never narrower than its title: when the room left for it is
    too small, it takes its title's width and the table scrolls sideways; when the room
    comes back, it stretches again. The rows are as high as the text, at every size."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView) -> None:
        super().__init__(view)
        self.setObjectName("tableFit")
        self._view = view
        self._header = header
        self._stretching = [i for i in range(header.count())
                            if header.sectionResizeMode(i) == QHeaderView.ResizeMode.Stretch]
        self._stretch_last = header.stretchLastSection()
        self._busy = False
        # After the view has laid out its viewport (a resize reaches this filter first).
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        view.installEventFilter(self)
        header.sectionResized.connect(lambda *_: self._later.start())
        self.fit_rows()
        self.fit()

    def _last_shown(self) -> int:
        header = self._header
        for visual in range(header.count() - 1, -1, -1):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return logical
        return -1

    def fit(self) -> None:
        if self._busy or not shiboken6.isValid(self._header):
            return
        header, room = self._header, self._view.viewport().width()
        self._busy = True
        try:
            for section in self._stretching:
                if section >= header.count() or header.isSectionHidden(section):
                    continue
                wide = self._room_for(section, room)
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch if wide
                                            else QHeaderView.ResizeMode.Interactive)
                if not wide:
                    header.resizeSection(section, header.sectionSizeFromContents(
                        section).width())
            last = self._last_shown()
            if self._stretch_last and last >= 0:
                wide = self._room_for(last, room)
                header.setStretchLastSection(wide)
                if not wide:
                    header.resizeSection(last, max(header.sectionSizeFromContents(
                        last).width(), header.sectionSize(last)))
        finally:
            self._busy = False

    def _room_for(self, section: int, room: int) -> bool:
        """Whether ``section`` stretched would be at least as wide as its title."""
        header = self._header
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != section and not header.isSectionHidden(i))
        return room - others >= header.sectionSizeFromContents(section).width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (shiboken6.isValid(self._header) and shiboken6.isValid(self._view)):
            return False  # the table is being taken down
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_rows()
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show,
                            QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self._later.start()
        return False

    def fit_rows(self) -> None:
        if isinstance(self._view, QTableView):
            self._view.verticalHeader().setDefaultSectionSize(
                self._view.fontMetrics().height() + 10)


def manage_columns(root: QWidget | None, settings: Settings) -> None:
    """For every table in ``root`` not managed yet: titles whole, rows as high as the
    text, and (for a named table or tree) column widths remembered. The remark tables
    fit their own columns to the room (dropping the least needed) and are left to."""
    if root is None:
        return
    for view in root.findChildren(QAbstractItemView):
        header = _header(view)
        if header is None:
            continue
        if view.objectName() and view.findChild(ColumnMemory, "columnMemory") is None:
            ColumnMemory(view, header, settings)
        if (not hasattr(view, "fit_columns") and isinstance(view, QTableView)
                and view.findChild(TableFit, "tableFit") is None):
            TableFit(view, header)
