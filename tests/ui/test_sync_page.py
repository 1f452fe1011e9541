"""The Sync page: preview and import, trust a new signer, export, resolve a conflict; values
in words, cancelling, the keyboard."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from kplan_desktop.core.model import Role
from kplan_desktop.store import actions, events, queries
from kplan_desktop.store.events import Event
from kplan_desktop.sync import bundle as bundle_io
from kplan_desktop.sync.identity import join_plan
from kplan_desktop.sync.keys import KeyStore
from kplan_desktop.ui.operations import Operations
from kplan_desktop.ui.sync_page import Preview, SyncPage
from tests.unit.sync_support import (
    Copy,
    ForgedFeed,
    Plan,
    feed_state,
    forge,
    new_plan,
    next_event,
)


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


def test_a_bundle_is_previewed_then_imported(qtbot: QtBot, plan: Plan, page: SyncPage) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    actions.add_remark(ona.ws, section_id=plan.section_id, remark_type="general",
                       text="Pastaba per sinchronizavimo puslapį")
    bundle = ona.export(plan.folder / "ona.kplanbundle")
    shown: list[Preview] = []
    page.confirm_import = lambda previews: shown.extend(previews) or True
    page.import_files([bundle])
    qtbot.waitUntil(lambda: any(r["file"] == "ona.kplanbundle"
                                for r in page.history_model.rows), timeout=10_000)
    assert shown[0].report.by_entity == {"remark": 1}
    assert shown[0].report.signer_name == "Ona Petraitienė"
    assert queries.count_remarks(plan.secretary.ws) == 1
    assert "1 changes applied" in page.status.text()


def test_declining_the_preview_imports_nothing(qtbot: QtBot, plan: Plan, page: SyncPage) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    actions.add_remark(ona.ws, section_id=plan.section_id, remark_type="general", text="Ne")
    bundle = ona.export(plan.folder / "ona.kplanbundle")
    page.confirm_import = lambda previews: False
    page.import_files([bundle])
    qtbot.waitUntil(lambda: page.status.text() == "Nothing was imported.", timeout=10_000)
    assert queries.count_remarks(plan.secretary.ws) == 0


def test_an_unknown_signer_is_trusted_after_the_fingerprint_is_confirmed(
    qtbot: QtBot, plan: Plan, page: SyncPage
) -> None:
    full = plan.secretary.export(plan.folder / "full.kplanbundle", full=True)
    ws, _ = join_plan(plan.folder / "naujas.kplan", full, full_name="Naujas Narys",
                      email="naujas@example.lt", keystore=KeyStore())
    newcomer = Copy(ws, "Naujas")
    bundle = newcomer.export(plan.folder / "naujas.kplanbundle", full=True)
    asked: list[tuple[str, str]] = []
    page.confirm_trust = lambda who, fp: asked.append((who, fp)) or True
    page.confirm_import = lambda previews: True
    page.import_files([bundle])
    qtbot.waitUntil(lambda: any(r["name"] == "Naujas Narys" for r in page.keys_model.rows),
                    timeout=10_000)
    # The newcomer is not known here yet: the question names them as the file does.
    assert asked == [("the sender the file calls “Naujas Narys”, who is not known here yet",
                      newcomer.fingerprint)]
    key = next(r for r in page.keys_model.rows if r["name"] == "Naujas Narys")
    assert key["trust"] == "trusted"


def test_export_writes_a_valid_bundle(qtbot: QtBot, plan: Plan, page: SyncPage) -> None:
    target = plan.folder / "shared" / "sekretore.kplanbundle"
    target.parent.mkdir()
    page.export_to(target, full=True)
    qtbot.waitUntil(target.exists, timeout=10_000)
    parsed = bundle_io.read_file(target)
    assert parsed.signer_fingerprint == plan.secretary.fingerprint
    qtbot.waitUntil(lambda: "Wrote" in page.status.text(), timeout=10_000)


def test_a_section_conflict_is_resolved_with_the_merged_text(
    qtbot: QtBot, plan: Plan, page: SyncPage
) -> None:
    chair = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.CHAIR)
    sec = plan.secretary
    base = "Pirma eilutė.\nAntra eilutė.\nTrečia eilutė.\n"
    actions.revise_section(sec.ws, plan.section_id, title="Tikslas",
                           body=base.replace("Pirma", "PIRMA"))
    actions.revise_section(chair.ws, plan.section_id, title="Tikslas",
                           body=base.replace("Trečia", "TREČIA"))
    sec.import_(chair.export(plan.folder / "chair.kplanbundle"))
    page.refresh()
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 1, timeout=10_000)
    page.conflicts_view.setCurrentIndex(page.conflicts_model.index(0, 0))
    assert page.base_text.toPlainText() == base
    merged = "PIRMA eilutė.\nAntra eilutė.\nTREČIA eilutė.\n"
    assert page.merged_text.toPlainText() == merged
    assert page.save_merged_button.isEnabled()
    page.save_merged_button.click()
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 0, timeout=10_000)
    section = queries.section(sec.ws, plan.section_id)
    assert section is not None and section["body"] == merged


# --- bundles a tampered copy sends -----------------------------------------------------------


def _own_events(copy: Copy, *, since: int) -> list[Event]:
    """A copy's own events after seq ``since``, as its log holds them."""
    return [events.parse(bytes(body)) for (body,) in copy.ws.conn.execute(
        "SELECT body FROM event WHERE device = ? AND seq > ? ORDER BY seq",
        (copy.ws.identity.device_id, since))]


