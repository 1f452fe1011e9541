"""A workspace held open is never damaged: by a second connection of the same process, nor by
the command line working on the same file at the same time.

Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's too
(sqlite.org/howtocorrupt.html, 2.2). A plain ``open()``/``close()`` of the workspace while a
window holds it left that window without locks; the next program to close the file took
itself for the last one, checkpointed and deleted the -wal and -shm under the window, and the
window's later writes went to a deleted file.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace

PACKAGE = Path(__file__).resolve().parents[2] / "kplan_desktop"


def kplan(*args: str | Path) -> str:
    done = subprocess.run([sys.executable, "-m", "kplan_desktop", *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def plan_file(tmp_path: Path) -> tuple[Path, str]:
    """A plan made by `kplan init` (its key in the key file the command line reads), a section."""
    path = tmp_path / "demo.kplan"
    kplan("init", path, "--title", "Kauno planas", "--name", "Rūta Žemaitienė",
          "--email", "ruta@example.lt")
    with Workspace.open(path) as ws:
        section = actions.add_section(ws, parent_id=None, kind="goal", code="1",
                                      title="Žalesnis Kaunas", body="Daugiau ąžuolų.")
    return path, section


def _remark(ws: Workspace, section: str, text: str) -> str:
    return actions.add_remark(ws, section_id=section, remark_type="general", text=text)


def _descriptors_of(path: Path) -> list[str]:
    """What this process's open descriptors on ``path`` point to ("... (deleted)" if gone)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        with_name = f"/proc/self/fd/{fd}"
        try:
            target = os.readlink(with_name)
        except OSError:
            continue
        if target.startswith(str(path)):
            found.append(target)
    return found


def test_a_held_workspace_survives_a_second_connection_and_the_command_line(
    plan_file: tuple[Path, str], tmp_path: Path,
) -> None:
    path, section = plan_file
    wal = Path(f"{path}-wal")
    held = Workspace.open(path)  # the window
    try:
        first = _remark(held, section, "Pirma pastaba: iš lango.")
        # A worker of the same process opens the same file and closes it again.
        worker = Workspace.open(path)
        worker_remark = _remark(worker, section, "Antra pastaba: iš darbo gijos.")
        worker.close()
        # Meanwhile a terminal works on it.
        assert "Kauno planas" in kplan("info", path)
        kplan("bundle", "export", path, "-o", tmp_path / "visas.kplanbundle", "--full")
        kplan("remark", "answer", path, first, "--status", "noted",
              "--response", "Atsižvelgta terminale.")
        assert (tmp_path / "visas.kplanbundle").stat().st_size > 0
        # The window was holding the file all along: its -wal is still the file's.
        assert wal.exists()
        if Path("/proc/self/fd").is_dir():
            mine = _descriptors_of(path)
            assert str(wal) in mine, mine
            assert not [t for t in mine if t.endswith("(deleted)")], mine
        # The window writes again, and sees the terminal's answer.
        last = _remark(held, section, "Trečia pastaba: vėl iš lango.")
        answered = queries.remark(held, first)
        assert answered is not None and answered["status"] == "noted"
    finally:
        held.close()
    # Everything both sides wrote is in the file, which is whole.
    with Workspace.open(path, readonly=True) as fresh:
        assert fresh.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = set(queries.remark_ids(fresh, queries.RemarkFilter()))
        assert {first, worker_remark, last} <= ids
        row = queries.remark(fresh, first)
        assert row is not None
        assert (row["status"], row["response"]) == ("noted", "Atsižvelgta terminale.")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")
def test_opening_again_keeps_the_first_connections_lock(plan_file: tuple[Path, str]) -> None:
    """While a workspace is open here, this process holds SQLite's lock on the file; opening
    and closing it a second time (reading its header too) must not drop it."""
    path, _ = plan_file
    script = (
        "import fcntl, sys\n"
        "with open(sys.argv[1], 'rb+') as f:\n"  # another process: its close harms no one
        "    try:\n"
        "        fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
        "    except OSError:\n"
        "        print('held')\n"
        "    else:\n"
        "        print('free')\n"
    )

    def lock_seen_from_outside() -> str:
        return subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                              text=True, timeout=60, check=True).stdout.strip()

    with Workspace.open(path) as held:
        assert lock_seen_from_outside() == "held"
        Workspace.open(path, readonly=True).close()
        Workspace.open(path).close()
        assert lock_seen_from_outside() == "held"
        assert held.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert lock_seen_from_outside() == "free"


# --- the whole package: no plain open of a workspace --------------------------------------------

