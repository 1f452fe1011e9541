"""The workspace schema, as migrations registered with sqlite-utils' Migrations.

A migration is a small function; once released it never changes. The schema
version of a file is the number of migrations applied to it, also kept in
``PRAGMA user_version`` so a file can be judged without opening it.

Synced tables carry ``hlc`` and ``device`` (the stamp of the row's last change)
and ``clocks``: NULL while every field still has that one stamp, else a JSON
object of the stamps of the fields that differ from the one most fields share
(that one under ``"*"`` when it is not the row's; events.encode_stamps), so
concurrent edits of different fields both win.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .version import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "apply_migrations", "migrations"]

migrations = Migrations("kplan")

_SYNC = "hlc INTEGER NOT NULL, device TEXT NOT NULL, clocks TEXT"
_FK = "DEFERRABLE INITIALLY DEFERRED"


def _run(db: Database, statements: list[str]) -> None:
    # Statement by statement: executescript() would commit the open transaction.
    for sql in statements:
        db.execute(sql)


@migrations(name="m001_initial")
def m001_initial(db: Database) -> None:
    _run(
        db,
        [
            # This copy: which plan, which device and person, its clock and feed.
            """CREATE TABLE local_identity (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                plan_id TEXT NOT NULL, device_id TEXT NOT NULL, person_id TEXT NOT NULL,
                fingerprint TEXT NOT NULL DEFAULT '',
                last_hlc INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0,
                head TEXT, is_demo INTEGER NOT NULL DEFAULT 0)""",
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            # The event log: every change, local or imported; bundles are cut from it.
            """CREATE TABLE event (
                id TEXT PRIMARY KEY, device TEXT NOT NULL, seq INTEGER NOT NULL,
                hlc INTEGER NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
                author TEXT NOT NULL, prev TEXT, body BLOB NOT NULL)""",
            "CREATE INDEX event_feed ON event (device, seq)",
            "CREATE INDEX event_entity ON event (entity, entity_id)",
            f"""CREATE TABLE plan (
                id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '',
                period TEXT NOT NULL DEFAULT '', languages TEXT NOT NULL DEFAULT 'lt,en',
                {_SYNC})""",
            f"""CREATE TABLE person (
                id TEXT PRIMARY KEY, full_name TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL DEFAULT '', organisation TEXT NOT NULL DEFAULT '',
                public_key TEXT NOT NULL DEFAULT '', fingerprint TEXT NOT NULL DEFAULT '',
                {_SYNC})""",
            f"""CREATE TABLE work_group (
                id TEXT PRIMARY KEY, code TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '',
                kind TEXT NOT NULL DEFAULT 'thematic'
                    CHECK (kind IN ('thematic', 'coordination')),
                mandate TEXT NOT NULL DEFAULT '', archived INTEGER NOT NULL DEFAULT 0, {_SYNC})""",
            f"""CREATE TABLE membership (
                id TEXT PRIMARY KEY,
                group_id TEXT REFERENCES work_group (id) {_FK},
                person_id TEXT REFERENCES person (id) {_FK},
                role TEXT NOT NULL DEFAULT 'expert' CHECK (role IN
                    ('chair', 'secretary', 'expert', 'consultant', 'observer')),
                since TEXT NOT NULL DEFAULT '', until TEXT NOT NULL DEFAULT '',
                deleted INTEGER NOT NULL DEFAULT 0, {_SYNC})""",
            "CREATE INDEX membership_person ON membership (person_id)",
            "CREATE INDEX membership_group ON membership (group_id)",
            f"""CREATE TABLE meeting (
                id TEXT PRIMARY KEY, group_id TEXT REFERENCES work_group (id) {_FK},
                date TEXT NOT NULL DEFAULT '', place TEXT NOT NULL DEFAULT '',
                agenda TEXT NOT NULL DEFAULT '', minutes TEXT NOT NULL DEFAULT '',
                decisions TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0, {_SYNC})""",
            "CREATE INDEX meeting_group ON meeting (group_id, date)",
            f"""CREATE TABLE attendance (
                id TEXT PRIMARY KEY, meeting_id TEXT REFERENCES meeting (id) {_FK},
                person_id TEXT REFERENCES person (id) {_FK},
                present INTEGER NOT NULL DEFAULT 1, {_SYNC})""",
            "CREATE INDEX attendance_meeting ON attendance (meeting_id)",
            f"""CREATE TABLE review_round (
                id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '',
                draft_revision TEXT NOT NULL DEFAULT '', opens TEXT NOT NULL DEFAULT '',
                closes TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0, {_SYNC})""",
            # title and body are the shown head revision's, cached for the tree and search.
            f"""CREATE TABLE section (
                id TEXT PRIMARY KEY, parent_id TEXT REFERENCES section (id) {_FK},
                position INTEGER NOT NULL DEFAULT 0,
                kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('vision', 'priority', 'goal',
                    'objective', 'measure', 'indicator', 'text')),
                code TEXT NOT NULL DEFAULT '',
                responsible_group_id TEXT REFERENCES work_group (id) {_FK},
                state TEXT NOT NULL DEFAULT 'draft'
                    CHECK (state IN ('draft', 'in_review', 'agreed')),
                unit TEXT NOT NULL DEFAULT '', baseline TEXT NOT NULL DEFAULT '',
                target TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
                head_revision_id TEXT, title TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT '', heads INTEGER NOT NULL DEFAULT 0, {_SYNC})""",
            "CREATE INDEX section_parent ON section (parent_id, position)",
            "CREATE INDEX section_code ON section (code)",
            # Immutable: a revision is never changed, only followed by another.
            f"""CREATE TABLE section_revision (
                id TEXT PRIMARY KEY, section_id TEXT NOT NULL REFERENCES section (id) {_FK},
                title TEXT NOT NULL, body TEXT NOT NULL, author_id TEXT NOT NULL,
                hlc INTEGER NOT NULL, device TEXT NOT NULL)""",
            "CREATE INDEX revision_section ON section_revision (section_id, hlc)",
            f"""CREATE TABLE revision_parent (
                revision_id TEXT NOT NULL REFERENCES section_revision (id) {_FK},
                parent_id TEXT NOT NULL REFERENCES section_revision (id) {_FK},
                PRIMARY KEY (revision_id, parent_id)) WITHOUT ROWID""",
            "CREATE INDEX revision_parent_parent ON revision_parent (parent_id)",
            f"""CREATE TABLE remark (
                id TEXT PRIMARY KEY,
                section_id TEXT NOT NULL REFERENCES section (id) {_FK},
                revision_id TEXT REFERENCES section_revision (id) {_FK},
                quote TEXT NOT NULL DEFAULT '', quote_start INTEGER, quote_end INTEGER,
                author_id TEXT NOT NULL REFERENCES person (id) {_FK},
                group_id TEXT REFERENCES work_group (id) {_FK},
                round_id TEXT REFERENCES review_round (id) {_FK},
                type TEXT NOT NULL DEFAULT 'general'
                    CHECK (type IN ('general', 'technical', 'editorial')),
                text TEXT NOT NULL DEFAULT '', proposed TEXT NOT NULL DEFAULT '',
                justification TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'under_review',
                    'accepted', 'partly_accepted', 'rejected', 'noted', 'withdrawn')),
                response TEXT NOT NULL DEFAULT '', responded_by TEXT, responded_at TEXT,
                {_SYNC})""",
            "CREATE INDEX remark_section ON remark (section_id)",
            "CREATE INDEX remark_status ON remark (status)",
            "CREATE INDEX remark_group ON remark (group_id)",
            "CREATE INDEX remark_author ON remark (author_id)",
            # Sync bookkeeping, local to this copy.
            """CREATE TABLE peer (
                device_id TEXT PRIMARY KEY, person_id TEXT, public_key TEXT NOT NULL DEFAULT '',
                fingerprint TEXT NOT NULL DEFAULT '',
                trust TEXT NOT NULL DEFAULT 'unknown'
                    CHECK (trust IN ('unknown', 'trusted', 'revoked')),
                trusted_via TEXT NOT NULL DEFAULT '', sent_hlc INTEGER NOT NULL DEFAULT 0,
                seen_at TEXT NOT NULL DEFAULT '')""",
            """CREATE TABLE imported_bundle (
                id TEXT PRIMARY KEY, file_name TEXT NOT NULL DEFAULT '',
                exporter TEXT NOT NULL DEFAULT '', imported_at TEXT NOT NULL,
                applied INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,
                refused INTEGER NOT NULL DEFAULT 0, conflicts INTEGER NOT NULL DEFAULT 0,
                report TEXT NOT NULL DEFAULT '')""",
            """CREATE TABLE conflict (
                id TEXT PRIMARY KEY, kind TEXT NOT NULL, entity_id TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '', found_at TEXT NOT NULL,
                resolved_at TEXT)""",
            "CREATE INDEX conflict_open ON conflict (resolved_at, entity_id)",
            # Full-text search, diacritics-blind: "azuol" finds "Ąžuolų".
            """CREATE VIRTUAL TABLE remark_fts USING fts5(
                text, proposed, justification, quote, response,
                content='remark', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2')""",
            """CREATE TRIGGER remark_fts_insert AFTER INSERT ON remark BEGIN
                INSERT INTO remark_fts (rowid, text, proposed, justification, quote, response)
                VALUES (new.rowid, new.text, new.proposed, new.justification, new.quote,
                        new.response);
            END""",
            """CREATE TRIGGER remark_fts_delete AFTER DELETE ON remark BEGIN
                INSERT INTO remark_fts (remark_fts, rowid, text, proposed, justification, quote,
                                        response)
                VALUES ('delete', old.rowid, old.text, old.proposed, old.justification,
                        old.quote, old.response);
            END""",
            """CREATE TRIGGER remark_fts_update AFTER UPDATE OF text, proposed, justification,
                quote, response ON remark BEGIN
                INSERT INTO remark_fts (remark_fts, rowid, text, proposed, justification, quote,
                                        response)
                VALUES ('delete', old.rowid, old.text, old.proposed, old.justification,
                        old.quote, old.response);
                INSERT INTO remark_fts (rowid, text, proposed, justification, quote, response)
                VALUES (new.rowid, new.text, new.proposed, new.justification, new.quote,
                        new.response);
            END""",
            """CREATE VIRTUAL TABLE section_fts USING fts5(
                code, title, body, content='section', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2')""",
            """CREATE TRIGGER section_fts_insert AFTER INSERT ON section BEGIN
                INSERT INTO section_fts (rowid, code, title, body)
                VALUES (new.rowid, new.code, new.title, new.body);
            END""",
            """CREATE TRIGGER section_fts_delete AFTER DELETE ON section BEGIN
                INSERT INTO section_fts (section_fts, rowid, code, title, body)
                VALUES ('delete', old.rowid, old.code, old.title, old.body);
            END""",
            """CREATE TRIGGER section_fts_update AFTER UPDATE OF code, title, body ON section BEGIN
                INSERT INTO section_fts (section_fts, rowid, code, title, body)
                VALUES ('delete', old.rowid, old.code, old.title, old.body);
                INSERT INTO section_fts (rowid, code, title, body)
                VALUES (new.rowid, new.code, new.title, new.body);
            END""",
        ],
    )


