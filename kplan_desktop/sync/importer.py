"""Importing a bundle: a set union of signed events, in one transaction.

The steps, each in its own place:

1. read (:mod:`.bundle`): caps, signature and manifest first; the body is
   unpacked only after step 2 accepted the signer.
2. verify (:mod:`.admission`): the signer's key is trusted and bound to the
   person and device the manifest claims; each feed's key speaks for the feed's
   person, and its device signs with no other key.
3. order (here, :meth:`_Import._apply_all`): events in (hlc, device) order; an
   event whose feed has a gap, which refers to a record not here yet, which is
   stamped more than a day ahead, or whose key is not trusted yet, is held and
   tried again at every later import, never refused for ever.
4. judge (:mod:`kplan_desktop.store.permissions`): the one table local writes
   obey; a refused event stays in the log (its feed stays whole) and is reported.
5. apply (:mod:`kplan_desktop.store.events`): per-field last-writer-wins, new
   rows batched; forks and two-headed sections become conflicts.
6. record (:mod:`.import_bookkeeping`): conflicts, peers, this copy's clock, the
   history.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import clock
from ..core.errors import KPlanError
from ..core.model import Actor
from ..core.permissions import Change, Refused, judge
from ..store import events, remark_numbers
from ..store import permissions as rules
from ..store.workspace import Workspace, now_ms
from . import admission, trust
from . import bundle as bundle_io
from . import import_bookkeeping as bookkeeping
from .bundle import Bundle, BundleError, FeedHead, Limits
from .dependencies import CREATION, REFERENCES
from .event_checks import malformed, not_null_columns
from .import_report import ImportCancelled, ImportReport, RevokedSigner, UnknownSigner

__all__ = [
    "ImportCancelled", "ImportReport", "RevokedSigner", "UnknownSigner", "check_file",
    "import_bundle", "import_data", "import_file", "import_files", "preview", "retry_held",
]

#: ``progress(done, total)``; answering False stops the import, which then changes nothing.
Progress = Callable[[int, int], object]
#: How often (in events) an import reports progress and hears whether to stop.
PROGRESS_EVERY = 250

#: New rows written per executemany: big enough to be quick, small enough not to hold a
#: second copy of a large bundle's fields in memory.
_BATCH_ROWS = 2_000
_FUTURE = "stamped more than a day ahead of this computer's clock (tried again later)"


@dataclass(slots=True)
class _Pending:
    event: events.Event
    person: str
    public_key: str
    bundle_id: str


def import_file(
    ws: Workspace,
    path: Path,
    *,
    progress: Progress | None = None,
    limits: Limits = bundle_io.DEFAULT_LIMITS,
    clock_ms: Callable[[], int] = now_ms,
) -> ImportReport:
    """Read, check and import one bundle file; all of it or nothing."""
    signed = bundle_io.open_bundle(path, plan_id=ws.identity.plan_id, limits=limits)
    admission.check_signer(ws.conn, signed.manifest, signed.name)  # before unpacking
    return import_bundle(ws, signed.read(), file_name=path.name, progress=progress,
                         clock_ms=clock_ms, release=True)


def check_file(ws: Workspace, path: Path, *, limits: Limits = bundle_io.DEFAULT_LIMITS) -> None:
    """Raise BundleError unless ``path`` is a bundle of this plan from a trusted signer:
    what can be judged without unpacking it."""
    signed = bundle_io.open_bundle(path, plan_id=ws.identity.plan_id, limits=limits)
    admission.check_signer(ws.conn, signed.manifest, signed.name)


def import_files(
    ws: Workspace,
    paths: list[Path],
    *,
    progress_for: Callable[[Path], Progress | None] | None = None,
    limits: Limits = bundle_io.DEFAULT_LIMITS,
    clock_ms: Callable[[], int] = now_ms,
) -> list[ImportReport]:
    """Several bundles in one transaction: all of them, or none (``kplan bundle import``)."""
    reports = []
    with ws.raw_transaction() as conn:
        for path in paths:
            signed = bundle_io.open_bundle(path, plan_id=ws.identity.plan_id, limits=limits)
            admission.check_signer(conn, signed.manifest, signed.name)  # before unpacking
            progress = progress_for(path) if progress_for is not None else None
            reports.append(_Import(ws, conn, signed.read(), path.name, progress,
                                   clock_ms(), release=True).run())
    return reports


def import_data(
    ws: Workspace,
    data: bytes,
    *,
    name: str = "The bundle",
    limits: Limits = bundle_io.DEFAULT_LIMITS,
    clock_ms: Callable[[], int] = now_ms,
) -> ImportReport:
    """Import a bundle's bytes (already read, e.g. dropped on the window)."""
    signed = bundle_io.open_bundle(data, name=name, plan_id=ws.identity.plan_id, limits=limits)
    admission.check_signer(ws.conn, signed.manifest, name)
    return import_bundle(ws, signed.read(), file_name=name, clock_ms=clock_ms, release=True)


