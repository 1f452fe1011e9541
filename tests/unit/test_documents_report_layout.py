"""The remarks report read back as a consultant sees it: rows that never split, the plan in
Word's navigation pane, today's date in the properties, no section heading alone at the foot
of a PDF page, shares that sum to 100, group names as written, round and date columns."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from kplan_desktop.core.model import SectionKind
from kplan_desktop.documents.labels import Labels
from kplan_desktop.documents.report import (
    COLUMNS,
    MatrixRow,
    Metadata,
    Report,
    SectionBlock,
    build_report,
    export_report,
    largest_remainder_percentages,
)
from kplan_desktop.documents.report_pdf import FRAME_HEIGHT, FRAME_WIDTH, _paginate
from kplan_desktop.store import actions
from tests.documents_plan import DocPlan, build_doc_plan, long_text


@pytest.fixture
def plan(tmp_path: Path) -> DocPlan:
    plan = build_doc_plan(tmp_path / "plan.kplan", remarks_per_section=3, very_long=True)
    # The vision: a part of the plan above the priorities, without a number.
    vision = actions.add_section(plan.ws, parent_id=None, kind=SectionKind("vision"), code="",
                                 title="Vizija – Kaunas 2030", body="Kaunas – atviras miestas.",
                                 position=-1)
    plan.sections["vision"] = vision
    plan.remarks.append(actions.add_remark(
        plan.ws, section_id=vision, remark_type="general", text="Vizija per ilga.",
        actor=plan.ws.actor(plan.people["Jonas Petraitis"]),
        created_at="2024-03-20T10:00:00+00:00"))
    return plan


def style_name(paragraph: Any) -> str:
    return str(paragraph.style.name) if paragraph.style is not None else ""


def body_tables(document: object) -> list[object]:
    return list(document.tables)  # type: ignore[attr-defined]


def matrix_tables(document: object) -> list[object]:
    return [t for t in body_tables(document) if len(t.columns) == len(COLUMNS)]  # type: ignore[attr-defined]


def test_docx_rows_never_split_and_the_header_repeats(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    export_report(plan.ws, out, "docx")
    document = docx.Document(str(out))
    tables = matrix_tables(document)
    assert tables
    rows = 0
    for table in tables:
        for i, row in enumerate(table.rows):  # type: ignore[attr-defined]
            tr_pr = row._tr.find(qn("w:trPr"))
            assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
            is_header = tr_pr.find(qn("w:tblHeader")) is not None
            assert is_header == (i == 0)
            rows += 1
    # The remark of 120 sentences goes on in rows marked "(tęs.)", the section again in each.
    continued = [row.cells for table in tables for row in table.rows  # type: ignore[attr-defined]
                 if row.cells[0].text.endswith("\n(tęs.)")]
    assert len(continued) >= 3
    assert {cells[1].text for cells in continued} >= {"2.1"}
    text = "\n".join(cell.text for table in tables for row in table.rows  # type: ignore[attr-defined]
                     for cell in row.cells)
    for i in range(120):
        assert f"Sakinys ILGA-{i}:" in text


def test_docx_sections_are_headings_in_plan_order(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    export_report(plan.ws, out, "docx")
    document = docx.Document(str(out))
    headings = [(style_name(p), p.text) for p in document.paragraphs
                if style_name(p).startswith("Heading")]
    report = build_report(plan.ws)
    assert headings == [(f"Heading {b.depth + 1}", b.heading) for b in report.blocks]
    assert headings[:3] == [("Heading 1", "Vizija – Kaunas 2030"),
                            ("Heading 1", "1. Sumani ir atvira visuomenė"),
                            ("Heading 2", "1.1. Užtikrinti kokybišką ir prieinamą švietimą")]
    # Each heading stands right before its section's table (Word's navigation pane leaves
    # headings inside tables out).
    body = list(document.element.body.iterchildren())
    for p in document.paragraphs:
        if style_name(p).startswith("Heading"):
            following = body[body.index(p._p) + 1]
            assert following.tag == qn("w:tbl")


def test_docx_properties_carry_today(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    export_report(plan.ws, out, "docx")
    after = dt.datetime.now(dt.UTC)
    props = docx.Document(str(out)).core_properties
    for when in (props.created, props.modified):
        assert when is not None
        assert before <= when.replace(tzinfo=dt.UTC) <= after
    assert props.revision == 1
    assert props.title == ("Pastabų ir pasiūlymų suvestinė – Kauno miesto strateginis plėtros"
                           " planas iki 2030 m.")
    assert props.author == "Rūta Žemaitienė"
    # The plan it comes from, for the consultants' answers coming back.
    assert props.identifier == f"kplan:{plan.ws.identity.plan_id}"


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_round_date_group_names_and_the_vision_in_both(plan: DocPlan, tmp_path: Path,
                                                        fmt: str) -> None:
    report = build_report(plan.ws)
    rows = [row for block in report.blocks for row in block.rows]
    vision = [row for row in rows if row.remark == "Vizija per ilga."]
    assert len(vision) == 1 and vision[0].section == "Vizija – Kaunas 2030"
    assert {row.round for row in rows} == {"I etapas"}
    assert vision[0].date == "2024-03-20"
    out = tmp_path / f"r.{fmt}"
    export_report(plan.ws, out, fmt)
    if fmt == "docx":
        document = docx.Document(str(out))
        header = [c.text for c in matrix_tables(document)[0].rows[0].cells]  # type: ignore[attr-defined]
        assert header[COLUMNS.index("col_round")] == "Svarstymo etapas"
        assert header[COLUMNS.index("col_date")] == "Pateikimo data"
        cells = [[c.text for c in row.cells] for table in matrix_tables(document)
                 for row in table.rows[1:]]  # type: ignore[attr-defined]
        by_id = {r[0]: r for r in cells}
        vision_cells = by_id[vision[0].identifier]
        assert vision_cells[1] == "Vizija – Kaunas 2030"
        assert vision_cells[COLUMNS.index("col_round")] == "I etapas"
        assert vision_cells[COLUMNS.index("col_date")] == "2024-03-20"
        assert vision_cells[COLUMNS.index("col_author")] == (
            "Jonas Petraitis\nŠvietimo darbo grupė")
        text = "\n".join(c.text for t in body_tables(document)[:4]
                         for r in t.rows for c in r.cells)  # type: ignore[attr-defined]
    else:
        text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
        assert "Svarstymo etapas Pateikimo data" in text
        assert "Vizija – Kaunas 2030" in text and "2024-03-20" in text
        packed = text.replace(" ", "")  # an identifier may wrap in its narrow column
        for row in rows:
            assert row.identifier in packed
    # Groups by their names, never their codes alone.
    assert "Švietimo darbo grupė" in text and "Judumo darbo grupė" in text
    assert "ŠVI " not in text and "JUD " not in text


def pdf_page_lines(path: Path) -> list[list[str]]:
    return [[line.strip() for line in page.extract_text().splitlines() if line.strip()]
            for page in PdfReader(path).pages]


def test_pdf_summaries_fill_the_first_pages_and_shares_sum_to_100(plan: DocPlan,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    export_report(plan.ws, out, "pdf")
    pages = pdf_page_lines(out)
    first = " ".join(pages[0])
    for caption in ("Atsakytos ir neatsakytos pastabos", "Pastabos pagal tipą",
                    "Pastabos pagal darbo grupes ir būsenas",
                    "Pastabos pagal plano dalis (su poskyriais)"):
        assert caption in first
    # The matrix follows the summaries, its heading with its first rows.
    starts = [i for i, page in enumerate(pages)
              if "Pastabos ir pasiūlymai plano eilės tvarka" in page]
    assert starts in ([0], [1])
    assert "Eil. Nr." in pages[starts[0]]
    shares = [int(m.group(2)) for m in re.finditer(
        r"(?:^| )(bendroji|esminė|redakcinė) \d+ (\d+) ?%", first)]
    assert len(shares) == 3 and sum(shares) == 100
    answered = [int(m.group(2)) for m in re.finditer(
        r"(?:^| )(atsakyta|neatsakyta|atsiimta) \d+ (\d+) ?%", first)]
    assert len(answered) == 3 and sum(answered) == 100
    report = build_report(plan.ws)
    by_answer = report.summaries[0]
    assert by_answer.rows[0][:2] == ["atsakyta", str(sum(
        1 for b in report.blocks for r in b.rows if r.status_key in (
            "accepted", "partly_accepted", "rejected", "noted")))]


def test_pdf_outline_lists_the_sections_in_plan_order(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    export_report(plan.ws, out, "pdf")
    reader = PdfReader(out)

    def titles(items: list[Any], depth: int = 0) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for item in items:
            if isinstance(item, list):
                found += titles(item, depth + 1)
            else:
                found.append((depth, str(item.title)))
        return found

    report = build_report(plan.ws)
    assert titles(reader.outline) == [(b.depth, b.heading) for b in report.blocks]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_no_pdf_page_ends_with_a_section_heading_in_the_demo(tmp_path: Path) -> None:
    from kplan_desktop.demo.generate import build_demo
    from kplan_desktop.store.workspace import Workspace

    path = tmp_path / "demo.kplan"
    build_demo(path, seed=11, remarks=400)
    out = tmp_path / "d.pdf"
    with Workspace.open(path, readonly=True) as ws:
        export_report(ws, out, "pdf")
        report = build_report(ws)
    headings = {b.heading for b in report.blocks}
    pages = pdf_page_lines(out)
    # The summaries flow on from page to page (none moved whole to a page of its own), and
    # the matrix heading stands with the matrix's first rows.
    start = next(i for i, p in enumerate(pages) if "Pastabos ir pasiūlymai plano eilės tvarka" in p)
    assert "Pastabos pagal darbo grupes ir būsenas" in pages[0]
    assert start <= 2 and "Eil. Nr." in pages[start]
    matrix_pages = [p for p in pages if "Eil. Nr." in p]
    assert len(matrix_pages) > 20
    for lines in matrix_pages[:-1]:
        content = [line for line in lines if " psl. iš " not in line]
        assert content[-1] not in headings, content[-3:]
    # A section going on over a page stands again at the top, marked continued.
    assert any(line.endswith("(tęs.)") and line[: -len(" (tęs.)")] in headings
               for lines in matrix_pages for line in lines)


# --- pure parts ------------------------------------------------------------------------------


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12))
def test_largest_remainder_percentages_sum_to_100(counts: list[int]) -> None:
    shares = largest_remainder_percentages(counts)
    total = sum(counts)
    assert len(shares) == len(counts)
    if total == 0:
        assert shares == [0] * len(counts)
        return
    assert sum(shares) == 100
    for n, share in zip(counts, shares, strict=True):
        exact = 100 * n / total
        assert abs(share - exact) < 1
        if n == 0:
            assert share == 0


def test_largest_remainder_fixes_the_reported_101() -> None:
    # 16.67 + 16.67 + 66.67 rounded one by one is 17 + 17 + 67 = 101.
    assert sum(int(f"{100 * n / 6:.0f}") for n in (1, 1, 4)) == 101
    assert largest_remainder_percentages([1, 1, 4]) == [17, 17, 66]
    assert largest_remainder_percentages([1, 1, 1]) == [34, 33, 33]
    assert largest_remainder_percentages([0, 0, 0]) == [0, 0, 0]


def _row(number: int, lines: int) -> MatrixRow:
    return MatrixRow(number=number, identifier=f"KUL-{number:03d}", section="1.1", quote="",
                     text_changed=False, remark=long_text(lines, f"R{number}"),
                     justification="", proposed="", author="Jonas", group="Kultūros grupė",
                     round="I etapas", date="2024-03-01", type="bendroji", status="nauja",
                     response="")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=6),
                min_size=1, max_size=25))
def test_pdf_packing_never_leaves_a_heading_alone(sizes: list[list[int]]) -> None:
    labels = Labels("lt")
    number = 0
    blocks = []
    for b, rows in enumerate(sizes):
        block = SectionBlock(str(b + 1), f"Skyrius {b + 1}")
        for lines in rows:
            number += 1
            block.rows.append(_row(number, lines))
        blocks.append(block)
    report = Report(labels=labels, metadata=Metadata("t", "a", "s", "lt-LT", "k"), title="t",
                    title_block=[], summaries=[], blocks=blocks, count=number)
    widths = [FRAME_WIDTH / len(COLUMNS)] * len(COLUMNS)
    pages = _paginate(report, widths, FRAME_HEIGHT * 0.4, FRAME_HEIGHT)
    placed: list[int] = []
    for page in pages:
        assert page[0].kind == "header"
        assert sum(row.height for row in page) <= FRAME_HEIGHT * (1 if page is not pages[0]
                                                                  else 0.4) + 1e-6
        assert page[-1].kind == "remark" or len(page) == 1
        placed.extend(row.number for row in page if row.kind == "remark")
    # Every remark, in order; a split one on consecutive pages.
    assert sorted(set(placed)) == list(range(1, number + 1))
    assert placed == sorted(placed)
