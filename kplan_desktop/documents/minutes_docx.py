"""The minutes of a meeting as DOCX (python-docx): A4 portrait, "page X of Y" in the footer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.oxml import parse_xml
from docx.shared import Pt

from .docx_common import (
    NSDECL,
    add_page_footer,
    add_paragraph_style,
    new_document,
    set_metadata,
    text_width_twips,
)
from .minutes import REMARK_SHARES, Minutes

_CONTROL = str.maketrans({c: " " for c in range(32) if c not in (9, 10)})


def _clean(text: str) -> str:
    """Text python-docx accepts (XML forbids most control characters)."""
    return text.translate(_CONTROL)


def _heading(doc: Any, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(10)
    p.paragraph_format.space_after = Pt(3)
    p.paragraph_format.keep_with_next = True
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(12)


def _text(doc: Any, text: str, empty: str) -> None:
    lines = _clean(text).strip().split("\n") if text.strip() else [empty]
    for line in lines:
        p = doc.add_paragraph(line)
        p.paragraph_format.space_after = Pt(2)


def _remarks_table(doc: Any, minutes: Minutes, style: str, bold_style: str) -> None:
    width = text_width_twips(doc)
    widths = [int(width * share) for share in REMARK_SHARES]
    widths[-1] = width - sum(widths[:-1])
    table = doc.add_table(rows=len(minutes.remarks) + 1, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    rows = [minutes.remark_headers, *(r.cells() for r in minutes.remarks)]
    for r, values in enumerate(rows):
        cells = table.rows[r].cells
        for c, value in enumerate(values):
            cell = cells[c]
            cell.width = Pt(widths[c] / 20)
            lines = _clean(value).split("\n")
            paragraph = cell.paragraphs[0]
            for i, line in enumerate(lines):
                if i:
                    paragraph = cell.add_paragraph()
                paragraph.style = doc.styles[bold_style if r == 0 else style]
                paragraph.add_run(line)
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {NSDECL}/>"))
    for c, grid_col in enumerate(table._tbl.tblGrid.gridCol_lst):
        grid_col.w = Pt(widths[c] / 20)


def write_minutes_docx(minutes: Minutes, path: Path) -> None:
    """Render the minutes to ``path`` (the caller makes the write atomic)."""
    labels = minutes.labels
    meta = minutes.metadata
    doc = new_document(meta.language, landscape=False, font_size=10.5, margin_mm=20)
    add_paragraph_style(doc, "KPlan Table", 9)
    add_paragraph_style(doc, "KPlan Table Heading", 9, bold=True)
    set_metadata(doc, title=meta.title, author=meta.author, subject=meta.subject,
                 language=meta.language, keywords=meta.keywords)
    add_page_footer(doc, meta.title, labels["page_of"])

    title = doc.add_paragraph()
    title.paragraph_format.space_after = Pt(8)
    run = title.add_run(minutes.title)
    run.bold = True
    run.font.size = Pt(16)
    for key, value in minutes.title_block:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(1)
        p.add_run(f"{key}: ").bold = True
        p.add_run(_clean(value))
    for key, names in minutes.attendance:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(4)
        p.paragraph_format.space_after = Pt(1)
        p.add_run(f"{key}: ").bold = True
        p.add_run(_clean(", ".join(names)) if names else labels["m_nobody"])
    for key, text in ((labels["m_agenda"], minutes.agenda),
                      (labels["m_discussion"], minutes.discussion),
                      (f"{labels['m_decisions']}:", minutes.decisions)):
        _heading(doc, key)
        _text(doc, text, labels["m_nobody"])
    _heading(doc, labels["m_answered"])
    if minutes.remarks:
        _remarks_table(doc, minutes, "KPlan Table", "KPlan Table Heading")
    else:
        doc.add_paragraph(labels["m_no_answered"])
    for key, name in minutes.signatures:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(18)
        p.add_run(f"{key}: ").bold = True
        p.add_run(f"______________  {_clean(name)}" if name else "______________")
    doc.save(str(path))
