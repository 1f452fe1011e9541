"""What every KPlan PDF shares: the page template (one frame, the document's metadata,
the embedded font named from the first page), the footer (title, "page X of Y") and
text made safe for a reportlab Paragraph."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from .fonts import PDF_REGULAR
from .report import Metadata

OnPage = Callable[[Canvas, Any], None]
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_FOOTER_GREY = colors.Color(0.35, 0.35, 0.35)


def escape(text: str) -> str:
    """Text for a Paragraph's mini-markup: escaped, line breaks kept, controls blanked."""
    text = CONTROL.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")


def page_template(target: Any, *, page: tuple[float, float], margin: float, meta: Metadata,
                  font_size: float, on_page: OnPage | None) -> BaseDocTemplate:
    """A document of one frame filling the page inside ``margin``, with no padding."""
    doc = BaseDocTemplate(
        target, pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
        bottomMargin=margin, title=meta.title, author=meta.author, subject=meta.subject,
        keywords=meta.keywords, creator="KPlan Desktop", lang=meta.language,
        # Without this each page also names Helvetica, a font the PDF does not embed.
        initialFontName=PDF_REGULAR, initialFontSize=font_size,
    )
    frame = Frame(margin, margin, page[0] - 2 * margin, page[1] - 2 * margin, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    template = PageTemplate(id="page", frames=[frame])
    if on_page is not None:
        template.onPage = on_page
    doc.addPageTemplates([template])
    return doc


def footer(title: str, page_of: str, pages: int, *, page: tuple[float, float], margin: float,
           font_size: float) -> OnPage:
    """Draws the title on the left and "page X of Y" (``page_of``) on the right."""

    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(PDF_REGULAR, font_size)
        canvas.setFillColor(_FOOTER_GREY)
        y = margin / 2
        canvas.drawString(margin, y, title)
        canvas.drawRightString(page[0] - margin, y, page_of.format(page=doc.page, pages=pages))
        canvas.restoreState()

    return draw
