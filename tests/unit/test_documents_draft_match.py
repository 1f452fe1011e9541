"""A new draft updates the plan by content: remarks never land on the wrong section."""

from __future__ import annotations

from pathlib import Path

import pytest

from kplan_desktop.core.errors import KPlanError
from kplan_desktop.documents.draft_import import (
    apply_change_set,
    apply_plan,
    import_draft,
    remarks_on_removed,
)
from kplan_desktop.documents.draft_match import preview_draft
from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace
from tests.draft_docs import heading, word_numbered_draft
from tests.helpers import make_plan

V1 = [
    (1, "Sumani visuomenė", "Kaunas – miestas, kuriame gera gyventi, mokytis ir dirbti."),
    (2, "Švietimas", "Ugdymo įstaigų tinklas pritaikomas gyventojų poreikiams."),
    (2, "Kultūra", "Bibliotekos, muziejai ir teatrai atviri visiems miesto gyventojams."),
    (2, "Sportas", "Sporto bazės atnaujinamos, kiemų aikštelės prieinamos vaikams."),
    (1, "Darni aplinka", "Ąžuolynas, Nemuno ir Neries krantinės – miesto žalioji ašis."),
    (2, "Judumas", "Viešasis transportas, dviračių takai ir pėsčiųjų zonos."),
]


def _save(rows: list[tuple[int, str, str]], path: Path) -> Path:
    """A draft numbered by Word's automatic numbering, no number typed."""
    document = word_numbered_draft()
    for level, title, body in rows:
        heading(document, title, level)
        document.add_paragraph(body)
    document.save(str(path))
    return path


def _v2() -> list[tuple[int, str, str]]:
    """A new 1.2 inserted (the old 1.2 and 1.3 renumbered), the priority 2 renamed, the
    text of 1.1 changed, 2.1 removed."""
    rows = list(V1)
    rows[1] = (2, "Švietimas", "Ugdymo įstaigų tinklas ir mokyklų pastatai atnaujinami.")
    rows.insert(2, (2, "Jaunimas", "Jaunimo centrai kiekvienoje seniūnijoje."))
    rows[5] = (1, "Darni ir patogi aplinka", rows[5][2])
    del rows[6]
    return rows


def _codes(ws: Workspace) -> dict[str, tuple[str, str]]:
    """section id -> (code, title) of the live sections."""
    return {sid: (queries.section(ws, sid)["code"], queries.section(ws, sid)["title"])
            for sid in queries.plan_order(ws)}


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = make_plan(tmp_path / "plan.kplan")
    import_draft(workspace, _save(V1, tmp_path / "v1.docx"))
    return workspace


def _by_code(ws: Workspace, code: str) -> str:
    row = queries.section_by_code(ws, code)
    assert row is not None, code
    return str(row["id"])


def test_an_inserted_section_renumbers_the_next_ones_and_they_keep_their_remarks(
        ws: Workspace, tmp_path: Path) -> None:
    culture, sport, mobility = (_by_code(ws, c) for c in ("1.2", "1.3", "2.1"))
    group = actions.add_group(ws, code="KUL", name="Kultūros darbo grupė")
    expert = ws.actor(actions.add_person(ws, full_name="Jonas Petraitis", group_id=group))
    on_culture = actions.add_remark(ws, section_id=culture, remark_type="general",
                                    text="Trūksta bibliotekų.", quote="Bibliotekos",
                                    actor=expert)
    on_mobility = actions.add_remark(ws, section_id=mobility, remark_type="technical",
                                     text="Dviračių takai.", actor=expert)
    v2 = _save(_v2(), tmp_path / "v2.docx")

    before = queries.info(ws)
    preview = import_draft(ws, v2, dry_run=True)
    assert queries.info(ws) == before  # a preview changes nothing
    report = import_draft(ws, v2)
    assert report.lines("v2.docx")[1:] == preview.lines("v2.docx")[1:]
    assert report.added == ["1.2. Jaunimas"]
    assert report.renumbered == ["1.2. Kultūra → 1.3. Kultūra", "1.3. Sportas → 1.4. Sportas"]
    assert report.renamed == ["2. Darni aplinka → 2. Darni ir patogi aplinka"]
    assert report.changed == ["1.1. Švietimas"]
    assert report.removed == ["2.1. Judumas"]
    lines = report.lines("v2.docx")
    assert lines[0] == ("Imported v2.docx: 1 added, 1 changed, 1 renamed, 2 renumbered,"
                        " 0 moved, 1 removed, 1 unchanged.")
    assert "  renumbered: 1.2. Kultūra → 1.3. Kultūra" in lines
    assert "  removed: 2.1. Judumas (kept out of new drafts; remarks on it: 1)" in lines
    # The remark stays on the culture section, now 1.3; the old 1.2 is not re-made.
    assert queries.remark(ws, on_culture)["section_id"] == culture
    assert queries.section(ws, culture)["code"] == "1.3"
    assert queries.section(ws, sport)["code"] == "1.4"
    assert queries.section(ws, _by_code(ws, "1.2"))["title"] == "Jaunimas"
    # The removed section is kept, marked, out of the plan tree; its remark says so.
    assert queries.section(ws, mobility)["deleted"] == 1
    assert mobility not in queries.plan_order(ws)
    assert remarks_on_removed(ws) == {on_mobility}
    assert remarks_on_removed(ws, [on_culture]) == set()


def test_undo_takes_the_whole_import_back_and_redo_repeats_it(ws: Workspace,
                                                              tmp_path: Path) -> None:
    original = _codes(ws)
    report = import_draft(ws, _save(_v2(), tmp_path / "v2.docx"))
    imported = _codes(ws)
    events = queries.info(ws)["events"]
    redo = apply_change_set(ws, report.undo)
    assert _codes(ws) == original
    assert queries.info(ws)["events"] > events  # undo is new events: the log only grows
    apply_change_set(ws, redo)
    assert _codes(ws) == imported


