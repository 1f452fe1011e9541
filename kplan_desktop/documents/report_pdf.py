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
    CondPageBreak,
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
from .report import COLUMN_SHARES, Report, SummaryTable, summary_widths_mm

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
#: Room for a summary's caption, its header and two rows; less, and it starts a page.
CAPTION_WITH_ROWS = 30 * mm
#: The matrix starts under the summaries when this share of their last page is free.
MIN_FIRST_SHARE = 0.2


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
    #: A section's first heading: (title, level) of its entry in the PDF's outline.
    outline: tuple[str, int] | None = None

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
            if row.outline is not None:
                # Bookmarks: the plan's sections in the reader's outline pane.
                key = f"section-{id(row)}"
                canv.bookmarkHorizontal(key, 0, y)
                canv.addOutlineEntry(row.outline[0], key, level=row.outline[1],
                                     closed=row.outline[1] > 0)
                canv.showOutline()
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
    continued = labels["continued_mark"]
    full_width = sum(inner)
    section: PlacedRow | None = None
    level = -1

    def new_page() -> None:
        """Start a page; inside a section, its heading stands again, marked continued."""
        nonlocal page, room
        pages.append(page)
        page = [header]
        room = page_height - header.height
        if section is not None:
            again = PlacedRow("section", [bold.lines(f"{heading} {continued}", full_width)])
            page.append(again)
            room -= again.height

    def splittable(row: PlacedRow) -> bool:
        return row.height > page_height * SPLIT_SHARE

    for block in report.blocks:
        heading = block.heading
        rows = [PlacedRow("remark", [breaker.lines(text, w) for text, w in
                                     zip(matrix_row.cells(labels), inner, strict=True)],
                          matrix_row.number) for matrix_row in block.rows]
        # An outline level may rise by one at a time (a filtered report can skip a level).
        level = min(block.depth, level + 1)
        placed = PlacedRow("section", [bold.lines(heading, full_width)],
                           outline=(heading, level))
        # A section heading never ends a page: its first remark, or at least the first
        # lines of a long one, stand under it on the same page.
        first = rows[0].height if rows else 0.0
        least = min(first, LEADING * MIN_SPLIT_LINES + 2 * PAD_Y) if rows and splittable(
            rows[0]) else first
        section = None
        if placed.height + least > room and len(page) > 1:
            new_page()
        page.append(placed)
        room -= placed.height
        section = placed
        for row in rows:
            while row.height > room:
                fit = int((room - 2 * PAD_Y + 1e-6) // LEADING)
                if (splittable(row) or len(page) <= 2) and fit >= MIN_SPLIT_LINES:
                    page.append(PlacedRow("remark", [c[:fit] for c in row.cells], row.number))
                    rest = [c[fit:] for c in row.cells]
                    rest[0] = [*row.cells[0][:1], continued]
                    rest[1] = rest[1] or row.cells[1][:1]  # the section again
                    row = PlacedRow("remark", rest, row.number)
                    new_page()
                elif page[-1].kind == "remark":
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


def _count_pages(report: Report, story: list[Flowable]) -> tuple[int, float]:
    """How many pages the title page and summaries fill, and the height left on the last:
    a quick dry run in memory."""
    doc = _template(io.BytesIO(), report, None)
    probe = _RoomProbe()
    doc.build([*story, probe])
    return int(doc.page), float(probe.room)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=PDF_REGULAR, fontSize=9, leading=11.5)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=PDF_BOLD, fontSize=17,
                                leading=21, spaceAfter=4 * mm),
        "h2": ParagraphStyle("h2", parent=base, fontName=PDF_BOLD, fontSize=11, leading=14,
                             spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1),
        # The matrix's first page is packed for the room under this heading: no keep-with.
        "matrix": ParagraphStyle("matrix", parent=base, fontName=PDF_BOLD, fontSize=11,
                                 leading=14, spaceBefore=5 * mm, spaceAfter=2 * mm),
        "cell": base,
        "bold": ParagraphStyle("bold", parent=base, fontName=PDF_BOLD),
        "num": ParagraphStyle("num", parent=base, alignment=TA_RIGHT),
        "numbold": ParagraphStyle("numbold", parent=base, fontName=PDF_BOLD,
                                  alignment=TA_RIGHT),
    }


