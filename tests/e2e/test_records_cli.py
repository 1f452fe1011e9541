"""The group-record commands as a secretary's script runs them: `kplan group`, `member`,
`meeting` and `roster import`, each a separate process on a real workspace."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import openpyxl
import pytest

from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace

from .test_cli import UUID, events, kplan, ok, refused

pytestmark = pytest.mark.e2e

TODAY = dt.date.today().isoformat()
SAULIENE = "„Žydrūnė Šaulienė“"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "planas.kplan"
    ok(kplan("init", path, "--title", "Kauno strateginis plėtros planas",
             "--name", "Rūta Žemaitienė", "--email", "ruta@example.lt"))
    return path


def dump(path: Path) -> str:
    """Every row of every table: what a dry run must leave exactly as it was."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return "\n".join(conn.iterdump())


def members(path: Path, *extra: str) -> list[dict[str, object]]:
    return list(json.loads(ok(kplan("member", "list", path, "--json", *extra))))


def test_groups_add_list_update_archive(plan: Path) -> None:
    group_id = ok(kplan("group", "add", plan, "--code", "APL", "--name", "Aplinkos grupė",
                        "--mandate", "Nuostatai")).strip()
    assert UUID.match(group_id)
    listed = json.loads(ok(kplan("group", "list", plan, "--json")))
    assert [(g["code"], g["kind"], g["members"]) for g in listed] == [
        ("KDG", "coordination", 1), ("APL", "thematic", 0)]
    assert listed[1]["id"] == group_id and listed[1]["mandate"] == "Nuostatai"
    ok(kplan("group", "update", plan, "APL", "--name", "Aplinkosaugos grupė",
             "--mandate", "Nauji nuostatai"))
    ok(kplan("group", "update", plan, "APL", "--archive"))
    assert [g["code"] for g in json.loads(ok(kplan("group", "list", plan, "--json")))] == [
        "KDG"]
    every = json.loads(ok(kplan("group", "list", plan, "--all", "--json")))
    apl = next(g for g in every if g["code"] == "APL")
    assert (apl["name"], apl["mandate"], apl["archived"]) == (
        "Aplinkosaugos grupė", "Nauji nuostatai", True)
    assert "Aplinkosaugos grupė" in ok(kplan("group", "list", plan, "--all"))
    ok(kplan("group", "update", plan, "APL", "--unarchive"))
    assert len(json.loads(ok(kplan("group", "list", plan, "--json")))) == 2


def test_group_commands_refuse_with_one_sentence(plan: Path) -> None:
    ok(kplan("group", "add", plan, "--code", "APL", "--name", "Aplinkos grupė"))
    before = events(plan)
    for args, words in [
        (("group", "add", plan, "--code", "APL", "--name", "Kita"), "already a group"),
        (("group", "add", plan, "--code", " ", "--name", "Kita"), "code and a name"),
        (("group", "update", plan, "NERA", "--name", "X"), "no group with the code NERA"),
        (("group", "update", plan, "APL", "--name", " "), "code and a name"),
        (("group", "update", plan, "APL"), "Nothing to change"),
    ]:
        assert words in refused(kplan(*args))
    assert events(plan) == before
    usage = kplan("group", "update", plan, "APL", "--archive", "--unarchive")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_members_add_update_end_and_list(plan: Path) -> None:
    ok(kplan("group", "add", plan, "--code", "APL", "--name", "Aplinkos grupė"))
    ok(kplan("member", "add", plan, "zydrune@example.lt", "--group", "APL", "--name", SAULIENE,
             "--organisation", "VDU", "--role", "chair", "--since", "2024-01-15"))
    listed = members(plan, "--group", "APL")
    assert [(m["name"], m["role"], m["since"], m["until"], m["current"]) for m in listed] == [
        (SAULIENE, "chair", "2024-01-15", "", True)]
    person_id = str(listed[0]["person_id"])
    # The same person named by id, to another group: the coordination group.
    ok(kplan("member", "add", plan, person_id, "--group", "KDG", "--role", "observer"))
    assert {m["group"] for m in members(plan) if m["person_id"] == person_id} == {"APL", "KDG"}
    # Changing the role and the person's facts: one membership named by group.
    ok(kplan("member", "update", plan, "ZYDRUNE@example.lt", "--group", "APL", "--role",
             "expert", "--organisation", "KTU", "--email", "zydrune@ktu.lt"))
    apl = members(plan, "--group", "APL")[0]
    assert (apl["role"], apl["organisation"], apl["email"]) == ("expert", "KTU",
                                                                 "zydrune@ktu.lt")
    # In two groups, a membership change must name the group.
    assert "--group" in refused(kplan("member", "update", plan, "zydrune@ktu.lt", "--role",
                                      "chair"))
    # Ending keeps the person and the record; only --all lists it.
    ok(kplan("member", "end", plan, "zydrune@ktu.lt", "--group", "APL", "--on", "2025-06-30"))
    assert members(plan, "--group", "APL") == []
    ended = members(plan, "--group", "APL", "--all")
    assert [(m["until"], m["current"]) for m in ended] == [("2025-06-30", False)]
    # Ending with today's date: a member through today, gone tomorrow.
    ok(kplan("member", "end", plan, "zydrune@ktu.lt", "--group", "KDG"))
    kdg = [m for m in members(plan, "--group", "KDG", "--all") if m["person_id"] == person_id]
    assert [m["until"] for m in kdg] == [TODAY]
    info = json.loads(ok(kplan("info", plan, "--json")))
    assert info["people"] == 2
    # Added by mistake: gone from every list, the person stays.
    ok(kplan("member", "add", plan, "zydrune@ktu.lt", "--group", "APL"))
    ok(kplan("member", "end", plan, "zydrune@ktu.lt", "--group", "APL", "--mistake"))
    assert [m["until"] for m in members(plan, "--group", "APL", "--all")] == ["2025-06-30"]
    text = kplan("member", "list", plan, "--all")
    assert SAULIENE in ok(text) and "members" in text.stderr


