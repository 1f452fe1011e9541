"""What an import records once its events are applied: conflicts, peers and what they
hold, the officer's introductions of confirmed keys, this copy's clock, the history.

Each is a function of the import's open connection, called by the importer inside its
transaction (and by conflict resolution for sections).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable

from ..core import clock
from ..core.errors import KPlanError
from ..core.ids import uuid7
from ..store import events
from ..store import permissions as rules
from ..store.workspace import Feed, Workspace, Writer
from . import trust
from .bundle import Bundle, Manifest
from .import_report import ImportReport

#: How far past its own clock a copy follows a remote one: a change stamped ahead by a
#: wrong clock must not push this copy's later edits "into the future" for honest copies.
CLOCK_FOLLOW_MS = 60_000


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def open_conflict(conn: sqlite3.Connection, kind: str, entity_id: str, detail: str) -> None:
    exists = conn.execute(
        "SELECT 1 FROM conflict WHERE kind = ? AND entity_id = ? AND detail = ?",
        (kind, entity_id, detail),
    ).fetchone()
    if exists is None:
        conn.execute(
            "INSERT INTO conflict (id, kind, entity_id, detail, found_at) VALUES (?, ?, ?,"
            " ?, ?)",
            (uuid7(), kind, entity_id, detail, now_text()),
        )


def record_conflicts(
    conn: sqlite3.Connection, sections: Iterable[str], report: ImportReport
) -> None:
    """A conflict for each section the import left with two heads."""
    for section_id in sorted(sections):
        if record_section_conflict(conn, section_id):
            code = conn.execute("SELECT code FROM section WHERE id = ?", (section_id,)).fetchone()
            report.add_conflict(KPlanError(
                "section {code} was revised on two copies", code=code[0] if code else section_id,
            ))


def record_peers(conn: sqlite3.Connection, bundle: Bundle, applied_feeds: set[str]) -> None:
    """Peers as their keys say (admission checked the exporter's claims)."""
    m = bundle.manifest
    heads = [(h.device, h.person, h.public_key) for h, _ in bundle.feeds
             if h.device in applied_feeds]
    if rules.device_key(conn, m.exporter_device) in (None, m.exporter_key):
        heads.append((m.exporter_device, m.exporter_person, m.exporter_key))
    for device, person, key in heads:
        judged = trust.judge(conn, key)
        state = "revoked" if judged.trust is trust.Trust.REVOKED else (
            "trusted" if judged.trust.accepted else "unknown")
        conn.execute(
            "INSERT INTO peer (device_id, person_id, public_key, fingerprint, trust,"
            " trusted_via, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id)"
            " DO UPDATE SET person_id = excluded.person_id, trust = excluded.trust,"
            " trusted_via = excluded.trusted_via, seen_at = excluded.seen_at,"
            " public_key = CASE WHEN peer.public_key = '' THEN excluded.public_key"
            "   ELSE peer.public_key END,"
            " fingerprint = CASE WHEN peer.fingerprint = '' THEN excluded.fingerprint"
            "   ELSE peer.fingerprint END",
            (device, person, key, judged.fingerprint, state, judged.trust.value, now_text()),
        )
    conn.execute(
        "INSERT OR IGNORE INTO device_key (device_id, public_key, person_id) VALUES"
        " (?, ?, ?)", (m.exporter_device, m.exporter_key, m.exporter_person),
    )
    if rules.device_key(conn, m.exporter_device) != m.exporter_key:
        return  # a feed in this bundle showed the device is another key's: not the sender
    # The exporter said what it holds; that is what it lacks from us next time.
    conn.execute("DELETE FROM peer_have WHERE peer_device = ?", (m.exporter_device,))
    conn.executemany(
        "INSERT INTO peer_have (peer_device, device, seq) VALUES (?, ?, ?)",
        [(m.exporter_device, device, seq) for device, seq in m.have.items()],
    )


def introduce_members(ws: Workspace, conn: sqlite3.Connection, now: int) -> None:
    """As an officer, vouch in this copy's feed for keys confirmed here by fingerprint."""
    me = ws.actor()
    if not (me.coordinates or me.officer_groups):
        return
    rows = conn.execute(
        "SELECT p.id, p.public_key, p.fingerprint FROM trusted_key t JOIN person p"
        " ON p.public_key = t.public_key AND p.id = t.person_id WHERE t.state = 'trusted'"
        " AND p.public_key != ''"
    ).fetchall()
    to_vouch = []
    for person_id, key, fp in rows:
        groups = {
            r[0] for r in conn.execute(
                "SELECT group_id FROM membership WHERE person_id = ? AND deleted = 0",
                (person_id,),
            )
        }
        if not (me.coordinates or groups & me.officer_groups):
            continue
        if not trust.introduced_by_officer(conn, person_id, key):
            to_vouch.append((person_id, key, fp))
    if not to_vouch:
        return
    ident = ws.identity
    last_hlc, seq, head, own_key, own_fp = conn.execute(
        "SELECT last_hlc, seq, head, public_key, fingerprint FROM local_identity"
    ).fetchone()
    feed = Feed(ident.plan_id, ident.device_id, ident.person_id, seq, head, last_hlc,
                own_key, own_fp)
    writer = Writer(conn, feed, clock_ms=now)
    for person_id, key, fp in to_vouch:
        writer.put("person", person_id, {"public_key": key, "fingerprint": fp})
    writer.finish()


def advance_clock(conn: sqlite3.Connection, max_hlc: int, now: int) -> None:
    """Follow what was applied, but never far past this computer's own clock."""
    if max_hlc:
        ceiling = clock.pack(now + CLOCK_FOLLOW_MS)
        conn.execute(
            "UPDATE local_identity SET last_hlc = MAX(last_hlc, ?)", (min(max_hlc, ceiling),)
        )


def record_history(conn: sqlite3.Connection, m: Manifest, report: ImportReport) -> None:
    # Keyed by signer and bundle id: a file cannot overwrite another signer's entry.
    history_id = hashlib.sha256(f"{m.exporter_key}\n{m.bundle_id}".encode()).hexdigest()
    conn.execute(
        "INSERT OR REPLACE INTO imported_bundle (id, file_name, exporter, imported_at,"
        " applied, skipped, refused, conflicts, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            history_id, report.file_name, m.exporter_device, now_text(), report.applied,
            report.skipped, report.refused_count, len(report.conflicts),
            json.dumps(report.as_json(), ensure_ascii=False),
        ),
    )


