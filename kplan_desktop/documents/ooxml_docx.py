"""A Word document from outside read as a stream (see :mod:`.ooxml_read` for the caps):
the tables at the top of its body, row by row, as python-docx reads them, and its core
properties. python-docx itself built the whole tree of the document: a 190 MB
document.xml took 2.6 GB; here memory holds one cell's text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .ooxml_read import OfficePackage

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WHITESPACE = re.compile(r"\s+")


@dataclass
class _Cell:
    offset: int
    span: int
    text: str


def docx_tables(package: OfficePackage, part: str, *, max_columns: int, max_cell: int,
                ) -> Iterator[list[str] | None]:
    """Each row of each table at the top of the document's body, as python-docx's
    ``table.rows[i].cells`` texts give them (a cell spanning columns repeated, a cell merged
    down read from the one above); None after each table's last row. A cell's text is its
    own paragraphs' (not a nested table's), cut at ``max_cell`` characters."""
    w_body, w_tbl, w_tr, w_tc, w_p = f"{_W}body", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}p"
    w_r, w_link, w_br = f"{_W}r", f"{_W}hyperlink", f"{_W}br"
    w_before, w_span, w_merge = f"{_W}gridBefore", f"{_W}gridSpan", f"{_W}vMerge"
    pieces = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n",
              w_br: "\n", f"{_W}noBreakHyphen": "-"}
    tags = frozenset((w_tbl, w_tr, w_tc, w_p, w_before, w_span, w_merge, *pieces))
    # The open top-level table, row, cell and cell paragraph (None outside them).
    table = row = cell = paragraph = None
    above: dict[int, _Cell] = {}
    cells: list[_Cell] = []
    offset = span = 1
    continues = False
    paragraphs: list[str] = []
    runs: list[str] = []
    size = 0
    for event, element in package.events(part, f"{_W}document", tags):
        tag = element.tag
        start = event == "start"
        if tag == w_tbl:
            if table is None and start and _parent_tag(element) == w_body:
                table, above = element, {}
            elif element is table and not start:
                table = None
                yield None
        elif table is None:
            continue
        elif tag == w_tr:
            if start and row is None and element.getparent() is table:
                row, cells, offset = element, [], 0
            elif element is row and not start:
                row = None
                texts: list[str] = []
                for one in cells:
                    texts += [one.text] * one.span
                above = {c.offset: c for c in cells}
                yield texts[:max_columns]
        elif row is None:
            continue
        elif tag == w_tc:
            if start and cell is None and element.getparent() is row:
                cell, span, continues, paragraphs, size = element, 1, False, [], 0
            elif element is cell and not start:
                cell = None
                if continues:
                    up = above.get(offset)
                    made = _Cell(offset, up.span if up else span, up.text if up else "")
                else:
                    text = package.keep("\n".join(paragraphs)[:max_cell])
                    made = _Cell(offset, span, package.hand_over(text))
                if len(cells) < max_columns:
                    cells.append(made)
                offset += made.span
        elif tag == w_before:
            if not start and cell is None and _grandparent(element) is row:
                offset = _int(element.get(f"{_W}val"), 0)
        elif cell is None:
            continue
        elif tag == w_p:
            if start and paragraph is None and element.getparent() is cell:
                paragraph, runs = element, []
            elif element is paragraph and not start:
                paragraph = None
                paragraphs.append("".join(runs))
        elif tag in (w_span, w_merge):
            if not start and _grandparent(element) is cell:
                if tag == w_span:
                    span = min(max(_int(element.get(f"{_W}val"), 1), 1), max_columns)
                else:
                    continues = element.get(f"{_W}val", "continue") == "continue"
        elif paragraph is not None and not start and size < max_cell:
            run = element.getparent()
            if run is None or run.tag != w_r:
                continue
            holder = run.getparent()
            if holder is not None and holder.tag == w_link:
                holder = holder.getparent()
            if holder is not paragraph:
                continue  # a nested table's, a text box's, a deleted run's text
            if tag == w_br and element.get(f"{_W}type", "textWrapping") != "textWrapping":
                continue  # a page or column break: no text (as python-docx)
            piece = pieces[tag]
            text = (element.text or "") if piece is None else piece
            runs.append(text)
            size += len(text)


def _parent_tag(element: Any) -> str | None:
    parent = element.getparent()
    return None if parent is None else str(parent.tag)


def _grandparent(element: Any) -> Any | None:
    parent = element.getparent()
    return None if parent is None else parent.getparent()


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() and len(text) < 6 else default


_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"


def docx_properties(package: OfficePackage) -> tuple[dt.datetime | None, str]:
    """(when the document was made, else last modified; its identifier) from its core
    properties, as python-docx's ``core_properties`` reads them."""
    part = next((p for k, p in package.relationships("").values()
                 if k == "core-properties" and package.has(p)), None)
    if part is None:
        return None, ""
    root = package.root(part)
    when = None
    for tag in (f"{_DCTERMS}created", f"{_DCTERMS}modified"):
        found = root.find(tag)
        if found is not None and found.text:
            when = _w3cdtf(found.text.strip())
            if when is not None:
                break
    identifier = root.find(f"{_DC}identifier")
    text = "" if identifier is None else _WHITESPACE.sub(" ", identifier.text or "")[:200]
    return when, text.strip()


def _w3cdtf(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")[:40])
    except ValueError:
        return None
