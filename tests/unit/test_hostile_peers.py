"""Hostile members with rightly trusted keys: every change is judged alike here and in a bundle.

Each attack is one change, tried as a local write (rolled back) and as an event of a real
signed bundle from the attacker's own trusted key (the importer's preview, rolled back).
Both must refuse it; a refusal on one path and not the other is a bug of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kplan_desktop.core.ids import uuid7
from kplan_desktop.core.model import Role
from kplan_desktop.store import actions, events, queries
from kplan_desktop.sync import trust
from kplan_desktop.sync.keys import fingerprint, public_bytes, public_text
from tests.helpers import make_plan
from tests.unit.sync_support import Copy, ForgedFeed, Plan, chain, feed_state, forge, new_plan
from tests.unit.test_permissions_property import (
    World,
    _bundle_verdict,
    _local_verdict,
    memory_keyring_module,  # noqa: F401  (a fixture)
)


def _key(person: str, w: World) -> tuple[str, str]:
    key = w.keys[person]
    return public_text(key), fingerprint(public_bytes(key))


def _build(path: Path) -> World:
    ws = make_plan(path)
    w = World(ws)
    coordinator = ws.identity.person_id
    w.people["coordinator"] = coordinator
    w.groups["T1"] = actions.add_group(ws, code="T1", name="Ekonomika")
    w.groups["T2"] = actions.add_group(ws, code="T2", name="Kultūra")
    coordination = ws.conn.execute(
        "SELECT id FROM work_group WHERE kind = 'coordination'").fetchone()[0]
    w.groups["C"] = coordination
    for role_name, group, role in [
        ("coord_chair", "C", Role.CHAIR), ("observer", "T1", Role.OBSERVER),
        ("author", "T1", Role.EXPERT), ("other_expert", "T1", Role.EXPERT),
        ("t1_secretary", "T1", Role.SECRETARY), ("t2_chair", "T2", Role.CHAIR),
        ("ex_secretary", "T1", Role.SECRETARY), ("removed", "T1", Role.EXPERT),
        ("keyless", "T1", Role.EXPERT),
    ]:
        w.people[role_name] = actions.add_person(
            ws, full_name=role_name, group_id=w.groups[group], role=role)
    # The coordinator and the T2 chair also sit in T1 (as an observer, as an expert).
    actions.add_membership(ws, group_id=w.groups["T1"], person_id=coordinator,
                           role=Role.OBSERVER)
    actions.add_membership(ws, group_id=w.groups["T1"], person_id=w.people["t2_chair"],
                           role=Role.EXPERT)
    for person in w.people.values():
        if person == coordinator:
            continue
        key = Ed25519PrivateKey.generate()
        w.keys[person], w.devices[person] = key, uuid7()
        with ws.raw_transaction() as conn:
            trust.trust_fingerprint(conn, fingerprint(public_bytes(key)), person_id=person)
    # The members who have joined carry their keys on their records.
    for role_name in ("author", "other_expert", "t1_secretary", "t2_chair"):
        person = w.people[role_name]
        public, fp = _key(person, w)
        with ws.write() as writer:
            writer.put("person", person, {"public_key": public, "fingerprint": fp})
    # One secretary's term ended yesterday; one expert was removed.
    for role_name in ("ex_secretary", "removed"):
        membership = ws.conn.execute(
            "SELECT id FROM membership WHERE person_id = ?", (w.people[role_name],)
        ).fetchone()[0]
        if role_name == "ex_secretary":
            actions.end_membership(ws, membership, "2020-01-01")
        else:
            actions.remove_membership(ws, membership)
    section = actions.add_section(ws, parent_id=None, kind="goal", code="1.1", title="Tikslas",
                                  body="Tekstas.", responsible_group_id=w.groups["T1"])
    author = ws.actor(w.people["author"])
    remark = actions.add_remark(ws, section_id=section, remark_type="general", text="Pastaba",
                                actor=author)
    answered = actions.add_remark(ws, section_id=section, remark_type="general",
                                  text="Atsakyta", actor=author)
    actions.answer_remark(ws, answered, "accepted", "Gerai.")
    meeting = actions.add_meeting(ws, group_id=w.groups["T1"], date="2026-02-01")
    withdrawn = actions.add_remark(ws, section_id=section, remark_type="general",
                                   text="Atsiimta", actor=author)
    actions.withdraw_remark(ws, withdrawn, actor=author)
    attendance = uuid7()
    template = uuid7()
    round_id = actions.add_round(ws, name="I etapas", opens="2026-01-01", closes="2026-12-31")
    with ws.write() as writer:
        writer.put("attendance", attendance, {"meeting_id": meeting,
                                              "person_id": w.people["author"], "present": 1})
        writer.put("response_template", template, {"title": "Ačiū", "status": "accepted",
                                                    "text": "Ačiū.", "deleted": 0})
    membership = ws.conn.execute(
        "SELECT id FROM membership WHERE person_id = ?", (w.people["other_expert"],)
    ).fetchone()[0]
    w.targets = {"remark": ("remark", remark), "answered": ("remark", answered),
                 "withdrawn": ("remark", withdrawn), "meeting": ("meeting", meeting),
                 "section": ("section", section), "attendance": ("attendance", attendance),
                 "template": ("response_template", template), "round": ("review_round", round_id),
                 "membership": ("membership", membership), "group": ("work_group", w.groups["T1"]),
                 "plan": ("plan", ws.identity.plan_id),
                 "person": ("person", w.people["other_expert"]),
                 "keyless": ("person", w.people["keyless"])}
    return w


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory,
          memory_keyring_module: Any) -> Iterator[World]:  # noqa: F811
    w = _build(tmp_path_factory.mktemp("hostile") / "plan.kplan")
    yield w
    w.ws.close()


def _verdicts(w: World, role: str, entity: str, entity_id: str,
              fields: dict[str, Any]) -> tuple[bool, bool | None]:
    person = w.people[role]
    return (_local_verdict(w, person, entity, entity_id, fields),
            _bundle_verdict(w, person, entity, entity_id, fields))


def _attacks(w: World) -> dict[str, tuple[str, str, str, dict[str, Any]]]:
    p = w.people
    sec_key = _key(p["t1_secretary"], w)
    other_key = _key(p["other_expert"], w)
    remark = w.targets["remark"][1]
    meeting = w.targets["meeting"][1]
    return {
        # A thematic secretary takes over the coordinator's key (the coordinator sits in T1).
        "key_of_coordinator": ("t1_secretary", "person", p["coordinator"],
                               {"public_key": sec_key[0], "fingerprint": sec_key[1]}),
        # ...or of an officer of another group who is also a member of T1.
        "key_of_t2_chair": ("t1_secretary", "person", p["t2_chair"],
                            {"public_key": sec_key[0], "fingerprint": sec_key[1]}),
        # ...or replaces the key of a member who has one (their feeds would be refused).
        "replace_members_key": ("t1_secretary", "person", p["author"],
                                {"public_key": sec_key[0], "fingerprint": sec_key[1]}),
        # A fingerprint that is not the key's (nobody could trust the member's real key).
        "bogus_fingerprint": ("t1_secretary", "person", p["keyless"],
                              {"public_key": other_key[0], "fingerprint": "1" * 40}),
        "fingerprint_alone": ("t1_secretary", "person", p["keyless"],
                              {"fingerprint": sec_key[1]}),
        # An answer signed in another officer's name.
        "answer_as_coordinator": ("t1_secretary", "remark", remark,
                                  {"status": "noted", "response": "",
                                   "responded_by": p["coordinator"]}),
        # A secretary whose term ended, and a removed member.
        "expired_answers": ("ex_secretary", "remark", remark,
                            {"status": "noted", "response": "",
                             "responded_by": p["ex_secretary"]}),
        "expired_meeting": ("ex_secretary", "meeting", meeting, {"place": "Rotušė"}),
        "removed_writes": ("removed", "remark", uuid7(), {}),
    }


ATTACKS = ("key_of_coordinator", "key_of_t2_chair", "replace_members_key", "bogus_fingerprint",
           "fingerprint_alone", "answer_as_coordinator", "expired_answers", "expired_meeting")


@pytest.mark.parametrize("attack", ATTACKS)
def test_an_attack_is_refused_here_and_in_a_bundle(world: World, attack: str) -> None:
    role, entity, entity_id, fields = _attacks(world)[attack]
    assert _verdicts(world, role, entity, entity_id, fields) == (False, False)


def test_an_undo_may_put_back_an_answer_in_the_name_of_the_officer_who_gave_it(
    world: World,
) -> None:
    """The undo of an answer names the officer who gave the earlier one: allowed, word for
    word only; a response changed under the earlier officer's name is refused."""
    ws, p = world.ws, world.people
    remark = actions.add_remark(ws, section_id=world.targets["section"][1],
                                remark_type="general", text="Dar viena",
                                actor=ws.actor(p["author"]))
    actions.answer_remark(ws, remark, "accepted", "Priimta.")  # by the coordinator
    earlier = ws.conn.execute("SELECT status, response, responded_by, responded_at FROM remark"
                              " WHERE id = ?", (remark,)).fetchone()
    sec = ws.actor(p["t1_secretary"])
    actions.answer_remark(ws, remark, "rejected", "Atmesta, nes.", actor=sec)
    put_back = dict(zip(("status", "response", "responded_by", "responded_at"), earlier,
                        strict=True))
    assert _verdicts(world, "t1_secretary", "remark", remark, put_back) == (True, True)
    assert _verdicts(world, "t1_secretary", "remark", remark,
                     {**put_back, "response": "Priimta iš dalies."}) == (False, False)
    # A response changed without naming who gives it would read as the last answerer's.
    actions.restore_answer(ws, remark, status=earlier[0], response=earlier[1],
                           responded_by=earlier[2], responded_at=earlier[3], actor=sec)
    assert _verdicts(world, "t1_secretary", "remark", remark,
                     {"response": "Kitaip."}) == (False, False)
    assert _verdicts(world, "t1_secretary", "remark", remark,
                     {"response": "Kitaip.", "responded_by": p["t1_secretary"]}) == (True, True)


