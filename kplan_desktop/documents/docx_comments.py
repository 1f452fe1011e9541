"""Word comments with threaded replies, written straight into python-docx's comments part.

python-docx (1.2) writes comments but not Word's threads. A reply is a comment of its
own, anchored on the same passage, whose entry in ``word/commentsExtended.xml`` names
its parent: ``w15:paraIdParent`` holds the ``w14:paraId`` of the last paragraph of the
parent comment (as Word writes them; LibreOffice reads the same). In document.xml the
two ranges open together before the passage; after it come the parent's end and
reference, then the reply's.

Comments are built as XML and numbered here: python-docx's add_comment looks for a free
id among all comments each time, a quadratic cost for thousands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from .docx_common import NSDECL, xml_attr, xml_text

W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
COMMENTS_EXTENDED_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml")
COMMENTS_EXTENDED_RELATIONSHIP = (
    "http://schemas.microsoft.com/office/2011/relationships/commentsExtended")
COMMENTS_EXTENDED_PART = "/word/commentsExtended.xml"
#: Paragraph ids are 8 hex digits below 0x80000000; ours start high enough to be ours.
_FIRST_PARA_ID = 0x10000000


def _utc(iso: str) -> str:
    """An ISO time as Word writes a comment's date: UTC, to the second, with a Z."""
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def initials(name: str) -> str:
    return "".join(part[0] for part in name.replace("-", " ").split() if part[:1].isalpha())[:4]


@dataclass(frozen=True)
class Comment:
    """A written comment: its id, the paragraph id a reply names, and where its range is."""

    id: int
    para_id: str
    start: Any
    reference: Any


@dataclass
class CommentWriter:
    """Adds comments and replies to ``doc``; :meth:`finish` writes the threads' part."""

    doc: Any
    count: int = 0
    #: (paragraph id, parent's paragraph id or None) of every comment, in order.
    threads: list[tuple[str, str | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Creates the comments part (and its styles) the first time it is asked for.
        self._comments = self.doc.comments._comments_elm

    def _write(self, *, author: str, date: str, paragraphs: Sequence[str],
               parent: Comment | None) -> tuple[int, str]:
        comment_id = self.count
        para_id = f"{_FIRST_PARA_ID + comment_id:08X}"
        texts = list(paragraphs) or [""]
        last = len(texts) - 1
        body = "".join(
            '<w:p' + (f' w14:paraId="{para_id}" w14:textId="77777777"' if i == last else "")
            + '><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
            + ('<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/>'
               "</w:r>" if i == 0 else "")
            + f'<w:r><w:t xml:space="preserve">{xml_text(text)}</w:t></w:r></w:p>'
            for i, text in enumerate(texts)
        )
        stamp = _utc(date)
        date_attr = f' w:date="{stamp}"' if stamp else ""
        self._comments.append(parse_xml(
            f'<w:comment {NSDECL} xmlns:w14="{W14_NS}" w:id="{comment_id}"'
            f' w:author="{xml_attr(author)}" w:initials="{xml_attr(initials(author))}"'
            f"{date_attr}>{body}</w:comment>"))
        self.threads.append((para_id, parent.para_id if parent is not None else None))
        self.count += 1
        return comment_id, para_id

    def add(self, runs: Sequence[Any], *, author: str, date: str,
            paragraphs: Sequence[str]) -> Comment:
        """A comment on ``runs`` (python-docx runs, first to last), by ``author``."""
        comment_id, para_id = self._write(author=author, date=date, paragraphs=paragraphs,
                                          parent=None)
        runs[0].mark_comment_range(runs[-1], comment_id)
        start = runs[0]._r.getprevious()
        reference = runs[-1]._r.getnext().getnext()
        return Comment(comment_id, para_id, start, reference)

    def reply(self, parent: Comment, *, author: str, date: str,
              paragraphs: Sequence[str]) -> Comment:
        """A reply in ``parent``'s thread, on the same passage."""
        comment_id, para_id = self._write(author=author, date=date, paragraphs=paragraphs,
                                          parent=parent)
        start = parse_xml(f'<w:commentRangeStart {NSDECL} w:id="{comment_id}"/>')
        parent.start.addnext(start)
        end = parse_xml(f'<w:commentRangeEnd {NSDECL} w:id="{comment_id}"/>')
        reference = parse_xml(
            f'<w:r {NSDECL}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:commentReference w:id="{comment_id}"/></w:r>')
        parent.reference.addnext(end)
        end.addnext(reference)
        return Comment(comment_id, para_id, start, reference)

    def finish(self) -> None:
        """Write ``word/commentsExtended.xml``: which comment answers which."""
        if not self.threads:
            return
        entries = "".join(
            f'<w15:commentEx w15:paraId="{para_id}"'
            + (f' w15:paraIdParent="{parent}"' if parent else "") + ' w15:done="0"/>'
            for para_id, parent in self.threads
        )
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<w15:commentsEx xmlns:mc="{MC_NS}" xmlns:w15="{W15_NS}"'
               f' mc:Ignorable="w15">{entries}</w15:commentsEx>')
        document_part = self.doc.part
        part = Part(PackURI(COMMENTS_EXTENDED_PART), COMMENTS_EXTENDED_TYPE,
                    xml.encode("utf-8"), document_part.package)
        document_part.relate_to(part, COMMENTS_EXTENDED_RELATIONSHIP)


def thread_parents(comments_extended: bytes) -> dict[str, str]:
    """paraId -> the parent's paraId, for every reply in a commentsExtended part (tests and
    tools reading a draft back)."""
    root = parse_xml(comments_extended)
    out = {}
    for entry in root.iter(f"{{{W15_NS}}}commentEx"):
        parent = entry.get(f"{{{W15_NS}}}paraIdParent")
        if parent:
            out[str(entry.get(f"{{{W15_NS}}}paraId"))] = parent
    return out


def comment_para_ids(comments_xml: bytes) -> dict[str, int]:
    """The paraId of each comment's last paragraph -> the comment's id."""
    root = parse_xml(comments_xml)
    out = {}
    for comment in root.iter(qn("w:comment")):
        paragraphs = comment.findall(qn("w:p"))
        if paragraphs:
            para_id = paragraphs[-1].get(f"{{{W14_NS}}}paraId")
            if para_id:
                out[para_id] = int(comment.get(qn("w:id")))
    return out


def reply_comment_ids(comments_xml: bytes, comments_extended: bytes | None) -> set[int]:
    """The ids of the comments that are replies in a thread."""
    if not comments_extended:
        return set()
    by_para = comment_para_ids(comments_xml)
    return {by_para[p] for p in thread_parents(comments_extended) if p in by_para}
