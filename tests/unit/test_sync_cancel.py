"""Stopping an import or an export midway: nothing imported, no file written, and the next
attempt succeeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kplan_desktop.core.ids import uuid7
from kplan_desktop.sync.export import ExportCancelled, export_bundle
from kplan_desktop.sync.importer import ImportCancelled, import_file
from kplan_desktop.sync.keys import KeyStore
from tests.unit.sync_support import Copy, Plan, logical_dump, new_plan, remark_count

REMARKS = 2000


def _many_remarks(plan: Plan, copy: Copy, n: int) -> None:
    """``n`` remarks of ``copy``'s person in one transaction (add_remark would fsync each)."""
    ws = copy.ws
    person = ws.identity.person_id
    revision = ws.conn.execute(
        "SELECT head_revision_id FROM section WHERE id = ?", (plan.section_id,)
    ).fetchone()[0]
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with ws.write() as w:
        for i in range(n):
            w.put("remark", uuid7(), {
                "section_id": plan.section_id, "revision_id": revision, "quote": "",
                "quote_start": None, "quote_end": None, "author_id": person,
                "group_id": ws.actor().home_group, "round_id": None, "type": "general",
                "text": f"Pastaba {i}: ąžuolų alėja", "proposed": "", "justification": "",
                "created_at": now, "status": "new", "response": "", "responded_by": None,
                "responded_at": None,
            })


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return new_plan(tmp_path)


def _bookkeeping(copy: Copy) -> dict[str, int]:
    """Rows of the tables an import writes besides the synced ones."""
    return {
        table: int(copy.ws.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        for table in ("imported_bundle", "held_event", "refused_event", "conflict",
                      "feed_head", "peer_have")
    }


def test_an_import_stopped_midway_changes_nothing_and_can_be_redone(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    _many_remarks(plan, ona, REMARKS)
    bundle = ona.export(plan.folder / "ona.kplanbundle")
    sec = plan.secretary
    before, kept = logical_dump(sec.ws), _bookkeeping(sec)
    heard: list[tuple[int, int]] = []

    def stop_halfway(done: int, total: int) -> bool:
        heard.append((done, total))
        return done < total // 2

    with pytest.raises(ImportCancelled) as stopped:
        import_file(sec.ws, bundle, progress=stop_halfway)
    assert str(stopped.value) == "Import cancelled; nothing was changed."
    done, total = heard[-1]
    assert total >= REMARKS and 0 < done < total  # it stopped in the middle, not at the end
    assert logical_dump(sec.ws) == before
    assert _bookkeeping(sec) == kept
    assert remark_count(sec.ws) == 0

    report = import_file(sec.ws, bundle, progress=lambda done, total: True)
    assert report.by_entity["remark"] == REMARKS
    assert remark_count(sec.ws) == REMARKS


def test_an_export_stopped_leaves_no_file_and_no_temporary(plan: Plan) -> None:
    sec = plan.secretary
    _many_remarks(plan, sec, REMARKS)
    folder = plan.folder / "shared"
    folder.mkdir()
    target = folder / "sekretore.kplanbundle"
    before = _bookkeeping(sec)
    with pytest.raises(ExportCancelled) as stopped:
        export_bundle(sec.ws, target, keystore=KeyStore(), full=True,
                      progress=lambda done, total: False)
    assert str(stopped.value) == "Export cancelled; no file was written."
    assert list(folder.iterdir()) == []
    assert _bookkeeping(sec) == before

    report = export_bundle(sec.ws, target, keystore=KeyStore(), full=True,
                           progress=lambda done, total: True)
    assert report.events > REMARKS
    assert [p.name for p in folder.iterdir()] == [target.name]
