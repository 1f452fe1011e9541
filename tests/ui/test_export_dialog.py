"""The export dialog: the count follows the filters; the export runs off the UI thread with
progress, and stopping it leaves no file; it fits the screen at any text size and works from
the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from kplan_desktop.documents.report import COLUMNS
from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.export_dialog import ExportDialog
from kplan_desktop.ui.operations import Operations
from tests.documents_plan import DocPlan, build_doc_plan


@pytest.fixture
def plan(tmp_path: Path) -> DocPlan:
    built = build_doc_plan(tmp_path / "planas.kplan", remarks_per_section=3, very_long=True)
    built.ws.close()
    return built


@pytest.fixture
def dialog(qtbot: QtBot, plan: DocPlan, tmp_path: Path) -> Iterator[ExportDialog]:
    window = QMainWindow()
    qtbot.addWidget(window)
    ws = Workspace.open(plan.ws.path)
    ops = Operations(window)
    dlg = ExportDialog(ws, ops, window, folder=tmp_path)
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg
    ops.cancel_all()
    ops.wait()
    ws.close()


def test_the_count_follows_the_filters(dialog: ExportDialog, plan: DocPlan) -> None:
    total = len(plan.remarks)
    assert dialog.count_label.text() == f"{total} remark(s) selected"
    dialog.statuses.set_checked("new")
    ws = dialog.ws
    new = queries.count_remarks(ws, queries.RemarkFilter(statuses=("new",)))
    assert 0 < new < total
    assert dialog.count_label.text() == f"{new} remark(s) selected"
    dialog.groups.set_checked(plan.groups["JUD"])
    both = queries.count_remarks(ws, queries.RemarkFilter(statuses=("new",),
                                                          group_ids=(plan.groups["JUD"],)))
    assert dialog.count_label.text() == f"{both} remark(s) selected"
    dialog.statuses.set_checked("new", False)
    dialog.groups.set_checked(plan.groups["JUD"], False)
    dialog.section.setCurrentIndex(dialog.section.findData(plan.sections["1.1"]))
    in_subtree = queries.count_remarks(ws, queries.RemarkFilter(section_ids=tuple(
        queries.subtree_ids(ws, plan.sections["1.1"]))))
    assert dialog.count_label.text() == f"{in_subtree} remark(s) selected"
    dialog.date_from.set_value("2030-01-01")
    assert dialog.count_label.text() == "0 remark(s) selected"


def test_export_writes_the_selected_remarks(qtbot: QtBot, dialog: ExportDialog,
                                           plan: DocPlan, tmp_path: Path) -> None:
    dialog.docx.setChecked(True)
    assert dialog.output.text().endswith(".docx")
    dialog.types.set_checked("technical")
    expected = dialog.update_count()
    seen: list[tuple[Path, int]] = []
    dialog.exported.connect(lambda path, count: seen.append((path, count)))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.export_button.isEnabled()  # busy while the worker writes
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    path, count = seen[0]
    assert count == expected and path == tmp_path / "pastabu-suvestine.docx"
    # A table per section, its header row first; a long remark goes on in "(tęs.)" rows.
    tables = [t for t in docx.Document(str(path)).tables if len(t.columns) == len(COLUMNS)]
    assert {r.cells[COLUMNS.index("col_type")].text for t in tables for r in t.rows[1:]
            if not r.cells[0].text.endswith("(tęs.)")} == {"esminė"}
    assert dialog.export_button.isEnabled()
    assert "Saved" in dialog.status.text()


def test_english_pdf_from_the_dialog(qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.output.setText(str(tmp_path / "remarks"))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.start_export()
    text = PdfReader(tmp_path / "remarks.pdf").pages[0].extract_text()
    assert "Consolidated remarks and proposals" in text


def test_stopping_the_export_leaves_no_file(qtbot: QtBot, dialog: ExportDialog,
                                            tmp_path: Path) -> None:
    dialog.start_export()
    assert dialog.running
    dialog.reject()  # the Stop button: asks the worker to stop, the dialog stays
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.status.text() == "Export stopped; no file was written."
    assert [p.name for p in tmp_path.iterdir() if "pastabu" in p.name] == []
    assert dialog.export_button.isEnabled()


def test_a_failed_export_says_why_in_one_sentence(qtbot: QtBot, dialog: ExportDialog,
                                                  tmp_path: Path) -> None:
    dialog.output.setText(str(tmp_path / "nėra" / "r.pdf"))
    dialog.start_export()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.status.text() == f"The folder {tmp_path / 'nėra'} does not exist."


# --- size and keyboard ------------------------------------------------------------------------


@pytest.mark.parametrize("pct", [100, 160])
def test_the_dialog_fits_the_screen_at_any_text_size(
    qtbot: QtBot, qapp: QApplication, plan: DocPlan, tmp_path: Path, pct: int
) -> None:
    base = QFont(qapp.font())
    bigger = QFont(base)
    bigger.setPointSizeF(base.pointSizeF() * pct / 100)
    qapp.setFont(bigger)
    ws = Workspace.open(plan.ws.path)
    try:
        dlg = ExportDialog(ws, Operations(None), None, folder=tmp_path)
        qtbot.addWidget(dlg)
        dlg.show()
        free = dlg.screen().availableGeometry()
        assert dlg.minimumSizeHint().width() <= free.width()
        assert dlg.width() <= free.width() and dlg.height() <= free.height()
        assert dlg.isSizeGripEnabled()
        # Every working group's whole name is on screen: wrapped, never cut off at the side.
        groups = dlg.groups
        for row in range(groups.count()):
            rect = groups.visualRect(groups.model().index(row, 0))
            assert rect.right() <= groups.viewport().width()
            assert rect.height() >= groups.fontMetrics().height()
    finally:
        qapp.setFont(base)
        ws.close()


def test_enter_exports_and_escape_stops(qtbot: QtBot, dialog: ExportDialog,
                                        tmp_path: Path) -> None:
    dialog.activateWindow()
    dialog.output.setFocus()
    qtbot.keyClick(dialog.output, Qt.Key.Key_Return)
    assert dialog.running
    qtbot.keyClick(dialog.output, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.status.text() == "Export stopped; no file was written."
    assert [p.name for p in tmp_path.iterdir() if "pastabu" in p.name] == []
    qtbot.keyClick(dialog.output, Qt.Key.Key_Escape)  # nothing running: Escape closes
    assert not dialog.isVisible()


def test_tab_and_mnemonics_reach_every_filter(qtbot: QtBot, dialog: ExportDialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    dialog.groups.setFocus()
    walked = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [dialog.rounds, dialog.authors, dialog.statuses, dialog.types,
                      dialog.section, dialog.date_from.enabled, dialog.date_to.enabled]
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.statuses.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.docx.isChecked, timeout=2_000)
    assert dialog.output.text().endswith(".docx")
