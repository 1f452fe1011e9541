"""Qt's own widgets in Lithuanian: file dialogs, standard buttons, context menus.

PySide6 ships no qtbase_lt.qm; i18n/kplan_qt_lt.ts covers the Qt texts the app shows.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from kplan_desktop.ui.app import load_translators, unload_translators

ROOT = Path(__file__).resolve().parents[2]
QT_TS = ROOT / "i18n" / "kplan_qt_lt.ts"


class MissCatcher(QTranslator):
    """Installed before the real translators, so asked only for what none of them has."""

    def __init__(self) -> None:
        super().__init__()
        self.missed: set[tuple[str, str]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        self.missed.add((context, source))
        return ""

    def isEmpty(self) -> bool:
        return False


#: What Qt asks for but must stay as it is: key names (printed so on keyboards),
#: the layout direction, the progress bar's "%p%".
UNTRANSLATED = {"QShortcut"}
KEPT = {("QFileDialog", "Alt+Left"), ("QFileDialog", "Alt+Right"), ("QFileDialog", "Alt+Up"),
        ("QGuiApplication", "QT_LAYOUT_DIRECTION"), ("QProgressBar", "%p%")}


@pytest.fixture
def catcher(qapp: QApplication) -> Iterator[MissCatcher]:
    caught = MissCatcher()
    qapp.installTranslator(caught)
    translators = load_translators(qapp, "lt")
    assert len(translators) >= 2, "i18n/kplan_lt.qm or kplan_qt_lt.qm was not found"
    yield caught
    unload_translators(qapp, translators)
    qapp.removeTranslator(caught)


def _file_dialog(qtbot: QtBot, mode: QFileDialog.AcceptMode, folder: Path) -> QFileDialog:
    dialog = QFileDialog(None, "KPlan", str(folder), "KPlan (*.kplan)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _menu_texts(menu: QMenu) -> list[str]:
    """An action's words without the shortcut Qt appends after a tab."""
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def _missed(catcher: MissCatcher) -> set[tuple[str, str]]:
    return {(c, s) for c, s in catcher.missed if c not in UNTRANSLATED and (c, s) not in KEPT}


def test_the_file_dialog_speaks_lithuanian(catcher: MissCatcher, qtbot: QtBot,
                                           tmp_path: Path) -> None:
    (tmp_path / "planas.kplan").write_bytes(b"")
    dialog = _file_dialog(qtbot, QFileDialog.AcceptMode.AcceptOpen, tmp_path)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Vieta:", "&Failo vardas:", "Failų &tipas:"} <= labels
    buttons = {button.text() for button in dialog.findChildren(QPushButton)}
    assert {"&Atidaryti", "Atšaukti"} <= buttons
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree is not None
    model = tree.model()
    headers = [model.headerData(i, tree.header().orientation()) for i in range(4)]
    assert headers == ["Pavadinimas", "Dydis", "Tipas", "Keitimo data"]
    dialog.close()

    saving = _file_dialog(qtbot, QFileDialog.AcceptMode.AcceptSave, tmp_path)
    assert "&Išsaugoti" in {button.text() for button in saving.findChildren(QPushButton)}
    saving.close()
    folder = QFileDialog(None)
    folder.setOption(QFileDialog.Option.DontUseNativeDialog)
    folder.setFileMode(QFileDialog.FileMode.Directory)
    qtbot.addWidget(folder)
    folder.show()
    assert "&Pasirinkti" in {button.text() for button in folder.findChildren(QPushButton)}
    folder.close()
    assert ("QFileDialog", "Alt+Left") in catcher.missed  # the catcher is asked at all
    assert _missed(catcher) == set()


def test_text_fields_and_their_menus_speak_lithuanian(catcher: MissCatcher,
                                                      qtbot: QtBot) -> None:
    line = QLineEdit("ąžuolas")
    qtbot.addWidget(line)
    menu = line.createStandardContextMenu()
    assert menu is not None
    assert _menu_texts(menu) == ["&Atšaukti", "&Grąžinti", "&Iškirpti", "&Kopijuoti",
                                 "Į&dėti", "Pašalinti", "Pažymėti viską"]
    text = QPlainTextEdit("ąžuolas")
    qtbot.addWidget(text)
    words = _menu_texts(text.createStandardContextMenu())
    assert words[:5] == ["&Atšaukti", "&Grąžinti", "&Iškirpti", "&Kopijuoti", "Į&dėti"]
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.createStandardContextMenu()
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.show()
    assert _missed(catcher) == set()


def test_message_boxes_and_buttons_speak_lithuanian(catcher: MissCatcher, qtbot: QtBot) -> None:
    Button = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "KPlan", "?",
                      Button.Yes | Button.No | Button.Cancel | Button.Save | Button.Discard)
    box.setDetailedText("…")
    qtbot.addWidget(box)
    box.show()
    words = {b.text() for b in box.buttons()}
    assert {"&Taip", "&Ne", "Atšaukti", "Išsaugoti", "Atmesti"} <= words
    box.close()
    Std = QDialogButtonBox.StandardButton
    buttons = QDialogButtonBox(Std.Ok | Std.Cancel | Std.Close | Std.Apply | Std.Help | Std.Reset)
    qtbot.addWidget(buttons)
    assert [b.text() for b in buttons.buttons()] != []
    progress = QProgressDialog()
    qtbot.addWidget(progress)
    assert _missed(catcher) == set()


def test_the_qt_catalogue_is_complete_and_its_menus_have_distinct_keys() -> None:
    for context in ET.parse(QT_TS).getroot().iter("context"):
        keys: list[str] = []
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.text, message.findtext("source")
            assert translation.get("type") is None, message.findtext("source")
            text = translation.text.replace("&&", "")
            source = (message.findtext("source") or "").replace("&&", "")
            assert text.count("&") == source.count("&"), text
            if "&" in text:
                keys.append(text[text.index("&") + 1].lower())
        assert len(keys) == len(set(keys)), (context.findtext("name"), keys)