def _send(copy: Copy, feed: list[Event], path: Path) -> Path:
    """A bundle of ``copy``'s own feed segment, signed by it."""
    device, person, *_ = feed_state(copy.ws)
    return forge(path, plan_id=copy.ws.identity.plan_id, exporter=copy.key,
                 exporter_device=device, exporter_person=person,
                 feeds=[ForgedFeed(copy.key, device, person, feed)])


# --- words, not stored values ---------------------------------------------------------------


def _lithuanian(qapp: QApplication, folder: Path, pairs: dict[tuple[str, str], str]) -> Any:
    """A translator built by lrelease from a small .ts with ``pairs`` ((context, source): lt)."""
    ts = folder / "small_lt.ts"
    contexts: dict[str, list[tuple[str, str]]] = {}
    for (context, source), target in pairs.items():
        contexts.setdefault(context, []).append((source, target))
    body = "".join(
        f"<context><name>{escape(c)}</name>" + "".join(
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation>"
            "</message>" for s, t in messages) + "</context>"
        for c, messages in contexts.items())
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
                  f'<TS version="2.1" language="lt_LT">{body}</TS>', encoding="utf-8")
    qm = folder / "small_lt.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    return translator


def test_the_preview_speaks_in_words_and_in_the_users_language(
    qtbot: QtBot, qapp: QApplication, plan: Plan, page: SyncPage
) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    _, _, before, *_ = feed_state(ona.ws)
    remark = actions.add_remark(ona.ws, section_id=plan.section_id, remark_type="general",
                                text="Pastaba")
    # An expert answering her own remark: her copy refuses the write, so a tampered copy
    # sends it, and the import refuses it.
    answer = next_event(ona.ws, entity="remark", entity_id=remark,
                        fields={"status": "accepted", "response": "Pritarta"})
    bundle = _send(ona, [*_own_events(ona, since=before), answer], plan.folder / "ona.kplanbundle")
    shown: list[Preview] = []
    page.confirm_import = lambda previews: shown.extend(previews) or False
    page.import_files([bundle])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    text = page.describe(shown[0])
    assert "(trusted: fingerprint confirmed)" in text
    assert "new or changed remarks: 1" in text
    assert "refused: 1 × a status or response set by someone who may not answer" in text
    assert "remark:" not in text and "(trusted)" not in text
    for key, imports in ((Qt.Key.Key_Escape, False), (Qt.Key.Key_Return, True)):
        box = page.import_question(shown)
        box.show()
        qtbot.keyClick(box, key)
        assert (box.clickedButton() is box.defaultButton()) is imports
        assert "refused: 1 × a status or response" in box.informativeText()

    translator = _lithuanian(qapp, plan.folder, {
        ("SyncPage", "remarks"): "pastabos",
        ("SyncPage", "trusted: fingerprint confirmed"): "patikimas, kodas patvirtintas",
        ("KPlanError", "a status or response set by someone who may not answer, on a"
                       " withdrawn remark, or without the reasons a rejection needs"):
            "būseną ar atsakymą nustatė neturintis teisės atsakyti",
    })
    try:
        text = page.describe(shown[0])
    finally:
        qapp.removeTranslator(translator)
    assert "(patikimas, kodas patvirtintas)" in text
    assert ": pastabos: 1" not in text and "pastabos: 1" in text
    assert "refused: 1 × būseną ar atsakymą nustatė neturintis teisės atsakyti" in text


