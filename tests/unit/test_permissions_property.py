"""A change is judged the same made here as arriving in a bundle: one table, both paths.

Hypothesis draws who acts (their role), what they change (entity, fields) and the state
of the record (a remark open, answered or withdrawn). The same change is tried as a local
write (``Writer.put``, rolled back) and as an event in a real signed bundle from that
person's own key (the importer's preview, rolled back); both verdicts must agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kplan_desktop.core import clock
from kplan_desktop.core.ids import uuid7
from kplan_desktop.core.model import Role
from kplan_desktop.core.permissions import Refused
from kplan_desktop.store import actions, events
from kplan_desktop.store.workspace import Workspace, now_ms
from kplan_desktop.sync import bundle as bundle_io
from kplan_desktop.sync import trust
from kplan_desktop.sync.importer import preview
from kplan_desktop.sync.keys import fingerprint, public_bytes, public_text
from tests.helpers import make_plan


class _Rollback(Exception):
    pass


@dataclass
class World:
    ws: Workspace
    people: dict[str, str] = field(default_factory=dict)  # role name -> person id
    keys: dict[str, Ed25519PrivateKey] = field(default_factory=dict)  # person id -> key
    devices: dict[str, str] = field(default_factory=dict)  # person id -> device
    targets: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (entity, id)
    groups: dict[str, str] = field(default_factory=dict)


def _build(path: Path) -> World:
    ws = make_plan(path)
    w = World(ws)
    w.people["coordinator"] = ws.identity.person_id
    w.groups["T1"] = actions.add_group(ws, code="T1", name="Ekonomika")
    w.groups["T2"] = actions.add_group(ws, code="T2", name="Kultūra")
    for role_name, group, role in [
        ("author", "T1", Role.EXPERT), ("other_expert", "T1", Role.EXPERT),
        ("t1_secretary", "T1", Role.SECRETARY), ("t2_chair", "T2", Role.CHAIR),
        ("observer", "T1", Role.OBSERVER),
    ]:
        w.people[role_name] = actions.add_person(
            ws, full_name=role_name, group_id=w.groups[group], role=role)
    for person in w.people.values():
        if person == ws.identity.person_id:
            continue
        key = Ed25519PrivateKey.generate()
        w.keys[person], w.devices[person] = key, uuid7()
        with ws.raw_transaction() as conn:
            trust.trust_fingerprint(conn, fingerprint(public_bytes(key)), person_id=person)
    section = actions.add_section(ws, parent_id=None, kind="goal", code="1.1", title="Tikslas",
                                  body="Tekstas.", responsible_group_id=w.groups["T1"])
    author = ws.actor(w.people["author"])
    remarks = {}
    for state in ("open", "answered", "withdrawn"):
        remarks[state] = actions.add_remark(ws, section_id=section, remark_type="general",
                                            text=state, actor=author)
    actions.answer_remark(ws, remarks["answered"], "accepted", "Gerai.")
    actions.withdraw_remark(ws, remarks["withdrawn"], actor=author)
    membership = ws.conn.execute(
        "SELECT id FROM membership WHERE person_id = ?", (w.people["other_expert"],)
    ).fetchone()[0]
    meeting = actions.add_meeting(ws, group_id=w.groups["T1"], date="2026-02-01")
    round_id = actions.add_round(ws, name="I etapas", opens="2026-01-01", closes="2026-12-31")
    w.targets = {
        **{f"remark_{s}": ("remark", r) for s, r in remarks.items()},
        "membership": ("membership", membership), "meeting": ("meeting", meeting),
        "section": ("section", section), "group": ("work_group", w.groups["T1"]),
        "round": ("review_round", round_id), "plan": ("plan", ws.identity.plan_id),
        "person": ("person", w.people["other_expert"]),
        "new_remark": ("remark", ""), "new_meeting": ("meeting", ""),
    }
    w.targets["_section"] = ("section", section)
    return w


#: Fields a change may set, per target, with the values drawn for them.
def _values(w: World) -> dict[str, dict[str, list[Any]]]:
    t1, t2 = w.groups["T1"], w.groups["T2"]
    remark = {
        "text": ["Nauja"], "type": ["editorial"], "status": ["withdrawn", "new", "accepted",
                                                            "rejected", "under_review"],
        "response": ["", "Motyvai."], "group_id": [t2], "author_id": [w.people["other_expert"]],
    }
    return {
        **{f"remark_{s}": remark for s in ("open", "answered", "withdrawn")},
        "membership": {"role": ["chair", "expert"], "deleted": [1], "until": ["2026-12-31"],
                       "group_id": [t2]},
        "meeting": {"place": ["Rotušė"], "decisions": ["Nutarta."], "group_id": [t2]},
        "section": {"code": ["9.9"], "state": ["agreed"], "responsible_group_id": [t2]},
        "group": {"name": ["Ekonomikos grupė"], "archived": [1], "code": ["EK"]},
        "round": {"name": ["II etapas"], "deleted": [1]},
        "plan": {"title": ["Naujas pavadinimas"]},
        "person": {"full_name": ["Kitas Vardas"], "email": ["kitas@example.lt"]},
        "new_remark": {"group_id": [t1, t2]},
        "new_meeting": {"group_id": [t1, t2]},
    }


def _full_fields(w: World, target: str, author: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A creating change carries every field, as the program writes it."""
    if target == "new_remark":
        section = w.targets["_section"][1]
        revision = w.ws.conn.execute(
            "SELECT head_revision_id FROM section WHERE id = ?", (section,)).fetchone()[0]
        return {
            "section_id": section, "revision_id": revision, "quote": "", "quote_start": None,
            "quote_end": None, "author_id": author, "round_id": None, "type": "general",
            "text": "Nauja pastaba", "proposed": "", "justification": "",
            "created_at": "2026-03-01T00:00:00+00:00", "status": "new", "response": "",
            "responded_by": None, "responded_at": None, **fields,
        }
    if target == "new_meeting":
        return {"date": "2026-03-01", "place": "", "agenda": "", "minutes": "",
                "decisions": "", "deleted": 0, **fields}
    return fields


