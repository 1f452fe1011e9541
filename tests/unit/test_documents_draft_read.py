"""Reading a draft as Word shows it: automatic numbering, lists, tables, notes, front matter."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from kplan_desktop.documents.docx_read import read_draft
from kplan_desktop.documents.draft_export import export_draft
from kplan_desktop.documents.draft_import import import_draft
from kplan_desktop.documents.text_table import table_to_text, text_to_table
from kplan_desktop.store import queries
from tests.documents_plan import build_doc_plan
from tests.draft_docs import (
    OUTLINE,
    add_footnotes,
    add_list,
    add_picture,
    footnote_ref,
    heading,
    num_pr,
    word_numbered_draft,
)
from tests.helpers import make_plan

OUTLINE_HEADINGS = [
    (1, "Sumani visuomenė", "Prioritetas apima švietimą."),
    (2, "Švietimas", "Mokyklų tinklas."),
    (2, "Kultūra", "Bibliotekos ir muziejai."),
    (3, "Bibliotekų modernizavimas", "Dvidešimt bibliotekų."),
    (1, "Darni aplinka", "Žalioji ašis."),
    (2, "Judumas", "Dviračių takai."),
]


def _codes(path: Path) -> list[tuple[int, str, str, str, str]]:
    return [(n.level, n.code, n.title, n.kind.value, n.parent.code if n.parent else "")
            for n in read_draft(path).nodes]


@pytest.mark.parametrize("direct", [False, True], ids=["heading-styles", "paragraph-numPr"])
def test_word_automatic_numbering_gives_the_codes_the_reader_sees(tmp_path: Path,
                                                                   direct: bool) -> None:
    document = word_numbered_draft(direct=direct)
    for level, title, body in OUTLINE_HEADINGS:
        heading(document, title, level, direct=direct)
        document.add_paragraph(body)
    path = tmp_path / "word.docx"
    document.save(str(path))
    assert _codes(path) == [
        (1, "1", "Sumani visuomenė", "priority", ""),
        (2, "1.1", "Švietimas", "goal", "1"),
        (2, "1.2", "Kultūra", "goal", "1"),
        (3, "1.2.1", "Bibliotekų modernizavimas", "objective", "1.2"),
        (1, "2", "Darni aplinka", "priority", ""),
        (2, "2.1", "Judumas", "goal", "2"),
    ]
    # Into a new plan: every section has its code.
    with make_plan(tmp_path / "naujas.kplan") as fresh:
        import_draft(fresh, path)
        codes = [queries.section(fresh, sid)["code"] for sid in queries.plan_order(fresh)]
        assert codes == ["1", "1.1", "1.2", "1.2.1", "2", "2.1"]


def test_start_values_restarts_formats_and_start_overrides(tmp_path: Path) -> None:
    document = docx.Document()
    # Level 1 starts at 3; level 2 never restarts (lvlRestart 0); level 3 is "a)".
    add_list(document, 60, [("upperRoman", "%1.", 3), ("decimal", "%1.%2.", 1),
                            ("lowerLetter", "%3)", 1)], restarts={1: 0})
    # A second w:num of the same list that restarts level 1 at 7 where it is first used.
    add_list(document, 61, [], abstract_id=160, start_overrides={0: 7})
    for text, level, num in (("Pirmas", 1, 60), ("Antras", 2, 60), ("Trečias", 3, 60),
                             ("Ketvirtas", 3, 60), ("Penktas", 1, 60), ("Šeštas", 2, 60),
                             ("Septintas", 1, 61)):
        paragraph = document.add_heading(text, level=level)
        num_pr(paragraph._p, num, level - 1)
    path = tmp_path / "formats.docx"
    document.save(str(path))
    assert [(n.code, n.title) for n in read_draft(path).nodes] == [
        ("III", "Pirmas"), ("III.1", "Antras"), ("a", "Trečias"), ("b", "Ketvirtas"),
        ("IV", "Penktas"), ("IV.2", "Šeštas"), ("VII", "Septintas")]


def test_a_number_typed_as_well_as_shown_is_one_number(tmp_path: Path) -> None:
    document = word_numbered_draft()
    heading(document, "Sumani visuomenė", 1)
    heading(document, "1.1. Švietimas", 2)
    path = tmp_path / "both.docx"
    document.save(str(path))
    assert [(n.code, n.title) for n in read_draft(path).nodes] == [
        ("1", "Sumani visuomenė"), ("1.1", "Švietimas")]


def test_lists_tables_captions_footnotes_and_images(tmp_path: Path) -> None:
    document = docx.Document()
    add_footnotes(document, {1: "Lietuvos statistikos departamentas, 2023."})
    document.add_heading("1. Sumani visuomenė", level=1)
    first = document.add_paragraph("Gyventojų skaičius auga")
    footnote_ref(first, 1)
    first.add_run(" jau trečius metus.")
    for item in ("mokyklos", "darželiai"):
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph("Tarp jų:")
    for item in ("pirmas žingsnis", "antras žingsnis"):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("1 lentelė. Gyventojai", style="Caption")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells,
                          ("Metai", "Gyventojai", "Pastaba", "2023", "298 753", "a | b"),
                          strict=True):
        cell.text = text
    add_picture(document)
    document.add_paragraph("1 pav. Miesto schema", style="Caption")
    path = tmp_path / "turinys.docx"
    document.save(str(path))

    draft = read_draft(path)
    (node,) = draft.nodes
    assert node.paragraphs == [
        "Gyventojų skaičius auga[1] jau trečius metus.",
        "• mokyklos\n• darželiai",
        "Tarp jų:",
        "1. pirmas žingsnis\n2. antras žingsnis",
        "1 lentelė. Gyventojai",
        "| Metai | Gyventojai | Pastaba |\n| 2023 | 298 753 | a \\| b |",
        "1 pav. Miesto schema",
    ]
    assert node.notes == ["[1] Lietuvos statistikos departamentas, 2023."]
    assert node.body.endswith("\n\n[1] Lietuvos statistikos departamentas, 2023.")
    assert [d.text() for d in draft.dropped] == ["image ×1 in 1. Sumani visuomenė"]


def test_a_table_goes_out_as_a_word_table_and_comes_back_the_same(tmp_path: Path) -> None:
    plan = build_doc_plan(tmp_path / "plan.kplan", remarks_per_section=0)
    ws = plan.ws
    rows = [["Metai", "Gyventojai"], ["2023", "298 753"], ["2030", "310 000 | tikslas"]]
    body = "Lentelė žemiau.\n\n" + table_to_text(rows) + "\n\nPo lentelės."
    from kplan_desktop.store import actions

    actions.revise_section(ws, plan.sections["2.1"], title="Plėtoti darnų judumą", body=body)
    out = tmp_path / "projektas.docx"
    export_draft(ws, out)
    tables = docx.Document(str(out)).tables
    assert [[c.text for c in r.cells] for r in tables[-1].rows] == rows
    assert text_to_table(table_to_text(rows)) == rows
    report = import_draft(ws, out)
    assert (report.added, report.changed, report.removed) == ([], [], [])
    assert queries.section(ws, plan.sections["2.1"])["body"] == body


def test_front_matter_is_text_and_the_priorities_stay_under_the_vision(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Kauno strateginis plėtros planas", style="Title")
    for level, text in ((1, "Įvadas"), (1, "Vizija"), (1, "Santrumpos"),
                        (2, "Sąvokos"), (2, "1. Sumani visuomenė"),
                        (3, "1.1. Švietimas"), (2, "2. Darni aplinka")):
        document.add_heading(text, level=level)
        document.add_paragraph(f"{text} – tekstas.")
    path = tmp_path / "priekis.docx"
    document.save(str(path))
    nodes = read_draft(path).nodes
    assert [(n.title, n.kind.value, n.front, n.parent.title if n.parent else "")
            for n in nodes] == [
        ("Įvadas", "text", True, ""),
        ("Vizija", "vision", False, ""),
        ("Santrumpos", "text", True, ""),
        ("Sąvokos", "text", True, "Santrumpos"),
        ("Sumani visuomenė", "priority", False, "Vizija"),
        ("Švietimas", "goal", False, "Sumani visuomenė"),
        ("Darni aplinka", "priority", False, "Vizija"),
    ]


def test_the_outline_levels_fix_the_kinds(tmp_path: Path) -> None:
    document = word_numbered_draft()
    add_list(document, 70, OUTLINE)
    for level, title, _ in OUTLINE_HEADINGS[:4]:
        heading(document, title, level)
    document.add_heading("Papildoma informacija", level=4)
    path = tmp_path / "lygiai.docx"
    document.save(str(path))
    assert [n.kind.value for n in read_draft(path).nodes] == [
        "priority", "goal", "goal", "objective", "measure"]