@migrations(name="m002_response_templates")
def m002_response_templates(db: Database) -> None:
    """Reusable responses for answering remarks (synced like any record)."""
    _run(
        db,
        [
            f"""CREATE TABLE response_template (
                id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',
                deleted INTEGER NOT NULL DEFAULT 0, {_SYNC})""",
        ],
    )


@migrations(name="m003_sync")
def m003_sync(db: Database) -> None:
    """Sync bookkeeping, local to this copy: signed heads, held events, trust, peers' knowledge."""
    _run(
        db,
        [
            # Every feed head a device signed that this copy has seen: relayed untouched.
            """CREATE TABLE feed_head (
                device TEXT NOT NULL, seq INTEGER NOT NULL, head TEXT NOT NULL,
                public_key TEXT NOT NULL, person_id TEXT NOT NULL, signature TEXT NOT NULL,
                PRIMARY KEY (device, head)) WITHOUT ROWID""",
            "CREATE INDEX feed_head_seq ON feed_head (device, seq)",
            # Verified events that cannot apply yet (a gap in their feed, a missing record).
            """CREATE TABLE held_event (
                id TEXT PRIMARY KEY, device TEXT NOT NULL, seq INTEGER NOT NULL,
                hlc INTEGER NOT NULL, prev TEXT, body BLOB NOT NULL,
                public_key TEXT NOT NULL, person_id TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '', bundle_id TEXT NOT NULL DEFAULT '')""",
            "CREATE INDEX held_feed ON held_event (device, seq)",
            # Events kept in the log (their feed stays whole) but not applied, and why.
            "CREATE TABLE refused_event (id TEXT PRIMARY KEY, reason TEXT NOT NULL)",
            # Keys a person confirmed (or revoked) by fingerprint.
            """CREATE TABLE trusted_key (
                fingerprint TEXT PRIMARY KEY, public_key TEXT NOT NULL DEFAULT '',
                person_id TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL CHECK (state IN ('trusted', 'revoked')),
                via TEXT NOT NULL DEFAULT '', changed_at TEXT NOT NULL)""",
            # What each peer is known to hold: the highest seq per feed.
            """CREATE TABLE peer_have (
                peer_device TEXT NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL,
                PRIMARY KEY (peer_device, device)) WITHOUT ROWID""",
        ],
    )


