"""The consolidated remarks as DOCX (python-docx for the frame, lxml for the matrix).

The matrix is built as one XML string and parsed once: python-docx's add_row
and cell access cost time per row that grows with the table, while this costs
the same per row however long the report is.

Each section of the plan is a paragraph in Word's own Heading style of its depth
(so Word's navigation pane and LibreOffice's navigator show the plan; Word leaves
headings inside tables out of its pane) followed by a table of its remarks. Every
table's first row is the column header, marked ``w:tblHeader`` so Word and
LibreOffice repeat it on every page. No row breaks across pages (``w:cantSplit``):
a page never begins with a fragment of a remark without its number. A remark
longer than a third of a page is cut, like the PDF's, into rows marked "(tęs.)".
"""

from __future__ import annotations

import io
import math
import uuid
import zipfile
from pathlib import Path
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .docx_common import (
    NSDECL,
    TWIPS_PER_MM,
    add_page_footer,
    add_paragraph_style,
    new_document,
    set_metadata,
    text_width_twips,
    xml_text,
)
from .files import Progress, report_progress
from .fonts import PDF_REGULAR, register_pdf_fonts
from .labels import Labels
from .report import COLUMN_SHARES, MatrixRow, Report, SummaryTable, summary_widths_mm
from .report_pdf import LineBreaker

HEADER_FILL = "DCE3ED"
SECTION_FILL = "EFEFEF"
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
CHUNK = 500
TABLE_FONT_PT = 8
#: Word's single line of 8 pt Arial; a landscape A4 page of the matrix holds about 50.
LINE_PT = 9.2
#: Cell margins, left and right, in twips.
CELL_MARGIN = 57
#: A remark of more lines than this (in its tallest cell) is cut into continued rows of
#: at most this many: a row that cannot split moves whole to the next page, so a long
#: one would leave much of a page empty, and one taller than a page would be cut off.
MAX_ROW_LINES = 16
#: Rows of this many characters or fewer in every cell are not measured.
_SHORT = 300
MAX_HEADING_LEVEL = 9


def _paragraphs(text: str, style_id: str, *, keep_next: bool = False) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/>{"<w:keepNext/>" if keep_next else ""}</w:pPr>'
    lines = text.split("\n") or [""]
    return "".join(
        f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{xml_text(line)}</w:t></w:r></w:p>'
        if line else f"<w:p>{ppr}</w:p>"
        for line in lines
    )


def _cell(text: str, width: int, style_id: str, *, fill: str = "",
          keep_next: bool = False) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    body = _paragraphs(text, style_id, keep_next=keep_next)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


class _RowCutter:
    """Cuts a remark whose tallest cell runs past :data:`MAX_ROW_LINES` into continued rows,
    measuring lines as the PDF does (Liberation Sans has Arial's widths)."""

    def __init__(self, widths: list[int], labels: Labels) -> None:
        register_pdf_fonts()
        self.breaker = LineBreaker(PDF_REGULAR, TABLE_FONT_PT)
        self.inner = [(w - 2 * CELL_MARGIN) / 20 for w in widths]
        self.continued = labels["continued_mark"]
        self.labels = labels

    def _lines(self, text: str, width: float) -> list[tuple[int, int, int]]:
        """(paragraph number, start, end) in that paragraph of each line of ``text`` wrapped
        to ``width`` points: the text is cut where it was, spaces and long words intact."""
        out: list[tuple[int, int, int]] = []
        for number, paragraph in enumerate(text.split("\n")):
            lines = self.breaker.lines(paragraph, width)
            pos = 0
            for line in lines:
                start = -1
                for word in line.split(" "):
                    while pos < len(paragraph) and paragraph[pos].isspace():
                        pos += 1
                    if not word:
                        continue
                    found = paragraph.find(word, pos)
                    pos = found + len(word) if found >= 0 else pos
                    start = pos - len(word) if start < 0 and found >= 0 else start
                out.append((number, max(start, 0), pos))
            if not lines:
                out.append((number, 0, 0))
        return out

    @staticmethod
    def _text(cell: str, lines: list[tuple[int, int, int]]) -> str:
        """The part of ``cell`` its ``lines`` cover, paragraph by paragraph."""
        paragraphs = cell.split("\n")
        spans: dict[int, tuple[int, int]] = {}
        for number, start, end in lines:
            first, _ = spans.get(number, (start, end))
            spans[number] = (first, end)
        return "\n".join(paragraphs[number][start:end].strip()
                         for number, (start, end) in spans.items())

    def parts(self, row: MatrixRow) -> list[list[str]]:
        cells = row.cells(self.labels)
        if all(len(text) <= _SHORT and text.count("\n") < 4 for text in cells):
            return [cells]
        wrapped = [self._lines(text, width) for text, width in zip(cells, self.inner,
                                                                    strict=True)]
        tallest = max(len(lines) for lines in wrapped)
        if tallest <= MAX_ROW_LINES:
            return [cells]
        count = math.ceil(tallest / MAX_ROW_LINES)
        size = math.ceil(tallest / count)
        parts = []
        for start in range(0, tallest, size):
            part = [
                (text if not start else "") if len(lines) <= size else
                self._text(text, lines[start : start + size])
                for text, lines in zip(cells, wrapped, strict=True)
            ]
            if start:
                part[0] = f"{cells[0]}\n{self.continued}"
                part[1] = cells[1]  # the section again
            parts.append(part)
        return parts


