"""A tester trying to make the command line do harm, with every command.

Outputs that are no file to replace (a pipe, a device, a symbolic link loop, the window's
lock file, the copy's own signing key), a full disk, workspace paths that cannot be opened,
Ctrl+C at the worst moment, a reader that goes away, text from data that hides or reorders
what a terminal shows, and every writing command run while a window holds the file.

Each runs ``kplan`` as a separate process and judges what a user would notice: the exit
code, the one sentence on stderr, and whether the workspace changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from kplan_desktop.core.errors import KPlanError
from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and signals")
Arg = str | Path


def argv(*args: Arg) -> list[str]:
    return [sys.executable, "-m", "kplan_desktop", *map(str, args)]


def run(*args: Arg, preexec: Callable[[], None] | None = None,
        ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(argv(*args), capture_output=True, cwd=REPO, timeout=180, check=False,
                          preexec_fn=preexec, stdin=subprocess.DEVNULL)


def ok(*args: Arg) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result.stdout.decode()


def refused(result: subprocess.CompletedProcess[bytes]) -> str:
    """Exit 1 and one sentence on stderr: no traceback, no 'unexpected error'."""
    err = result.stderr.decode(errors="replace")
    assert result.returncode == 1, (result.returncode, result.stdout, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kplan: "), err
    assert "unexpected error" not in err and "Traceback" not in err, err
    return lines[0]


def state(path: Path) -> str:
    """Everything the workspace holds, as one digest: equal digests, nothing changed."""
    digest = hashlib.sha256()
    with contextlib.closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro",
                                            uri=True)) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name <> 'meta' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"'))):
                digest.update(row.encode())
    return digest.hexdigest()


def integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A plan with a group, a section, a remark and a meeting, made by the command line."""
    path = tmp_path / "planas.kplan"
    ok("init", path, "--title", "Kauno planas", "--name", "Rūta Žemaitienė", "--email",
       "ruta@example.lt")
    ok("group", "add", path, "--code", "APL", "--name", "Aplinkos grupė")
    with Workspace.open(path) as ws:
        group = queries.group_by_code(ws, "APL")
        assert group is not None
        actions.add_section(ws, parent_id=None, kind="goal", code="1.1", title="Žalesnis Kaunas",
                            body="Ąžuolyne bus sodinami ąžuolai.",
                            responsible_group_id=group["id"])
    ok("remark", "add", path, "--section", "1.1", "--type", "general", "--text", "Daugiau.")
    ok("meeting", "add", path, "--group", "APL", "--date", "2026-03-15", "--place", "Rotušė")
    return path


def meeting_id(path: Path) -> str:
    return str(json.loads(ok("meeting", "list", path, "--json"))[0]["id"])


def exports(workspace: Path, out: Path, meeting: str) -> list[tuple[Arg, ...]]:
    """Every command that writes a file beside its workspace."""
    return [
        ("bundle", "export", workspace, "-o", out, "--full"),
        ("export", "remarks", workspace, "--format", "docx", "-o", out),
        ("export", "remarks", workspace, "--format", "pdf", "-o", out),
        ("export", "remarks", workspace, "--format", "xlsx", "-o", out),
        ("export", "draft", workspace, "-o", out),
        ("export", "minutes", workspace, "--meeting", meeting, "--format", "pdf", "-o", out),
        ("export", "attendance", workspace, "--group", "APL", "--year", "2026", "-o", out),
    ]


def data_folder() -> Path:
    return Path(os.environ["KPLAN_DATA_DIR"])


# --- outputs that are no file to write ----------------------------------------------------------


