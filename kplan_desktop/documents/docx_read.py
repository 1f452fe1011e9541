"""Reading a draft DOCX the way Word shows it, without trusting the file.

What the reader sees becomes text: heading numbers from Word's automatic
numbering (numbering.xml: the heading styles' or the paragraph's numPr, start
values, level restarts, "%1.%2." level texts), list items with their bullet or
number ("• ", "1) "), tables as text tables (:mod:`.text_table`), footnotes and
endnotes as notes at the end of the section ("[1] …"), captions as text. What
cannot be text (images, charts, text boxes, equations, a table of contents) is
counted in :attr:`DraftDocument.dropped`, so the import report names it.

The package is read with the standard zipfile module and lxml directly, not
through python-docx: python-docx looks up a paragraph's style by walking every
style each time (about 1.6 ms a paragraph on a real draft); here each style is
resolved once. Every part is inflated through a capped stream that counts the
bytes really produced (the sizes a zip declares may lie), and the XML is
refused when it declares entities or nests too deep, or holds too many
paragraphs — all checked while reading, before anything is written.
"""

from __future__ import annotations

import collections
import os
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from lxml import etree  # type: ignore[import-untyped]

from ..core.model import SectionKind
from .files import DocumentError
from .labels import all_indicator_headers
from .text_table import table_to_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_PPR, W_R, W_T = (_w(t) for t in ("p", "tbl", "tr", "tc", "pPr", "r",
                                                              "t"))
W_VAL = _w("val")
_TAB, _BR, _CR, _NBH = _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen")
_FOOTREF, _ENDREF = _w("footnoteReference"), _w("endnoteReference")
_DRAWING, _PICT, _OBJECT = _w("drawing"), _w("pict"), _w("object")
_TXBX = _w("txbxContent")
_ALT = f"{{{_MC}}}AlternateContent"
_OMATH, _OMATHPARA = f"{{{_MATH}}}oMath", f"{{{_MATH}}}oMathPara"
_SDT, _SDTCONTENT, _SDTPR = _w("sdt"), _w("sdtContent"), _w("sdtPr")
_CUSTOMXML = _w("customXml")
#: Elements whose insides are not running text: read slowly, and counted as not kept.
_SPECIAL = (_DRAWING, _PICT, _OBJECT, _ALT, _OMATH, _OMATHPARA)
_TEXT_TAGS = (W_T, _TAB, _BR, _CR, _NBH, _FOOTREF, _ENDREF)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Real (inflated) bytes of XML read from one package, all parts together.
MAX_XML_BYTES = 48 * 1024 * 1024
#: Paragraphs in the document's text (a plan of 150 sections has a few thousand).
MAX_PARAGRAPHS = 50_000
#: XML elements in the document's text (about 25 a paragraph): what the parsed tree costs.
MAX_ELEMENTS = 1_500_000
#: Tables inside tables.
MAX_TABLE_NESTING = 16
#: Entries in the zip, and the bytes of its directory; a DOCX has a few dozen entries.
MAX_ENTRIES = 5_000
MAX_DIRECTORY_BYTES = 1024 * 1024
_CHUNK = 64 * 1024

#: "2.1.3." or "2.1.3" or "2." before the title; "2030 m." is a title, not a number. A lone
#: number without a dot counts when a capitalised word follows ("1 Ekonomika").
_NUMBERED = re.compile(
    r"^\s*(\d+(?:\.\d+)+\.?|\d+\.|\d{1,2}(?=\s+[A-ZĄČĘĖĮŠŲŪŽ]))(?:\s+|$)(.*)$", re.DOTALL)
_NUMERIC_CODE = re.compile(r"^\d+(?:\.\d+)*$")
_HEADING_NAME = re.compile(r"^(?:heading|antraštė)\s*(\d)$", re.IGNORECASE)
_VISION = ("vizija", "vision")
_KINDS = {1: SectionKind.PRIORITY, 2: SectionKind.GOAL, 3: SectionKind.OBJECTIVE}
_BULLET = "•"

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


