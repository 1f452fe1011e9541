"""A draft's body as sections: paragraphs, lists, tables and footnotes made text, and the tree.

:class:`DraftReader` walks the document's body in order: headings start sections
(their numbers from :mod:`.docx_numbering`), list items keep their bullet or
number, tables become text tables (or indicators), footnotes and endnotes become
notes at the end of the section, and what cannot be text is counted as not kept.
:func:`build_tree` then gives each section its parent and kind.
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from typing import Any

from ..core.model import SectionKind
from .docx_numbering import Numbering, Style, num_pr_of, outline_level
from .docx_tags import (
    ALT,
    BR,
    CR,
    CUSTOMXML,
    DRAWING,
    ENDREF,
    FOOTREF,
    NBH,
    OBJECT,
    OMATH,
    OMATHPARA,
    PICT,
    SDT,
    SDTCONTENT,
    SDTPR,
    SPECIAL,
    TAB,
    TEXT_TAGS,
    TXBX,
    W_P,
    W_PPR,
    W_T,
    W_TBL,
    W_TC,
    W_TR,
    W_VAL,
    w,
)
from .labels import all_indicator_headers
from .text_table import table_to_text

#: "2.1.3." or "2.1.3" or "2." before the title; "2030 m." is a title, not a number. A lone
#: number without a dot counts when a capitalised word follows ("1 Ekonomika").
_NUMBERED = re.compile(
    r"^\s*(\d+(?:\.\d+)+\.?|\d+\.|\d{1,2}(?=\s+[A-ZĄČĘĖĮŠŲŪŽ]))(?:\s+|$)(.*)$", re.DOTALL)
_NUMERIC_CODE = re.compile(r"^\d+(?:\.\d+)*$")
_VISION = ("vizija", "vision")
_KINDS = {1: SectionKind.PRIORITY, 2: SectionKind.GOAL, 3: SectionKind.OBJECTIVE}

#: What is not kept, as the report names it.
NOT_KEPT = {
    "image": "image",
    "text_box": "text box",
    "equation": "equation",
    "toc": "table of contents",
    "before_heading": "text before the first heading",
}


@dataclass
class DraftNode:
    """One section as the document has it."""

    level: int
    code: str
    title: str
    kind: SectionKind = SectionKind.TEXT
    paragraphs: list[str] = field(default_factory=list)
    parent: DraftNode | None = None
    children: list[DraftNode] = field(default_factory=list)
    unit: str = ""
    baseline: str = ""
    target: str = ""
    #: Footnotes and endnotes referred to in this section, "[1] text".
    notes: list[str] = field(default_factory=list)
    #: Unnumbered front matter ("Įvadas", "Santrumpos"): text, outside the numbered tree.
    front: bool = False

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs + self.notes)

    @property
    def label(self) -> str:
        return f"{self.code}. {self.title}" if self.code else self.title


@dataclass
class Dropped:
    """Content the import does not keep: ``count`` of ``what`` (a :data:`NOT_KEPT` key)."""

    #: The section's label; "" before the first heading.
    where: str
    what: str
    count: int

    def text(self) -> str:
        where = f" in {self.where}" if self.where else ""
        return f"{NOT_KEPT[self.what]} ×{self.count}{where}"


# --- the text -----------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


_INDICATOR_HEADERS = [[_norm(h) for h in row] for row in all_indicator_headers()]


def _code_of(shown: str) -> str:
    """The section code in a number Word shows: "1.2." -> "1.2", "IV." -> "IV"."""
    return shown.strip().rstrip(".):").strip()


class DraftReader:
    def __init__(self, name: str, styles: dict[str, Style], default: str | None,
                 numbering: Numbering, notes: dict[str, dict[str, str]]) -> None:
        self.name = name
        self.styles = styles
        self.default = styles.get(default or "", Style())
        self.numbering = numbering
        self.notes = notes
        self.note_number = 0
        self.nodes: list[DraftNode] = []
        self.current: DraftNode | None = None
        self.dropped: dict[tuple[str, str], int] = collections.OrderedDict()
        self.pending_caption: str | None = None
        self.list_open = False
        self._found: collections.Counter[str] = collections.Counter()

    # --- what is not kept

    def drop(self, what: str, count: int = 1) -> None:
        where = self.current.label if self.current is not None else ""
        key = (where, what)
        self.dropped[key] = self.dropped.get(key, 0) + count

    # --- paragraphs

    def _runs(self, element: Any, out: list[str], markers: list[str]) -> None:
        """Text of ``element``'s runs, slowly: skipping drawings, text boxes, equations."""
        for child in element:
            tag = child.tag
            if tag == W_T:
                out.append(child.text or "")
            elif tag == TAB:
                out.append("\t")
            elif tag in (BR, CR):
                if child.get(w("type")) not in ("page", "column"):
                    out.append("\n")
            elif tag == NBH:
                out.append("-")
            elif tag in (FOOTREF, ENDREF):
                out.append(self._note(child, markers))
            elif tag in (DRAWING, PICT, OBJECT):
                if next(child.iter(TXBX), None) is not None:
                    self._found["text_box"] += 1
                else:
                    self._found["image"] += 1
            elif tag == ALT:
                # The same picture twice (a modern Choice, a VML Fallback): read one.
                choice = next(iter(child), None)
                if choice is not None:
                    self._runs(choice, out, markers)
            elif tag in (OMATH, OMATHPARA):
                self._found["equation"] += 1
            elif isinstance(tag, str):
                self._runs(child, out, markers)

    def _note(self, element: Any, markers: list[str]) -> str:
        kind = "footnotes" if element.tag == FOOTREF else "endnotes"
        text = self.notes.get(kind, {}).get(str(element.get(w("id"), "")))
        if text is None:
            return ""
        self.note_number += 1
        markers.append(f"[{self.note_number}] {text}")
        return f"[{self.note_number}]"

    def text(self, p: Any, markers: list[str]) -> str:
        if next(p.iter(*SPECIAL), None) is not None:
            out: list[str] = []
            self._runs(p, out, markers)
            return "".join(out)
        parts = []
        for el in p.iter(*TEXT_TAGS):
            tag = el.tag
            if tag == W_T:
                parts.append(el.text or "")
            elif tag == TAB:
                parts.append("\t")
            elif tag in (BR, CR):
                if el.get(w("type")) not in ("page", "column"):
                    parts.append("\n")
            elif tag == NBH:
                parts.append("-")
            else:
                parts.append(self._note(el, markers))
        return "".join(parts)

    def _style(self, p: Any) -> tuple[str, Style]:
        ppr = p.find(W_PPR)
        if ppr is not None:
            style = ppr.find(w("pStyle"))
            if style is not None:
                sid = str(style.get(W_VAL, ""))
                return sid, self.styles.get(sid, self.default)
        return "", self.default

    def _number(self, p: Any, style_id: str, style: Style) -> tuple[str, bool] | None:
        direct = num_pr_of(p)
        num_id, ilvl = style.num_id, style.ilvl
        if direct is not None:
            if direct[0] is not None:
                num_id, ilvl = direct[0], direct[1]
            elif direct[1] is not None:
                ilvl = direct[1]
        if not num_id or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, style_id)
        return self.numbering.advance(num_id, ilvl)

    def paragraph(self, p: Any) -> None:
        style_id, style = self._style(p)
        markers: list[str] = []
        raw = self.text(p, markers)
        number = self._number(p, style_id, style)
        self._flush_found()
        direct = outline_level(p)
        level = direct if direct is not None else style.level
        text = raw.strip()
        if level:
            # An empty heading still took its number (above), as in Word; it is no section.
            if text:
                self.heading(level, text, number, markers)
            return
        if style.toc:
            if text:
                self.drop("toc")
            return
        if not text:
            self.list_open = False
            return
        if self.current is None:
            if not style.title:
                self.drop("before_heading")
            return
        if number is not None:
            prefix = f"{number[0]} " if number[0] else ""
            item = prefix + raw.strip("\r\n")
            # Consecutive items stay one block, a list, one item per line.
            if self.list_open and self.current.paragraphs:
                self.current.paragraphs[-1] += "\n" + item
            else:
                self.current.paragraphs.append(item)
            self.list_open = True
        elif style.caption:
            self.list_open = False
            # Held back: the caption of an indicator table is the table's, not body text.
            self._caption_flush()
            self.pending_caption = raw.strip("\r\n")
            return
        else:
            self.list_open = False
            self._caption_flush()
            self.current.paragraphs.append(raw.strip("\r"))
        self.current.notes.extend(markers)

    def _caption_flush(self) -> None:
        if self.pending_caption is not None and self.current is not None:
            self.current.paragraphs.append(self.pending_caption)
        self.pending_caption = None

    def _flush_found(self) -> None:
        for what, count in self._found.items():
            self.drop(what, count)
        self._found.clear()

    def heading(self, level: int, text: str, number: tuple[str, bool] | None,
                markers: list[str]) -> None:
        self._caption_flush()
        self.list_open = False
        code = ""
        title = text
        if number is not None and not number[1]:
            code = _code_of(number[0])
            # A number typed as well as shown ("1.2. 1.2. Title") is one number.
            typed = _NUMBERED.match(text)
            if typed and typed.group(1).rstrip(".") == code:
                title = typed.group(2)
        else:
            typed = _NUMBERED.match(text)
            if typed:
                code, title = typed.group(1).rstrip("."), typed.group(2)
        title = " ".join(title.split()) or code
        if not title:
            return
        node = DraftNode(level, code, title)
        node.notes.extend(markers)
        self.nodes.append(node)
        self.current = node

    # --- tables

    def _cell_paragraphs(self, tc: Any, depth: int) -> list[str]:
        out: list[str] = []
        for child in tc:
            if child.tag == W_P:
                markers: list[str] = []
                style_id, style = self._style(child)
                number = self._number(child, style_id, style)
                text = self.text(child, markers).strip()
                if text:
                    prefix = f"{number[0]} " if number is not None and number[0] else ""
                    out.append(prefix + text)
                if self.current is not None:
                    self.current.notes.extend(markers)
            elif child.tag == W_TBL:
                for row in self._rows(child, depth + 1):
                    out.append(" ".join(" ".join(cell) for cell in row if cell))
            elif child.tag in (SDT, CUSTOMXML):
                out.extend(self._cell_paragraphs(self._content(child), depth))
        self._flush_found()
        return out

    def _rows(self, tbl: Any, depth: int) -> list[list[list[str]]]:
        """Rows of cells, each cell its paragraphs."""
        rows = []
        for tr in tbl.iter(W_TR):
            if tr.getparent() is not tbl:
                continue  # a nested table's row, read with its cell
            rows.append([self._cell_paragraphs(tc, depth) for tc in tr.iter(W_TC)
                         if tc.getparent() is tr])
        return rows

    def table(self, tbl: Any) -> None:
        self.list_open = False
        rows = self._rows(tbl, 1)
        flat = [[" ".join(cell) for cell in row] for row in rows]
        caption = self.pending_caption
        self.pending_caption = None
        current = self.current
        if current is None:
            if any(any(c for c in row) for row in flat):
                self.drop("before_heading")
            return
        header = [_norm(c) for c in flat[0]][:5] if flat else []
        if header in _INDICATOR_HEADERS:
            for row, cells in zip(flat[1:], rows[1:], strict=True):
                if len(row) < 5 or not (row[0].strip() or row[1].strip()):
                    continue
                # The name is the cell's first paragraph; the rest is its description.
                names = cells[1]
                code = row[0].strip()
                self.nodes.append(DraftNode(
                    current.level + 1, code, names[0] if names else code,
                    SectionKind.INDICATOR, names[1:], parent=current, unit=row[2].strip(),
                    baseline=row[3].strip(), target=row[4].strip()))
            return
        if caption is not None:
            current.paragraphs.append(caption)
        text = table_to_text(flat)
        if text:
            current.paragraphs.append(text)

    # --- the body

    @staticmethod
    def _content(element: Any) -> Any:
        content = element.find(SDTCONTENT)
        return element if content is None else content

    def blocks(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child)
            elif tag == W_TBL:
                self.table(child)
            elif tag == SDT:
                props = child.find(SDTPR)
                gallery = None if props is None else next(props.iter(w("docPartGallery")),
                                                          None)
                if gallery is not None and "content" in str(gallery.get(W_VAL, "")).lower():
                    self.drop("toc")  # "Table of Contents": Word makes it from the headings
                else:
                    self.blocks(self._content(child))
            elif tag == CUSTOMXML:
                self.blocks(child)
        self._caption_flush()