@POSIX
def test_no_export_replaces_a_pipe_a_lock_a_key_or_a_link_loop(plan: Path,
                                                              tmp_path: Path) -> None:
    """Each was replaced by the report, exit 0: someone's FIFO, the window's lock file (a
    second window could then open the workspace), and the copy's signing key (the copy could
    sign nothing any more)."""
    meeting = meeting_id(plan)
    fifo = tmp_path / "vamzdis.xlsx"
    os.mkfifo(fifo)
    loop = tmp_path / "ratas.xlsx"
    loop.symlink_to(loop.name)
    lock = Path(f"{plan}.lock")
    lock.write_bytes(b"4242\n")
    keys = sorted((data_folder() / "keys").iterdir())
    assert keys, "init keeps the key in a key file here"
    key_bytes = keys[0].read_bytes()
    key_link = tmp_path / "raktas.xlsx"
    os.link(keys[0], key_link)
    settings = data_folder() / "settings.ini"
    settings.write_text("[recent]\n", encoding="utf-8")
    before, files = state(plan), listing(tmp_path)
    targets = {fifo: "not an ordinary file", loop: "could not be written",
               lock: "would overwrite the workspace", keys[0]: "KPlan's own files",
               key_link: "KPlan's own files",
               data_folder() / "keys" / "naujas.xlsx": "KPlan's own files",
               settings: "KPlan's own files",
               Path("/proc/self/fd/1"): "not an ordinary file"}
    for i, command in enumerate(exports(plan, Path("X"), meeting)):
        for target, why in targets.items():
            args = tuple(target if a == Path("X") else a for a in command)
            sentence = refused(run(*args))
            assert why in sentence, (i, target, sentence)
    assert fifo.is_fifo() and loop.is_symlink()
    assert lock.read_bytes() == b"4242\n"
    assert keys[0].read_bytes() == key_bytes
    assert settings.read_text(encoding="utf-8") == "[recent]\n"
    assert listing(tmp_path) == files
    assert state(plan) == before
    # The copy can still sign: its key is whole.
    assert "Wrote" in ok("bundle", "export", plan, "-o", tmp_path / "geras.kplanbundle")


@POSIX
def test_an_output_name_that_cannot_be_a_file_is_one_sentence(plan: Path,
                                                              tmp_path: Path) -> None:
    """A file where a folder should be, and a name too long, were 'unexpected error's."""
    meeting = meeting_id(plan)
    (tmp_path / "byla").write_text("ne aplankas", encoding="utf-8")
    before, files = state(plan), listing(tmp_path)
    for target in (tmp_path / "byla" / "ataskaita.xlsx", tmp_path / ("ą" * 200 + ".xlsx")):
        for command in exports(plan, target, meeting):
            assert "could not be written" in refused(run(*command))
    assert listing(tmp_path) == files and state(plan) == before


def test_a_long_name_that_the_system_allows_is_written(plan: Path, tmp_path: Path) -> None:
    """The temporary file beside it once took the whole name and a suffix: too long."""
    meeting = meeting_id(plan)
    for i, command in enumerate(exports(plan, Path("X"), meeting)):
        target = tmp_path / f"{'ą' * 118}{i}.xlsx"  # 242 bytes of the 255 a name may have
        assert "Wrote" in ok(*(target if a == Path("X") else a for a in command))
        assert target.stat().st_size > 0


def _full_disk(limit: int) -> Callable[[], None]:
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@POSIX
def test_a_full_disk_is_one_sentence_and_no_half_file(tmp_path: Path) -> None:
    """A file size limit (as a full disk, or a quota, is met: EFBIG, ENOSPC, EDQUOT) gave
    'unexpected error (OSError: File too large)' and tracebacks of lxml and zipfile."""
    demo = tmp_path / "demo.kplan"
    ok("demo", demo, "--remarks", "200")
    meeting = str(json.loads(ok("meeting", "list", demo, "--json"))[0]["id"])
    out = tmp_path / "out" / "ataskaita.bin"
    out.parent.mkdir()
    before = state(demo)
    for command in exports(demo, out, meeting)[:-1]:  # the attendance sheet is too small
        # Above SQLite's own shared-memory file, below every one of these files.
        sentence = refused(run(*command, preexec=_full_disk(40_000)))
        assert f"The disk is full; {out} was not written." in sentence, sentence
        assert listing(out.parent) == []
    assert state(demo) == before


