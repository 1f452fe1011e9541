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

Here: the caps, the package (zip and XML, read under them) and :func:`read_draft`.
Styles and numbering are :mod:`.docx_numbering`; the body made sections is
:mod:`.docx_sections`; the element names are :mod:`.docx_tags`.
"""

from __future__ import annotations

import os
import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from lxml import etree  # type: ignore[import-untyped]

from ..core.model import SectionKind
from .docx_numbering import Numbering, paragraph_styles
from .docx_sections import DraftNode, DraftReader, Dropped, build_tree
from .docx_tags import PKG_REL, W_P, W_T, W_TBL, w
from .files import DocumentError
from .ooxml_read import TagLengths, central_directory_size

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The file itself: a real draft is a few MB, up to tens of MB with photographs in it.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: Real (inflated) bytes of XML read from one package, all parts together.
MAX_XML_BYTES = 48 * 1024 * 1024
#: Paragraphs in the document's text (a plan of 150 sections has a few thousand).
MAX_PARAGRAPHS = 50_000
#: XML elements in the document's text (about 25 a paragraph, a large real draft of 10,000
#: paragraphs has 250,000): what the parsed tree costs, about 340 bytes an element (1.4
#: million empty bookmarks in one paragraph took 530 MB).
MAX_ELEMENTS = 600_000
#: XML elements of the other parts together (styles, numbering, notes, relationships): a
#: real draft's styles.xml has about 10,000, its footnotes a few thousand.
MAX_SIDE_ELEMENTS = 500_000
#: Tables inside tables.
MAX_TABLE_NESTING = 16
#: Entries in the zip, and the bytes of its directory; a DOCX has a few dozen entries.
MAX_ENTRIES = 5_000
MAX_DIRECTORY_BYTES = 1024 * 1024
_CHUNK = 64 * 1024


@dataclass
class DraftDocument:
    name: str
    nodes: list[DraftNode]
    dropped: list[Dropped]
    paragraphs: int


class _Refused(DocumentError):
    """A draft not read, in one sentence (a class, so that the sentences are collected for
    translation: scripts/update_translations.py finds the errors by their class)."""


# --- the package --------------------------------------------------------------------------------


class _Package:
    """The zip, read through caps on the bytes actually inflated."""

    def __init__(self, name: str, file: IO[bytes]) -> None:
        self.name = name
        directory = central_directory_size(file)
        if directory is not None and directory > MAX_DIRECTORY_BYTES:
            raise _Refused("{name} holds too many files to be a plan's draft.", name=name)
        file.seek(0)
        try:
            self.zip = zipfile.ZipFile(file)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise _Refused("{name} is not a Word document (.docx).", name=name) from None
        if len(self.zip.infolist()) > MAX_ENTRIES:
            raise _Refused("{name} holds too many files to be a plan's draft.", name=name)
        self.names = set(self.zip.namelist())
        self.spent = 0
        self.paragraphs = 0
        self.side_elements = 0

    def close(self) -> None:
        self.zip.close()

    def has(self, part: str) -> bool:
        return part in self.names

    def xml(self, part: str, *, document: bool = False) -> Any:
        """The part's root element. ``document``: count paragraphs and table nesting too."""
        name = self.name
        # Every part's elements are counted: styles, numbering and notes are built as whole
        # trees too (45 MB of empty elements in styles.xml would be gigabytes).
        parser = etree.XMLPullParser(
            events=("start",),
            resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
            remove_comments=True, remove_pis=True)
        elements = 0
        tail = b""
        tags = TagLengths()
        try:
            with self.zip.open(part) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    self.spent += len(chunk)
                    if self.spent > MAX_XML_BYTES:
                        raise _Refused(
                            "{name} unpacks to more than {mb} MB of text; it cannot be a plan's"
                            " draft, and nothing was imported.", name=name,
                            mb=MAX_XML_BYTES // (1024 * 1024))
                    # Word never writes a DTD; entity declarations are how XML bombs work.
                    probe = tail + chunk
                    if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
                        raise _Refused("{name} declares XML entities, which Word documents never"
                                      " do; it was not read.", name=name)
                    tail = chunk[-16:]
                    if tags.too_long(chunk):  # lxml parses a start tag whole
                        raise _Refused("{name} holds a tag longer than Word ever writes; it"
                                       " cannot be a plan's draft, and nothing was imported.",
                                       name=name)
                    parser.feed(chunk)
                    if not document:
                        for _ in parser.read_events():
                            self.side_elements += 1
                        if self.side_elements > MAX_SIDE_ELEMENTS:
                            raise _Refused(
                                "{name} has more than {n} pieces of formatting and text;"
                                " it cannot be a plan's draft, and nothing was imported.",
                                name=name, n=f"{MAX_SIDE_ELEMENTS:,}")
                    else:
                        for _, element in parser.read_events():
                            elements += 1
                            if elements > MAX_ELEMENTS:
                                raise _Refused(
                                    "{name} has more than {n} pieces of formatting and text;"
                                    " it cannot be a plan's draft, and nothing was imported.",
                                    name=name, n=f"{MAX_ELEMENTS:,}")
                            tag = element.tag
                            if tag == W_P:
                                self.paragraphs += 1
                                if self.paragraphs > MAX_PARAGRAPHS:
                                    raise _Refused(
                                        "{name} has more than {n} paragraphs; it cannot be a"
                                        " plan's draft, and nothing was imported.",
                                        name=name, n=f"{MAX_PARAGRAPHS:,}")
                            elif tag == W_TBL and sum(
                                    1 for _ in element.iterancestors(W_TBL)) >= MAX_TABLE_NESTING:
                                raise _Refused(
                                    "{name} nests tables more than {n} deep; it cannot be a"
                                    " plan's draft, and nothing was imported.",
                                    name=name, n=MAX_TABLE_NESTING)
                root = parser.close()
                if root.getroottree().docinfo.internalDTD is not None:  # not UTF-8 bytes
                    raise _Refused("{name} declares XML entities, which Word documents never"
                                  " do; it was not read.", name=name)
                return root
        except etree.XMLSyntaxError as exc:
            if "depth" in str(exc).lower():
                raise _Refused("{name} nests its content too deep to be a plan's draft;"
                              " nothing was imported.", name=name) from None
            raise _Refused("{name} is damaged: its text is not well-formed; nothing was"
                          " imported.", name=name) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
                OSError):
            raise _Refused("{name} is damaged (its contents do not unpack as they should);"
                          " nothing was imported.", name=name) from None

    def rels(self, part: str) -> dict[str, str]:
        """Relationship type (last path segment) -> target part of ``part``."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        out: dict[str, str] = {}
        for rel in self.xml(rels_name).iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = str(rel.get("Target", ""))
            kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out.setdefault(kind, path)
        return out


def _open_regular(path: Path) -> IO[bytes]:
    """The file, opened only when it is a regular file (not a FIFO, a device, a folder) of
    at most MAX_FILE_BYTES. Judged on the opened descriptor, and opened without waiting
    (O_NONBLOCK), so a FIFO swapped in after a look at the path cannot hang the open."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise _Refused("There is no file {path}.", path=str(path)) from None
    except OSError:
        raise _Refused("{path} cannot be read.", path=str(path)) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise _Refused("{path} is not a regular file; only a saved .docx can be imported.",
                       path=str(path))
    if st.st_size > MAX_FILE_BYTES:
        os.close(fd)
        raise _Refused("{path} is larger than {mb} MB; it cannot be a plan's draft.",
                       path=str(path), mb=MAX_FILE_BYTES // (1024 * 1024))
    return os.fdopen(fd, "rb")


def _notes(package: _Package, part: str | None) -> dict[str, str]:
    if part is None or not package.has(part):
        return {}
    out: dict[str, str] = {}
    root = package.xml(part)
    for note in root:
        if note.get(w("type")) in ("separator", "continuationSeparator",
                                   "continuationNotice"):
            continue
        texts = ["".join(t.text or "" for t in p.iter(W_T)).strip() for p in note.iter(W_P)]
        out[str(note.get(w("id"), ""))] = " ".join(t for t in texts if t)
    return out


def read_draft(path: Path) -> DraftDocument:
    """The document's sections in document order (parents before their children), and what
    of its content is not kept. Raises :class:`DocumentError` with one sentence."""
    path = Path(path)
    name = path.name
    with _open_regular(path) as file:
        head = file.read(8)
        if head == _OLE_MAGIC:
            raise _Refused(
                "{name} is password-protected or an old Word (.doc) file; save it as a .docx"
                " without a password and import that.", name=name)
        file.seek(0)
        package = _Package(name, file)
        try:
            main = package.rels("").get("officeDocument")
            if main is None or not package.has(main):
                raise _Refused("{name} is not a Word document (.docx).", name=name)
            rels = package.rels(main)
            parts = {kind: rels.get(kind) for kind in ("styles", "numbering", "footnotes",
                                                       "endnotes")}

            def part(kind: str) -> Any | None:
                target = parts[kind]
                return package.xml(target) if target and package.has(target) else None

            styles, default = paragraph_styles(part("styles"))
            numbering = Numbering(part("numbering"), styles)
            notes = {"footnotes": _notes(package, parts["footnotes"]),
                     "endnotes": _notes(package, parts["endnotes"])}
            root = package.xml(main, document=True)
            paragraphs = package.paragraphs
        finally:
            package.close()
    body = root.find(w("body"))
    if root.tag != w("document") or body is None:
        raise _Refused("{name} is not a Word document (.docx).", name=name)
    reader = DraftReader(name, styles, default, numbering, notes)
    reader.blocks(body)
    nodes = reader.nodes
    if not any(n.kind is not SectionKind.INDICATOR for n in nodes):
        raise _Refused(
            "{name} has no headings; mark the sections with heading styles (Heading 1, 2, 3…)"
            " and import it again.", name=name)
    build_tree(nodes)
    seen: dict[str, DraftNode] = {}
    for node in nodes:
        if node.code and node.code in seen:
            raise _Refused(
                "Two headings in {name} are numbered {code} (“{first}” and “{second}”); each"
                " section needs its own number.", name=name, code=node.code,
                first=seen[node.code].title, second=node.title)
        if node.code:
            seen[node.code] = node
    dropped = [Dropped(where, what, count) for (where, what), count in reader.dropped.items()]
    return DraftDocument(name, nodes, dropped, paragraphs)
