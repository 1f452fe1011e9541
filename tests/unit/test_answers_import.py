"""The consultants' loop: the remarks go out as XLSX (and DOCX), come back filled as a
consultant fills them (openpyxl, python-docx, LibreOffice), and their answers are read,
previewed, settled and written; files of another plan, reshaped or damaged are refused."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from kplan_desktop.core.errors import PermissionDenied
from kplan_desktop.documents.answers_import import (
    AnswersFileError,
    ChangeKind,
    answers_of,
    preview_answers,
    read_status,
)
from kplan_desktop.documents.report import ReportOptions, export_report
from kplan_desktop.documents.report_xlsx import COLUMNS, HIDDEN_SHEET, write_xlsx
from kplan_desktop.store import actions, queries, remark_numbers
from kplan_desktop.store.answer_actions import apply_answers
from kplan_desktop.store.workspace import Workspace
from tests.documents_plan import DocPlan, build_doc_plan

STATUS_COLUMN = COLUMNS.index("col_status") + 1
ANSWER_COLUMN = COLUMNS.index("col_response") + 1
LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def plan(tmp_path: Path) -> DocPlan:
    built = build_doc_plan(tmp_path / "planas.kplan", remarks_per_section=2)
    # The experts' remarks reach the secretary's copy, which stamps them.
    with built.ws.write() as w:
        remark_numbers.number_remarks(w)
    return built


def _answers(ws: Workspace) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in ws.conn.execute(
        "SELECT id, status, response FROM remark")}


def _events(ws: Workspace) -> int:
    return int(ws.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0])


def _identifiers(ws: Workspace) -> dict[str, str]:
    """Remark id by identifier."""
    ids = [r[0] for r in ws.conn.execute("SELECT id FROM remark")]
    return {ident: rid for rid, ident in remark_numbers.identifiers(ws.conn, ids).items()}


def _rows(sheet: Any) -> dict[str, int]:
    """Sheet row by identifier."""
    return {str(sheet.cell(row=r, column=1).value): r for r in range(2, sheet.max_row + 1)}


#: What a consultant types: (status cell, answer cell) -> (status, answer) read.
FILLED = [
    ("Atsižvelgta", "Papildyta 2 skyriuje.", "accepted"),
    ("atsizvelgta", "Pataisyta.", "accepted"),
    ("iš dalies", "Iš dalies: terminas paliktas, šaltiniai papildyti.", "partly_accepted"),
    ("Neatsižvelgta", "Prieštarauja bendrajam planui.", "rejected"),
    ("Partly accepted", "Partly, see 1.1.", "partly_accepted"),
    ("SUSIPAŽINTA", "", "noted"),
]


def test_statuses_typed_by_hand_are_read_forgivingly() -> None:
    for typed, expected in [("Atsižvelgta", "accepted"), ("atsizvelgta", "accepted"),
                            ("iš dalies", "partly_accepted"), ("Iš dalies atsižvelgta.",
                                                               "partly_accepted"),
                            ("Neatsižvelgta", "rejected"), ("NEPRITARTA", "rejected"),
                            ("accepted", "accepted"), ("Rejected", "rejected"),
                            ("noted", "noted"), ("", "")]:
        assert read_status(typed) == expected, typed
    assert read_status("gal būt") is None
    assert read_status("atsižvelgta?!") == "accepted"


def _fill_xlsx(source: Path, target: Path, ident_of: dict[str, str],
               edits: dict[str, tuple[str, str]]) -> None:
    book = openpyxl.load_workbook(source)
    sheet = book.worksheets[0]
    rows = _rows(sheet)
    for ident, (status, answer) in edits.items():
        sheet.cell(row=rows[ident], column=STATUS_COLUMN).value = status
        sheet.cell(row=rows[ident], column=ANSWER_COLUMN).value = answer
    book.save(target)


def test_xlsx_there_and_back(plan: DocPlan, tmp_path: Path) -> None:
    ws = plan.ws
    out = tmp_path / "pastabos.xlsx"
    assert write_xlsx(ws, out) == len(plan.remarks)
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref
    assert [c.value for c in sheet[1]][:len(COLUMNS)][:2] == ["Pastabos Nr.", "Darbo grupė"]
    assert book[HIDDEN_SHEET].sheet_state == "hidden"
    assert sheet.column_dimensions["L"].hidden
    # The same identifiers as everywhere, the group's name with its diacritics.
    ident_of = _identifiers(ws)
    assert set(_rows(sheet)) == set(ident_of)
    assert "Švietimo darbo grupė" in {c.value for c in sheet["B"]}

    idents = sorted(ident_of)
    edits = {ident: (typed, answer) for ident, (typed, answer, _) in zip(idents, FILLED,
                                                                         strict=False)}
    unreadable, conflicting = idents[len(FILLED)], idents[len(FILLED) + 1]
    edits[unreadable] = ("gal būt", "Nežinia.")
    edits[conflicting] = ("Atsižvelgta", "Konsultantų atsakymas.")
    filled = tmp_path / "atsakymai.xlsx"
    _fill_xlsx(out, filled, ident_of, edits)
    # A row the plan does not know, and one whose number was wiped but holds an answer.
    book = openpyxl.load_workbook(filled)
    sheet = book.worksheets[0]
    sheet.append(["KUL-999", "", "", "", "", "", "", "", "", "Atsižvelgta", "Taip."])
    sheet.append(["", "", "", "", "", "", "", "", "", "Atsižvelgta", "Be numerio."])
    book.save(filled)
    # Meanwhile the secretary answers one of them differently in the plan.
    actions.answer_remark(ws, ident_of[conflicting], "rejected", "Sekretorės atsakymas.")

    before = _answers(ws)
    events = _events(ws)
    preview = preview_answers(ws, filled)
    assert _events(ws) == events  # a preview writes nothing
    kinds = {c.identifier: c.kind for c in preview.changes}
    assert kinds[conflicting] is ChangeKind.CONFLICT
    assert all(kinds[i] is not ChangeKind.CONFLICT for i in idents[:len(FILLED)])
    assert [u[1] for u in preview.unknown] == ["KUL-999"]
    reasons = " ".join(p[2] for p in preview.problems)
    assert "“gal būt” cannot be read" in reasons and "no remark number" in reasons
    assert preview.unchanged == len(ident_of) - len(FILLED) - 2

    # Kept as the plan has it unless the secretary takes the file's answer.
    assert conflicting not in {c.identifier for c in preview.to_apply()}
    preview.settle(ident_of[conflicting], take_file=True)
    earlier = apply_answers(ws, answers_of(preview.to_apply()))
    after = _answers(ws)
    for ident, (_, answer, status) in zip(idents, FILLED, strict=False):
        assert after[ident_of[ident]] == (status, answer), ident
    assert after[ident_of[conflicting]] == ("accepted", "Konsultantų atsakymas.")
    assert after[ident_of[unreadable]] == before[ident_of[unreadable]]
    # Written as this copy's own answers, one event each, undone in one step.
    me = ws.identity.person_id
    assert {r[0] for r in ws.conn.execute(
        "SELECT responded_by FROM remark WHERE id IN ({})".format(
            ",".join("?" * len(earlier))), [e["id"] for e in earlier])} == {me}
    actions.restore_answers(ws, earlier)
    assert _answers(ws) == before

    # The same file again after applying it: nothing left to change.
    apply_answers(ws, answers_of(preview.to_apply()))
    again = preview_answers(ws, filled)
    assert not again.changes


def test_refused_files_change_nothing(plan: DocPlan, tmp_path: Path) -> None:
    ws = plan.ws
    out = tmp_path / "pastabos.xlsx"
    write_xlsx(ws, out)
    events = _events(ws)

    other = build_doc_plan(tmp_path / "kitas.kplan", remarks_per_section=1)
    foreign = tmp_path / "kito-plano.xlsx"
    write_xlsx(other.ws, foreign)
    with pytest.raises(AnswersFileError, match="another plan"):
        preview_answers(ws, foreign)
    foreign_docx = tmp_path / "kito-plano.docx"  # the report names its plan too
    export_report(other.ws, foreign_docx, "docx", ReportOptions())
    with pytest.raises(AnswersFileError, match="another plan"):
        preview_answers(ws, foreign_docx)

    book = openpyxl.load_workbook(out)
    book.worksheets[0].delete_cols(STATUS_COLUMN)  # the status column is gone
    reshaped = tmp_path / "perdaryta.xlsx"
    book.save(reshaped)
    with pytest.raises(AnswersFileError, match="reshaped beyond recognition"):
        preview_answers(ws, reshaped)

    damaged = tmp_path / "sugadinta.xlsx"
    damaged.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
    with pytest.raises(AnswersFileError, match="damaged"):
        preview_answers(ws, damaged)
    text = tmp_path / "tekstas.xlsx"
    text.write_text("Būsena;Atsakymas\n", encoding="utf-8")
    with pytest.raises(AnswersFileError, match="neither"):
        preview_answers(ws, text)
    assert _events(ws) == events


def test_a_member_copy_cannot_import_answers(plan: DocPlan, tmp_path: Path) -> None:
    ws = plan.ws
    out = tmp_path / "pastabos.xlsx"
    write_xlsx(ws, out)
    expert = ws.actor(plan.people["Jonas Petraitis"])
    with pytest.raises(AnswersFileError, match="secretary or chair"):
        preview_answers(ws, out, actor=expert)
    with pytest.raises(PermissionDenied):
        apply_answers(ws, [{"id": plan.remarks[0], "status": "accepted", "response": "Taip."}],
                      actor=expert)


def _fill_docx(source: Path, target: Path, edits: dict[str, tuple[str, str]]) -> int:
    """Fill the status and answer cells of the rows of ``edits`` in the report's remarks
    table, found by header text as a consultant finds them; returns how many were filled."""
    document = docx.Document(str(source))
    filled = 0
    for table in document.tables:
        header = [c.text.strip() for c in table.rows[0].cells]
        if "Būsena" not in header or "Atsakymas (motyvai)" not in header:
            continue
        status_at, answer_at = header.index("Būsena"), header.index("Atsakymas (motyvai)")
        for row in table.rows[1:]:
            cells = row.cells
            ident = cells[0].text.strip().split()[0] if cells[0].text.strip() else ""
            if ident in edits and cells[status_at] is not cells[0]:
                cells[status_at].text, cells[answer_at].text = edits.pop(ident)
                filled += 1
    document.save(str(target))
    return filled


def test_docx_there_and_back(plan: DocPlan, tmp_path: Path) -> None:
    ws = plan.ws
    report = tmp_path / "suvestine.docx"
    export_report(ws, report, "docx", ReportOptions())
    ident_of = _identifiers(ws)
    idents = sorted(ident_of)[:4]
    edits = {ident: (typed, answer) for ident, (typed, answer, _) in zip(idents, FILLED,
                                                                         strict=False)}
    filled = tmp_path / "atsakymai.docx"
    assert _fill_docx(report, filled, dict(edits)) == len(edits)
    preview = preview_answers(ws, filled)
    assert {c.identifier for c in preview.changes} == set(idents)
    apply_answers(ws, answers_of(preview.to_apply()))
    after = _answers(ws)
    for ident, (_, answer, status) in zip(idents, FILLED, strict=False):
        assert after[ident_of[ident]] == (status, answer)


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed")
def test_an_xlsx_saved_by_libreoffice(plan: DocPlan, tmp_path: Path) -> None:
    ws = plan.ws
    out = tmp_path / "pastabos.xlsx"
    write_xlsx(ws, out)
    ident_of = _identifiers(ws)
    idents = sorted(ident_of)[:3]
    filled = tmp_path / "uzpildyta.xlsx"
    _fill_xlsx(out, filled, ident_of, {i: (t, a) for i, (t, a, _) in zip(idents, FILLED,
                                                                            strict=False)})
    converted = tmp_path / "calc"
    subprocess.run([str(LIBREOFFICE), "--headless", f"-env:UserInstallation=file://"
                    f"{tmp_path / 'lo-profile'}", "--convert-to", "xlsx", "--outdir",
                    str(converted), str(filled)], check=True, capture_output=True, timeout=180)
    saved = converted / "uzpildyta.xlsx"
    assert saved.read_bytes() != filled.read_bytes()
    preview = preview_answers(ws, saved)
    assert {c.identifier for c in preview.changes} == set(idents)
    assert not preview.unknown and not preview.problems
    apply_answers(ws, answers_of(preview.to_apply()))
    for ident, (_, answer, status) in zip(idents, FILLED, strict=False):
        assert _answers(ws)[ident_of[ident]] == (status, answer)
    assert queries.remark(ws, ident_of[idents[0]]) is not None


def test_a_file_made_before_the_remarks_were_numbered(tmp_path: Path) -> None:
    """The experts' remarks reached the secretary's copy but were not numbered yet when the
    report went out: the file names them by provisional ids, and still finds them."""
    plan = build_doc_plan(tmp_path / "planas.kplan", remarks_per_section=1)
    ws = plan.ws
    provisional = _identifiers(ws)
    assert all("-?" in ident for ident in provisional)
    report = tmp_path / "suvestine.docx"
    export_report(ws, report, "docx", ReportOptions())
    with ws.write() as w:
        remark_numbers.number_remarks(w)
    ident = sorted(provisional)[0]
    filled = tmp_path / "atsakymai.docx"
    assert _fill_docx(report, filled, {ident: ("Atsižvelgta", "Pataisyta.")}) == 1
    preview = preview_answers(ws, filled)
    assert [c.remark_id for c in preview.changes] == [provisional[ident]]
    assert preview.changes[0].identifier.startswith(ident.split("-")[0] + "-0")
