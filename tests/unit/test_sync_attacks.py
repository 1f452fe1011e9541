"""A member with a rightly trusted key tries to take powers their role does not give them.

Each attack is sent as a real signed bundle, made the way a tampered copy would make it,
and the secretary's copy must refuse it and stay as it was (beyond keeping the refused
events in its log, so the sender's feed stays whole).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kplan_desktop.core import clock
from kplan_desktop.core.errors import KPlanError
from kplan_desktop.core.ids import uuid7
from kplan_desktop.core.model import Role
from kplan_desktop.core.permissions import Refused
from kplan_desktop.store import actions, events, permissions, queries
from kplan_desktop.store import workspace as workspace_module
from kplan_desktop.sync import trust
from kplan_desktop.sync.bundle import BundleError
from kplan_desktop.sync.importer import retry_held
from tests.unit.sync_support import (
    Copy,
    ForgedFeed,
    Plan,
    chain,
    feed_state,
    forge,
    logical_dump,
    new_plan,
    next_event,
)


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return new_plan(tmp_path)


def _send(plan: Plan, sender: Copy, feeds: list[ForgedFeed], name: str, **manifest: Any) -> Path:
    device, person, *_ = feed_state(sender.ws)
    return forge(plan.folder / name, plan_id=plan.secretary.ws.identity.plan_id,
                 exporter=manifest.get("key", sender.key),
                 exporter_device=manifest.get("device", device),
                 exporter_person=manifest.get("person", person), feeds=feeds)


def _coordination(plan: Plan) -> tuple[str, str]:
    """The coordination group and the secretary's membership in it."""
    sec = plan.secretary.ws
    return sec.conn.execute(
        "SELECT m.group_id, m.id FROM membership m JOIN work_group g ON g.id = m.group_id"
        " WHERE g.kind = 'coordination' AND m.person_id = ?", (sec.identity.person_id,)
    ).fetchone()


def _remark(copy: Copy, plan: Plan, text: str) -> str:
    return actions.add_remark(copy.ws, section_id=plan.section_id, remark_type="general",
                              text=text)


# --- the founder ----------------------------------------------------------------------------


