"""Who a bundle and its feeds speak for: the signer's trust and every claim tied to a key.

A key speaks for the one person it was bound to when trusted (``kplan trust ...
--person``, the Sync page, a secretary's roster); a device signs with one key for
ever (bound at its first accepted feed). What a bundle's manifest says of its
sender (device, person, name, what it already has) counts only where it matches
the signing key's binding: a name is never taken from the file.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace

from ..core.permissions import Refused, judge
from ..store import events
from ..store.permissions import actor_of, change_for, device_key
from . import trust
from .bundle import BundleError, FeedHead, Manifest
from .import_report import RevokedSigner, UnknownSigner


@dataclass(frozen=True)
class Signer:
    """The bundle's exporter, as this copy knows the key: never as the file names itself."""

    person_id: str
    name: str
    fingerprint: str


def person_name(conn: sqlite3.Connection, person_id: str) -> str:
    row = conn.execute("SELECT full_name FROM person WHERE id = ?", (person_id,)).fetchone()
    return str(row[0]) if row and row[0] else ""


def check_signer(conn: sqlite3.Connection, manifest: Manifest, name: str) -> Signer:
    """Refuse a bundle from a key this copy does not trust, or whose manifest claims a
    person or device that is not the key's; nothing of the body has been unpacked yet."""
    judged = trust.judge(conn, manifest.exporter_key)
    if judged.trust is trust.Trust.REVOKED:
        raise RevokedSigner("{name} is signed by a revoked key ({fp}); it is refused.",
                            name=name, fp=judged.fingerprint)
    if not judged.trust.accepted or not judged.person_id:
        raise UnknownSigner(
            "{name} is signed by a key this copy does not trust yet (fingerprint {fp}); the"
            " file says it comes from “{claimed}”, which nobody here has confirmed. If that"
            " person confirms this fingerprint, trust it for them with `kplan trust WORKSPACE"
            " \"{fp}\" --person EMAIL` or on the Sync page, then import again.",
            name=name, fp=judged.fingerprint, claimed=manifest.exporter_name or "?",
            # For the window's question: the person the key would be trusted for.
            person=manifest.exporter_person, known=person_name(conn, manifest.exporter_person),
        )
    if manifest.exporter_person != judged.person_id:
        raise BundleError(
            "{name} claims to come from another person than the one its key belongs to;"
            " it is refused.", name=name,
        )
    bound = device_key(conn, manifest.exporter_device)
    if bound is not None and bound != manifest.exporter_key:
        raise BundleError(
            "{name} claims to come from a device that signs with another key; it is refused.",
            name=name,
        )
    who = person_name(conn, judged.person_id) or judged.fingerprint
    return Signer(judged.person_id, who, judged.fingerprint)


def feed_problem(
    conn: sqlite3.Connection, head: FeedHead, judged: trust.KeyTrust
) -> Refused | None:
    """Why a feed signed by a trusted key may not speak for its person or device."""
    if not judged.person_id or judged.person_id != head.person:
        return Refused("events claiming another person than the key's owner")
    person = conn.execute(
        "SELECT public_key FROM person WHERE id = ?", (head.person,)
    ).fetchone()
    if person is not None and person[0] and person[0] != head.public_key:
        return Refused("events signed with a key that is not their author's")
    bound = device_key(conn, head.device)
    if bound is not None and bound != head.public_key:
        return Refused("a device signing with a key other than its own")
    return None


def bind_device(conn: sqlite3.Connection, head: FeedHead) -> None:
    """A device's first accepted feed binds it to its key, for good."""
    conn.execute(
        "INSERT OR IGNORE INTO device_key (device_id, public_key, person_id) VALUES (?, ?, ?)",
        (head.device, head.public_key, head.person),
    )


def introduced_while_held(conn: sqlite3.Connection, head: FeedHead) -> bool:
    """Does an officer's event held here (waiting for the person's own record, which this
    very feed makes) set this feed's key on its person? Joining from a full bundle needs
    it: the secretary's roster names a member whose record only the member's feed makes.

    The held event is judged by the table as if it applied now, with the person's groups
    here and in held memberships: a key is the power to write as its person, so an event
    the table would refuse introduces nobody (an officer of one group made his own key
    change wait, then signed as a keyless coordination chair)."""
    groups = _groups_of(conn, head.person)
    if not groups:
        return False  # a key is introduced by the roster only for members
    for body, feed_key in conn.execute(
        "SELECT body, public_key FROM held_event WHERE instr(body, ?) > 0",
        (head.public_key.encode(),),
    ):
        event = events.parse(bytes(body))
        if (
            event.entity == "person" and event.entity_id == head.person
            and event.fields.get("public_key") == head.public_key
            and event.author != head.person
            and trust.judge(conn, str(feed_key)).trust.accepted
        ):
            change = change_for(conn, event, "", "")
            change = replace(change, groups=change.groups | groups)
            if judge(actor_of(conn, event.author), change) is None:
                return True
    return False


def _groups_of(conn: sqlite3.Connection, person_id: str) -> frozenset[str | None]:
    """The groups the person belongs to, here or in held memberships from trusted keys."""
    found: set[str | None] = {r[0] for r in conn.execute(
        "SELECT group_id FROM membership WHERE person_id = ? AND deleted = 0", (person_id,)
    )}
    for body, feed_key in conn.execute(
        "SELECT body, public_key FROM held_event WHERE instr(body, ?) > 0",
        (person_id.encode(),),
    ):
        event = json.loads(body)
        fields = event.get("fields") or {}
        if event.get("entity") == "membership" and fields.get("person_id") == person_id and (
            not fields.get("deleted") and trust.judge(conn, str(feed_key)).trust.accepted
        ):
            group = fields.get("group_id")
            found.add(group if isinstance(group, str) else None)
    return frozenset(found)