@dataclass
class DraftDocument:
    name: str
    nodes: list[DraftNode]
    dropped: list[Dropped]
    paragraphs: int


# --- the package --------------------------------------------------------------------------------


def _refuse(template: str, **args: Any) -> DocumentError:
    return DocumentError(template, **args)


def _central_directory_size(file: IO[bytes]) -> int | None:
    """The size of the zip's central directory, read from its end record (zip64 too);
    None when there is none. zipfile reads the whole directory into memory before
    anything can be checked, so a directory of millions of entries is refused first."""
    file.seek(0, os.SEEK_END)
    size = file.tell()
    file.seek(max(0, size - 65_557))  # the end record, behind a comment of up to 64 KB
    tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    (cd_size,) = struct.unpack_from("<I", tail, at + 12)
    locator = at - 20
    if locator >= 0 and tail[locator:locator + 4] == b"PK\x06\x07":
        (offset,) = struct.unpack_from("<Q", tail, locator + 8)
        if offset + 56 <= size:
            file.seek(offset)
            record = file.read(56)
            if record[:4] == b"PK\x06\x06":
                (cd_size,) = struct.unpack_from("<Q", record, 40)
    return int(cd_size)


class _Package:
    """The zip, read through caps on the bytes actually inflated."""

    def __init__(self, name: str, file: IO[bytes]) -> None:
        self.name = name
        directory = _central_directory_size(file)
        if directory is not None and directory > MAX_DIRECTORY_BYTES:
            raise _refuse("{name} holds too many files to be a plan's draft.", name=name)
        file.seek(0)
        try:
            self.zip = zipfile.ZipFile(file)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise _refuse("{name} is not a Word document (.docx).", name=name) from None
        if len(self.zip.infolist()) > MAX_ENTRIES:
            raise _refuse("{name} holds too many files to be a plan's draft.", name=name)
        self.names = set(self.zip.namelist())
        self.spent = 0
        self.paragraphs = 0

    def close(self) -> None:
        self.zip.close()

    def has(self, part: str) -> bool:
        return part in self.names

    def xml(self, part: str, *, document: bool = False) -> Any:
        """The part's root element. ``document``: count paragraphs and table nesting too."""
        name = self.name
        parser = etree.XMLPullParser(
            events=("start",) if document else (),
            resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
            remove_comments=True, remove_pis=True)
        elements = 0
        tail = b""
        try:
            with self.zip.open(part) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    self.spent += len(chunk)
                    if self.spent > MAX_XML_BYTES:
                        raise _refuse(
                            "{name} unpacks to more than {mb} MB of text; it cannot be a plan's"
                            " draft, and nothing was imported.", name=name,
                            mb=MAX_XML_BYTES // (1024 * 1024))
                    # Word never writes a DTD; entity declarations are how XML bombs work.
                    probe = tail + chunk
                    if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
                        raise _refuse("{name} declares XML entities, which Word documents never"
                                      " do; it was not read.", name=name)
                    tail = chunk[-16:]
                    parser.feed(chunk)
                    if document:
                        for _, element in parser.read_events():
                            elements += 1
                            if elements > MAX_ELEMENTS:
                                raise _refuse(
                                    "{name} has more than {n} pieces of formatting and text;"
                                    " it cannot be a plan's draft, and nothing was imported.",
                                    name=name, n=f"{MAX_ELEMENTS:,}")
                            tag = element.tag
                            if tag == W_P:
                                self.paragraphs += 1
                                if self.paragraphs > MAX_PARAGRAPHS:
                                    raise _refuse(
                                        "{name} has more than {n} paragraphs; it cannot be a"
                                        " plan's draft, and nothing was imported.",
                                        name=name, n=f"{MAX_PARAGRAPHS:,}")
                            elif tag == W_TBL and sum(
                                    1 for _ in element.iterancestors(W_TBL)) >= MAX_TABLE_NESTING:
                                raise _refuse(
                                    "{name} nests tables more than {n} deep; it cannot be a"
                                    " plan's draft, and nothing was imported.",
                                    name=name, n=MAX_TABLE_NESTING)
                root = parser.close()
                if root.getroottree().docinfo.internalDTD is not None:  # not UTF-8 bytes
                    raise _refuse("{name} declares XML entities, which Word documents never"
                                  " do; it was not read.", name=name)
                return root
        except etree.XMLSyntaxError as exc:
            if "depth" in str(exc).lower():
                raise _refuse("{name} nests its content too deep to be a plan's draft;"
                              " nothing was imported.", name=name) from None
            raise _refuse("{name} is damaged: its text is not well-formed; nothing was"
                          " imported.", name=name) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
                OSError):
            raise _refuse("{name} is damaged (its contents do not unpack as they should);"
                          " nothing was imported.", name=name) from None

    def rels(self, part: str) -> dict[str, str]:
        """Relationship type (last path segment) -> target part of ``part``."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        out: dict[str, str] = {}
        for rel in self.xml(rels_name).iter(f"{{{_PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = str(rel.get("Target", ""))
            kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out.setdefault(kind, path)
        return out


def _open_regular(path: Path) -> IO[bytes]:
    """The file, opened only when it is a regular file (not a FIFO, a device, a folder)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _refuse("{path} is not a regular file; only a saved .docx can be imported.",
                          path=str(path))
        file = open(path, "rb")  # noqa: SIM115 - closed by read_draft
    except FileNotFoundError:
        raise _refuse("There is no file {path}.", path=str(path)) from None
    except OSError:
        raise _refuse("{path} cannot be read.", path=str(path)) from None
    if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # swapped after the check
        file.close()
        raise _refuse("{path} is not a regular file; only a saved .docx can be imported.",
                      path=str(path))
    return file


