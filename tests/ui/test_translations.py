"""The Lithuanian interface: the .ts complete and faithful, the .qm built from it, the app in it."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from kplan_desktop.core.errors import KPlanError
from kplan_desktop.store import actions
from kplan_desktop.ui.app import load_translators, unload_translators
from kplan_desktop.ui.dialogs import RemarkDialog
from kplan_desktop.ui.errors import show_error
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.remark_table import RemarkColumn
from kplan_desktop.ui.settings import Settings
from tests.ui.conftest import SmallPlan

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "kplan_lt.ts"
QM = ROOT / "i18n" / "kplan_lt.qm"

#: {name}, {name!r}, {0}: str.format fields; %1..%99 and %n: Qt's.
FIELD = re.compile(r"\{[^{}]*\}|%(?:\d+|n)")
#: An accelerator: "&" before a letter ("&&" is a literal ampersand).
ACCELERATOR = re.compile(r"(?<!&)&(\w)")


@dataclass
class Message:
    context: str
    source: str
    forms: list[str]  # one translation, or the plural forms
    unfinished: bool
    numerus: bool


def _messages() -> list[Message]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, message.findtext("source")
            numerus = message.get("numerus") == "yes"
            forms = ([f.text or "" for f in translation.iter("numerusform")] if numerus
                     else [translation.text or ""])
            found.append(Message(name, message.findtext("source") or "", forms,
                                 translation.get("type") in ("unfinished", "obsolete", "vanished"),
                                 numerus))
    return found


def _accelerators(text: str) -> list[str]:
    return [m.lower() for m in ACCELERATOR.findall(text)]


def test_every_string_is_translated() -> None:
    messages = _messages()
    assert len(messages) > 300
    unfinished = [(m.context, m.source) for m in messages
                  if m.unfinished or not all(f.strip() for f in m.forms)]
    assert unfinished == []
    # Lithuanian has three plural forms: 1 pastaba, 2 pastabos, 10 pastabų (after "iš" the
    # genitive makes two of them alike: iš 1 paketo, iš 2 paketų, iš 10 paketų).
    # tests/ui/test_lithuanian_text.py checks which numbers take which form.
    plurals = [m for m in messages if m.numerus]
    assert plurals and all(len(m.forms) == 3 and len(set(m.forms)) >= 2 for m in plurals)


def test_translations_keep_placeholders_ellipsis_and_one_accelerator() -> None:
    wrong = []
    for m in _messages():
        for form in m.forms:
            # The same fields, each at least once (Lithuanian may name someone only once).
            if set(FIELD.findall(form)) != set(FIELD.findall(m.source)):
                wrong.append(("fields", m.context, m.source, form))
            if m.source.endswith("…") != form.endswith("…"):
                wrong.append(("ellipsis", m.context, m.source, form))
            if len(_accelerators(m.source)) != len(_accelerators(form)):
                wrong.append(("accelerator", m.context, m.source, form))
    assert wrong == []


def test_accelerators_differ_within_each_dialog_and_page() -> None:
    """Outside the main window (its menus are checked live below) a context is one dialog."""
    letters: dict[str, list[str]] = {}
    for m in _messages():
        if m.context != "MainWindow":
            letters.setdefault(m.context, []).extend(_accelerators(m.forms[0]))
    clashes = {ctx: keys for ctx, keys in letters.items() if len(keys) != len(set(keys))}
    assert clashes == {}


@pytest.mark.parametrize("name", ["kplan_lt", "kplan_qt_lt", "kplan_en"])
def test_the_qm_is_built_from_the_ts(tmp_path: Path, name: str) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    built = tmp_path / f"{name}.qm"
    subprocess.run([str(lrelease), str(ROOT / "i18n" / f"{name}.ts"), "-qm", str(built)],
                   check=True, capture_output=True)
    assert built.read_bytes() == (ROOT / "i18n" / f"{name}.qm").read_bytes(), (
        "run scripts/update_translations.py")


def test_update_translations_check_passes() -> None:
    """error_texts.py up to date, every string of ui/ in the .ts, nothing unfinished."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_translations.py"),
                           "--check"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_english_plurals_come_from_their_own_catalogue(qapp: QApplication) -> None:
    """The sources say "%n remark(s)"; English shows "1 remark", "2 remarks"."""
    translators = load_translators(qapp, "en")
    try:
        assert translators, "i18n/kplan_en.qm was not found"
        answer = [QCoreApplication.translate("MainWindow", "answer %n remark(s)", None, n)
                  for n in (1, 2, 21)]
        assert answer == ["answer 1 remark", "answer 2 remarks", "answer 21 remarks"]
    finally:
        unload_translators(qapp, translators)