def test_member_commands_refuse_with_one_sentence(plan: Path) -> None:
    ok(kplan("group", "add", plan, "--code", "APL", "--name", "Aplinkos grupė"))
    ok(kplan("member", "add", plan, "jonas@example.lt", "--group", "APL", "--name", "Jonas"))
    before = events(plan)
    for args, words in [
        (("member", "add", plan, "nera@example.lt", "--group", "APL"), "add --name"),
        (("member", "add", plan, "jonas@example.lt", "--group", "APL"), "already a member"),
        (("member", "add", plan, "jonas@example.lt", "--group", "NERA"), "no group"),
        (("member", "add", plan, "Jonas", "--group", "APL", "--name", "J"), "e-mail"),
        (("member", "add", plan, "new@example.lt", "--group", "APL", "--name", "N",
          "--since", "vakar"), "not a date"),
        (("member", "update", plan, "jonas@example.lt", "--group", "APL", "--since",
          "vakar"), "not a date"),
        (("member", "update", plan, "jonas@example.lt", "--group", "APL", "--name", " "),
         "needs a name"),
        (("member", "update", plan, "jonas@example.lt", "--group", "KDG", "--role", "chair"),
         "not a member of KDG"),
        (("member", "update", plan, "jonas@example.lt"), "Nothing to change"),
        (("member", "end", plan, "nera@example.lt", "--group", "APL"), "no person"),
        (("member", "end", plan, "jonas@example.lt", "--group", "APL", "--on", "1999-01-01"),
         None),
    ]:
        result = kplan(*args)
        if words is None:  # ending before it began is fine when it has no start: allowed
            ok(result)
            continue
        assert words in refused(result)
    assert events(plan) == before + 1
    assert kplan("member", "add", plan, "x@example.lt", "--group", "APL", "--role",
                 "boss").returncode == 2


def expert_copy(plan: Path, tmp_path: Path, email: str) -> Path:
    """The plan as an expert's own copy: the same data, the expert's identity."""
    with Workspace.open(plan) as ws:
        person = ws.conn.execute("SELECT id FROM person WHERE email = ?",
                                 (email,)).fetchone()[0]
    copy = tmp_path / "ekspertas.kplan"
    with contextlib.closing(sqlite3.connect(plan)) as src, \
            contextlib.closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
        dst.execute("UPDATE local_identity SET person_id = ?", (person,))
        dst.commit()
    return copy


def test_an_expert_cannot_keep_the_records(plan: Path, tmp_path: Path) -> None:
    ok(kplan("group", "add", plan, "--code", "APL", "--name", "Aplinkos grupė"))
    ok(kplan("member", "add", plan, "ona@example.lt", "--group", "APL", "--name", "Ona"))
    copy = expert_copy(plan, tmp_path, "ona@example.lt")
    roster = tmp_path / "sarasas.csv"
    roster.write_text("Name,E-mail\nPetras,petras@example.lt\n", encoding="utf-8")
    with Workspace.open(copy):  # a copy notes its new place on the first open: done before
        pass
    before = dump(copy)
    for args in [
        ("group", "update", copy, "APL", "--name", "Kita"),
        ("group", "add", copy, "--code", "X", "--name", "X"),
        ("member", "add", copy, "ruta@example.lt", "--group", "APL"),
        ("member", "end", copy, "ona@example.lt", "--group", "APL"),
        ("meeting", "add", copy, "--group", "APL", "--date", "2024-05-01"),
        ("roster", "import", copy, roster, "--group", "APL"),
    ]:
        assert "secretary or chair" in refused(kplan(*args))
    assert dump(copy) == before


