"""A roster's new people get their gender from the role word when it says one ("sekretorė"),
else from the name; an existing person's gender is left as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kplan_desktop.documents import roster as rs
from kplan_desktop.store import actions, queries
from tests.helpers import make_plan

TODAY = dt.date.today().isoformat()


def test_role_words_that_say_a_gender() -> None:
    assert rs.gender_of_role("Darbo grupės pirmininkė") == "female"
    assert rs.gender_of_role("sekretore") == "female"
    assert rs.gender_of_role("Ekspertas") == "male"
    assert rs.gender_of_role("expert") is None
    assert rs.gender_of_role("") is None
    assert rs.gender_of_role("narys / narė") is None  # both: says nothing


def test_new_people_of_a_roster_get_the_gender_their_row_says(tmp_path: Path) -> None:
    ws = make_plan(tmp_path / "planas.kplan")
    try:
        group = actions.add_group(ws, code="APL", name="Aplinkos grupė")
        known = actions.add_person(ws, full_name="Jonas Petraitis", email="jonas@example.lt",
                                   group_id=group)
        actions.update_person(ws, known, {"gender": "unspecified"})
        path = tmp_path / "sarasas.csv"
        path.write_text(
            "Vardas Pavardė;El. paštas;Pareigos\n"
            "Lina Urbonienė;lina@example.lt;pirmininkė\n"
            "Alex Kim;alex@example.lt;sekretorė\n"
            "Tomas Kazlauskas;tomas@example.lt;\n"
            "Kim Lee;kim@example.lt;expert\n"
            "Jonas Petraitis;jonas@example.lt;ekspertas\n", encoding="utf-8")
        preview = rs.preview_roster(ws, group, rs.read_roster(path), TODAY)
        actions.apply_roster(ws, group, preview.changes)
        genders = {p["email"]: p["gender"] for p in queries.people(ws)}
        assert genders == {"ruta@example.lt": "female", "lina@example.lt": "female",
                           "alex@example.lt": "female", "tomas@example.lt": "male",
                           "kim@example.lt": "unspecified",
                           "jonas@example.lt": "unspecified"}  # kept as the record says
    finally:
        ws.close()