def test_a_fingerprint_is_worked_out_here_as_the_keys_module_does() -> None:
    from kplan_desktop.core.permissions import key_fingerprint

    key = Ed25519PrivateKey.generate()
    assert key_fingerprint(public_text(key)) == fingerprint(public_bytes(key))
    assert key_fingerprint("not a key") == key_fingerprint("") == ""


# --- whole attacks, as real bundles ----------------------------------------------------------


def _tampered_feed(copy: Copy, changes: list[tuple[str, str, dict[str, Any]]]) -> ForgedFeed:
    """The next events of a copy's own feed, as a tampered copy of it would write them."""
    device, person, seq, head, hlc = feed_state(copy.ws)
    return ForgedFeed(copy.key, device, person, chain(
        copy.ws.identity.plan_id, device, person, changes, hlc=hlc + 1, seq=seq + 1, prev=head))


def _send(plan: Plan, sender: Copy, feeds: list[ForgedFeed], name: str) -> Path:
    device, person, *_ = feed_state(sender.ws)
    return forge(plan.folder / name, plan_id=plan.secretary.ws.identity.plan_id,
                 exporter=sender.key, exporter_device=device, exporter_person=person,
                 feeds=feeds)


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return new_plan(tmp_path)


def test_a_thematic_secretary_cannot_take_over_the_coordinators_key(plan: Plan) -> None:
    """Jonas, rightly trusted as T1's secretary, writes a key he made on the coordinator
    (who also sits in T1), then signs a feed with it as the coordinator: before, every copy,
    the coordinator's own included, trusted that key as hers through the roster, made him
    coordination secretary and froze her real feed."""
    sec = plan.secretary
    rūta = sec.ws.identity.person_id
    actions.add_membership(sec.ws, group_id=plan.group_id, person_id=rūta, role=Role.OBSERVER)
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.SECRETARY)
    jonas.import_(sec.export(plan.folder / "to-jonas.kplanbundle", to=jonas.fingerprint))
    sec.import_(jonas.export(plan.folder / "from-jonas.kplanbundle"))  # his vouching for her
    jonas_id = jonas.ws.identity.person_id
    stolen = Ed25519PrivateKey.generate()
    stolen_fp = fingerprint(public_bytes(stolen))
    vouch = _tampered_feed(jonas, [
        ("person", rūta, {"public_key": public_text(stolen), "fingerprint": stolen_fp}),
    ])
    coordination, _ = sec.ws.conn.execute(
        "SELECT m.group_id, m.id FROM membership m JOIN work_group g ON g.id = m.group_id"
        " WHERE g.kind = 'coordination' AND m.person_id = ?", (rūta,)).fetchone()
    as_rūta = uuid7()
    seize = ForgedFeed(stolen, as_rūta, rūta, chain(sec.ws.identity.plan_id, as_rūta, rūta, [
        ("membership", uuid7(), {"group_id": coordination, "person_id": jonas_id,
                                 "role": "secretary", "since": "", "until": "", "deleted": 0}),
    ], hlc=vouch.events[-1].hlc + 1))
    report = sec.import_(_send(plan, jonas, [vouch, seize], "seize.kplanbundle"))
    assert report.applied == 0, report.lines()
    # The key change is refused, so the stolen key is trusted by nobody: its feed waits.
    assert report.refused_count == 1 and report.held == 1, report.lines()
    assert not sec.ws.actor(jonas_id).coordinates
    assert (queries.person(sec.ws, rūta) or {})["fingerprint"] == sec.fingerprint
    assert trust.judge(sec.ws.conn, public_text(stolen)).trust is trust.Trust.UNKNOWN
    # Her own changes still reach the others.
    actions.add_round(sec.ws, name="II etapas", opens="2026-01-01", closes="2026-12-31")
    jonas.import_(sec.export(plan.folder / "to-jonas-2.kplanbundle", to=jonas.fingerprint))
    assert jonas.ws.conn.execute(
        "SELECT 1 FROM review_round WHERE name = 'II etapas'").fetchone() is not None


