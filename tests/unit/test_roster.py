"""Reading rosters (XLSX, CSV in UTF-8 or cp1257) and their preview and import."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kplan_desktop.core.files import FileReadError
from kplan_desktop.core.model import Role
from kplan_desktop.documents import roster as rs
from kplan_desktop.store import actions
from kplan_desktop.store.record_actions import RosterChange, RosterOutdated
from kplan_desktop.store.workspace import Workspace
from tests.helpers import make_plan

TODAY = "2026-01-15"


@pytest.mark.parametrize(("text", "role"), [
    ("pirmininkas", Role.CHAIR), ("Pirmininkė", Role.CHAIR), ("pirmininke", Role.CHAIR),
    ("Darbo grupės sekretorė", Role.SECRETARY), ("sekretorius", Role.SECRETARY),
    ("ekspertas", Role.EXPERT), ("EKSPERTĖ", Role.EXPERT), ("narė", Role.EXPERT),
    ("", Role.EXPERT), ("konsultantas", Role.CONSULTANT), ("stebėtojas", Role.OBSERVER),
    ("Observer", Role.OBSERVER), ("chair", Role.CHAIR),
    ("vadovas", None), ("pirmininko pavaduotojas", None), ("pirmininkas, sekretorius", None),
])
def test_role_words(text: str, role: Role | None) -> None:
    assert rs.role_of(text) is role


def test_cp1257_csv_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("Vardas Pavardė;El. paštas;Organizacija;Pareigos\r\n"
                     "„Žydrūnė Šaulienė“;zydrune@example.lt;VDU, fakultetas;ekspertė\r\n"
                     ";;;\r\n".encode("cp1257"))
    roster = rs.read_roster(path)
    assert roster.columns == ("name", "email", "organisation", "role")
    (row,) = roster.rows
    assert (row.line, row.name, row.email, row.organisation, row.role_text) == (
        2, "„Žydrūnė Šaulienė“", "zydrune@example.lt", "VDU, fakultetas", "ekspertė")


def test_utf8_with_bom_commas_and_separate_name_columns(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"\xef\xbb\xbf" + 'Vardas,Pavardė,E-mail,Role\n'
                     'Žydrūnė,Šaulienė,z@example.lt,"chair"\n'.encode())
    (row,) = rs.read_roster(path).rows
    assert (row.name, row.email, row.role_text) == ("Žydrūnė Šaulienė", "z@example.lt",
                                                    "chair")


def test_decoding_tries_utf8_strictly_first() -> None:
    assert rs.decode_csv("Šaulienė".encode(), "x") == "Šaulienė"
    assert rs.decode_csv("Šaulienė".encode("cp1257"), "x") == "Šaulienė"
    with pytest.raises(rs.RosterError, match="Windows-1257"):
        rs.decode_csv(b"\xa1\xa5", "x")  # bytes cp1257 leaves undefined


def test_xlsx_with_a_title_row_numbers_and_empty_names(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Aplinkos grupės nariai"])
    sheet.append(["Eil. Nr.", "Name", "E-mail", "Organisation", "Role"])
    sheet.append([1, "Jonas", "jonas@example.lt", 2024, "expert"])
    sheet.append([2, None, "x@example.lt", None, None])
    sheet.append([3, None, None, None, None])
    path = tmp_path / "r.xlsx"
    book.save(path)
    rows = rs.read_roster(path).rows
    assert [(r.line, r.name, r.organisation, r.problems) for r in rows] == [
        (3, "Jonas", "2024", ()), (4, "", "", ("the name is empty",))]


def test_unrecognisable_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(rs.RosterError, match="no header row"):
        rs.read_roster(path)
    fake = tmp_path / "r.xlsx"
    fake.write_text("Name,E-mail\n", encoding="utf-8")
    with pytest.raises(rs.RosterError, match="not an Excel workbook"):
        rs.read_roster(fake)
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"Name\x00,E-mail\n")
    with pytest.raises(rs.RosterError, match="not a text file"):
        rs.read_roster(binary)


def test_caps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many = tmp_path / "many.csv"
    many.write_text("Name\n" + "x\n" * (rs.MAX_ROWS + 20), encoding="utf-8")
    with pytest.raises(rs.RosterError, match="more than"):
        rs.read_roster(many)
    long = tmp_path / "long.csv"
    long.write_text("Name\n" + "x" * (rs.MAX_CELL + 1) + "\n", encoding="utf-8")
    (row,) = rs.read_roster(long).rows
    assert len(row.name) == rs.MAX_CELL and "longer than" in row.problems[0]
    # A zip that unpacks to more than the cap is not handed to the XML parser.
    monkeypatch.setattr(rs, "MAX_UNPACKED_BYTES", 1000)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", "a" * 5000)
    with pytest.raises(rs.RosterError, match="unpacks to more than"):
        rs.read_roster(bomb)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.csv"
        os.mkfifo(fifo)
        with pytest.raises(FileReadError, match="not an ordinary file"):
            rs.read_roster(fifo)


def _plan(tmp_path: Path) -> tuple[Workspace, str]:
    ws = make_plan(tmp_path / "p.kplan")
    group = actions.add_group(ws, code="APL", name="Aplinkos grupė")
    actions.add_person(ws, full_name="Jonas", email="jonas@example.lt", group_id=group)
    return ws, group


def test_preview_and_import_in_one_transaction(tmp_path: Path) -> None:
    ws, group = _plan(tmp_path)
    with ws:
        path = tmp_path / "r.csv"
        path.write_text("Name;E-mail;Role\nJonas;JONAS@example.lt;chair\n"
                        "Ona;ona@example.lt;\nPetras;;boss\n", encoding="utf-8")
        preview = rs.preview_roster(ws, group, rs.read_roster(path), TODAY)
        assert [o.kind for o in preview.outcomes] == ["changed", "new", "problem"]
        assert preview.counts == {"new": 1, "changed": 1, "unchanged": 0, "problem": 1}
        lines = rs.preview_lines(preview)
        assert "role: expert → chair" in lines[0] and "unknown role “boss”" in lines[2]
        count = ws.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0]
        # A change found outdated at the end rolls back every change before it.
        stale = RosterChange("nobody", "0190a000-0000-7000-8000-000000000000", {}, {})
        with pytest.raises(RosterOutdated):
            actions.apply_roster(ws, group, [*preview.changes, stale])
        assert ws.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0] == count
        assert actions.apply_roster(ws, group, preview.changes) == 3
        again = rs.preview_roster(ws, group, rs.read_roster(path), TODAY)
        assert [o.kind for o in again.outcomes] == ["unchanged", "unchanged", "problem"]
