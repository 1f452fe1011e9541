"""The group records' files from the window: a roster imported from a spreadsheet made by
LibreOffice Calc (previewed, one undo step), the attendance sheet of a year (a table with
totals, saved as XLSX), and a meeting's minutes as DOCX and PDF, each read back.

The two roster files in tests/data were made once by LibreOffice Calc 7.4 from
tests/data/roster-source-utf8.csv (UTF-8, ";" between cells):

    soffice --headless --infilter="CSV:59,34,76" --convert-to xlsx roster-source-utf8.csv
    soffice --headless --infilter="CSV:59,34,76" \\
        --convert-to 'csv:Text - txt - csv (StarCalc):59,34,39' roster-source-utf8.csv

(59 is ";", 34 is '"'; 76 is UTF-8 and 39 is Windows-1257, LibreOffice's
RTL_TEXTENCODING_MS_1257), then renamed roster-calc.xlsx and roster-calc-cp1257.csv.
"""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kplan_desktop.documents.roster import CHANGED, NEW, PROBLEM, UNCHANGED
from kplan_desktop.store import queries, record_actions
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.attendance_view import AttendanceDialog
from kplan_desktop.ui.record_dialogs import MinutesDialog
from kplan_desktop.ui.records import RecordsPage
from kplan_desktop.ui.roster_dialog import COL_OUTCOME, COL_WHAT, RosterImportDialog

from .conftest import SmallPlan
from .test_records_editing import (  # noqa: F401 (the fixtures page and plan)
    _choose,
    _click_toolbar,
    _dialog,
    _ok,
    _right_click_menu,
    _window,
    page_fixture,
    plan_fixture,
)

DATA = Path(__file__).parent.parent / "data"
ROSTER_XLSX = DATA / "roster-calc.xlsx"
ROSTER_CSV = DATA / "roster-calc-cp1257.csv"


def _choose_file(monkeypatch: pytest.MonkeyPatch, method: str, path: Path) -> None:
    """The file dialog answers ``path``, as the user picking it would."""
    monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *_a, **_k: (str(path), "")))


def _roles(plan: SmallPlan) -> dict[str, tuple[str, str]]:
    with Workspace.open(plan.path) as ws:
        return {str(m["full_name"]): (str(m["role"]), str(m["organisation"]))
                for m in queries.members(ws, plan.group_id)}


def test_roster_files_written_by_libreoffice_are_what_they_say() -> None:
    assert ROSTER_CSV.read_bytes().decode("cp1257").startswith("Vardas Pavardė;El. paštas")
    with pytest.raises(UnicodeDecodeError):
        ROSTER_CSV.read_bytes().decode("utf-8")
    with zipfile.ZipFile(ROSTER_XLSX) as book:  # the program that wrote it says so
        assert b"<Application>LibreOffice/" in book.read("docProps/app.xml")


def test_roster_imported_from_the_window_with_a_preview(
        qtbot: QtBot, qtmodeltester: ModelTester, monkeypatch: pytest.MonkeyPatch,
        page: RecordsPage, plan: SmallPlan) -> None:
    window = _window(page)
    before = _roles(plan)
    _choose_file(monkeypatch, "getOpenFileName", ROSTER_XLSX)
    window.act_import_roster.trigger()  # File > Import members…
    dialog = _dialog(page, RosterImportDialog, qtbot)
    qtmodeltester.check(dialog.model)
    assert _roles(plan) == before  # nothing written before the import
    kinds = [dialog.model.outcome_at(r).kind  # type: ignore[union-attr]
             for r in range(dialog.model.rowCount())]
    assert kinds == [CHANGED, NEW, NEW, NEW, PROBLEM, PROBLEM]
    model = dialog.model
    assert model.index(0, COL_OUTCOME).data() == "Changed"
    assert model.index(0, COL_WHAT).data() == (
        "organisation becomes Kauno miesto savivaldybės administracija")
    assert model.index(1, COL_OUTCOME).data() == "New"
    assert model.index(1, COL_WHAT).data() == "a new person, secretary"
    assert model.index(4, COL_WHAT).data() == "unknown role “Vadovė”"
    assert model.index(5, COL_WHAT).data() == "the name is empty"
    assert "3 new, 1 changed, 0 unchanged, 2 with problems" in dialog.summary.text()
    assert "Jonas Petraitis" in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.summary)))
    assert dialog.import_button.text().startswith("Import 4 row")
    # The import runs in a worker (with progress), not on the UI thread.
    threads: list[threading.Thread] = []
    real = record_actions.apply_roster_undoable

    def spy(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(record_actions, "apply_roster_undoable", spy)
    _ok(dialog, qtbot)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1 and not window.command_running)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    roles = _roles(plan)
    assert roles["Žydrūnė Šaulienė"] == ("chair", "Kauno miesto savivaldybės administracija")
    assert roles["Vytautas Čepulis"] == ("secretary", "Kauno technologijos universitetas")
    assert roles["Ąžuolas Bružas"] == ("observer", "VšĮ „Žalias Kaunas“")
    assert roles["Gintarė Žukauskienė"][0] == "expert"
    assert "Rūta Ūselė" not in roles and "Jonas Petraitis" in roles
    assert "Imported roster-calc.xlsx" in window.message_bar.label.text()
    window.undo_stack.undo()  # the whole import is one step
    qtbot.waitUntil(lambda: not window.command_running)
    assert _roles(plan) == before
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: not window.command_running)
    assert _roles(plan) == roles
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 1

    # The same members as Excel on a Lithuanian PC saves them: CSV in Windows-1257, ";".
    _choose_file(monkeypatch, "getOpenFileName", ROSTER_CSV)
    _click_toolbar(page, "memberToolbar", "importRoster", qtbot)
    again = _dialog(page, RosterImportDialog, qtbot)
    kinds = [again.model.outcome_at(r).kind  # type: ignore[union-attr]
             for r in range(again.model.rowCount())]
    assert kinds == [UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, PROBLEM, PROBLEM]
    assert again.model.index(3, 4).data() == "VšĮ „Žalias Kaunas“"  # read as cp1257
    assert not again.import_button.isEnabled()  # nothing to import
    again.reject()


