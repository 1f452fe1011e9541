"""The demo content: a plan tree of the right shape and size, and enough Lithuanian text."""

from __future__ import annotations

import re

import pytest

from kplan_desktop.demo import content
from kplan_desktop.demo.content import GROUPS, PLAN, DemoSection, walk

SECTIONS = walk(PLAN)
LITHUANIAN = set("ąčęėįšųūžĄČĘĖĮŠŲŪŽ")
# A sentence ends with . ! ? or … followed by the end, or by a space and a capital or a quote.
SENTENCE_END = re.compile(r"[.!?…](?=$|\s+[A-ZĄČĘĖĮŠŲŪŽ„0-9])")

CHILD_KINDS = {
    "vision": {"priority"},
    "priority": {"goal"},
    "goal": {"objective", "indicator"},
    "objective": {"measure", "indicator"},
    "measure": set(),
    "indicator": set(),
}


def sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text.strip()))


def test_plan_size() -> None:
    assert 140 <= len(SECTIONS) <= 170


def test_root_is_the_vision() -> None:
    assert PLAN.kind == "vision"
    assert PLAN.code == ""
    assert 3 <= len(PLAN.children) <= 4


def test_codes_are_unique() -> None:
    codes = [s.code for s in SECTIONS]
    assert len(codes) == len(set(codes))


def test_every_kind_is_present() -> None:
    kinds = {s.kind for s in SECTIONS}
    assert kinds == set(CHILD_KINDS)


def test_kind_hierarchy() -> None:
    for section in SECTIONS:
        for child in section.children:
            assert child.kind in CHILD_KINDS[section.kind], (section.code, child.code)


def test_codes_follow_the_tree() -> None:
    for section in SECTIONS:
        for child in section.children:
            if child.kind == "indicator":
                assert re.fullmatch(re.escape(section.code) + r"-R\d+", child.code), child.code
            elif section.kind == "vision":
                assert re.fullmatch(r"\d+", child.code), child.code
            else:
                assert re.fullmatch(re.escape(section.code) + r"\.\d+", child.code), child.code


def test_goals_and_objectives_have_indicators_and_children() -> None:
    for section in SECTIONS:
        kinds = [c.kind for c in section.children]
        if section.kind in ("goal", "objective"):
            assert "indicator" in kinds, section.code
        if section.kind == "goal":
            assert "objective" in kinds, section.code
        if section.kind == "objective":
            assert "measure" in kinds, section.code


def test_groups() -> None:
    assert len([g for g in GROUPS if g.kind == "coordination"]) == 1
    assert len([g for g in GROUPS if g.kind == "thematic"]) == 8
    assert len(GROUPS) == 9
    codes = [g.code for g in GROUPS]
    assert len(codes) == len(set(codes))
    for group in GROUPS:
        assert group.name
        assert 3 <= sentences(group.mandate) <= 5, group.code


def test_every_section_has_a_known_group() -> None:
    codes = {g.code for g in GROUPS}
    for section in SECTIONS:
        assert section.group in codes, section.code


def test_every_thematic_group_is_responsible_for_something() -> None:
    used = {s.group for s in SECTIONS}
    assert {g.code for g in GROUPS} <= used


def test_indicators_have_unit_baseline_and_target() -> None:
    indicators = [s for s in SECTIONS if s.kind == "indicator"]
    assert indicators
    for indicator in indicators:
        assert indicator.unit, indicator.code
        assert re.match(r"\d{4} m\. – ", indicator.baseline), indicator.code
        assert re.match(r"2030 m\. – ", indicator.target), indicator.code
        assert sentences(indicator.body) >= 1, indicator.code
        assert indicator.title


def test_other_sections_have_no_indicator_fields() -> None:
    for section in SECTIONS:
        if section.kind != "indicator":
            assert (section.unit, section.baseline, section.target) == ("", "", ""), section.code


def test_bodies_are_real_paragraphs() -> None:
    for section in SECTIONS:
        if section.kind == "indicator":
            continue
        assert len(section.body) >= 120, section.code
        assert 2 <= sentences(section.body) <= 6, section.code
        assert section.title, section.code


