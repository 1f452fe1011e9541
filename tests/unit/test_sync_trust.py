"""Trust and authorship: only confirmed or introduced keys, every event its author's."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kplan_desktop.core.ids import uuid7
from kplan_desktop.store import actions, events, queries
from kplan_desktop.sync import trust
from kplan_desktop.sync.importer import RevokedSigner, UnknownSigner
from kplan_desktop.sync.keys import fingerprint, public_bytes
from tests.unit.sync_support import (
    Copy,
    ForgedFeed,
    Plan,
    dump_hash,
    feed_state,
    forge,
    new_plan,
    next_event,
)


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return new_plan(tmp_path)


def _remark(copy: Copy, plan: Plan, text: str) -> str:
    return actions.add_remark(copy.ws, section_id=plan.section_id, remark_type="general",
                              text=text)


def test_an_unknown_signer_is_refused_by_fingerprint_until_trusted(plan: Plan) -> None:
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt")
    ona = plan.join("Ona Petraitienė", "ona@example.lt")  # after Jonas: he never heard of her
    _remark(ona, plan, "Tiesiai Jonui")
    path = ona.export(plan.folder / "ona-to-jonas.kplanbundle", full=True)
    before = dump_hash(jonas.ws)
    with pytest.raises(UnknownSigner) as refused:
        jonas.import_(path)
    sentence = str(refused.value)
    assert ona.fingerprint in sentence and "kplan trust" in sentence and "Ona" in sentence
    assert dump_hash(jonas.ws) == before
    jonas.trust(ona)
    report = jonas.import_(path)
    assert report.refused_count == 0
    assert queries.count_remarks(jonas.ws) == 1


def test_a_revoked_key_is_refused_as_signer_and_as_relayed_feed(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt")
    _remark(ona, plan, "Ona rašo")
    sec = plan.secretary
    sec.import_(ona.export(plan.folder / "ona.kplanbundle"))
    with jonas.ws.raw_transaction() as conn:
        trust.revoke_fingerprint(conn, ona.fingerprint)
    relayed = jonas.import_(sec.export(plan.folder / "relay.kplanbundle", full=True))
    assert any("revoked" in reason for reason in relayed.refused)
    assert queries.count_remarks(jonas.ws) == 0
    with pytest.raises(RevokedSigner, match="revoked"):
        jonas.import_(ona.export(plan.folder / "direct.kplanbundle", full=True))


def test_a_secretary_relays_a_members_events_and_introduces_the_key(plan: Plan) -> None:
    """Jonas never confirmed Ona's fingerprint: the secretary's roster introduces her."""
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt")
    remark_id = _remark(ona, plan, "Ona pastaba per sekretorę")
    plan.secretary.import_(ona.export(plan.folder / "ona.kplanbundle"))
    report = jonas.import_(plan.secretary.export(plan.folder / "sec.kplanbundle"))
    assert report.refused_count == 0, report.refused
    got = queries.remark(jonas.ws, remark_id)
    assert got is not None and got["text"] == "Ona pastaba per sekretorę"
    assert trust.judge(jonas.ws.conn, queries.person(jonas.ws, ona.ws.identity.person_id)[
        "public_key"]).trust is trust.Trust.ROSTER


def _forged_bundle(plan: Plan, sender: Copy, feeds: list[ForgedFeed], name: str) -> Path:
    device, person, *_ = feed_state(sender.ws)
    return forge(plan.folder / name, plan_id=plan.secretary.ws.identity.plan_id,
                 exporter=sender.key, exporter_device=device, exporter_person=person,
                 feeds=feeds)


def test_forgeries_are_refused_and_reported(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt")
    sec = plan.secretary
    jonas_remark = _remark(jonas, plan, "Jono pastaba")
    sec.import_(jonas.export(plan.folder / "jonas.kplanbundle"))
    ona.import_(sec.export(plan.folder / "to-ona.kplanbundle", to=ona.fingerprint))
    ona_device, ona_person, *_ = feed_state(ona.ws)
    jonas_person = jonas.ws.identity.person_id

    # 1. Under Jonas's name, in Ona's feed signed with Ona's key.
    as_jonas = next_event(ona.ws, entity="remark", entity_id=jonas_remark,
                          fields={"text": "Ona rašo Jono vardu"}, author=jonas_person)
    report = sec.import_(_forged_bundle(
        plan, ona, [ForgedFeed(ona.key, ona_device, ona_person, [as_jonas])], "f1.kplanbundle"))
    assert report.refused == {"events written under another person's name": 1}

    # 2. A feed claiming to be Jonas's, signed with Ona's key.
    claim = next_event(ona.ws, entity="remark", entity_id=jonas_remark,
                       fields={"text": "Ona apsimeta Jonu"}, author=jonas_person)
    report = sec.import_(_forged_bundle(
        plan, ona, [ForgedFeed(ona.key, ona_device, jonas_person, [claim])], "f2.kplanbundle"))
    assert report.applied == 0 and report.refused_count == 1

    # 3. An unknown key relayed inside Ona's trusted bundle.
    stranger = Ed25519PrivateKey.generate()
    stranger_device = uuid7()
    stranger_event = events.make(
        plan=plan.secretary.ws.identity.plan_id, device=stranger_device, seq=1, hlc=1 << 40,
        author=jonas_person, entity="remark", entity_id=jonas_remark,
        fields={"text": "Nežinomas raktas"}, prev=None)
    report = sec.import_(_forged_bundle(
        plan, ona, [ForgedFeed(stranger, stranger_device, jonas_person, [stranger_event])],
        "f3.kplanbundle"))
    # Held, not refused for good: it applies only if someone here trusts that key later.
    assert report.applied == 0 and report.held == 1
    (reason,) = report.held_reasons
    assert fingerprint(public_bytes(stranger)) in reason

    # 4. Ona (an expert) changes Jonas's remark, and answers her own remark.
    own = _remark(ona, plan, "Ona savo")
    sec.import_(ona.export(plan.folder / "ona-own.kplanbundle"))
    edit = next_event(ona.ws, entity="remark", entity_id=jonas_remark,
                      fields={"text": "Ona keičia Jono pastabą"})
    answer = events.make(plan=edit.plan, device=ona_device, seq=edit.seq + 1,
                         hlc=edit.hlc + 1, author=ona_person, entity="remark", entity_id=own,
                         fields={"status": "accepted", "response": "Pati sau"}, prev=edit.id)
    report = sec.import_(_forged_bundle(
        plan, ona, [ForgedFeed(ona.key, ona_device, ona_person, [edit, answer])],
        "f4.kplanbundle"))
    assert report.refused == {
        "a remark changed by someone else than its author, or after it was answered": 1,
        "a status or response set by someone who may not answer, on a withdrawn remark, or"
        " without the reasons a rejection needs": 1,
    }
    assert queries.remark(sec.ws, jonas_remark)["text"] == "Jono pastaba"
    assert queries.remark(sec.ws, own)["status"] == "new"


def test_a_valid_key_outside_the_roster_is_refused(plan: Plan, tmp_path: Path) -> None:
    """Someone who joined the plan but was never made a member: their key, though real and
    relayed by the secretary, is not introduced to other copies."""
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt")
    sec = plan.secretary
    from kplan_desktop.sync.identity import join_plan
    from kplan_desktop.sync.keys import KeyStore

    full = sec.export(plan.folder / "full.kplanbundle", full=True)
    ws, _ = join_plan(plan.folder / "outsider.kplan", full, full_name="Pašalinis",
                      email="kitas@example.lt", keystore=KeyStore())
    outsider = Copy(ws, "Pašalinis")
    sec.trust(outsider)  # the secretary knows them, but adds them to no group
    sec.import_(outsider.export(plan.folder / "outsider.kplanbundle", full=True))
    report = jonas.import_(sec.export(plan.folder / "relay.kplanbundle", full=True))
    assert any(outsider.fingerprint in reason for reason in report.held_reasons)
    assert queries.person(jonas.ws, outsider.ws.identity.person_id) is None


def test_trust_list_shows_people_and_states(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    listed = {k.fingerprint: k for k in trust.known_keys(plan.secretary.ws.conn)}
    assert listed[ona.fingerprint].trust is trust.Trust.TRUSTED
    assert listed[ona.fingerprint].name == "Ona Petraitienė"
    with plan.secretary.ws.raw_transaction() as conn:
        trust.revoke_fingerprint(conn, ona.fingerprint)
    listed = {k.fingerprint: k for k in trust.known_keys(plan.secretary.ws.conn)}
    assert listed[ona.fingerprint].trust is trust.Trust.REVOKED