def test_a_new_feed_opening_with_a_plan_event_takes_no_founders_powers(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    sec = plan.secretary
    own = _remark(ona, plan, "Ona savo pastaba")
    sec.import_(ona.export(plan.folder / "ona.kplanbundle"))
    group, sec_membership = _coordination(plan)
    ona_person = ona.ws.identity.person_id
    new_device = uuid7()
    _, _, _, _, hlc = feed_state(sec.ws)
    seized = chain(sec.ws.identity.plan_id, new_device, ona_person, [
        ("plan", sec.ws.identity.plan_id, {"title": "Kauno planas"}),
        ("membership", uuid7(), {"group_id": group, "person_id": ona_person,
                                 "role": "secretary", "since": "", "until": "", "deleted": 0}),
        ("remark", own, {"status": "accepted", "response": "Pritariu sau",
                         "responded_by": ona_person, "responded_at": "2026-01-01"}),
        ("membership", sec_membership, {"deleted": 1}),
    ], hlc=hlc + 10)
    report = sec.import_(_send(plan, ona, [ForgedFeed(ona.key, new_device, ona_person, seized)],
                               "seize.kplanbundle"))
    assert report.applied == 0 and report.refused_count == 4
    assert not sec.ws.actor(ona_person).coordinates
    assert sec.ws.actor().coordinates  # the real secretary keeps her role
    assert queries.remark(sec.ws, own)["status"] == "new"


def test_the_founder_is_fixed_by_the_plan_id(plan: Plan) -> None:
    sec = plan.secretary.ws
    row = sec.conn.execute(
        "SELECT public_key, device_id, person_id FROM local_identity").fetchone()
    plan_event = sec.conn.execute(
        "SELECT body FROM event WHERE entity = 'plan' AND seq = 1").fetchone()[0]
    nonce = events.parse(bytes(plan_event)).fields["nonce"]
    assert sec.identity.plan_id == permissions.plan_id_for(row[0], row[1], row[2], nonce)
    assert permissions.founder(sec.conn, sec.identity.plan_id) == sec.identity.person_id
    # Any other key, device or person gives another plan.
    assert sec.identity.plan_id != permissions.plan_id_for(row[0], uuid7(), row[2], nonce)


# --- keys bound to people and devices --------------------------------------------------------


def test_trusting_a_key_names_its_person(plan: Plan) -> None:
    with pytest.raises(KPlanError, match="one person"), plan.secretary.ws.raw_transaction() as c:
        trust.trust_fingerprint(c, "1234 " * 10, person_id="")


def test_a_trusted_key_cannot_take_over_a_person_who_has_no_key_yet(plan: Plan) -> None:
    sec = plan.secretary
    lina = actions.add_person(sec.ws, full_name="Lina Urbonienė", email="lina@example.lt",
                              group_id=plan.group_id, role=Role.SECRETARY)  # no key yet
    mallory = plan.join("Mantas Mantauskas", "mantas@example.lt")
    device, person, *_ = feed_state(mallory.ws)
    _, _, _, _, hlc = feed_state(sec.ws)
    grab = chain(sec.ws.identity.plan_id, uuid7(), lina, [
        ("person", lina, {"public_key": "x", "fingerprint": mallory.fingerprint}),
    ], hlc=hlc + 10)
    report = sec.import_(_send(plan, mallory, [ForgedFeed(mallory.key, grab[0].device, lina,
                                                          grab)], "grab.kplanbundle"))
    assert report.refused == {"events claiming another person than the key's owner": 1}
    assert queries.person(sec.ws, lina)["public_key"] == ""
    # Nor by the manifest: the whole file is refused.
    with pytest.raises(BundleError, match="another person"):
        sec.import_(_send(plan, mallory, [ForgedFeed(mallory.key, grab[0].device, lina, grab)],
                          "grab2.kplanbundle", person=lina))
    assert person != lina and device


def test_a_feed_for_the_receivers_own_device_signed_by_another_key_is_refused(
    plan: Plan,
) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    sec = plan.secretary
    sec_device, _, seq, head, hlc = feed_state(sec.ws)
    ona_person = ona.ws.identity.person_id
    forged = chain(sec.ws.identity.plan_id, sec_device, ona_person, [
        ("remark", uuid7(), {"text": "Įrašyta į sekretorės įrenginį"}),
    ], hlc=hlc + 10, seq=seq + 1, prev=head)
    report = sec.import_(_send(plan, ona, [ForgedFeed(ona.key, sec_device, ona_person, forged)],
                               "own-device.kplanbundle"))
    assert report.refused == {"a device signing with a key other than its own": 1}
    assert feed_state(sec.ws)[2] == seq  # the secretary's own feed goes on as it was
    actions.add_round(sec.ws, name="Dar vienas", opens="2026-01-01", closes="2026-12-31")


def test_a_bundle_cannot_pose_as_another_device_or_give_itself_a_name(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt")
    sec = plan.secretary
    jonas_device = feed_state(jonas.ws)[0]
    sec.import_(jonas.export(plan.folder / "jonas.kplanbundle"))
    have_before = sec.ws.conn.execute(
        "SELECT * FROM peer_have WHERE peer_device = ?", (jonas_device,)).fetchall()
    event = next_event(ona.ws, entity="remark", entity_id=uuid7(), fields={"text": "x"})
    device, person, *_ = feed_state(ona.ws)
    with pytest.raises(BundleError, match="device that signs with another key"):
        sec.import_(_send(plan, ona, [ForgedFeed(ona.key, device, person, [event])],
                          "pose.kplanbundle", device=jonas_device))
    assert sec.ws.conn.execute(
        "SELECT * FROM peer_have WHERE peer_device = ?", (jonas_device,)).fetchall() == have_before
    # The report names the key's person, whatever name the file gives itself.
    report = sec.import_(ona.export(plan.folder / "ona.kplanbundle"))
    assert report.signer_name == "Ona Petraitienė"
    assert "Forger" not in " ".join(report.lines())


# --- answered remarks and new remarks ------------------------------------------------------


def test_an_answered_remark_stays_as_answered_whatever_its_author_sends(plan: Plan) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    sec = plan.secretary
    remark = _remark(ona, plan, "Ona rašo")
    sec.import_(ona.export(plan.folder / "ona.kplanbundle"))
    actions.answer_remark(sec.ws, remark, "rejected", "Neatitinka plano apimties.")
    ona.import_(sec.export(plan.folder / "answer.kplanbundle", to=ona.fingerprint))
    # Locally refused...
    with pytest.raises(KPlanError):
        actions.edit_remark(ona.ws, remark, {"text": "Perrašyta"})
    with pytest.raises(Refused), ona.ws.write() as w:
        w.put("remark", remark, {"text": "Perrašyta tiesiai"})
    # ...and refused through sync alike.
    device, person, seq, head, hlc = feed_state(ona.ws)
    sent = chain(ona.ws.identity.plan_id, device, person, [
        ("remark", remark, {"text": "Perrašyta"}),
        ("remark", remark, {"status": "withdrawn"}),
        ("remark", remark, {"status": "new"}),
    ], hlc=hlc + 10, seq=seq + 1, prev=head)
    report = sec.import_(_send(plan, ona, [ForgedFeed(ona.key, device, person, sent)],
                               "rewrite.kplanbundle"))
    assert report.applied == 0 and report.refused_count == 3
    row = queries.remark(sec.ws, remark)
    assert (row["text"], row["status"]) == ("Ona rašo", "rejected")


@pytest.mark.parametrize("bad", [
    {"responded_by": "someone", "responded_at": "2026-01-01T00:00:00+00:00"},
    {"status": "accepted"},
    {"response": "Atsakyta iš anksto"},
    {"group_id": "OTHER"},
])
def test_a_new_remark_carrying_an_answer_or_another_group_is_refused(
    plan: Plan, bad: dict[str, Any]
) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    sec = plan.secretary
    if bad.get("group_id") == "OTHER":
        bad = {"group_id": _coordination(plan)[0]}  # a group Ona does not belong to
    revision = sec.ws.conn.execute(
        "SELECT head_revision_id FROM section WHERE id = ?", (plan.section_id,)).fetchone()[0]
    fields = {
        "section_id": plan.section_id, "revision_id": revision, "quote": "", "quote_start": None,
        "quote_end": None, "author_id": ona.ws.identity.person_id, "group_id": plan.group_id,
        "round_id": None, "type": "general", "text": "Nauja", "proposed": "",
        "justification": "", "created_at": "2026-01-01T00:00:00+00:00", "status": "new",
        "response": "", "responded_by": None, "responded_at": None, **bad,
    }
    remark = uuid7()
    with pytest.raises(Refused), ona.ws.write() as w:
        w.put("remark", remark, fields)
    event = next_event(ona.ws, entity="remark", entity_id=remark, fields=fields)
    device, person, *_ = feed_state(ona.ws)
    report = sec.import_(_send(plan, ona, [ForgedFeed(ona.key, device, person, [event])],
                               "new.kplanbundle"))
    assert report.refused_count == 1 and queries.remark(sec.ws, remark) is None


# --- clocks and held events ------------------------------------------------------------------


def test_a_change_from_the_future_cannot_freeze_the_copy_that_took_it(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """23h59m ahead is accepted, but the secretary's own later answers stay acceptable to
    an honest copy whose clock is a minute slow."""
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt")
    sec = plan.secretary
    real = workspace_module.now_ms
    ahead = clock.DAY_MS - 60_000
    monkeypatch.setattr(workspace_module, "now_ms", lambda: real() + ahead)
    remark = _remark(ona, plan, "Iš beveik rytojaus")
    monkeypatch.setattr(workspace_module, "now_ms", real)
    sec.import_(ona.export(plan.folder / "ahead.kplanbundle"))
    assert queries.remark(sec.ws, remark) is not None  # within a day: taken
    mine = _remark(jonas, plan, "Jono")
    sec.import_(jonas.export(plan.folder / "jonas.kplanbundle"))
    actions.answer_remark(sec.ws, mine, "accepted", "Pritarta.")
    slow = lambda: real() - 60_000  # noqa: E731 - an honest laptop a minute behind
    from kplan_desktop.sync.importer import import_file

    report = import_file(jonas.ws, sec.export(plan.folder / "answers.kplanbundle",
                                              to=jonas.fingerprint), clock_ms=slow)
    assert report.refused_count == 0
    assert queries.remark(jonas.ws, mine)["status"] == "accepted"
    # The future change itself waits on the slow copy, and is not lost.
    assert report.held <= 1
    retry_held(jonas.ws, clock_ms=lambda: real() + clock.DAY_MS)
    assert queries.remark(jonas.ws, remark) is not None


def test_joining_from_a_full_bundle_gives_every_change(plan: Plan) -> None:
    """The secretary's feed refers to a member whose record only that member's own feed
    makes; a newcomer trusts the secretary alone and still gets all of it."""
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    for n in range(3):
        _remark(ona, plan, f"Onos pastaba {n}")
    sec = plan.secretary
    sec.import_(ona.export(plan.folder / "ona.kplanbundle"))
    meeting = actions.add_meeting(sec.ws, group_id=plan.group_id, date="2026-02-01",
                                  present=[ona.ws.identity.person_id])
    newcomer = plan.join("Naujas Narys", "naujas@example.lt")
    assert newcomer.ws.conn.execute("SELECT COUNT(*) FROM held_event").fetchone()[0] == 0
    assert queries.count_remarks(newcomer.ws) == queries.count_remarks(sec.ws) == 3
    assert newcomer.ws.conn.execute(
        "SELECT COUNT(*) FROM attendance WHERE meeting_id = ?", (meeting,)).fetchone()[0] == 1


def test_a_held_feed_applies_once_its_key_is_trusted(plan: Plan) -> None:
    """A feed relayed by the secretary whose key nobody introduced is held, not refused;
    once Jonas confirms that key for its person, the held changes apply."""
    from kplan_desktop.sync.identity import join_plan
    from kplan_desktop.sync.keys import KeyStore

    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt")
    sec = plan.secretary
    full = sec.export(plan.folder / "full.kplanbundle", full=True)
    ws, _ = join_plan(plan.folder / "guest.kplan", full, full_name="Svečias",
                      email="svecias@example.lt", keystore=KeyStore())
    guest = Copy(ws, "Svečias")
    sec.trust(guest)  # known to the secretary, but in no group: not introduced to others
    sec.import_(guest.export(plan.folder / "guest.kplanbundle", full=True))
    report = jonas.import_(sec.export(plan.folder / "relay.kplanbundle", full=True))
    assert report.held >= 1 and report.refused_count == 0
    assert queries.person(jonas.ws, guest.ws.identity.person_id) is None
    jonas.trust(guest)
    retried = retry_held(jonas.ws)
    assert retried.applied >= 1
    assert queries.person(jonas.ws, guest.ws.identity.person_id)["full_name"] == "Svečias"


def test_an_edit_made_apart_from_an_answer_is_judged_alike_on_both_copies(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The author edits after the answer (by the clocks) without having seen it: both
    copies refuse the edit, whichever order the two changes arrive in."""
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    sec = plan.secretary
    remark = _remark(ona, plan, "Pradinis tekstas")
    sec.import_(ona.export(plan.folder / "ona.kplanbundle"))
    real = workspace_module.now_ms
    actions.answer_remark(sec.ws, remark, "noted", "Susipažinta.")
    monkeypatch.setattr(workspace_module, "now_ms", lambda: real() + 5_000)
    actions.edit_remark(ona.ws, remark, {"text": "Pataisytas tekstas"})  # not seen the answer
    monkeypatch.setattr(workspace_module, "now_ms", real)
    assert queries.remark(ona.ws, remark)["text"] == "Pataisytas tekstas"
    ona.import_(sec.export(plan.folder / "answer.kplanbundle", to=ona.fingerprint))
    sec.import_(ona.export(plan.folder / "edit.kplanbundle"))
    for copy in (sec, ona):
        row = queries.remark(copy.ws, remark)
        assert (row["text"], row["status"]) == ("Pradinis tekstas", "noted")
    refused = [set(c.ws.conn.execute("SELECT id, by_state FROM refused_event").fetchall())
               for c in (sec, ona)]
    assert refused[0] == refused[1] and len(refused[0]) == 1


def test_an_edit_refused_for_an_answer_stands_once_an_earlier_reopening_arrives(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The secretary decides, the chair reopens it (under review), the author edits, each
    apart, in that order by the clocks. The author's copy hears of the decision first and
    refuses its own edit; the reopening, earlier than the edit, then lets it stand, as on
    every copy that heard of the three in another order. (Found by the convergence test.)"""
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    jonas = plan.join("Jonas Pirmininkas", "jonas@example.lt", role=Role.CHAIR)
    sec = plan.secretary
    remark = _remark(ona, plan, "Pradinis tekstas")
    sec.import_(ona.export(plan.folder / "ona.kplanbundle"))
    jonas.import_(sec.export(plan.folder / "to-jonas.kplanbundle", full=True))
    real = workspace_module.now_ms
    # A second apart each, in this order by the clocks (in one millisecond, each copy's
    # counter would order them).
    for seconds, change in enumerate((
        lambda: actions.answer_remark(sec.ws, remark, "accepted", "Priimta."),
        lambda: actions.answer_remark(jonas.ws, remark, "under_review", "Dar svarstoma."),
        lambda: actions.edit_remark(ona.ws, remark, {"text": "Pataisytas tekstas"}),
    ), start=1):
        monkeypatch.setattr(workspace_module, "now_ms", lambda s=seconds: real() + s * 1000)
        change()
    monkeypatch.setattr(workspace_module, "now_ms", real)
    # The secretary hears of the reopening, then of the edit; the author of the decision
    # and the reopening together, in one bundle whose decision comes first.
    sec.import_(jonas.export(plan.folder / "jonas.kplanbundle", full=True))
    sec.import_(ona.export(plan.folder / "edit.kplanbundle", full=True))
    union = sec.export(plan.folder / "union.kplanbundle", full=True)
    for copy in (ona, jonas):
        copy.import_(union)
    for copy in (sec, ona, jonas):
        row = queries.remark(copy.ws, remark)
        assert (row["text"], row["status"]) == ("Pataisytas tekstas", "under_review")
        assert copy.ws.conn.execute("SELECT COUNT(*) FROM refused_event").fetchone()[0] == 0
    assert logical_dump(ona.ws)["remark"] == logical_dump(sec.ws)["remark"]
