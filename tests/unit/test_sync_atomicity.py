"""Atomicity: an import killed at any moment leaves the workspace whole, and all or nothing."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path

import pytest

from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync.importer import import_file
from tests.unit.sync_support import new_plan

REMARKS = 60


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """(the secretary's workspace before the import, the expert's bundle, events before)."""
    import keyring

    from tests.conftest import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        folder = tmp_path_factory.mktemp("atomicity")
        plan = new_plan(folder)
        ona = plan.join("Ona Petraitienė", "ona@example.lt")
        for i in range(REMARKS):
            actions.add_remark(ona.ws, section_id=plan.section_id, remark_type="general",
                               text=f"Pastaba {i} " + "ąžuolas " * 20)
        bundle = ona.export(folder / "ona.kplanbundle")
        template = folder / "template.kplan"
        with closing(sqlite3.connect(template)) as dest:
            plan.secretary.ws.conn.backup(dest)
        events_before = plan.secretary.ws.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0]
        return template, bundle, int(events_before)
    finally:
        keyring.set_keyring(previous)


def _import_in_child(path: Path, bundle: Path) -> int:
    """Fork a process that imports the bundle; returns its pid."""
    pid = os.fork()
    if pid == 0:  # the child: its own connection, never the parent's
        code = 1
        try:
            with Workspace.open(path) as ws:
                import_file(ws, bundle)
            code = 0
        finally:
            os._exit(code)
    return pid


def _run(template: Path, bundle: Path, target: Path, delay: float | None) -> bool:
    """Import in a child, kill it after ``delay`` seconds; True if it finished first."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, target)
    pid = _import_in_child(target, bundle)
    if delay is not None:
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _check_whole(target: Path, bundle: Path, events_before: int) -> str:
    with Workspace.open(target) as ws:
        conn = ws.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        events = conn.execute("SELECT COUNT(*) FROM event").fetchone()[0]
        remarks = conn.execute("SELECT COUNT(*) FROM remark").fetchone()[0]
        imported = conn.execute("SELECT COUNT(*) FROM imported_bundle").fetchone()[0]
        if remarks == 0:
            state = "none"
            assert events == events_before and imported == 1  # the expert's first bundle
        else:
            state = "all"
            assert remarks == REMARKS and imported == 2
            # ...and the secretary's copy numbered each remark in the same transaction.
            assert events == events_before + 2 * REMARKS
        report = import_file(ws, bundle)  # and a re-import then succeeds
        assert conn.execute("SELECT COUNT(*) FROM remark").fetchone()[0] == REMARKS
        assert report.applied == (REMARKS if state == "none" else 0)
        return state


def _kill_runs(prepared: tuple[Path, Path, int], tmp_path: Path, runs: int) -> None:
    template, bundle, events_before = prepared
    # A killed process loses nothing the kernel holds, so a RAM disk tests the same thing.
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path
    target = folder / "victim.kplan"
    try:
        _kill_runs_in(template, bundle, events_before, target, runs)
    finally:
        if folder != tmp_path:
            shutil.rmtree(folder, ignore_errors=True)


def _kill_runs_in(template: Path, bundle: Path, events_before: int, target: Path,
                  runs: int) -> None:
    start = time.perf_counter()
    assert _run(template, bundle, target, None)
    duration = time.perf_counter() - start
    rng = random.Random(2030)
    seen: dict[str, int] = {"none": 0, "all": 0}
    for _ in range(runs):
        _run(template, bundle, target, rng.uniform(0, duration * 1.1))
        seen[_check_whole(target, bundle, events_before)] += 1
    # Kills landed both before and after the commit: both outcomes were exercised.
    assert seen["none"] > 0 and seen["all"] > 0, seen


def test_import_killed_at_random_moments_is_all_or_nothing(
    prepared: tuple[Path, Path, int], tmp_path: Path, memory_keyring: object
) -> None:
    _kill_runs(prepared, tmp_path, 200)


@pytest.mark.slow
def test_import_killed_at_random_moments_many_times(
    prepared: tuple[Path, Path, int], tmp_path: Path, memory_keyring: object
) -> None:
    _kill_runs(prepared, tmp_path, 2000)
