"""The domain rules, as plain functions: no Qt, no SQL."""

from __future__ import annotations

import itertools

import pytest

from kplan_desktop.core import rules
from kplan_desktop.core.errors import InvalidTransition, KPlanError, PermissionDenied
from kplan_desktop.core.model import (
    DECISIONS,
    Actor,
    GroupKind,
    Membership,
    RemarkStatus,
    Role,
)

S = RemarkStatus
GREEN = "green-group"
WATER = "water-group"
COORD = "coord-group"


def actor(person: str, *memberships: tuple[str, Role]) -> Actor:
    return Actor(
        person,
        tuple(
            Membership(g, GroupKind.COORDINATION if g == COORD else GroupKind.THEMATIC, r)
            for g, r in memberships
        ),
    )


EXPERT = actor("ona", (GREEN, Role.EXPERT))
GREEN_SECRETARY = actor("jonas", (GREEN, Role.SECRETARY))
GREEN_CHAIR = actor("petras", (GREEN, Role.CHAIR))
COORD_SECRETARY = actor("ruta", (COORD, Role.SECRETARY))
COORD_CHAIR = actor("algis", (COORD, Role.CHAIR))
COORD_EXPERT = actor("vida", (COORD, Role.EXPERT))
OBSERVER = actor("lina", (GREEN, Role.OBSERVER))
CONSULTANT = actor("firma", (GREEN, Role.CONSULTANT))
NOBODY = actor("svecias")


# --- status transitions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (S.NEW, S.UNDER_REVIEW),
        (S.NEW, S.ACCEPTED),
        (S.NEW, S.NOTED),
        (S.UNDER_REVIEW, S.ACCEPTED),
        (S.UNDER_REVIEW, S.REJECTED),
        (S.UNDER_REVIEW, S.PARTLY_ACCEPTED),
        (S.ACCEPTED, S.UNDER_REVIEW),  # reopened
        (S.REJECTED, S.ACCEPTED),  # decision revised
        (S.NOTED, S.NOTED),  # no change is always fine
    ],
)
def test_officer_may_make_legal_moves(old: RemarkStatus, new: RemarkStatus) -> None:
    rules.check_transition(old, new, by_author=False, response="Motyvai: žr. protokolą.")
    assert new == old or new in rules.allowed_answers(old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (S.UNDER_REVIEW, S.NEW),
        (S.ACCEPTED, S.NEW),
        (S.WITHDRAWN, S.ACCEPTED),
        (S.WITHDRAWN, S.UNDER_REVIEW),
        (S.NEW, S.WITHDRAWN),  # an officer cannot withdraw someone's remark
        (S.UNDER_REVIEW, S.WITHDRAWN),
    ],
)
def test_officer_is_refused_illegal_moves(old: RemarkStatus, new: RemarkStatus) -> None:
    with pytest.raises(InvalidTransition) as info:
        rules.check_transition(old, new, by_author=False, response="Motyvai.")
    assert old.value in str(info.value) and new.value in str(info.value)


def test_no_status_leads_back_to_new_or_out_of_withdrawn_for_an_officer() -> None:
    for old, new in itertools.product(S, S):
        if new == old:
            continue
        allowed = new in rules.allowed_answers(old)
        if new in (S.NEW, S.WITHDRAWN) or old is S.WITHDRAWN:
            assert not allowed, (old, new)


@pytest.mark.parametrize("new", [S.REJECTED, S.PARTLY_ACCEPTED])
@pytest.mark.parametrize("response", ["", "   \n\t"])
def test_rejected_or_partly_accepted_needs_reasons(new: RemarkStatus, response: str) -> None:
    with pytest.raises(InvalidTransition, match="response"):
        rules.check_transition(S.UNDER_REVIEW, new, by_author=False, response=response)
    rules.check_transition(S.UNDER_REVIEW, new, by_author=False, response="Prieštarauja BP.")


@pytest.mark.parametrize("new", [S.ACCEPTED, S.NOTED, S.UNDER_REVIEW])
def test_other_answers_need_no_response(new: RemarkStatus) -> None:
    rules.check_transition(S.NEW, new, by_author=False, response="")


@pytest.mark.parametrize("old", [S.NEW, S.UNDER_REVIEW])
def test_author_may_withdraw_while_open(old: RemarkStatus) -> None:
    rules.check_transition(old, S.WITHDRAWN, by_author=True, response="")


@pytest.mark.parametrize("old", sorted(DECISIONS))
def test_author_may_not_withdraw_an_answered_remark(old: RemarkStatus) -> None:
    with pytest.raises(InvalidTransition, match="withdrawn"):
        rules.check_transition(old, S.WITHDRAWN, by_author=True, response="x")


def test_author_may_take_a_withdrawal_back_but_not_answer_it() -> None:
    rules.check_transition(S.WITHDRAWN, S.NEW, by_author=True, response="")
    with pytest.raises(InvalidTransition):
        rules.check_transition(S.WITHDRAWN, S.ACCEPTED, by_author=True, response="")


