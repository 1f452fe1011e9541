"""The Sync page, the exports, joining a plan and the passphrase dialog, from the window."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync.export import export_bundle
from kplan_desktop.sync.keys import KeyStore
from kplan_desktop.ui.dialogs import JoinPlanDialog
from kplan_desktop.ui.export_dialog import ExportDialog
from kplan_desktop.ui.keys import PassphraseAsker
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.settings import Settings
from kplan_desktop.ui.sync_page import SyncPage
from tests.ui.conftest import SmallPlan
from tests.ui.test_flows import _ok, _type


def _full_bundle(plan: SmallPlan, tmp_path: Path) -> Path:
    path = tmp_path / "planas.kplanbundle"
    with Workspace.open(plan.path) as ws:
        export_bundle(ws, path, keystore=KeyStore(), full=True)
    return path


def test_the_sync_page_and_the_file_menu(qtbot: QtBot, window: MainWindow,
                                         small_plan: SmallPlan, tmp_path: Path) -> None:
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), SyncPage)
    assert window.act_show_sync.isChecked()
    names = [a.objectName() for a in window.file_menu.actions()]
    for name in ("exportRemarks", "exportDraft", "importDraft", "importBundle",
                 "exportBundle", "joinPlan"):
        assert name in names
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()

    # The draft with the remarks as Word comments, written in a worker.
    target = tmp_path / "projektas.docx"
    window.export_draft_to(target)
    qtbot.waitUntil(lambda: "projektas.docx" in window.message_bar.label.text(), timeout=10_000)
    with zipfile.ZipFile(target) as docx:
        comments = docx.read("word/comments.xml").decode()
    assert comments.count("<w:comment ") == len(small_plan.remark_ids)


def test_a_bundle_opened_on_a_workspace_goes_to_the_sync_page(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan, tmp_path: Path) -> None:
    bundle = _full_bundle(small_plan, tmp_path)
    window.action_show_plan()
    page = window._sync_page()
    assert page is not None
    previewed: list[object] = []
    page.confirm_import = lambda previews: previewed.extend(previews) and False
    window.open_bundle(bundle)  # as ``kplan planas.kplanbundle`` does
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: len(previewed) == 1, timeout=10_000)


def test_join_a_plan_from_a_bundle_on_the_welcome_page(
        qtbot: QtBot, settings: Settings, small_plan: SmallPlan, tmp_path: Path) -> None:
    bundle = _full_bundle(small_plan, tmp_path)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.welcome.buttons["join"].isVisibleTo(win.welcome)
    win.open_bundle(bundle)  # as ``kplan planas.kplanbundle`` does with no workspace yet
    dialog = win.findChild(JoinPlanDialog)
    assert dialog is not None and dialog.bundle.text() == str(bundle)
    assert not dialog.ok.isEnabled()
    _type(dialog.name, "Aistė Kazlauskaitė")
    _type(dialog.email, "aiste@example.lt")
    dialog.path.setText(str(tmp_path / "mano.kplan"))
    _ok(dialog, qtbot)
    qtbot.waitUntil(lambda: win.ws is not None, timeout=10_000)
    assert win.ws is not None
    with Workspace.open(small_plan.path) as theirs:
        assert win.ws.identity.plan_id == theirs.identity.plan_id
    assert queries.person(win.ws, win.ws.identity.person_id)["full_name"] == (  # type: ignore[index]
        "Aistė Kazlauskaitė")
    assert "fingerprint" in win.message_bar.label.text()
    win.close()


class PassphraseTyper:
    """Types the passphrase into the password dialog when it shows (it runs its own event
    loop, so the answer must come from a timer, as a person's typing would)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.answered = 0
        self.echo_modes: list[QLineEdit.EchoMode] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QInputDialog) and widget.isVisible():
                self.echo_modes.append(widget.textEchoMode())
                widget.setTextValue(self.text)
                widget.accept()
                self.answered += 1


def test_without_a_keyring_the_passphrase_is_asked_in_a_dialog(
        qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    monkeypatch.delenv("KPLAN_PASSPHRASE")  # no one set it: the user is asked
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        store = window.keystore()
        key = Ed25519PrivateKey.generate()
        # The key is saved by a worker (as an export signs there): the question comes to
        # the UI thread, the worker waits for the answer.
        typer = PassphraseTyper("ąžuolas-2030")
        saved = threading.Event()
        worker = threading.Thread(target=lambda: (store.save("device-1", key), saved.set()))
        worker.start()
        qtbot.waitUntil(saved.is_set, timeout=5000)
        worker.join()
        assert typer.answered == 1
        assert typer.echo_modes == [QLineEdit.EchoMode.Password]
        key_file = data_dir / "keys" / "device-1.key"
        assert b"ENCRYPTED" in key_file.read_bytes()
        assert "key file" in store.fallback_note or "encrypted" in store.fallback_note
        # A new run asks again, on the UI thread this time, and a wrong answer is refused.
        fresh = KeyStore(ask_passphrase=PassphraseAsker(window))
        loaded = fresh.load("device-1")  # the dialog's own event loop lets the typer in
        assert typer.answered == 2
        assert loaded.public_key().public_bytes_raw() == key.public_key().public_bytes_raw()
        typer.timer.stop()
    finally:
        keyring.set_keyring(previous)
