"""Search matches, marked where the user reads: table cells and the remark in full.

The search finds a word by its beginning, blind to case and diacritics (FTS5's
``unicode61 remove_diacritics 2`` with a prefix query, see
:func:`kplan_desktop.store.queries.fts_query`); the marks follow the same rule,
so "azuol" marks "Ąžuolynų".
"""

from __future__ import annotations

import html
import re
import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_WORD = re.compile(r"\w+", re.UNICODE)

#: The marker colour, and the text on it: dark on yellow reads on a selected row too.
MARK_BACKGROUND = "#fde047"
MARK_TEXT = "#111827"


def _fold(char: str) -> str:
    """One character without its diacritics, case-folded ("Ą" -> "a")."""
    base = "".join(c for c in unicodedata.normalize("NFD", char)
                   if not unicodedata.combining(c))
    return base.casefold()


def search_words(search: str) -> list[str]:
    return [_fold_text(w) for w in _WORD.findall(unicodedata.normalize("NFC", search))]


def _fold_text(text: str) -> str:
    return "".join(_fold(c) for c in text)


def match_spans(text: str, search: str) -> list[tuple[int, int]]:
    """(start, end) of each part of ``text`` the search matched, in order, not overlapping."""
    words = [w for w in search_words(search) if w]
    if not words or not text:
        return []
    # Folding one character gives one character for every letter we meet here; where
    # it gives more (ß -> ss) the positions are kept by mapping each folded one back.
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        for f in _fold(char) or char:
            folded.append(f)
            origin.append(i)
    flat = "".join(folded)
    spans: list[tuple[int, int]] = []
    for word in words:
        for found in re.finditer(r"(?<!\w)" + re.escape(word), flat):
            start = origin[found.start()]
            end = origin[found.end() - 1] + 1
            spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlighted_html(text: str, search: str) -> str:
    """``text`` escaped for HTML, the matched parts marked."""
    spans = match_spans(text, search) if search else []
    out: list[str] = []
    at = 0
    for start, end in spans:
        out.append(html.escape(text[at:start]))
        out.append(f"<span style='background:{MARK_BACKGROUND}; color:{MARK_TEXT}'>"
                   f"{html.escape(text[start:end])}</span>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


class HighlightDelegate(QStyledItemDelegate):
    """Paints a cell as usual, then marks the parts the search matched."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.search = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        spans = match_spans(str(text), self.search) if self.search and text else []
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        shown = opt.text
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        # The base paint drew the text; the marks go over it, each with its own text.
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = rect.adjusted(margin, 0, -margin, 0)
        metrics = opt.fontMetrics
        elided = metrics.elidedText(shown, opt.textElideMode, rect.width())
        visible = len(elided) if elided == shown else max(0, len(elided) - 1)
        top = rect.top() + (rect.height() - metrics.height()) // 2
        painter.save()
        painter.setClipRect(rect)
        painter.setFont(opt.font)
        painter.setPen(QColor(MARK_TEXT))
        for start, end in spans:
            if start >= visible:
                break
            end = min(end, visible)
            x0 = rect.left() + metrics.horizontalAdvance(shown[:start])
            width = metrics.horizontalAdvance(shown[start:end])
            box = QRect(x0, top, width, metrics.height())
            painter.fillRect(box, QColor(MARK_BACKGROUND))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             shown[start:end])
        painter.restore()