def test_bodies_are_distinct() -> None:
    bodies = [s.body for s in SECTIONS]
    assert len(bodies) == len(set(bodies))


def test_text_is_lithuanian() -> None:
    for section in SECTIONS:
        if section.kind != "indicator":
            assert LITHUANIAN & set(section.body), section.code
    everything = " ".join(s.title + " " + s.body for s in SECTIONS)
    missing = set("ąčęėįšųūž") - set(everything.lower())
    assert not missing, missing
    for word in ("Nemun", "Neri", "Laisvės alėj", "Žaliakalni", "Šanči", "Aleksot", "Vilijampol"):
        assert word in everything, word


def test_no_layout_characters_in_texts() -> None:
    for section in SECTIONS:
        for text in (section.title, section.body):
            assert text == text.strip()
            assert "  " not in text and "\n" not in text, section.code


def test_plan_title_and_period() -> None:
    assert content.PLAN_TITLE == "Kauno miesto savivaldybės strateginis plėtros planas iki 2030 m."
    assert content.PLAN_PERIOD == "2023–2030"


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        ("FIRST_NAMES_MALE", 25),
        ("FIRST_NAMES_FEMALE", 25),
        ("SURNAMES_MALE", 25),
        ("SURNAMES_FEMALE", 25),
        ("ORGANISATIONS", 15),
        ("PROPOSED_CHANGES", 40),
        ("JUSTIFICATIONS", 30),
        ("MEETING_PLACES", 8),
        ("AGENDA_ITEMS", 20),
        ("MINUTES_PARAGRAPHS", 20),
        ("DECISIONS", 20),
    ],
)
def test_list_lengths(name: str, minimum: int) -> None:
    items = getattr(content, name)
    assert isinstance(items, tuple)
    assert len(items) >= minimum
    assert len(set(items)) == len(items), "duplicates"
    assert all(isinstance(i, str) and i.strip() == i and i for i in items)


def test_gendered_names() -> None:
    assert all(n.endswith(("as", "is", "us", "ys", "a")) for n in content.SURNAMES_MALE)
    assert all(n.endswith(("ienė", "aitė", "ytė", "utė", "ūtė")) for n in content.SURNAMES_FEMALE)
    assert all(n.endswith(("as", "is", "us", "ius", "ys")) for n in content.FIRST_NAMES_MALE)
    assert all(n.endswith(("a", "ė")) for n in content.FIRST_NAMES_FEMALE)


def test_decisions_are_decisions() -> None:
    assert all(d.startswith("Nutarta: ") for d in content.DECISIONS)


def test_remark_texts() -> None:
    assert set(content.REMARK_TEXTS) == {"general", "technical", "editorial"}
    for kind, texts in content.REMARK_TEXTS.items():
        assert len(texts) >= 30, kind
        assert len(set(texts)) == len(texts), kind
        for text in texts:
            assert "{" not in text and "}" not in text, text
            assert text[-1] in ".!?", text


def test_responses() -> None:
    statuses = {"accepted", "partly_accepted", "rejected", "noted", "under_review"}
    assert set(content.RESPONSES) == statuses
    for status, texts in content.RESPONSES.items():
        assert len(texts) >= 12, status
        assert len(set(texts)) == len(texts), status
    assert all(t.startswith("Neatsižvelgta.") for t in content.RESPONSES["rejected"])
    # a rejection gives its reasons: more than the bare word
    assert all(sentences(t) >= 2 for t in content.RESPONSES["rejected"])


def test_rounds() -> None:
    assert len(content.ROUNDS) == 2
    previous_close = ""
    for name, opens, closes in content.ROUNDS:
        assert name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", opens)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", closes)
        assert previous_close < opens < closes
        previous_close = closes


def test_sections_are_immutable() -> None:
    with pytest.raises(AttributeError):
        PLAN.title = "x"  # type: ignore[misc]
    assert isinstance(PLAN.children[0], DemoSection)