@migrations(name="m004_bound_keys")
def m004_bound_keys(db: Database) -> None:
    """Keys bound for good: each device to the key it signs with, this copy's own key, and
    which refusals were about a remark's state (judged again when older events come)."""
    _run(
        db,
        [
            """CREATE TABLE device_key (
                device_id TEXT PRIMARY KEY, public_key TEXT NOT NULL,
                person_id TEXT NOT NULL DEFAULT '') WITHOUT ROWID""",
            "ALTER TABLE local_identity ADD COLUMN public_key TEXT NOT NULL DEFAULT ''",
            """UPDATE local_identity SET public_key = COALESCE(
                (SELECT p.public_key FROM person p WHERE p.id = local_identity.person_id), '')""",
            """INSERT OR IGNORE INTO device_key (device_id, public_key, person_id)
                SELECT device_id, public_key, person_id FROM local_identity
                WHERE public_key != ''""",
            """INSERT OR IGNORE INTO device_key (device_id, public_key, person_id)
                SELECT device, public_key, person_id FROM feed_head ORDER BY device, seq""",
            "ALTER TABLE refused_event ADD COLUMN by_state INTEGER NOT NULL DEFAULT 0",
            # Plans made before plan ids were derived from the founder's key: the founder
            # is the device whose plan record this copy holds as first.
            """INSERT OR IGNORE INTO meta (key, value)
                SELECT 'legacy_founder_device', e.device FROM event e JOIN local_identity l
                ON e.entity_id = l.plan_id WHERE e.entity = 'plan' AND e.seq = 1
                AND e.prev IS NULL ORDER BY e.hlc LIMIT 1""",
        ],
    )


