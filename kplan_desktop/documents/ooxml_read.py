"""Reading an Office file from outside (XLSX, DOCX) as a stream, under caps on what it really
holds: the answers file and the roster.

openpyxl and python-docx trust the file: python-docx builds the whole XML tree of the
document (a 190 MB document.xml took gigabytes), openpyxl keeps every row element it has
read, so a sheet of 17 million empty rows took 1.5 GB and a minute, and a workbook naming
one sheet a thousand times reads it a thousand times. Here every part is inflated through
a stream that counts the bytes really produced (the sizes a zip declares may lie), one
budget for the whole file however often a part is read; the XML is refused when it
declares a DTD (entity bombs, external entities) and lxml refuses nesting deeper than 256
and text nodes over 10 MB (``huge_tree`` off); each element is handed over when it ends
and dropped at once, so memory holds one cell, not the sheet.

:class:`OfficePackage` is the zip; :func:`xlsx_sheets` and :func:`xlsx_rows` read a
workbook; a Word document is :mod:`.ooxml_docx`. Their errors are :class:`PackageError`
with one sentence; the readers re-raise them as their own.
"""

from __future__ import annotations

import io
import os
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from lxml import etree  # type: ignore[import-untyped]

from ..core.errors import KPlanError

#: Entries in the zip, and the bytes of its directory: a report has a few dozen entries.
MAX_ENTRIES = 2_000
MAX_DIRECTORY_BYTES = 512 * 1024
#: Real bytes of a small part read whole (relationships, workbook.xml, core properties):
#: a few kB in a real file.
MAX_SMALL_PART_BYTES = 1024 * 1024
#: Shared strings kept (Excel's re-save of a 50,000-remark file has about 150,000).
MAX_SHARED_STRINGS = 600_000
_CHUNK = 64 * 1024
#: The longest tag: Word's longest, its root's with its namespaces, is about 3 kB.
MAX_TAG_BYTES = 64 * 1024
#: Attributes of one element (Word's root declares about 40 namespaces).
MAX_ATTRIBUTES = 10_000
#: Tags ("<") a file may hold for each piece it may hand over: our XLSX has 1.5 for each
#: piece read, our DOCX 2.4 (a run's <w:r>, <w:rPr>, its formatting... for one text), Word's
#: own saving adds more.
_TAGS_PER_PIECE = 4
#: The root element's start tag must be read within this many bytes.
_ROOT_WITHIN = 1024 * 1024

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class PackageError(KPlanError):
    """An Office file that is not read (too large, damaged, hostile), in one sentence."""


class NotAPackage(PackageError):
    """Not a zip at all, or one with no workbook: a reader may say what it expected."""


def central_directory_size(file: IO[bytes]) -> int | None:
    """The size of the zip's central directory from its end record (zip64 too); None when
    there is none. zipfile reads the whole directory into memory before anything can be
    checked, so a directory of millions of entries is refused first."""
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


class TagLengths:
    """Watches the bytes of an XML part for a tag lxml would choke on, before lxml sees
    them: longer than MAX_TAG_BYTES, or of more than MAX_ATTRIBUTES attributes. lxml parses
    a start tag whole: one of two million attributes took 700 MB before it was refused.
    Looked at in C (bytes.count, find, rfind) and across chunks. A ">" may stand inside an
    attribute's value, a "<" never: the attributes are counted as the "=" signs between
    two "<" (text between tags holds a few at most)."""

    def __init__(self) -> None:
        self.open_for = 0  # bytes since a "<" not yet closed by ">" (0: outside a tag)
        self.signs = 0  # "=" since the last "<"

    def too_long(self, chunk: bytes) -> bool:
        if self.open_for:
            first_gt = chunk.find(b">")
            if first_gt < 0:
                self.open_for += len(chunk)
                if self.open_for > MAX_TAG_BYTES:
                    return True
            elif self.open_for + first_gt > MAX_TAG_BYTES:
                return True
        last_lt, last_gt = chunk.rfind(b"<"), chunk.rfind(b">")
        if not (self.open_for and last_lt < 0 and last_gt < 0):
            self.open_for = len(chunk) - last_lt if last_lt > last_gt else 0
        signs = chunk.count(b"=")
        if self.signs + signs > MAX_ATTRIBUTES:
            # Rare in a real file: look at each stretch between two "<".
            stretches = chunk.split(b"<")
            if max(s.count(b"=") for s in stretches[1:] or [b""]) > MAX_ATTRIBUTES or (
                    self.signs + stretches[0].count(b"=") > MAX_ATTRIBUTES):
                return True
        self.signs = (self.signs + signs) if last_lt < 0 else chunk.count(b"=", last_lt)
        return False


