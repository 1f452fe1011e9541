"""Trust in signing keys: confirmed by a person, introduced by a roster, or revoked.

A key is trusted when it is this copy's own, when someone confirmed its
fingerprint here (``kplan trust``, the GUI's dialog), or when the roster
introduces it: a person of this plan with an active membership carries it and
an officer's signed events (not only the person's own) put it there. A revoked
fingerprint is refused whatever else says.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from ..core.errors import KPlanError
from .keys import fingerprint, normalise_fingerprint


class Trust(StrEnum):
    OWN = "own"
    TRUSTED = "trusted"
    ROSTER = "roster"
    UNKNOWN = "unknown"
    REVOKED = "revoked"

    @property
    def accepted(self) -> bool:
        return self in (Trust.OWN, Trust.TRUSTED, Trust.ROSTER)


@dataclass(frozen=True)
class KeyTrust:
    trust: Trust
    fingerprint: str
    #: The person the key speaks for, when this copy knows it.
    person_id: str


def key_fingerprint(public_key: str) -> str:
    try:
        return fingerprint(base64.b64decode(public_key, validate=True))
    except (binascii.Error, ValueError):
        return ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def judge(conn: sqlite3.Connection, public_key: str) -> KeyTrust:
    """How far this copy trusts ``public_key`` (base64), and whose it is."""
    fp = key_fingerprint(public_key)
    row = conn.execute(
        "SELECT state, person_id FROM trusted_key WHERE fingerprint = ?", (fp,)
    ).fetchone()
    if row is not None and row[0] == "revoked":
        return KeyTrust(Trust.REVOKED, fp, row[1])
    own = conn.execute(
        "SELECT person_id FROM local_identity WHERE public_key = ?", (public_key,)
    ).fetchone()
    if own is not None:
        return KeyTrust(Trust.OWN, fp, own[0])
    if row is not None and row[1]:
        return KeyTrust(Trust.TRUSTED, fp, row[1])
    person = roster_person(conn, public_key)
    if person is not None:
        return KeyTrust(Trust.ROSTER, fp, person)
    return KeyTrust(Trust.UNKNOWN, fp, "")


def roster_person(conn: sqlite3.Connection, public_key: str) -> str | None:
    """The member whose key an officer's events introduced, if any."""
    for (person_id,) in conn.execute(
        "SELECT p.id FROM person p WHERE p.public_key = ? AND EXISTS (SELECT 1 FROM membership m"
        " JOIN work_group g ON g.id = m.group_id WHERE m.person_id = p.id AND m.deleted = 0"
        " AND g.archived = 0)",
        (public_key,),
    ).fetchall():
        if introduced_by_officer(conn, person_id, public_key):
            return str(person_id)
    return None


def introduced_by_officer(conn: sqlite3.Connection, person_id: str, public_key: str) -> bool:
    """Did an event by someone other than the person (an officer: the rules let no one
    else write people) set this key on the person?"""
    for (body,) in conn.execute(
        "SELECT e.body FROM event e WHERE e.entity = 'person' AND e.entity_id = ?"
        " AND e.author != ? AND NOT EXISTS (SELECT 1 FROM refused_event r WHERE r.id = e.id)",
        (person_id, person_id),
    ):
        fields = json.loads(body).get("fields", {})
        if fields.get("public_key") == public_key:
            return True
    return False


def trust_fingerprint(
    conn: sqlite3.Connection, text: str, *, person_id: str, public_key: str = "",
    via: str = "confirmed",
) -> str:
    """Record that a person confirmed this fingerprint as ``person_id``'s key; returns it
    normalised. The key speaks for that person only, for good (see sync.admission)."""
    fp = normalise_fingerprint(text)
    if not person_id:
        raise KPlanError("Say whose key this is: a key is trusted for one person.")
    own = conn.execute("SELECT person_id, fingerprint FROM local_identity").fetchone()
    if own is not None and own[0] == person_id and own[1] != fp:
        raise KPlanError("That person is this copy's own user, who has a key already.")
    other = conn.execute(
        "SELECT fingerprint FROM trusted_key WHERE person_id = ? AND fingerprint != ?"
        " AND state = 'trusted'", (person_id, fp),
    ).fetchone()
    person = conn.execute(
        "SELECT full_name, fingerprint FROM person WHERE id = ?", (person_id,)
    ).fetchone()
    if other is not None or (person is not None and person[1] and person[1] != fp):
        raise KPlanError(
            "{who} has another key already; revoke it first if it is lost.",
            who=person[0] if person else person_id,
        )
    bound = conn.execute(
        "SELECT person_id FROM trusted_key WHERE fingerprint = ? AND person_id != ''"
        " AND person_id != ?", (fp, person_id),
    ).fetchone()
    if bound is not None:
        raise KPlanError("That key is already trusted for someone else.")
    conn.execute(
        "INSERT INTO trusted_key (fingerprint, public_key, person_id, state, via, changed_at)"
        " VALUES (?, ?, ?, 'trusted', ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET"
        " state = 'trusted', via = excluded.via, changed_at = excluded.changed_at,"
        " person_id = excluded.person_id,"
        " public_key = CASE WHEN excluded.public_key != '' THEN excluded.public_key"
        "   ELSE trusted_key.public_key END",
        (fp, public_key, person_id, via, _now()),
    )
    conn.execute("UPDATE peer SET trust = 'trusted' WHERE fingerprint = ?", (fp,))
    return fp