def _local_verdict(w: World, person: str, entity: str, entity_id: str,
                   fields: dict[str, Any]) -> bool:
    try:
        with w.ws.write(w.ws.actor(person)) as writer:
            writer.put(entity, entity_id, fields)
            raise _Rollback
    except Refused:
        return False
    except _Rollback:
        return True


def _bundle_verdict(w: World, person: str, entity: str, entity_id: str,
                    fields: dict[str, Any]) -> bool | None:
    key, device = w.keys[person], w.devices[person]
    plan_id = w.ws.identity.plan_id
    event = events.make(plan=plan_id, device=device, seq=1, hlc=clock.pack(now_ms() + 5_000),
                        author=person, entity=entity, entity_id=entity_id, fields=fields,
                        prev=None)
    head = bundle_io.FeedHead(
        device=device, person=person, public_key=public_text(key), first_seq=1, last_seq=1,
        prev=None, head=event.id,
        signature=bundle_io.sign_head(key, plan=plan_id, device=device, person=person, seq=1,
                                      head=event.id))
    data = bundle_io.encode_bundle(
        key=key, bundle_id=uuid7(), plan_id=plan_id, exporter_device=device,
        exporter_person=person, exporter_name="?", created="2026-01-01T00:00:00+00:00",
        feeds=[(head, [event.body])], have={}, full=False)
    report = preview(w.ws, bundle_io.read_bytes(data, plan_id=plan_id))
    if report.held:
        return None  # waits for something: not a verdict
    assert report.applied + report.refused_count == 1, report.lines()
    return report.applied == 1


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, memory_keyring_module: Any) -> Iterator[World]:
    w = _build(tmp_path_factory.mktemp("property") / "plan.kplan")
    yield w
    w.ws.close()


@pytest.fixture(scope="module")
def memory_keyring_module() -> Iterator[Any]:
    import keyring

    from tests.conftest import MemoryKeyring

    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(before)


ROLES = ("author", "other_expert", "t1_secretary", "t2_chair", "observer")
TARGETS = ("remark_open", "remark_answered", "remark_withdrawn", "membership", "meeting",
           "section", "group", "round", "plan", "person", "new_remark", "new_meeting")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_a_change_is_judged_alike_made_here_or_arriving_in_a_bundle(
    world: World, data: st.DataObject
) -> None:
    role = data.draw(st.sampled_from(ROLES), label="role")
    target = data.draw(st.sampled_from(TARGETS), label="target")
    options = _values(world)[target]
    names = data.draw(st.lists(st.sampled_from(sorted(options)), min_size=1, max_size=2,
                               unique=True), label="fields")
    person = world.people[role]
    fields = {n: data.draw(st.sampled_from(options[n]), label=n) for n in names}
    entity, entity_id = world.targets[target]
    entity_id = entity_id or uuid7()
    fields = _full_fields(world, target, person, fields)
    imported = _bundle_verdict(world, person, entity, entity_id, fields)
    assume(imported is not None)
    assert _local_verdict(world, person, entity, entity_id, fields) == imported


def test_the_table_refuses_and_allows_what_the_roles_say(world: World) -> None:
    """The property above would pass if both paths refused everything: anchor it."""
    sec, author = world.people["t1_secretary"], world.people["author"]
    remark = world.targets["remark_open"][1]
    assert _local_verdict(world, author, "remark", remark, {"text": "Taisau"})
    assert _bundle_verdict(world, author, "remark", remark, {"text": "Taisau"})
    assert not _local_verdict(world, sec, "remark", remark, {"text": "Taisau"})
    assert not _bundle_verdict(world, sec, "remark", remark, {"text": "Taisau"})
    assert _bundle_verdict(world, sec, "remark", remark,
                           {"status": "noted", "response": "", "responded_by": sec})
    answered = world.targets["remark_answered"][1]
    assert not _bundle_verdict(world, author, "remark", answered, {"status": "withdrawn"})
