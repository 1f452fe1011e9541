"""The command line does no harm: it never writes over its workspace, a reader that goes away
does not turn a done job into a failure, and text from data cannot drive the terminal.

Each test runs ``kplan`` as a separate process, as a user's script does, and reads its output
as bytes: what matters is what reaches the terminal.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kplan_desktop.store import actions
from kplan_desktop.store.events import clean_text
from kplan_desktop.store.workspace import Workspace

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
#: A colour, a bidi override, a terminal-title escape ending in BEL, a C1 CSI and a forged line.
HOSTILE = "Ona\x1b[31m\u202eanO\x1b]0;pwned\x07 \x9b2J\nkplan: all is well"
RAW = ("\x1b", "\u202e", "\x07", "\x9b")
Arg = str | bytes | Path


def argv(*args: Arg) -> list[str | bytes]:
    return [sys.executable, "-m", "kplan_desktop",
            *(a if isinstance(a, bytes) else str(a) for a in args)]


def run(*args: Arg) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(argv(*args), capture_output=True, cwd=REPO, timeout=120, check=False)


def ok(*args: Arg) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result.stdout.decode()


def refused(result: subprocess.CompletedProcess[bytes]) -> str:
    """Exit 1 and one sentence on stderr, not a traceback nor an 'unexpected error'."""
    err = result.stderr.decode(errors="replace")
    assert result.returncode == 1, (result.stdout, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kplan: "), err
    assert "unexpected error" not in err and "Traceback" not in err, err
    return lines[0]


def into_closed_pipe(*args: Arg) -> subprocess.CompletedProcess[bytes]:
    """``kplan ... | head -c0``, without the race: the pipe's read end is closed before
    the command starts, so its first write to stdout meets a broken pipe."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(argv(*args), stdout=write_end, stderr=subprocess.PIPE, cwd=REPO,
                              timeout=120, check=False)
    finally:
        os.close(write_end)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def remarks(path: Path) -> list[dict[str, object]]:
    return list(json.loads(ok("remark", "list", path, "--json")))


def init(path: Path, name: str = "Rūta Žemaitienė") -> None:
    ok("init", path, "--title", "Kauno planas", "--name", name, "--email", "ruta@example.lt")


def add_section(path: Path, code: str = "1.1") -> None:
    with Workspace.open(path) as ws:
        group = actions.add_group(ws, code="APL", name="Aplinkos grupė")
        actions.add_section(ws, parent_id=None, kind="goal", code=code, title="Žalesnis Kaunas",
                            body="Ąžuolyne bus sodinami ąžuolai.", responsible_group_id=group)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "planas.kplan"
    init(path)
    add_section(path)
    ok("remark", "add", path, "--section", "1.1", "--type", "general", "--text", "Daugiau.")
    return path


# --- outputs that would overwrite the workspace -----------------------------------------------

EXPORTS = ("bundle", "remarks", "draft")


def export(what: str, workspace: Path, out: Path) -> tuple[Arg, ...]:
    """The command line of each command that writes a file beside its workspace."""
    return {
        "bundle": ("bundle", "export", workspace, "-o", out, "--full"),
        "remarks": ("export", "remarks", workspace, "--format", "docx", "-o", out),
        "draft": ("export", "draft", workspace, "-o", out),
    }[what]


