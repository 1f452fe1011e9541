"""Every change a user makes, through the store's actions and the same rules everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kplan_desktop.core.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from kplan_desktop.core.model import Actor, RemarkStatus, Role
from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace
from tests.helpers import make_plan

BODY = (
    "Kaunas taps žalesniu miestu: bus sodinami medžiai, tvarkomi parkai. "
    "Parkai bus jungiami dviračių takais."
)


class Plan:
    """A plan with two thematic groups, their officers and experts."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.coordinator = ws.actor()  # the plan's creator: coordination secretary
        self.green = actions.add_group(ws, code="APL", name="Aplinkos grupė")
        self.water = actions.add_group(ws, code="VAN", name="Vandens grupė")
        self.expert = self._person("Ona Ąžuolienė", self.green, Role.EXPERT)
        self.other_expert = self._person("Jonas Petraitis", self.green, Role.EXPERT)
        self.green_secretary = self._person("Lina Žukauskienė", self.green, Role.SECRETARY)
        self.water_chair = self._person("Petras Upelis", self.water, Role.CHAIR)
        self.observer = self._person("Vida Stebėtoja", self.green, Role.OBSERVER)
        self.consultant = self._person("UAB Planas", self.green, Role.CONSULTANT)
        self.section = actions.add_section(
            ws, parent_id=None, kind="goal", code="1.1", title="Žalesnis Kaunas", body=BODY,
            responsible_group_id=self.green,
        )
        self.round = actions.add_round(ws, name="I svarstymo etapas", opens="2025-01-01",
                                       closes="2099-12-31")

    def _person(self, name: str, group: str, role: Role) -> Actor:
        person = actions.add_person(self.ws, full_name=name, group_id=group, role=role)
        return self.ws.actor(person)

    def remark(self, author: Actor | None = None, **extra: object) -> str:
        return actions.add_remark(
            self.ws, section_id=self.section, remark_type="technical",
            text="Trūksta medžių sodinimo plano.", actor=author or self.expert,
            **extra,  # type: ignore[arg-type]
        )

    def events(self) -> int:
        return int(self.ws.conn.execute("SELECT count(*) FROM event").fetchone()[0])

    def row(self, remark_id: str) -> dict[str, object]:
        found = queries.remark(self.ws, remark_id)
        assert found is not None
        return found


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[Plan]:
    with make_plan(tmp_path / "veiksmai.kplan") as ws:
        yield Plan(ws)


# --- writing remarks ---------------------------------------------------------------------------


def test_a_remark_records_its_passage_revision_author_group_and_round(plan: Plan) -> None:
    head = queries.section(plan.ws, plan.section)
    assert head is not None
    remark_id = plan.remark(quote="tvarkomi parkai", proposed="Įrašyti „ir skverai“.",
                            justification="Skverai taip pat svarbūs.")
    row = plan.row(remark_id)
    start = BODY.index("tvarkomi parkai")
    assert (row["quote"], row["quote_start"], row["quote_end"]) == (
        "tvarkomi parkai", start, start + len("tvarkomi parkai"))
    assert BODY[start : start + len("tvarkomi parkai")] == row["quote"]
    assert row["revision_id"] == head["head_revision_id"]
    assert row["author_id"] == plan.expert.person_id
    assert row["author_name"] == "Ona Ąžuolienė"
    assert row["group_code"] == "APL"
    assert row["round_id"] == plan.round
    assert row["status"] == "new"
    assert row["text_changed"] == 0
    assert (row["proposed"], row["justification"]) == (
        "Įrašyti „ir skverai“.", "Skverai taip pat svarbūs.")


def test_a_quote_start_picks_the_occurrence_meant(plan: Plan) -> None:
    second = BODY.index("arkai", BODY.index("arkai") + 1)
    remark_id = plan.remark(quote="arkai", quote_start=second)
    assert plan.row(remark_id)["quote_start"] == second
    # A stale start (text moved) falls back to where the passage is.
    remark_id = plan.remark(quote="dviračių takais", quote_start=3)
    assert plan.row(remark_id)["quote_start"] == BODY.index("dviračių takais")


def test_a_quote_not_in_the_text_is_refused(plan: Plan) -> None:
    before = plan.events()
    with pytest.raises(InvalidInput, match="does not occur"):
        plan.remark(quote="šito sakinio nėra")
    assert plan.events() == before


@pytest.mark.parametrize("text", ["", "   \n"])
def test_an_empty_remark_is_refused(plan: Plan, text: str) -> None:
    with pytest.raises(InvalidInput):
        actions.add_remark(plan.ws, section_id=plan.section, remark_type="general", text=text,
                           actor=plan.expert)


