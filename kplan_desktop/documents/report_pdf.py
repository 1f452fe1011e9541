"""The consolidated remarks as PDF (reportlab), A4 landscape, Liberation Sans embedded.

The title page and summaries are ordinary platypus flowables. The matrix is laid
out here, not by platypus' Table: every cell is broken into lines once (word
widths cached, so a 20,000-remark report costs 4 times a 5,000 one), rows are
packed into pages with the header row first on each, a row taller than the
room left is split line by line into a continued row, and each page is drawn as
one flowable. reportlab's Table re-measures its cells on every split, which
costs several times more and cannot break one cell over pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from .files import DocumentError, Progress, report_progress
from .fonts import PDF_BOLD, PDF_REGULAR, register_pdf_fonts
from .pdf_page import CONTROL, OnPage, escape, footer, page_template
from .report import COLUMN_SHARES, Report

PAGE = landscape(A4)
MARGIN = 14 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN
FRAME_HEIGHT = PAGE[1] - 2 * MARGIN
FONT_SIZE = 7.5
LEADING = 9.2
PAD_X = 3.0
PAD_Y = 2.5
GRID = colors.Color(0.55, 0.55, 0.55)
HEADER_FILL = colors.Color(0.86, 0.89, 0.93)
SECTION_FILL = colors.Color(0.94, 0.94, 0.94)
#: A row taller than this share of a page is split where the page ends rather than moved.
SPLIT_SHARE = 0.3
#: At least this many lines of a split row go on the first page.
MIN_SPLIT_LINES = 3


class LineBreaker:
    """Breaks text into lines of a width, measuring each distinct word once."""

    def __init__(self, font_name: str, size: float) -> None:
        self.font_name = font_name
        self.size = size
        self._widths: dict[str, float] = {}
        self.space = stringWidth(" ", font_name, size)

    def width(self, word: str) -> float:
        w = self._widths.get(word)
        if w is None:
            w = self._widths[word] = stringWidth(word, self.font_name, self.size)
        return w

    def lines(self, text: str, max_width: float) -> list[str]:
        out: list[str] = []
        space = self.space
        for para in CONTROL.sub(" ", text.replace("\t", " ")).split("\n"):
            words = para.split()
            if not words:
                out.append("")
                continue
            line: list[str] = []
            line_width = 0.0
            for word in words:
                w = self.width(word)
                if w > max_width:
                    if line:
                        out.append(" ".join(line))
                    pieces = self._break_word(word, max_width)
                    out.extend(pieces[:-1])
                    line, line_width = [pieces[-1]], self.width(pieces[-1])
                elif line and line_width + space + w > max_width:
                    out.append(" ".join(line))
                    line, line_width = [word], w
                else:
                    line_width = line_width + space + w if line else w
                    line.append(word)
            out.append(" ".join(line))
        while out and not out[-1]:
            out.pop()
        return out

    def _break_word(self, word: str, max_width: float) -> list[str]:
        """A word wider than the column (a web address): broken between letters."""
        pieces: list[str] = []
        current = ""
        for ch in word:
            if current and stringWidth(current + ch, self.font_name, self.size) > max_width:
                pieces.append(current)
                current = ch
            else:
                current += ch
        pieces.append(current)
        return pieces


@dataclass
class PlacedRow:
    """A row ready to draw: its cells' lines, or one line set spanning the width."""

    kind: str  # "header", "section" or "remark"
    cells: list[list[str]]
    number: int = 0

    @property
    def line_count(self) -> int:
        return max((len(c) for c in self.cells), default=0) or 1

    @property
    def height(self) -> float:
        return self.line_count * LEADING + 2 * PAD_Y


