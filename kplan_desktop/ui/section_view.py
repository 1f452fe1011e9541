"""The selected section: its heading, its text with the remarked passages highlighted,
and, for an indicator, its unit, baseline and target."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..store import queries
from ..store.workspace import Workspace
from .models import STATUS_COLOURS, kind_name, one_line, state_name, status_name, type_name


def to_qt(text: str, offset: int) -> int:
    """A Python string offset as a Qt (UTF-16) position in the same text."""
    return len(text[:offset].encode("utf-16-le")) // 2


def from_qt(text: str, position: int) -> int:
    """A Qt (UTF-16) position in ``text`` as a Python string offset."""
    units = 0
    for i, char in enumerate(text):
        if units >= position:
            return i
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


class SectionView(QWidget):
    """Read-only view of one section; the text's selection is what a new remark quotes."""

    selection_changed = Signal(bool)  # whether a passage is selected
    remark_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.setSpacing(8)
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setObjectName("sectionFacts")
        self.facts.setStyleSheet("color: #6b7280")
        self.facts.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)

        self.indicator = QWidget()
        form = QFormLayout(self.indicator)
        form.setContentsMargins(0, 4, 0, 4)
        self.unit = QLabel()
        self.baseline = QLabel()
        self.target = QLabel()
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Baseline:"), self.baseline)
        form.addRow(self.tr("Target 2030:"), self.target)
        self.indicator.hide()
        layout.addWidget(self.indicator)

        self.text = QTextBrowser()
        self.text.setObjectName("sectionText")
        self.text.setOpenLinks(False)
        self.text.setReadOnly(True)
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.text.document().setDocumentMargin(6)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.copyAvailable.connect(self.selection_changed)
        self.text.viewport().installEventFilter(self)
        self._passages: list[tuple[int, int, str]] = []  # Qt start, end, remark id
        self._ws: Workspace | None = None
        self._reading_font()
        layout.addWidget(self.text, 1)
        self._empty()

    def _reading_font(self) -> None:
        """The plan's text a little larger than the interface: it is what people read."""
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * 1.12)
        self.text.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.ApplicationFontChange, QEvent.Type.FontChange):
            self._reading_font()
        super().changeEvent(event)

    def _empty(self) -> None:
        self.section = None
        self.heading.setText(
            "<span style='font-size:large; color:#6b7280'>"
            + html.escape(self.tr("Choose a section of the plan on the left."))
            + "</span>"
        )
        self.facts.clear()
        self.indicator.hide()
        self.text.clear()
        self._passages = []

    def show_section(self, ws: Workspace, section_id: str | None) -> None:
        section = queries.section(ws, section_id) if section_id else None
        if section is None:
            self._empty()
            return
        self.section = section
        code = html.escape(str(section["code"] or ""))
        title = html.escape(str(section["title"] or ""))
        self.heading.setText(
            f"<span style='font-size:x-large; font-weight:600'>{code}&nbsp; {title}</span>"
        )
        facts = [kind_name(section["kind"]), state_name(section["state"])]
        if section.get("group_name"):
            facts.append(self.tr("responsible: {group}").format(group=section["group_name"]))
        if int(section.get("heads") or 0) > 1:
            facts.append(self.tr("two versions of this text wait for a decision"))
        self.facts.setText(" · ".join(facts))
        is_indicator = section["kind"] == "indicator"
        self.indicator.setVisible(is_indicator)
        if is_indicator:
            self.unit.setText(str(section["unit"] or "—"))
            self.baseline.setText(str(section["baseline"] or "—"))
            self.target.setText(str(section["target"] or "—"))
        body = str(section["body"] or "")
        self.text.setPlainText(body)
        spacing = QTextBlockFormat()
        spacing.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        spacing.setBottomMargin(8)
        whole = QTextCursor(self.text.document())
        whole.select(QTextCursor.SelectionType.Document)
        whole.mergeBlockFormat(spacing)
        self._ws = ws
        self._highlight(ws, section_id or "", body)

    def _highlight(self, ws: Workspace, section_id: str, body: str) -> None:
        """Colour the quoted passages by their remark's status.

        Extra selections paint over the text without changing the document: one call,
        however many remarks (merging a char format per remark cost a frame per 100).
        """
        self._passages = []
        quotes = queries.section_quotes(ws, section_id)
        if not quotes:
            self.text.setExtraSelections([])
            return
        document = self.text.document()
        selections = []
        for start, end, remark_id, status in quotes:
            if not 0 <= start < end <= len(body):
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(STATUS_COLOURS.get(status, "#fde68a")))
            cursor = QTextCursor(document)
            cursor.setPosition(to_qt(body, start))
            cursor.setPosition(to_qt(body, end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            self._passages.append((to_qt(body, start), to_qt(body, end), remark_id))
        self.text.setExtraSelections(selections)

    def passage_tooltip(self, position: int) -> str | None:
        """Who said what about the passages at Qt ``position`` (read when hovered)."""
        ids = [rid for start, end, rid in self._passages if start <= position < end]
        if not ids or self._ws is None:
            return None
        rows = queries.remark_rows(self._ws, ids[:5])
        parts = []
        for rid in ids[:5]:
            remark = rows.get(rid)
            if remark is not None:
                parts.append(
                    f"<b>{html.escape(str(remark['author_name'] or ''))}</b> · "
                    f"{html.escape(type_name(remark['type']))} · "
                    f"{html.escape(status_name(remark['status']))}<br>"
                    f"{html.escape(one_line(remark['text'], 300))}")
        return "<hr>".join(parts) or None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            tip = self.passage_tooltip(self.text.cursorForPosition(event.pos()).position())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.text)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    # --- the selection a remark quotes

    def selected_passage(self) -> tuple[str, int] | None:
        """(quoted text, start offset in the section's body) of the selection, if any."""
        if self.section is None:
            return None
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        body = str(self.section["body"] or "")
        start = from_qt(body, cursor.selectionStart())
        end = from_qt(body, cursor.selectionEnd())
        quote = body[start:end]
        # Trim spaces at the edges; the passage is the words the user meant.
        stripped = quote.strip()
        if not stripped:
            return None
        start += len(quote) - len(quote.lstrip())
        return stripped, start

    def select_passage(self, start: int, end: int) -> None:
        """Select characters ``start..end`` of the body (as a user would with the mouse)."""
        if self.section is None:
            return
        body = str(self.section["body"] or "")
        cursor = self.text.textCursor()
        cursor.setPosition(to_qt(body, start))
        cursor.setPosition(to_qt(body, end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
