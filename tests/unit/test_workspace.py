"""The workspace file: its settings, atomic writes, and refusing what it cannot use."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kplan_desktop.core.errors import KPlanError
from kplan_desktop.core.ids import uuid7
from kplan_desktop.store import actions, workspace
from kplan_desktop.store.errors import (
    NewerSchema,
    NotAWorkspace,
    WorkspaceError,
    WorkspaceExists,
    WorkspaceLocked,
    WorkspaceReadOnly,
)
from kplan_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION
from kplan_desktop.store.workspace import Workspace
from tests.helpers import make_plan


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name != path.name}


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "planas.kplan"
    make_plan(path).close()
    return path


@pytest.fixture
def ws(plan_file: Path) -> Iterator[Workspace]:
    with Workspace.open(plan_file) as opened:
        yield opened


def feed_state(ws: Workspace) -> tuple[int, int, str | None, int]:
    seq, last_hlc, head = ws.conn.execute(
        "SELECT seq, last_hlc, head FROM local_identity").fetchone()
    events = ws.conn.execute("SELECT count(*) FROM event").fetchone()[0]
    return seq, last_hlc, head, events


# --- settings ----------------------------------------------------------------------------------


def test_pragmas_of_an_open_workspace(ws: Workspace) -> None:
    def pragma(name: str) -> object:
        return ws.conn.execute(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == workspace.BUSY_TIMEOUT_MS > 0
    assert pragma("application_id") == APPLICATION_ID
    assert pragma("user_version") == SCHEMA_VERSION


def test_the_header_names_the_file_a_kplan_workspace(plan_file: Path) -> None:
    assert workspace.read_header(plan_file) == (APPLICATION_ID, SCHEMA_VERSION)
    assert plan_file.read_bytes()[68:72] == b"KPLN"


def test_create_refuses_an_existing_path(plan_file: Path) -> None:
    before = sha256(plan_file)
    with pytest.raises(WorkspaceExists):
        Workspace.create(plan_file)
    assert sha256(plan_file) == before


def test_every_write_is_one_begin_immediate_transaction(ws: Workspace) -> None:
    statements: list[str] = []
    ws.conn.set_trace_callback(statements.append)
    group = actions.add_group(ws, code="APL", name="Aplinkos grupė")
    section = actions.add_section(ws, parent_id=None, kind="goal", code="1.1", title="Tikslas",
                                  body="Žaliųjų plotų daugiau.", responsible_group_id=group)
    remark = actions.add_remark(ws, section_id=section, remark_type="general", text="Gerai.")
    actions.answer_remark(ws, remark, "accepted", "Pritarta.")
    actions.revise_section(ws, section, title="Tikslas", body="Žaliųjų plotų gerokai daugiau.")
    ws.conn.set_trace_callback(None)

    writes = ("INSERT", "UPDATE", "DELETE", "REPLACE")
    in_transaction = False
    transactions = 0
    for sql in (s.strip() for s in statements):
        if sql.startswith("--"):  # statements run by triggers
            continue
        word = sql.split(None, 1)[0].upper()
        if word == "BEGIN":
            assert sql.upper() == "BEGIN IMMEDIATE", sql
            assert not in_transaction
            in_transaction = True
            transactions += 1
        elif word in ("COMMIT", "ROLLBACK"):
            in_transaction = False
        elif word in writes:
            assert in_transaction, f"a write outside a transaction: {sql}"
    assert transactions == 5
    assert not in_transaction


# --- a failed write leaves neither the row nor the event ---------------------------------------


def test_an_exception_inside_a_write_leaves_no_row_and_no_event(ws: Workspace) -> None:
    before = feed_state(ws)
    template_id = uuid7()
    with pytest.raises(RuntimeError, match="power cut"), ws.write() as w:
        w.put("response_template", template_id, {"title": "Nepritarta", "text": "Motyvai"})
        assert ws.conn.execute("SELECT count(*) FROM response_template").fetchone()[0] == 1
        raise RuntimeError("power cut")
    assert ws.conn.execute("SELECT count(*) FROM response_template").fetchone()[0] == 0
    assert ws.conn.execute(
        "SELECT count(*) FROM event WHERE entity_id = ?", (template_id,)).fetchone()[0] == 0
    assert feed_state(ws) == before
    # The next write continues the same chain.
    actions.save_response_template(ws, title="Pritarta", text="Pritarta.")
    seq, _, _, count = feed_state(ws)
    assert (seq, count) == (before[0] + 1, before[3] + 1)
    prev = ws.conn.execute("SELECT prev FROM event WHERE seq = ?", (seq,)).fetchone()[0]
    assert prev == before[2]


def test_a_failing_statement_rolls_back_the_whole_write(ws: Workspace) -> None:
    before = feed_state(ws)
    good, bad = uuid7(), uuid7()
    # (A group of kind "kita" is refused before any statement now, as "malformed" like the
    # same event in a bundle: a section under a parent that does not exist fails SQLite's.)
    with pytest.raises(KPlanError, match="FOREIGN KEY constraint"), ws.write() as w:
        w.put("work_group", good, {"code": "GER", "name": "Gera grupė", "kind": "thematic"})
        w.put("section", bad, {"kind": "goal", "parent_id": uuid7()})
    assert ws.conn.execute(
        "SELECT count(*) FROM work_group WHERE id IN (?, ?)", (good, bad)).fetchone()[0] == 0
    assert ws.conn.execute("SELECT count(*) FROM section WHERE id = ?", (bad,)).fetchone()[0] == 0
    assert feed_state(ws) == before
    assert not ws.conn.in_transaction


def test_a_failure_survives_reopening(plan_file: Path) -> None:
    with Workspace.open(plan_file) as ws:
        before = feed_state(ws)
        with pytest.raises(RuntimeError), ws.write() as w:
            w.put("response_template", uuid7(), {"title": "x"})
            raise RuntimeError
    with Workspace.open(plan_file) as ws:
        assert feed_state(ws) == before
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- bad input: one clear sentence, the file untouched ---------------------------------------


def _text(path: Path) -> None:
    path.write_text("Tai ne darbo failas, o paprastas tekstas.\n" * 10, encoding="utf-8")


def _pdf(path: Path) -> None:
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _other_sqlite(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.execute("INSERT INTO songs VALUES ('Ąžuolėli žaliasai')")
        conn.commit()


def _short_sqlite_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (_text, NotAWorkspace, "not a KPlan workspace"),
        (_pdf, NotAWorkspace, "not a KPlan workspace"),
        (_empty, NotAWorkspace, "not a KPlan workspace"),
        (_short_sqlite_header, NotAWorkspace, "not a KPlan workspace"),
        (_other_sqlite, NotAWorkspace, "another program"),
    ],
    ids=["text", "pdf", "empty", "truncated", "other-sqlite"],
)
@pytest.mark.parametrize("readonly", [False, True], ids=["rw", "ro"])
def test_a_file_that_is_not_a_workspace_is_refused_untouched(
    tmp_path: Path, make: Callable[[Path], None], error: type[KPlanError], words: str,
    readonly: bool,
) -> None:
    path = tmp_path / "kazkas.kplan"
    make(path)
    before = sha256(path)
    with pytest.raises(error) as info:
        Workspace.open(path, readonly=readonly)
    message = str(info.value)
    assert words in message and str(path) in message
    assert "\n" not in message
    assert sha256(path) == before
    assert sidecars(path) == set()


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="There is no workspace"):
        Workspace.open(tmp_path / "nera.kplan")
    assert not (tmp_path / "nera.kplan").exists()
    with pytest.raises(NotAWorkspace, match="folder"):
        Workspace.open(tmp_path)


def test_a_workspace_of_a_newer_schema_is_refused_untouched(plan_file: Path) -> None:
    with contextlib.closing(sqlite3.connect(plan_file)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = sha256(plan_file)
    for readonly in (False, True):
        with pytest.raises(NewerSchema, match="newer version of KPlan"):
            Workspace.open(plan_file, readonly=readonly)
    assert sha256(plan_file) == before


def test_a_read_only_file_is_refused_for_writing_untouched(plan_file: Path) -> None:
    plan_file.chmod(0o444)
    before = sha256(plan_file)
    with pytest.raises(WorkspaceReadOnly, match="read-only"):
        Workspace.open(plan_file)
    assert sha256(plan_file) == before
    # Reading it is fine, and leaves it as it was too.
    with Workspace.open(plan_file, readonly=True) as ws:
        assert ws.identity.plan_id
        with pytest.raises(WorkspaceReadOnly):
            actions.save_response_template(ws, title="x", text="y")
    assert sha256(plan_file) == before
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o444


QUICK_BUSY_MS = 300


@contextlib.contextmanager
def held_write_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write to the file."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO meta (key, value) VALUES ('other', 'program')")
        yield other
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_write_to_a_locked_file_waits_then_says_it_is_busy(plan_file: Path) -> None:
    with Workspace.open(plan_file, busy_timeout_ms=QUICK_BUSY_MS) as ws:
        assert ws.conn.execute("PRAGMA busy_timeout").fetchone()[0] == QUICK_BUSY_MS
        before = feed_state(ws)
        with held_write_lock(plan_file):
            file_before = sha256(plan_file)
            started = time.monotonic()
            with pytest.raises(WorkspaceLocked, match="busy in another program"):
                actions.save_response_template(ws, title="Pritarta", text="Pritarta.")
            waited = time.monotonic() - started
            assert sha256(plan_file) == file_before
        assert QUICK_BUSY_MS / 1000 * 0.9 <= waited < 5
        assert feed_state(ws) == before
        assert not ws.conn.in_transaction
        # Once the other program is done, the same write goes through.
        actions.save_response_template(ws, title="Pritarta", text="Pritarta.")
        assert feed_state(ws)[0] == before[0] + 1


def test_opening_a_locked_file_for_the_first_time_says_it_is_busy(
    tmp_path: Path, plan_file: Path
) -> None:
    moved = tmp_path / "perkeltas.kplan"
    with Workspace.open(plan_file):
        pass
    os.replace(plan_file, moved)  # a new place: the first open there writes
    with held_write_lock(moved):
        before = sha256(moved)
        with pytest.raises(WorkspaceLocked):
            Workspace.open(moved, busy_timeout_ms=QUICK_BUSY_MS)
        assert sha256(moved) == before
        # Reading while someone else writes is fine in WAL mode.
        with Workspace.open(moved, readonly=True) as ws:
            assert ws.identity.plan_id


def test_the_first_open_at_a_path_runs_quick_check_once(plan_file: Path) -> None:
    checks: list[str] = []
    with Workspace.open(plan_file) as ws:
        pass
    original = Workspace._check_first_open

    def spy(self: Workspace) -> None:
        self.conn.set_trace_callback(checks.append)
        original(self)
        self.conn.set_trace_callback(None)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Workspace, "_check_first_open", spy)
        with Workspace.open(plan_file) as ws:
            assert ws.identity
    assert not any("quick_check" in s for s in checks)
    moved = plan_file.with_name("kitur.kplan")
    os.replace(plan_file, moved)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Workspace, "_check_first_open", spy)
        Workspace.open(moved).close()
    assert any("quick_check" in s for s in checks)


def test_a_damaged_file_is_refused(plan_file: Path) -> None:
    data = bytearray(plan_file.read_bytes())
    page = 4096
    for offset in range(page, min(len(data), 6 * page)):
        data[offset] = 0xA5
    plan_file.write_bytes(bytes(data))
    with pytest.raises(KPlanError):
        Workspace.open(plan_file)


# --- a full disk (a real one: the file size limit of the process) --------------------------------

FULL_DISK = """
import json, resource, signal, sys
from kplan_desktop.core.errors import KPlanError
from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # let write() fail with EFBIG instead
_, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
result = {}
with Workspace.open(sys.argv[1]) as ws:
    def state():
        return list(ws.conn.execute(
            "SELECT seq, head, (SELECT count(*) FROM event),"
            " (SELECT count(*) FROM response_template) FROM local_identity").fetchone())
    result["before"] = state()
    resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, hard))
    try:
        actions.save_response_template(ws, title="Didelis", text="ąžuolas " * 200_000)
    except KPlanError as exc:
        result["error"] = [type(exc).__name__, str(exc)]
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    result["after"] = state()
    actions.save_response_template(ws, title="Mažas", text="Pritarta.")
    result["later"] = state()
    result["integrity"] = ws.conn.execute("PRAGMA integrity_check").fetchone()[0]
