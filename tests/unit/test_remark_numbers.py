"""Remark identifiers ("KUL-012"): numbered by the secretary's copy, the same on every copy,
clashes of copies numbering offline settled alike everywhere, found by search."""

from __future__ import annotations

from pathlib import Path

import pytest

from kplan_desktop.core.identifiers import derive_prefix, format_identifier, parse_identifier
from kplan_desktop.core.model import GroupKind, Role, SectionKind
from kplan_desktop.core.permissions import Refused
from kplan_desktop.store import actions, queries, remark_numbers
from tests.helpers import make_plan
from tests.unit.sync_support import Copy, logical_dump, new_plan


def _ids(copy: Copy) -> dict[str, str]:
    ids = [r[0] for r in copy.ws.conn.execute("SELECT id FROM remark")]
    return remark_numbers.identifiers(copy.ws.conn, ids)


def _remark(copy: Copy, section_id: str, text: str) -> str:
    return actions.add_remark(copy.ws, section_id=section_id, remark_type="general", text=text)


def test_prefixes_are_derived_from_the_code_and_unique() -> None:
    assert derive_prefix("kultura", set()) == "KUL"
    assert derive_prefix("kultūros_paveldas", {"KUL"}) == "KULT"
    assert derive_prefix("KDG", set()) == "KDG"
    assert derive_prefix("T1", set()) == "TXX"
    assert format_identifier("KUL", 12, "0186-abcd") == "KUL-012"
    assert format_identifier("KUL", 12, "0186-abcd", rank=1) == "KUL-012b"
    assert format_identifier("KUL", None, "0186-9f3e-ab12") == "KUL-?ab12"
    assert parse_identifier("kul-12") == ("KUL", 12, "")
    assert parse_identifier(" KUL-012b ") == ("KUL", 12, "")
    assert parse_identifier("KUL-?AB12") == ("KUL", None, "ab12")
    assert parse_identifier("apie 2030") is None


def test_the_secretary_copy_numbers_its_own_remark_at_once(tmp_path: Path) -> None:
    ws = make_plan(tmp_path / "plan.kplan")
    group = actions.add_group(ws, code="kultura", name="Kultūra", kind=GroupKind.THEMATIC)
    section = actions.add_section(ws, parent_id=None, kind=SectionKind.GOAL, code="1",
                                  title="Tikslas", body="Tekstas.", responsible_group_id=group)
    first = actions.add_remark(ws, section_id=section, remark_type="general", text="Viena.")
    second = actions.add_remark(ws, section_id=section, remark_type="general", text="Kita.")
    # The coordination secretary's own remarks go through the coordination group (KDG).
    rows = queries.remark_rows(ws, [first, second])
    assert [rows[first]["identifier"], rows[second]["identifier"]] == ["KDG-001", "KDG-002"]
    # Typing the identifier finds the remark; its words still find others as ever.
    found = queries.remark_ids(ws, queries.RemarkFilter(search="kdg-2"))
    assert found == [second]
    assert queries.remark_ids(ws, queries.RemarkFilter(search="Viena")) == [first]


def test_an_expert_copy_neither_numbers_nor_may_number(tmp_path: Path) -> None:
    plan = new_plan(tmp_path)
    expert = plan.join("Ona Onaitė", "ona@example.lt")
    remark = _remark(expert, plan.section_id, "Pastaba.")
    assert _ids(expert)[remark].startswith("TXX-?")
    with pytest.raises(Refused), expert.ws.write() as w:
        w.put("remark", remark, {"number": 7})
    # The secretary's copy stamps it when the expert's bundle comes in.
    plan.secretary.import_(expert.export(tmp_path / "e.kplanbundle"))
    assert _ids(plan.secretary)[remark] == "TXX-001"
    # ...and a number, once given, is not given again, not even by the secretary.
    with pytest.raises(Refused), plan.secretary.ws.write() as w:
        w.put("remark", remark, {"number": 9})