def test_a_secretary_cannot_freeze_a_member_by_replacing_their_key(plan: Plan) -> None:
    """Before, T1's secretary replaced an expert's key with his own: every copy then refused
    the expert's feeds ("signed with a key that is not their author's")."""
    sec = plan.secretary
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.SECRETARY)
    ona_id = ona.ws.identity.person_id
    swap = _tampered_feed(jonas, [
        ("person", ona_id, {"public_key": public_text(jonas.key),
                            "fingerprint": jonas.fingerprint}),
    ])
    report = sec.import_(_send(plan, jonas, [swap], "swap.kplanbundle"))
    assert report.applied == 0 and report.refused_count == 1
    remark = actions.add_remark(ona.ws, section_id=plan.section_id, remark_type="general",
                                text="Ona vis dar rašo")
    report = sec.import_(ona.export(plan.folder / "ona.kplanbundle"))
    assert report.refused_count == 0
    assert (queries.remark(sec.ws, remark) or {})["text"] == "Ona vis dar rašo"


def test_a_held_key_change_introduces_nobody_the_table_would_refuse(plan: Plan) -> None:
    """Before, an officer's held event setting a key let that key's feed in as the person's
    (the roster path for joining from a full bundle), without the table judging the event:
    T1's secretary made his key change wait (its feed skips a change), and then signed,
    as a coordination chair who had no key yet, his own appointment as coordinator."""
    sec = plan.secretary
    coordination = sec.ws.conn.execute(
        "SELECT id FROM work_group WHERE kind = 'coordination'").fetchone()[0]
    lina = actions.add_person(sec.ws, full_name="Lina Urbonienė", email="lina@example.lt",
                              group_id=coordination, role=Role.CHAIR)  # no key yet
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.SECRETARY)
    jonas_id = jonas.ws.identity.person_id
    stolen = Ed25519PrivateKey.generate()
    device, person, seq, _, hlc = feed_state(jonas.ws)
    # seq + 2, its prev unknown: held as "the changes before it are missing".
    vouch = chain(sec.ws.identity.plan_id, device, person, [
        ("person", lina, {"public_key": public_text(stolen),
                          "fingerprint": fingerprint(public_bytes(stolen))}),
    ], hlc=hlc + 5, seq=seq + 2, prev="0" * 64)
    as_lina = uuid7()
    seize = ForgedFeed(stolen, as_lina, lina, chain(sec.ws.identity.plan_id, as_lina, lina, [
        ("membership", uuid7(), {"group_id": coordination, "person_id": jonas_id,
                                 "role": "secretary", "since": "", "until": "", "deleted": 0}),
    ], hlc=hlc + 10))
    report = sec.import_(_send(plan, jonas, [ForgedFeed(jonas.key, device, person, vouch),
                                             seize], "held.kplanbundle"))
    assert report.applied == 0, report.lines()
    assert not sec.ws.actor(jonas_id).coordinates
    assert trust.judge(sec.ws.conn, public_text(stolen)).trust is trust.Trust.UNKNOWN