# --- workspace paths that cannot be opened -------------------------------------------------------


@POSIX
def test_a_workspace_path_that_cannot_be_opened_is_one_sentence(tmp_path: Path) -> None:
    loop = tmp_path / "ratas.kplan"
    loop.symlink_to(loop.name)
    (tmp_path / "byla").write_text("ne aplankas", encoding="utf-8")
    paths = [loop, tmp_path / "byla" / "planas.kplan", tmp_path / ("ą" * 200 + ".kplan")]
    files = listing(tmp_path)
    for path in paths:
        for args in [("info", path), ("identity", path), ("remark", "list", path),
                     ("group", "list", path), ("member", "list", path),
                     ("meeting", "list", path), ("trust", path, "--list"),
                     ("group", "add", path, "--code", "X", "--name", "Y"),
                     ("remark", "add", path, "--section", "1", "--type", "general",
                      "--text", "x")]:
            assert "could not be read or written" in refused(run(*args))
    assert listing(tmp_path) == files


def test_a_workspace_that_is_not_there_is_not_made(tmp_path: Path) -> None:
    """No command but init and demo makes a file: a typo must not leave an empty workspace."""
    missing = tmp_path / "Mano planai" / "nėra čia.kplan"
    missing.parent.mkdir()
    for args in [("info", missing), ("remark", "list", missing), ("trust", missing, "--list"),
                 ("group", "add", missing, "--code", "X", "--name", "Y"),
                 ("member", "list", missing), ("export", "remarks", missing, "-o",
                                               tmp_path / "a.pdf")]:
        assert "There is no workspace at" in refused(run(*args))
    assert listing(missing.parent) == [] and not (tmp_path / "a.pdf").exists()


# --- Ctrl+C and a reader that goes away ----------------------------------------------------------

#: Runs kplan with a signal raised just after (or just before) each COMMIT: the worst moment
#: a user's Ctrl+C, a `timeout` or a closed terminal can land.
_DRIVER = """
import contextlib, runpy, signal, sys
from kplan_desktop.store.workspace import Workspace
when, number = sys.argv[1], getattr(signal, sys.argv[2])
del sys.argv[1:3]
real = Workspace._immediate

@contextlib.contextmanager
def immediate(self):
    with real(self) as conn:
        yield conn
        if when == "before":
            signal.raise_signal(number)
    if when == "after":
        signal.raise_signal(number)

Workspace._immediate = immediate
if when == "telling":  # the job is done; the signal comes as it prints its outcome
    import kplan_desktop.cli as cli
    real_say = cli.say

    def say(*args, **kwargs):
        signal.raise_signal(number)
        real_say(*args, **kwargs)

    cli.say = say
sys.argv[0] = "kplan"
runpy.run_module("kplan_desktop", run_name="__main__", alter_sys=True)
"""


def signalled(when: str, name: str, *args: Arg) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", _DRIVER, when, name, *map(str, args)],
                          capture_output=True, cwd=REPO, timeout=180, check=False,
                          stdin=subprocess.DEVNULL)


