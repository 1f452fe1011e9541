"""The command line as a user's script runs it: a separate process, exit codes, stderr."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kplan_desktop import cli
from kplan_desktop.core.model import Role
from kplan_desktop.store import actions
from kplan_desktop.store.schema import SCHEMA_VERSION
from kplan_desktop.store.workspace import Workspace

pytestmark = pytest.mark.e2e

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
BODY = "Kaunas bus žalesnis: Ąžuolyno parke bus sodinami ąžuolai, tvarkomos alėjos."


def kplan(*args: str | Path, cwd: Path | None = None, timeout: float = 60
          ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kplan_desktop", *map(str, args)],
        capture_output=True, text=True, timeout=timeout, check=False, cwd=cwd,
    )


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """A refused job: exit 1, one sentence on stderr, no traceback; returns the sentence."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kplan: ")
    assert "unexpected error" not in lines[0], lines[0]
    return lines[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """`kplan init`, then a section added through the store (no CLI command makes sections)."""
    path = tmp_path / "planas.kplan"
    out = ok(kplan("init", path, "--title", "Kauno strateginis plėtros planas",
                   "--name", "Rūta Žemaitienė", "--email", "ruta@example.lt"))
    assert "coordination group's secretary" in out
    with Workspace.open(path) as ws:
        group = actions.add_group(ws, code="APL", name="Aplinkos grupė")
        actions.add_section(ws, parent_id=None, kind="goal", code="1.1",
                            title="Žalesnis Kaunas", body=BODY, responsible_group_id=group)
    return path


def test_init_info_and_identity(plan_file: Path) -> None:
    info = json.loads(ok(kplan("info", plan_file, "--json")))
    assert info["plan"]["title"] == "Kauno strateginis plėtros planas"
    assert (info["groups"], info["people"], info["sections"], info["remarks"]) == (2, 1, 1, 0)
    assert info["remarks_by_status"] == {}
    ident = json.loads(ok(kplan("identity", plan_file, "--json")))
    assert ident["name"] == "Rūta Žemaitienė" and ident["email"] == "ruta@example.lt"
    assert UUID.match(ident["device_id"])
    assert re.fullmatch(r"(\d{4} ){9}\d{4}", ident["fingerprint"])
    assert ident["roles"] == [{"group": "KDG", "role": "secretary"}]
    assert ident["demo"] is False
    assert info["device_id"] == ident["device_id"]
    text = ok(kplan("identity", plan_file))
    assert ident["fingerprint"] in text and "secretary of KDG" in text
    assert "Kauno strateginis plėtros planas" in ok(kplan("info", plan_file))


def test_remark_add_list_answer(plan_file: Path) -> None:
    remark_id = ok(kplan("remark", "add", plan_file, "--section", "1.1", "--type", "technical",
                         "--text", "Reikia daugiau ąžuolų.", "--quote", "sodinami ąžuolai",
                         "--proposed", "Sodinti 500 ąžuolų.", "--justification",
                         "Ąžuolynas sensta.")).strip()
    assert UUID.match(remark_id)
    listed = json.loads(ok(kplan("remark", "list", plan_file, "--json")))
    assert [r["id"] for r in listed] == [remark_id]
    row = listed[0]
    assert (row["section_code"], row["type"], row["status"]) == ("1.1", "technical", "new")
    assert (row["quote"], row["proposed"]) == ("sodinami ąžuolai", "Sodinti 500 ąžuolų.")
    assert row["author_name"] == "Rūta Žemaitienė" and row["text_changed"] is False

    sentence = refused(kplan("remark", "answer", plan_file, remark_id, "--status", "rejected"))
    assert "reasons" in sentence
    out = ok(kplan("remark", "answer", plan_file, remark_id, "--status", "rejected",
                   "--response", "Ąžuolyno priežiūrą numato kita programa."))
    assert remark_id in out and "rejected" in out
    rejected = json.loads(ok(kplan("remark", "list", plan_file, "--status", "rejected",
                                   "--json")))
    assert [(r["id"], r["response"]) for r in rejected] == [
        (remark_id, "Ąžuolyno priežiūrą numato kita programa.")]
    assert json.loads(ok(kplan("remark", "list", plan_file, "--status", "new", "--json"))) == []
    found = json.loads(ok(kplan("remark", "list", plan_file, "--search", "azuolyno", "--json")))
    assert [r["id"] for r in found] == [remark_id]
    grouped = json.loads(ok(kplan("remark", "list", plan_file, "--group", "KDG", "--json")))
    assert [r["id"] for r in grouped] == [remark_id]
    plain = kplan("remark", "list", plan_file)
    assert remark_id in ok(plain) and "1 remarks" in plain.stderr


def events(path: Path) -> int:
    with Workspace.open(path, readonly=True) as ws:
        return int(ws.conn.execute("SELECT count(*) FROM event").fetchone()[0])


def test_remark_commands_refuse_with_one_sentence(plan_file: Path) -> None:
    before = events(plan_file)
    for args, words in [
        (("remark", "add", plan_file, "--section", "9.9", "--type", "general", "--text", "x"),
         "no section with the code 9.9"),
        (("remark", "add", plan_file, "--section", "1.1", "--type", "general", "--text", "x",
          "--quote", "šito nėra"), "does not occur"),
        (("remark", "add", plan_file, "--section", "1.1", "--type", "general", "--text", "  "),
         "empty"),
        (("remark", "answer", plan_file, "0190a000-0000-7000-8000-000000000000", "--status",
          "accepted"), "no remark"),
        (("remark", "list", plan_file, "--group", "NERA"), "no group with the code NERA"),
    ]:
        assert words in refused(kplan(*args))
    # Refused jobs changed nothing: no event was appended.
    assert events(plan_file) == before


def test_an_experts_copy_cannot_answer_remarks(plan_file: Path, tmp_path: Path) -> None:
    """The same store and rules as the GUI: an expert writes remarks, but cannot answer."""
    with Workspace.open(plan_file) as ws:
        group = ws.conn.execute("SELECT id FROM work_group WHERE code = 'APL'").fetchone()[0]
        expert = actions.add_person(ws, full_name="Ona Ąžuolienė", group_id=group,
                                    role=Role.EXPERT)
        secretary_remark = actions.add_remark(ws, section_id=ws.conn.execute(
            "SELECT id FROM section").fetchone()[0], remark_type="general", text="Gerai.")
    # The expert's own copy of the plan: the same data, the expert's identity.
    expert_file = tmp_path / "ekspertas.kplan"
    with contextlib.closing(sqlite3.connect(plan_file)) as src, \
            contextlib.closing(sqlite3.connect(expert_file)) as dst:
        src.backup(dst)
        dst.execute("UPDATE local_identity SET person_id = ?", (expert,))
        dst.commit()
    ident = json.loads(ok(kplan("identity", expert_file, "--json")))
    assert ident["name"] == "Ona Ąžuolienė"
    assert ident["roles"] == [{"group": "APL", "role": "expert"}]
    own = ok(kplan("remark", "add", expert_file, "--section", "1.1", "--type", "editorial",
                   "--text", "Rašyti „Ąžuolyno parke“.")).strip()
    before = sha256(expert_file)
    for remark_id in (own, secretary_remark):
        sentence = refused(kplan("remark", "answer", expert_file, remark_id, "--status",
                                 "accepted", "--response", "Pritarta."))
        assert "secretary or chair" in sentence
    assert sha256(expert_file) == before
    statuses = {r["id"]: r["status"] for r in json.loads(
        ok(kplan("remark", "list", expert_file, "--json")))}
    assert statuses == {own: "new", secretary_remark: "new"}


# --- usage ---------------------------------------------------------------------------------------


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
              ) -> Iterator[tuple[str, ...]]:
    yield prefix
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))


