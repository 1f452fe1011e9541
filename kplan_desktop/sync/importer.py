"""Importing a bundle: a set union of signed events, in one transaction.

The bundle is read and checked completely first (:mod:`.bundle`); then one
``BEGIN IMMEDIATE`` transaction judges the signer's and each feed's key
(:mod:`.trust`), skips the events this copy already has, and applies the rest
in (hlc, device) order through :func:`kplan_desktop.store.events.apply`, the
materializer local writes use. Per event: an author who is not the feed's
person, a clock more than a day ahead, or a change the author's memberships
do not allow is refused (kept in the log so the feed stays whole, never
applied) and reported; an event whose feed has a gap before it, or which
refers to a record not here yet, is held aside and applied by a later import
that fills the gap. Forks (one device and seq, two events) and sections with
two head revisions are recorded as conflicts.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import clock, rules
from ..core.errors import KPlanError
from ..core.ids import uuid7
from ..core.model import Actor, GroupKind, RemarkStatus, RemarkType, Role, SectionKind, SectionState
from ..store import events
from ..store.workspace import Feed, Workspace, Writer, now_ms
from . import bundle as bundle_io
from . import permissions, trust
from .bundle import Bundle, BundleError, FeedHead, Limits
from .permissions import Refused

#: ``progress(done, total)``; answering False stops the import, which then changes nothing.
Progress = Callable[[int, int], object]

_ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("remark", "type"): frozenset(t.value for t in RemarkType),
    ("remark", "status"): frozenset(s.value for s in RemarkStatus),
    ("section", "kind"): frozenset(k.value for k in SectionKind),
    ("section", "state"): frozenset(s.value for s in SectionState),
    ("membership", "role"): frozenset(r.value for r in Role),
    ("work_group", "kind"): frozenset(k.value for k in GroupKind),
}
_INT_LIMIT = 2**62
_ENUM_FIELDS = frozenset(_ENUMS)
#: How many events the founding write of a plan has (see store.actions.init_plan).
GENESIS_EVENTS = 4


class UnknownSigner(BundleError):
    pass


class RevokedSigner(BundleError):
    pass


class ImportCancelled(KPlanError):
    """The user stopped the import; its transaction was rolled back."""


#: How often (in events) an import reports progress and hears whether to stop.
PROGRESS_EVERY = 250
_MALFORMED = Refused("malformed changes")


@dataclass
class ImportReport:
    """What an import did, for the command line, the GUI and the import history."""

    bundle_id: str
    file_name: str
    signer_name: str
    signer_fingerprint: str
    applied: int = 0
    skipped: int = 0
    held: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    #: Changes applied per entity, e.g. {"remark": 120}.
    by_entity: Counter[str] = field(default_factory=Counter)
    held_reasons: Counter[str] = field(default_factory=Counter)
    #: The sentences of ``refused`` and ``conflicts`` as (template, arguments), so that the
    #: GUI can translate them (QCoreApplication.translate("KPlanError", template)).
    templates: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)

    def refuse(self, reason: KPlanError, n: int = 1) -> None:
        """Count ``n`` events refused for ``reason``."""
        sentence = str(reason)
        self.refused[sentence] += n
        self.templates.setdefault(sentence, (reason.template, reason.args_map))

    def add_conflict(self, conflict: KPlanError) -> None:
        sentence = str(conflict)
        self.conflicts.append(sentence)
        self.templates.setdefault(sentence, (conflict.template, conflict.args_map))

    def template(self, sentence: str) -> tuple[str, dict[str, Any]]:
        """The template and arguments of one of this report's sentences."""
        return self.templates.get(sentence, (sentence, {}))

    @property
    def refused_count(self) -> int:
        return sum(self.refused.values())

    def lines(self) -> list[str]:
        out = [
            f"Bundle from {self.signer_name} (fingerprint {self.signer_fingerprint}):",
            f"  applied   {self.applied}",
            f"  skipped   {self.skipped} (already here)",
            f"  refused   {self.refused_count}",
        ]
        out += [f"    {n} × {reason}" for reason, n in sorted(self.refused.items())]
        if self.held:
            out.append(f"  held      {self.held} (waiting for earlier changes)")
            out += [f"    {n} × {reason}" for reason, n in sorted(self.held_reasons.items())]
        out.append(f"  conflicts {len(self.conflicts)}")
        out += [f"    {c}" for c in self.conflicts]
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "bundle": self.bundle_id, "file": self.file_name, "signer": self.signer_name,
            "fingerprint": self.signer_fingerprint, "applied": self.applied,
            "skipped": self.skipped, "held": self.held, "refused": dict(self.refused),
            "held_reasons": dict(self.held_reasons), "conflicts": self.conflicts,
            "by_entity": dict(self.by_entity),
        }