def writing_commands(plan: Path, tmp_path: Path) -> list[tuple[Arg, ...]]:
    """One of each command that writes the workspace (each may run more than once)."""
    remark = str(json.loads(ok("remark", "list", plan, "--json"))[0]["id"])
    meeting = meeting_id(plan)
    roster = tmp_path / "sarasas.csv"
    roster.write_text("Name,E-mail\nPetras Petraitis,petras@example.lt\n", encoding="utf-8")
    draft = tmp_path / "projektas.docx"
    ok("export", "draft", plan, "-o", draft)
    document = docx.Document(str(draft))
    title = next(p for p in document.paragraphs if "Žalesnis Kaunas" in p.text)
    for piece in title.runs[1:]:
        piece.text = ""
    title.runs[0].text = "1.1 Žalesnis ir švaresnis Kaunas"
    document.save(str(draft))
    return [
        ("remark", "add", plan, "--section", "1.1", "--type", "technical", "--text", "Kita."),
        ("remark", "answer", plan, remark, "--status", "noted", "--response", "Gerai."),
        ("group", "add", plan, "--code", "SOC", "--name", "Socialinė grupė"),
        ("group", "update", plan, "APL", "--mandate", "Nuostatai."),
        ("member", "add", plan, "ona@example.lt", "--group", "APL", "--name",
         "Ona Onaitė"),
        ("meeting", "add", plan, "--group", "APL", "--date", "2026-04-01"),
        ("meeting", "update", plan, meeting, "--place", "Miesto salė"),
        ("roster", "import", plan, roster, "--group", "APL"),
        ("import", "draft", plan, draft),
        ("trust", plan, "1234 5678 9012 3456 7890 1234 5678 9012 3456 7890", "--person",
         "ona@example.lt"),  # the member added above
    ]


@POSIX
@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_an_interrupt_says_what_happened(plan: Path, tmp_path: Path, name: str) -> None:
    """Interrupted before its COMMIT, a job changes nothing and exits 1; once committed it
    finishes and exits 0. A Ctrl+C just after the COMMIT said 'interrupted; nothing was
    changed', exit 1, over a change that was written; SIGTERM (`timeout`) killed it silently."""
    for command in writing_commands(plan, tmp_path):
        before = state(plan)
        result = signalled("before", name, *command)
        assert "interrupted; nothing was changed" in refused(result), command
        assert state(plan) == before, command
        result = signalled("after", name, *command)
        assert result.returncode == 0, (command, result.stderr)
        assert result.stderr == b"", result.stderr
        assert state(plan) != before, command
    assert integrity(plan) == "ok"


@POSIX
def test_an_interrupt_while_a_workspace_is_made(tmp_path: Path) -> None:
    """init and demo build a new file in several transactions: interrupted in any of them,
    they leave no file, exit 1; interrupted as they tell it is made, the file stands, exit 0.
    (They stay interruptible to the end: a demo of a million remarks too.)"""
    for command in (("init", "--title", "Planas", "--name", "Ona", "--email", "o@x.lt"),
                    ("demo", "--remarks", "20")):
        made = tmp_path / f"{command[0]}.kplan"
        for when in ("before", "after"):
            result = signalled(when, "SIGINT", command[0], made, *command[1:])
            assert "interrupted; nothing was changed" in refused(result), when
            assert listing(tmp_path) == [], when
        result = signalled("telling", "SIGINT", command[0], made, *command[1:])
        assert result.returncode == 0, result.stderr
        assert b"interrupted, but" in result.stderr and b"was already made" in result.stderr
        assert json.loads(ok("info", made, "--json"))["people"] >= 1
        assert integrity(made) == "ok"
        for file in tmp_path.iterdir():
            file.unlink()


@POSIX
def test_a_closed_pipe_after_every_writing_command(plan: Path, tmp_path: Path) -> None:
    """`kplan ... | head -0`: the job stands and says so by its exit code; a job that prints
    before it writes (the roster's preview) writes nothing and exits 1."""
    for command in writing_commands(plan, tmp_path):
        before = state(plan)
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            result = subprocess.run(argv(*command), stdout=write_end, stderr=subprocess.PIPE,
                                    cwd=REPO, timeout=180, check=False)
        finally:
            os.close(write_end)
        if command[0] == "roster":
            assert result.returncode == 1 and state(plan) == before
        else:
            assert (result.returncode, result.stderr) == (0, b""), (command, result.stderr)
            assert state(plan) != before, command
    assert integrity(plan) == "ok"


# --- text from data on a terminal ----------------------------------------------------------------

