"""Builders for the sync tests: copies of one plan with real keys, bundles, a logical dump."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kplan_desktop.core.model import GroupKind, Role, SectionKind
from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync import trust
from kplan_desktop.sync.export import export_bundle
from kplan_desktop.sync.identity import join_plan
from kplan_desktop.sync.importer import ImportReport, import_file
from kplan_desktop.sync.keys import KeyStore
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
            trust.trust_fingerprint(conn, other.fingerprint)


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
