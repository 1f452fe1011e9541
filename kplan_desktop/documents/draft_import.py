"""A draft written in Word or LibreOffice becomes the plan's section tree.

Headings make sections: the Heading N styles, or an outline level set on the
paragraph or its style. A number at the start of a heading ("2.1.3." or
"2.1.3") is the section's code; the paragraphs under a heading are its body
(joined by a blank line). An indicator table (code, indicator, unit, baseline,
target, as :mod:`.draft_export` writes it) makes indicator sections. Kinds
come from the number's depth (1 priority, 2 goal, 3 objective, 4+ measure),
or the heading level when there is no number; an unnumbered "Vizija"/"Vision"
on top is the vision.

A later version of the draft updates sections matched by code (by title when
a heading has no number): a new revision only where the title or body
changed, so the remarks on changed text show "text changed". Sections absent
from the document are reported and kept, not deleted: the remarks on them stay
where people can see them, and a secretary deletes a section in the plan tree
once its removal is final. The whole import is one transaction.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.model import Actor, SectionKind
from ..store import actions
from ..store.workspace import Workspace
from .data import live_sections, remarks_on_changed_text
from .files import DocumentError, Progress, report_progress
from .labels import all_indicator_headers

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: "2.1.3." or "2.1.3" or "2." before the title; "2030 m." is a title, not a number.
_NUMBERED = re.compile(r"^\s*(\d+(?:\.\d+)+\.?|\d+\.)(?:\s+|$)(.*)$", re.DOTALL)
_HEADING_NAME = re.compile(r"^(?:heading|antraštė)\s*(\d)$", re.IGNORECASE)
_VISION = ("vizija", "vision")
#: Refuse a package that unpacks to more than this (a zip bomb would exhaust memory).
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
_CANCELLED = "The import was cancelled; nothing was changed."
_KINDS = {1: SectionKind.PRIORITY, 2: SectionKind.GOAL, 3: SectionKind.OBJECTIVE}


@dataclass
class DraftNode:
    """One section as the document has it."""

    level: int
    code: str
    title: str
    kind: SectionKind
    paragraphs: list[str] = field(default_factory=list)
    parent: DraftNode | None = None
    children: list[DraftNode] = field(default_factory=list)
    unit: str = ""
    baseline: str = ""
    target: str = ""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def key(self) -> str:
        return _key(self.code, self.title)

    @property
    def label(self) -> str:
        return f"{self.code}. {self.title}" if self.code else self.title


def _key(code: str, title: str) -> str:
    return code if code else "title:" + " ".join(title.split()).casefold()


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    remarks_flagged: int = 0

    def lines(self, name: str) -> list[str]:
        out = [f"Imported {name}: {len(self.added)} added, {len(self.changed)} changed,"
               f" {self.unchanged} unchanged, {len(self.removed)} not in the document."]
        out += [f"  added: {label}" for label in self.added]
        out += [f"  changed: {label}" for label in self.changed]
        out += [f"  moved: {label}" for label in self.moved]
        out += [f"  not in the document (kept; delete it in the plan tree if it is gone):"
                f" {label}" for label in self.removed]
        if self.remarks_flagged:
            out.append(f"{self.remarks_flagged} remarks are on text that changed; they show"
                       " “text changed”.")
        return out


# --- reading the document --------------------------------------------------------------------


def open_docx(path: Path) -> Any:
    """The document, or one clear sentence on why this file is not a usable DOCX."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    name = Path(path).name
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise DocumentError("There is no file {path}.", path=str(path)) from None
    except (IsADirectoryError, PermissionError):
        raise DocumentError("{path} cannot be read.", path=str(path)) from None
    if head == _OLE_MAGIC:
        raise DocumentError(
            "{name} is password-protected or an old Word (.doc) file; save it as a .docx"
            " without a password and import that.", name=name)
    if not zipfile.is_zipfile(path):
        raise DocumentError("{name} is not a Word document (.docx).", name=name)
    try:
        with zipfile.ZipFile(path) as package:
            if sum(i.file_size for i in package.infolist()) > MAX_UNPACKED_BYTES:
                raise DocumentError("{name} is too large to be a plan's draft.", name=name)
        return Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile):
        raise DocumentError("{name} is not a Word document (.docx).", name=name) from None


def _outline_level(element: Any) -> int | None:
    """The 1-based outline level set in an element's paragraph properties, if any."""
    from docx.oxml.ns import qn

    ppr = element.find(qn("w:pPr"))
    if ppr is None:
        return None
    level = ppr.find(qn("w:outlineLvl"))
    if level is None:
        return None
    value = int(level.get(qn("w:val"), "9"))
    return value + 1 if value < 9 else 0


def heading_level(paragraph: Any) -> int:
    """1 for a top heading, 2 below it…; 0 for body text."""
    direct = _outline_level(paragraph._p)
    if direct is not None:
        return direct
    style = paragraph.style
    seen = 0
    while style is not None and seen < 20:
        level = _outline_level(style.element)
        if level is not None:
            return level
        match = _HEADING_NAME.match(str(style.name or "").strip())
        if match:
            return int(match.group(1))
        style = style.base_style
        seen += 1
    return 0


def _is_caption(paragraph: Any) -> bool:
    """Captions of tables and figures are not the section's text."""
    return str(paragraph.style.name or "").casefold() == "caption"


def _kind(level: int, code: str, title: str) -> SectionKind:
    if code:
        depth = code.count(".") + 1
        return _KINDS.get(depth, SectionKind.MEASURE)
    if level == 1 and title.casefold().startswith(_VISION):
        return SectionKind.VISION
    return _KINDS.get(level, SectionKind.MEASURE) if level <= 3 else SectionKind.TEXT


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