def test_a_remark_whose_quote_offsets_are_not_numbers_cannot_break_the_section_view(
    plan: Plan,
) -> None:
    """Before, an expert's remark with the text "abc" as its quote's start (or a start and
    no end) was taken, and every copy's section view then failed on the section."""
    from kplan_desktop.core.permissions import Refused

    sec = plan.secretary
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    ona.import_(sec.export(plan.folder / "to-ona.kplanbundle", to=ona.fingerprint))
    revision = sec.ws.conn.execute("SELECT head_revision_id FROM section WHERE id = ?",
                                   (plan.section_id,)).fetchone()[0]
    ona_id = ona.ws.identity.person_id

    def remark(start: Any, end: Any) -> tuple[str, str, dict[str, Any]]:
        return ("remark", uuid7(), {
            "section_id": plan.section_id, "revision_id": revision, "quote": "Pirma",
            "quote_start": start, "quote_end": end, "author_id": ona_id,
            "group_id": plan.group_id, "round_id": None, "type": "general", "text": "Blogai",
            "proposed": "", "justification": "", "created_at": "2026-03-01T00:00:00+00:00",
            "status": "new", "response": "", "responded_by": None, "responded_at": None})

    bad = [remark("abc", "def"), remark(0, None), remark(5, 2), remark(-1, 3),
           remark(1.5, 3), remark(True, 3)]
    report = sec.import_(_send(plan, ona, [_tampered_feed(ona, [*bad, remark(0, 5)])],
                               "quotes.kplanbundle"))
    assert (report.applied, report.refused_count) == (1, len(bad)), report.lines()
    assert len(queries.section_quotes(sec.ws, plan.section_id)) == 1
    # The same remark written here is refused by the same table.
    for _, remark_id, fields in bad[1:4]:
        with pytest.raises(Refused), ona.ws.write() as w:
            w.put("remark", remark_id, fields)