def test_attendance_sheet_in_the_window_and_as_xlsx(
        qtbot: QtBot, qtmodeltester: ModelTester, monkeypatch: pytest.MonkeyPatch,
        page: RecordsPage, plan: SmallPlan, tmp_path: Path) -> None:
    page.tabs.setCurrentIndex(2)
    _click_toolbar(page, "meetingToolbar", "attendanceSheet", qtbot)
    dialog = _dialog(page, AttendanceDialog, qtbot)
    dialog.year.setValue(2024)
    model = dialog.model
    qtmodeltester.check(model)

    def cells(row: int) -> list[str]:
        return [model.index(row, c).data() for c in range(model.columnCount())]

    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Member", "Role", "2024-03-15", "Attended"]
    assert model.rowCount() == 3 and model.columnCount() == 4
    assert cells(0) == ["Jonas Petraitis", "expert", "+", "1"]
    assert cells(1) == ["Žydrūnė Šaulienė", "chair", "+", "1"]
    assert cells(2) == ["Present", "", "2", "2"]
    dialog.year.setValue(2023)
    # No meetings that year: Jonas (a member since always) and the totals; no columns.
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert "No meetings in 2023" in dialog.status.text()
    dialog.year.setValue(2024)

    out = tmp_path / "lankomumas.xlsx"
    _choose_file(monkeypatch, "getSaveFileName", out)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in dialog.status.text(), timeout=20_000)
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[4] == ["Narys", "Vaidmuo", "2024-03-15", "Dalyvavo posėdžių"]
    assert rows[-1] == ["Dalyvavo narių", None, 2, 2]
    assert sheet.freeze_panes == "C6"
    dialog.reject()


def test_minutes_from_the_window_as_docx_and_pdf(
        qtbot: QtBot, page: RecordsPage, plan: SmallPlan, tmp_path: Path) -> None:
    page.tabs.setCurrentIndex(2)
    written = {}
    for fmt, lang in (("docx", "lt"), ("pdf", "en")):
        menu = _right_click_menu(page.meeting_view, 0)
        _choose(menu, "meetingMinutes")
        dialog = _dialog(page, MinutesDialog, qtbot)
        (dialog.docx if fmt == "docx" else dialog.pdf).setChecked(True)
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        target = tmp_path / f"protokolas.{fmt}"
        dialog.output.setText(str(tmp_path / "protokolas"))
        _ok(dialog, qtbot)
        qtbot.waitUntil(target.exists, timeout=30_000)
        qtbot.waitUntil(lambda t=target: t.name in _window(page).message_bar.label.text(),
                        timeout=30_000)
        written[fmt] = target
    text = "\n".join(p.text for p in docx.Document(str(written["docx"])).paragraphs)
    assert "Posėdžio protokolas".casefold() in text.casefold() or "protokolas" in text
    assert "Rotušė" in text and "Žydrūnė Šaulienė" in text and "1. Vizija" in text
    pdf = "\n".join(page_.extract_text() for page_ in PdfReader(written["pdf"]).pages)
    assert "Rotušė" in pdf and "Present" in pdf and "Šaulienė" in pdf
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