def test_bad_type_and_missing_section_are_refused(plan: Plan) -> None:
    with pytest.raises(InvalidInput):
        actions.add_remark(plan.ws, section_id=plan.section, remark_type="svarbi", text="x",
                           actor=plan.expert)
    with pytest.raises(NotFound):
        actions.add_remark(plan.ws, section_id="no-such", remark_type="general", text="x",
                           actor=plan.expert)


@pytest.mark.parametrize("who", ["observer", "consultant"])
def test_observers_and_consultants_cannot_write_remarks(plan: Plan, who: str) -> None:
    before = plan.events()
    with pytest.raises(PermissionDenied):
        plan.remark(getattr(plan, who))
    assert plan.events() == before


def test_officers_and_coordination_write_remarks_too(plan: Plan) -> None:
    for author in (plan.green_secretary, plan.water_chair, plan.coordinator):
        remark_id = plan.remark(author)
        assert plan.row(remark_id)["author_id"] == author.person_id


# --- answering ----------------------------------------------------------------------------------


def test_an_experts_copy_cannot_answer_remarks(plan: Plan) -> None:
    remark_id = plan.remark(plan.other_expert)
    before = plan.events()
    for status in ("accepted", "under_review", "noted"):
        with pytest.raises(PermissionDenied, match="secretary or chair"):
            actions.answer_remark(plan.ws, remark_id, status, "Pritarta.", actor=plan.expert)
    # Not even their own remark.
    own = plan.remark(plan.expert)
    with pytest.raises(PermissionDenied):
        actions.answer_remark(plan.ws, own, "accepted", "", actor=plan.expert)
    assert plan.events() == before + 1
    assert plan.row(remark_id)["status"] == "new"


def test_another_groups_officer_cannot_answer(plan: Plan) -> None:
    remark_id = plan.remark()
    with pytest.raises(PermissionDenied):
        actions.answer_remark(plan.ws, remark_id, "accepted", "", actor=plan.water_chair)
    assert plan.row(remark_id)["status"] == "new"


@pytest.mark.parametrize("who", ["green_secretary", "coordinator"])
def test_the_groups_officer_or_coordination_answers(plan: Plan, who: str) -> None:
    officer: Actor = getattr(plan, who)
    remark_id = plan.remark()
    actions.answer_remark(plan.ws, remark_id, "under_review", actor=officer)
    actions.answer_remark(plan.ws, remark_id, RemarkStatus.REJECTED,
                          "  Neatitinka bendrojo plano.  ", actor=officer)
    row = plan.row(remark_id)
    assert (row["status"], row["response"]) == ("rejected", "Neatitinka bendrojo plano.")
    assert row["responded_by"] == officer.person_id
    assert row["responded_at"]


def test_rejecting_needs_reasons_and_nothing_is_written_without_them(plan: Plan) -> None:
    remark_id = plan.remark()
    before = plan.events()
    with pytest.raises(InvalidTransition, match="response"):
        actions.answer_remark(plan.ws, remark_id, "rejected", "  ", actor=plan.green_secretary)
    with pytest.raises(InvalidTransition):
        actions.answer_remark(plan.ws, remark_id, "partly_accepted", actor=plan.green_secretary)
    assert plan.events() == before


def test_answering_many_is_all_or_nothing(plan: Plan) -> None:
    mine = plan.remark()
    # A remark given through the water group on a green section: the green secretary may
    # answer it, but a remark on a water section through the water group they may not.
    water_section = actions.add_section(plan.ws, parent_id=None, kind="goal", code="2.1",
                                        title="Švarus vanduo", body="Vanduo bus švarus.",
                                        responsible_group_id=plan.water)
    theirs = actions.add_remark(plan.ws, section_id=water_section, remark_type="general",
                                text="Gerai.", actor=plan.water_chair)
    before = plan.events()
    with pytest.raises(PermissionDenied):
        actions.answer_remarks(plan.ws, [mine, theirs], "accepted", "Pritarta.",
                               actor=plan.green_secretary)
    assert plan.events() == before
    assert plan.row(mine)["status"] == "new"
    assert actions.answer_remarks(plan.ws, [mine, theirs], "noted", "",
                                  actor=plan.coordinator) == 2
    assert {plan.row(i)["status"] for i in (mine, theirs)} == {"noted"}


def test_answer_of_an_unknown_remark_says_so(plan: Plan) -> None:
    with pytest.raises(NotFound):
        actions.answer_remark(plan.ws, "no-such-remark", "accepted", actor=plan.coordinator)