def test_text_in_a_number_column_is_refused(plan: Plan) -> None:
    """A secretary's section with the position "first", a group archived "yes": refused as
    malformed (SQLite keeps such text as it is, and the views reading numbers fail)."""
    sec = plan.secretary
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.SECRETARY)
    jonas.import_(sec.export(plan.folder / "to-jonas.kplanbundle", to=jonas.fingerprint))
    feed = _tampered_feed(jonas, [
        ("section", plan.section_id, {"position": "first"}),
        ("section", plan.section_id, {"deleted": "no"}),
        ("section", plan.section_id, {"position": 2.5}),
        ("section", plan.section_id, {"position": 3}),
    ])
    report = sec.import_(_send(plan, jonas, [feed], "numbers.kplanbundle"))
    assert (report.applied, report.refused) == (1, {"malformed changes": 3}), report.lines()
    assert sec.ws.conn.execute("SELECT position, deleted FROM section WHERE id = ?",
                               (plan.section_id,)).fetchone() == (3, 0)


# --- the property, over every entity, field, state and role ----------------------------------

_WRONG: tuple[Any, ...] = (7, 1.5, None, True, ["a"], {"a": 1}, 2**63 - 1, "")
ROLES_ALL = ("coord_chair", "observer", "author", "other_expert", "t1_secretary", "t2_chair",
             "ex_secretary", "removed", "keyless")
TARGETS_ALL = ("remark", "answered", "withdrawn", "meeting", "section", "attendance",
               "template", "round", "membership", "group", "plan", "person", "keyless",
               *(f"new_{entity}" for entity in events.ENTITIES if entity != "plan"))