def test_the_lists_show_trust_and_conflicts_in_words(qtbot: QtBot, plan: Plan,
                                                     page: SyncPage) -> None:
    chair = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.CHAIR)
    actions.revise_section(plan.secretary.ws, plan.section_id, title="Tikslas", body="A\n")
    actions.revise_section(chair.ws, plan.section_id, title="Tikslas", body="B\n")
    plan.secretary.import_(chair.export(plan.folder / "chair.kplanbundle"))
    page.refresh()
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 1, timeout=10_000)
    shown = {page.keys_model.index(r, 3).data() for r in range(page.keys_model.rowCount())}
    assert shown == {"this copy's own key", "trusted: fingerprint confirmed"}
    assert page.conflicts_model.index(0, 0).data() == "two versions of a section"
    assert page.conflicts_model.index(0, 1).data() == "1.1"
    found = page.conflicts_model.index(0, 2).data()
    assert len(found) == 16 and found[:2] == "20"  # local date and minutes, not ISO with zone


# --- stopping ---------------------------------------------------------------------------------


@pytest.fixture
def held_pool() -> Iterator[tuple[QThreadPool, threading.Event]]:
    """One worker thread, and a way to keep it busy so that a task waits in the queue."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    yield pool, release
    release.set()
    pool.waitForDone(30_000)


def _hold(pool: QThreadPool, release: threading.Event) -> None:
    pool.start(lambda: release.wait(30))


def _press_cancel(dialog: QProgressDialog) -> None:
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()


def test_cancelling_an_import_imports_nothing_and_says_so(
    qtbot: QtBot, plan: Plan, held_pool: tuple[QThreadPool, threading.Event]
) -> None:
    pool, release = held_pool
    page = SyncPage(plan.secretary.ws.path, Operations(None, pool))
    qtbot.addWidget(page)
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    for i in range(3):
        actions.add_remark(ona.ws, section_id=plan.section_id, remark_type="general",
                           text=f"Pastaba {i}")
    bundle = ona.export(plan.folder / "ona.kplanbundle")
    # The import waits behind a busy worker; the user presses Cancel on its progress dialog.
    page.confirm_import = lambda previews: _hold(pool, release) or True
    page.import_files([bundle])
    preview_task = page.task
    qtbot.waitUntil(lambda: page.task is not preview_task, timeout=10_000)
    assert page.task is not None and page.task.dialog is not None
    _press_cancel(page.task.dialog)
    release.set()
    qtbot.waitUntil(lambda: page.task is not None and page.task.done, timeout=10_000)
    assert page.status.text() == "Import cancelled; nothing was changed."
    assert queries.count_remarks(plan.secretary.ws) == 0
    page.import_files([bundle])  # and a second try goes through
    qtbot.waitUntil(lambda: queries.count_remarks(plan.secretary.ws) == 3, timeout=10_000)


def test_cancelling_an_export_writes_no_file(
    qtbot: QtBot, plan: Plan, held_pool: tuple[QThreadPool, threading.Event]
) -> None:
    pool, release = held_pool
    page = SyncPage(plan.secretary.ws.path, Operations(None, pool))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.task is None or page.task.done, timeout=10_000)
    folder = plan.folder / "shared"
    folder.mkdir()
    _hold(pool, release)
    page.export_to(folder / "sekretore.kplanbundle", full=True)
    assert page.task is not None and page.task.dialog is not None
    _press_cancel(page.task.dialog)
    release.set()
    qtbot.waitUntil(lambda: page.task is not None and page.task.done, timeout=10_000)
    assert page.status.text() == "Export cancelled; no file was written."
    assert list(folder.iterdir()) == []


# --- the keyboard -----------------------------------------------------------------------------


def test_tab_walks_the_page_in_reading_order(qtbot: QtBot, page: SyncPage) -> None:
    page.activateWindow()
    page.export_button.setFocus()
    expected = [page.export_folder_button, page.full_box, page.import_button,
                page.history_view, page.keys_view, page.trust_button, page.revoke_button,
                page.conflicts_view, page.base_text, page.first_text, page.second_text,
                page.merged_text]
    walked = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == expected  # disabled buttons are skipped; Tab leaves tables and texts


def test_mnemonics_reach_the_controls(qtbot: QtBot, page: SyncPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=5_000)
    page.export_button.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.full_box.isChecked, timeout=2_000)  # a mnemonic clicks animated
    qtbot.keyClick(page, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert page.merged_text.hasFocus()
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert page.keys_view.hasFocus()


def test_the_workspace_itself_is_refused_as_a_bundle(
    qtbot: QtBot, plan: Plan, page: SyncPage
) -> None:
    """Read as a bundle, the open workspace would lose this process's SQLite locks."""
    ws_path = plan.secretary.ws.path
    page.import_files([ws_path, Path(f"{ws_path}-wal")])
    qtbot.waitUntil(lambda: "the workspace itself" in page.status.text(), timeout=10_000)
    assert Path(f"{ws_path}-wal").exists()