# --- editing and withdrawing --------------------------------------------------------------------


def test_the_author_edits_own_remark_while_it_is_open(plan: Plan) -> None:
    remark_id = plan.remark()
    actions.edit_remark(plan.ws, remark_id, {"text": "Patikslinta pastaba.", "type": "editorial"},
                        actor=plan.expert)
    row = plan.row(remark_id)
    assert (row["text"], row["type"]) == ("Patikslinta pastaba.", "editorial")
    actions.answer_remark(plan.ws, remark_id, "accepted", "", actor=plan.green_secretary)
    with pytest.raises(InvalidTransition, match="answered"):
        actions.edit_remark(plan.ws, remark_id, {"text": "Vėlu."}, actor=plan.expert)


@pytest.mark.parametrize("who", ["other_expert", "green_secretary", "coordinator"])
def test_nobody_else_edits_a_remark(plan: Plan, who: str) -> None:
    remark_id = plan.remark()
    with pytest.raises(PermissionDenied, match="own remarks"):
        actions.edit_remark(plan.ws, remark_id, {"text": "Kito tekstas."},
                            actor=getattr(plan, who))
    assert plan.row(remark_id)["text"] == "Trūksta medžių sodinimo plano."


def test_editing_other_fields_is_a_bug_not_a_permission(plan: Plan) -> None:
    remark_id = plan.remark()
    with pytest.raises(ValueError, match="status"):
        actions.edit_remark(plan.ws, remark_id, {"status": "accepted"}, actor=plan.expert)


def test_the_author_withdraws_while_open_and_may_take_it_back(plan: Plan) -> None:
    remark_id = plan.remark()
    actions.withdraw_remark(plan.ws, remark_id, actor=plan.expert)
    assert plan.row(remark_id)["status"] == "withdrawn"
    actions.set_own_remark_status(plan.ws, remark_id, RemarkStatus.NEW, actor=plan.expert)
    assert plan.row(remark_id)["status"] == "new"
    actions.answer_remark(plan.ws, remark_id, "under_review", actor=plan.green_secretary)
    actions.withdraw_remark(plan.ws, remark_id, actor=plan.expert)
    assert plan.row(remark_id)["status"] == "withdrawn"


def test_an_answered_remark_cannot_be_withdrawn(plan: Plan) -> None:
    remark_id = plan.remark()
    actions.answer_remark(plan.ws, remark_id, "accepted", "Pritarta.", actor=plan.coordinator)
    with pytest.raises(InvalidTransition, match="withdrawn"):
        actions.withdraw_remark(plan.ws, remark_id, actor=plan.expert)
    assert plan.row(remark_id)["status"] == "accepted"


@pytest.mark.parametrize("who", ["green_secretary", "coordinator", "other_expert"])
def test_nobody_but_the_author_withdraws(plan: Plan, who: str) -> None:
    remark_id = plan.remark()
    officer: Actor = getattr(plan, who)
    with pytest.raises(PermissionDenied):
        actions.withdraw_remark(plan.ws, remark_id, actor=officer)
    with pytest.raises((InvalidTransition, PermissionDenied)):
        actions.answer_remark(plan.ws, remark_id, "withdrawn", actor=officer)
    assert plan.row(remark_id)["status"] == "new"


# --- sections and the remarks on them ------------------------------------------------------------


def test_revising_a_section_flags_the_remarks_made_on_the_old_text(plan: Plan) -> None:
    remark_id = plan.remark(quote="tvarkomi parkai")
    assert queries.section_quotes(plan.ws, plan.section) == [
        (BODY.index("tvarkomi parkai"), BODY.index("tvarkomi parkai") + 15, remark_id, "new")
    ]
    old_revision = plan.row(remark_id)["revision_id"]
    new_revision = actions.revise_section(
        plan.ws, plan.section, title="Žalesnis Kaunas",
        body=BODY.replace("tvarkomi parkai", "tvarkomi parkai ir skverai"),
        actor=plan.green_secretary,
    )
    assert new_revision is not None
    row = plan.row(remark_id)
    assert row["text_changed"] == 1
    assert row["revision_id"] == old_revision  # the remark keeps the text it was made on
    assert queries.section_quotes(plan.ws, plan.section) == []
    fresh = plan.remark()
    assert plan.row(fresh)["text_changed"] == 0
    assert plan.row(fresh)["revision_id"] == new_revision


def test_revising_without_a_change_makes_no_revision(plan: Plan) -> None:
    before = plan.events()
    assert actions.revise_section(plan.ws, plan.section, title="Žalesnis Kaunas", body=BODY,
                                  actor=plan.green_secretary) is None
    assert plan.events() == before