def _pools(w: World) -> dict[str, dict[str, list[Any]]]:
    """Values drawn per entity and field: what the program writes, and more."""
    p, g = w.people, w.groups
    section = w.targets["section"][1]
    head = w.ws.conn.execute("SELECT head_revision_id FROM section WHERE id = ?",
                             (section,)).fetchone()[0]
    keys = [_key(p[r], w) for r in ("author", "keyless", "t1_secretary")]
    people = [p["author"], p["other_expert"], p["t1_secretary"], p["coordinator"], None]
    return {
        "plan": {"title": ["Naujas planas"], "period": ["2026-2030"], "languages": ["lt,en"]},
        "person": {"full_name": ["Kitas Vardas"], "email": ["k@example.lt"],
                   "organisation": ["VšĮ"], "public_key": [k[0] for k in keys] + [""],
                   "fingerprint": [k[1] for k in keys] + ["1" * 40, ""],
                   "gender": ["female", "male", "unspecified", "neuter"]},
        "work_group": {"code": ["EK"], "name": ["Ekonomikos grupė"],
                       "kind": ["thematic", "coordination"], "mandate": ["Nuostatai"],
                       "archived": [0, 1], "prefix": ["EKO", "ek", "EKONOM"]},
        "membership": {"group_id": [g["T1"], g["T2"], g["C"]],
                       "person_id": [p["author"], p["other_expert"], p["t1_secretary"]],
                       "role": [r.value for r in Role] + ["boss"],
                       "since": ["2026-01-01", ""], "until": ["2020-01-01", ""],
                       "deleted": [0, 1]},
        "meeting": {"group_id": [g["T1"], g["T2"]], "date": ["2026-05-01"],
                    "place": ["Rotušė"], "agenda": ["Darbotvarkė"], "minutes": ["Protokolas"],
                    "decisions": ["Nutarta."], "deleted": [0, 1]},
        "attendance": {"meeting_id": [w.targets["meeting"][1]],
                       "person_id": [p["author"], p["other_expert"]], "present": [0, 1, -1, 2]},
        "review_round": {"name": ["II etapas"], "draft_revision": [""], "opens": ["2026-01-01"],
                         "closes": ["2026-12-31"], "deleted": [0, 1]},
        "section": {"parent_id": [None, section], "position": [1, 2], "kind": ["goal", "poem"],
                    "code": ["9.9"], "responsible_group_id": [g["T1"], g["T2"]],
                    "state": ["draft", "in_review", "agreed"], "unit": ["vnt."],
                    "baseline": ["1"], "target": ["2"], "deleted": [0, 1]},
        "section_revision": {"section_id": [section], "parents": [[head], []],
                             "title": ["Tikslas"], "body": ["Kitas tekstas."]},
        "remark": {"section_id": [section], "revision_id": [head], "quote": ["", "Tekstas"],
                   "quote_start": [None, 0, "abc"], "quote_end": [None, 7, 3],
                   "author_id": [p["author"], p["other_expert"]],
                   "group_id": [g["T1"], g["T2"]], "round_id": [None, w.targets["round"][1]],
                   "type": ["general", "editorial", "rude"], "text": ["Nauja"],
                   "proposed": ["Siūlau"], "justification": ["Nes"],
                   "created_at": ["2026-03-01T00:00:00+00:00"],
                   "status": ["new", "under_review", "accepted", "partly_accepted", "rejected",
                              "noted", "withdrawn"],
                   "response": ["", "Motyvai."], "responded_by": people,
                   "responded_at": [None, "2026-04-01T00:00:00+00:00"],
                   "number": [1, 0, 5], "renumbered_from": [1, 2]},
        "response_template": {"title": ["Ačiū"], "status": ["accepted", "noted"],
                              "text": ["Ačiū už pastabą."], "deleted": [0, 1]},
    }


def _new_record(w: World, entity: str, author: str) -> dict[str, Any]:
    """A creating change as the program writes it, every field set."""
    pools = _pools(w)[entity]
    fields = {name: values[0] for name, values in pools.items()}
    if entity == "remark":
        fields.update(author_id=author, status="new", response="", responded_by=None,
                      responded_at=None, quote_start=None, quote_end=None, quote="")
        fields.pop("number"), fields.pop("renumbered_from")
        membership = w.ws.conn.execute(
            "SELECT group_id FROM membership WHERE person_id = ? AND deleted = 0", (author,)
        ).fetchone()
        fields["group_id"] = membership[0] if membership else w.groups["T1"]
    if entity == "person":
        fields.update(public_key="", fingerprint="")
    return fields