def _summary_table(summary: SummaryTable, st: dict[str, ParagraphStyle],
                   room: float) -> Table:
    widths = [w * mm for w in summary_widths_mm(summary, room / mm)]
    data = [[Paragraph(escape(h), st["bold"] if i == 0 else st["numbold"])
             for i, h in enumerate(summary.header)]]
    for r, row in enumerate(summary.rows):
        total = summary.has_total and r == len(summary.rows) - 1
        data.append([Paragraph(escape(v), st["bold" if total else "cell"] if i == 0 else
                               st["numbold" if total else "num"])
                     for i, v in enumerate(row)])
    table = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.4, GRID),
             ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("TOPPADDING", (0, 0), (-1, -1), 1.5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
             ("FONTNAME", (0, 0), (-1, -1), PDF_REGULAR)]
    if summary.has_total:
        style.append(("BACKGROUND", (0, -1), (-1, -1), SECTION_FILL))
    table.setStyle(TableStyle(style))
    return table


def _front_matter(report: Report) -> list[Flowable]:
    """The title block and the summaries. Small summaries (three columns) stand side by
    side, so the first page is not left with one short table on a page of its own."""
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
    small = [s for s in report.summaries if len(s.header) <= 3 and not s.wide_first]
    half = FRAME_WIDTH / 2
    if small:
        cells = [[Paragraph(escape(s.caption), st["h2"]), _summary_table(s, st, half)]
                 for s in small]
        side_by_side = Table([cells], colWidths=[half] * len(cells), hAlign="LEFT")
        side_by_side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                          ("FONTNAME", (0, 0), (-1, -1), PDF_REGULAR),
                                          ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                          ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                          ("TOPPADDING", (0, 0), (-1, -1), 0)]))
        # A caption's space before is lost inside a table cell: given here.
        story.append(Spacer(1, st["h2"].spaceBefore))
        story.append(side_by_side)
    for summary in report.summaries:
        if any(summary is placed for placed in small):
            continue
        # The caption goes with the table's first rows, and the table splits over pages
        # (held together, a long one moved whole and left most of a page empty).
        story.append(CondPageBreak(CAPTION_WITH_ROWS))
        story.append(Paragraph(escape(summary.caption), st["matrix"]))
        story.append(_summary_table(summary, st, FRAME_WIDTH))
    return story


class _RoomProbe(Flowable):  # type: ignore[misc]
    """Takes no room; remembers the height left in the frame where it was laid out."""

    def __init__(self) -> None:
        super().__init__()
        self.room = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.room = avail_height
        return 0.0, 0.0

    def draw(self) -> None:
        pass


def write_pdf(report: Report, path: Path, progress: Progress | None = None) -> None:
    """Render the report to ``path`` (the caller makes the write atomic).

    Every matrix page is packed to fill exactly one page, so the page count is
    known before drawing and each page's footer is final when it is drawn: no
    page is held in memory to be numbered at the end. The matrix starts under the
    summaries when a good part of their last page is free, else on a new page.
    """
    register_pdf_fonts()
    st = _styles()
    widths = [FRAME_WIDTH * share for share in COLUMN_SHARES]
    widths[-1] = FRAME_WIDTH - sum(widths[:-1])
    # Flowables keep state from a build: the dry run gets its own.
    front_pages, room_left = _count_pages(report, _front_matter(report))
    story = _front_matter(report)
    heading_style = st["matrix"]
    heading = Paragraph(escape(report.labels["matrix"]), heading_style)
    heading_height = heading.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + heading_style.spaceAfter
    first_height = room_left - heading_height - heading_style.spaceBefore
    flows_on = first_height >= FRAME_HEIGHT * MIN_FIRST_SHARE
    if not flows_on:
        story.append(PageBreak())
        first_height = FRAME_HEIGHT - heading_height
    story.append(heading)
    total = report.count
    pages: list[list[PlacedRow]] = []
    if not total:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(escape(report.labels["no_remarks"]), st["cell"]))
    else:
        # A point of slack per page for rounding in the frame's arithmetic.
        pages = _paginate(report, widths, first_height - 1, FRAME_HEIGHT - 1)
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
    page_count = front_pages + max(len(pages), 1) - (1 if flows_on else 0)
    doc = _template(str(path), report, _footer(report, page_count))
    # Uncompressed-size ASCII85 armour is for 7-bit mail; binary streams are a third faster.
    rl_config.useA85 = 0
    try:
        doc.build(story)
    except LayoutError as exc:  # a bug in the packing above, not the user's doing
        raise RuntimeError(f"report layout failed: {exc}") from exc
    if doc.page != page_count:
        raise RuntimeError(f"report pages: counted {page_count}, drew {doc.page}")