#: Zero-width space, right-to-left mark, a left-to-right isolate and its end, a word joiner,
#: the byte order mark, a tag letter, an interlinear annotation and a C1 NEL: each hides or
#: reorders what is shown. And a name long enough to flood the terminal.
HIDDEN = "Ona\u200b\u200f\u2066Ko\u2069\u2060\ufeff\U000e0041\ufff9\x85 Onaitė"
HIDDEN_RAW = ("\u200b", "\u200f", "\u2066", "\u2069", "\u2060", "\ufeff", "\U000e0041",
              "\ufff9", "\x85")


def test_hidden_and_reordering_characters_and_endless_names_are_shown_harmless(
    plan: Path, tmp_path: Path,
) -> None:
    long_name = "Petras " + "Ilgavardis" * 2000
    ok("member", "add", plan, "ona@example.lt", "--group", "APL", "--name", HIDDEN)
    ok("member", "add", plan, "petras@example.lt", "--group", "APL", "--name", long_name)
    ok("group", "add", plan, "--code", "S\u200bOC", "--name", HIDDEN)
    ok("meeting", "add", plan, "--group", "APL", "--date", "2026-05-01", "--place", HIDDEN)
    ok("remark", "add", plan, "--section", "1.1", "--type", "general", "--text", HIDDEN)
    outputs = [run("member", "list", plan), run("group", "list", plan),
               run("meeting", "list", plan), run("remark", "list", plan), run("info", plan)]
    for result in outputs:
        assert result.returncode == 0, result.stderr
        text = result.stdout.decode("utf-8")
        assert [ch for ch in HIDDEN_RAW if ch in text] == [], text
        assert max(map(len, text.splitlines())) < 1000
    members = outputs[0].stdout.decode()
    assert ("Ona\\u200b\\u200f\\u2066Ko\\u2069\\u2060\\ufeff\\U000e0041\\ufff9\\x85"
            " Onaitė") in members
    assert "Petras IlgavardisIlgavardis" in members and "…" in members
    # JSON escapes them, and reads back exactly, the long name whole.
    for args in [("member", "list", plan, "--json"), ("group", "list", plan, "--json"),
                 ("remark", "list", plan, "--json"), ("meeting", "list", plan, "--json")]:
        raw = run(*args).stdout
        assert [ch for ch in HIDDEN_RAW if ch in raw.decode("utf-8")] == [], args
        assert HIDDEN in json.dumps(json.loads(raw), ensure_ascii=False), args
    names = {m["name"] for m in json.loads(run("member", "list", plan, "--json").stdout)}
    assert {HIDDEN, long_name} <= names
    # An error sentence that quotes a name is one line and harmless too.
    sentence = refused(run("member", "end", plan, "nėra\u200b\u202e@x.lt\n\x1b[2J"))
    assert "\\u200b\\u202e@x.lt\\x0a\\x1b[2J" in sentence


# --- one workspace, a window, a worker and the terminal at once ----------------------------------


def test_every_writing_command_while_a_window_holds_the_workspace(plan: Path,
                                                                   tmp_path: Path) -> None:
    """The window (this process) holds the file and a worker of it opens and closes it again;
    every writing command and every export runs in a terminal meanwhile. The window's WAL
    stays the file's, every write of each side is there, and the file is whole."""
    commands = writing_commands(plan, tmp_path)
    meeting = meeting_id(plan)
    held = Workspace.open(plan)
    wal = Path(f"{plan}-wal")
    written = []
    try:
        section = queries.section_by_code(held, "1.1")
        assert section is not None
        for i, command in enumerate(commands):
            written.append(actions.add_remark(held, section_id=str(section["id"]),
                                              remark_type="general", text=f"Langas {i}."))
            worker = Workspace.open(plan)
            written.append(actions.add_remark(worker, section_id=str(section["id"]),
                                              remark_type="editorial", text=f"Gija {i}."))
            worker.close()
            ok(*command)
            ok(*exports(plan, tmp_path / f"eksportas{i}.xlsx", meeting)[i % 7])
            assert wal.exists()
        written.append(actions.add_remark(held, section_id=str(section["id"]),
                                          remark_type="general", text="Paskutinė."))
        assert queries.group_by_code(held, "SOC") is not None  # the terminal's write, seen
    finally:
        held.close()
    assert integrity(plan) == "ok"
    with Workspace.open(plan, readonly=True) as fresh:
        assert set(written) <= set(queries.remark_ids(fresh, queries.RemarkFilter()))
        assert any(r["text"] == "Kita." for r in
                   queries.remark_rows(fresh, queries.remark_ids(
                       fresh, queries.RemarkFilter())).values())