def record_section_conflict(conn: sqlite3.Connection, section_id: str) -> bool:
    """Open a conflict for a section with two heads, close it once one remains.

    Returns True when a new conflict was opened.
    """
    heads = events.section_heads(conn, section_id)
    open_rows = conn.execute(
        "SELECT id, detail FROM conflict WHERE kind = 'section' AND entity_id = ?"
        " AND resolved_at IS NULL",
        (section_id,),
    ).fetchall()
    if len(heads) <= 1:
        for conflict_id, _ in open_rows:
            conn.execute(
                "UPDATE conflict SET resolved_at = ? WHERE id = ?", (now_text(), conflict_id)
            )
        return False
    detail = json.dumps({"heads": sorted(heads)})
    if any(d == detail for _, d in open_rows):
        return False
    for conflict_id, _ in open_rows:
        conn.execute("UPDATE conflict SET resolved_at = ? WHERE id = ?", (now_text(), conflict_id))
    conn.execute(
        "INSERT INTO conflict (id, kind, entity_id, detail, found_at) VALUES (?, 'section', ?,"
        " ?, ?)",
        (uuid7(), section_id, detail, now_text()),
    )
    return True


def held_summary(conn: sqlite3.Connection) -> list[tuple[str, int, int, str]]:
    """Held events per device: (device, from seq, count, reason)."""
    return [
        (r[0], r[1], r[2], r[3]) for r in conn.execute(
            "SELECT device, MIN(seq), COUNT(*), MIN(reason) FROM held_event GROUP BY device"
        )
    ]
