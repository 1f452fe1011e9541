"""Remarks on a section removed from the draft say so; text tables show as tables."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor, QTextDocument, QTextTable
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kplan_desktop.core.model import SectionKind
from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.models import ID_ROLE
from kplan_desktop.ui.plan_tree import PlanTreeModel
from kplan_desktop.ui.remark_detail import RemarkDetail
from kplan_desktop.ui.remark_table import RemarkColumn, RemarkTableModel
from kplan_desktop.ui.section_view import SectionView, render_body, table_cells
from tests.helpers import make_plan
from tests.ui.conftest import SmallPlan

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
REMOVED_NOTE = "This section was removed from the latest draft; the remark is kept."

TABLE_BODY = (
    "Gyventojų skaičius mažėja lėčiau nei prognozuota.\n\n"
    "| Metai | Gyventojai | Pokytis |\n"
    "| 2021 | 295 269 | −0,4 % |\n"
    "| 2023 | 298 753 | +1,2 % |\n\n"
    "• Duomenys iš Statistikos departamento.\n\n"
    "[1] Metų pradžios duomenys."
)


@pytest.fixture
def removed_plan(small_plan: SmallPlan) -> Iterator[tuple[Workspace, SmallPlan]]:
    """The small plan with its indicator marked removed (as a draft import does) and a
    remark on it, next to the goal's remarks on a live section."""
    ws = Workspace.open(small_plan.path)
    try:
        on_removed = actions.add_remark(ws, section_id=small_plan.indicator_id,
                                        remark_type="general", text="Rodiklis reikalingas.",
                                        quote="kasmet")
        actions.update_section(ws, small_plan.indicator_id, {"deleted": 1})
        small_plan.remark_ids.append(on_removed)
        yield ws, small_plan
    finally:
        ws.close()


# --- a remark on a removed section ------------------------------------------------------------


def test_the_remark_row_says_its_section_was_removed(
        removed_plan: tuple[Workspace, SmallPlan]) -> None:
    ws, plan = removed_plan
    rows = queries.remark_rows(ws, plan.remark_ids)
    assert rows[plan.remark_ids[-1]]["section_removed"] == 1
    assert rows[plan.remark_ids[0]]["section_removed"] == 0


def test_the_remarks_table_marks_a_removed_section_in_text_and_tooltip(
        qtbot: QtBot, removed_plan: tuple[Workspace, SmallPlan]) -> None:
    ws, plan = removed_plan
    model = RemarkTableModel(ws)
    ModelTester(qtbot).check(model)
    model.set_ids(plan.remark_ids)
    removed = model.index(model.row_of(plan.remark_ids[-1]), RemarkColumn.SECTION)
    live = model.index(model.row_of(plan.remark_ids[0]), RemarkColumn.SECTION)
    assert removed.data(DISPLAY) == "1.1.1 ⊘"
    assert REMOVED_NOTE in removed.data(TOOLTIP)
    assert removed.data(TOOLTIP).startswith("Pasodintų medžių skaičius")
    assert live.data(DISPLAY) == "1.1"
    assert live.data(TOOLTIP) == "Daugiau medžių"


def test_the_remark_detail_says_the_section_was_removed(
        qtbot: QtBot, removed_plan: tuple[Workspace, SmallPlan]) -> None:
    ws, plan = removed_plan
    detail = RemarkDetail()
    qtbot.addWidget(detail)
    detail.show_remark(queries.remark(ws, plan.remark_ids[-1]), may_edit=False,
                       may_answer=True)
    assert REMOVED_NOTE in detail.view.toPlainText()
    assert "Rodiklis reikalingas." in detail.view.toPlainText()
    detail.show_remark(queries.remark(ws, plan.remark_ids[0]), may_edit=False,
                       may_answer=True)
    assert REMOVED_NOTE not in detail.view.toPlainText()


def test_the_plan_tree_keeps_a_removed_section_struck_through_with_its_remarks(
        qtbot: QtBot, removed_plan: tuple[Workspace, SmallPlan]) -> None:
    ws, plan = removed_plan
    model = PlanTreeModel(ws)
    ModelTester(qtbot).check(model)
    indicator = model.index_of(plan.indicator_id)
    assert indicator.isValid() and indicator.data(ID_ROLE) == plan.indicator_id
    assert indicator.data(DISPLAY) == "1.1.1  Pasodintų medžių skaičius (removed)"
    assert "removed from the latest draft" in indicator.data(TOOLTIP)
    # Greyed as well as struck through (asked first: each look is cached on its own).
    assert indicator.data(Qt.ItemDataRole.ForegroundRole) is not None
    font = indicator.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert indicator.siblingAtColumn(PlanTreeModel.REMARKS).data(DISPLAY) == "1"
    goal = model.index_of(plan.goal_id)
    assert goal.data(DISPLAY) == "1.1  Daugiau medžių"
    assert not (goal.data(Qt.ItemDataRole.FontRole) or QFont()).strikeOut()
    # The goal still counts its removed child, so its branch opens.
    assert model.hasChildren(goal)
    # Moving sections still sees only the live ones.
    assert queries.child_section_ids(ws, plan.goal_id) == []
    assert queries.child_section_ids(ws, plan.goal_id, include_removed=True) == [
        plan.indicator_id]


