"""The demo plan: realistic, deterministic, and every quote really in its text."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from kplan_desktop.demo.generate import build_demo
from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace

SYNCED = ("plan", "person", "work_group", "membership", "meeting", "attendance",
          "review_round", "section", "section_revision", "remark", "event")


def dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for table in SYNCED:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.kplan"
    build_demo(path)
    return path


def test_demo_has_a_whole_plan(demo: Path) -> None:
    with Workspace.open(demo, readonly=True) as ws:
        info = queries.info(ws)
        groups = queries.groups(ws)
        assert info["plan"]["title"].startswith("Kauno miesto")
        assert 140 <= info["sections"] <= 170
        assert len(groups) == 9
        assert sum(g["kind"] == "coordination" for g in groups) == 1
        assert info["people"] >= 60
        assert info["rounds"] == 2
        assert info["meetings"] >= 27
        assert info["remarks"] == 2000
        assert set(info["remarks_by_status"]) == {
            "new", "under_review", "accepted", "partly_accepted", "rejected", "noted",
            "withdrawn",
        }
        kinds = {r[0] for r in ws.conn.execute("SELECT DISTINCT kind FROM section")}
        assert kinds >= {"vision", "priority", "goal", "objective", "measure", "indicator"}
        types = {r[0] for r in ws.conn.execute("SELECT DISTINCT type FROM remark")}
        assert types == {"general", "technical", "editorial"}
        present = ws.conn.execute("SELECT COUNT(*) FROM attendance WHERE present = 1").fetchone()
        assert present[0] > 100
        # Decisions that need reasons carry them.
        missing = ws.conn.execute(
            "SELECT COUNT(*) FROM remark WHERE status IN ('rejected', 'partly_accepted')"
            " AND response = ''"
        ).fetchone()[0]
        assert missing == 0


def test_every_quote_occurs_in_the_revision_it_was_made_on(demo: Path) -> None:
    with Workspace.open(demo, readonly=True) as ws:
        rows = ws.conn.execute(
            "SELECT r.quote, r.quote_start, r.quote_end, v.body FROM remark r"
            " JOIN section_revision v ON v.id = r.revision_id WHERE r.quote != ''"
        ).fetchall()
        assert len(rows) > 1000
        for quote, start, end, body in rows:
            assert body[start:end] == quote
        changed = ws.conn.execute(
            "SELECT COUNT(*) FROM remark r JOIN section s ON s.id = r.section_id"
            " WHERE r.revision_id != s.head_revision_id"
        ).fetchone()[0]
        assert changed > 0, "some remarks were made on text revised since"


def test_the_demo_user_is_the_coordination_secretary(demo: Path) -> None:
    with Workspace.open(demo, readonly=True) as ws:
        actor = ws.actor()
        assert actor.coordinates
        assert ws.identity.is_demo
        # Remarks stand in their authors' own feeds, answers in the secretary's.
        wrong = ws.conn.execute(
            "SELECT COUNT(*) FROM event e JOIN remark r ON r.id = e.entity_id"
            " WHERE e.entity = 'remark' AND json_extract(e.body, '$.fields.text') IS NOT NULL"
            " AND e.author != r.author_id"
        ).fetchone()[0]
        assert wrong == 0


def test_same_seed_same_plan(demo: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.kplan"
    build_demo(again)
    assert dump(again) == dump(demo)
    other = tmp_path / "other.kplan"
    build_demo(other, seed=7, remarks=50)
    assert dump(other) != dump(demo)


def test_a_failed_build_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "broken.kplan"

    def fail(done: int, total: int) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        build_demo(target, remarks=600, progress=fail)
    assert list(tmp_path.iterdir()) == []


def test_a_copy_joined_from_the_demos_bundle_holds_everything(demo: Path, tmp_path: Path) -> None:
    from kplan_desktop.sync.export import export_bundle
    from kplan_desktop.sync.identity import join_plan
    from kplan_desktop.sync.keys import KeyStore

    bundle = tmp_path / "demo.kplanbundle"
    with Workspace.open(demo) as ws:
        # The demo's key is derived from its seed: a demo copy exports without a keyring entry.
        export_bundle(ws, bundle, full=True, keystore=KeyStore())
        expected = queries.info(ws)
    joined, report = join_plan(tmp_path / "expert.kplan", bundle, full_name="Jonas Jonaitis",
                               email="jonas@example.lt", keystore=KeyStore())
    assert not report.refused
    with joined:
        got = queries.info(joined)
        answered = joined.conn.execute(
            "SELECT COUNT(*) FROM remark WHERE response != ''"
        ).fetchone()[0]
    assert got["remarks"] == expected["remarks"] == 2000
    assert got["remarks_by_status"] == expected["remarks_by_status"]
    assert (got["sections"], got["groups"], got["meetings"]) == (
        expected["sections"], expected["groups"], expected["meetings"])
    assert answered > 1000
