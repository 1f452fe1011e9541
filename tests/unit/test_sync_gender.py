"""A person's gender travels in bundles like their name, judged by the same table: the
person themself or an officer of their group may set it, nobody else, and only to one of
the three values."""

from __future__ import annotations

from pathlib import Path

import pytest

from kplan_desktop.core.errors import PermissionDenied
from kplan_desktop.core.permissions import Refused
from kplan_desktop.store import actions, queries
from tests.unit.sync_support import Copy, ForgedFeed, Plan, feed_state, forge, new_plan, next_event


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return new_plan(tmp_path)


def _gender(copy: Copy, person_id: str) -> str:
    return str((queries.person(copy.ws, person_id) or {})["gender"])


def test_the_gender_set_on_one_copy_is_the_gender_on_the_others(plan: Plan) -> None:
    sec = plan.secretary
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    ona_id = ona.ws.identity.person_id
    jonas_id = actions.add_person(sec.ws, full_name="Jonas Kazlauskas", email="jonas@example.lt",
                                  group_id=plan.group_id)
    # Guessed from the names where they were added, and carried by the bundle.
    ona.import_(sec.export(plan.folder / "to-ona.kplanbundle", to=ona.fingerprint))
    assert _gender(sec, ona_id) == _gender(ona, ona_id) == "female"
    assert _gender(ona, jonas_id) == "male"
    # The secretary corrects one; the member changes her own: both travel.
    actions.update_person(sec.ws, jonas_id, {"gender": "unspecified"})
    actions.update_person(ona.ws, ona_id, {"gender": "unspecified"})
    ona.import_(sec.export(plan.folder / "fix.kplanbundle", to=ona.fingerprint))
    report = sec.import_(ona.export(plan.folder / "own.kplanbundle", to=sec.fingerprint))
    assert report.refused_count == 0
    assert _gender(ona, jonas_id) == _gender(sec, jonas_id) == "unspecified"
    assert _gender(sec, ona_id) == _gender(ona, ona_id) == "unspecified"


def test_a_member_cannot_set_another_person_s_gender_here_or_by_bundle(plan: Plan) -> None:
    sec = plan.secretary
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    jonas_id = actions.add_person(sec.ws, full_name="Jonas Kazlauskas", group_id=plan.group_id)
    ona.import_(sec.export(plan.folder / "to-ona.kplanbundle", to=ona.fingerprint))
    with pytest.raises(PermissionDenied):
        actions.update_person(ona.ws, jonas_id, {"gender": "female"})
    with pytest.raises(Refused), ona.ws.write() as w:
        w.put("person", jonas_id, {"gender": "female"})
    # A tampered copy sends it anyway: refused on import, the rest of the feed applies.
    device, person, *_ = feed_state(ona.ws)
    forged = next_event(ona.ws, entity="person", entity_id=jonas_id, fields={"gender": "female"})
    path = forge(plan.folder / "forged.kplanbundle", plan_id=sec.ws.identity.plan_id,
                 exporter=ona.key, exporter_device=device, exporter_person=person,
                 feeds=[ForgedFeed(ona.key, device, person, [forged])])
    report = sec.import_(path)
    assert report.applied == 0 and report.refused_count == 1
    assert "gender" in next(iter(report.refused))
    assert _gender(sec, jonas_id) == "male"


def test_a_gender_outside_the_three_values_is_refused(plan: Plan) -> None:
    sec = plan.secretary
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    ona_id = ona.ws.identity.person_id
    with pytest.raises(Refused), ona.ws.write() as w:
        w.put("person", ona_id, {"gender": "other"})
    device, person, *_ = feed_state(ona.ws)
    forged = next_event(ona.ws, entity="person", entity_id=ona_id, fields={"gender": "other"})
    path = forge(plan.folder / "odd.kplanbundle", plan_id=sec.ws.identity.plan_id,
                 exporter=ona.key, exporter_device=device, exporter_person=person,
                 feeds=[ForgedFeed(ona.key, device, person, [forged])])
    report = sec.import_(path)
    assert report.applied == 0 and report.refused_count == 1
    assert _gender(sec, ona_id) == "female"
