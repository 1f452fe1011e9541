"""Opening a file of an older schema: a backup copy first, then a migration losing nothing."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from kplan_desktop.store import actions, queries
from kplan_desktop.store.errors import WorkspaceError
from kplan_desktop.store.events import ENTITIES
from kplan_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrations
from kplan_desktop.store.workspace import Workspace

OLD_VERSION = 1
#: Tables of schema 1 that hold the user's data (FTS shadow tables aside).
OLD_TABLES = ("local_identity", "event", "plan", "person", "work_group", "membership",
              "section", "section_revision", "remark", "review_round")


#: A workspace as KPlan with schema 1 made it (a plan, people, a section and 12 remarks),
#: written by that version's own code and kept as it was.
SCHEMA_1_FILE = Path(__file__).parent.parent / "data" / "schema1.kplan"


def build_old_workspace(path: Path) -> None:
    """A copy of the schema-1 workspace at ``path``."""
    shutil.copyfile(SCHEMA_1_FILE, path)


def table_rows(conn: sqlite3.Connection, table: str,
               columns: list[str] | None = None) -> list[tuple[Any, ...]]:
    names = ", ".join(columns) if columns else "*"
    return conn.execute(f"SELECT {names} FROM {table} ORDER BY rowid").fetchall()


def old_columns(path: Path) -> dict[str, list[str]]:
    """The columns each table had in the old file (later migrations add more)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {t: [c[1] for c in conn.execute(f"PRAGMA table_info({t})")] for t in OLD_TABLES}


def snapshot(path: Path, columns: dict[str, list[str]] | None = None,
             ) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the old tables; only the old ``columns`` when given."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {t: table_rows(conn, t, (columns or {}).get(t)) for t in OLD_TABLES}


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "senas.kplan"
    build_old_workspace(path)
    return path


def test_the_old_file_really_is_schema_1(old_file: Path) -> None:
    with contextlib.closing(sqlite3.connect(old_file)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == OLD_VERSION
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "response_template" not in tables
        assert conn.execute("SELECT count(*) FROM remark").fetchone()[0] == 12
    assert OLD_VERSION < SCHEMA_VERSION


def test_opening_an_older_file_backs_it_up_and_migrates_it(old_file: Path) -> None:
    columns = old_columns(old_file)
    before = snapshot(old_file)
    with Workspace.open(old_file) as ws:
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert ws.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        backup = ws.backup_path(OLD_VERSION)
        # The new table works, through the same event log.
        template = actions.save_response_template(ws, title="Pritarta", text="Pritarta.")
        assert ws.conn.execute(
            "SELECT title FROM response_template WHERE id = ?", (template,)
        ).fetchone() == ("Pritarta",)
        # Search still finds the old remarks (the FTS index came along).
        found = queries.remark_ids(ws, queries.RemarkFilter(search="azuol"))
        assert len(found) == 12
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    after = snapshot(old_file, columns)
    for table in OLD_TABLES:
        if table in ("event", "local_identity"):
            continue  # we wrote one more event above
        assert after[table] == before[table], table
    assert after["event"][: len(before["event"])] == before["event"]
    assert len(after["event"]) == len(before["event"]) + 1

    # The backup sits next to the file, is a whole SQLite file and holds the old data.
    assert backup.parent == old_file.parent
    assert backup.name.startswith(old_file.name)
    assert not list(old_file.parent.glob("*.tmp"))
    with contextlib.closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == OLD_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert {t: table_rows(conn, t) for t in OLD_TABLES} == before
    # And KPlan can open the backup itself (migrating a copy of it in turn).
    copy = old_file.with_name("atkurtas.kplan")
    copy.write_bytes(backup.read_bytes())
    with Workspace.open(copy) as restored:
        assert queries.info(restored)["remarks"] == 12


def test_a_migrated_file_opens_again_without_another_backup(old_file: Path) -> None:
    Workspace.open(old_file).close()
    backups = sorted(p.name for p in old_file.parent.glob("*.bak"))
    assert len(backups) == 1
    backup = old_file.parent / backups[0]
    stamp = hashlib.sha256(backup.read_bytes()).hexdigest()
    with Workspace.open(old_file) as ws:
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert sorted(p.name for p in old_file.parent.glob("*.bak")) == backups
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == stamp


def test_an_older_file_opened_read_only_is_not_migrated(old_file: Path) -> None:
    with pytest.raises(WorkspaceError, match="upgrade"):
        Workspace.open(old_file, readonly=True)
    with contextlib.closing(sqlite3.connect(old_file)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == OLD_VERSION
    assert not list(old_file.parent.glob("*.bak"))


def test_every_synced_entity_has_a_table_after_migrating(old_file: Path) -> None:
    with Workspace.open(old_file) as ws:
        tables = {r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master")}
        applied = [m.name for m in migrations.applied(Database(ws.conn, execute_plugins=False))]
    assert set(ENTITIES) <= tables
    assert len(applied) == SCHEMA_VERSION


def test_schema_version_counts_the_migrations() -> None:
    from sqlite_utils import Database as _Database

    assert len(migrations.pending(_Database(memory=True, execute_plugins=False))) == SCHEMA_VERSION


def test_a_second_program_migrating_at_the_same_moment_keeps_the_old_backup(
    old_file: Path,
) -> None:
    """Two programs read the old header; the first migrates; the second must not replace the
    backup of the old data with a copy of the already migrated file."""
    with Workspace.open(old_file) as first:
        backup = first.backup_path(OLD_VERSION)
    stamp = hashlib.sha256(backup.read_bytes()).hexdigest()
    with Workspace.open(old_file) as second:
        second._migrate_with_backup(OLD_VERSION)  # what the second program does next
        assert second.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == stamp
    with contextlib.closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == OLD_VERSION
    assert sorted(p.name for p in old_file.parent.iterdir() if "bak" in p.name) == [backup.name]


def test_people_of_an_older_file_have_an_unspecified_gender_that_can_be_set(
    old_file: Path,
) -> None:
    """m005: the column comes with 'unspecified' for everyone (only an event may say more,
    so every copy holds the same), and setting it is an event like any other change."""
    with Workspace.open(old_file) as ws:
        people = queries.people(ws)
        assert people and {p["gender"] for p in people} == {"unspecified"}
        me = ws.identity.person_id
        before = ws.conn.execute("SELECT count(*) FROM event").fetchone()[0]
        actions.update_person(ws, me, {"gender": "female"})
        assert (queries.person(ws, me) or {})["gender"] == "female"
        last = ws.conn.execute(
            "SELECT entity, entity_id, body FROM event ORDER BY rowid DESC LIMIT 1").fetchone()
        assert ws.conn.execute("SELECT count(*) FROM event").fetchone()[0] == before + 1
        assert last[:2] == ("person", me) and b'"gender":"female"' in last[2]
        with pytest.raises(sqlite3.IntegrityError):
            ws.conn.execute("UPDATE person SET gender = 'other' WHERE id = ?", (me,))
