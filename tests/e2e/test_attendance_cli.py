"""`kplan export attendance`: a group's attendance sheet for a year, as the municipality gets
it (XLSX), made by separate processes on a real workspace and read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from .test_cli import kplan, ok, refused

pytestmark = pytest.mark.e2e


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "planas.kplan"
    ok(kplan("init", path, "--title", "Kauno strateginis plėtros planas",
             "--name", "Rūta Žemaitienė", "--email", "ruta@example.lt"))
    ok(kplan("group", "add", path, "--code", "APL", "--name", "Aplinkos darbo grupė"))
    ok(kplan("member", "add", path, "ruta@example.lt", "--group", "APL", "--role", "secretary",
             "--since", "2025-01-01"))
    ok(kplan("member", "add", path, "ona@example.lt", "--group", "APL", "--name",
             "Ona Šaulienė", "--since", "2025-01-01"))
    ok(kplan("member", "add", path, "jonas@example.lt", "--group", "APL", "--name",
             "Jonas Ąžuolas", "--since", "2025-01-01"))
    for date, present, absent in [
            ("2026-02-10", ("ruta@example.lt", "ona@example.lt"), ("jonas@example.lt",)),
            ("2026-05-12", ("ruta@example.lt", "ona@example.lt", "jonas@example.lt"), ()),
            ("2025-11-03", ("ruta@example.lt",), ("ona@example.lt",))]:  # another year
        args: list[str | Path] = ["meeting", "add", path, "--group", "APL", "--date", date]
        for who in present:
            args += ["--present", who]
        for who in absent:
            args += ["--absent", who]
        ok(kplan(*args))
    # Jonas leaves: his membership ends, his attendance of the year stays on the sheet.
    ok(kplan("member", "end", path, "jonas@example.lt", "--group", "APL", "--on", "2026-06-01"))
    return path


def test_the_attendance_sheet_of_a_year(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "lankomumas.xlsx"
    said = ok(kplan("export", "attendance", plan, "--group", "APL", "--year", "2026",
                    "-o", out))
    assert "3 people at 2 meetings of APL in 2026" in said
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Darbo grupės posėdžių lankomumas, 2026"
    assert rows[1][0] == "Aplinkos darbo grupė (APL)"
    header = rows[4]
    assert header == ["Narys", "Vaidmuo", "2026-02-10", "2026-05-12", "Dalyvavo posėdžių"]
    body = {r[0]: r[1:] for r in rows[5:-1]}
    assert body == {
        "Jonas Ąžuolas": ["ekspertas", "–", "+", 1],
        "Ona Šaulienė": ["ekspertė", "+", "+", 2],  # the role's word agrees with her
        "Rūta Žemaitienė": ["sekretorė", "+", "+", 2],
    }
    assert [r[0] for r in rows[5:-1]] == ["Jonas Ąžuolas", "Ona Šaulienė", "Rūta Žemaitienė"]
    assert rows[-1] == ["Dalyvavo narių", None, 2, 3, 5]
    assert sheet.freeze_panes == "C6"  # the header row and the names stay in view
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no stray temporary

    english = tmp_path / "attendance.xlsx"
    ok(kplan("export", "attendance", plan, "--group", "APL", "--year", "2025", "-o", english,
             "--lang", "en"))
    en_sheet = openpyxl.load_workbook(english).active
    assert en_sheet is not None
    en_rows = [list(r) for r in en_sheet.iter_rows(values_only=True)]
    assert en_rows[4] == ["Member", "Role", "2025-11-03", "Meetings attended"]
    assert en_rows[-1] == ["Members present", None, 1, 1]


def test_attendance_refuses_with_one_sentence(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    for args, words in [
        (("--group", "NERA", "--year", "2026", "-o", out), "no group with the code NERA"),
        (("--group", "APL", "--year", "226", "-o", out), "not a year"),
        (("--group", "APL", "--year", "2026", "-o", tmp_path / "x.pdf"), "XLSX"),
        (("--group", "APL", "--year", "2026", "-o", plan), "workspace"),
    ]:
        assert words in refused(kplan("export", "attendance", plan, *args))
    assert not out.exists()
    bad = kplan("export", "attendance", plan, "--group", "APL", "--year", "šiemet", "-o", out)
    assert bad.returncode == 2
