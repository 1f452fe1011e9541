"""The consolidated remarks as DOCX (python-docx for the frame, lxml for the matrix).

The matrix is built as one XML string and parsed once: python-docx's add_row
and cell access cost time per row that grows with the table, while this costs
the same per row however long the report is. The header row is marked
``w:tblHeader`` so Word and LibreOffice repeat it on every page; rows may
break across pages, so a long remark is never cut off.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from pathlib import Path
from typing import Any

from docx.oxml import parse_xml
from docx.shared import Pt

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
from .report import COLUMN_SHARES, Report, SummaryTable

HEADER_FILL = "DCE3ED"
SECTION_FILL = "EFEFEF"
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
CHUNK = 500


def _paragraphs(text: str, style_id: str, *, keep_next: bool = False) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/>{"<w:keepNext/>" if keep_next else ""}</w:pPr>'
    lines = text.split("\n") or [""]
    return "".join(
        f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{xml_text(line)}</w:t></w:r></w:p>'
        if line else f"<w:p>{ppr}</w:p>"
        for line in lines
    )


def _cell(text: str, width: int, style_id: str, *, fill: str = "", span: int = 1,
          keep_next: bool = False) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    body = _paragraphs(text, style_id, keep_next=keep_next)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def _matrix_xml(report: Report, widths: list[int], text_style: str, bold_style: str,
                progress: Progress | None) -> str:
    labels = report.labels
    total_width = sum(widths)
    parts = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{total_width}" w:type="dxa"/><w:tblBorders>{_BORDERS}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/>'
        '<w:left w:w="57" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/>'
        '<w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
        *(_cell(h, w, bold_style, fill=HEADER_FILL)
          for h, w in zip(report.column_headers, widths, strict=True)),
        "</w:tr>",
    ]
    done = 0
    total = report.count
    for block in report.blocks:
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        parts.append(_cell(block.heading, total_width, bold_style, fill=SECTION_FILL,
                           span=len(widths), keep_next=True))
        parts.append("</w:tr>")
        for row in block.rows:
            parts.append("<w:tr>")
            parts.extend(_cell(text, w, text_style)
                         for text, w in zip(row.cells(labels), widths, strict=True))
            parts.append("</w:tr>")
            done += 1
            if done % CHUNK == 0:
                report_progress(progress, done, total)
    parts.append("</w:tbl>")
    return "".join(parts)


def _summary_table(doc: Any, summary: SummaryTable, width: int) -> None:
    n_cols = len(summary.header)
    table = doc.add_table(rows=len(summary.rows) + 1, cols=n_cols)
    table.style = doc.styles["Table Grid"]
    first = int(62 * TWIPS_PER_MM)
    rest = int(min(width - first, 30 * TWIPS_PER_MM * (n_cols - 1)) / (n_cols - 1))
    for r, values in enumerate([summary.header, *summary.rows]):
        cells = table.rows[r].cells
        bold = r == 0 or (summary.has_total and r == len(summary.rows))
        for c, value in enumerate(values):
            cell = cells[c]
            cell.width = Pt((first if c == 0 else rest) / 20)
            paragraph = cell.paragraphs[0]
            paragraph.style = doc.styles["KPlan Table"]
            if c > 0:
                paragraph.alignment = 2  # right
            paragraph.add_run(value).bold = bold
        if r == 0:
            table.rows[0]._tr.get_or_add_trPr().append(
                parse_xml(f"<w:tblHeader {NSDECL}/>"))
    # LibreOffice sizes columns by the grid, Word by the cells: give both the same widths.
    for c, grid_col in enumerate(table._tbl.tblGrid.gridCol_lst):
        grid_col.w = Pt((first if c == 0 else rest) / 20)
    table.autofit = False


def write_docx(report: Report, path: Path, progress: Progress | None = None) -> None:
    """Render the report to ``path`` (the caller makes the write atomic)."""
    labels = report.labels
    meta = report.metadata
    doc = new_document(meta.language, landscape=True, font_size=9, margin_mm=14)
    text_style = add_paragraph_style(doc, "KPlan Table", 8)
    bold_style = add_paragraph_style(doc, "KPlan Table Heading", 8, bold=True)
    set_metadata(doc, title=meta.title, author=meta.author, subject=meta.subject,
                 language=meta.language, keywords=meta.keywords)
    add_page_footer(doc, meta.title, labels["page_of"])
    width = text_width_twips(doc)

    title = doc.add_paragraph()
    run = title.add_run(report.title)
    run.bold = True
    run.font.size = Pt(17)
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
        _summary_table(doc, summary, width)

    heading = doc.add_paragraph()
    heading.paragraph_format.page_break_before = True
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
    matrix = _matrix_xml(report, widths, text_style, bold_style, progress)
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