def import_bundle(
    ws: Workspace,
    parsed: Bundle,
    *,
    file_name: str = "",
    progress: Progress | None = None,
    clock_ms: Callable[[], int] = now_ms,
    release: bool = False,
) -> ImportReport:
    """Import a parsed bundle; ``release``: the caller is done with ``parsed``, whose
    events are let go once applied (the peak memory of a large import)."""
    if parsed.manifest.plan_id != ws.identity.plan_id:
        raise BundleError("{name} belongs to another plan, not to this workspace's.",
                          name=file_name or "The bundle")
    with ws.raw_transaction() as conn:
        return _Import(ws, conn, parsed, file_name, progress, clock_ms(), release=release).run()


def retry_held(ws: Workspace, *, clock_ms: Callable[[], int] = now_ms) -> ImportReport:
    """Try again what earlier imports held (a key trusted since, a clock caught up)."""
    with ws.raw_transaction() as conn:
        return _Import(ws, conn, None, "", None, clock_ms()).run()


def preview(ws: Workspace, parsed: Bundle) -> ImportReport:
    """What importing would do, worked out in a transaction that is then rolled back."""
    conn = ws.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        return _Import(ws, conn, parsed, "", None, now_ms()).run()
    finally:
        conn.execute("ROLLBACK")


class _Import:
    def __init__(
        self, ws: Workspace, conn: sqlite3.Connection, parsed: Bundle | None, file_name: str,
        progress: Progress | None, now: int, *, release: bool = False,
    ) -> None:
        self.ws = ws
        self.release = release  # the parsed events may be let go once applied
        self.conn = conn
        self.bundle = parsed
        self.file_name = file_name or "The bundle"
        self.progress = progress
        self.now = now
        self.report = ImportReport(
            bundle_id=parsed.manifest.bundle_id if parsed else "", file_name=file_name,
            signer_name="", signer_fingerprint="",
        )
        self.actors: dict[str, Actor] = {}
        self.key_fingerprints: dict[str, str] = {}
        self.known: dict[str, set[str]] = {e.table: set() for e in events.ENTITIES.values()}
        self.absent: dict[str, set[str]] = {e.table: set() for e in events.ENTITIES.values()}
        self.last_applied: dict[str, str] = {}
        self.sections_touched: set[str] = set()
        self.max_hlc = 0
        #: What this import knows without asking: events in the log by id and by (device,
        #: seq), and the writes it batches for executemany.
        self.logged: set[str] = set()
        #: The first event seen per (device, seq); a second one is a fork.
        self.logged_seq: dict[tuple[str, int], str] = {}
        self.fresh_devices: set[str] = set()
        self.batch_key: tuple[str, tuple[str, ...]] | None = None
        self.batch_rows: list[tuple[Any, ...]] = []
        self.log_rows: list[tuple[Any, ...]] = []
        self.refused_rows: list[tuple[str, str, int]] = []
        self.applied_by_entity: Counter[str] = Counter()
        self.field_sets = {e.table: frozenset(e.fields) for e in events.ENTITIES.values()}
        self.max_remote_hlc = clock.pack(now + clock.MAX_DRIFT_MS + 1) - 1
        self.applied_feeds: set[str] = set()
        self.not_null = not_null_columns(conn)
        self.total = max(1, parsed.manifest.event_count if parsed else 1)
        self.done = 0

    # --- the steps -------------------------------------------------------------------------

    def run(self) -> ImportReport:
        deferred: list[tuple[FeedHead, list[events.Event]]] = []
        pending: list[_Pending] = []
        if self.bundle is not None:
            m = self.bundle.manifest
            signer = admission.check_signer(self.conn, m, self.file_name)
            self.report.signer_name = signer.name
            self.report.signer_fingerprint = signer.fingerprint
            for head, feed in self.bundle.feeds:
                judged = self._judge_key(head.public_key)
                if judged.trust.accepted and judged.person_id:
                    pending += self._admit(head, feed, judged)
                elif judged.trust is trust.Trust.REVOKED:
                    self._refuse_feed(feed, Refused("signed by the revoked key {fp}",
                                                    fp=judged.fingerprint))
                else:
                    deferred.append((head, feed))
        pending += self._load_held()
        self._apply_all(pending)
        # A feed whose key the roster in this very bundle introduces goes second.
        for head, feed in deferred:
            judged = self._judge_key(head.public_key)
            if judged.trust.accepted and judged.person_id:
                self._apply_all(self._admit(head, feed, judged) + self._load_held())
            elif admission.introduced_while_held(self.conn, head):
                roster = trust.KeyTrust(trust.Trust.ROSTER, judged.fingerprint, head.person)
                self._apply_all(self._admit(head, feed, roster) + self._load_held())
            else:
                self._hold_feed(head, feed, judged.fingerprint)
        # Every event is applied, refused or held by now: let the parsed ones go before
        # the numbering run makes its own (50,000 of each would double the peak).
        pending.clear()
        deferred.clear()
        if self.bundle is not None and self.release:
            for _, feed in self.bundle.feeds:
                feed.clear()
        self.report.applied = sum(self.applied_by_entity.values())
        self.report.by_entity.update(self.applied_by_entity)
        bookkeeping.record_conflicts(self.conn, self.sections_touched, self.report)
        if self.bundle is not None:
            bookkeeping.record_peers(self.conn, self.bundle, self.applied_feeds)
        bookkeeping.advance_clock(self.conn, self.max_hlc, self.now)
        bookkeeping.introduce_members(self.ws, self.conn, self.now)
        if self.report.applied:  # the registry stamp; a file that brings nothing, writes nothing
            remark_numbers.number_after_import(self.ws, self.conn, self.now)
        if self.bundle is not None:
            bookkeeping.record_history(self.conn, self.bundle.manifest, self.report)
        # The last moment to stop: after this the transaction commits.
        self._report_progress(self.total)
        return self.report

    def _judge_key(self, public_key: str) -> trust.KeyTrust:
        return trust.judge(self.conn, public_key)

    def _report_progress(self, done: int) -> None:
        if self.progress is not None and self.progress(min(done, self.total),
                                                       self.total) is False:
            raise ImportCancelled("Import cancelled; nothing was changed.")

    def _refuse_feed(self, feed: list[events.Event], reason: Refused) -> None:
        fresh = self._not_in_log(feed)
        self.report.refuse(reason, len(fresh))
        self.report.skipped += len(feed) - len(fresh)

    def _hold_feed(self, head: FeedHead, feed: list[events.Event], fp: str) -> None:
        """Keep a feed whose key is not trusted yet; it applies once the key is."""
        self._store_head(head)
        reason = f"signed by a key this copy does not trust yet (fingerprint {fp})"
        fresh = self._not_in_log(feed)
        self.report.skipped += len(feed) - len(fresh)
        for e in fresh:
            self._hold(_Pending(e, head.person, head.public_key, self.report.bundle_id), reason)

    def _store_head(self, head: FeedHead) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO feed_head (device, seq, head, public_key, person_id, signature)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (head.device, head.last_seq, head.head, head.public_key, head.person, head.signature),
        )

    def _admit(
        self, head: FeedHead, feed: list[events.Event], judged: trust.KeyTrust
    ) -> list[_Pending]:
        """The feed's events to apply, once its key is shown to speak for its person."""
        reason = admission.feed_problem(self.conn, head, judged)
        if reason is not None:
            self._refuse_feed(feed, reason)
            return []
        admission.bind_device(self.conn, head)
        # A key confirmed by fingerprint alone is known in full from its first feed.
        self.conn.execute(
            "UPDATE trusted_key SET public_key = ? WHERE fingerprint = ? AND public_key = ''",
            (head.public_key, judged.fingerprint),
        )
        self._store_head(head)
        self.applied_feeds.add(head.device)
        fresh = self._not_in_log(feed)
        self.report.skipped += len(feed) - len(fresh)
        self.done += len(feed) - len(fresh)
        return [_Pending(e, head.person, head.public_key, self.report.bundle_id) for e in fresh]

    def _not_in_log(self, feed: list[events.Event]) -> list[events.Event]:
        have: set[str] = set()
        ids = [e.id for e in feed]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            have.update(
                r[0] for r in self.conn.execute(
                    f"SELECT id FROM event WHERE id IN ({','.join('?' * len(chunk))})", chunk
                )
            )
        return [e for e in feed if e.id not in have]

    def _load_held(self) -> list[_Pending]:
        """Held events whose feed's key is trusted now and still speaks for its person."""
        rows = self.conn.execute(
            "SELECT id, body, person_id, public_key, bundle_id, device FROM held_event"
        ).fetchall()
        taken: list[_Pending] = []
        verdicts: dict[tuple[str, str, str], bool] = {}
        for event_id, body, person, key, bundle_id, device in rows:
            ok = verdicts.get((key, person, device))
            if ok is None:
                judged = self._judge_key(key)
                ok = judged.trust.accepted and bool(judged.person_id) and (
                    judged.person_id == person
                    and rules.device_key(self.conn, device) in (None, key)
                )
                verdicts[(key, person, device)] = ok
            if ok:
                taken.append(_Pending(events.parse(bytes(body)), person, key, bundle_id))
                self.conn.execute("DELETE FROM held_event WHERE id = ?", (event_id,))
                self.conn.execute(
                    "INSERT OR IGNORE INTO device_key (device_id, public_key, person_id)"
                    " VALUES (?, ?, ?)", (device, key, person),
                )
        return taken

    # --- order -----------------------------------------------------------------------------

    def _apply_all(self, pending: list[_Pending]) -> None:
        seen: set[str] = set()
        queue = []
        for p in pending:
            if p.event.id not in seen:
                seen.add(p.event.id)
                queue.append(p)
        queue.sort(key=lambda p: (p.event.hlc, p.event.device, p.event.seq))
        self._learn(queue)
        # Passes until nothing more applies: a record one event waits for may come later.
        while True:
            held: list[tuple[_Pending, str]] = []
            for p in queue:
                waits = self._apply_one(p)
                if waits:
                    held.append((p, waits))
            self._flush()
            if not held or len(held) == len(queue):
                break
            queue = [p for p, _ in held]
        for p, reason in held:
            self._hold(p, reason)

    def _learn(self, queue: list[_Pending]) -> None:
        """What the workspace already holds of what these events touch, in a few queries,
        so that the loop asks nothing per event."""
        by_table: dict[str, set[str]] = {}
        seqs: dict[str, int] = {}
        for p in queue:
            e = p.event
            by_table.setdefault(events.ENTITIES[e.entity].table, set()).add(e.entity_id)
            seqs[e.device] = min(seqs.get(e.device, e.seq), e.seq)
        for table, ids in by_table.items():
            present = self.known.setdefault(table, set())
            absent = self.absent.setdefault(table, set())
            todo = [i for i in ids if i not in present and i not in absent]
            found: set[str] = set()
            for at in range(0, len(todo), 500):
                chunk = todo[at : at + 500]
                found.update(r[0] for r in self.conn.execute(
                    f"SELECT id FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk
                ))
            present.update(found)
            absent.update(set(todo) - found)
        for device, low in seqs.items():
            for seq, event_id in self.conn.execute(
                "SELECT seq, id FROM event WHERE device = ? AND seq >= ?", (device, low)
            ):
                self.logged_seq.setdefault((device, seq), event_id)
                self.logged.add(event_id)
            self.fresh_devices.add(device)

    def _hold(self, p: _Pending, reason: str) -> None:
        e = p.event
        self.conn.execute(
            "INSERT OR IGNORE INTO held_event (id, device, seq, hlc, prev, body, public_key,"
            " person_id, reason, bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e.id, e.device, e.seq, e.hlc, e.prev, e.body, p.public_key, p.person, reason,
             p.bundle_id),
        )
        self.report.held += 1
        self.report.held_reasons[reason] += 1

    def _prev_known(self, e: events.Event) -> bool:
        if e.prev is None:
            return e.seq == 1
        if self.last_applied.get(e.device) == e.prev:
            return True
        if e.prev in self.logged:
            return True
        return self.conn.execute(
            "SELECT 1 FROM event WHERE id = ?", (e.prev,)
        ).fetchone() is not None

    def _apply_one(self, p: _Pending) -> str:
        """Apply, refuse or skip one event; returns why it must wait, or ''."""
        e = p.event
        if not self._prev_known(e):
            return f"the changes before it from device {e.device} are missing"
        if e.id in self.logged:
            self.report.skipped += 1
            return ""
        if e.hlc > self.max_remote_hlc:
            return _FUTURE
        reason = self._refusal(p)
        if reason is not None:
            self._refuse(e, reason)
            return ""
        return self._waiting_for(e) or self._apply_event(p)

    def _refusal(self, p: _Pending) -> Refused | None:
        e = p.event
        if e.author != p.person:
            return Refused("events written under another person's name")
        return malformed(e, self.not_null)

    def _waiting_for(self, e: events.Event) -> str:
        fields = e.fields
        table = e.entity  # entity names are their tables
        if not self._exists(table, e.entity_id) and not CREATION[e.entity] <= fields.keys():
            return f"it changes a {table} this copy does not have yet"
        known = self.known
        for name, ref_table in REFERENCES.get(e.entity, {}).items():
            value = fields.get(name)
            if value is None or value in known.get(ref_table, ()):
                continue
            if not isinstance(value, str) or not self._exists(ref_table, value):
                return f"it refers to a {ref_table} this copy does not have yet"
        if e.entity == "section_revision":
            for parent in fields.get("parents") or ():
                if not self._exists("section_revision", parent):
                    return "it refers to a section_revision this copy does not have yet"
        return ""

    # --- judge and apply -------------------------------------------------------------------

    def _fingerprint(self, key: str) -> str:
        fp = self.key_fingerprints.get(key)
        if fp is None:
            fp = self.key_fingerprints[key] = trust.key_fingerprint(key)
        return fp

    def _apply_event(self, p: _Pending) -> str:
        e = p.event
        entity = events.ENTITIES[e.entity]
        table = entity.table
        creating = e.entity_id in self.absent.get(table, ())
        if creating and table == "remark":
            # The common case of a bulk import, judged by the table without a query.
            known = self.field_sets[table]
            fields = e.fields if e.fields.keys() <= known else {
                k: v for k, v in e.fields.items() if k in known}
            refusal = judge(self._actor(e.author), Change("remark", e.entity_id, fields))
            if refusal is None:
                self._create(e, entity)
            else:
                self._refuse(e, refusal)
            return ""
        self._flush()
        refusal = None if rules.arrives_late(self.conn, e) else rules.judge_event(
            self.conn, e, self._actor, p.public_key, self._fingerprint(p.public_key)
        )
        if refusal is not None:
            self._refuse(e, refusal)
            return ""
        if creating and table not in ("section", "section_revision"):
            self._create(e, entity)
            return ""
        self._record(e)
        self._flush()
        late = rules.apply(self.conn, e, self._actor)
        if late is not None:  # a remark replayed in stamp order refused this one
            self.report.refuse(late)
            self._tick()
            return ""
        self._applied(e, table)
        return ""

    def _refuse(self, e: events.Event, reason: Refused) -> None:
        self._record(e)
        self.refused_rows.append((e.id, str(reason), int(reason.by_state)))
        self.report.refuse(reason)
        self._tick()

    def _create(self, e: events.Event, entity: events.Entity) -> None:
        """A new row: batched with its neighbours into one executemany."""
        fields = e.fields
        names = tuple(fields)
        if not set(names) <= self.field_sets[entity.table]:
            fields = {k: v for k, v in fields.items() if k in entity.fields}
            names = tuple(fields)
        key = (entity.table, names)
        if key != self.batch_key or len(self.batch_rows) >= _BATCH_ROWS:
            self._flush()
            self.batch_key = key
        self.batch_rows.append(events.insert_params(e, entity, fields))
        self._record(e)
        self._applied(e, entity.table)

    def _applied(self, e: events.Event, table: str) -> None:
        self.known[table].add(e.entity_id)
        self.absent[table].discard(e.entity_id)
        entity = e.entity
        if entity != "remark":
            if entity in ("membership", "work_group"):
                self.actors.clear()
            elif entity == "section_revision":
                self.sections_touched.add(str(e.fields["section_id"]))
        self.applied_by_entity[entity] += 1
        if e.hlc > self.max_hlc:
            self.max_hlc = e.hlc
        self._tick()

    def _tick(self) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            self._report_progress(self.done)

    def _flush(self) -> None:
        """Write what is batched: new rows, then the log and the refusals."""
        if self.batch_rows and self.batch_key is not None:
            table, names = self.batch_key
            self.conn.executemany(
                events.insert_sql(events.ENTITIES[table], names), self.batch_rows
            )
        self.batch_rows = []
        self.batch_key = None
        if self.log_rows:
            self.conn.executemany(
                "INSERT OR IGNORE INTO event (id, device, seq, hlc, entity, entity_id, author,"
                " prev, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self.log_rows,
            )
            self.log_rows = []
        if self.refused_rows:
            self.conn.executemany(
                "INSERT OR IGNORE INTO refused_event (id, reason, by_state) VALUES (?, ?, ?)",
                self.refused_rows,
            )
            self.refused_rows = []

    def _record(self, e: events.Event) -> None:
        """Append to the log (batched); a second event for one device and seq is a fork."""
        if e.device not in self.fresh_devices:
            self._learn([_Pending(e, "", "", "")])
        first = self.logged_seq.setdefault((e.device, e.seq), e.id)
        fork = first if first != e.id else None
        self.logged.add(e.id)
        self.log_rows.append(
            (e.id, e.device, e.seq, e.hlc, e.entity, e.entity_id, e.author, e.prev, e.body)
        )
        self.last_applied[e.device] = e.id
        if fork is not None:
            detail = json.dumps({"device": e.device, "seq": e.seq, "events": sorted([fork, e.id])})
            bookkeeping.open_conflict(self.conn, "fork", e.device, detail)
            self.report.add_conflict(KPlanError(
                "device {device} made two different changes numbered {seq}"
                " (restored from a backup?)", device=e.device, seq=e.seq,
            ))

    def _exists(self, table: str, entity_id: str) -> bool:
        cache = self.known.setdefault(table, set())
        if entity_id in cache:
            return True
        if entity_id in self.absent.get(table, ()):
            return False
        self._flush()
        if self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (entity_id,)).fetchone():
            cache.add(entity_id)
            return True
        self.absent.setdefault(table, set()).add(entity_id)
        return False

    def _actor(self, person_id: str) -> Actor:
        actor = self.actors.get(person_id)
        if actor is None:
            actor = self.actors[person_id] = rules.actor_of(self.conn, person_id)
        return actor