def test_meetings_add_update_list_remove(plan: Path) -> None:
    ok(kplan("group", "add", plan, "--code", "APL", "--name", "Aplinkos grupė"))
    ok(kplan("member", "add", plan, "ona@example.lt", "--group", "APL", "--name", "Ona"))
    meeting_id = ok(kplan("meeting", "add", plan, "--group", "APL", "--date", "2024-05-01",
                          "--place", "Rotušė", "--agenda", "1. Vizija", "--present",
                          "ona@example.lt", "--absent", "ruta@example.lt")).strip()
    assert UUID.match(meeting_id)
    listed = json.loads(ok(kplan("meeting", "list", plan, "--group", "APL", "--json")))
    assert [(m["id"], m["date"], m["place"], m["agenda"]) for m in listed] == [
        (meeting_id, "2024-05-01", "Rotušė", "1. Vizija")]
    assert {(a["name"], a["present"]) for a in listed[0]["attendance"]} == {
        ("Ona", True), ("Rūta Žemaitienė", False)}
    ok(kplan("meeting", "update", plan, meeting_id, "--minutes", "Nutarta pritarti.",
             "--present", "ruta@example.lt"))
    (after,) = json.loads(ok(kplan("meeting", "list", plan, "--json")))
    assert after["minutes"] == "Nutarta pritarti."
    assert all(a["present"] for a in after["attendance"])
    assert "Rotušė" in ok(kplan("meeting", "list", plan))
    before = events(plan)
    for args, words in [
        (("meeting", "add", plan, "--group", "APL", "--date", "gegužės 1"), "not a date"),
        (("meeting", "add", plan, "--group", "APL", "--date", "2024-05-01", "--present",
          "nera@example.lt"), "no person"),
        (("meeting", "update", plan, "0190a000-0000-7000-8000-000000000000", "--place", "X"),
         "no meeting"),
        (("meeting", "remove", plan, "0190a000-0000-7000-8000-000000000000"), "no meeting"),
    ]:
        assert words in refused(kplan(*args))
    assert events(plan) == before
    # A meeting added by mistake is removed: no longer listed, nor removable twice.
    ok(kplan("meeting", "remove", plan, meeting_id))
    assert json.loads(ok(kplan("meeting", "list", plan, "--json"))) == []
    assert "no meeting" in refused(kplan("meeting", "remove", plan, meeting_id))


# --- rosters -----------------------------------------------------------------------------------


def _roster_plan(plan: Path) -> None:
    ok(kplan("group", "add", plan, "--code", "APL", "--name", "Aplinkos grupė"))
    ok(kplan("member", "add", plan, "jonas@example.lt", "--group", "APL", "--name",
             "Jonas Jonaitis", "--organisation", "KTU"))
    ok(kplan("member", "add", plan, "ona@example.lt", "--group", "APL", "--name", "Ona"))


ROWS = [
    ["Vardas Pavardė", "El. paštas", "Organizacija", "Pareigos"],
    [SAULIENE, "zydrune@example.lt", "Vytauto Didžiojo universitetas", "ekspertė"],
    ["Jonas Jonaitis", "jonas@example.lt", "KTU", "pirmininkas"],
    ["Ona", "ona@example.lt", "", "ekspertė"],
    ["Petras Petraitis", "petras@example.lt", "", "vadovas"],
    ["Ana Anaitė", "ana@example.lt", "", "stebėtoja"],
    ["Ana Kita", "ANA@example.lt", "", "sekretorė"],
    ["", "tuscias@example.lt", "", "ekspertas"],
]


def _write_xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Darbo grupės narių sąrašas"])  # a title above the table
    for row in ROWS:
        sheet.append(row)
    book.save(path)


def _check_preview(out: str, first: int) -> None:
    lines = [line.strip() for line in out.splitlines()]

    def row(n: int) -> str:
        return next(line for line in lines if line.startswith(f"row {first + n} "))

    assert "new" in row(1) and SAULIENE in row(1)
    assert "changed" in row(2) and "role: expert → chair" in row(2)
    assert "unchanged" in row(3)
    assert "problem" in row(4) and "unknown role “vadovas”" in row(4)
    assert "problem" in row(5) and f"also on row {first + 6}" in row(5)
    assert "problem" in row(6) and f"also on row {first + 5}" in row(6)
    assert "problem" in row(7) and "name is empty" in row(7)
    assert "1 new, 1 changed, 1 unchanged, 4 with problems (not imported)" in out