# --- styles and numbering -----------------------------------------------------------------------


@dataclass
class _Style:
    level: int = 0
    num_id: str | None = None
    ilvl: int | None = None
    caption: bool = False
    toc: bool = False
    title: bool = False


def _pr_child(element: Any, tag: str) -> Any:
    ppr = element.find(W_PPR)
    return None if ppr is None else ppr.find(_w(tag))


def _outline(element: Any) -> int | None:
    """The 1-based outline level set in an element's paragraph properties; 0 for body text."""
    level = _pr_child(element, "outlineLvl")
    if level is None:
        return None
    try:
        value = int(level.get(W_VAL, "9"))
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else 0


def _num_pr(element: Any) -> tuple[str | None, int | None] | None:
    num_pr = _pr_child(element, "numPr")
    if num_pr is None:
        return None
    num = num_pr.find(_w("numId"))
    ilvl = num_pr.find(_w("ilvl"))
    level = None
    if ilvl is not None:
        try:
            level = max(0, min(8, int(ilvl.get(W_VAL, "0"))))
        except ValueError:
            level = 0
    return (None if num is None else str(num.get(W_VAL, "")), level)


def _styles(root: Any | None) -> tuple[dict[str, _Style], str | None]:
    """Every paragraph style resolved once through its basedOn chain; the default's id."""
    if root is None:
        return {}, None
    raw: dict[str, Any] = {}
    default = None
    for style in root.iter(_w("style")):
        if style.get(_w("type")) not in (None, "paragraph"):
            continue
        sid = str(style.get(_w("styleId"), ""))
        raw[sid] = style
        if style.get(_w("default")) in ("1", "true", "on"):
            default = sid
    out: dict[str, _Style] = {}
    for sid in raw:
        info = _Style()
        seen: set[str] = set()
        current: str | None = sid
        level: int | None = None
        while current is not None and current in raw and current not in seen and len(seen) < 20:
            seen.add(current)
            element = raw[current]
            name_el = element.find(_w("name"))
            name = str(name_el.get(W_VAL, "")) if name_el is not None else ""
            folded = name.strip().casefold()
            if level is None:
                level = _outline(element)
                match = _HEADING_NAME.match(name.strip())
                if level is None and match:
                    level = int(match.group(1))
            if info.num_id is None:
                num = _num_pr(element)
                if num is not None:
                    info.num_id, info.ilvl = num[0], num[1] if info.ilvl is None else info.ilvl
            info.caption |= folded == "caption"
            info.toc |= folded.startswith(("toc ", "contents ", "toc heading",
                                           "turinys", "turinio"))
            info.title |= folded in ("title", "subtitle")
            based = element.find(_w("basedOn"))
            current = str(based.get(W_VAL)) if based is not None else None
        info.level = level or 0
        out[sid] = info
    return out, default


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False
    style: str = ""