def test_the_section_view_says_a_section_was_removed(
        qtbot: QtBot, removed_plan: tuple[Workspace, SmallPlan]) -> None:
    ws, plan = removed_plan
    view = SectionView()
    qtbot.addWidget(view)
    view.show_section(ws, plan.indicator_id)
    assert "removed from the latest draft" in view.facts.text()
    view.show_section(ws, plan.goal_id)
    assert "removed" not in view.facts.text()


# --- tables in the section view -----------------------------------------------------------------


@pytest.fixture
def table_section(tmp_path: Path) -> Iterator[tuple[Workspace, str, dict[str, str]]]:
    ws = make_plan(tmp_path / "tables.kplan")
    try:
        sid = actions.add_section(ws, parent_id=None, kind=SectionKind.GOAL, code="2",
                                  title="Gyventojai", body=TABLE_BODY)
        quotes = {q: actions.add_remark(ws, section_id=sid, remark_type="technical",
                                        text=f"Apie {q}.", quote=q)
                  for q in ("298 753", "lėčiau nei", "Metų pradžios")}
        yield ws, sid, quotes
    finally:
        ws.close()


def _tables(view: SectionView) -> list[QTextTable]:
    found: list[QTextTable] = []
    block = view.text.document().begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and table not in found:
            found.append(table)
        block = block.next()
    return found


def _cell_text(table: QTextTable, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_a_text_table_shows_as_a_table_with_a_header_row(
        qtbot: QtBot, table_section: tuple[Workspace, str, dict[str, str]]) -> None:
    ws, sid, _quotes = table_section
    view = SectionView()
    qtbot.addWidget(view)
    view.show_section(ws, sid)
    tables = _tables(view)
    assert len(tables) == 1
    table = tables[0]
    assert (table.rows(), table.columns()) == (3, 3)
    assert [[_cell_text(table, r, c) for c in range(3)] for r in range(3)] == [
        ["Metai", "Gyventojai", "Pokytis"],
        ["2021", "295 269", "−0,4 %"],
        ["2023", "298 753", "+1,2 %"],
    ]
    assert table.format().headerRowCount() == 1
    assert table.cellAt(0, 0).firstCursorPosition().charFormat().fontWeight() == QFont.Weight.Bold
    # Lists and footnotes stay text; no bar of the table is shown.
    shown = view.text.toPlainText()
    assert "• Duomenys iš Statistikos departamento." in shown
    assert "[1] Metų pradžios duomenys." in shown
    assert "|" not in shown


def test_highlights_land_on_the_quoted_words_in_and_around_a_table(
        qtbot: QtBot, table_section: tuple[Workspace, str, dict[str, str]]) -> None:
    ws, sid, quotes = table_section
    view = SectionView()
    qtbot.addWidget(view)
    view.show_section(ws, sid)
    painted = sorted(sel.cursor.selectedText() for sel in view.text.extraSelections())
    assert painted == sorted(quotes)
    # The tooltip of the cell's words names the remark on them.
    in_cell = next(sel for sel in view.text.extraSelections()
                   if sel.cursor.selectedText() == "298 753")
    assert "Apie 298 753." in (view.passage_tooltip(in_cell.cursor.selectionStart() + 1) or "")


def test_a_selection_in_a_cell_quotes_the_body_at_the_right_offset(
        qtbot: QtBot, table_section: tuple[Workspace, str, dict[str, str]]) -> None:
    ws, sid, _quotes = table_section
    view = SectionView()
    qtbot.addWidget(view)
    view.show_section(ws, sid)
    for words in ("295 269", "Pokytis", "Statistikos departamento", "pradžios"):
        start = TABLE_BODY.index(words)
        view.select_passage(start, start + len(words))
        assert view.text.textCursor().selectedText() == words
        assert view.selected_passage() == (words, start)


def test_a_quote_across_cells_lights_each_cells_words_not_the_bars() -> None:
    body = "| a | bė |\n| c | d |"
    text_map = render_body(QTextDocument(), body)
    start, end = body.index("a"), body.index("bė") + 2
    assert len(text_map.pieces(start, end)) == 2
    # An offset on a bar maps to the next cell's first character, and back to it.
    bar = body.index("| bė") + 1
    assert text_map.from_doc(text_map.to_doc(bar)) == body.index("bė")


def test_table_cells_read_like_the_parser_with_escaped_bars_and_empty_cells() -> None:
    block = "| a \\| b |  | c |"
    cells = table_cells(block, 10)
    assert cells is not None
    assert [["".join(t for _o, t in cell) for cell in row] for row in cells] == [
        ["a | b", "", "c"]]
    # Each piece is the body's own text at its offset (the bar of "\|" at the bar).
    body = " " * 10 + block
    for row in cells:
        for cell in row:
            for offset, text in cell:
                assert body[offset:offset + len(text)] == text
    assert table_cells("• not a table", 0) is None


def test_a_body_without_tables_is_shown_exactly_as_before() -> None:
    document = QTextDocument()
    body = "Pirma pastraipa.\n\n• sąrašas\n1. punktas\n\n[1] išnaša"
    text_map = render_body(document, body)
    assert document.toPlainText() == body
    assert text_map.runs == [(0, len(body), 0)]