def _imported(plan: Path) -> None:
    by_email = {m["email"]: m for m in members(plan, "--group", "APL")}
    assert set(by_email) == {"jonas@example.lt", "ona@example.lt", "zydrune@example.lt"}
    assert by_email["jonas@example.lt"]["role"] == "chair"
    assert by_email["zydrune@example.lt"]["name"] == SAULIENE
    assert by_email["zydrune@example.lt"]["organisation"] == "Vytauto Didžiojo universitetas"


def test_roster_from_xlsx_dry_run_then_import(plan: Path, tmp_path: Path) -> None:
    _roster_plan(plan)
    book = tmp_path / "sarasas.xlsx"
    _write_xlsx(book)
    before = dump(plan)
    dry = ok(kplan("roster", "import", plan, book, "--group", "APL", "--dry-run"))
    assert "dry run" in dry
    _check_preview(dry, first=2)
    assert dump(plan) == before
    events_before = events(plan)
    result = kplan("roster", "import", plan, book, "--group", "APL")
    _check_preview(ok(result), first=2)
    assert "Imported 1 new and 1 changed" in result.stdout
    assert "4 rows with problems were not imported" in result.stderr
    _imported(plan)
    # A new person and their membership, one role change: three events, one transaction.
    assert events(plan) == events_before + 3
    with Workspace.open(plan, readonly=True) as ws:
        seqs = [r[0] for r in ws.conn.execute(
            "SELECT seq FROM event ORDER BY seq DESC LIMIT 3")]
    assert seqs == sorted(seqs, reverse=True) and seqs[0] - seqs[2] == 2
    again = ok(kplan("roster", "import", plan, book, "--group", "APL"))
    assert "0 new, 0 changed, 3 unchanged" in again
    assert events(plan) == events_before + 3


def test_roster_from_cp1257_csv_with_semicolons(plan: Path, tmp_path: Path) -> None:
    _roster_plan(plan)
    sheet = tmp_path / "sarasas.csv"
    text = "\r\n".join(";".join(row) for row in ROWS) + "\r\n"
    sheet.write_bytes(text.encode("cp1257"))
    before = dump(plan)
    _check_preview(ok(kplan("roster", "import", plan, sheet, "--group", "APL", "--dry-run")),
                   first=1)
    assert dump(plan) == before
    _check_preview(ok(kplan("roster", "import", plan, sheet, "--group", "APL")), first=1)
    _imported(plan)


def test_roster_refusals_change_nothing(plan: Path, tmp_path: Path) -> None:
    _roster_plan(plan)
    unknown = tmp_path / "kita.csv"
    unknown.write_text("Kas;Kur\nA;B\n", encoding="utf-8")
    fake = tmp_path / "netikras.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    folder = tmp_path / "aplankas.csv"
    folder.mkdir()
    before = dump(plan)
    for args, words in [
        (("roster", "import", plan, unknown, "--group", "APL"), "no header row"),
        (("roster", "import", plan, fake, "--group", "APL"), "not an Excel workbook"),
        (("roster", "import", plan, folder, "--group", "APL"), "folder"),
        (("roster", "import", plan, tmp_path / "nera.csv", "--group", "APL"), "no file"),
        (("roster", "import", plan, plan, "--group", "APL"), "workspace itself"),
        (("roster", "import", plan, unknown, "--group", "NERA"), "no header row"),
    ]:
        assert words in refused(kplan(*args))
    good = tmp_path / "geras.csv"
    good.write_text("Name,E-mail\nPetras,petras@example.lt\n", encoding="utf-8")
    assert "no group" in refused(kplan("roster", "import", plan, good, "--group", "NERA"))
    assert dump(plan) == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_roster_xlsx_converted_by_libreoffice(plan: Path, tmp_path: Path) -> None:
    _roster_plan(plan)
    book = tmp_path / "sarasas.xlsx"
    _write_xlsx(book)
    out = tmp_path / "out"
    # Saved as UTF-8 with ","; LibreOffice's bare "csv" writes Windows-1252, where "ą", "ė"
    # become "?" (a lossy file, refused as neither UTF-8 nor Windows-1257).
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                    str(out), str(book)],
                   check=True, capture_output=True, timeout=120)
    _check_preview(ok(kplan("roster", "import", plan, out / "sarasas.csv", "--group", "APL")),
                   first=2)
    _imported(plan)


def test_the_store_actions_behind_the_commands(plan: Path) -> None:
    """What the window will call: role change and removal through the same actions."""
    with Workspace.open(plan) as ws:
        group = actions.add_group(ws, code="APL", name="Aplinkos grupė")
        person = actions.add_person(ws, full_name="Ona", group_id=group)
        membership = actions.current_membership(ws, group, person, TODAY)
        assert membership is not None
        actions.change_role(ws, membership, "secretary")
        assert ws.actor(person).officer_of(group)
        actions.remove_membership(ws, membership)
        assert actions.current_membership(ws, group, person, TODAY) is None
        assert not ws.actor(person).memberships
