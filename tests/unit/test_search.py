"""Full-text search: diacritics-blind, kept current by triggers, safe with any user text."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kplan_desktop.store import actions, queries
from kplan_desktop.store.queries import RemarkFilter
from kplan_desktop.store.workspace import Workspace
from tests.helpers import make_plan

BODY = (
    "Ąžuolų alėjos Žaliakalnyje bus atnaujintos. Žaliųjų plotų dalis mieste iki 2030 m. "
    "padidės iki 40 proc., o Nemuno ir Neries krantinės taps patogios pėstiesiems."
)


class Plan:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.group = actions.add_group(ws, code="APL", name="Aplinkos grupė")
        self.section = actions.add_section(
            ws, parent_id=None, kind="goal", code="1.1", title="Žalesnis Kaunas", body=BODY,
            responsible_group_id=self.group,
        )
        self.oak = actions.add_remark(
            ws, section_id=self.section, remark_type="technical",
            text="Ąžuolų alėjų atnaujinimui reikia atskiro finansavimo.",
            quote="Ąžuolų alėjos", proposed="Numatyti lėšas 2026 m. biudžete.",
        )
        self.green = actions.add_remark(
            ws, section_id=self.section, remark_type="general",
            text="Žaliųjų plotų rodiklis per ambicingas.",
            justification="Dabartinė dalis tik 28 proc.",
        )
        self.river = actions.add_remark(
            ws, section_id=self.section, remark_type="editorial",
            text="Rašyti „Nemuno ir Neries“ santaką.",
        )


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[Plan]:
    with make_plan(tmp_path / "paieska.kplan") as ws:
        yield Plan(ws)


def search(ws: Workspace, text: str) -> set[str]:
    return set(queries.remark_ids(ws, RemarkFilter(search=text)))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("azuol", {"oak"}),
        ("Ąžuol", {"oak"}),
        ("AZUOLU", {"oak"}),
        ("zaliuju", {"green"}),
        ("ŽALIŲJŲ plotu", {"green"}),
        ("finansavimo", {"oak"}),
        ("biudzete", {"oak"}),  # the proposed change is searched too
        ("dabartine", {"green"}),  # and the justification
        ("neries", {"river"}),
        ("alej", {"oak"}),  # the last word is a prefix
        ("ąžuolų finansavim", {"oak"}),  # every word must occur
        ("ąžuolų rodiklis", set()),
        ("kiaulpienė", set()),
    ],
)
def test_search_is_diacritics_and_case_blind(plan: Plan, query: str, expected: set[str]) -> None:
    assert search(plan.ws, query) == {getattr(plan, name) for name in expected}


def test_search_covers_the_quoted_passage(plan: Plan) -> None:
    assert plan.oak in search(plan.ws, "alejos")


def test_answering_a_remark_makes_its_response_searchable(plan: Plan) -> None:
    assert search(plan.ws, "savivaldybes taryba") == set()
    actions.answer_remark(plan.ws, plan.green, "rejected",
                          "Rodiklį patvirtino Savivaldybės taryba, todėl jo nekeičiame.")
    assert search(plan.ws, "savivaldybes taryba") == {plan.green}
    actions.answer_remark(plan.ws, plan.green, "partly_accepted", "Iš dalies pritarta.")
    assert search(plan.ws, "savivaldybes") == set()
    assert search(plan.ws, "is dalies") == {plan.green}


def test_editing_a_remark_updates_the_index(plan: Plan) -> None:
    actions.edit_remark(plan.ws, plan.river, {"text": "Geriau rašyti „Nerijos“ santaka."})
    assert search(plan.ws, "neries") == set()
    assert search(plan.ws, "nerijos") == {plan.river}


def test_search_combines_with_other_filters(plan: Plan) -> None:
    flt = RemarkFilter(search="proc", types=("general",))
    assert queries.remark_ids(plan.ws, flt) == [plan.green]
    assert queries.count_remarks(plan.ws, RemarkFilter(search="proc")) == 1
    flt = RemarkFilter(search="proc", types=("editorial",))
    assert queries.remark_ids(plan.ws, flt) == []


def test_section_text_is_indexed_from_its_shown_revision(plan: Plan) -> None:
    def sections(text: str) -> list[str]:
        query = queries.fts_query(text)
        assert query is not None
        return [
            r[0] for r in plan.ws.conn.execute(
                "SELECT s.id FROM section s WHERE s.rowid IN"
                " (SELECT rowid FROM section_fts WHERE section_fts MATCH ?)", (query,))
        ]

    assert sections("zaliakalnyje") == [plan.section]
    assert sections("zalesnis") == [plan.section]
    actions.revise_section(plan.ws, plan.section, title="Žalias Kaunas",
                           body="Šilainių parkai bus sujungti dviračių takais.")
    assert sections("zaliakalnyje") == []
    assert sections("silainiu") == [plan.section]
    assert sections("zalias") == [plan.section]


NASTY = [
    '"', '""', '"ąžuolų', "*", "ąžuol*", "NEAR(", "NEAR(a b", "AND", "OR", "NOT", "a AND",
    "AND b", ")", "(", "-", "-ąžuolų", "a - b", "^", "+", ":", "text:ąžuolų", "{text}: a",
    "a OR", "'", "\\", "%", "_", "__", "ą_ž", "\x00", "\u0301", "̨a", "NEAR(\"a\" \"b\", 2)",
    "", "   ", "\n\t", "🙂", "🙂 ąžuolų", "ǅ", "ﬁnansavimo",
]


@pytest.mark.parametrize("text", NASTY)
def test_user_text_never_breaks_the_search(plan: Plan, text: str) -> None:
    found = queries.remark_ids(plan.ws, RemarkFilter(search=text))
    assert set(found) <= {plan.oak, plan.green, plan.river}
    queries.count_remarks(plan.ws, RemarkFilter(search=text))


def test_operators_are_only_words(plan: Plan) -> None:
    assert search(plan.ws, "ąžuolų OR rodiklis") == set()  # OR is a word, and it is not there
    assert search(plan.ws, "NEAR(ąžuolų") == set()
    assert search(plan.ws, '"ąžuolų"') == {plan.oak}
    assert search(plan.ws, "ąžuolų*") == {plan.oak}


def test_text_without_any_word_finds_nothing(plan: Plan) -> None:
    assert search(plan.ws, '"*()-') == set()


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40) | st.lists(
    st.sampled_from(['"', "*", "NEAR(", "AND", "OR", "NOT", ")", "(", "-", "^", ":", "ąžuol",
                     "text", " ", "+", "{", "}", ","]),
    max_size=10,
).map("".join))
def test_any_text_is_a_safe_search(plan: Plan, text: str) -> None:
    queries.remark_ids(plan.ws, RemarkFilter(search=text))


def test_decomposed_letters_are_searched_as_the_letters_they_are(plan: Plan) -> None:
    """Text pasted from a PDF or a Mac may spell "ą" as "a" and a combining ogonek."""
    decomposed = unicodedata.normalize("NFD", "Ąžuolų")
    assert len(decomposed) > len("Ąžuolų")
    assert search(plan.ws, decomposed) == {plan.oak}
    remark = actions.add_remark(plan.ws, section_id=plan.section, remark_type="general",
                                text=unicodedata.normalize("NFD", "Šilainių tvenkinys"))
    assert search(plan.ws, "silainiu") == {remark}
    assert search(plan.ws, "Šilainių tvenkinys") == {remark}
