"""Role words that agree with the person (a woman chairs: "pirmininkė"), and the Identity page
("Tapatybė"): this copy's person and key, the fingerprint in groups of four, the public key
exported to a file the key reader takes back, and the trust question's link to it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kplan_desktop.core.model import Role
from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync.keys import KeyStore, read_public_key_file
from kplan_desktop.ui import sync_dialogs
from kplan_desktop.ui.identity_page import (
    IdentityDialog,
    fingerprint_lines,
    joined_message,
    read_identity,
    signer_gender,
)
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.records import MemberDialog, RecordsPage
from kplan_desktop.ui.settings import Settings
from tests.ui.conftest import SmallPlan


@pytest.fixture
def people(small_plan: SmallPlan) -> SmallPlan:
    """The small plan's group with a woman in the chair and a member of unknown gender."""
    with Workspace.open(small_plan.path) as ws:
        actions.add_person(ws, full_name="Lina Urbonienė", email="lina@example.lt",
                           group_id=small_plan.group_id, role=Role.CHAIR)
        actions.add_person(ws, full_name="Alex Kim", email="alex@example.lt",
                           group_id=small_plan.group_id, role=Role.SECRETARY)
    return small_plan


def _open(qtbot: QtBot, settings: Settings, plan: SmallPlan) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_workspace(plan.path)
    return win


def _roles_shown(win: MainWindow, group_id: str) -> dict[str, str]:
    win.action_show_records()
    page = win.records_page
    assert page is not None
    page.show_group(group_id)
    model = page.members
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) in ("Role", "Pareigos"))
    return {str(model.row_at(r)["full_name"]): str(model.index(r, column).data())  # type: ignore[index]
            for r in range(model.rowCount())}


def test_role_words_agree_with_each_member_in_lithuanian(
    qtbot: QtBot, settings: Settings, people: SmallPlan, lithuanian: None
) -> None:
    win = _open(qtbot, settings, people)
    shown = _roles_shown(win, people.group_id)
    assert shown == {"Lina Urbonienė": "pirmininkė", "Jonas Petraitis": "ekspertas",
                     "Alex Kim": "sekretorius (-ė)"}
    # The record says otherwise: the word follows the record, not the name.
    assert win.ws is not None
    jonas = people.expert_id
    actions.update_person(win.ws, jonas, {"gender": "female"})
    assert _roles_shown(win, people.group_id)["Jonas Petraitis"] == "ekspertė"
    win.close()


def test_role_words_in_english_are_one_word(
    qtbot: QtBot, settings: Settings, people: SmallPlan
) -> None:
    win = _open(qtbot, settings, people)
    assert _roles_shown(win, people.group_id) == {
        "Lina Urbonienė": "chair", "Jonas Petraitis": "expert", "Alex Kim": "secretary"}
    win.close()


def test_identity_page_shows_the_fingerprint_in_groups_and_exports_the_public_key(
    qtbot: QtBot, settings: Settings, small_plan: SmallPlan, tmp_path: Path
) -> None:
    win = _open(qtbot, settings, small_plan)
    assert any(a.objectName() == "showIdentity" for a in win.view_menu.actions())
    win.action_show_identity()
    dialog = win.identity_dialog
    assert dialog is not None and dialog.isVisible()
    ws = win.ws
    assert ws is not None
    fp = ws.identity.fingerprint
    shown = dialog.fingerprint_label.text()
    lines = shown.splitlines()
    assert [len(line.split()) for line in lines] == [5, 5]
    assert all(re.fullmatch(r"\d{4}", group) for line in lines for group in line.split())
    assert shown.replace("\n", " ") == fp
    assert dialog.name_label.text() == "Rūta Žemaitienė"
    assert dialog.device_label.text() == ws.identity.device_id
    assert "keyring" in dialog.place_label.text()  # the tests' keyring holds the key
    # The export: a whole file the key reader takes back, the same key and fingerprint.
    out = tmp_path / "rakta" / "ruta.pem"
    out.parent.mkdir()
    dialog.ask_path = lambda: out
    dialog.action_export_public_key()
    key, read_fp = read_public_key_file(out)
    row = ws.conn.execute("SELECT public_key FROM local_identity").fetchone()
    assert (key, read_fp) == (row[0], fp)
    assert str(out) in dialog.status.text()
    assert [p.name for p in out.parent.iterdir()] == ["ruta.pem"]  # no temporary left
    dialog.close()
    win.close()


def test_the_own_gender_is_chosen_on_the_identity_page_and_undone(
    qtbot: QtBot, settings: Settings, small_plan: SmallPlan
) -> None:
    win = _open(qtbot, settings, small_plan)
    ws = win.ws
    assert ws is not None
    me = ws.identity.person_id
    assert (queries.person(ws, me) or {})["gender"] == "female"  # guessed at init
    win.action_show_identity()
    dialog = win.identity_dialog
    assert dialog is not None
    dialog.gender.setCurrentIndex(dialog.gender.findData("unspecified"))
    dialog.gender.activated.emit(dialog.gender.currentIndex())
    assert (queries.person(ws, me) or {})["gender"] == "unspecified"
    win.action_undo()
    assert (queries.person(ws, me) or {})["gender"] == "female"
    dialog.close()
    win.close()