# --- the application in Lithuanian ----------------------------------------------------------




def _menus(window: MainWindow) -> list[QMenu]:
    found: list[QMenu] = []
    pending = [a.menu() for a in window.menuBar().actions()]
    while pending:
        menu = pending.pop()
        if isinstance(menu, QMenu):
            found.append(menu)
            pending.extend(a.menu() for a in menu.actions())
    return found


def test_the_main_window_speaks_lithuanian(lt_window: MainWindow,
                                           small_plan: SmallPlan) -> None:
    titles = [a.text() for a in lt_window.menuBar().actions()]
    assert titles[:3] == ["&Failas", "&Taisa", "&Pastabos"]
    assert lt_window.act_write_remark.text() == "&Rašyti pastabą…"
    assert lt_window.act_answer.text() == "&Atsakyti į pastabas…"
    assert lt_window.act_open.text() == "&Atidaryti darbo failą…"
    # The words the models pass through their helper: column titles and statuses.
    page = lt_window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    model = page.remarks_model
    assert model.headerData(RemarkColumn.STATUS, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.DisplayRole) == "Būsena"
    assert model.index(0, RemarkColumn.STATUS).data() == "nauja"
    assert model.index(0, RemarkColumn.TYPE).data() == "esminė"
    assert page.remarks_label.text() == "Šios plano dalies pastabos: 3"


def test_no_two_items_of_one_menu_share_an_accelerator(lt_window: MainWindow) -> None:
    bars = [[a.text() for a in lt_window.menuBar().actions()]]
    bars += [[a.text() for a in menu.actions() if not a.isSeparator()]
             for menu in _menus(lt_window)]
    assert len(bars) >= 6
    clashes = []
    for texts in bars:
        keys = [k for text in texts for k in _accelerators(text)]
        if len(keys) != len(set(keys)):
            clashes.append(texts)
        assert all(len(_accelerators(text)) == 1 for text in texts if text), texts
    assert clashes == []


def test_a_refusal_is_shown_in_lithuanian(lt_window: MainWindow) -> None:
    assert lt_window.ws is not None
    with pytest.raises(KPlanError) as refused:
        actions.add_group(lt_window.ws, code="APL", name="Dar viena aplinkos grupė")
    shown = show_error(lt_window, refused.value)
    assert shown == "Darbo grupė su kodu APL jau yra."
    assert lt_window.message_bar.label.text() == shown
    assert QCoreApplication.translate("KPlanError", "The plan needs a title.") == (
        "Planui reikia pavadinimo.")


def test_every_action_of_the_main_window_is_translated(
        qapp: QApplication, qtbot: QtBot, settings: Settings, small_plan: SmallPlan) -> None:
    """The same window in English and in Lithuanian: no action keeps its English text
    (an action whose text is not in tr(), or not translated, would)."""

    def texts() -> dict[str, str]:
        win = MainWindow(settings)
        qtbot.addWidget(win)
        assert win.open_workspace(small_plan.path)
        found = {a.objectName(): a.text() for a in win.findChildren(QAction) if a.objectName()}
        found.update({f"menu {i}": a.text() for i, a in enumerate(win.menuBar().actions())})
        win.close()
        return found

    english = texts()
    translators = load_translators(qapp, "lt")
    try:
        lithuanian = texts()
    finally:
        unload_translators(qapp, translators)
    assert len(english) > 20 and english.keys() == lithuanian.keys()
    same = {name: text for name, text in english.items()
            if text and lithuanian[name] == text and text not in ("Aa", "KPlan")}
    assert same == {}


def test_a_dialog_and_its_standard_buttons_speak_lithuanian(lt_window: MainWindow) -> None:
    """Qt's own OK/Cancel words come from our .qm: Qt ships no current Lithuanian for them."""
    dialog = RemarkDialog(lt_window, section_label="1.1 Daugiau medžių", quote="ąžuolų")
    try:
        assert dialog.windowTitle() == "Rašyti pastabą"
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None and cancel.text() == "Atšaukti"
    finally:
        dialog.deleteLater()
