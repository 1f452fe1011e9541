"""Merging: idempotent, order-independent, forks and section conflicts kept, clocks judged."""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kplan_desktop.core.model import Role
from kplan_desktop.store import actions, queries
from kplan_desktop.store import workspace as workspace_module
from kplan_desktop.store.errors import DiskFull
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync import conflicts
from kplan_desktop.sync.conflicts import merge3
from kplan_desktop.sync.importer import retry_held
from tests.unit.sync_support import Copy, Plan, dump_hash, logical_dump, new_plan, remark_count

YEAR_MS = 365 * 24 * 3600 * 1000


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return new_plan(tmp_path)


def _remark(copy: Copy, plan: Plan, text: str) -> str:
    return actions.add_remark(copy.ws, section_id=plan.section_id, remark_type="technical",
                              text=text)


def test_the_same_bundle_ten_times_gives_one_state(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    for i in range(5):
        _remark(ona, plan, f"Pastaba {i}")
    path = ona.export(plan.folder / "ona.kplanbundle")
    first = plan.secretary.import_(path)
    assert first.applied == 5
    state = dump_hash(plan.secretary.ws)
    for _ in range(9):
        again = plan.secretary.import_(path)
        assert (again.applied, again.skipped) == (0, first.applied + first.skipped)
        assert dump_hash(plan.secretary.ws) == state
    assert remark_count(plan.secretary.ws) == 5


def test_fifty_bundles_in_random_order_give_one_state(plan: Plan, tmp_path: Path) -> None:
    """Each bundle carries only what came after the one before; a bundle whose start is
    missing is held and applied once the gap is filled."""
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    paths = []
    for i in range(50):
        _remark(ona, plan, f"Pastaba {i}")
        paths.append(ona.export(tmp_path / f"ona-{i:02}.kplanbundle"))
    sec = plan.secretary
    in_order = Copy(_clone(sec.ws, tmp_path / "in-order.kplan"), "the same copy, in order")
    for path in paths:
        in_order.import_(path)
    shuffled = paths[:]
    random.Random(7).shuffle(shuffled)
    held_seen = 0
    for path in shuffled:
        held_seen = max(held_seen, sec.import_(path).held)
    assert held_seen > 0  # some arrived before their predecessors
    assert remark_count(sec.ws) == 50
    texts = sorted(r[0] for r in sec.ws.conn.execute("SELECT text FROM remark"))
    assert texts == sorted(f"Pastaba {i}" for i in range(50))
    assert _imported(sec.ws) == _imported(in_order.ws)
    assert sec.ws.conn.execute("SELECT COUNT(*) FROM held_event").fetchone()[0] == 0


def _imported(ws: Workspace) -> dict[str, object]:
    """What the imports made, and the numbers the secretary's copy gave the remarks; the
    stamps of its own numbering events aside (made when each import ran)."""
    dump = logical_dump(ws)
    dump["event"] = [r[0] for r in ws.conn.execute(
        "SELECT id FROM event WHERE device != ? ORDER BY id", (ws.identity.device_id,))]
    dump["remark"] = sorted(r[0] for r in ws.conn.execute(
        "SELECT json_object('id', id, 'text', text, 'status', status, 'number', number)"
        " FROM remark"))
    return dump


def _clone(ws: Workspace, path: Path) -> Workspace:
    with closing(sqlite3.connect(path)) as dest:
        ws.conn.backup(dest)
    return Workspace.open(path)


def test_an_old_bundle_after_a_newer_one_changes_nothing(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    remark_id = _remark(ona, plan, "Pirmas tekstas")
    old = ona.export(plan.folder / "old.kplanbundle", full=True)
    actions.edit_remark(ona.ws, remark_id, {"text": "Naujas tekstas"})
    new = ona.export(plan.folder / "new.kplanbundle", full=True)
    sec = plan.secretary
    sec.import_(new)
    state = dump_hash(sec.ws)
    report = sec.import_(old)
    assert report.applied == 0
    assert dump_hash(sec.ws) == state
    assert queries.remark(sec.ws, remark_id)["text"] == "Naujas tekstas"


def test_a_fork_is_kept_and_flagged(plan: Plan, tmp_path: Path) -> None:
    """A laptop restored from a backup writes a second, different event with the same seq."""
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    path = ona.ws.path
    backup = _clone(ona.ws, tmp_path / "backup.kplan")
    backup.close()
    first = _remark(ona, plan, "Prieš gedimą")
    plan.secretary.import_(ona.export(tmp_path / "before.kplanbundle"))
    ona.ws.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy(backup.path, path)  # the restore: the first remark is gone from her laptop
    ona = Copy(Workspace.open(path), "Ona")
    second = _remark(ona, plan, "Po atkūrimo")
    report = plan.secretary.import_(ona.export(tmp_path / "after.kplanbundle", full=True))
    assert any("two different changes" in c for c in report.conflicts)
    assert queries.remark(plan.secretary.ws, first) is not None
    assert queries.remark(plan.secretary.ws, second) is not None
    forks = [c for c in conflicts.open_conflicts(plan.secretary.ws)
             if isinstance(c, conflicts.ForkConflict)]
    assert len(forks) == 1 and forks[0].device == ona.ws.identity.device_id


def test_events_far_in_the_future_are_held_until_their_time_comes(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    real = workspace_module.now_ms
    monkeypatch.setattr(workspace_module, "now_ms", lambda: real() + YEAR_MS)
    _remark(ona, plan, "Iš ateities")
    monkeypatch.setattr(workspace_module, "now_ms", real)
    sec = plan.secretary
    report = sec.import_(ona.export(plan.folder / "future.kplanbundle"))
    assert report.refused_count == 0 and report.held == 1
    (reason,) = report.held_reasons
    assert "more than a day ahead" in reason
    assert remark_count(sec.ws) == 0
    assert sec.ws.conn.execute("SELECT COUNT(*) FROM refused_event").fetchone()[0] == 0
    # A year later (or once the sender's clock is mended) it applies at the next import.
    later = retry_held(sec.ws, clock_ms=lambda: real() + YEAR_MS)
    assert later.applied == 1 and later.held == 0
    assert remark_count(sec.ws) == 1


def test_a_clock_a_year_behind_never_lets_an_older_edit_win(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    chair = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.CHAIR)
    sec = plan.secretary
    meeting = actions.add_meeting(sec.ws, group_id=plan.group_id, date="2026-03-01",
                                  place="Rotušė")
    chair.import_(sec.export(plan.folder / "m.kplanbundle", to=chair.fingerprint))
    actions.update_meeting(chair.ws, meeting, {"place": "Savivaldybė, 203 kab."})
    sec.import_(chair.export(plan.folder / "c.kplanbundle"))
    # The secretary's clock falls back a year; her next edit is still the later one.
    real = workspace_module.now_ms
    monkeypatch.setattr(workspace_module, "now_ms", lambda: real() - YEAR_MS)
    actions.update_meeting(sec.ws, meeting, {"place": "Rotušė, didžioji salė"})
    monkeypatch.setattr(workspace_module, "now_ms", real)
    chair.import_(sec.export(plan.folder / "s.kplanbundle", to=chair.fingerprint))
    for copy in (sec, chair):
        place = copy.ws.conn.execute("SELECT place FROM meeting WHERE id = ?",
                                     (meeting,)).fetchone()[0]
        assert place == "Rotušė, didžioji salė"


def test_concurrent_section_edits_are_a_conflict_resolved_by_a_person(plan: Plan) -> None:
    chair = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.CHAIR)
    sec = plan.secretary
    base = "Pirma eilutė.\nAntra eilutė.\nTrečia eilutė.\n"
    actions.revise_section(sec.ws, plan.section_id, title="Tikslas",
                           body=base.replace("Pirma", "PIRMA"))
    actions.revise_section(chair.ws, plan.section_id, title="Tikslas",
                           body=base.replace("Trečia", "TREČIA"))
    chair_report = chair.import_(sec.export(plan.folder / "s.kplanbundle", to=chair.fingerprint))
    sec_report = sec.import_(chair.export(plan.folder / "c.kplanbundle"))
    assert chair_report.conflicts and sec_report.conflicts
    for copy in (sec, chair):
        (found,) = conflicts.open_conflicts(copy.ws)
        assert isinstance(found, conflicts.SectionConflict)
        assert found.base is not None and found.base.body == base
        assert len(found.heads) == 2
    # Every copy shows the same head first.
    shown = {c.ws.conn.execute("SELECT head_revision_id FROM section WHERE id = ?",
                               (plan.section_id,)).fetchone()[0] for c in (sec, chair)}
    assert len(shown) == 1
    found = conflicts.open_conflicts(sec.ws)[0]
    assert isinstance(found, conflicts.SectionConflict)
    text, clashed = conflicts.suggested_text(found)
    assert not clashed
    assert text == "PIRMA eilutė.\nAntra eilutė.\nTREČIA eilutė.\n"
    conflicts.resolve_section(sec.ws, plan.section_id, title="Tikslas", body=text)
    assert conflicts.open_conflicts(sec.ws) == []
    chair.import_(sec.export(plan.folder / "r.kplanbundle", to=chair.fingerprint))
    assert conflicts.open_conflicts(chair.ws) == []
    assert queries.section(chair.ws, plan.section_id)["body"] == text


def test_a_full_disk_during_import_rolls_back_with_a_sentence(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    for i in range(300):
        _remark(ona, plan, f"Ilga pastaba {i} " + "žodis " * 60)
    path = ona.export(plan.folder / "big.kplanbundle")
    sec = plan.secretary.ws
    before = dump_hash(sec)
    pages = sec.conn.execute("PRAGMA page_count").fetchone()[0]
    sec.conn.execute(f"PRAGMA max_page_count = {pages + 20}")  # a real SQLITE_FULL
    with pytest.raises(DiskFull, match="disk is full"):
        plan.secretary.import_(path)
    assert dump_hash(sec) == before
    assert sec.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    sec.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    assert plan.secretary.import_(path).applied == 300
    actions.add_remark(sec, section_id=plan.section_id, remark_type="general", text="Veikia")


@given(st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n"]), max_size=8),
       st.lists(st.sampled_from(["a\n", "x\n", "c\n"]), max_size=8))
def test_merge3_takes_the_only_changed_side(base: list[str], other: list[str]) -> None:
    z, o = "".join(base), "".join(other)
    assert merge3(z, o, z) == (o, False)
    assert merge3(z, z, o) == (o, False)
    assert merge3(z, o, o) == (o, False)


def test_merge3_marks_clashing_lines() -> None:
    text, clashed = merge3("a\nb\nc\n", "a\nX\nc\n", "a\nY\nc\n")
    assert clashed
    assert text == "a\n<<<<<<<\nX\n=======\nY\n>>>>>>>\nc\n"


def test_time_module_is_real() -> None:
    assert abs(workspace_module.now_ms() - time.time() * 1000) < 60_000