_INDICATOR_HEADERS = [[_norm(h) for h in row] for row in all_indicator_headers()]


def _cell_paragraphs(cell: Any) -> list[str]:
    return [p.text.strip() for p in cell.paragraphs if p.text.strip()]


def _table(table: Any, current: DraftNode | None, nodes: list[DraftNode]) -> None:
    rows = table.rows
    if not rows or current is None:
        return
    header = [_norm(c.text) for c in rows[0].cells][:5]
    if header in _INDICATOR_HEADERS:
        for row in rows[1:]:
            cells = row.cells
            if len(cells) < 5:
                continue
            name = _cell_paragraphs(cells[1])
            code = cells[0].text.strip()
            if not code and not name:
                continue
            node = DraftNode(current.level + 1, code, name[0] if name else "",
                             SectionKind.INDICATOR, name[1:], parent=current,
                             unit=cells[2].text.strip(), baseline=cells[3].text.strip(),
                             target=cells[4].text.strip())
            current.children.append(node)
            nodes.append(node)
        return
    # Any other table: its rows as lines of the body, cells apart.
    for row in rows:
        seen: list[Any] = []
        texts = []
        for cell in row.cells:  # merged cells repeat: keep each once
            if any(cell._tc is s for s in seen):
                continue
            seen.append(cell._tc)
            texts.append(" ".join(_cell_paragraphs(cell)))
        line = " | ".join(t for t in texts if t)
        if line:
            current.paragraphs.append(line)


def parse_draft(path: Path) -> list[DraftNode]:
    """The document's sections in document order (parents before their children)."""
    from docx.table import Table

    doc = open_docx(path)
    nodes: list[DraftNode] = []
    stack: list[DraftNode] = []
    current: DraftNode | None = None
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            _table(block, current, nodes)
            continue
        text = block.text.strip()
        if not text:
            continue
        level = heading_level(block)
        if not level:
            if current is not None and not _is_caption(block):
                current.paragraphs.append(block.text.strip("\r"))
            continue
        match = _NUMBERED.match(text)
        code, title = (match.group(1).rstrip("."), match.group(2)) if match else ("", text)
        title = " ".join(title.split()) or code
        while stack and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        current = DraftNode(level, code, title, _kind(level, code, title), parent=parent)
        if parent is not None:
            parent.children.append(current)
        stack.append(current)
        nodes.append(current)
    if not nodes:
        raise DocumentError(
            "{name} has no headings; mark the sections with heading styles (Heading 1, 2, 3…)"
            " and import it again.", name=Path(path).name)
    seen: dict[str, DraftNode] = {}
    for node in nodes:
        if node.key in seen:
            raise DocumentError(
                "Two headings in {name} are “{label}”; each section needs its own number.",
                name=Path(path).name, label=node.label)
        seen[node.key] = node
    return nodes


# --- applying it -----------------------------------------------------------------------------


def _siblings(nodes: list[DraftNode]) -> Iterator[tuple[DraftNode | None, list[DraftNode]]]:
    yield None, [n for n in nodes if n.parent is None]
    for node in nodes:
        if node.children:
            yield node, node.children


def import_draft(ws: Workspace, path: Path, progress: Progress | None = None, *,
                 actor: Actor | None = None) -> ImportReport:
    """Make the workspace's section tree what the document says; see the module's docstring.

    Every change is checked against ``actor``'s rights (this copy's person by default).
    """
    nodes = parse_draft(Path(path))
    actor = actor or ws.actor()
    existing: dict[str, dict[str, Any]] = {}
    for row in live_sections(ws):
        existing.setdefault(_key(str(row["code"]), str(row["title"])), row)
    position = {id(n): i for _, children in _siblings(nodes) for i, n in enumerate(children)}
    report = ImportReport()
    resolved: dict[int, str] = {}
    revised: list[str] = []
    total = len(nodes)
    with ws.write() as writer:
        for number, node in enumerate(nodes):
            parent_id = resolved[id(node.parent)] if node.parent is not None else None
            found = existing.get(node.key)
            if found is None:
                resolved[id(node)] = actions.add_section(
                    ws, parent_id=parent_id, kind=node.kind, code=node.code, title=node.title,
                    body=node.body, position=position[id(node)], unit=node.unit,
                    baseline=node.baseline, target=node.target, writer=writer, actor=actor)
                report.added.append(node.label)
            else:
                row = found
                section_id = str(row["id"])
                resolved[id(node)] = section_id
                changes: dict[str, Any] = {}
                if row["parent_id"] != parent_id:
                    changes["parent_id"] = parent_id
                    report.moved.append(node.label)
                if row["position"] != position[id(node)]:
                    changes["position"] = position[id(node)]
                if node.kind is SectionKind.INDICATOR:
                    changes.update({k: v for k, v in (("unit", node.unit),
                                                      ("baseline", node.baseline),
                                                      ("target", node.target))
                                    if row[k] != v})
                if changes:
                    actions.update_section(ws, section_id, changes, writer=writer, actor=actor)
                if actions.revise_section(ws, section_id, title=node.title, body=node.body,
                                          writer=writer, actor=actor):
                    report.changed.append(node.label)
                    revised.append(section_id)
                else:
                    report.unchanged += 1
            if number % 50 == 0:
                report_progress(progress, number, total, _CANCELLED)
        seen = {n.key for n in nodes}
        report.removed = [
            f"{row['code']}. {row['title']}" if row["code"] else str(row["title"])
            for key, row in existing.items() if key not in seen
        ]
    report.remarks_flagged = remarks_on_changed_text(ws, revised)
    if progress is not None:
        progress(total, total)
    return report
