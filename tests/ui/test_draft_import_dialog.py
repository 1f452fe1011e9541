"""The draft import in the window: a preview first, then one step that undo takes back."""

from __future__ import annotations

from pathlib import Path

import docx
from pytestqt.qtbot import QtBot

from kplan_desktop.ui.draft_import_dialog import DraftImportDialog
from kplan_desktop.ui.main_window import MainWindow
from tests.ui.conftest import GOAL_BODY, SmallPlan


def _draft(path: Path) -> Path:
    """The small plan as the consultants send it back: the vision and the indicator gone,
    a new goal 1.2, a picture the import cannot keep."""
    document = docx.Document()
    document.add_heading("1. Žalias miestas", level=1)
    document.add_paragraph("Aplinkos sritis.")
    document.add_heading("1.1. Daugiau medžių", level=2)
    document.add_paragraph(GOAL_BODY)
    document.add_heading("1.2. Švarus oras", level=2)
    document.add_paragraph("Oro kokybės stebėsena visose seniūnijose.")
    run = document.add_paragraph().add_run()
    run._r.append(run._r.makeelement(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing", {}))
    document.save(str(path))
    return path


def _row(window: MainWindow, sql: str, *args: object) -> tuple[object, ...]:
    assert window.ws is not None
    return tuple(window.ws.conn.execute(sql, args).fetchone())


def test_preview_then_import_then_undo_and_redo(qtbot: QtBot, window: MainWindow,
                                                small_plan: SmallPlan, tmp_path: Path) -> None:
    path = _draft(tmp_path / "projektas-v2.docx")
    window.import_draft_from(path)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "draft_import_dialog", None),
                                       DraftImportDialog), timeout=10_000)
    dialog: DraftImportDialog = window.draft_import_dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(dialog.isVisible)
    model = dialog.model
    shown = {model.index(r, 0).data(): [model.index(c, 0, model.index(r, 0)).data()
                                        for c in range(model.rowCount(model.index(r, 0)))]
             for r in range(model.rowCount())}
    assert shown["Added (1)"] == ["1.2. Švarus oras"]
    assert sorted(shown["Removed (2)"]) == ["1.1.1. Pasodintų medžių skaičius", "V. Vizija"]
    assert shown["Not kept (1)"] == ["image ×1"]
    # The preview wrote nothing.
    assert _row(window, "SELECT COUNT(*) FROM section WHERE code = '1.2'") == (0,)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=10_000)
    assert _row(window, "SELECT deleted FROM section WHERE code = '1.2'") == (0,)
    assert _row(window, "SELECT deleted FROM section WHERE id = ?", small_plan.indicator_id) \
        == (1,)
    # The remarks on the goal stayed on it: the goal was matched, not re-made.
    assert _row(window, "SELECT COUNT(*) FROM remark WHERE section_id = ?",
                small_plan.goal_id) == (len(small_plan.remark_ids),)

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: _row(window, "SELECT deleted FROM section WHERE code = '1.2'")
                    == (1,), timeout=10_000)
    assert _row(window, "SELECT deleted FROM section WHERE id = ?", small_plan.indicator_id) \
        == (0,)
    qtbot.waitUntil(lambda: not window.command_running, timeout=10_000)
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: _row(window, "SELECT deleted FROM section WHERE code = '1.2'")
                    == (0,), timeout=10_000)
    assert _row(window, "SELECT deleted FROM section WHERE id = ?", small_plan.indicator_id) \
        == (1,)


def test_a_draft_that_changes_nothing_cannot_be_imported(qtbot: QtBot, tmp_path: Path) -> None:
    from kplan_desktop.documents.draft_match import DraftPlan

    dialog = DraftImportDialog(DraftPlan("same.docx", [], [], [], ""))
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert "nothing to import" in dialog.summary.text()
    assert dialog.model.rowCount() == 0
