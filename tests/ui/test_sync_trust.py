"""The Sync page, trusting a key: the question names the person the key will belong to, a
refusal is said in the page, and changes held for a key apply once it is trusted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from kplan_desktop.core.ids import uuid7
from kplan_desktop.core.model import Role
from kplan_desktop.store import actions, queries
from kplan_desktop.sync import trust
from kplan_desktop.sync.identity import join_plan
from kplan_desktop.sync.keys import KeyStore
from kplan_desktop.ui.operations import Operations
from kplan_desktop.ui.sync_page import Preview, SyncPage
from tests.unit.sync_support import Copy, ForgedFeed, Plan, forge, new_plan, next_event


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return new_plan(tmp_path)


@pytest.fixture
def page(qtbot: QtBot, plan: Plan) -> Iterator[SyncPage]:
    ops = Operations(None)
    widget = SyncPage(plan.secretary.ws.path, ops)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    ops.wait()


def _member(plan: Plan, name: str, email: str) -> Copy:
    """A member the secretary added, who joined from a full bundle; the secretary has not
    confirmed their key yet."""
    actions.add_person(plan.secretary.ws, full_name=name, email=email, group_id=plan.group_id,
                       role=Role.EXPERT)
    full = plan.secretary.export(plan.folder / f"full-for-{email}.kplanbundle", full=True)
    ws, _ = join_plan(plan.folder / f"{email}.kplan", full, full_name=name, email=email,
                      keystore=KeyStore())
    return Copy(ws, name)


def _key_row(page: SyncPage, name: str) -> QModelIndex:
    model = page.keys_model
    return next(model.index(r, 0) for r in range(model.rowCount())
                if model.rows[r]["name"] == name)


def test_the_trust_question_names_the_known_person(qtbot: QtBot, plan: Plan,
                                                   page: SyncPage) -> None:
    petras = _member(plan, "Petras Petraitis", "petras@example.lt")
    actions.add_remark(petras.ws, section_id=plan.section_id, remark_type="general",
                       text="Petro pastaba")
    bundle = petras.export(plan.folder / "petras.kplanbundle", full=True)
    asked: list[tuple[str, str]] = []
    page.confirm_trust = lambda who, fp: asked.append((who, fp)) or True
    page.confirm_import = lambda previews: True
    page.import_files([bundle])
    qtbot.waitUntil(lambda: queries.count_remarks(plan.secretary.ws) == 1, timeout=10_000)
    # The person is known here: named with their e-mail, not as the file calls itself.
    assert asked == [("Petras Petraitis (petras@example.lt)", petras.fingerprint)]
    box = page.trust_question(*asked[0])
    assert "the key of Petras Petraitis (petras@example.lt)?" in box.text()
    assert box.informativeText().replace("\n", " ") == petras.fingerprint  # 2 lines of 5
    assert box.defaultButton() is box.button(box.StandardButton.No)


def test_a_refused_trust_is_said_in_the_page(qtbot: QtBot, plan: Plan, page: SyncPage) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    # A file claiming to come from Ona, signed by a key that is not hers.
    key = Ed25519PrivateKey.generate()
    person = ona.ws.identity.person_id
    device = uuid7()
    event = next_event(ona.ws, entity="remark", entity_id=uuid7(), fields={"text": "x"})
    bundle = forge(plan.folder / "fake.kplanbundle", plan_id=ona.ws.identity.plan_id,
                   exporter=key, exporter_device=device, exporter_person=person,
                   feeds=[ForgedFeed(key, device, person, [event])])
    asked: list[str] = []
    page.confirm_trust = lambda who, fp: asked.append(who) or True
    page.confirm_import = lambda previews: True
    page.import_files([bundle])
    qtbot.waitUntil(lambda: "another key already" in page.status.text(), timeout=10_000)
    assert asked == ["Ona Petraitienė (ona@example.lt)"]
    assert page.status.text() == ("Ona Petraitienė has another key already; revoke it first"
                                  " if it is lost.")
    assert queries.count_remarks(plan.secretary.ws) == 0


def test_changes_held_for_an_unknown_key_are_listed_and_apply_once_it_is_trusted(
    qtbot: QtBot, plan: Plan, page: SyncPage
) -> None:
    petras = _member(plan, "Petras Petraitis", "petras@example.lt")
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    actions.add_remark(petras.ws, section_id=plan.section_id, remark_type="general",
                       text="Petro pastaba per Oną")
    # Ona knows Petras; the secretary gets his remark relayed in Ona's bundle.
    ona.trust(petras)
    ona.import_(petras.export(plan.folder / "petras.kplanbundle", full=True))
    bundle = ona.export(plan.folder / "ona.kplanbundle", full=True)
    shown: list[Preview] = []
    page.confirm_import = lambda previews: shown.extend(previews) or True
    assert page.held_empty.isVisible() and not page.held_view.isVisible()
    page.import_files([bundle])
    qtbot.waitUntil(lambda: page.held_model.rowCount() == 1, timeout=10_000)
    why = f"signed by a key this copy does not trust yet (fingerprint {petras.fingerprint})"
    assert any(line.strip().startswith("waiting: ") and line.endswith(f" × {why}")
               for line in page.describe(shown[0]).splitlines())
    assert ", waiting: " in page.status.text() and ", waiting: 0." not in page.status.text()
    row = page.held_model.rows[0]
    assert page.held_model.index(0, 0).data() == "Petras Petraitis"
    assert page.held_model.index(0, 4).data() == why
    assert int(row["count"]) >= 1
    assert page.held_view.isVisible() and not page.held_empty.isVisible()
    assert queries.count_remarks(plan.secretary.ws) == 0

    # The keys list offers Petras's key, for Petras: trusting it applies what waited.
    asked: list[str] = []
    page.confirm_trust = lambda who, fp: asked.append(who) or True
    page.keys_view.setCurrentIndex(_key_row(page, "Petras Petraitis"))
    assert page.trust_button.isEnabled()
    qtbot.mouseClick(page.trust_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.held_model.rowCount() == 0, timeout=10_000)
    assert asked == ["Petras Petraitis (petras@example.lt)"]
    texts = [r[0] for r in plan.secretary.ws.conn.execute("SELECT text FROM remark")]
    assert "Petro pastaba per Oną" in texts
    assert "changes that waited for it were applied" in page.status.text()
    assert page.held_empty.isVisible()


def test_a_key_without_a_person_cannot_be_trusted_from_the_list(
    qtbot: QtBot, plan: Plan, page: SyncPage
) -> None:
    plan.join("Ona Petraitienė", "ona@example.lt")
    lost = "1234 5678 9012 3456 7890 1234 5678 9012 3456 7890"
    with plan.secretary.ws.raw_transaction() as conn:  # revoked before anyone was named
        trust.revoke_fingerprint(conn, lost)
    page.refresh()
    qtbot.waitUntil(lambda: any(r["fingerprint"] == lost for r in page.keys_model.rows),
                    timeout=10_000)
    rows = page.keys_model.rows
    page.keys_view.setCurrentIndex(page.keys_model.index(
        next(n for n, r in enumerate(rows) if r["fingerprint"] == lost), 0))
    assert not page.trust_button.isEnabled()
    assert "No person is known for this key" in page.trust_button.toolTip()
    page.keys_view.setCurrentIndex(_key_row(page, "Ona Petraitienė"))
    assert page.trust_button.isEnabled() and page.trust_button.toolTip() == ""
