"""The draft with comments: the report's filters choose the remarks, and each answer is a
reply in its remark's thread by the secretary who gave it, read back from the DOCX's XML."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from pypdf import PdfReader

from kplan_desktop.documents.data import resolve_criteria
from kplan_desktop.documents.docx_comments import (
    COMMENTS_EXTENDED_RELATIONSHIP,
    COMMENTS_EXTENDED_TYPE,
    W14_NS,
    W15_NS,
    initials,
)
from kplan_desktop.documents.draft_export import export_draft
from kplan_desktop.store import actions, queries
from tests.documents_plan import DocPlan, build_doc_plan

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture
def plan(tmp_path: Path) -> DocPlan:
    plan = build_doc_plan(tmp_path / "plan.kplan", remarks_per_section=2)
    # One remark withdrawn: never a comment unless asked for by its status.
    author = queries.remark_rows(plan.ws, [plan.remarks[1]])[plan.remarks[1]]["author_id"]
    actions.withdraw_remark(plan.ws, plan.remarks[1], actor=plan.ws.actor(author))
    return plan


class Draft:
    """A written draft's comments as Word stores them."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            self.comments = etree.fromstring(package.read("word/comments.xml"))
            self.document = etree.fromstring(package.read("word/document.xml"))
            self.extended = (etree.fromstring(package.read("word/commentsExtended.xml"))
                             if "word/commentsExtended.xml" in names else None)
            self.content_types = package.read("[Content_Types].xml").decode()
            self.relationships = package.read("word/_rels/document.xml.rels").decode()
        self.by_id = {int(c.get(qn("w:id"))): c for c in self.comments.iter(qn("w:comment"))}
        self.para_of = {
            cid: c.findall(qn("w:p"))[-1].get(f"{{{W14_NS}}}paraId")
            for cid, c in self.by_id.items()
        }
        id_of_para = {p: cid for cid, p in self.para_of.items()}
        self.parent: dict[int, int] = {}
        if self.extended is not None:
            for entry in self.extended.iter(f"{{{W15_NS}}}commentEx"):
                parent = entry.get(f"{{{W15_NS}}}paraIdParent")
                if parent:
                    self.parent[id_of_para[entry.get(f"{{{W15_NS}}}paraId")]] = id_of_para[parent]

    def text(self, comment_id: int) -> str:
        return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                         for p in self.by_id[comment_id].findall(qn("w:p")))

    def remark_ids(self) -> list[int]:
        return [cid for cid in self.by_id if cid not in self.parent]

    def remark_comment(self, identifier_or_text: str) -> int:
        found = [cid for cid in self.remark_ids() if identifier_or_text in self.text(cid)]
        assert len(found) == 1, identifier_or_text
        return found[0]

    def replies_to(self, comment_id: int) -> list[int]:
        return [child for child, parent in self.parent.items() if parent == comment_id]

    def marks(self) -> list[tuple[str, int]]:
        """(kind, id) of every range start, range end and reference, in document order."""
        kinds = {qn("w:commentRangeStart"): "start", qn("w:commentRangeEnd"): "end",
                 qn("w:commentReference"): "ref"}
        return [(kinds[el.tag], int(el.get(qn("w:id")))) for el in self.document.iter()
                if el.tag in kinds]