@pytest.mark.parametrize("who", ["expert", "water_chair", "observer"])
def test_only_the_responsible_group_or_coordination_revises(plan: Plan, who: str) -> None:
    before = plan.events()
    with pytest.raises(PermissionDenied):
        actions.revise_section(plan.ws, plan.section, title="Kita", body="Kitas tekstas.",
                               actor=getattr(plan, who))
    with pytest.raises(PermissionDenied):
        actions.update_section(plan.ws, plan.section, {"state": "agreed"},
                               actor=getattr(plan, who))
    assert plan.events() == before
    actions.update_section(plan.ws, plan.section, {"state": "in_review"},
                           actor=plan.coordinator)
    section = queries.section(plan.ws, plan.section)
    assert section is not None and section["state"] == "in_review"


def test_a_group_officer_cannot_hand_a_section_to_a_group_they_do_not_run(plan: Plan) -> None:
    with pytest.raises(PermissionDenied):
        actions.update_section(plan.ws, plan.section, {"responsible_group_id": plan.water},
                               actor=plan.green_secretary)


# --- group records -----------------------------------------------------------------------------


def test_records_of_a_group_are_kept_by_its_officers_only(plan: Plan) -> None:
    meeting = actions.add_meeting(plan.ws, group_id=plan.green, date="2025-03-12",
                                  place="Rotušė", present=[plan.expert.person_id],
                                  absent=[plan.other_expert.person_id],
                                  actor=plan.green_secretary)
    assert [(a["full_name"], a["present"]) for a in queries.attendance(plan.ws, meeting)] == [
        ("Jonas Petraitis", 0), ("Ona Ąžuolienė", 1)]
    for outsider in (plan.water_chair, plan.expert, plan.observer):
        with pytest.raises(PermissionDenied):
            actions.update_meeting(plan.ws, meeting, {"place": "Kitur"}, actor=outsider)
        with pytest.raises(PermissionDenied):
            actions.add_person(plan.ws, full_name="Naujas Narys", group_id=plan.green,
                               actor=outsider)
    actions.update_meeting(plan.ws, meeting, {"minutes": "Nutarta pritarti."},
                           actor=plan.coordinator)
    with pytest.raises(PermissionDenied):
        actions.add_group(plan.ws, code="NEW", name="Nauja", actor=plan.green_secretary)
    with pytest.raises(PermissionDenied):
        actions.add_round(plan.ws, name="II", opens="2025-05-01", closes="2025-06-01",
                          actor=plan.green_secretary)


def test_a_meeting_date_must_be_a_date(plan: Plan) -> None:
    with pytest.raises(InvalidInput, match="not a date"):
        actions.add_meeting(plan.ws, group_id=plan.green, date="kovo 12",
                            actor=plan.green_secretary)


def test_an_ended_membership_no_longer_gives_rights(plan: Plan) -> None:
    member = queries.members(plan.ws, plan.green)
    secretary = next(m for m in member if m["person_id"] == plan.green_secretary.person_id)
    actions.update_membership(plan.ws, secretary["id"], {"until": "2020-01-01"},
                              actor=plan.coordinator)
    former = plan.ws.actor(plan.green_secretary.person_id)
    remark_id = plan.remark()
    with pytest.raises(PermissionDenied):
        actions.answer_remark(plan.ws, remark_id, "accepted", actor=former)


def test_a_remark_with_a_broken_character_is_refused_and_nothing_written(plan: Plan) -> None:
    before = plan.events()
    with pytest.raises(InvalidInput, match="broken character"):
        actions.add_remark(plan.ws, section_id=plan.section, remark_type="general",
                           text="Pastaba su \udcc4 simboliu.", actor=plan.expert)
    assert plan.events() == before
    assert not plan.ws.conn.in_transaction


def test_no_new_remark_on_a_section_a_draft_removed(plan: Plan) -> None:
    actions.update_section(plan.ws, plan.section, {"deleted": 1})
    with pytest.raises(InvalidInput, match="removed from the latest draft"):
        plan.remark()


def test_a_text_changed_and_changed_back_does_not_flag_its_remarks(plan: Plan) -> None:
    """An undone draft import writes the old text as a new revision: not a change."""
    remark_id = plan.remark(quote="tvarkomi parkai")
    actions.revise_section(plan.ws, plan.section, title="Žalesnis Kaunas", body=BODY + " Nauja.")
    assert plan.row(remark_id)["text_changed"]
    actions.revise_section(plan.ws, plan.section, title="Žalesnis Kaunas", body=BODY)
    assert not plan.row(remark_id)["text_changed"]
