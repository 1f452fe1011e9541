"""The minutes of a meeting as PDF (reportlab platypus): A4 portrait, Liberation Sans
embedded, "page X of Y" in the footer (the pages counted in a dry run first)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .fonts import PDF_BOLD, PDF_REGULAR, register_pdf_fonts
from .minutes import REMARK_SHARES, Minutes
from .pdf_page import OnPage, escape, footer, page_template

PAGE = A4
MARGIN = 20 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN
FRAME_HEIGHT = PAGE[1] - 2 * MARGIN
GRID = colors.Color(0.55, 0.55, 0.55)
HEADER_FILL = colors.Color(0.86, 0.89, 0.93)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=PDF_REGULAR, fontSize=10.5, leading=13.5,
                          spaceAfter=2)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=PDF_BOLD, fontSize=16,
                                leading=20, spaceAfter=4 * mm),
        "h2": ParagraphStyle("h2", parent=base, fontName=PDF_BOLD, fontSize=12, leading=15,
                             spaceBefore=4 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        "text": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11, spaceAfter=0),
        "cellbold": ParagraphStyle("cellbold", parent=base, fontName=PDF_BOLD, fontSize=9,
                                   leading=11, spaceAfter=0),
        "sign": ParagraphStyle("sign", parent=base, spaceBefore=8 * mm),
    }


def _labelled(key: str, value: str) -> str:
    return f"<b>{escape(key)}:</b> {escape(value)}"


def _story(minutes: Minutes) -> list[Flowable]:
    labels = minutes.labels
    st = _styles()
    story: list[Flowable] = [Paragraph(escape(minutes.title), st["title"])]
    story += [Paragraph(_labelled(k, v), st["text"]) for k, v in minutes.title_block]
    story.append(Spacer(1, 2 * mm))
    story += [Paragraph(_labelled(k, ", ".join(names) if names else labels["m_nobody"]),
                        st["text"]) for k, names in minutes.attendance]
    for key, text in ((labels["m_agenda"], minutes.agenda),
                      (labels["m_discussion"], minutes.discussion),
                      (f"{labels['m_decisions']}:", minutes.decisions)):
        story.append(Paragraph(escape(key), st["h2"]))
        lines = text.strip().split("\n") if text.strip() else [labels["m_nobody"]]
        story += [Paragraph(escape(line), st["text"]) for line in lines]
    story.append(Paragraph(escape(labels["m_answered"]), st["h2"]))
    if minutes.remarks:
        widths = [FRAME_WIDTH * share for share in REMARK_SHARES]
        data = [[Paragraph(escape(h), st["cellbold"]) for h in minutes.remark_headers]]
        data += [[Paragraph(escape(v), st["cell"]) for v in r.cells()] for r in minutes.remarks]
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitByRow=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), PDF_REGULAR),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        story.append(table)
    else:
        story.append(Paragraph(escape(labels["m_no_answered"]), st["text"]))
    for key, name in minutes.signatures:
        line = f"______________  {name}" if name else "______________"
        story.append(Paragraph(_labelled(key, line), st["sign"]))
    return story


def _template(target: Any, minutes: Minutes, on_page: OnPage | None) -> BaseDocTemplate:
    return page_template(target, page=PAGE, margin=MARGIN, meta=minutes.metadata,
                         font_size=10.5, on_page=on_page)


def _footer(minutes: Minutes, pages: int) -> OnPage:
    return footer(minutes.metadata.title, minutes.labels["page_of"], pages, page=PAGE,
                  margin=MARGIN, font_size=8)


def write_minutes_pdf(minutes: Minutes, path: Path) -> None:
    """Render the minutes to ``path`` (the caller makes the write atomic)."""
    register_pdf_fonts()
    rl_config.useA85 = 0
    dry = _template(io.BytesIO(), minutes, None)
    dry.build(_story(minutes))  # flowables keep state from a build: each run gets its own
    pages = int(dry.page)
    doc = _template(str(path), minutes, _footer(minutes, pages))
    doc.build(_story(minutes))
