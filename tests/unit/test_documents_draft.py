"""The draft with remarks as Word comments, and the draft coming back from the consultants."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from kplan_desktop.core.errors import KPlanError, PermissionDenied
from kplan_desktop.core.model import Role
from kplan_desktop.documents.docx_comments import reply_comment_ids
from kplan_desktop.documents.draft_export import export_draft, initials
from kplan_desktop.documents.draft_import import (
    import_draft,
    parse_draft,
    remarks_on_removed,
)
from kplan_desktop.documents.files import Cancelled
from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace
from tests.documents_plan import SECTIONS, DocPlan, build_doc_plan
from tests.helpers import make_plan


@pytest.fixture
def plan(tmp_path: Path) -> DocPlan:
    return build_doc_plan(tmp_path / "plan.kplan", remarks_per_section=2)


def comment_ranges(path: Path) -> dict[int, str]:
    """comment id -> the document text between its range start and end."""
    document = docx.Document(str(path))
    body = document.element.body
    open_ranges: dict[int, list[str]] = {}
    closed: dict[int, str] = {}
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ranges[int(el.get(qn("w:id")))] = []
        elif el.tag == qn("w:commentRangeEnd"):
            cid = int(el.get(qn("w:id")))
            closed[cid] = "".join(open_ranges.pop(cid))
        elif el.tag == qn("w:t"):
            for parts in open_ranges.values():
                parts.append(el.text or "")
        elif el.tag == qn("w:br"):
            for parts in open_ranges.values():
                parts.append("\n")
    return closed


def remark_comments(path: Path) -> list[Any]:
    """The comments that are remarks: the answers, replies in their threads, left out."""
    with zipfile.ZipFile(path) as package:
        extended = ("word/commentsExtended.xml" in package.namelist()
                    and package.read("word/commentsExtended.xml")) or None
        replies = reply_comment_ids(package.read("word/comments.xml"), extended)
    return [c for c in docx.Document(str(path)).comments if c.comment_id not in replies]


def tree(ws: Workspace) -> list[tuple[str, str, str, str, str, str, str, str]]:
    """(parent code, code, kind, title, body, unit, baseline, target) in plan order."""
    out = []
    for section_id in queries.plan_order(ws):
        s = queries.section(ws, section_id)
        assert s is not None
        parent = queries.section(ws, s["parent_id"]) if s["parent_id"] else None
        out.append((parent["code"] if parent else "", s["code"], s["kind"], s["title"],
                    s["body"], s["unit"], s["baseline"], s["target"]))
    return out


def test_draft_is_a_word_document_with_headings_and_indicator_tables(
        plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "projektas.docx"
    export_draft(plan.ws, out)
    document = docx.Document(str(out))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert ("Heading 1", "1. Sumani ir atvira visuomenė") in headings
    assert ("Heading 3", "1.1.1. Modernizuoti bendrojo ugdymo mokyklas") in headings
    assert ("Heading 4", "1.1.1.1. Mokyklų pastatų energetinis atnaujinimas") in headings
    texts = [p.text for p in document.paragraphs]
    assert "Kaunas – miestas, kuriame gera gyventi, mokytis ir dirbti." in texts
    indicator = document.tables[0]
    assert [c.text for c in indicator.rows[0].cells] == [
        "Kodas", "Rodiklis", "Matavimo vienetas", "Pradinė reikšmė", "Siektina reikšmė 2030 m."]
    assert [c.text for c in indicator.rows[1].cells] == [
        "1.1.1-R1", "Atnaujintų mokyklų skaičius\nSkaičiuojami pastatai, kuriuose baigti visi"
        " darbai.", "vnt.", "12 (2023 m.)", "40"]
    assert document.core_properties.language == "lt-LT"


def test_each_remark_is_a_comment_on_its_passage_by_its_author(plan: DocPlan,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "projektas.docx"
    assert export_draft(plan.ws, out) == len(plan.remarks)
    comments = {c.comment_id: c for c in remark_comments(out)}
    assert len(comments) == len(plan.remarks)
    ranges = comment_ranges(out)
    rows = queries.remark_rows(plan.ws, plan.remarks)
    by_text = {c.text.split("\n")[0].split("] ", 1)[1]: c for c in comments.values()}
    for remark_id in plan.remarks:
        row = rows[remark_id]
        comment = by_text[row["text"]]
        assert comment.author == row["author_name"]
        assert comment.initials == initials(row["author_name"])
        assert f"Siūlomas pakeitimas: {row['proposed']}" in comment.text
        anchored = ranges[comment.comment_id]
        if row["quote"]:
            assert anchored == row["quote"]
        else:  # no passage: the comment stands on the section's heading
            assert anchored == f"{row['section_code']}. {row['section_title']}"
    assert initials("Žydrūnė Šeškuvienė") == "ŽŠ"


def test_a_passage_gone_from_the_text_falls_back_to_the_heading(plan: DocPlan,
                                                                 tmp_path: Path) -> None:
    ws = plan.ws
    quoted = [r for r in queries.remark_rows(ws, plan.remarks).values()
              if r["quote"] and r["section_code"] == "1.1.1"]
    assert quoted
    actions.revise_section(ws, plan.sections["1.1.1"], title="Modernizuoti mokyklas",
                           body="Visiškai nauja redakcija be senos ištraukos.")
    out = tmp_path / "projektas.docx"
    export_draft(ws, out)
    ranges = comment_ranges(out)
    for comment in docx.Document(str(out)).comments:
        if quoted[0]["text"] in comment.text:
            assert ranges[comment.comment_id] == "1.1.1. Modernizuoti mokyklas"
            assert f"Cituota ištrauka tekste nebeaptikta: „{quoted[0]['quote']}“" in comment.text
            break
    else:
        pytest.fail("the remark on the changed text has no comment")


def test_import_of_an_exported_draft_recreates_the_tree(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "projektas.docx"
    export_draft(plan.ws, out)
    with make_plan(tmp_path / "naujas.kplan") as fresh:
        report = import_draft(fresh, out)
        assert len(report.added) == len(SECTIONS) and not report.changed
        assert tree(fresh) == tree(plan.ws)
    # Importing it into the plan it came from changes nothing at all.
    events = queries.info(plan.ws)["events"]
    again = import_draft(plan.ws, out)
    assert (again.added, again.changed, again.removed) == ([], [], [])
    assert again.unchanged == len(SECTIONS)
    assert queries.info(plan.ws)["events"] == events


def test_a_later_version_updates_by_code_and_flags_remarks(plan: DocPlan,
                                                           tmp_path: Path) -> None:
    ws = plan.ws
    out = tmp_path / "projektas.docx"
    export_draft(ws, out)
    document = docx.Document(str(out))
    paragraphs = document.paragraphs
    # The consultant rewrites one body paragraph, drops section 2.1, adds a new goal.
    for p in paragraphs:
        if p.text.startswith("Iki 2030 m. atnaujinti 40 mokyklų"):
            for run in p.runs:
                run.text = ""
            p.runs[0].text = "Iki 2030 m. atnaujinti 55 mokyklų pastatus."
    for i, p in enumerate(paragraphs):
        if p.text.startswith("2.1. Plėtoti darnų judumą"):
            for gone in paragraphs[i : i + 2]:
                gone._p.getparent().remove(gone._p)
    document.add_heading("2.2. Didinti žaliųjų plotų kiekį", level=2)
    document.add_paragraph("Parkai ir skverai kiekvienoje seniūnijoje.")
    edited = tmp_path / "projektas-v2.docx"
    document.save(str(edited))

    heads = {code: queries.section(ws, sid)["head_revision_id"]
             for code, sid in plan.sections.items()}
    report = import_draft(ws, edited)
    assert report.changed == ["1.1.1. Modernizuoti bendrojo ugdymo mokyklas"]
    assert report.added == ["2.2. Didinti žaliųjų plotų kiekį"]
    assert report.removed == ["2.1. Plėtoti darnų judumą"]
    assert report.unchanged == len(SECTIONS) - 2
    changed = queries.section(ws, plan.sections["1.1.1"])
    assert changed["body"] == "Iki 2030 m. atnaujinti 55 mokyklų pastatus."
    assert len(queries.revisions(ws, plan.sections["1.1.1"])) == 2
    for code, sid in plan.sections.items():
        if code != "1.1.1":
            assert queries.section(ws, sid)["head_revision_id"] == heads[code], code
    # Removed is marked, not deleted: its remarks stay, and say so.
    assert queries.section(ws, plan.sections["2.1"])["deleted"] == 1
    on_removed = {r["id"] for r in queries.remark_rows(ws, plan.remarks).values()
                  if r["section_code"] == "2.1" and r["status"] != "withdrawn"}
    assert on_removed and remarks_on_removed(ws) == on_removed
    on_changed = [r for r in queries.remark_rows(ws, plan.remarks).values()
                  if r["section_code"] == "1.1.1"]
    assert on_changed and all(r["text_changed"] for r in on_changed)
    assert report.remarks_flagged == len(on_changed)
    others = [r for r in queries.remark_rows(ws, plan.remarks).values()
              if r["section_code"] != "1.1.1"]
    assert not any(r["text_changed"] for r in others)
    new = queries.section_by_code(ws, "2.2")
    assert new is not None and new["kind"] == "goal"
    assert queries.section(ws, new["parent_id"])["code"] == "2"
    lines = report.lines("projektas-v2.docx")
    assert lines[0] == ("Imported projektas-v2.docx: 1 added, 1 changed, 0 renamed,"
                        " 0 renumbered, 0 moved, 1 removed, 5 unchanged.")


def test_outline_levels_and_unnumbered_headings(tmp_path: Path) -> None:
    """A draft as LibreOffice may write it: outline levels on the paragraphs, own styles."""
    document = docx.Document()
    document.add_paragraph("Plano projektas", style="Title")
    for level, text, body in ((1, "Vizija", "Kaunas – atviras miestas."),
                              (1, "1 Ekonomika", "Įvadas."),
                              (2, "1.1 Investicijos", "Pirmas sakinys.\nAntra eilutė."),
                              (3, "Be numerio", "Tekstas.")):
        p = document.add_paragraph(text)
        p.runs[0].font.size = Pt(14)
        ppr = p._p.get_or_add_pPr()
        outline = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): str(level - 1)})
        ppr.append(outline)
        document.add_paragraph(body)
    path = tmp_path / "lo.docx"
    document.save(str(path))
    nodes = parse_draft(path)
    assert [(n.level, n.code, n.title, n.kind.value, n.body) for n in nodes] == [
        (1, "", "Vizija", "vision", "Kaunas – atviras miestas."),
        (1, "1", "Ekonomika", "priority", "Įvadas."),
        (2, "1.1", "Investicijos", "goal", "Pirmas sakinys.\nAntra eilutė."),
        (3, "", "Be numerio", "objective", "Tekstas."),
    ]
    assert nodes[2].parent is nodes[1] and nodes[3].parent is nodes[2]


def test_heading_numbers_become_codes(tmp_path: Path) -> None:
    document = docx.Document()
    for level, text in ((1, "2. Darni aplinka"), (2, "2.1. Judumas"), (3, "2.1.3 Dviračių takai"),
                        (1, "2030 m. perspektyva")):
        document.add_heading(text, level=level)
    path = tmp_path / "d.docx"
    document.save(str(path))
    assert [(n.code, n.title) for n in parse_draft(path)] == [
        ("2", "Darni aplinka"), ("2.1", "Judumas"), ("2.1.3", "Dviračių takai"),
        ("", "2030 m. perspektyva")]


def _files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    not_docx = tmp_path / "laiskas.docx"
    not_docx.write_text("Sveiki, siunčiame projektą.", encoding="utf-8")
    encrypted = tmp_path / "slaptas.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    other_zip = tmp_path / "archyvas.docx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("readme.txt", "ne Word")
    flat = docx.Document()
    flat.add_paragraph("Tik tekstas, be antraščių.")
    no_headings = tmp_path / "plokscias.docx"
    flat.save(str(no_headings))
    return {
        "text": (not_docx, "laiskas.docx is not a Word document (.docx)."),
        "encrypted": (encrypted, "slaptas.docx is password-protected or an old Word (.doc)"
                                 " file; save it as a .docx without a password and import that."),
        "zip": (other_zip, "archyvas.docx is not a Word document (.docx)."),
        "flat": (no_headings, "plokscias.docx has no headings; mark the sections with heading"
                              " styles (Heading 1, 2, 3…) and import it again."),
    }


@pytest.mark.parametrize("case", ["text", "encrypted", "zip", "flat"])
def test_unusable_files_are_refused_and_change_nothing(plan: DocPlan, tmp_path: Path,
                                                       case: str) -> None:
    path, message = _files(tmp_path)[case]
    before = queries.info(plan.ws)
    with pytest.raises(KPlanError) as caught:
        import_draft(plan.ws, path)
    assert str(caught.value) == message
    assert queries.info(plan.ws) == before


def test_an_expert_cannot_import_and_nothing_changes(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "projektas.docx"
    export_draft(plan.ws, out)
    document = docx.Document(str(out))
    document.add_heading("3. Naujas prioritetas", level=1)
    document.save(str(out))
    before = queries.info(plan.ws)
    expert = plan.ws.actor(plan.people["Jonas Petraitis"])
    assert all(m.role is Role.EXPERT for m in expert.memberships)
    with pytest.raises(PermissionDenied):
        import_draft(plan.ws, out, actor=expert)
    assert queries.info(plan.ws) == before


def test_cancelled_import_changes_nothing(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "projektas.docx"
    export_draft(plan.ws, out)
    with make_plan(tmp_path / "naujas.kplan") as fresh:
        before = queries.info(fresh)
        with pytest.raises(Cancelled, match="nothing was changed"):
            import_draft(fresh, out, progress=lambda done, total: False)
        assert queries.info(fresh) == before


def test_cancelled_draft_export_leaves_no_file(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "projektas.docx"
    with pytest.raises(Cancelled):
        export_draft(plan.ws, out, progress=lambda done, total: False)
    assert list(tmp_path.glob("*.docx")) == [] and list(tmp_path.glob("*.part")) == []


def test_the_demo_plan_goes_out_and_comes_back_unchanged(tmp_path: Path) -> None:
    from kplan_desktop.demo.generate import build_demo

    path = tmp_path / "demo.kplan"
    build_demo(path, seed=3, remarks=150)
    out = tmp_path / "projektas.docx"
    with Workspace.open(path) as ws:
        comments = export_draft(ws, out)
        live = queries.count_remarks(ws, queries.RemarkFilter(
            statuses=tuple(s for s in ("new", "under_review", "accepted", "partly_accepted",
                                       "rejected", "noted"))))
        assert comments == live == len(remark_comments(out))
        report = import_draft(ws, out)
        assert (report.added, report.changed, report.removed) == ([], [], [])
        with make_plan(tmp_path / "naujas.kplan") as fresh:
            import_draft(fresh, out)
            assert tree(fresh) == tree(ws)