def test_copies_numbering_offline_at_once_converge(tmp_path: Path) -> None:
    plan = new_plan(tmp_path)
    coordination = plan.secretary
    group_secretary = plan.join("Gintarė Gintarienė", "g@example.lt", Role.SECRETARY)
    ona = plan.join("Ona Onaitė", "ona@example.lt")
    jonas = plan.join("Jonas Jonaitis", "jonas@example.lt")
    group_secretary.import_(coordination.export(tmp_path / "all.kplanbundle", full=True))
    for other in (ona, jonas):
        group_secretary.trust(other)
        ona.trust(group_secretary)

    first = _remark(ona, plan.section_id, "Ona rašo.")
    second = _remark(jonas, plan.section_id, "Jonas rašo.")
    # Offline: the group secretary numbers Ona's remark, then the coordination secretary
    # Jonas's; both give number 1. Then both get Ona's next remark and number it twice.
    group_secretary.import_(ona.export(tmp_path / "ona1.kplanbundle", full=True))
    coordination.import_(jonas.export(tmp_path / "jonas1.kplanbundle", full=True))
    third = _remark(ona, plan.section_id, "Ona dar rašo.")
    group_secretary.import_(ona.export(tmp_path / "ona2.kplanbundle", full=True))
    coordination.import_(ona.export(tmp_path / "ona3.kplanbundle", full=True))
    from_group = group_secretary.export(tmp_path / "gs.kplanbundle", full=True)
    from_coordination = coordination.export(tmp_path / "co.kplanbundle", full=True)

    # An expert's copy that sees both shows the clash as it stands: the earlier numbering
    # keeps the number, the later has a letter.
    ona.import_(from_group)
    ona.import_(from_coordination)
    shown = _ids(ona)
    assert shown[first] == "TXX-001"
    assert shown[second] == "TXX-001b"

    # The secretaries exchange: each settles the clash the same way, whatever the order.
    coordination.import_(from_group)
    group_secretary.import_(from_coordination)
    coordination.import_(group_secretary.export(tmp_path / "gs2.kplanbundle"))
    group_secretary.import_(coordination.export(tmp_path / "co2.kplanbundle"))
    ona.import_(coordination.export(tmp_path / "co3.kplanbundle", full=True))
    ona.import_(group_secretary.export(tmp_path / "gs3.kplanbundle", full=True))

    final = _ids(coordination)
    assert final == _ids(group_secretary) == _ids(ona)
    assert len(set(final.values())) == 3 and not any("?" in i for i in final.values())
    assert final[first] == "TXX-001"
    renumbered = coordination.ws.conn.execute(
        "SELECT renumbered_from FROM remark WHERE id = ?", (second,)).fetchone()[0]
    assert renumbered == 1  # "TXX-001" typed still finds both it and the keeper
    assert set(queries.remark_ids(coordination.ws, queries.RemarkFilter(search="TXX-001"))) \
        == {first, second}
    for table in ("remark", "work_group"):
        assert logical_dump(coordination.ws)[table] == logical_dump(group_secretary.ws)[table]
    assert third in final


def test_a_number_in_an_expert_bundle_is_refused(tmp_path: Path) -> None:
    """The same table judges imports: an expert who numbers their own remark in a crafted
    bundle gets that change refused, and the secretary's copy numbers the remark itself."""
    from tests.unit.sync_support import ForgedFeed, feed_state, forge, next_event

    plan = new_plan(tmp_path)
    expert = plan.join("Ona Onaitė", "ona@example.lt")
    remark = _remark(expert, plan.section_id, "Pastaba.")
    numbered = next_event(expert.ws, entity="remark", entity_id=remark, fields={"number": 500})
    # The remark's own creation first, then the crafted numbering right after it.
    plan.secretary.import_(expert.export(tmp_path / "e.kplanbundle"))
    device, person, *_ = feed_state(expert.ws)
    path = forge(tmp_path / "forged.kplanbundle", plan_id=plan.secretary.ws.identity.plan_id,
                 exporter=expert.key, exporter_device=device, exporter_person=person,
                 feeds=[ForgedFeed(expert.key, device, person, [numbered])])
    report = plan.secretary.import_(path)
    assert report.refused_count == 1
    assert _ids(plan.secretary)[remark] == "TXX-001"
