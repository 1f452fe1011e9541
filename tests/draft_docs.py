"""Drafts as the consultants' Word makes them, built with python-docx for the import tests.

Word numbers headings with its automatic list numbering: numbering.xml holds an
abstract list (levels with a start value, a format, a level text like
"%1.%2.", restarts) and a w:num that points at it; a paragraph takes the list
through its style's numPr (Word's way: the Heading styles are linked to the
list) or through its own numPr (LibreOffice's and pasted text's way). Both are
written here as Word writes them, so the reader is tested on the real thing.
"""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'

#: (numFmt, lvlText, start) per level: the usual "1.", "1.1.", "1.1.1." heading outline.
OUTLINE = [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1), ("decimal", "%1.%2.%3.", 1),
           ("decimal", "%1.%2.%3.%4.", 1)]


def add_list(document: Any, num_id: int, levels: list[tuple[str, str, int]], *,
             styles: list[str] | None = None, restarts: dict[int, int] | None = None,
             start_overrides: dict[int, int] | None = None,
             abstract_id: int | None = None) -> int:
    """Add an abstract list and a w:num ``num_id`` pointing at it to numbering.xml.

    ``styles``: the pStyle of each level (Word links heading styles this way);
    ``restarts``: level -> lvlRestart value; ``start_overrides``: level -> startOverride
    on the w:num; ``abstract_id``: reuse an existing abstract list (a second w:num of it).
    """
    numbering = document.part.numbering_part.element
    if abstract_id is None:
        abstract_id = 100 + num_id
        lvls = []
        for ilvl, (fmt, text, start) in enumerate(levels):
            style = f'<w:pStyle w:val="{styles[ilvl]}"/>' if styles else ""
            restart = (f'<w:lvlRestart w:val="{restarts[ilvl]}"/>'
                       if restarts and ilvl in restarts else "")
            lvls.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
                        f'<w:numFmt w:val="{fmt}"/>{restart}{style}'
                        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')
        abstract = parse_xml(f'<w:abstractNum {NSDECL} w:abstractNumId="{abstract_id}">'
                             f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}'
                             "</w:abstractNum>")
        # The schema wants every abstractNum before the first num.
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for lvl, start in (start_overrides or {}).items())
    numbering.append(parse_xml(f'<w:num {NSDECL} w:numId="{num_id}"><w:abstractNumId'
                               f' w:val="{abstract_id}"/>{overrides}</w:num>'))
    return abstract_id


def num_pr(element: Any, num_id: int | None, ilvl: int | None) -> None:
    """Put ``<w:numPr>`` into a paragraph's or a style's pPr."""
    ppr = element.get_or_add_pPr()
    parts = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (
        f'<w:numId w:val="{num_id}"/>' if num_id is not None else "")
    ppr.insert(0, parse_xml(f"<w:numPr {NSDECL}>{parts}</w:numPr>"))


def link_heading_styles(document: Any, num_id: int, levels: int = 4) -> None:
    """Word's way: Heading 1..n carry the list in their style, each its own level."""
    for level in range(levels):
        num_pr(document.styles[f"Heading {level + 1}"].element, num_id, level)


def word_numbered_draft(*, direct: bool = False) -> Any:
    """A new document whose Heading 1-4 are numbered "1.", "1.1."… by Word's list numbering:
    through the heading styles, or (``direct``) through each heading paragraph's numPr."""
    document = docx.Document()
    add_list(document, 50, OUTLINE,
             styles=None if direct else [f"Heading{n}" for n in range(1, 5)])
    if not direct:
        link_heading_styles(document, 50)
    return document


def heading(document: Any, text: str, level: int, *, direct: bool = False) -> Any:
    paragraph = document.add_heading(text, level=level)
    if direct:
        num_pr(paragraph._p, 50, level - 1)
    return paragraph


def png() -> bytes:
    """A 2x2 PNG, enough for add_picture."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def add_picture(document: Any) -> None:
    document.add_picture(BytesIO(png()))


_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def add_footnotes(document: Any, notes: dict[int, str]) -> None:
    """A footnotes part as Word writes it (with its separator notes)."""
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space='
        f'"preserve"> {text}</w:t></w:r></w:p></w:footnote>' for i, text in notes.items())
    xml = (f'<w:footnotes {NSDECL}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
           '<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator"'
           ' w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
           f"{body}</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, xml.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def footnote_ref(paragraph: Any, note_id: int) -> None:
    paragraph._p.append(parse_xml(
        f'<w:r {NSDECL}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'))
