"""Exporting a bundle: what a peer lacks (or everything), each feed under its signed head.

What a peer holds is known from the ``have`` list in its own last bundle and
from what this copy last sent it (``peer_have``). By default a bundle goes to
the one peer this copy syncs with (an expert's secretary); with several peers
it carries everything unless a peer is named, and ``full`` always does.
Other devices' events are relayed exactly as received, ending at a head their
own device signed; this copy signs its own feed's head and the whole file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..core.errors import KPlanError
from ..core.files import write_bytes_atomically
from ..core.ids import uuid7
from ..store.workspace import Workspace
from . import bundle as bundle_io
from .bundle import FeedHead
from .identity import signing_key
from .keys import KeyStore, normalise_fingerprint, public_text

#: ``progress(done, total)``; answering False stops the export, which then writes no file.
Progress = Callable[[int, int], object]


class ExportCancelled(KPlanError):
    """The user stopped the export; no file was written."""


def _stop_on_cancel(progress: Progress | None) -> Callable[[int, int], None]:
    """The bundle writer's progress, raising :class:`ExportCancelled` once told to stop
    (the bundle is still in memory then, so nothing is on disk yet)."""

    def report(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ExportCancelled("Export cancelled; no file was written.")

    return report


@dataclass(frozen=True)
class ExportReport:
    path: Path
    bundle_id: str
    events: int
    feeds: int
    size: int
    full: bool
    #: The peer the bundle was cut for ('' for everything), by name or fingerprint.
    peer: str

    def line(self) -> str:
        what = "everything" if self.full else f"what {self.peer} lacks"
        return (f"Wrote {self.path}: {self.events} changes from {self.feeds} copies ({what}),"
                f" {self.size:,} bytes.")


def _peer_devices(conn: sqlite3.Connection, to: str | None) -> tuple[list[str], str]:
    """The devices of the peer the bundle is for, and its name; none means everything."""
    if to:
        fp = normalise_fingerprint(to)
        rows = conn.execute(
            "SELECT p.device_id, COALESCE(n.full_name, '') FROM peer p LEFT JOIN person n"
            " ON n.id = p.person_id WHERE p.fingerprint = ?", (fp,)
        ).fetchall()
        if not rows:
            raise KPlanError(
                "No bundle has come from the key {fp} yet; export with --full for a new peer.",
                fp=fp,
            )
        return [r[0] for r in rows], rows[0][1] or fp
    own = conn.execute("SELECT device_id FROM local_identity").fetchone()[0]
    rows = conn.execute(
        "SELECT p.device_id, COALESCE(n.full_name, ''), p.fingerprint FROM peer p"
        " LEFT JOIN person n ON n.id = p.person_id WHERE p.trust = 'trusted'"
        " AND p.device_id != ? AND EXISTS (SELECT 1 FROM peer_have h"
        " WHERE h.peer_device = p.device_id)",
        (own,),
    ).fetchall()
    if len(rows) == 1:
        return [rows[0][0]], rows[0][1] or rows[0][2]
    return [], ""


def _peer_knows(conn: sqlite3.Connection, devices: list[str]) -> dict[str, int]:
    """The highest seq per feed the peer is known to hold (the most any of its devices do)."""
    known: dict[str, int] = {}
    for peer in devices:
        for device, seq in conn.execute(
            "SELECT device, seq FROM peer_have WHERE peer_device = ?", (peer,)
        ):
            known[device] = max(known.get(device, 0), seq)
    return known


def export_bundle(
    ws: Workspace,
    path: Path,
    *,
    keystore: KeyStore | None = None,
    key: Ed25519PrivateKey | None = None,
    full: bool = False,
    to: str | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write a bundle for a peer (or everything) to ``path``; returns what it holds."""
    ident = ws.identity
    if key is None:
        key = signing_key(ws, keystore or KeyStore())
    conn = ws.conn
    person = conn.execute(
        "SELECT full_name, public_key FROM person WHERE id = ?", (ident.person_id,)
    ).fetchone()
    if person is None or person[1] != public_text(key):
        raise KPlanError("The signing key on this computer is not this copy's key.")
    conn.execute("BEGIN")  # one consistent snapshot while reading
    try:
        peer_devices, peer_name = ([], "") if full else _peer_devices(conn, to)
        full = full or not peer_devices
        known = {} if full else _peer_knows(conn, peer_devices)
        feeds = _cut_feeds(conn, ident.plan_id, ident.device_id, ident.person_id, key, known)
        have = {
            device: seq for device, seq in conn.execute(
                "SELECT device, MAX(seq) FROM event GROUP BY device"
            )
        }
    finally:
        conn.execute("COMMIT")
    bundle_id = uuid7()
    data = bundle_io.encode_bundle(
        key=key,
        bundle_id=bundle_id,
        plan_id=ident.plan_id,
        exporter_device=ident.device_id,
        exporter_person=ident.person_id,
        exporter_name=person[0],
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        feeds=feeds,
        have=have,
        full=full,
        progress=_stop_on_cancel(progress),
    )
    write_bytes_atomically(path, data)
    size = len(data)
    if peer_devices:
        # Assume the peer imports it: the next bundle carries only what came after.
        with ws.raw_transaction() as tx:
            for peer in peer_devices:
                tx.executemany(
                    "INSERT INTO peer_have (peer_device, device, seq) VALUES (?, ?, ?)"
                    " ON CONFLICT (peer_device, device) DO UPDATE SET"
                    " seq = MAX(seq, excluded.seq)",
                    [(peer, head.device, head.last_seq) for head, _ in feeds],
                )
    return ExportReport(
        path=path, bundle_id=bundle_id, events=sum(len(b) for _, b in feeds), feeds=len(feeds),
        size=size, full=full, peer=peer_name,
    )


