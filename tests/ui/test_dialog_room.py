"""A dialog is never smaller than what it holds: its own minimum width does not drop its
layout's minimum, and its minimum height counts its wrapped text at its width."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from kplan_desktop.ui.dialog_room import keep_room
from kplan_desktop.ui.sections import section_name

LONG_LABEL = "&Lytis (pareigų pavadinimams, kai rašoma apie narį):"
INTRO = ("Ši kopija viską, ką rašote, pasirašo savo raktu. Kai kitas asmuo tvirtina jūsų "
         "raktą, telefonu perskaitykite šiam asmeniui žemiau esantį atpažinimo kodą. ") * 3


def _dialog() -> tuple[QDialog, QLabel, QLabel, list[QLineEdit]]:
    dialog = QDialog()
    dialog.setMinimumWidth(200)  # asked in pixels: Qt then leaves out the layout's minimum
    layout = QVBoxLayout(dialog)
    intro = QLabel(INTRO)
    intro.setWordWrap(True)
    layout.addWidget(intro)
    form = QFormLayout()
    fields = [QLineEdit() for _ in range(4)]
    label = QLabel(LONG_LABEL)
    form.addRow(label, fields[0])
    for field in fields[1:]:
        form.addRow("&Kita:", field)
    layout.addLayout(form)
    return dialog, label, intro, fields


def test_the_dialog_keeps_room_for_a_long_label_and_wrapped_text(qtbot: QtBot) -> None:
    dialog, label, intro, fields = _dialog()
    qtbot.addWidget(dialog)
    keep_room(dialog)
    dialog.show()
    dialog.resize(100, 100)  # a user (or Qt's two thirds of a small screen) asks for less
    qtbot.waitUntil(lambda: dialog.width() >= label.sizeHint().width())
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width()
                    and intro.height() >= intro.heightForWidth(intro.width()))
    assert all(f.height() >= f.minimumSizeHint().height() for f in fields)
    assert keep_room(dialog) is dialog  # once is enough: a second call adds nothing


def test_a_section_without_a_number_is_named_by_its_title() -> None:
    assert section_name({"code": "", "title": "Vizija"}) == "Vizija"
    assert section_name({"code": "1.2", "title": "Žalias miestas"}) == "1.2 Žalias miestas"