print(json.dumps(result))
"""


def test_a_full_disk_fails_the_write_cleanly(plan_file: Path) -> None:
    Workspace.open(plan_file).close()
    out = subprocess.run([sys.executable, "-c", FULL_DISK, str(plan_file)], capture_output=True,
                         text=True, timeout=60, check=True)
    result = json.loads(out.stdout)
    name, message = result["error"]
    assert name in ("DiskFull", "WorkspaceError"), message
    assert "\n" not in message
    assert result["after"] == result["before"]
    seq, _, count, templates = result["later"]
    assert (seq, count, templates) == (result["before"][0] + 1, result["before"][2] + 1, 1)
    assert result["integrity"] == "ok"


def test_a_failed_create_leaves_no_file(tmp_path: Path) -> None:
    script = (
        "import resource, signal, sys\n"
        "from kplan_desktop.core.errors import KPlanError\n"
        "from kplan_desktop.store.workspace import Workspace\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (16_000, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    Workspace.create(sys.argv[1])\n"
        "except KPlanError as exc:\n"
        "    print(exc)\n"
    )
    path = tmp_path / "naujas.kplan"
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                         text=True, timeout=60, check=True)
    assert str(path) in out.stdout
    assert list(tmp_path.iterdir()) == []


def test_network_drive_is_told_by_whole_mount_points(tmp_path: Path) -> None:
    from kplan_desktop.store.workspace import on_network_drive

    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "server:/export /mnt/share nfs4 rw 0 0\n"
        "/dev/sdb1 /mnt/share2 ext4 rw 0 0\n",
        encoding="utf-8",
    )
    assert on_network_drive(Path("/mnt/share/plans/plan.kplan"), str(mounts))
    assert on_network_drive(Path("/mnt/share/plan.kplan"), str(mounts))
    assert not on_network_drive(Path("/mnt/share2/plan.kplan"), str(mounts))
    assert not on_network_drive(Path("/home/ruta/plan.kplan"), str(mounts))