@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="signals")
def test_the_driver_patches_what_it_means_to(plan: Path) -> None:
    """The interrupt test's driver reaches the transaction it is about (a rename would make
    it pass for nothing)."""
    assert callable(getattr(Workspace, "_immediate", None))
    result = signalled("none", "SIGINT", "group", "add", plan, "--code", "T", "--name", "T")
    assert result.returncode == 0, result.stderr


def test_no_writer_replaces_a_workspace_a_window_holds(plan: Path, tmp_path: Path) -> None:
    """The window's exports write through the same atomic writer; a Save dialog pointed at
    the open workspace (or its journal, or its lock) replaced the file under the window."""
    from kplan_desktop.core.files import FileWriteError, write_bytes_atomically

    link = tmp_path / "nuoroda.docx"
    link.symlink_to(plan)
    with Workspace.open(plan) as held:
        section = queries.section_by_code(held, "1.1")
        assert section is not None
        actions.add_remark(held, section_id=str(section["id"]), remark_type="general",
                           text="Prieš.")
        before = state(plan)
        Path(f"{plan}.lock").write_bytes(b"")
        for target in (plan, Path(f"{plan}-wal"), Path(f"{plan}-shm"), Path(f"{plan}.lock"),
                       link, plan.with_name("PLANAS.KPLAN")):
            if not os.path.lexists(target):
                continue  # a file system that does not fold case
            with pytest.raises(FileWriteError, match="is a KPlan workspace"):
                write_bytes_atomically(target, b"an export")
        assert state(plan) == before
        actions.add_remark(held, section_id=str(section["id"]), remark_type="general",
                           text="Po.")
    assert integrity(plan) == "ok"
    assert len(json.loads(ok("remark", "list", plan, "--json"))) == 3


def _closing(*fds: int) -> Callable[[], None]:
    def close() -> None:
        for fd in fds:
            os.close(fd)
    return close


@POSIX
def test_an_output_stream_closed_from_the_start_does_not_turn_a_done_job_into_a_failure(
    plan: Path, tmp_path: Path,
) -> None:
    """`kplan init ... 2>&-` made the workspace, then failed on the closed stderr (exit 1,
    'unexpected error (AttributeError)'); `>&-` the same on stdout."""
    for fds in [(1,), (2,), (1, 2)]:
        made = tmp_path / f"naujas{len(fds)}{fds[0]}.kplan"
        result = run("init", made, "--title", "Planas", "--name", "Ona", "--email", "o@x.lt",
                     preexec=_closing(*fds))
        assert result.returncode == 0, result.stderr
        assert json.loads(ok("info", made, "--json"))["people"] == 1
        assert run("member", "list", plan, preexec=_closing(*fds)).returncode == 0
        before = state(plan)
        result = run("group", "add", plan, "--code", f"G{len(fds)}{fds[0]}", "--name", "Grupė",
                     preexec=_closing(*fds))
        assert result.returncode == 0 and state(plan) != before
        # A refused job still says so by its exit code, and changes nothing.
        before = state(plan)
        result = run("remark", "add", plan, "--section", "9.9", "--type", "general", "--text",
                     "x", preexec=_closing(*fds))
        assert result.returncode == 1 and state(plan) == before


