"""The consultants' answers in the window: a preview first (conflicts settled there), then
one step that undo takes back; the identifier in the remark table."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kplan_desktop.documents.report_xlsx import COLUMNS, write_xlsx
from kplan_desktop.store import actions
from kplan_desktop.ui.answers_import_dialog import AnswersImportDialog, AnswersPreviewModel
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.remark_table import RemarkColumn, RemarkTableModel
from tests.ui.conftest import SmallPlan

STATUS_COLUMN = COLUMNS.index("col_status") + 1
ANSWER_COLUMN = COLUMNS.index("col_response") + 1


def _answers(window: MainWindow) -> dict[str, tuple[str, str]]:
    assert window.ws is not None
    return {r[0]: (r[1], r[2]) for r in window.ws.conn.execute(
        "SELECT id, status, response FROM remark")}


def _filled(window: MainWindow, path: Path, remark_ids: list[str]) -> Path:
    assert window.ws is not None
    write_xlsx(window.ws, path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = {sheet.cell(row=r, column=len(COLUMNS) + 1).value: r
            for r in range(2, sheet.max_row + 1)}
    for remark_id, (status, answer) in zip(remark_ids, [("Atsižvelgta", "Papildyta."),
                                                         ("iš dalies", "Iš dalies: be datų.")],
                                           strict=True):
        sheet.cell(row=rows[remark_id], column=STATUS_COLUMN).value = status
        sheet.cell(row=rows[remark_id], column=ANSWER_COLUMN).value = answer
    filled = path.with_name("atsakymai.xlsx")
    book.save(filled)
    return filled


def test_preview_settle_import_undo_redo(qtbot: QtBot, window: MainWindow,
                                         small_plan: SmallPlan, tmp_path: Path) -> None:
    assert window.act_import_answers.isVisible() and window.act_import_answers.isEnabled()
    first, second, third = small_plan.remark_ids
    # The experts' remarks are not numbered on this copy yet: matched by their hidden ids.
    filled = _filled(window, tmp_path / "pastabos.xlsx", [first, second])
    assert window.ws is not None
    actions.answer_remark(window.ws, second, "rejected", "Sekretorės atsakymas.")
    before = _answers(window)

    window.import_answers_from(filled)
    qtbot.waitUntil(lambda: isinstance(window.answers_import_dialog, AnswersImportDialog),
                    timeout=10_000)
    dialog = window.answers_import_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    model = dialog.model
    assert model.rowCount() == 2
    what = [model.index(r, AnswersPreviewModel.WHAT).data() for r in range(2)]
    assert what[0] == "new answer" and what[1].startswith("conflict")
    take = model.index(1, AnswersPreviewModel.TAKE)
    assert take.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert _answers(window) == before  # the preview wrote nothing
    # The secretary takes the file's answer for the conflict, then imports.
    assert model.setData(take, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=10_000)
    after = _answers(window)
    assert after[first] == ("accepted", "Papildyta.")
    assert after[second] == ("partly_accepted", "Iš dalies: be datų.")
    assert after[third] == before[third]

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: _answers(window) == before, timeout=10_000)
    qtbot.waitUntil(lambda: not window.command_running, timeout=10_000)
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: _answers(window) == after, timeout=10_000)


def test_the_remark_table_shows_the_identifier(qtbot: QtBot, window: MainWindow,
                                               small_plan: SmallPlan) -> None:
    assert window.ws is not None
    model = RemarkTableModel(window.ws)
    model.set_ids(small_plan.remark_ids)
    shown = model.index(0, int(RemarkColumn.ID)).data()
    assert shown.startswith("APL-?")  # not numbered yet on this copy: provisional
    assert "secretary" in model.index(0, int(RemarkColumn.ID)).data(
        Qt.ItemDataRole.ToolTipRole)