def _local_as_own_copy(w: World, person: str, entity: str, entity_id: str,
                       fields: dict[str, Any]) -> bool:
    """The change written on the person's own copy: their own feed, signed with their key."""
    from kplan_desktop.core.permissions import Refused
    from kplan_desktop.store.workspace import Feed, Writer

    public, fp = _key(person, w)
    conn = w.ws.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        feed = Feed(w.ws.identity.plan_id, w.devices[person], person, public_key=public,
                    fingerprint=fp)
        Writer(conn, feed, local=False).put(entity, entity_id, fields)
        return True
    except Refused:
        return False
    finally:
        conn.execute("ROLLBACK")


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_entity_field_state_and_role_is_judged_alike_here_and_in_a_bundle(
    world: World, data: st.DataObject
) -> None:
    role = data.draw(st.sampled_from(ROLES_ALL), label="role")
    target = data.draw(st.sampled_from(TARGETS_ALL), label="target")
    person = world.people[role]
    if target.startswith("new_"):
        entity, entity_id = target[4:], uuid7()
    else:
        entity, entity_id = world.targets[target]
    pools = _pools(world)[entity]
    names = data.draw(st.lists(st.sampled_from([*sorted(pools), "unknown_field"]), min_size=1,
                               max_size=3, unique=True), label="fields")
    fields = _new_record(world, entity, person) if target.startswith("new_") else {}
    for name in names:
        good = pools.get(name, ["?"])
        fields[name] = data.draw(st.one_of(st.sampled_from(good), st.sampled_from(good),
                                           st.sampled_from(_WRONG)), label=name)
    imported = _bundle_verdict(world, person, entity, entity_id, fields)
    assume(imported is not None)
    assert _local_as_own_copy(world, person, entity, entity_id, fields) == imported


def test_an_officer_cannot_stamp_their_own_role_ahead_to_outlast_a_demotion(plan: Plan) -> None:
    """Before, T1's secretary wrote his own membership again (and a second one for himself)
    stamped 23 hours ahead: the coordinator's demotion, stamped now, lost last-writer-wins
    on every copy, and he stayed secretary (and could do it again each day)."""
    from kplan_desktop.core import clock
    from kplan_desktop.store import record_actions
    from kplan_desktop.store.workspace import now_ms

    sec = plan.secretary
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.SECRETARY)
    jonas_id = jonas.ws.identity.person_id
    membership = sec.ws.conn.execute(
        "SELECT id FROM membership WHERE person_id = ?", (jonas_id,)).fetchone()[0]
    device, person, seq, head, _ = feed_state(jonas.ws)
    ahead = clock.pack(now_ms() + 23 * 3600 * 1000)
    keep = chain(sec.ws.identity.plan_id, device, person, [
        ("membership", membership, {"role": "secretary", "until": "", "deleted": 0}),
        ("membership", uuid7(), {"group_id": plan.group_id, "person_id": jonas_id,
                                 "role": "secretary", "since": "", "until": "", "deleted": 0}),
    ], hlc=ahead, seq=seq + 1, prev=head)
    report = sec.import_(_send(plan, jonas, [ForgedFeed(jonas.key, device, person, keep)],
                               "keep.kplanbundle"))
    assert report.applied == 0 and report.refused_count == 2, report.lines()
    record_actions.change_role(sec.ws, membership, Role.EXPERT)
    assert not sec.ws.actor(jonas_id).officer_groups
    # The coordination officers still set their own memberships, as the founder does.
    own = sec.ws.conn.execute("SELECT id FROM membership WHERE person_id = ?",
                              (sec.ws.identity.person_id,)).fetchone()[0]
    record_actions.update_member(sec.ws, own, membership={"since": "2026-01-01"})


def test_a_removed_member_writes_nothing_and_unknown_fields_change_nothing(world: World) -> None:
    removed = _new_record(world, "remark", world.people["removed"])
    assert _verdicts(world, "removed", "remark", uuid7(), removed) == (False, False)
    remark = world.targets["remark"][1]
    before = world.ws.conn.execute("SELECT * FROM remark WHERE id = ?", (remark,)).fetchone()
    # A field no record has is ignored alike on both paths: it can neither allow nor refuse.
    assert _verdicts(world, "author", "remark", remark,
                     {"text": "Taisau", "is_admin": True}) == (True, True)
    assert _verdicts(world, "other_expert", "remark", remark,
                     {"text": "Taisau", "is_admin": True}) == (False, False)
    assert world.ws.conn.execute("SELECT * FROM remark WHERE id = ?",
                                 (remark,)).fetchone() == before