@dataclass
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
    parsed = bundle_io.read_file(path, plan_id=ws.identity.plan_id, limits=limits)
    return import_bundle(ws, parsed, file_name=path.name, progress=progress, clock_ms=clock_ms)


def import_data(
    ws: Workspace,
    data: bytes,
    *,
    name: str = "The bundle",
    limits: Limits = bundle_io.DEFAULT_LIMITS,
    clock_ms: Callable[[], int] = now_ms,
) -> ImportReport:
    """Import a bundle's bytes (already read, e.g. dropped on the window)."""
    parsed = bundle_io.read_bytes(data, name=name, plan_id=ws.identity.plan_id, limits=limits)
    return import_bundle(ws, parsed, file_name=name, clock_ms=clock_ms)


def import_bundle(
    ws: Workspace,
    parsed: Bundle,
    *,
    file_name: str = "",
    progress: Progress | None = None,
    clock_ms: Callable[[], int] = now_ms,
) -> ImportReport:
    if parsed.manifest.plan_id != ws.identity.plan_id:
        raise BundleError("{name} belongs to another plan, not to this workspace's.",
                          name=file_name or "The bundle")
    with ws.raw_transaction() as conn:
        run = _Import(ws, conn, parsed, file_name, progress, clock_ms())
        return run.run()


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
        self, ws: Workspace, conn: sqlite3.Connection, parsed: Bundle, file_name: str,
        progress: Progress | None, now: int,
    ) -> None:
        self.ws = ws
        self.conn = conn
        self.bundle = parsed
        self.manifest = parsed.manifest
        self.progress = progress
        self.now = now
        self.report = ImportReport(
            bundle_id=self.manifest.bundle_id,
            file_name=file_name,
            signer_name=self.manifest.exporter_name,
            signer_fingerprint=self.manifest.exporter_fingerprint,
        )
        self.actors: dict[str, Actor] = {}
        self.known: dict[str, set[str]] = {e.table: set() for e in events.ENTITIES.values()}
        self.last_applied: dict[str, str] = {}
        self.sections_touched: set[str] = set()
        self.max_hlc = 0
        self.founder: str | None = None
        #: What this import knows without asking: rows absent, events in the log by id and
        #: by (device, seq), and the writes it batches for executemany.
        self.absent: dict[str, set[str]] = {e.table: set() for e in events.ENTITIES.values()}
        self.logged: set[str] = set()
        self.logged_seq: dict[tuple[str, int], set[str]] = {}
        self.fresh_devices: set[str] = set()
        self.batch_key: tuple[str, tuple[str, ...]] | None = None
        self.batch_rows: list[tuple[Any, ...]] = []
        self.log_rows: list[tuple[Any, ...]] = []
        self.refused_rows: list[tuple[str, str]] = []
        self.applied_by_entity: Counter[str] = Counter()
        self.field_sets = {e.table: frozenset(e.fields) for e in events.ENTITIES.values()}
        self.max_remote_hlc = clock.pack(now + clock.MAX_DRIFT_MS + 1) - 1
        self.applied_feeds: set[str] = set()
        self.not_null = self._not_null_columns()
        self.total = max(1, self.manifest.event_count)
        self.done = 0

    # --- the steps -------------------------------------------------------------------------

    def run(self) -> ImportReport:
        m = self.manifest
        signer = trust.judge(self.conn, m.exporter_key)
        if signer.trust is trust.Trust.REVOKED:
            raise RevokedSigner(
                "{name} is signed by a revoked key ({fp}); it is refused.",
                name=self.report.file_name or "The bundle", fp=signer.fingerprint,
            )
        if not signer.trust.accepted:
            raise UnknownSigner(
                "{name} is signed by {who}, whose key this copy does not trust yet"
                " (fingerprint {fp}). If {who} confirms this fingerprint, trust it with"
                " `kplan trust WORKSPACE \"{fp}\"` or on the Sync page, then import again.",
                name=self.report.file_name or "The bundle", who=m.exporter_name or "someone",
                fp=signer.fingerprint,
            )
        deferred: list[tuple[FeedHead, list[events.Event]]] = []
        pending: list[_Pending] = []
        for head, feed in self.bundle.feeds:
            judged = trust.judge(self.conn, head.public_key)
            if judged.trust.accepted:
                pending += self._admit(head, feed, judged)
            elif judged.trust is trust.Trust.REVOKED:
                self._refuse_feed(head, feed, Refused("signed by the revoked key {fp}",
                                                      fp=judged.fingerprint))
            else:
                deferred.append((head, feed))
        pending += self._load_held()
        self._apply_all(pending)
        # A feed whose key the roster in this very bundle introduces goes second.
        for head, feed in deferred:
            judged = trust.judge(self.conn, head.public_key)
            if judged.trust.accepted:
                self._apply_all(self._admit(head, feed, judged) + self._load_held())
            else:
                self._refuse_feed(head, feed, Refused(
                    "signed by a key this copy does not trust (fingerprint {fp})",
                    fp=judged.fingerprint,
                ))
        self.report.applied = sum(self.applied_by_entity.values())
        self.report.by_entity.update(self.applied_by_entity)
        self._record_conflicts()
        self._record_peers()
        self._advance_clock()
        self._introduce_members()
        self._record_history()
        # The last moment to stop: after this the transaction commits.
        self._report_progress(self.total)
        return self.report

    def _report_progress(self, done: int) -> None:
        if self.progress is not None and self.progress(min(done, self.total),
                                                       self.total) is False:
            raise ImportCancelled("Import cancelled; nothing was changed.")

    def _refuse_feed(self, head: FeedHead, feed: list[events.Event], reason: Refused) -> None:
        fresh = self._not_in_log(feed)
        self.report.refuse(reason, len(fresh))
        self.report.skipped += len(feed) - len(fresh)

    def _admit(
        self, head: FeedHead, feed: list[events.Event], judged: trust.KeyTrust
    ) -> list[_Pending]:
        """The feed's events to apply, once its key is shown to speak for its person."""
        reason = self._binding_problem(head, judged)
        if reason is not None:
            self._refuse_feed(head, feed, reason)
            return []
        self.conn.execute(
            "INSERT OR IGNORE INTO feed_head (device, seq, head, public_key, person_id, signature)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (head.device, head.last_seq, head.head, head.public_key, head.person, head.signature),
        )
        if judged.trust is trust.Trust.TRUSTED and not judged.person_id:
            self.conn.execute(
                "UPDATE trusted_key SET person_id = ?, public_key = ? WHERE fingerprint = ?",
                (head.person, head.public_key, judged.fingerprint),
            )
        self.applied_feeds.add(head.device)
        fresh = self._not_in_log(feed)
        self.report.skipped += len(feed) - len(fresh)
        self.done += len(feed) - len(fresh)
        return [_Pending(e, head.person, head.public_key, self.manifest.bundle_id) for e in fresh]

    def _binding_problem(self, head: FeedHead, judged: trust.KeyTrust) -> Refused | None:
        if judged.person_id and judged.person_id != head.person:
            return Refused("events claiming another person than the key's owner")
        person = self.conn.execute(
            "SELECT public_key FROM person WHERE id = ?", (head.person,)
        ).fetchone()
        if person is not None and person[0] and person[0] != head.public_key:
            return Refused("events signed with a key that is not their author's")
        peer = self.conn.execute(
            "SELECT public_key FROM peer WHERE device_id = ?", (head.device,)
        ).fetchone()
        if peer is not None and peer[0] and peer[0] != head.public_key:
            return Refused("a device signing with a key other than its own")
        return None

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
        rows = self.conn.execute(
            "SELECT body, person_id, public_key, bundle_id FROM held_event"
        ).fetchall()
        if rows:
            self.conn.execute("DELETE FROM held_event")
        return [
            _Pending(events.parse(bytes(body)), person, key, bundle_id)
            for body, person, key, bundle_id in rows
        ]

    # --- applying --------------------------------------------------------------------------

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
                self.logged_seq.setdefault((device, seq), set()).add(event_id)
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
        return self._exists_event(e.prev)

    def _exists_event(self, event_id: str) -> bool:
        if event_id in self.logged:
            return True
        return self.conn.execute(
            "SELECT 1 FROM event WHERE id = ?", (event_id,)
        ).fetchone() is not None

    def _apply_one(self, p: _Pending) -> str:
        """Apply, refuse or skip one event; returns why it must wait, or ''."""
        e = p.event
        if not self._prev_known(e):
            return f"the changes before it from device {e.device} are missing"
        if e.id in self.logged:
            self.report.skipped += 1
            return ""
        reason = self._refusal(p)
        if reason is None:
            return self._waiting_for(e) or self._apply_event(e)
        self._refuse(e, reason)
        return ""

    def _refuse(self, e: events.Event, reason: Refused) -> None:
        self._record(e)
        self.refused_rows.append((e.id, str(reason)))
        self.report.refuse(reason)
        self._tick()

    def _refusal(self, p: _Pending) -> Refused | None:
        e = p.event
        if e.author != p.person:
            return Refused("events written under another person's name")
        if e.hlc > self.max_remote_hlc:
            return Refused("changes stamped more than a day in the future (a wrong clock)")
        return self._bad_fields(e)

    def _waiting_for(self, e: events.Event) -> str:
        fields = e.fields
        table = e.entity  # entity names are their tables
        if not self._exists(table, e.entity_id) and not permissions.CREATION[e.entity] <= (
            fields.keys()
        ):
            return f"it changes a {table} this copy does not have yet"
        known = self.known
        for name, ref_table in permissions.REFERENCES.get(e.entity, {}).items():
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

    def _is_genesis(self, e: events.Event) -> bool:
        """The plan's founding write (plan, founder, coordination group, membership) comes
        before anyone holds a role; the founder's first events need none."""
        if e.seq > GENESIS_EVENTS:
            return False
        plan_id = self.manifest.plan_id
        if e.seq == 1:
            return e.entity == "plan" and e.entity_id == plan_id and e.prev is None
        if self.founder is None:
            self._flush()
            row = self.conn.execute(
                "SELECT device FROM event WHERE seq = 1 AND entity = 'plan' AND entity_id = ?"
                " AND prev IS NULL", (plan_id,)
            ).fetchone()
            if row is None:
                return False
            self.founder = str(row[0])
        return e.device == self.founder

    def _may_create_remark(self, e: events.Event) -> bool:
        """The common case of a bulk import, judged without a query: a member's new remark."""
        f = e.fields
        return (
            f.get("author_id") == e.author and f.get("status", "new") == "new"
            and not f.get("response") and rules.may_write_remarks(self._actor(e.author))
        )

    def _apply_event(self, e: events.Event) -> str:
        entity = events.ENTITIES[e.entity]
        table = entity.table
        creating = e.entity_id in self.absent.get(table, ())
        if creating and table == "remark" and self._may_create_remark(e):
            self._create(e, entity)
            return ""
        self._flush()
        try:
            if not self._is_genesis(e):
                permissions.check(
                    self.conn, e.entity, e.entity_id, dict(e.fields), e.author, self._actor
                )
        except permissions.Refused as refused:
            self._refuse(e, refused)
            return ""
        if creating and table not in ("section", "section_revision"):
            self._create(e, entity)
            return ""
        self._record(e)
        self._flush()
        events.apply(self.conn, e)
        self._applied(e, table)
        return ""

    def _create(self, e: events.Event, entity: events.Entity) -> None:
        """A new row: batched with its neighbours into one executemany."""
        fields = e.fields
        names = tuple(fields)
        if not set(names) <= self.field_sets[entity.table]:
            fields = {k: v for k, v in fields.items() if k in entity.fields}
            names = tuple(fields)
        key = (entity.table, names)
        if key != self.batch_key:
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
                "INSERT OR IGNORE INTO refused_event (id, reason) VALUES (?, ?)",
                self.refused_rows,
            )
            self.refused_rows = []

    def _tick(self) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            self._report_progress(self.done)

    def _record(self, e: events.Event) -> None:
        """Append to the log (batched); a second event for one device and seq is a fork."""
        if e.device not in self.fresh_devices:
            self._learn([_Pending(e, "", "", "")])
        others = self.logged_seq.setdefault((e.device, e.seq), set())
        fork = next(iter(others - {e.id}), None)
        others.add(e.id)
        self.logged.add(e.id)
        self.log_rows.append(
            (e.id, e.device, e.seq, e.hlc, e.entity, e.entity_id, e.author, e.prev, e.body)
        )
        self.last_applied[e.device] = e.id
        if e.seq == 1 and e.entity == "plan" and e.prev is None and (
            e.entity_id == self.manifest.plan_id
        ):
            self.founder = e.device
        if fork is not None:
            detail = json.dumps({"device": e.device, "seq": e.seq, "events": sorted([fork, e.id])})
            self._open_conflict("fork", e.device, detail)
            self.report.add_conflict(KPlanError(
                "device {device} made two different changes numbered {seq}"
                " (restored from a backup?)", device=e.device, seq=e.seq,
            ))

    def _bad_fields(self, e: events.Event) -> Refused | None:
        entity = events.ENTITIES[e.entity]
        if not e.entity_id or len(e.entity_id) > 100:
            return _MALFORMED
        allowed_fields = entity.fields
        not_null = self.not_null
        table = entity.table
        for name, value in e.fields.items():
            if name not in allowed_fields:
                continue
            kind = type(value)
            if kind is str:
                allowed = _ENUMS.get((table, name))
                if allowed is not None and value not in allowed:
                    return _MALFORMED
            elif value is None:
                if (table, name) in not_null:
                    return _MALFORMED
            elif kind is int or kind is bool:
                if not -_INT_LIMIT < value < _INT_LIMIT or (table, name) in _ENUM_FIELDS:
                    return _MALFORMED
            elif kind is float:
                if (table, name) in _ENUM_FIELDS:
                    return _MALFORMED
            elif name == "parents" and kind is list:
                if not all(type(v) is str for v in value):
                    return _MALFORMED
            else:
                return _MALFORMED
        if table == "section_revision" and not (
            type(e.fields.get("title")) is str and type(e.fields.get("body")) is str
            and type(e.fields.get("section_id")) is str
            and type(e.fields.get("parents", [])) is list
        ):
            return _MALFORMED
        return None

    def _not_null_columns(self) -> set[tuple[str, str]]:
        found = set()
        for entity in events.ENTITIES.values():
            for col in self.conn.execute(f"PRAGMA table_info({entity.table})"):
                if col[3]:
                    found.add((entity.table, col[1]))
        return found

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
            actor = self.ws.actor(person_id)
            self.actors[person_id] = actor
        return actor

    # --- after applying --------------------------------------------------------------------

    def _open_conflict(self, kind: str, entity_id: str, detail: str) -> None:
        exists = self.conn.execute(
            "SELECT 1 FROM conflict WHERE kind = ? AND entity_id = ? AND detail = ?",
            (kind, entity_id, detail),
        ).fetchone()
        if exists is None:
            self.conn.execute(
                "INSERT INTO conflict (id, kind, entity_id, detail, found_at) VALUES (?, ?, ?,"
                " ?, ?)",
                (uuid7(), kind, entity_id, detail, _now()),
            )

    def _record_conflicts(self) -> None:
        for section_id in sorted(self.sections_touched):
            if record_section_conflict(self.conn, section_id):
                code = self.conn.execute(
                    "SELECT code FROM section WHERE id = ?", (section_id,)
                ).fetchone()
                self.report.add_conflict(KPlanError(
                    "section {code} was revised on two copies",
                    code=code[0] if code else section_id,
                ))

    def _record_peers(self) -> None:
        m = self.manifest
        heads = [(h.device, h.person, h.public_key) for h, _ in self.bundle.feeds
                 if h.device in self.applied_feeds]
        heads.append((m.exporter_device, m.exporter_person, m.exporter_key))
        for device, person, key in heads:
            judged = trust.judge(self.conn, key)
            state = "revoked" if judged.trust is trust.Trust.REVOKED else (
                "trusted" if judged.trust.accepted else "unknown")
            self.conn.execute(
                "INSERT INTO peer (device_id, person_id, public_key, fingerprint, trust,"
                " trusted_via, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id)"
                " DO UPDATE SET person_id = excluded.person_id, trust = excluded.trust,"
                " trusted_via = excluded.trusted_via, seen_at = excluded.seen_at,"
                " public_key = CASE WHEN peer.public_key = '' THEN excluded.public_key"
                "   ELSE peer.public_key END,"
                " fingerprint = CASE WHEN peer.fingerprint = '' THEN excluded.fingerprint"
                "   ELSE peer.fingerprint END",
                (device, person, key, judged.fingerprint, state, judged.trust.value, _now()),
            )
        # The exporter said what it holds; that is what it lacks from us next time.
        self.conn.execute("DELETE FROM peer_have WHERE peer_device = ?", (m.exporter_device,))
        self.conn.executemany(
            "INSERT INTO peer_have (peer_device, device, seq) VALUES (?, ?, ?)",
            [(m.exporter_device, device, seq) for device, seq in m.have.items()],
        )

    def _introduce_members(self) -> None:
        """As an officer, vouch in this copy's feed for keys confirmed here by fingerprint."""
        me = self.ws.actor()
        if not (me.coordinates or me.officer_groups):
            return
        rows = self.conn.execute(
            "SELECT p.id, p.public_key, p.fingerprint FROM trusted_key t JOIN person p"
            " ON p.public_key = t.public_key AND p.id = t.person_id WHERE t.state = 'trusted'"
            " AND p.public_key != ''"
        ).fetchall()
        to_vouch = []
        for person_id, key, fp in rows:
            groups = {
                r[0] for r in self.conn.execute(
                    "SELECT group_id FROM membership WHERE person_id = ? AND deleted = 0",
                    (person_id,),
                )
            }
            if not (me.coordinates or groups & me.officer_groups):
                continue
            if not trust.introduced_by_officer(self.conn, person_id, key):
                to_vouch.append((person_id, key, fp))
        if not to_vouch:
            return
        ident = self.ws.identity
        last_hlc, seq, head = self.conn.execute(
            "SELECT last_hlc, seq, head FROM local_identity"
        ).fetchone()
        feed = Feed(ident.plan_id, ident.device_id, ident.person_id, seq, head, last_hlc)
        writer = Writer(self.conn, feed, clock_ms=self.now)
        for person_id, key, fp in to_vouch:
            writer.put("person", person_id, {"public_key": key, "fingerprint": fp})
        writer.finish()

    def _advance_clock(self) -> None:
        if self.max_hlc:
            self.conn.execute(
                "UPDATE local_identity SET last_hlc = MAX(last_hlc, ?)", (self.max_hlc,)
            )

    def _record_history(self) -> None:
        r = self.report
        self.conn.execute(
            "INSERT OR REPLACE INTO imported_bundle (id, file_name, exporter, imported_at,"
            " applied, skipped, refused, conflicts, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                r.bundle_id, r.file_name, self.manifest.exporter_device, _now(), r.applied,
                r.skipped, r.refused_count, len(r.conflicts),
                json.dumps(r.as_json(), ensure_ascii=False),
            ),
        )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


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
                "UPDATE conflict SET resolved_at = ? WHERE id = ?", (_now(), conflict_id)
            )
        return False
    detail = json.dumps({"heads": sorted(heads)})
    if any(d == detail for _, d in open_rows):
        return False
    for conflict_id, _ in open_rows:
        conn.execute("UPDATE conflict SET resolved_at = ? WHERE id = ?", (_now(), conflict_id))
    conn.execute(
        "INSERT INTO conflict (id, kind, entity_id, detail, found_at) VALUES (?, 'section', ?,"
        " ?, ?)",
        (uuid7(), section_id, detail, _now()),
    )
    return True


def held_summary(conn: sqlite3.Connection) -> list[tuple[str, int, int, str]]:
    """Held events per device: (device, from seq, count, reason)."""
    return [
        (r[0], r[1], r[2], r[3]) for r in conn.execute(
            "SELECT device, MIN(seq), COUNT(*), MIN(reason) FROM held_event GROUP BY device"
        )
    ]