#: The calls by which the package opens a file itself (not through SQLite).
_OPENERS = {"open", "read_bytes", "read_text", "write_bytes", "write_text", "ZipFile",
            "Document", "fdopen", "FileIO", "PdfReader", "load_workbook", "copyfile", "copy2",
            "copyfileobj", "mmap"}
#: Where the package opens a file itself, and why that file is never a workspace SQLite may
#: hold. A new one must be looked at and listed here before it can reach a workspace.
_ALLOWED = {
    ("core/files.py", "os.open"): "the folder to fsync; read_regular_file, whose callers"
                                  " refuse the workspace (store.file_guard.check_inputs)",
    ("core/drives.py", "read_text"): "/proc/mounts",
    ("core/files.py", "open"): "the temporary file of an atomic write (mkstemp)",
    ("core/files.py", "write_bytes"): "the same temporary file",
    ("core/logs.py", "open"): "the log file",
    ("documents/docx_read.py", "open"): "a .docx chosen to import; the workspace is refused",
    ("documents/docx_read.py", "ZipFile"): "the same .docx, already opened",
    ("documents/docx_read.py", "os.open"): "the same .docx, opened without waiting (a FIFO)",
    ("documents/docx_read.py", "os.fdopen"): "the same descriptor, judged a regular file",
    ("documents/ooxml_read.py", "ZipFile"): "an answers file's or a roster's bytes, read by"
                                            " read_regular_file; the workspace is refused",
    ("documents/ooxml_read.py", "open"): "a part of that zip (ZipFile.open)",
    ("documents/report_docx.py", "ZipFile"): "the report being written, and its source bytes",
    ("documents/answers_read.py", "ZipFile"): "a filled report's bytes, read by"
                                              " read_regular_file; the workspace is refused",
    ("documents/answers_read.py", "Document"): "the same bytes, as a Word document",
    ("ui/icons.py", "read_bytes"): "the SVG icons shipped with the program",
    ("documents/roster.py", "ZipFile"): "a roster's bytes, read by read_regular_file; the"
                                        " workspace is refused (check_inputs)",
    ("documents/roster.py", "load_workbook"): "the same bytes (io.BytesIO), as a workbook",
    ("documents/answers_read.py", "load_workbook"): "a filled report's bytes (io.BytesIO)",
    ("selftest.py", "read_bytes"): "the PDF report it wrote",
    ("selftest.py", "Document"): "the DOCX report it wrote",
    ("selftest.py", "PdfReader"): "the same PDF report",
    ("store/workspace.py", "open"): "/proc/mounts",
    ("ui/about.py", "read_text"): "build_info.json, which build.spec puts in the build",
    ("sync/instance.py", "os.open"): "the workspace's .lock file, judged a file of its own"
                                      " (not a link, not the workspace) before it is opened",
    ("sync/instance.py", "os.fdopen"): "the same descriptor",
    ("terminal.py", "os.open"): "os.devnull",
}


def _plain_opens(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name):
            if func.id not in _OPENERS - {"read_bytes", "read_text", "write_bytes",
                                          "write_text"}:
                continue  # read_bytes(data) of the bundle reader parses bytes, opens nothing
            name, owner = func.id, ""
        elif isinstance(func, ast.Attribute):
            name, owner = func.attr, ast.unparse(func.value)
        else:
            continue
        if name not in _OPENERS:
            continue
        no_file = not (node.args or node.keywords) and (owner or name != "open")
        if name in ("open", "Document", "ZipFile") and no_file:
            continue  # a dialog's open(), a new empty document: no file
        if owner in ("Workspace", "cls", "bundle_io", "bundle"):
            continue  # through SQLite; the bundle reader's functions of bytes
        found.add(f"{owner}.{name}" if owner in ("os", "io") else name)
    return found


def test_the_scan_sees_the_ways_of_opening_a_file() -> None:
    code = ("open(p, 'rb')\npath.open('rb')\np.read_bytes()\nos.open(p, 0)\n"
            "dialog.open()\nWorkspace.open(p)\nPdfReader(p)\nopenpyxl.load_workbook(p)\n"
            "shutil.copyfile(p, q)\n")
    assert _plain_opens(code) == {"open", "read_bytes", "os.open", "PdfReader",
                                  "load_workbook", "copyfile"}


def test_no_plain_open_of_a_workspace_in_the_package() -> None:
    found = {(source.relative_to(PACKAGE).as_posix(), call)
             for source in sorted(PACKAGE.rglob("*.py"))
             for call in _plain_opens(source.read_text(encoding="utf-8"))}
    assert sorted(found - _ALLOWED.keys()) == []
