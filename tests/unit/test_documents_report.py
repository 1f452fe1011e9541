"""The consolidated remarks, read back as a consultant's tools read them (pypdf, python-docx)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from kplan_desktop.core.errors import KPlanError
from kplan_desktop.documents.data import ReportCriteria, count_selected, resolve_criteria
from kplan_desktop.documents.files import Cancelled
from kplan_desktop.documents.report import COLUMNS, ReportOptions, build_report, export_report
from kplan_desktop.store import queries
from tests.documents_plan import DocPlan, build_doc_plan, in_order, remark_window

LETTERS = "ąčęėįšųūž"


@pytest.fixture
def plan(tmp_path: Path) -> DocPlan:
    return build_doc_plan(tmp_path / "plan.kplan", remarks_per_section=3, very_long=True)


def words(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(path).pages]


def docx_matrix(path: Path) -> list[list[str]]:
    """The header row, then the rows of every section's table (their repeated header left out)."""
    out: list[list[str]] = []
    for table in docx.Document(str(path)).tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if len(rows[0]) != len(COLUMNS):
            continue  # a summary
        out.extend(rows if not out else rows[1:])
    return out


def test_pdf_holds_every_remark_with_header_and_page_numbers(plan: DocPlan,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "suvestinė.pdf"
    count = export_report(plan.ws, out, "pdf")
    assert count == len(plan.remarks)
    pages = pdf_pages(out)
    n = len(pages)
    assert n >= 4, "the long remarks should fill several pages"
    assert "Pastabų ir pasiūlymų suvestinė" in pages[0]
    assert f"1 psl. iš {n}" in pages[0]
    assert f"2 psl. iš {n}" in pages[1]
    assert f"{n} psl. iš {n}" in pages[-1]
    # The matrix starts under the summaries; its header row stands on every page of it.
    first = next(i for i, page in enumerate(pages) if "Eil. Nr." in page)
    assert first <= 1
    for page in pages[first:]:
        assert "Eil. Nr." in page and "Cituojama ištrauka" in page and "Atsakymas (motyvai)" in page
    text = " ".join(pages)
    assert LETTERS in text and "„kabutės“ – brūkšnys" in text
    rows = queries.remark_rows(plan.ws, plan.remarks)
    all_words = text.split()
    for remark_id in plan.remarks:
        remark_text = rows[remark_id]["text"]
        # Nothing cut off: every word, in order, also where a row goes on over a page break.
        assert in_order(remark_text, remark_window(all_words, remark_text)), remark_text[:40]
    # The remark longer than a page is split over pages: every sentence is there.
    for i in range(120):
        assert f"Sakinys ILGA-{i}:" in text
    assert "(tęs.)" in text
    short = [rows[i]["text"] for i in plan.remarks if len(rows[i]["text"]) < 300]
    assert short and all(words(t) in text for t in short)


def test_pdf_metadata_and_embedded_font(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    export_report(plan.ws, out, "pdf", ReportOptions(generated_by="Rūta Žemaitienė"))
    reader = PdfReader(out)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == ("Pastabų ir pasiūlymų suvestinė – Kauno miesto strateginis plėtros"
                          " planas iki 2030 m.")
    assert meta.author == "Rūta Žemaitienė"
    assert meta.subject == "Kauno miesto strateginis plėtros planas iki 2030 m."
    assert reader.trailer["/Root"]["/Lang"] == "lt-LT"
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            obj = font.get_object()
            fonts[str(obj["/BaseFont"])] = obj
    # Only the embedded Liberation Sans (a subset per page range), no unembedded base font.
    assert fonts and all("LiberationSans" in name for name in fonts), list(fonts)
    for obj in fonts.values():
        assert "/FontFile2" in obj["/FontDescriptor"]


def test_docx_holds_the_same_content(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "suvestinė.docx"
    export_report(plan.ws, out, "docx")
    document = docx.Document(str(out))
    section = document.sections[0]
    assert section.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    props = document.core_properties
    assert props.title.startswith("Pastabų ir pasiūlymų suvestinė")
    assert props.author == "Rūta Žemaitienė"
    assert props.subject == "Kauno miesto strateginis plėtros planas iki 2030 m."
    assert props.language == "lt-LT"
    rows = docx_matrix(out)
    header_tr = document.tables[-1].rows[0]._tr
    assert header_tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert rows[0][:3] == ["Eil. Nr.", "Plano dalis", "Cituojama ištrauka"]
    # Remark rows carry the identifier, section and remark; a long one goes on in rows
    # marked "(tęs.)".
    by_identifier: dict[str, list[str]] = {}
    for r in rows[1:]:
        identifier, _, mark = r[0].partition("\n")
        if mark:
            assert mark == "(tęs.)"
            by_identifier[identifier][3] += " " + r[3]
        else:
            by_identifier[identifier] = r
    report = build_report(plan.ws)
    expected = [row for block in report.blocks for row in block.rows]
    assert len(by_identifier) == len(expected) == len(plan.remarks)
    status = COLUMNS.index("col_status")
    for row in expected:
        cells = by_identifier[row.identifier]
        assert cells[1] == row.section
        assert words(row.remark) in words(cells[3])
        assert cells[5].startswith(row.author)
        assert cells[status] == row.status
    all_text = "\n".join("\n".join(r) for r in rows)
    assert LETTERS in all_text
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert ("Heading 3", "1.1.1. Modernizuoti bendrojo ugdymo mokyklas") in headings
    assert "Sakinys ILGA-119:" in all_text


def test_docx_footer_counts_pages_and_styles_name_the_font(plan: DocPlan,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    export_report(plan.ws, out, "docx")
    document = docx.Document(str(out))
    footer = document.sections[0].footer._element.xml
    assert 'w:instr=" PAGE ' in footer and 'w:instr=" NUMPAGES ' in footer
    assert " psl. iš " in footer
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(attr)) == "Arial"
    assert fonts.get(qn("w:asciiTheme")) is None
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "lt-LT"


def test_summaries_count_by_group_status_and_type(plan: DocPlan) -> None:
    report = build_report(plan.ws)
    answered, by_type, by_group, by_section = report.summaries
    assert [r[0] for r in answered.rows] == ["atsakyta", "neatsakyta", "atsiimta", "Iš viso"]
    assert sum(int(r[1]) for r in answered.rows[:-1]) == len(plan.remarks)
    assert by_section.rows[-1][-1] == str(len(plan.remarks))
    assert by_group.header[0] == "Darbo grupė" and "atsižvelgta" in by_group.header
    assert by_group.rows[-1][0] == "Iš viso"
    assert by_group.rows[-1][-1] == str(len(plan.remarks))
    assert sum(int(r[-1]) for r in by_group.rows[:-1]) == len(plan.remarks)
    assert [r[0] for r in by_type.rows] == ["bendroji", "esminė", "redakcinė", "Iš viso"]
    assert sum(int(r[1]) for r in by_type.rows[:-1]) == len(plan.remarks)


def test_english_report(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "remarks.pdf"
    export_report(plan.ws, out, "pdf", ReportOptions(lang="en"))
    pages = pdf_pages(out)
    assert "Consolidated remarks and proposals" in pages[0]
    assert f"Page 2 of {len(pages)}" in pages[1]
    assert "Quoted passage" in pages[1] and "partly accepted" in " ".join(pages)
    assert PdfReader(out).trailer["/Root"]["/Lang"] == "en-GB"
    docx_out = tmp_path / "remarks.docx"
    export_report(plan.ws, docx_out, "docx", ReportOptions(lang="en"))
    assert docx_matrix(docx_out)[0][0] == "No."
    assert "Page " in docx.Document(str(docx_out)).sections[0].footer._element.xml


def test_filters_select_and_are_named_in_the_title_block(plan: DocPlan) -> None:
    ws = plan.ws
    criteria = resolve_criteria(ws, groups=["JUD"], statuses=["new", "accepted"],
                                section="2", rounds=["I etapas"])
    flt = criteria.remark_filter(ws)
    ids = queries.remark_ids(ws, flt, order="plan")
    rows = queries.remark_rows(ws, ids)
    assert ids and all(rows[i]["group_code"] == "JUD" for i in ids)
    assert all(rows[i]["status"] in ("new", "accepted") for i in ids)
    assert all(rows[i]["section_code"].startswith("2") for i in ids)
    assert count_selected(ws, criteria) == len(ids)
    report = build_report(ws, ReportOptions(criteria))
    assert report.count == len(ids)
    block = dict(report.title_block)
    assert block["Svarstymo etapas"] == "I etapas"
    assert block["Darbo grupės"] == "Judumo darbo grupė"
    assert block["Būsenos"] == "nauja, atsižvelgta"
    assert block["Plano dalis (su poskyriais)"] == "2 Darni ir patogi miesto aplinka"
    # Authors by name, dates as days.
    one = resolve_criteria(ws, authors=["žydrūnė šeškuvienė"], date_from="2024-03-02",
                           date_to="2024-03-05")
    selected = queries.remark_rows(ws, queries.remark_ids(ws, one.remark_filter(ws)))
    assert selected
    assert {r["author_name"] for r in selected.values()} == {"Žydrūnė Šeškuvienė"}
    assert all("2024-03-02" <= r["created_at"][:10] <= "2024-03-05" for r in selected.values())


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"groups": ["NĖRA"]}, "There is no group with the code NĖRA."),
    ({"rounds": ["III etapas"]}, "There is no review round called “III etapas”."),
    ({"section": "9.9"}, "There is no section with the code 9.9 in this plan."),
    ({"authors": ["Niekas"]}, "There is no person called “Niekas” in this plan."),
    ({"date_from": "kovo 1"}, "“kovo 1” is not a date; write it as 2024-03-15."),
    ({"date_from": "2024-05-01", "date_to": "2024-04-01"}, "The date range ends before it starts."),
])
def test_unknown_filters_are_refused_in_one_sentence(plan: DocPlan, kwargs: dict[str, object],
                                                     message: str) -> None:
    with pytest.raises(KPlanError) as caught:
        resolve_criteria(plan.ws, **kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_empty_selection_still_makes_a_document(plan: DocPlan, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"empty.{fmt}"
    criteria = ReportCriteria(statuses=("withdrawn",))
    assert export_report(plan.ws, out, fmt, ReportOptions(criteria)) == 0
    if fmt == "pdf":
        assert "Pagal pasirinktą atranką pastabų nėra." in " ".join(pdf_pages(out))
    else:
        texts = [p.text for p in docx.Document(str(out)).paragraphs]
        assert "Pagal pasirinktą atranką pastabų nėra." in texts


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_cancelled_export_leaves_the_old_file_and_no_temporary(plan: DocPlan, tmp_path: Path,
                                                              fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    out.write_bytes(b"the previous report")
    calls = 0

    def cancel_midway(done: int, total: int) -> bool:
        nonlocal calls
        calls += 1
        return calls < 3

    with pytest.raises(Cancelled, match="cancelled"):
        export_report(plan.ws, out, fmt, progress=cancel_midway)
    assert out.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir() if "report" in p.name) == [out.name]
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_failed_export_leaves_no_half_file(plan: DocPlan, tmp_path: Path, fmt: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / f"report.{fmt}"
    module = "report_pdf" if fmt == "pdf" else "report_docx"

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    import importlib

    monkeypatch.setattr(importlib.import_module(f"kplan_desktop.documents.{module}"),
                        f"write_{fmt}", broken)
    with pytest.raises(KPlanError, match="The disk is full"):
        export_report(plan.ws, out, fmt)
    assert list(tmp_path.glob("*report*")) == []
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_progress_runs_to_the_end(plan: DocPlan, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_report(plan.ws, tmp_path / "r.pdf", "pdf",
                  progress=lambda d, t: seen.append((d, t)) or True)
    assert seen[-1] == (len(plan.remarks), len(plan.remarks))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_report_of_a_missing_folder_says_so(plan: DocPlan, tmp_path: Path) -> None:
    with pytest.raises(KPlanError, match=re.escape("does not exist")):
        export_report(plan.ws, tmp_path / "nėra" / "r.pdf", "pdf")


def test_the_demo_plan_report_in_both_formats(tmp_path: Path) -> None:
    from kplan_desktop.demo.generate import build_demo
    from kplan_desktop.store.workspace import Workspace

    path = tmp_path / "demo.kplan"
    build_demo(path, seed=5, remarks=150)
    with Workspace.open(path, readonly=True) as ws:
        assert export_report(ws, tmp_path / "d.pdf", "pdf") == 150
        assert export_report(ws, tmp_path / "d.docx", "docx") == 150
        rows = queries.remark_rows(ws, queries.remark_ids(ws))
        report = build_report(ws)
    matrix = docx_matrix(tmp_path / "d.docx")
    numbered = [r for r in matrix[1:] if "\n" not in r[0]]
    assert [r[0] for r in numbered] == [row.identifier for block in report.blocks
                                        for row in block.rows]
    docx_text = words("\n".join(r[3] for r in numbered))
    pdf_words = " ".join(pdf_pages(tmp_path / "d.pdf")).split()
    for row in rows.values():
        assert words(row["text"]) in docx_text
        assert in_order(row["text"], pdf_words)