def test_no_export_writes_over_its_workspace(plan: Path, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.kplan").symlink_to(plan)
    os.link(plan, tmp_path / "hard-link.bin")
    dangling_wal = tmp_path / "to-wal.bundle"
    dangling_wal.symlink_to(f"{plan}-wal")
    before, files = sha256(plan), listing(tmp_path)
    targets = [plan, tmp_path / "sub" / ".." / plan.name, tmp_path / "link.kplan",
               tmp_path / "hard-link.bin", Path(f"{plan}-wal"), Path(f"{plan}-shm"),
               dangling_wal]
    # Each command once with the workspace itself, then the other spellings in turn.
    cases = [(what, plan) for what in EXPORTS]
    cases += [(EXPORTS[i % 3], t) for i, t in enumerate(targets[1:])]
    for what, target in cases:
        sentence = refused(run(*export(what, plan, target)))
        assert "would overwrite the workspace" in sentence, sentence
        assert sha256(plan) == before
        assert listing(tmp_path) == files
    assert len(remarks(plan)) == 1


def test_no_export_writes_over_another_workspace(plan: Path, tmp_path: Path) -> None:
    other, renamed = tmp_path / "kitas.kplan", tmp_path / "kopija.dat"
    init(other, "Ona")
    # A workspace renamed: only its SQLite header says what it is.
    with contextlib.closing(sqlite3.connect(other)) as src, \
            contextlib.closing(sqlite3.connect(renamed)) as dst:
        src.backup(dst)
    hashes = {p: sha256(p) for p in (other, renamed)}
    for what, target in zip(EXPORTS, [other, renamed, other], strict=True):
        sentence = refused(run(*export(what, plan, target)))
        assert "is a KPlan workspace" in sentence, (what, sentence)
    assert {p: sha256(p) for p in hashes} == hashes
    # Replacing an earlier export of one's own is what -o is for.
    report = tmp_path / "suvestine.docx"
    report.write_bytes(b"an old report")
    assert "Wrote" in ok(*export("remarks", plan, report))
    assert report.read_bytes()[:2] == b"PK"


def test_the_workspace_is_not_read_as_a_file_to_import(plan: Path, tmp_path: Path) -> None:
    before = sha256(plan)
    link = tmp_path / "paketas.kplanbundle"
    link.symlink_to(plan)
    for args in [("bundle", "import", plan, plan), ("bundle", "import", plan, link),
                 ("import", "draft", plan, plan)]:
        assert "is the workspace itself" in refused(run(*args))
    assert sha256(plan) == before


def test_init_and_demo_do_not_build_on_a_stale_journal(tmp_path: Path) -> None:
    """A -wal left by a deleted workspace would be read into the new file, and removed by a
    failed init as if it were its own."""
    path = tmp_path / "naujas.kplan"
    stale = Path(f"{path}-wal")
    stale.write_bytes(b"someone's journal")
    for args in [("init", path, "--title", "Planas", "--name", "Ona", "--email", "o@x.lt"),
                 ("demo", path, "--remarks", "10")]:
        assert "already exists" in refused(run(*args))
    assert listing(tmp_path) == [stale.name]
    assert stale.read_bytes() == b"someone's journal"


# --- a reader that goes away -------------------------------------------------------------------


def test_a_closed_pipe_does_not_undo_or_fail_a_done_job(plan: Path, tmp_path: Path) -> None:
    result = into_closed_pipe("remark", "add", plan, "--section", "1.1", "--type", "general",
                              "--text", "Pridėta.")
    assert (result.returncode, result.stderr) == (0, b"")
    added = [r for r in remarks(plan) if r["text"] == "Pridėta."]
    assert len(added) == 1
    result = into_closed_pipe("remark", "answer", plan, str(added[0]["id"]), "--status", "noted")
    assert (result.returncode, result.stderr) == (0, b"")
    assert [r["status"] for r in remarks(plan) if r["id"] == added[0]["id"]] == ["noted"]
    for args in [("remark", "list", plan), ("remark", "list", plan, "--json"),
                 ("info", plan, "--json")]:
        assert into_closed_pipe(*args).returncode == 0
    report, draft = tmp_path / "suvestine.pdf", tmp_path / "projektas.docx"
    assert into_closed_pipe(*export("remarks", plan, report)).returncode == 0
    assert into_closed_pipe(*export("draft", plan, draft)).returncode == 0
    assert report.exists() and draft.exists()
    made, demo = tmp_path / "naujas.kplan", tmp_path / "demo.kplan"
    for args in [("init", made, "--title", "Planas", "--name", "Ona", "--email", "o@x.lt"),
                 ("demo", demo, "--remarks", "20")]:
        assert into_closed_pipe(*args).returncode == 0
    assert len(remarks(demo)) == 20
    assert json.loads(ok("info", made, "--json"))["people"] == 1
    # A refused job says so on stderr and exits 1 whoever reads stdout; nothing changed.
    before = sha256(plan)
    result = into_closed_pipe("remark", "add", plan, "--section", "9.9", "--type", "general",
                              "--text", "x")
    assert "no section" in refused(result)
    assert sha256(plan) == before


def test_a_bundle_import_into_a_closed_pipe_commits_and_says_so(tmp_path: Path) -> None:
    sec, expert = tmp_path / "sekretore.kplan", tmp_path / "ekspertas.kplan"
    init(sec)
    full, hello = tmp_path / "pilnas.kplanbundle", tmp_path / "ona.kplanbundle"
    ok("bundle", "export", sec, "-o", full, "--full")
    ok("init", expert, "--from", full, "--name", "Ona", "--email", "ona@example.lt")
    ok("bundle", "export", expert, "-o", hello)
    identity = json.loads(ok("identity", expert, "--json"))

    # Not yet trusted: refused, exit 1, nothing changed, even with no reader.
    info = ok("info", sec, "--json")
    assert "kplan trust" in refused(into_closed_pipe("bundle", "import", sec, hello))
    assert ok("info", sec, "--json") == info

    result = into_closed_pipe("trust", sec, identity["fingerprint"], "--person",
                              identity["person_id"])
    assert (result.returncode, result.stderr) == (0, b"")
    result = into_closed_pipe("bundle", "import", sec, hello)
    assert (result.returncode, result.stderr) == (0, b"")
    again = json.loads(ok("bundle", "import", sec, hello, "--json"))
    assert again[0]["applied"] == 0 and again[0]["skipped"] >= 1  # the import had committed

    # One bundle of two refused: exit 1, stderr says which (with no reader), and neither is
    # imported: exit 1 always means nothing changed.
    other, other_hello = tmp_path / "jonas.kplan", tmp_path / "jonas.kplanbundle"
    ok("init", other, "--from", full, "--name", "Jonas", "--email", "jonas@example.lt")
    ok("bundle", "export", other, "-o", other_hello)
    jonas = json.loads(ok("identity", other, "--json"))
    ok("trust", sec, jonas["fingerprint"], "--person", jonas["person_id"])
    junk = tmp_path / "junk.kplanbundle"
    junk.write_bytes(b"not a bundle")
    before = ok("info", sec, "--json")
    result = into_closed_pipe("bundle", "import", sec, other_hello, junk)
    assert result.returncode == 1
    assert b"junk.kplanbundle is not a KPlan bundle" in result.stderr
    assert b"nothing was imported (1 of 2 bundles refused)" in result.stderr
    assert ok("info", sec, "--json") == before
    ok("bundle", "import", sec, other_hello)
    assert ok("info", sec, "--json") != before


# --- text from data on a terminal --------------------------------------------------------------


def raw_controls(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    return [ch for ch in RAW if ch in text]


def test_text_from_data_cannot_drive_the_terminal(tmp_path: Path) -> None:
    sec, expert = tmp_path / "sekretore.kplan", tmp_path / "ekspertas.kplan"
    init(sec, name=HOSTILE)
    add_section(sec, code="1.\u202e1")
    ok("remark", "add", sec, "--section", "1.\u202e1", "--type", "general", "--text", HOSTILE)
    full = tmp_path / "pilnas.kplanbundle"
    ok("bundle", "export", sec, "-o", full, "--full")

    outputs = [
        run("info", sec), run("identity", sec), run("remark", "list", sec),
        run("remark", "list", sec, "--json"), run("bundle", "verify", full),
        run("init", expert, "--from", full, "--name", "Ona", "--email", "o@x.lt"),
        run("trust", expert, "--list"),
        run("remark", "add", sec, "--section", "\x1b[2J\u202e", "--type", "general", "--text",
            "x"),
    ]
    for result in outputs:
        assert raw_controls(result.stdout) == [], result.stdout
        assert raw_controls(result.stderr) == [], result.stderr
    listed = outputs[2].stdout.decode()
    # C0 controls are never stored (see store.events.clean_text); the rest is shown escaped.
    assert "Ona[31m\\u202eanO" in listed and "\\x9b2J" in listed
    # The name's newline is shown, not obeyed: one line per remark, nothing forged.
    assert len(listed.splitlines()) == 1 and "\\x0akplan: all is well" in listed
    assert [line for line in outputs[1].stdout.decode().splitlines()
            if line.startswith("kplan")] == []
    # JSON escapes them instead, and reads back exactly.
    assert [r["text"] for r in json.loads(outputs[3].stdout)] == [clean_text(HOSTILE)]
    assert json.loads(outputs[3].stdout)[0]["author_name"] == clean_text(HOSTILE)
    assert "no section with the code \\x1b[2J\\u202e" in refused(outputs[7])


def test_bytes_that_are_not_text_are_refused_with_one_sentence(plan: Path,
                                                                tmp_path: Path) -> None:
    before = sha256(plan)
    remark_id = str(remarks(plan)[0]["id"])
    cases: list[tuple[Arg, ...]] = [
        ("remark", "add", plan, "--section", "1.1", "--type", "general", "--text", b"\xff"),
        ("remark", "add", plan, "--section", b"1.\xff", "--type", "general", "--text", "x"),
        ("remark", "list", plan, "--search", b"\xe0 la"),
        ("remark", "list", plan, "--group", b"AP\xff"),
        ("remark", "answer", plan, remark_id, "--status", "noted", "--response", b"\xff"),
        ("trust", plan, b"1234\xff"),
        ("init", tmp_path / "naujas.kplan", "--title", "Planas", "--name", b"Ona \xff",
         "--email", "o@x.lt"),
    ]
    for args in cases:
        assert "broken character" in refused(run(*args))
    assert sha256(plan) == before
    assert not (tmp_path / "naujas.kplan").exists()


def test_a_file_name_that_is_not_text_is_still_a_file_name(tmp_path: Path) -> None:
    """Such bytes are a valid name on POSIX; printing it must not fail after the file is made."""
    if sys.platform == "win32":
        pytest.skip("file names are text on Windows")
    name = os.fsencode(tmp_path) + b"/pl\xe0nas.kplan"
    result = run("init", name, "--title", "Planas", "--name", "Ona", "--email", "o@x.lt")
    assert result.returncode == 0, result.stderr
    assert "pl\\udce0nas.kplan" in result.stdout.decode()
    assert json.loads(run("info", name, "--json").stdout)["path"].endswith("pl\udce0nas.kplan")


def test_a_usage_error_does_not_echo_escapes(tmp_path: Path) -> None:
    """argparse echoes unrecognised arguments as they are; a script's argument may be data."""
    result = run("info", tmp_path / "x.kplan", "\x1b[2J\u202e")
    assert result.returncode == 2
    assert raw_controls(result.stderr) == [] and b"\\x1b[2J\\u202e" in result.stderr
    assert listing(tmp_path) == []
