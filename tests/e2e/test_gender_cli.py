"""`kplan member add|update --gender`: a person's grammatical gender on the command line,
guessed from the name when not given, and judged as any change of a person's record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli import events, kplan, ok, refused
from .test_records_cli import expert_copy, members

pytestmark = pytest.mark.e2e


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "planas.kplan"
    ok(kplan("init", path, "--title", "Kauno strateginis plėtros planas",
             "--name", "Rūta Žemaitienė", "--email", "ruta@example.lt"))
    ok(kplan("group", "add", path, "--code", "APL", "--name", "Aplinkos grupė"))
    return path


def _genders(plan: Path) -> dict[str, str]:
    return {str(m["email"]): str(m["gender"]) for m in members(plan)}


def test_gender_guessed_given_and_changed(plan: Path) -> None:
    said = ok(kplan("member", "add", plan, "jonas@example.lt", "--group", "APL",
                    "--name", "Jonas Petraitis"))
    assert "gender: male (guessed from the name; change it with --gender)" in said
    said = ok(kplan("member", "add", plan, "lina@example.lt", "--group", "APL",
                    "--name", "Lina Urbonienė", "--role", "chair", "--gender", "unspecified"))
    assert "gender: unspecified." in said
    ok(kplan("member", "add", plan, "alex@example.lt", "--group", "APL", "--name", "Alex Kim"))
    assert _genders(plan) == {"ruta@example.lt": "female", "jonas@example.lt": "male",
                              "lina@example.lt": "unspecified", "alex@example.lt": "unspecified"}
    ok(kplan("member", "update", plan, "lina@example.lt", "--gender", "female"))
    ok(kplan("member", "update", plan, "jonas@example.lt", "--group", "APL", "--role",
             "secretary", "--gender", "unspecified"))
    genders = _genders(plan)
    assert (genders["lina@example.lt"], genders["jonas@example.lt"]) == ("female", "unspecified")


def test_gender_refusals_change_nothing(plan: Path, tmp_path: Path) -> None:
    ok(kplan("member", "add", plan, "ona@example.lt", "--group", "APL",
             "--name", "Ona Kazlauskaitė"))
    ok(kplan("member", "add", plan, "jonas@example.lt", "--group", "APL",
             "--name", "Jonas Petraitis"))
    before = events(plan)
    assert kplan("member", "update", plan, "ona@example.lt", "--gender", "other").returncode == 2
    assert "new person" in refused(kplan("member", "add", plan, "ona@example.lt", "--group",
                                         "KDG", "--gender", "male"))
    assert events(plan) == before
    # An expert's copy: her own gender, yes; another member's, no.
    copy = expert_copy(plan, tmp_path, "ona@example.lt")
    ok(kplan("member", "update", copy, "ona@example.lt", "--gender", "unspecified"))
    after_own = events(copy)
    assert "secretary or chair" in refused(kplan("member", "update", copy, "jonas@example.lt",
                                                 "--gender", "female"))
    assert events(copy) == after_own
    genders = _genders(copy)
    assert (genders["ona@example.lt"], genders["jonas@example.lt"]) == ("unspecified", "male")


def test_identity_says_this_copy_s_gender(plan: Path) -> None:
    ident = json.loads(ok(kplan("identity", plan, "--json")))
    assert ident["gender"] == "female"  # guessed from "Rūta Žemaitienė" at init
    ok(kplan("member", "update", plan, "ruta@example.lt", "--gender", "unspecified"))
    assert "Gender:      unspecified" in ok(kplan("identity", plan))