COMMANDS = sorted(_commands(cli.build_parser()))


def test_the_documented_commands_are_all_there() -> None:
    for command in [("init",), ("demo",), ("info",), ("identity",), ("remark", "add"),
                    ("remark", "answer"), ("remark", "list")]:
        assert command in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "kplan")
def test_help_on_every_command(command: tuple[str, ...]) -> None:
    result = kplan(*command, "--help")
    out = ok(result)
    assert out.startswith("usage: kplan")
    assert " ".join(("kplan", *command)) in out.splitlines()[0]
    assert result.stderr == ""


def test_help_of_the_gui_form() -> None:
    out = ok(kplan("--help"))
    for word in ("init", "demo", "info", "identity", "remark"):
        assert word in out


@pytest.mark.parametrize(
    "args",
    [
        ("remark",),
        ("remark", "frobnicate"),
        ("info",),
        ("init", "x.kplan", "--title", "T"),  # no --name, --email
        ("remark", "add", "x.kplan", "--section", "1.1", "--type", "svarbi", "--text", "x"),
        ("remark", "add", "x.kplan", "--section", "1.1", "--type", "general"),
        ("remark", "answer", "x.kplan", "id", "--status", "withdrawn"),
        ("remark", "list", "x.kplan", "--status", "maybe"),
        ("info", "x.kplan", "--jsonn"),
        ("demo", "x.kplan", "--remarks", "many"),
    ],
    ids=lambda a: " ".join(a),
)
def test_bad_usage_exits_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = kplan(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "usage: kplan" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- bad workspaces: exit 1, one line, the file untouched ---------------------------------------


def _text(path: Path) -> None:
    path.write_text("Posėdžio darbotvarkė\n1. Pastabos\n", encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")


def _newer(path: Path) -> None:
    ok(kplan("init", path, "--title", "Planas", "--name", "Ona", "--email", "o@x.lt"))
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def _other_sqlite(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "text": (_text, "not a KPlan workspace"),
    "empty": (_empty, "not a KPlan workspace"),
    "pdf": (_pdf, "not a KPlan workspace"),
    "newer": (_newer, "newer version of KPlan"),
    "other-sqlite": (_other_sqlite, "another program"),
}


def _commands_on(path: Path) -> list[tuple[Any, ...]]:
    return [
        ("info", path),
        ("info", path, "--json"),
        ("identity", path, "--json"),
        ("remark", "list", path, "--json"),
        ("remark", "add", path, "--section", "1.1", "--type", "general", "--text", "Pastaba"),
        ("remark", "answer", path, "0190a000-0000-7000-8000-000000000000", "--status", "noted"),
    ]


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_workspace_is_refused_untouched(tmp_path: Path, kind: str) -> None:
    make, words = BAD_FILES[kind]
    path = tmp_path / "darbo.kplan"
    make(path)
    before = sha256(path)
    neighbours = sorted(p.name for p in tmp_path.iterdir())
    commands = _commands_on(path)
    if kind != "text":  # every command once is enough; each process costs most of a second
        commands = [commands[1], commands[4], commands[5]]
    for args in commands:
        result = kplan(*args)
        sentence = refused(result)
        assert words in sentence and str(path) in sentence, sentence
        assert result.stdout == ""
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == neighbours


def test_a_missing_workspace_is_refused(tmp_path: Path) -> None:
    for args in _commands_on(tmp_path / "nera.kplan"):
        assert "no workspace" in refused(kplan(*args))
    assert list(tmp_path.iterdir()) == []


def test_init_refuses_an_existing_file(plan_file: Path) -> None:
    before = sha256(plan_file)
    sentence = refused(kplan("init", plan_file, "--title", "Kitas", "--name", "Ona",
                             "--email", "o@x.lt"))
    assert "already exists" in sentence
    assert sha256(plan_file) == before


def test_a_failed_init_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "naujas.kplan"
    assert "title" in refused(kplan("init", path, "--title", "  ", "--name", "Ona",
                                    "--email", "o@x.lt"))
    assert "name" in refused(kplan("init", path, "--title", "Planas", "--name", " ",
                                   "--email", "o@x.lt"))
    assert "title" in refused(kplan("init", path, "--name", "Ona", "--email", "o@x.lt"))
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_workspace_is_read_but_not_written(plan_file: Path) -> None:
    plan_file.chmod(0o444)
    before = sha256(plan_file)
    assert json.loads(ok(kplan("info", plan_file, "--json")))["sections"] == 1
    sentence = refused(kplan("remark", "add", plan_file, "--section", "1.1", "--type",
                             "general", "--text", "Pastaba"))
    assert "read-only" in sentence
    assert sha256(plan_file) == before


# --- the demo ------------------------------------------------------------------------------------


def test_demo_builds_a_usable_plan(tmp_path: Path) -> None:
    # How fast it builds is measured in benchmarks/bench_demo.py, not asserted here.
    path = tmp_path / "demo.kplan"
    out = ok(kplan("demo", path))
    assert str(path) in out
    info = json.loads(ok(kplan("info", path, "--json")))
    assert info["groups"] == 9
    assert info["people"] >= 60
    assert 120 <= info["sections"] <= 200
    assert 1800 <= info["remarks"] <= 2200
    assert set(info["remarks_by_status"]) == {
        "new", "under_review", "accepted", "partly_accepted", "rejected", "noted", "withdrawn"}
    assert info["rounds"] == 2 and info["meetings"] > 0
    ident = json.loads(ok(kplan("identity", path, "--json")))
    assert ident["demo"] is True
    assert any(r["role"] == "secretary" for r in ident["roles"])
    # Every action can be tried in it: the demo copy answers remarks.
    open_ids = [r["id"] for r in json.loads(ok(kplan("remark", "list", path, "--status", "new",
                                                     "--json")))]
    assert open_ids
    ok(kplan("remark", "answer", path, open_ids[0], "--status", "accepted", "--response",
             "Pritarta."))
    again = json.loads(ok(kplan("info", path, "--json")))
    assert again["remarks_by_status"]["new"] == info["remarks_by_status"]["new"] - 1
    assert "already exists" in refused(kplan("demo", path))


def test_demo_is_deterministic(tmp_path: Path) -> None:
    lists = []
    for name in ("a.kplan", "b.kplan"):
        ok(kplan("demo", tmp_path / name, "--remarks", "200"))
        lists.append(json.loads(ok(kplan("remark", "list", tmp_path / name, "--json"))))
    assert lists[0] == lists[1]
    assert len(lists[0]) == 200


def test_output_to_a_stream_that_cannot_carry_lithuanian(plan_file: Path) -> None:
    """A Windows pipe is cp1252, a bare server ASCII: the output must not break off."""
    remark_id = ok(kplan("remark", "add", plan_file, "--section", "1.1", "--type", "general",
                         "--text", "Ąžuolų alėja – „žalioji“ 🙂")).strip()
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kplan_desktop", *map(str, args)],
                              capture_output=True, text=True, timeout=60, env=env, check=False)

    listed = json.loads(ok(run("remark", "list", plan_file, "--json")))
    assert [(r["id"], r["text"]) for r in listed] == [(remark_id, "Ąžuolų alėja – „žalioji“ 🙂")]
    assert json.loads(ok(run("info", plan_file, "--json")))["remarks"] == 1
    assert remark_id in ok(run("remark", "list", plan_file))
    assert "R\\u016bta \\u017demaitien\\u0117" in ok(run("identity", plan_file))
    sentence = refused(run("remark", "add", plan_file, "--section", "Ą.1", "--type", "general",
                           "--text", "x"))
    assert "\\u0104.1" in sentence


def test_an_argument_in_a_wrong_encoding_is_refused(plan_file: Path) -> None:
    """Bytes that are not UTF-8 on the command line (a Latin-1 terminal) are not text."""
    result = subprocess.run(
        [sys.executable, "-m", "kplan_desktop", "remark", "add", str(plan_file), "--section",
         "1.1", "--type", "general", "--text", b"Pastaba \xe0 la Latin-1"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert "broken character" in refused(result)
    assert json.loads(ok(kplan("info", plan_file, "--json")))["remarks"] == 0


def test_init_without_a_keyring_or_passphrase_says_what_to_do_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KPLAN_PASSPHRASE"}
    path = tmp_path / "naujas.kplan"
    result = subprocess.run(
        [sys.executable, "-m", "kplan_desktop", "init", str(path), "--title", "Planas",
         "--name", "Ona", "--email", "o@x.lt"],
        capture_output=True, text=True, timeout=60, check=False, env=env,
        stdin=subprocess.DEVNULL,
    )
    assert "KPLAN_PASSPHRASE" in refused(result)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_locked_workspace_is_refused_after_the_busy_timeout(plan_file: Path) -> None:
    """Another program in the middle of a write: the command waits its busy timeout, then
    says so, and the file is as it was."""
    other = sqlite3.connect(plan_file, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO meta (key, value) VALUES ('other', 'program')")
        before = sha256(plan_file)
        started = time.monotonic()
        result = kplan("remark", "add", plan_file, "--section", "1.1", "--type", "general",
                       "--text", "Pastaba")
        waited = time.monotonic() - started
        assert "busy in another program" in refused(result)
        assert sha256(plan_file) == before
        assert waited < 30
        # Reading is not blocked by a writer.
        assert json.loads(ok(kplan("info", plan_file, "--json")))["remarks"] == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