class MatrixPage(Flowable):  # type: ignore[misc]
    """One page of the matrix: the header row and the rows that fit, drawn directly."""

    def __init__(self, rows: list[PlacedRow], widths: Sequence[float],
                 on_drawn: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.widths = list(widths)
        self.on_drawn = on_drawn
        self.table_height = sum(r.height for r in rows)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return sum(self.widths), self.table_height

    def draw(self) -> None:
        canv = self.canv
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        total_width = xs[-1]
        ascent = getFont(PDF_REGULAR).face.ascent / 1000 * FONT_SIZE
        y = self.table_height
        text = canv.beginText()
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.4)
        path = canv.beginPath()
        for row in self.rows:
            h = row.height
            bottom = y - h
            if row.kind != "remark":
                canv.setFillColor(HEADER_FILL if row.kind == "header" else SECTION_FILL)
                canv.rect(0, bottom, total_width, h, stroke=0, fill=1)
            font = PDF_REGULAR if row.kind == "remark" else PDF_BOLD
            text.setFont(font, FONT_SIZE, LEADING)
            lefts = xs if row.kind != "section" else [0.0]
            for left, lines in zip(lefts, row.cells, strict=False):
                if lines:
                    text.setTextOrigin(left + PAD_X, y - PAD_Y - ascent)
                    for line in lines:
                        text.textLine(line)
            path.moveTo(0, bottom)
            path.lineTo(total_width, bottom)
            inner = xs[1:-1] if row.kind != "section" else []
            for x in (0.0, *inner, total_width):
                path.moveTo(x, y)
                path.lineTo(x, bottom)
            y = bottom
        path.moveTo(0, self.table_height)
        path.lineTo(total_width, self.table_height)
        canv.setFillColor(colors.black)
        canv.drawText(text)
        canv.drawPath(path, stroke=1, fill=0)
        if self.on_drawn is not None:
            self.on_drawn()


def _paginate(report: Report, widths: Sequence[float], first_height: float,
              page_height: float) -> list[list[PlacedRow]]:
    """Pack the matrix rows into pages, the header row first on each."""
    breaker = LineBreaker(PDF_REGULAR, FONT_SIZE)
    bold = LineBreaker(PDF_BOLD, FONT_SIZE)
    inner = [w - 2 * PAD_X for w in widths]
    header = PlacedRow("header", [bold.lines(h, w) for h, w in
                                  zip(report.column_headers, inner, strict=True)])
    labels = report.labels
    pages: list[list[PlacedRow]] = []
    page: list[PlacedRow] = [header]
    room = first_height - header.height
    continued = f"({labels['continued'][:3]}.)" if labels.lang == "lt" else "(cont.)"

    def new_page() -> None:
        nonlocal page, room
        pages.append(page)
        page = [header]
        room = page_height - header.height

    full_width = sum(inner)
    for block in report.blocks:
        section = PlacedRow("section", [bold.lines(block.heading, full_width)])
        # A section heading never ends a page: some of its first remark goes with it.
        if section.height + LEADING * MIN_SPLIT_LINES + 2 * PAD_Y > room and len(page) > 1:
            new_page()
        page.append(section)
        room -= section.height
        for matrix_row in block.rows:
            cells = [breaker.lines(text, w) for text, w in
                     zip(matrix_row.cells(labels), inner, strict=True)]
            row = PlacedRow("remark", cells, matrix_row.number)
            while row.height > room:
                fit = int((room - 2 * PAD_Y) // LEADING)
                splittable = row.height > page_height * SPLIT_SHARE or len(page) == 1
                if splittable and fit >= MIN_SPLIT_LINES:
                    page.append(PlacedRow("remark", [c[:fit] for c in row.cells], row.number))
                    rest = [c[fit:] for c in row.cells]
                    rest[0] = [str(row.number), continued]
                    rest[1] = rest[1] or row.cells[1][:1]  # the section code again
                    row = PlacedRow("remark", rest, row.number)
                    new_page()
                elif len(page) > 1:
                    new_page()
                else:  # cannot happen with sane widths: an empty page always takes 3 lines
                    raise DocumentError("A remark is too large to lay out on a page.")
            page.append(row)
            room -= row.height
    pages.append(page)
    return pages


def _footer(report: Report, pages: int) -> OnPage:
    return footer(report.metadata.title, report.labels["page_of"], pages, page=PAGE,
                  margin=MARGIN, font_size=7.5)


def _template(target: Any, report: Report, on_page: OnPage | None) -> BaseDocTemplate:
    # No frame padding: the matrix pages were packed for exactly this room.
    return page_template(target, page=PAGE, margin=MARGIN, meta=report.metadata,
                         font_size=FONT_SIZE, on_page=on_page)


def _count_pages(report: Report, story: list[Flowable]) -> int:
    """How many pages the title page and summaries fill: a quick dry run in memory."""
    doc = _template(io.BytesIO(), report, None)
    doc.build(list(story))
    return int(doc.page)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=PDF_REGULAR, fontSize=9, leading=11.5)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=PDF_BOLD, fontSize=17,
                                leading=21, spaceAfter=4 * mm),
        "h2": ParagraphStyle("h2", parent=base, fontName=PDF_BOLD, fontSize=11, leading=14,
                             spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1),
        "cell": base,
        "bold": ParagraphStyle("bold", parent=base, fontName=PDF_BOLD),
        "num": ParagraphStyle("num", parent=base, alignment=TA_RIGHT),
        "numbold": ParagraphStyle("numbold", parent=base, fontName=PDF_BOLD,
                                  alignment=TA_RIGHT),
    }