def test_a_preview_applies_only_to_the_plan_it_saw(ws: Workspace, tmp_path: Path) -> None:
    plan = preview_draft(ws, _save(_v2(), tmp_path / "v2.docx"))
    actions.revise_section(ws, _by_code(ws, "2"), title="Kita", body="Kitas tekstas.")
    before = queries.info(ws)
    with pytest.raises(KPlanError, match="changed since this draft was previewed"):
        apply_plan(ws, plan)
    assert queries.info(ws) == before


def test_a_moved_section_is_reported_with_its_new_parent(ws: Workspace,
                                                         tmp_path: Path) -> None:
    rows = list(V1)
    # Sport moves under the second priority (its number follows: 2.2).
    sport = rows.pop(3)
    rows.append(sport)
    report = import_draft(ws, _save(rows, tmp_path / "moved.docx"))
    assert report.moved == ["2.2. Sportas"]
    assert report.renumbered == ["1.3. Sportas → 2.2. Sportas"]
    assert "  moved: 2.2. Sportas (now under 2. Darni aplinka)" in report.lines("m.docx")


def test_a_wrong_file_is_only_a_preview(ws: Workspace, tmp_path: Path) -> None:
    unrelated = [(1 + i % 3, f"Skyrius apie visai kitą dalyką {i}", f"Tekstas {i} apie nieką.")
                 for i in range(300)]
    before = queries.info(ws)
    report = import_draft(ws, _save(unrelated, tmp_path / "kitas.docx"), dry_run=True)
    assert len(report.added) == 300 and len(report.removed) == len(V1)
    assert queries.info(ws) == before


def test_a_heading_without_text_renamed_keeps_its_identity(tmp_path: Path) -> None:
    """A priority that is only a heading over its goals: its children say which it is."""
    rows = [(1, "Sumani visuomenė", ""), (2, "Švietimas", V1[1][2]), (2, "Kultūra", V1[2][2]),
            (1, "Darni aplinka", ""), (2, "Judumas", V1[5][2])]
    with make_plan(tmp_path / "plan.kplan") as ws:
        import_draft(ws, _save(rows, tmp_path / "v1.docx"))
        first = _by_code(ws, "1")
        renamed = list(rows)
        renamed[0] = (1, "Atvira ir sumani bendruomenė", "")
        report = import_draft(ws, _save(renamed, tmp_path / "v2.docx"))
        assert report.renamed == ["1. Sumani visuomenė → 1. Atvira ir sumani bendruomenė"]
        assert (report.added, report.removed) == ([], [])
        assert _by_code(ws, "1") == first


def test_a_removed_section_that_comes_back_is_restored_with_its_remarks(
        ws: Workspace, tmp_path: Path) -> None:
    mobility = _by_code(ws, "2.1")
    remark = actions.add_remark(ws, section_id=mobility, remark_type="general",
                                text="Daugiau dviračių takų.")
    without = list(V1[:-1])
    import_draft(ws, _save(without, tmp_path / "v2.docx"))
    assert queries.section(ws, mobility)["deleted"] == 1
    report = import_draft(ws, _save(V1, tmp_path / "v3.docx"))
    assert report.restored == ["2.1. Judumas"] and report.added == []
    assert report.lines("v3.docx")[0] == (
        "Imported v3.docx: 0 added, 1 restored, 0 changed, 0 renamed, 0 renumbered, 0 moved,"
        " 0 removed, 5 unchanged.")
    assert queries.section(ws, mobility)["deleted"] == 0
    assert queries.remark(ws, remark)["section_id"] == mobility
    assert remarks_on_removed(ws) == set()
    apply_change_set(ws, report.undo)
    assert queries.section(ws, mobility)["deleted"] == 1


def _with_indicators(goals: list[tuple[str, str]], path: Path) -> Path:
    """A priority whose goals each have the same indicator (name, unit, values)."""
    from kplan_desktop.documents.labels import Labels

    document = word_numbered_draft()
    heading(document, "Sumani visuomenė", 1)
    for n, (title, body) in enumerate(goals, start=1):
        heading(document, title, 2)
        document.add_paragraph(body)
        table = document.add_table(rows=2, cols=5)
        for cell, text in zip(table.rows[0].cells, Labels("lt").indicator_headers(),
                              strict=True):
            cell.text = text
        for cell, text in zip(table.rows[1].cells, (f"1.{n}-R1", "Įgyvendintų projektų"
                                                    " skaičius", "vnt.", "0", "10"),
                              strict=True):
            cell.text = text
    document.save(str(path))
    return path


def test_alike_indicators_stay_under_their_own_goal_when_codes_shift(tmp_path: Path) -> None:
    goals = [("Švietimas", V1[1][2]), ("Kultūra", V1[2][2])]
    with make_plan(tmp_path / "plan.kplan") as ws:
        import_draft(ws, _with_indicators(goals, tmp_path / "v1.docx"))
        culture = _by_code(ws, "1.2")
        indicator = _by_code(ws, "1.2-R1")
        assert queries.section(ws, indicator)["parent_id"] == culture
        inserted = [("Jaunimas", "Jaunimo centrai kiekvienoje seniūnijoje."), *goals]
        report = import_draft(ws, _with_indicators(inserted, tmp_path / "v2.docx"))
        assert queries.section(ws, indicator)["parent_id"] == culture
        assert queries.section(ws, indicator)["code"] == "1.3-R1"
        assert queries.section(ws, culture)["code"] == "1.3"
        assert report.moved == []