class OfficePackage:
    """The zip of an XLSX or DOCX, every part read under one budget of real bytes."""

    def __init__(self, data: bytes, name: str, max_bytes: int, max_pieces: int,
                 max_text: int) -> None:
        self.name = name
        self.max_bytes = max_bytes
        self.spent = 0
        #: Elements of interest (rows, cells, paragraphs, pieces of text) handed over, all
        #: parts together: what bounds the time, as the bytes bound what is inflated.
        self.max_pieces = max_pieces
        self.pieces = 0
        self.tags = 0
        #: Characters of text kept (shared strings, cells): what bounds the memory.
        self.max_text = max_text
        self.text = 0
        #: Characters of the cells handed over, a shared string counted each time a cell
        #: names it: what bounds the time of everything done with them afterwards.
        self.cell_text = 0
        file = io.BytesIO(data)
        directory = central_directory_size(file)
        if directory is not None and directory > MAX_DIRECTORY_BYTES:
            raise self._too_many_parts()
        try:
            self.zip = zipfile.ZipFile(file)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise NotAPackage("{name} is damaged: it cannot be opened.", name=name) from None
        if len(self.zip.infolist()) > MAX_ENTRIES:
            raise self._too_many_parts()
        # The sizes the zip states: a refusal before anything is inflated. Reading counts the
        # real bytes too (zipfile stops at the stated size and then finds the checksum wrong).
        if sum(i.file_size for i in self.zip.infolist()) > max_bytes:
            raise self._too_large()
        self.names = set(self.zip.namelist())

    def _too_many_parts(self) -> PackageError:
        return PackageError("{name} holds too many parts to be a report or a table; it is not"
                            " read.", name=self.name)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> OfficePackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, part: str) -> bool:
        return part in self.names

    def _chunks(self, part: str, limit: int | None) -> Iterator[bytes]:
        """The part's inflated bytes, counted against the file's budget (and ``limit``)."""
        read = 0
        tail = b""
        tags = TagLengths()
        try:
            with self.zip.open(part) as stream:
                while chunk := stream.read(_CHUNK):
                    read += len(chunk)
                    self.spent += len(chunk)
                    if self.spent > self.max_bytes or (limit is not None and read > limit):
                        raise self._too_large()
                    # Every tag costs lxml time, even one no event is asked for: 180 MB of
                    # "<z/>" is 47 million elements. Counted in C, as bytes.
                    self.tags += chunk.count(b"<")
                    if self.tags > self.max_pieces * _TAGS_PER_PIECE:
                        raise self._too_many_pieces()
                    # Office never writes a DTD; entity declarations are how XML bombs work.
                    probe = tail + chunk
                    if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
                        raise self._entities()
                    tail = chunk[-16:]
                    if tags.too_long(chunk):
                        raise PackageError("{name} holds a tag longer than Office files ever"
                                           " write; it is not read.", name=self.name)
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
                OSError, ValueError):
            raise PackageError("{name} is damaged: its contents do not unpack as they should.",
                               name=self.name) from None

    def keep(self, text: str) -> str:
        """``text``, counted against the characters the file may keep in memory."""
        self.text += len(text)
        if self.text > self.max_text:
            raise self._too_much_text()
        return text

    def hand_over(self, text: str) -> str:
        """``text`` of a cell, counted against the characters the readers may go through
        (twice what may be kept: a cell's own text is counted both ways)."""
        self.cell_text += len(text)
        if self.cell_text > 2 * self.max_text:
            raise self._too_much_text()
        return text

    def _too_much_text(self) -> PackageError:
        return PackageError("{name} holds more than {n} million characters of text; it is"
                            " not read.", name=self.name, n=self.max_text // 1_000_000)

    def _too_many_pieces(self) -> PackageError:
        return PackageError("{name} holds more than {n} rows, cells and pieces of text; it is"
                            " not read.", name=self.name, n=f"{self.max_pieces // 2:,}")

    def _too_large(self) -> PackageError:
        return PackageError("{name} unpacks to more than {limit} MB; it is not read.",
                            name=self.name, limit=self.max_bytes // 2**20)

    def _entities(self) -> PackageError:
        return PackageError("{name} declares XML entities, which Office files never do; it is"
                            " not read.", name=self.name)

    def _parser(self, events: tuple[str, ...], tags: tuple[str, ...] | None) -> Any:
        return etree.XMLPullParser(
            events=events, tag=tags, resolve_entities=False, load_dtd=False, no_network=True,
            huge_tree=False, remove_comments=True, remove_pis=True)

    def _syntax(self, exc: Exception) -> PackageError:
        if "depth" in str(exc).lower():
            return PackageError("{name} nests its content too deep; it is not read.",
                                name=self.name)
        return PackageError("{name} is damaged: its contents are not well-formed.",
                            name=self.name)

    def root(self, part: str) -> Any:
        """A small part's root element, read whole (at most MAX_SMALL_PART_BYTES)."""
        parser = self._parser((), None)
        try:
            for chunk in self._chunks(part, MAX_SMALL_PART_BYTES):
                parser.feed(chunk)
            root = parser.close()
        except etree.XMLSyntaxError as exc:
            raise self._syntax(exc) from None
        if root.getroottree().docinfo.internalDTD is not None:  # a DTD in UTF-16 bytes
            raise self._entities()
        return root

    def events(self, part: str, root: str, tags: frozenset[str],
               ) -> Iterator[tuple[str, Any]]:
        """(event, element) for the start and end of ``tags`` in the part, whose root element
        must be ``root``, streamed. lxml picks the tags out (no Python work for the others);
        after each chunk, every element that is complete is dropped, so the tree holds one
        chunk's elements and the path to where the parser is, whatever the part holds. An
        element handed over is complete at its end event, and its parent still in place."""
        parser = self._parser(("start", "end"), (root, *tags))
        top = None
        fed = 0
        try:
            for chunk in self._chunks(part, None):
                parser.feed(chunk)
                fed += len(chunk)
                for event, element in parser.read_events():
                    if top is None:
                        if element.tag != root or element.getparent() is not None:
                            raise self._not_expected()
                        if element.getroottree().docinfo.internalDTD is not None:
                            raise self._entities()  # a DTD in bytes the probe cannot see
                        top = element
                    if element.tag in tags:
                        self.pieces += 1
                        if self.pieces > self.max_pieces:
                            raise self._too_many_pieces()
                        yield event, element
                if top is None and fed > _ROOT_WITHIN:
                    raise self._not_expected()
                _prune(top)
            parser.close()
            for event, element in parser.read_events():
                if element.tag in tags:
                    yield event, element
        except etree.XMLSyntaxError as exc:
            raise self._syntax(exc) from None
        if top is None:
            raise self._not_expected()

    def _not_expected(self) -> PackageError:
        return PackageError("{name} is damaged: its contents are not what they should be.",
                            name=self.name)

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type's last word, target part) of ``part`` ("" for the package's own)."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels):
            return {}
        out: dict[str, tuple[str, str]] = {}
        for rel in self.root(rels).iter(f"{{{_PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = str(rel.get("Target", ""))
            kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out[str(rel.get("Id", ""))] = (kind, path)
        return out

    def main_part(self, fallback: str) -> str:
        """The package's main document (workbook.xml, document.xml), by its relationship."""
        for kind, path in self.relationships("").values():
            if kind == "officeDocument" and self.has(path):
                return path
        return fallback


def _prune(root: Any) -> None:
    """Drop every complete element: along the path of last children from the root (where
    the parser is), all the children but the last."""
    node = root
    while node is not None and len(node):
        if len(node) > 1:
            del node[:-1]
        node = node[-1]


# --- XLSX --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetRef:
    name: str
    part: str


def xlsx_sheets(package: OfficePackage) -> tuple[list[SheetRef], str | None]:
    """The worksheets in the workbook's order, and the shared strings part (if any)."""
    workbook = package.main_part("xl/workbook.xml")
    if not package.has(workbook):
        raise NotAPackage("{name} is damaged: it has no workbook.", name=package.name)
    rels = package.relationships(workbook)
    sheets: list[SheetRef] = []
    for sheet in package.root(workbook).iter(f"{_S}sheet"):
        kind, part = rels.get(str(sheet.get(_R_ID, "")), ("", ""))
        if kind == "worksheet" and package.has(part):
            sheets.append(SheetRef(str(sheet.get("name", "")), part))
    strings = next((p for k, p in rels.values() if k == "sharedStrings" and package.has(p)),
                   None)
    return sheets, strings


def shared_strings(package: OfficePackage, part: str | None, max_cell: int) -> list[str]:
    """The workbook's shared strings, each cut at ``max_cell`` characters."""
    if part is None:
        return []
    out: list[str] = []
    texts: list[str] = []
    for event, element in package.events(part, f"{_S}sst", frozenset((f"{_S}si", f"{_S}t"))):
        if element.tag == f"{_S}si":
            if event == "end":
                if len(out) >= MAX_SHARED_STRINGS:
                    raise PackageError("{name} holds more than {n} different texts; it is not"
                                       " read.", name=package.name, n=f"{MAX_SHARED_STRINGS:,}")
                out.append(package.keep("".join(texts)[:max_cell]))
            texts = []
        elif (event == "end" and element.tag == f"{_S}t" and _in_si_text(element)
              and sum(map(len, texts)) < max_cell):
            texts.append(element.text or "")
    return out


def _in_si_text(element: Any) -> bool:
    """A <t> of the string itself (or of a rich-text run), not of a phonetic guide."""
    parent = element.getparent()
    return parent is not None and parent.tag != f"{_S}rPh"


def _column(ref: str) -> int | None:
    """1 for "A7", 16384 for "XFD1"; None when the reference has no letters."""
    number = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            number = number * 26 + ord(ch) - 64
        elif "a" <= ch <= "z":
            number = number * 26 + ord(ch) - 96
        else:
            break
        if number > 16_384:
            return None
    return number or None


def _number(text: str) -> Any:
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def xlsx_rows(package: OfficePackage, part: str, strings: list[str], *, max_columns: int,
              max_cell: int, too_many: Callable[[], KPlanError], max_rows: int,
              ) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values of the first ``max_columns`` columns) of each row that holds a
    value, as openpyxl's ``values_only`` would give them; dates stay numbers. A row numbered
    past ``max_rows`` raises ``too_many()`` if it holds a value (an empty one is a formatted
    tail, not counted); cells past ``max_columns`` are skipped unread."""
    tags = frozenset((f"{_S}row", f"{_S}c", f"{_S}v", f"{_S}t"))
    number = 0
    column = 0
    values: list[Any] = []
    cell_type = ""
    cell_text: list[str] = []
    wanted = False
    for event, element in package.events(part, f"{_S}worksheet", tags):
        tag = element.tag
        if tag == f"{_S}row":
            if event == "start":
                r = element.get("r")
                number = int(r) if r and r.isdigit() and len(r) < 9 else number + 1
                values = []
                column = 0
            elif any(v is not None and v != "" for v in values):
                if number > max_rows:
                    raise too_many()
                yield number, values

        elif tag == f"{_S}c":
            if event == "start":
                ref = element.get("r")
                found = _column(ref) if ref else None
                column = found if found is not None else column + 1
                wanted = column <= max_columns
                cell_type = str(element.get("t", "n"))
                cell_text = []
            elif wanted:
                text = "".join(cell_text)
                while len(values) < column - 1:
                    values.append(None)
                value = _value(cell_type, text, strings, max_cell)
                if isinstance(value, str):
                    package.hand_over(value if cell_type == "s" else package.keep(value))
                values.append(value)
        elif event == "end" and wanted and sum(map(len, cell_text)) < max_cell:
            parent = element.getparent()
            # <v> of the cell, or <t> of an inline string (not of its phonetic guide).
            if tag == f"{_S}v" or (parent is not None and parent.tag != f"{_S}rPh"):
                cell_text.append(element.text or "")


def _value(cell_type: str, text: str, strings: list[str], max_cell: int) -> Any:
    if cell_type == "s":
        index = int(text) if text.strip().isdigit() and len(text) < 12 else -1
        return strings[index] if 0 <= index < len(strings) else None
    if cell_type in ("inlineStr", "str", "e", "d"):
        return text[:max_cell]
    if cell_type == "b":
        return text.strip() == "1"
    return _number(text.strip()) if text.strip() else None