def _front_matter(report: Report) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = [Paragraph(escape(report.title), st["title"])]
    info = [[Paragraph(escape(k), st["bold"]), Paragraph(escape(v), st["cell"])]
            for k, v in report.title_block]
    table = Table(info, colWidths=[55 * mm, FRAME_WIDTH - 55 * mm], hAlign="LEFT")
    # Tables set their cells' font even for paragraphs: name ours, not Helvetica.
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), PDF_REGULAR),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    story.append(table)
    for summary in report.summaries:
        story.append(Paragraph(escape(summary.caption), st["h2"]))
        n_cols = len(summary.header)
        first = 62 * mm
        rest = min(FRAME_WIDTH - first, 30 * mm * (n_cols - 1)) / (n_cols - 1)
        data = [[Paragraph(escape(h), st["bold"] if i == 0 else st["numbold"])
                 for i, h in enumerate(summary.header)]]
        for r, row in enumerate(summary.rows):
            total = summary.has_total and r == len(summary.rows) - 1
            data.append([Paragraph(escape(v), st["bold" if total else "cell"] if i == 0 else
                                   st["numbold" if total else "num"])
                         for i, v in enumerate(row)])
        t = Table(data, colWidths=[first] + [rest] * (n_cols - 1), hAlign="LEFT",
                  repeatRows=1)
        style = [("GRID", (0, 0), (-1, -1), 0.4, GRID),
                 ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                 ("FONTNAME", (0, 0), (-1, -1), PDF_REGULAR)]
        if summary.has_total:
            style.append(("BACKGROUND", (0, -1), (-1, -1), SECTION_FILL))
        t.setStyle(TableStyle(style))
        story.append(t)
    return story


def write_pdf(report: Report, path: Path, progress: Progress | None = None) -> None:
    """Render the report to ``path`` (the caller makes the write atomic).

    Every matrix page is packed to fill exactly one page, so the page count is
    known before drawing and each page's footer is final when it is drawn: no
    page is held in memory to be numbered at the end.
    """
    register_pdf_fonts()
    st = _styles()
    widths = [FRAME_WIDTH * share for share in COLUMN_SHARES]
    widths[-1] = FRAME_WIDTH - sum(widths[:-1])
    # Flowables keep state from a build: the dry run gets its own.
    front_pages = _count_pages(report, _front_matter(report))
    story = [*_front_matter(report), PageBreak()]
    heading = Paragraph(escape(report.labels["matrix"]), st["h2"])
    heading_height = heading.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + st["h2"].spaceAfter
    story.append(heading)
    total = report.count
    pages: list[list[PlacedRow]] = []
    if not total:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(escape(report.labels["no_remarks"]), st["cell"]))
    else:
        # A point of slack per page for rounding in the frame's arithmetic.
        pages = _paginate(report, widths, FRAME_HEIGHT - heading_height - 1, FRAME_HEIGHT - 1)
        drawn = 0

        def count(rows: list[PlacedRow]) -> Callable[[], None]:
            numbers = {r.number for r in rows if r.kind == "remark"}

            def on_drawn() -> None:
                nonlocal drawn
                drawn += len(numbers)
                report_progress(progress, min(drawn, total), total)

            return on_drawn

        story.extend(MatrixPage(rows, widths, count(rows) if progress else None)
                     for rows in pages)
    page_count = front_pages + max(len(pages), 1)
    doc = _template(str(path), report, _footer(report, page_count))
    # Uncompressed-size ASCII85 armour is for 7-bit mail; binary streams are a third faster.
    rl_config.useA85 = 0
    try:
        doc.build(story)
    except LayoutError as exc:  # a bug in the packing above, not the user's doing
        raise RuntimeError(f"report layout failed: {exc}") from exc
    if doc.page != page_count:
        raise RuntimeError(f"report pages: counted {page_count}, drew {doc.page}")