def test_errors_are_one_sentence_from_a_template() -> None:
    with pytest.raises(KPlanError) as info:
        rules.check_transition(S.ACCEPTED, S.NEW, by_author=False, response="")
    err = info.value
    assert "{old}" in err.template
    assert err.render() == str(err)
    assert err.render("Negalima: {old} -> {new}.") == "Negalima: accepted -> new."
    assert "\n" not in str(err)


# --- who may change what ---------------------------------------------------------------------


def test_expert_edits_only_own_remarks_and_only_while_open() -> None:
    rules.check_edit_remark(EXPERT, "ona", S.NEW)
    rules.check_edit_remark(EXPERT, "ona", S.UNDER_REVIEW)
    with pytest.raises(PermissionDenied):
        rules.check_edit_remark(EXPERT, "jonas", S.NEW)
    with pytest.raises(InvalidTransition):
        rules.check_edit_remark(EXPERT, "ona", S.ACCEPTED)


def test_not_even_coordination_edits_someone_elses_remark_text() -> None:
    for officer in (GREEN_SECRETARY, COORD_SECRETARY, COORD_CHAIR):
        assert not rules.may_edit_remark(officer, "ona")
        with pytest.raises(PermissionDenied):
            rules.check_edit_remark(officer, "ona", S.NEW)


def test_expert_cannot_answer_edit_sections_or_keep_records() -> None:
    assert not rules.may_answer(EXPERT, GREEN, GREEN)
    with pytest.raises(PermissionDenied):
        rules.check_answer(EXPERT, GREEN, GREEN)
    with pytest.raises(PermissionDenied):
        rules.check_edit_section(EXPERT, GREEN)
    with pytest.raises(PermissionDenied):
        rules.check_keep_records(EXPERT, GREEN)
    with pytest.raises(PermissionDenied):
        rules.check_coordinate(EXPERT)


@pytest.mark.parametrize("officer", [GREEN_SECRETARY, GREEN_CHAIR], ids=["secretary", "chair"])
def test_group_officer_runs_own_group_only(officer: Actor) -> None:
    # Answers: remarks given through the group, or on a section the group is responsible for.
    assert rules.may_answer(officer, GREEN, WATER)
    assert rules.may_answer(officer, WATER, GREEN)
    assert not rules.may_answer(officer, WATER, WATER)
    with pytest.raises(PermissionDenied):
        rules.check_answer(officer, WATER, WATER)
    rules.check_edit_section(officer, GREEN)
    with pytest.raises(PermissionDenied):
        rules.check_edit_section(officer, WATER)
    rules.check_keep_records(officer, GREEN)
    with pytest.raises(PermissionDenied):
        rules.check_keep_records(officer, WATER)
    with pytest.raises(PermissionDenied):
        rules.check_coordinate(officer)
    assert not rules.may_edit_section(officer, None)


@pytest.mark.parametrize("coordinator", [COORD_SECRETARY, COORD_CHAIR], ids=["secretary", "chair"])
def test_coordination_officers_may_do_everything(coordinator: Actor) -> None:
    for group in (GREEN, WATER, None):
        assert rules.may_answer(coordinator, group, group)
        rules.check_edit_section(coordinator, group)
        rules.check_keep_records(coordinator, group)
    rules.check_coordinate(coordinator)
    assert rules.may_write_remarks(coordinator)


def test_a_coordination_group_expert_is_only_an_expert() -> None:
    assert not COORD_EXPERT.coordinates
    assert not rules.may_answer(COORD_EXPERT, GREEN, GREEN)
    with pytest.raises(PermissionDenied):
        rules.check_coordinate(COORD_EXPERT)
    assert rules.may_write_remarks(COORD_EXPERT)


@pytest.mark.parametrize("reader", [OBSERVER, CONSULTANT, NOBODY],
                         ids=["observer", "consultant", "no group"])
def test_observers_consultants_and_outsiders_cannot_write_remarks(reader: Actor) -> None:
    assert not rules.may_write_remarks(reader)
    assert not rules.may_answer(reader, GREEN, GREEN)


def test_experts_and_officers_write_remarks() -> None:
    for someone in (EXPERT, GREEN_SECRETARY, GREEN_CHAIR, COORD_SECRETARY):
        assert rules.may_write_remarks(someone)


def test_an_observer_who_is_also_an_expert_elsewhere_writes_remarks() -> None:
    both = actor("mindaugas", (GREEN, Role.OBSERVER), (WATER, Role.EXPERT))
    assert rules.may_write_remarks(both)
    assert both.home_group == GREEN


def test_home_group_prefers_a_thematic_group() -> None:
    both = actor("ruta", (COORD, Role.SECRETARY), (WATER, Role.EXPERT))
    assert both.home_group == WATER
    assert COORD_SECRETARY.home_group == COORD
    assert NOBODY.home_group is None