def _header_row(report: Report, widths: list[int], bold_style: str) -> str:
    # keepNext in the header's paragraphs holds it to the first remark below it.
    return "".join((
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
        *(_cell(h, w, bold_style, fill=HEADER_FILL, keep_next=True)
          for h, w in zip(report.column_headers, widths, strict=True)),
        "</w:tr>",
    ))


def _table_start(widths: list[int]) -> str:
    return "".join((
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{_BORDERS}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/>'
        f'<w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ))


def _matrix_xml(report: Report, widths: list[int], text_style: str, bold_style: str,
                heading_styles: list[str], progress: Progress | None) -> str:
    """Per section: its heading paragraph, then a table of the header row and its remarks."""
    labels = report.labels
    cutter = _RowCutter(widths, labels)
    header = _header_row(report, widths, bold_style)
    start = _table_start(widths)
    parts: list[str] = []
    done = 0
    total = report.count
    for block in report.blocks:
        style = heading_styles[min(block.depth, len(heading_styles) - 1)]
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r>'
                     f'<w:t xml:space="preserve">{xml_text(block.heading)}</w:t></w:r></w:p>')
        parts.append(start)
        parts.append(header)
        for row in block.rows:
            for cells in cutter.parts(row):
                parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
                parts.extend(_cell(text, w, text_style)
                             for text, w in zip(cells, widths, strict=True))
                parts.append("</w:tr>")
            done += 1
            if done % CHUNK == 0:
                report_progress(progress, done, total)
        parts.append("</w:tbl>")
    return "".join(parts)


def _heading_styles(doc: Any) -> list[str]:
    """Word's Heading 1-9 made into the matrix's section rows: small, bold, black, shaded.
    Returns their style ids by level."""
    ids = []
    for level in range(1, MAX_HEADING_LEVEL + 1):
        style = doc.styles[f"Heading {level}"]
        style.font.size = Pt(TABLE_FONT_PT + 1)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.space_before = Pt(8)
        fmt.space_after = Pt(2)
        fmt.keep_with_next = True
        ppr = style.element.get_or_add_pPr()
        shading = parse_xml(f'<w:shd {NSDECL} w:val="clear" w:color="auto"'
                            f' w:fill="{SECTION_FILL}"/>')
        later = [child for child in ppr if child.tag in {
            qn(t) for t in ("w:tabs", "w:spacing", "w:ind", "w:jc", "w:outlineLvl")}]
        if later:
            later[0].addprevious(shading)
        else:
            ppr.append(shading)
        ids.append(str(style.style_id))
    return ids


def _summary_xml(summary: SummaryTable, width: int, text_style: str, bold_style: str) -> str:
    """A summary table as XML (python-docx's cell by cell way costs most of a small report):
    the header row repeated and shaded, numbers to the right, the total row bold."""
    widths = [int(w * TWIPS_PER_MM) for w in summary_widths_mm(summary, width / TWIPS_PER_MM)]
    parts = [_table_start(widths)]
    last = len(summary.rows)
    for r, values in enumerate([summary.header, *summary.rows]):
        header = r == 0
        total = summary.has_total and r == last
        parts.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
                     + "</w:trPr>")
        fill = HEADER_FILL if header else SECTION_FILL if total else ""
        style = bold_style if header or total else text_style
        for c, (value, w) in enumerate(zip(values, widths, strict=True)):
            cell = _cell(value, w, style, fill=fill, keep_next=header)
            if c > 0:  # numbers to the right
                cell = cell.replace(f'<w:pStyle w:val="{style}"/>',
                                    f'<w:pStyle w:val="{style}"/><w:jc w:val="right"/>')
            parts.append(cell)
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _add_block(doc: Any, xml: str) -> None:
    """Add a block (a table) at the end of the body, before its section properties."""
    element = parse_xml(xml.replace("<w:tbl>", f"<w:tbl {NSDECL}>", 1))
    body = doc.element.body
    if body.sectPr is not None:
        body.sectPr.addprevious(element)
    else:
        body.append(element)