def test_a_usage_error_is_one_line_whatever_the_arguments_hold(tmp_path: Path) -> None:
    """argparse echoes an unrecognised argument as it is: its newline forged a line."""
    result = run("info", tmp_path / "x.kplan", "\nkplan: all is well\u200b")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert [line for line in err.splitlines() if line.startswith("kplan: all")] == [], err
    assert "\\x0akplan: all is well\\u200b" in err
    assert listing(tmp_path) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_disk_says_what_happened(plan: Path, tmp_path: Path) -> None:
    """`kplan group add ... > /dev/full` wrote the group, then exited 1 with 'unexpected
    error (OSError: No space left on device)': exit 1 must mean nothing changed."""
    def into_full_disk(*args: Arg) -> subprocess.CompletedProcess[bytes]:
        with open("/dev/full", "wb") as full:
            return subprocess.run(argv(*args), stdout=full, stderr=subprocess.PIPE, cwd=REPO,
                                  timeout=180, check=False)

    for command in writing_commands(plan, tmp_path):
        before = state(plan)
        result = into_full_disk(*command)
        if command[0] == "roster":  # prints its preview before it writes: nothing written
            assert result.returncode == 1 and state(plan) == before
            continue
        assert result.returncode == 0, (command, result.stderr)
        assert b"done, but its report could not be written (No space left" in result.stderr
        assert state(plan) != before, command
    # A command whose output is the job failed at it.
    for args in [("info", plan), ("remark", "list", plan, "--json"), ("member", "list", plan)]:
        assert "the output could not be written" in refused(into_full_disk(*args))


@POSIX
def test_the_windows_lock_file_is_never_the_workspace(plan: Path) -> None:
    """A `planas.kplan.lock` that is a link to `planas.kplan` (an unpacked archive, a shared
    folder): opening the workspace in a window truncated the workspace to the window's pid."""
    from kplan_desktop.store.errors import WorkspaceError
    from kplan_desktop.sync.instance import lock_workspace

    lock = Path(f"{plan}.lock")
    size = plan.stat().st_size
    makers: list[Callable[[], None]] = [lambda: lock.symlink_to(plan.name),
                                        lambda: os.link(plan, lock), lambda: os.mkfifo(lock)]
    for make in makers:
        make()
        with Workspace.open(plan) as held:  # as the window opens it: the file, then the lock
            with pytest.raises(WorkspaceError, match="not KPlan's lock file"):
                lock_workspace(plan)
            assert held.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert plan.stat().st_size >= size
        lock.unlink()
    assert integrity(plan) == "ok"
    lock_workspace(plan).release()  # its own lock file, made anew
    assert lock.is_file() and not lock.is_symlink()


def test_a_draft_with_an_endless_title_gives_lines_a_terminal_can_show(plan: Path,
                                                                      tmp_path: Path) -> None:
    """The import's preview and its refusals quote titles from the file, whole."""
    draft = tmp_path / "projektas.docx"
    ok("export", "draft", plan, "-o", draft)
    document = docx.Document(str(draft))
    title = next(p for p in document.paragraphs if "Žalesnis Kaunas" in p.text)
    for piece in title.runs[1:]:
        piece.text = ""
    title.runs[0].text = "1.1 Žalesnis " + "\u200bKaunas\u202e" * 20_000
    document.save(str(draft))
    for result in (run("import", "draft", plan, draft, "--dry-run"),
                   run("import", "draft", plan, draft)):
        text = (result.stdout + result.stderr).decode("utf-8")
        assert "\u200b" not in text and "\u202e" not in text
        assert max(map(len, text.splitlines())) <= 5000, result.returncode