def test_identity_lines_and_a_read_only_page(qtbot: QtBot, small_plan: SmallPlan) -> None:
    assert fingerprint_lines("1234 5678 9012 3456 7890 1234 5678 9012 3456 7890") == (
        "1234 5678 9012 3456 7890\n1234 5678 9012 3456 7890")
    with Workspace.open(small_plan.path, readonly=True) as ws:
        facts = read_identity(ws, KeyStore())
    dialog = IdentityDialog(None, facts)  # from the trust question: shown, not chosen
    qtbot.addWidget(dialog)
    assert not hasattr(dialog, "gender")
    assert facts.gender == "female" and facts.place.kind == "keyring"


def test_the_trust_question_links_to_the_identity_page_and_agrees_in_lithuanian(
    qtbot: QtBot, lithuanian: None
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[QWidget] = []
    fp = "1111 2222 3333 4444 5555 6666 7777 8888 9999 0000"
    box = sync_dialogs.trust_question(parent, "Ona Kazlauskaitė (ona@example.lt)", fp,
                                      gender="female", show_identity=opened.append)
    text = box.text()
    assert "Ona Kazlauskaitė (ona@example.lt)" in text
    assert "Paskambinkite jai" in text and "jos ekrane" in text
    assert sync_dialogs.IDENTITY_LINK in text and "Tapatybė" in text
    assert box.informativeText() == fingerprint_lines(fp)  # as the Identity page shows it
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None
    label.linkActivated.emit(sync_dialogs.IDENTITY_LINK)
    assert opened == [box]
    male = sync_dialogs.trust_question(parent, "Jonas Petraitis", fp, gender="male")
    assert "Paskambinkite jam" in male.text() and sync_dialogs.IDENTITY_LINK not in male.text()
    neutral = sync_dialogs.trust_question(parent, "Alex Kim", fp)
    assert "šiam asmeniui" in neutral.text()
    assert not re.search(r"\bja[im]\b|\bjo\b|\bjos\b", neutral.text())


def _member_dialog(page: RecordsPage, qtbot: QtBot) -> MemberDialog:
    def shown() -> list[MemberDialog]:
        return [d for d in page.findChildren(MemberDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def test_a_new_member_s_gender_is_guessed_as_the_name_is_typed_and_kept_when_picked(
    qtbot: QtBot, settings: Settings, small_plan: SmallPlan
) -> None:
    win = _open(qtbot, settings, small_plan)
    win.action_show_records()
    page = win.records_page
    assert page is not None and win.ws is not None
    page.show_group(small_plan.group_id)
    page.action_add_member()
    dialog = _member_dialog(page, qtbot)
    assert dialog.gender.value() == "unspecified"
    dialog.name.setText("Ona")
    assert dialog.gender.value() == "unspecified"  # one word in -a: not clear yet
    dialog.name.setText("Ona Kazlauskaitė")
    assert dialog.gender.value() == "female"
    dialog.name.setText("Jonas Kazlauskas")
    assert dialog.gender.value() == "male"
    # Picked by hand: typing the name changes it no more.
    dialog.gender.set_value("unspecified")
    dialog.gender.activated.emit(dialog.gender.currentIndex())
    dialog.name.setText("Jonas Kazlauskas-Petraitis")
    assert dialog.gender.value() == "unspecified"
    dialog.gender.set_value("female")
    dialog.email.setText("jk@example.lt")
    dialog.accept()
    added = next(m for m in queries.members(win.ws, small_plan.group_id)
                 if m["email"] == "jk@example.lt")
    assert added["gender"] == "female"
    # Edited later, as the member's other facts are.
    page.show_group(small_plan.group_id)
    jonas = next(m for m in queries.members(win.ws, small_plan.group_id)
                 if m["full_name"] == "Jonas Petraitis")
    edit = MemberDialog(page, jonas)
    qtbot.addWidget(edit)
    assert edit.gender.value() == "male"
    edit.name.setText("Jona Petraitytė")  # an edit keeps the record's gender: no guessing
    assert edit.gender.value() == "male"
    assert edit.person_values()["gender"] == "male"
    win.close()


def test_after_joining_the_check_with_the_signer_agrees_with_the_signer(
    small_plan: SmallPlan, lithuanian: None
) -> None:
    with Workspace.open(small_plan.path, readonly=True) as ws:
        founder_fp = ws.identity.fingerprint
        assert signer_gender(ws, founder_fp) == "female"  # Rūta Žemaitienė
        assert signer_gender(ws, "0000") == "unspecified"
    fp = "1111 2222 3333 4444 5555 6666 7777 8888 9999 0000"
    said = {g: joined_message("Rūta Žemaitienė", fp, g) for g in ("female", "male", "")}
    assert said["female"].endswith("su pasirašiusiąja.") and fp in said["female"]
    assert said["male"].endswith("su pasirašiusiuoju.")
    assert said[""].endswith("su pasirašiusiu asmeniu.")