def write_docx(report: Report, path: Path, progress: Progress | None = None) -> None:
    """Render the report to ``path`` (the caller makes the write atomic)."""
    labels = report.labels
    meta = report.metadata
    doc = new_document(meta.language, landscape=True, font_size=9, margin_mm=14)
    text_style = add_paragraph_style(doc, "KPlan Table", TABLE_FONT_PT)
    bold_style = add_paragraph_style(doc, "KPlan Table Heading", TABLE_FONT_PT, bold=True)
    heading_styles = _heading_styles(doc)
    set_metadata(doc, title=meta.title, author=meta.author, subject=meta.subject,
                 language=meta.language, keywords=meta.keywords, identifier=meta.identifier)
    add_page_footer(doc, meta.title, labels["page_of"])
    width = text_width_twips(doc)

    title = doc.add_paragraph(style=doc.styles["Title"])
    run = title.add_run(report.title)
    run.bold = True
    run.font.size = Pt(17)
    run.font.color.rgb = RGBColor(0, 0, 0)
    for key, value in report.title_block:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(1)
        p.add_run(f"{key}: ").bold = True
        p.add_run(value)
    for summary in report.summaries:
        caption = doc.add_paragraph()
        caption.paragraph_format.space_before = Pt(12)
        caption.paragraph_format.keep_with_next = True
        caption_run = caption.add_run(summary.caption)
        caption_run.bold = True
        caption_run.font.size = Pt(11)
        _add_block(doc, _summary_xml(summary, width, text_style, bold_style))

    # The matrix follows the summaries on their page (a page break left a page near empty).
    heading = doc.add_paragraph()
    heading.paragraph_format.space_before = Pt(14)
    heading.paragraph_format.keep_with_next = True
    heading_run = heading.add_run(labels["matrix"])
    heading_run.bold = True
    heading_run.font.size = Pt(11)
    if not report.count:
        doc.add_paragraph(labels["no_remarks"])
        doc.save(str(path))
        return
    widths = [int(width * share) for share in COLUMN_SHARES]
    widths[-1] = width - sum(widths[:-1])
    marker = f"KPLAN-MATRIX-{uuid.uuid4().hex}"
    doc.add_paragraph(marker)
    matrix = _matrix_xml(report, widths, text_style, bold_style, heading_styles, progress)
    report_progress(progress, report.count, report.count)
    buffer = io.BytesIO()
    doc.save(buffer)
    _replace_paragraph(buffer, marker, matrix, path)


def _replace_paragraph(source: io.BytesIO, marker: str, xml: str, path: Path) -> None:
    """Copy the saved package to ``path`` with the marker's paragraph replaced by ``xml``.

    Splicing the matrix into the serialised text spares parsing a table of a
    million elements and moving it between lxml documents, the bulk of the time.
    """
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.index(marker)
                start = max(text.rfind("<w:p>", 0, at), text.rfind("<w:p ", 0, at))
                end = text.index("</w:p>", at) + len("</w:p>")
                data = "".join((text[:start], xml, text[end:])).encode("utf-8")
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