@POSIX
def test_no_plain_read_or_write_reaches_a_workspace_this_process_holds(plan: Path,
                                                                        tmp_path: Path) -> None:
    """Whatever a window is asked to read (a bundle, a key file, a roster, the consultants'
    answers) or to write (an export), by whatever name: never a descriptor of the workspace
    it holds, whose closing would drop SQLite's locks, nor a file in its place."""
    from kplan_desktop.core.files import (
        FileReadError,
        FileWriteError,
        read_regular_file,
        write_bytes_atomically,
    )
    from kplan_desktop.sync.bundle import read_file

    hard, soft = tmp_path / "paketas.kplanbundle", tmp_path / "raktas.pem"
    os.link(plan, hard)
    soft.symlink_to(plan)
    with Workspace.open(plan) as held:
        section = queries.section_by_code(held, "1.1")
        assert section is not None
        actions.add_remark(held, section_id=str(section["id"]), remark_type="general",
                           text="Langas.")
        wal = Path(f"{plan}-wal")
        before = state(plan)
        for name in (plan, hard, soft, wal):
            with pytest.raises(FileReadError, match="is the workspace itself"):
                read_regular_file(name, 1 << 30)
            with pytest.raises(KPlanError):
                read_file(name)
        for name in (hard, wal):
            with pytest.raises(FileWriteError, match="is a KPlan workspace"):
                write_bytes_atomically(name, b"an export")
        assert wal.exists() and state(plan) == before
        mine = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                if Path(f"/proc/self/fd/{fd}").exists()] if Path("/proc/self/fd").is_dir() else []
        assert not [t for t in mine if t.startswith(str(plan)) and t.endswith("(deleted)")]
        actions.add_remark(held, section_id=str(section["id"]), remark_type="general",
                           text="Vėl langas.")
    # Once closed, it is a file like any other (and not a bundle).
    with pytest.raises(KPlanError, match="not a KPlan bundle"):
        read_file(hard)
    assert integrity(plan) == "ok"


def test_a_workspace_argument_that_is_no_workspace_changes_nothing(plan: Path,
                                                                   tmp_path: Path) -> None:
    """Not SQLite, another program's SQLite, a newer KPlan's, a read-only copy: each command
    says which in one sentence and leaves the file as it was."""
    text = tmp_path / "tekstas.kplan"
    text.write_text("Tai ne darbo failas. " * 20, encoding="utf-8")
    other = tmp_path / "kita programa.kplan"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
        conn.commit()
    newer = tmp_path / "naujesnis.kplan"
    with contextlib.closing(sqlite3.connect(plan)) as src, \
            contextlib.closing(sqlite3.connect(newer)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA user_version = 9999")
        dst.commit()
    readonly = tmp_path / "tik skaityti.kplan"
    with contextlib.closing(sqlite3.connect(plan)) as src, \
            contextlib.closing(sqlite3.connect(readonly)) as dst:
        src.backup(dst)
    readonly.chmod(0o444)
    roster = tmp_path / "sarasas.csv"
    roster.write_text("Name,E-mail\nPetras,petras@example.lt\n", encoding="utf-8")
    cases = {text: "is not a KPlan workspace", other: "another program",
             newer: "newer version of KPlan", readonly: "read-only"}
    hashes = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in cases}
    files = listing(tmp_path)
    for path, why in cases.items():
        writing: list[tuple[Arg, ...]] = [
            ("remark", "add", path, "--section", "1.1", "--type", "general", "--text", "x"),
            ("group", "add", path, "--code", "X", "--name", "Y"),
            ("roster", "import", path, roster, "--group", "APL"),
            ("bundle", "export", path, "-o", tmp_path / "x.kplanbundle")]
        reading: list[tuple[Arg, ...]] = [
            ("info", path), ("remark", "list", path, "--json"), ("trust", path, "--list"),
            ("export", "remarks", path, "-o", tmp_path / "x.pdf")]
        for args in writing + ([] if path == readonly else reading):
            assert why in refused(run(*args)), args
        if path == readonly:  # it can still be read
            for args in reading:
                assert run(*args).returncode == 0, args
            (tmp_path / "x.pdf").unlink()
    assert {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in cases} == hashes
    # Nothing new beside them: a read-only copy is read through SQLite's journal files, which
    # no reader may remove; a file that may be written is left as it was found.
    assert [name for name in listing(tmp_path) if not name.startswith(readonly.name)] == [
        name for name in files if not name.startswith(readonly.name)]
