"""The selected section: its heading, its text with the remarked passages highlighted,
and, for an indicator, its unit, baseline and target.

A body block written as a text table (``| a | b |`` lines, see
:mod:`kplan_desktop.documents.text_table`) is shown as a real table, its first row
the header. Remarks quote the plain body by offsets, so the view keeps a map from
body offsets to document positions (:class:`TextMap`) and every highlight, the
selection a new remark quotes and the passage tooltips go through it; lists and
footnotes stay plain text.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)
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

from ..core.model import RemarkStatus
from ..documents.text_table import text_to_table
from ..store import queries
from ..store.workspace import Workspace
from .models import STATUS_COLOURS, kind_name, one_line, state_name, status_name, type_name

Underline = QTextCharFormat.UnderlineStyle
#: The line under a quoted passage, by its remark's status: solid while the remark is
#: open, dotted once answered, dashed when withdrawn. The background colour says the
#: same to those who see colours; the tooltip names the status.
QUOTE_UNDERLINES: dict[str, QTextCharFormat.UnderlineStyle] = {
    RemarkStatus.NEW: Underline.SingleUnderline,
    RemarkStatus.UNDER_REVIEW: Underline.SingleUnderline,
    RemarkStatus.ACCEPTED: Underline.DotLine,
    RemarkStatus.PARTLY_ACCEPTED: Underline.DotLine,
    RemarkStatus.REJECTED: Underline.DotLine,
    RemarkStatus.NOTED: Underline.DotLine,
    RemarkStatus.WITHDRAWN: Underline.DashUnderline,
}


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


#: Body blocks are separated by a blank line (the draft import and export agree on it).
PARAGRAPH_BREAK = "\n\n"
#: A cell separator of a text table row; a bar inside a cell is written "\\|".
_CELL_SPLIT = re.compile(r"(?<!\\) \| ")


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class TextMap:
    """Where the body's characters are in the shown document.

    Each run is a stretch of the body shown verbatim: (body start, body end, Qt
    position of its first character). Characters between runs (a table's bars,
    the line breaks a table replaces) are not shown; an offset among them maps to
    the start of the next run.
    """

    body: str
    runs: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, start: int, end: int, position: int) -> None:
        if end > start:
            self.runs.append((start, end, position))

    def to_doc(self, offset: int) -> int:
        """A body offset as a document position."""
        if not self.runs:
            return 0
        i = max(bisect.bisect_right([r[0] for r in self.runs], offset) - 1, 0)
        start, end, position = self.runs[i]
        if offset < start:
            return position
        if offset <= end:
            return position + _u16(self.body[start:offset])
        if i + 1 < len(self.runs):
            return self.runs[i + 1][2]
        return position + _u16(self.body[start:end])

    def from_doc(self, position: int) -> int:
        """A document position as a body offset."""
        for start, end, at in self.runs:
            stop = at + _u16(self.body[start:end])
            if position < at:
                return start
            if position <= stop:
                return start + from_qt(self.body[start:end], position - at)
        return self.runs[-1][1] if self.runs else 0

    def pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """The document ranges (Qt start, end) that show body ``start..end``, one per run."""
        out = []
        for run_start, run_end, _at in self.runs:
            lo, hi = max(start, run_start), min(end, run_end)
            if lo < hi:
                out.append((self.to_doc(lo), self.to_doc(hi)))
        return out


def table_cells(block: str, base: int) -> list[list[list[tuple[int, str]]]] | None:
    """The cells of a text-table block as pieces (body offset, shown text); None if not one.

    A piece is shown verbatim, so it can be mapped back; an escaped bar "\\|" is
    shown as the bar alone (its own piece, at the bar's offset).
    """
    rows = text_to_table(block)
    if rows is None:
        return None
    out: list[list[list[tuple[int, str]]]] = []
    line_start = base
    for line, want in zip(block.split("\n"), rows, strict=True):
        # The line as text_to_table reads it: " " + inner + " ", split at " | ".
        padded = " " + line[2:-2] + " "
        origin = line_start + 1  # body offset of padded[0]
        bounds = [0]
        for m in _CELL_SPLIT.finditer(padded):
            bounds += [m.start(), m.end()]
        bounds.append(len(padded))
        cells = []
        for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
            raw = padded[lo:hi]
            lo += len(raw) - len(raw.lstrip())
            hi = lo + len(raw.strip())
            pieces: list[tuple[int, str]] = []
            i = lo
            while i < hi:
                cut = padded.find("\\|", i, hi)
                if cut < 0:
                    pieces.append((origin + i, padded[i:hi]))
                    break
                if cut > i:
                    pieces.append((origin + i, padded[i:cut]))
                pieces.append((origin + cut + 1, "|"))
                i = cut + 2
            cells.append(pieces)
        if ["".join(text for _o, text in cell) for cell in cells] != want:
            return None  # read differently from the parser: show the block as text
        out.append(cells)
        line_start += len(line) + 1
    return out


def _table_format() -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorder(1)
    fmt.setBorderBrush(QBrush(QColor("#9ca3af")))
    fmt.setBorderCollapse(True)
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setHeaderRowCount(1)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    return fmt


def render_body(document: QTextDocument, body: str) -> TextMap:
    """Write ``body`` into ``document``: text as text, text tables as tables.

    A body without tables is set as plain text, exactly as before tables were shown.
    """
    blocks = body.split(PARAGRAPH_BREAK)
    starts = []
    offset = 0
    for block in blocks:
        starts.append(offset)
        offset += len(block) + len(PARAGRAPH_BREAK)
    tables = {i: cells for i, block in enumerate(blocks)
              if (cells := table_cells(block, starts[i])) is not None}
    text_map = TextMap(body)
    if not tables:
        document.setPlainText(body)
        text_map.add(0, len(body), 0)
        return text_map
    document.clear()
    cursor = QTextCursor(document)
    plain = QTextCharFormat()  # the document's own font: nothing carried over from a header
    header = QTextCharFormat()
    header.setFontWeight(QFont.Weight.Bold)
    i = 0
    while i < len(blocks):
        if i in tables:
            cells = tables[i]
            columns = max(len(row) for row in cells)
            table = cursor.insertTable(len(cells), columns, _table_format())
            for r, row in enumerate(cells):
                for c, pieces in enumerate(row):
                    at = table.cellAt(r, c).firstCursorPosition()
                    for body_offset, text in pieces:
                        text_map.add(body_offset, body_offset + len(text), at.position())
                        at.insertText(text, header if r == 0 else plain)
            cursor = table.lastCursorPosition()
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
            i += 1
            if i < len(blocks):
                # The block after a table is already a fresh line: one break, not two.
                cursor.insertText("\n" if i not in tables else "", plain)
            continue
        # A stretch of plain blocks, shown verbatim (with the breaks between them).
        j = i
        while j + 1 < len(blocks) and j + 1 not in tables:
            j += 1
        start = starts[i]
        end = starts[j] + len(blocks[j])
        text_map.add(start, end, cursor.position())
        cursor.insertText(body[start:end], plain)
        i = j + 1
        if i < len(blocks):
            # A table starts on a new line of its own, below one blank line.
            cursor.insertText("\n", plain)
    return text_map


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
        self.text.setAccessibleName(self.tr("Section text"))
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
        self.text_map = TextMap("")
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
        self.text_map = TextMap("")

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
        if section.get("deleted"):
            facts.append(self.tr("removed from the latest draft; its remarks are kept"))
        self.facts.setText(" · ".join(facts))
        is_indicator = section["kind"] == "indicator"
        self.indicator.setVisible(is_indicator)
        if is_indicator:
            self.unit.setText(str(section["unit"] or "—"))
            self.baseline.setText(str(section["baseline"] or "—"))
            self.target.setText(str(section["target"] or "—"))
        body = str(section["body"] or "")
        document = self.text.document()
        self.text_map = render_body(document, body)
        spacing = QTextBlockFormat()
        spacing.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        spacing.setBottomMargin(8)
        if len(self.text_map.runs) == 1 and self.text_map.runs[0][2] == 0:
            whole = QTextCursor(document)
            whole.select(QTextCursor.SelectionType.Document)
            whole.mergeBlockFormat(spacing)
        else:
            # Reading spacing for the text only: in table cells it would make rows tall.
            block = document.begin()
            while block.isValid():
                cursor = QTextCursor(block)
                if cursor.currentTable() is None:
                    cursor.mergeBlockFormat(spacing)
                block = block.next()
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
            # Not by colour alone (colour-blind readers, grey printouts of a screen):
            # a line under the words, its kind telling open from answered.
            fmt.setUnderlineStyle(QUOTE_UNDERLINES.get(status, Underline.SingleUnderline))
            fmt.setUnderlineColor(self.text.palette().text().color())
            # One selection per shown run: a quote across table cells lights each cell's
            # words, never the bars the table replaced or whole cells in between.
            for qt_start, qt_end in self.text_map.pieces(start, end):
                cursor = QTextCursor(document)
                cursor.setPosition(qt_start)
                cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                self._passages.append((qt_start, qt_end, remark_id))
        self.text.setExtraSelections(selections)

    def passage_tooltip(self, position: int) -> str | None:
        """Who said what about the passages at Qt ``position`` (read when hovered)."""
        # A quote across table cells has several pieces: each remark once.
        ids = list(dict.fromkeys(
            rid for start, end, rid in self._passages if start <= position < end))
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
        start = self.text_map.from_doc(cursor.selectionStart())
        end = self.text_map.from_doc(cursor.selectionEnd())
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
        cursor = self.text.textCursor()
        cursor.setPosition(self.text_map.to_doc(start))
        cursor.setPosition(self.text_map.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