def _vision(node: DraftNode) -> bool:
    return not node.code and node.title.casefold().startswith(_VISION)


def build_tree(nodes: list[DraftNode]) -> None:
    """Parents and kinds from the heading levels.

    The numbered headings fix the level of the plan's first tier (``base``): an unnumbered
    heading at or above it is front matter ("Įvadas", "Santrumpos"), kind text, at the top
    level with its own unnumbered subheadings. Front matter keeps a stack of its own, so
    a "Santrumpos" between the vision and the priorities does not take the priorities
    from under the vision; the next numbered heading ends it.
    """
    bases = collections.Counter(
        n.level - n.code.count(".") for n in nodes
        if n.kind is not SectionKind.INDICATOR and _NUMERIC_CODE.match(n.code))
    base = bases.most_common(1)[0][0] if bases else None
    top = base if base is not None else 1
    plan: list[DraftNode] = []  # the numbered tree (and the vision above it)
    front: list[DraftNode] = []
    for node in nodes:
        if node.kind is SectionKind.INDICATOR:
            if node.parent is not None:
                node.parent.children.append(node)
            continue
        vision = _vision(node) and node.level <= top
        is_front = not node.code and not vision and base is not None and (
            node.level <= base or bool(front))
        if is_front:
            while front and front[-1].level >= node.level:
                front.pop()
            parent = front[-1] if front else None
            node.front = True
            node.kind = SectionKind.TEXT
            front.append(node)
        else:
            front.clear()
            while plan and plan[-1].level >= node.level:
                plan.pop()
            parent = plan[-1] if plan else None
            if vision:
                node.kind = SectionKind.VISION
            elif node.code and _NUMERIC_CODE.match(node.code):
                node.kind = _KINDS.get(node.code.count(".") + 1, SectionKind.MEASURE)
            elif base is not None:
                node.kind = _KINDS.get(node.level - base + 1, SectionKind.MEASURE)
            else:
                node.kind = (_KINDS.get(node.level, SectionKind.MEASURE) if node.level <= 3
                             else SectionKind.TEXT)
            plan.append(node)
        node.parent = parent
        if parent is not None:
            parent.children.append(node)