def _level(element: Any, base: _Level | None = None) -> _Level:
    lvl = _Level() if base is None else _Level(base.start, base.fmt, base.text, base.restart,
                                                base.legal, base.style)

    def val(tag: str) -> str | None:
        found = element.find(_w(tag))
        return None if found is None else str(found.get(W_VAL, ""))

    start, fmt, text, restart, style = (val(t) for t in ("start", "numFmt", "lvlText",
                                                          "lvlRestart", "pStyle"))
    if start is not None and start.lstrip("-").isdigit():
        lvl.start = int(start)
    if fmt is not None:
        lvl.fmt = fmt
    if text is not None:
        lvl.text = text
    if restart is not None and restart.isdigit():
        lvl.restart = int(restart)
    if style is not None:
        lvl.style = style
    legal = element.find(_w("isLgl"))
    if legal is not None:
        lvl.legal = legal.get(W_VAL, "1") not in ("0", "false", "off")
    return lvl


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                          (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                          (4, "IV"), (1, "I")):
        while n >= value:
            out += digits
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: a … z, aa … zz.
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = _roman(n) if n > 0 else str(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        text = _letters(n)
        return text if fmt == "upperLetter" else text.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """Word's list counters, advanced paragraph by paragraph in document order."""

    def __init__(self, root: Any | None, styles: dict[str, _Style]) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, tuple[int | None, _Level | None]]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        links: dict[str, str] = {}
        for element in root.iter(_w("abstractNum")):
            aid = str(element.get(_w("abstractNumId"), ""))
            self.abstract[aid] = {}
            for lvl in element.iter(_w("lvl")):
                try:
                    ilvl = int(lvl.get(_w("ilvl"), "0"))
                except ValueError:
                    continue
                self.abstract[aid][ilvl] = _level(lvl)
            link = element.find(_w("numStyleLink"))
            if link is not None:
                links[aid] = str(link.get(W_VAL, ""))
        for element in root.iter(_w("num")):
            nid = str(element.get(_w("numId"), ""))
            ref = element.find(_w("abstractNumId"))
            if ref is None:
                continue
            overrides: dict[int, tuple[int | None, _Level | None]] = {}
            for override in element.iter(_w("lvlOverride")):
                try:
                    ilvl = int(override.get(_w("ilvl"), "0"))
                except ValueError:
                    continue
                start_el = override.find(_w("startOverride"))
                start = None
                if start_el is not None and str(start_el.get(W_VAL, "")).isdigit():
                    start = int(start_el.get(W_VAL))
                lvl_el = override.find(_w("lvl"))
                overrides[ilvl] = (start, _level(lvl_el) if lvl_el is not None else None)
            self.nums[nid] = (str(ref.get(W_VAL, "")), overrides)
        # An abstract list that only points at a numbering style takes that style's list.
        for aid, style_id in links.items():
            style = styles.get(style_id)
            if style is not None and style.num_id in self.nums:
                target = self.nums[style.num_id][0]
                if target in self.abstract and target != aid:
                    self.abstract[aid] = self.abstract[target]

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The list level whose pStyle is the paragraph's style (a heading style's numPr
        often names the list only)."""
        num = self.nums.get(num_id)
        if num is not None:
            for ilvl, lvl in self.abstract.get(num[0], {}).items():
                if lvl.style == style_id:
                    return ilvl
        return 0

    def _lvl(self, num_id: str, ilvl: int) -> _Level | None:
        aid, overrides = self.nums[num_id]
        override = overrides.get(ilvl)
        if override is not None and override[1] is not None:
            return override[1]
        return self.abstract.get(aid, {}).get(ilvl)

    def advance(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """The number Word shows on the next paragraph of this list at this level, and
        whether it is a bullet; None when the list is unknown or shows nothing."""
        if num_id not in self.nums or num_id == "0":
            return None
        aid, overrides = self.nums[num_id]
        lvl = self._lvl(num_id, ilvl)
        if lvl is None:
            return None
        # Counters are the abstract list's: separate w:num of one list continue its count,
        # unless a w:num restarts a level (startOverride) where it is first used.
        counters = self.counters.setdefault(aid, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, (start, _) in overrides.items():
                if start is not None and 0 <= level < 9:
                    counters[level] = start - 1
        current = counters[ilvl]
        counters[ilvl] = lvl.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = (self._lvl(num_id, deeper) or _Level()).restart
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                counters[deeper] = None
        if lvl.fmt == "bullet":
            return _BULLET, True
        if lvl.fmt == "none" and "%" not in lvl.text:
            return (lvl.text.strip(), False) if lvl.text.strip() else None

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            other = self._lvl(num_id, k) or _Level()
            value = counters[k]
            if value is None:
                value = other.start
            return _format(value, "decimal" if lvl.legal and k < ilvl else other.fmt)

        shown = re.sub(r"%([1-9])", number, lvl.text)
        return (shown.strip(), False) if shown.strip() else None


# --- the text -----------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


_INDICATOR_HEADERS = [[_norm(h) for h in row] for row in all_indicator_headers()]


def _code_of(shown: str) -> str:
    """The section code in a number Word shows: "1.2." -> "1.2", "IV." -> "IV"."""
    return shown.strip().rstrip(".):").strip()


class _Reader:
    def __init__(self, name: str, styles: dict[str, _Style], default: str | None,
                 numbering: _Numbering, notes: dict[str, dict[str, str]]) -> None:
        self.name = name
        self.styles = styles
        self.default = styles.get(default or "", _Style())
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
            elif tag == _TAB:
                out.append("\t")
            elif tag in (_BR, _CR):
                if child.get(_w("type")) not in ("page", "column"):
                    out.append("\n")
            elif tag == _NBH:
                out.append("-")
            elif tag in (_FOOTREF, _ENDREF):
                out.append(self._note(child, markers))
            elif tag in (_DRAWING, _PICT, _OBJECT):
                if next(child.iter(_TXBX), None) is not None:
                    self._found["text_box"] += 1
                else:
                    self._found["image"] += 1
            elif tag == _ALT:
                # The same picture twice (a modern Choice, a VML Fallback): read one.
                choice = next(iter(child), None)
                if choice is not None:
                    self._runs(choice, out, markers)
            elif tag in (_OMATH, _OMATHPARA):
                self._found["equation"] += 1
            elif isinstance(tag, str):
                self._runs(child, out, markers)

    def _note(self, element: Any, markers: list[str]) -> str:
        kind = "footnotes" if element.tag == _FOOTREF else "endnotes"
        text = self.notes.get(kind, {}).get(str(element.get(_w("id"), "")))
        if text is None:
            return ""
        self.note_number += 1
        markers.append(f"[{self.note_number}] {text}")
        return f"[{self.note_number}]"

    def text(self, p: Any, markers: list[str]) -> str:
        if next(p.iter(*_SPECIAL), None) is not None:
            out: list[str] = []
            self._runs(p, out, markers)
            return "".join(out)
        parts = []
        for el in p.iter(*_TEXT_TAGS):
            tag = el.tag
            if tag == W_T:
                parts.append(el.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                if el.get(_w("type")) not in ("page", "column"):
                    parts.append("\n")
            elif tag == _NBH:
                parts.append("-")
            else:
                parts.append(self._note(el, markers))
        return "".join(parts)

    def _style(self, p: Any) -> tuple[str, _Style]:
        ppr = p.find(W_PPR)
        if ppr is not None:
            style = ppr.find(_w("pStyle"))
            if style is not None:
                sid = str(style.get(W_VAL, ""))
                return sid, self.styles.get(sid, self.default)
        return "", self.default

    def _number(self, p: Any, style_id: str, style: _Style) -> tuple[str, bool] | None:
        direct = _num_pr(p)
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
        direct = _outline(p)
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
            elif child.tag in (_SDT, _CUSTOMXML):
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
        content = element.find(_SDTCONTENT)
        return element if content is None else content

    def blocks(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child)
            elif tag == W_TBL:
                self.table(child)
            elif tag == _SDT:
                props = child.find(_SDTPR)
                gallery = None if props is None else next(props.iter(_w("docPartGallery")),
                                                          None)
                if gallery is not None and "content" in str(gallery.get(W_VAL, "")).lower():
                    self.drop("toc")  # "Table of Contents": Word makes it from the headings
                else:
                    self.blocks(self._content(child))
            elif tag == _CUSTOMXML:
                self.blocks(child)
        self._caption_flush()


def _notes(package: _Package, part: str | None) -> dict[str, str]:
    if part is None or not package.has(part):
        return {}
    out: dict[str, str] = {}
    root = package.xml(part)
    for note in root:
        if note.get(_w("type")) in ("separator", "continuationSeparator",
                                    "continuationNotice"):
            continue
        texts = ["".join(t.text or "" for t in p.iter(W_T)).strip() for p in note.iter(W_P)]
        out[str(note.get(_w("id"), ""))] = " ".join(t for t in texts if t)
    return out


def _vision(node: DraftNode) -> bool:
    return not node.code and node.title.casefold().startswith(_VISION)


def _build_tree(nodes: list[DraftNode]) -> None:
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


def read_draft(path: Path) -> DraftDocument:
    """The document's sections in document order (parents before their children), and what
    of its content is not kept. Raises :class:`DocumentError` with one sentence."""
    path = Path(path)
    name = path.name
    with _open_regular(path) as file:
        head = file.read(8)
        if head == _OLE_MAGIC:
            raise _refuse(
                "{name} is password-protected or an old Word (.doc) file; save it as a .docx"
                " without a password and import that.", name=name)
        file.seek(0)
        package = _Package(name, file)
        try:
            main = package.rels("").get("officeDocument")
            if main is None or not package.has(main):
                raise _refuse("{name} is not a Word document (.docx).", name=name)
            rels = package.rels(main)
            parts = {kind: rels.get(kind) for kind in ("styles", "numbering", "footnotes",
                                                       "endnotes")}

            def part(kind: str) -> Any | None:
                target = parts[kind]
                return package.xml(target) if target and package.has(target) else None

            styles, default = _styles(part("styles"))
            numbering = _Numbering(part("numbering"), styles)
            notes = {"footnotes": _notes(package, parts["footnotes"]),
                     "endnotes": _notes(package, parts["endnotes"])}
            root = package.xml(main, document=True)
            paragraphs = package.paragraphs
        finally:
            package.close()
    body = root.find(_w("body"))
    if root.tag != _w("document") or body is None:
        raise _refuse("{name} is not a Word document (.docx).", name=name)
    reader = _Reader(name, styles, default, numbering, notes)
    reader.blocks(body)
    nodes = reader.nodes
    if not any(n.kind is not SectionKind.INDICATOR for n in nodes):
        raise _refuse(
            "{name} has no headings; mark the sections with heading styles (Heading 1, 2, 3…)"
            " and import it again.", name=name)
    _build_tree(nodes)
    seen: dict[str, DraftNode] = {}
    for node in nodes:
        if node.code and node.code in seen:
            raise _refuse(
                "Two headings in {name} are numbered {code} (“{first}” and “{second}”); each"
                " section needs its own number.", name=name, code=node.code,
                first=seen[node.code].title, second=node.title)
        if node.code:
            seen[node.code] = node
    dropped = [Dropped(where, what, count) for (where, what), count in reader.dropped.items()]
    return DraftDocument(name, nodes, dropped, paragraphs)
