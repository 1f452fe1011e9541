"""What the DOCX documents share: the font in every style, A4 pages, "page X of Y", metadata.

Styles name the font for all four scripts (w:ascii, w:hAnsi, w:eastAsia,
w:cs) and drop the template's theme fonts, which would win over them; the
language is set too, so Word checks spelling in the report's language.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .fonts import DOCX_FONT

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
TWIPS_PER_MM = 1440 / 25.4
_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FONT_ATTRS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def xml_text(text: str) -> str:
    """Text made safe for an XML text node: escaped, without characters XML forbids."""
    return escape(_INVALID_XML.sub("", text))


def xml_attr(text: str) -> str:
    """Text made safe for an XML attribute in double quotes."""
    return escape(_INVALID_XML.sub("", text), {'"': "&quot;", "\n": "&#10;"})


def _set_fonts(rpr: Any, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in _FONT_ATTRS:
        fonts.set(qn(attr), font)


def new_document(lang_tag: str, *, landscape: bool, font_size: float = 10,
                 margin_mm: float = 20) -> Any:
    """An empty A4 document whose every style uses the documents' font and language."""
    doc = Document()
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default, DOCX_FONT)
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = rpr_default.makeelement(qn("w:lang"), {})
        rpr_default.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), lang_tag)
    for rpr in styles.iter(qn("w:rPr")):
        if rpr is not rpr_default and rpr.find(qn("w:rFonts")) is not None:
            _set_fonts(rpr, DOCX_FONT)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(font_size)
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(margin_mm))
    section.footer_distance = Mm(margin_mm / 2)
    return doc


def add_paragraph_style(doc: Any, name: str, size: float, *, bold: bool = False,
                        space_after: float = 0) -> str:
    """A paragraph style for table text; returns its style id."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(space_after)
    fmt.line_spacing = 1.0
    return str(style.style_id)


def text_width_twips(doc: Any) -> int:
    section = doc.sections[0]
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


def add_page_footer(doc: Any, left_text: str, page_of: str) -> None:
    """The footer: the document's title on the left, "X psl. iš Y" on the right (fields)."""
    section = doc.sections[0]
    width = text_width_twips(doc)
    before, rest = page_of.split("{page}", 1)
    middle, after = rest.split("{pages}", 1)

    def run(text: str) -> str:
        return (f'<w:r><w:rPr><w:sz w:val="15"/></w:rPr>'
                f'<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>') if text else ""

    def field(code: str) -> str:
        return (f'<w:fldSimple w:instr=" {code} \\* MERGEFORMAT ">{run("1")}</w:fldSimple>')

    xml = (
        f"<w:p {NSDECL}><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"{width}\"/></w:tabs>"
        f"</w:pPr>{run(left_text)}<w:r><w:rPr><w:sz w:val=\"15\"/></w:rPr><w:tab/></w:r>"
        f"{run(before)}{field('PAGE')}{run(middle)}{field('NUMPAGES')}{run(after)}</w:p>"
    )
    footer = section.footer
    footer.is_linked_to_previous = False
    for p in list(footer.paragraphs):
        p._p.getparent().remove(p._p)
    footer._element.append(parse_xml(xml))


#: The core properties' text fields hold at most this many characters.
MAX_PROPERTY = 255


def set_metadata(doc: Any, *, title: str, author: str, subject: str, language: str,
                 keywords: str = "", when: dt.datetime | None = None,
                 identifier: str = "") -> None:
    """Title, author, language, and the day it was made: python-docx's template says 2013."""
    props = doc.core_properties

    def fit(text: str) -> str:
        text = _INVALID_XML.sub("", text)
        return text if len(text) <= MAX_PROPERTY else text[: MAX_PROPERTY - 1] + "…"

    props.title = fit(title)
    props.author = fit(author)
    props.last_modified_by = fit(author)
    props.subject = fit(subject)
    props.language = language
    props.keywords = fit(keywords)
    props.comments = "KPlan Desktop"
    if identifier:
        props.identifier = fit(identifier)
    # python-docx writes the time as given with a "Z": give it in UTC.
    now = (when or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    props.created = now
    props.modified = now
    props.revision = 1