def test_each_answer_is_a_reply_in_its_remarks_thread(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "projektas.docx"
    written = export_draft(plan.ws, out)
    draft = Draft(out)
    rows = queries.remark_rows(plan.ws, plan.remarks)
    live = [r for r in rows.values() if r["status"] != "withdrawn"]
    assert written == len(live) == len(draft.remark_ids())
    # Word's threads: the part, its relationship and content type.
    assert COMMENTS_EXTENDED_TYPE in draft.content_types
    assert COMMENTS_EXTENDED_RELATIONSHIP in draft.relationships
    answered = [r for r in live if r["response"]]
    assert answered
    for row in live:
        parent = draft.remark_comment(row["text"])
        assert draft.by_id[parent].get(qn("w:author")) == row["author_name"]
        replies = draft.replies_to(parent)
        if not row["response"]:
            assert replies == [], row["text"][:30]
            continue
        assert len(replies) == 1
        reply = draft.by_id[replies[0]]
        # By the secretary who answered, with their initials; the answer in the reply only.
        assert reply.get(qn("w:author")) == row["responder_name"] == "Rūta Žemaitienė"
        assert reply.get(qn("w:initials")) == initials("Rūta Žemaitienė") == "RŽ"
        answered_at = dt.datetime.fromisoformat(row["responded_at"]).astimezone(dt.UTC)
        assert reply.get(qn("w:date")) == answered_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        reply_text = draft.text(replies[0])
        assert row["response"] in reply_text
        assert reply_text.casefold().startswith(
            {"accepted": "atsižvelgta", "partly_accepted": "iš dalies atsižvelgta",
             "rejected": "neatsižvelgta", "noted": "susipažinta"}[row["status"]])
        assert row["response"] not in draft.text(parent)
        # In document.xml both ranges open together; the reply's end and reference follow
        # the parent's.
        marks = draft.marks()
        start = marks.index(("start", parent))
        assert marks[start + 1] == ("start", replies[0])
        end = marks.index(("end", parent))
        assert marks[end : end + 4] == [("end", parent), ("ref", parent),
                                        ("end", replies[0]), ("ref", replies[0])]


def test_the_draft_takes_the_reports_filters(plan: DocPlan, tmp_path: Path) -> None:
    ws = plan.ws
    rows = queries.remark_rows(ws, plan.remarks)
    out = tmp_path / "jud.docx"
    criteria = resolve_criteria(ws, groups=["JUD"])
    written = export_draft(ws, out, criteria=criteria)
    expected = [r for r in rows.values() if r["group_code"] == "JUD" and r["status"] != "withdrawn"]
    assert written == len(expected) > 0
    draft = Draft(out)
    assert sorted(draft.text(c).split("] ", 1)[1].split("\n")[0] for c in draft.remark_ids()) == (
        sorted(r["text"] for r in expected))
    # Open remarks only: no answers, so no replies and no threads.
    out = tmp_path / "open.docx"
    criteria = resolve_criteria(ws, statuses=["new", "under_review"])
    written = export_draft(ws, out, criteria=criteria)
    open_rows = [r for r in rows.values() if r["status"] in ("new", "under_review")]
    assert written == len(open_rows)
    assert Draft(out).parent == {}
    # A withdrawn remark only when its status is asked for.
    out = tmp_path / "withdrawn.docx"
    assert export_draft(ws, out, criteria=resolve_criteria(ws, statuses=["withdrawn"])) == 1
    # The selection is said under the title (a subtitle: the import leaves it out).
    out = tmp_path / "rounds.docx"
    export_draft(ws, out, criteria=resolve_criteria(ws, rounds=["I etapas"]))
    assert "Svarstymo etapai: I etapas" in "".join(
        t.text or "" for t in Draft(out).document.iter(qn("w:t")))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed here")
def test_libreoffice_reads_the_remarks_and_their_replies(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "projektas.docx"
    export_draft(plan.ws, out)
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to",
         'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
         "--outdir", str(tmp_path / "pdf"), str(out)],
        capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    notes = [a.get_object() for page in PdfReader(tmp_path / "pdf" / "projektas.pdf").pages
             for a in page.get("/Annots") or [] if a.get_object().get("/Subtype") == "/Text"]
    authors = [str(n.get("/T", "")) for n in notes]
    rows = queries.remark_rows(plan.ws, plan.remarks).values()
    answered = [r for r in rows if r["response"] and r["status"] != "withdrawn"]
    live = [r for r in rows if r["status"] != "withdrawn"]
    assert len(notes) == len(live) + len(answered)
    assert sum(a.startswith("Rūta Žemaitienė") for a in authors) == len(answered)