def find_person(conn: sqlite3.Connection, text: str) -> str:
    """A person named on the command line: by e-mail, id or key fingerprint. An id this copy
    has not met yet is taken as it is (a newcomer's, as their `kplan identity` shows it)."""
    text = text.strip()
    rows = conn.execute(
        "SELECT id FROM person WHERE lower(email) = lower(?) OR id = ?", (text, text)
    ).fetchall()
    if not rows and any(ch.isdigit() for ch in text) and len(text.replace(" ", "")) == 40:
        rows = conn.execute(
            "SELECT id FROM person WHERE fingerprint = ?", (normalise_fingerprint(text),)
        ).fetchall()
    if len(rows) > 1:
        raise KPlanError("More than one person has the e-mail {text}; name them by id.",
                         text=text)
    if rows:
        return str(rows[0][0])
    if len(text) == 36 and text.count("-") == 4:
        return text
    raise KPlanError("There is no person {text} in this plan.", text=text)


def revoke_fingerprint(conn: sqlite3.Connection, text: str) -> str:
    fp = normalise_fingerprint(text)
    own = conn.execute("SELECT fingerprint FROM local_identity").fetchone()
    if own is not None and own[0] == fp:
        raise KPlanError("That is this copy's own key; it cannot be revoked here.")
    conn.execute(
        "INSERT INTO trusted_key (fingerprint, state, via, changed_at) VALUES (?, 'revoked',"
        " 'revoked', ?) ON CONFLICT (fingerprint) DO UPDATE SET state = 'revoked',"
        " via = 'revoked', changed_at = excluded.changed_at",
        (fp, _now()),
    )
    conn.execute("UPDATE peer SET trust = 'revoked' WHERE fingerprint = ?", (fp,))
    return fp


@dataclass(frozen=True)
class KnownKey:
    fingerprint: str
    trust: Trust
    person_id: str
    name: str
    email: str
    devices: tuple[str, ...]
    last_seen: str


def known_keys(conn: sqlite3.Connection) -> list[KnownKey]:
    """Every key this copy has confirmed, revoked, or met in a bundle, with its person."""
    found: dict[str, dict[str, object]] = {}
    for fp, key, person, state in conn.execute(
        "SELECT fingerprint, public_key, person_id, state FROM trusted_key"
    ):
        found[fp] = {"key": key, "person": person, "devices": [], "seen": ""}
        del state
    for device, person, key, fp, seen in conn.execute(
        "SELECT device_id, person_id, public_key, fingerprint, seen_at FROM peer"
        " ORDER BY seen_at"
    ):
        entry = found.setdefault(fp, {"key": key, "person": person, "devices": [], "seen": ""})
        entry["key"] = entry["key"] or key
        entry["person"] = entry["person"] or person or ""
        devices = entry["devices"]
        assert isinstance(devices, list)
        devices.append(device)
        entry["seen"] = seen
    result = []
    for fp, entry in sorted(found.items()):
        key = str(entry["key"] or "")
        judged = judge(conn, key) if key else None
        state_row = conn.execute(
            "SELECT state FROM trusted_key WHERE fingerprint = ?", (fp,)
        ).fetchone()
        trust = judged.trust if judged else Trust(state_row[0]) if state_row else Trust.UNKNOWN
        person_id = str(entry["person"] or (judged.person_id if judged else ""))
        who = conn.execute(
            "SELECT full_name, email FROM person WHERE id = ?", (person_id,)
        ).fetchone() or ("", "")
        devices = entry["devices"]
        assert isinstance(devices, list)
        result.append(KnownKey(fp, trust, person_id, who[0], who[1], tuple(devices),
                               str(entry["seen"])))
    return result