@migrations(name="m005_person_gender")
def m005_person_gender(db: Database) -> None:
    """A person's grammatical gender, so that role words agree ("pirmininkė"). Unspecified
    for everyone already here: only an event may set it, so every copy holds the same."""
    _run(
        db,
        [
            """ALTER TABLE person ADD COLUMN gender TEXT NOT NULL DEFAULT 'unspecified'
                CHECK (gender IN ('female', 'male', 'unspecified'))""",
        ],
    )


@migrations(name="m006_remark_numbers")
def m006_remark_numbers(db: Database) -> None:
    """Remark identifiers ("KUL-012"): a prefix on each group, a number on each remark, both
    set by signed events (store.remark_numbers); ``renumbered_from`` is the number a clash
    took away. Independent of every other migration: it only adds columns and an index."""
    _run(
        db,
        [
            "ALTER TABLE work_group ADD COLUMN prefix TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE remark ADD COLUMN number INTEGER",
            "ALTER TABLE remark ADD COLUMN renumbered_from INTEGER",
            "CREATE INDEX remark_number ON remark (group_id, number)",
        ],
    )


def apply_migrations(conn: sqlite3.Connection) -> None:
    """Apply the pending migrations inside the caller's open transaction.

    Each one runs in a savepoint of that transaction (sqlite-utils nests
    ``atomic()``), so a failed migration leaves the file as it was.
    """
    migrations.apply(Database(conn, execute_plugins=False))
