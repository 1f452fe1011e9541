"""Builders for the sync tests: copies of one plan with real keys, bundles, a logical dump."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kplan_desktop.core.model import GroupKind, Role, SectionKind
from kplan_desktop.store import actions, events
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync import trust
from kplan_desktop.sync.export import export_bundle
from kplan_desktop.sync.identity import join_plan
from kplan_desktop.sync.importer import ImportReport, import_file
from kplan_desktop.sync.keys import KeyStore, public_text
from tests.helpers import make_plan

SYNCED = (
    "plan", "person", "work_group", "membership", "meeting", "attendance", "review_round",
    "section", "section_revision", "revision_parent", "remark", "response_template",
)


@dataclass
class Copy:
    ws: Workspace
    name: str

    @property
    def key(self) -> Ed25519PrivateKey:
        return KeyStore().load(self.ws.identity.device_id)

    @property
    def fingerprint(self) -> str:
        return self.ws.identity.fingerprint

    def export(self, path: Path, *, full: bool = False, to: str | None = None) -> Path:
        export_bundle(self.ws, path, keystore=KeyStore(), full=full, to=to)
        return path

    def import_(self, path: Path) -> ImportReport:
        return import_file(self.ws, path)

    def trust(self, other: Copy) -> None:
        with self.ws.raw_transaction() as conn:
            trust.trust_fingerprint(conn, other.fingerprint,
                                    person_id=other.ws.identity.person_id)


@dataclass
class Plan:
    """A secretary's copy with one thematic group, one section and its experts' rows."""

    secretary: Copy
    group_id: str
    section_id: str
    folder: Path

    def join(self, name: str, email: str, role: Role = Role.EXPERT) -> Copy:
        """An expert's copy: the secretary adds them, they join from a full bundle, and the
        secretary imports their first bundle after confirming their fingerprint."""
        sec = self.secretary
        actions.add_person(sec.ws, full_name=name, email=email, group_id=self.group_id,
                           role=role)
        full = sec.export(self.folder / f"full-for-{email}.kplanbundle", full=True)
        ws, _ = join_plan(self.folder / f"{email}.kplan", full, full_name=name, email=email,
                          keystore=KeyStore())
        copy = Copy(ws, name)
        sec.trust(copy)
        sec.import_(copy.export(self.folder / f"hello-{email}.kplanbundle", full=True))
        return copy


def new_plan(folder: Path) -> Plan:
    ws = make_plan(folder / "secretary.kplan")
    group_id = actions.add_group(ws, code="T1", name="Ekonomika", kind=GroupKind.THEMATIC)
    section_id = actions.add_section(
        ws, parent_id=None, kind=SectionKind.GOAL, code="1.1", title="Tikslas",
        body="Pirma eilutė.\nAntra eilutė.\nTrečia eilutė.\n", responsible_group_id=group_id,
    )
    return Plan(Copy(ws, "Rūta"), group_id, section_id, folder)


def logical_dump(ws: Workspace) -> dict[str, Any]:
    """The synced tables as sets of rows (the per-field clocks' key order aside)."""
    dump: dict[str, Any] = {}
    for table in SYNCED:
        cur = ws.conn.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        rows = []
        for row in cur.fetchall():
            item = dict(zip(names, row, strict=True))
            if item.get("clocks"):
                item["clocks"] = json.loads(item["clocks"])
            rows.append(json.dumps(item, sort_keys=True, ensure_ascii=False))
        dump[table] = sorted(rows)
    dump["event"] = sorted(r[0] for r in ws.conn.execute("SELECT id FROM event"))
    return dump


def dump_hash(ws: Workspace) -> str:
    return hashlib.sha256(json.dumps(logical_dump(ws), sort_keys=True).encode()).hexdigest()


def remark_count(ws: Workspace) -> int:
    return int(ws.conn.execute("SELECT COUNT(*) FROM remark").fetchone()[0])


@dataclass
class ForgedFeed:
    """A feed segment as a forger makes it: any events, a head signed by any key."""

    key: Ed25519PrivateKey
    device: str
    person: str
    events: list[Any]


def feed_state(ws: Workspace) -> tuple[str, str, int, str | None, int]:
    """(device, person, seq, head, last_hlc) of a copy's own feed."""
    row = ws.conn.execute(
        "SELECT device_id, person_id, seq, head, last_hlc FROM local_identity"
    ).fetchone()
    return row[0], row[1], int(row[2]), row[3], int(row[4])


def next_event(ws: Workspace, *, entity: str, entity_id: str, fields: dict[str, Any],
               author: str | None = None, hlc: int | None = None) -> Any:
    """The next event of a copy's own feed, not applied to it (what a tampered copy sends)."""
    from kplan_desktop.store import events

    device, person, seq, head, last_hlc = feed_state(ws)
    return events.make(
        plan=ws.identity.plan_id, device=device, seq=seq + 1, hlc=hlc or last_hlc + 1,
        author=author or person, entity=entity, entity_id=entity_id, fields=fields, prev=head,
    )


def forge(path: Path, *, plan_id: str, exporter: Ed25519PrivateKey, exporter_device: str,
          exporter_person: str, feeds: list[ForgedFeed], full: bool = False) -> Path:
    from kplan_desktop.core.ids import uuid7
    from kplan_desktop.sync import bundle as bundle_io

    parts = []
    for feed in feeds:
        first, last = feed.events[0], feed.events[-1]
        head = bundle_io.FeedHead(
            device=feed.device, person=feed.person,
            public_key=public_text(feed.key),
            first_seq=first.seq, last_seq=last.seq, prev=first.prev, head=last.id,
            signature=bundle_io.sign_head(feed.key, plan=plan_id, device=feed.device,
                                          person=feed.person, seq=last.seq, head=last.id),
        )
        parts.append((head, [e.body for e in feed.events]))
    path.write_bytes(bundle_io.encode_bundle(
        key=exporter, bundle_id=uuid7(), plan_id=plan_id,
        exporter_device=exporter_device, exporter_person=exporter_person,
        exporter_name="Forger", created="2026-01-01T00:00:00+00:00", feeds=parts, have={},
        full=full,
    ))
    return path


def chain(plan_id: str, device: str, author: str, changes: list[tuple[str, str, dict[str, Any]]],
           *, hlc: int, seq: int = 1, prev: str | None = None) -> list[events.Event]:
    """A feed segment: the changes as consecutive events of one device."""
    out = []
    for entity, entity_id, fields in changes:
        e = events.make(plan=plan_id, device=device, seq=seq, hlc=hlc, author=author,
                        entity=entity, entity_id=entity_id, fields=fields, prev=prev)
        out.append(e)
        seq, hlc, prev = seq + 1, hlc + 1, e.id
    return out