def _cut_feeds(
    conn: sqlite3.Connection,
    plan_id: str,
    own_device: str,
    own_person: str,
    key: Ed25519PrivateKey,
    known: dict[str, int],
) -> list[tuple[FeedHead, list[bytes]]]:
    feeds: list[tuple[FeedHead, list[bytes]]] = []
    devices = [r[0] for r in conn.execute("SELECT DISTINCT device FROM event ORDER BY device")]
    for device in devices:
        if device == own_device:
            top = conn.execute(
                "SELECT seq, id FROM event WHERE device = ? ORDER BY seq DESC, hlc DESC LIMIT 1",
                (device,),
            ).fetchone()
            head_seq, head_id = int(top[0]), str(top[1])
            person, public_key = own_person, public_text(key)
            signature = bundle_io.sign_head(
                key, plan=plan_id, device=device, person=person, seq=head_seq, head=head_id
            )
        else:
            signed = conn.execute(
                "SELECT h.seq, h.head, h.person_id, h.public_key, h.signature FROM feed_head h"
                " JOIN event e ON e.id = h.head WHERE h.device = ? ORDER BY h.seq DESC LIMIT 1",
                (device,),
            ).fetchone()
            if signed is None:
                continue
            head_seq, head_id, person, public_key, signature = signed
        start = known.get(device, 0)
        if head_seq <= start:
            continue
        bodies, prev = _segment(conn, device, start, head_seq, head_id)
        feeds.append((
            FeedHead(
                device=device, person=person, public_key=public_key, first_seq=start + 1,
                last_seq=head_seq, prev=prev, head=head_id, signature=signature,
            ),
            bodies,
        ))
    return feeds


def _segment(
    conn: sqlite3.Connection, device: str, start: int, head_seq: int, head_id: str
) -> tuple[list[bytes], str | None]:
    """The chain of events (start, head_seq] ending at ``head_id``, oldest first."""
    by_id = {
        row[0]: (row[1], bytes(row[2]))
        for row in conn.execute(
            "SELECT id, prev, body FROM event WHERE device = ? AND seq > ? AND seq <= ?",
            (device, start, head_seq),
        )
    }
    chain: list[bytes] = []
    cursor: str | None = head_id
    for _ in range(head_seq - start):
        if cursor is None or cursor not in by_id:
            raise KPlanError("The event log of device {device} has a gap; it cannot be"
                             " exported.", device=device)
        prev, body = by_id[cursor]
        chain.append(body)
        cursor = prev
    chain.reverse()
    return chain, cursor
