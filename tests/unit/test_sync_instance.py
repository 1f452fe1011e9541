"""Two programs on one workspace: the second window is told, and writes never corrupt it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kplan_desktop.store import actions
from kplan_desktop.store.errors import WorkspaceLocked
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync.importer import import_file
from kplan_desktop.sync.instance import lock_workspace
from tests.unit.sync_support import new_plan

ROOT = Path(__file__).resolve().parents[2]


def _python(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def test_a_second_window_on_one_workspace_is_told_clearly(tmp_path: Path) -> None:
    new_plan(tmp_path).secretary.ws.close()
    path = tmp_path / "secretary.kplan"
    first = _python(f"""
        import sys
        from kplan_desktop.sync.instance import lock_workspace
        lock = lock_workspace({str(path)!r})
        print("held", flush=True)
        sys.stdin.read()
    """)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "held"
        with pytest.raises(WorkspaceLocked, match="already open in another KPlan window"):
            lock_workspace(path)
    finally:
        first.kill()
        first.communicate()
    lock_workspace(path).release()  # the first one's end freed it, even killed


def test_two_programs_writing_at_once_corrupt_nothing(tmp_path: Path) -> None:
    plan = new_plan(tmp_path)
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    for i in range(80):
        actions.add_remark(ona.ws, section_id=plan.section_id, remark_type="general",
                           text=f"Ona {i}")
    bundle = ona.export(tmp_path / "ona.kplanbundle")
    path = plan.secretary.ws.path
    plan.secretary.ws.close()
    writer = _python(f"""
        from kplan_desktop.store import actions
        from kplan_desktop.store.workspace import Workspace
        with Workspace.open({str(path)!r}) as ws:
            print("writing", flush=True)
            for i in range(60):
                actions.add_remark(ws, section_id={plan.section_id!r}, remark_type="general",
                                   text=f"Kitas langas {{i}}")
        print("done", flush=True)
    """)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
    with Workspace.open(path) as ws:
        for i in range(30):
            actions.add_remark(ws, section_id=plan.section_id, remark_type="editorial",
                               text=f"Šis langas {i}")
        report = import_file(ws, bundle)
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert report.applied == 80
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ws.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert ws.conn.execute("SELECT COUNT(*) FROM remark").fetchone()[0] == 170
        seqs = [r[0] for r in ws.conn.execute(
            "SELECT seq FROM event WHERE device = ? ORDER BY seq", (ws.identity.device_id,))]
        assert seqs == list(range(1, len(seqs) + 1))  # one unbroken feed from both programs
