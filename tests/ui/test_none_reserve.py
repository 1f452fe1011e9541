"""PySide6 6.12 on Python 3.11 loses a reference to None on each call of a method that
returns nothing; the application keeps a reserve so Python never aborts mid-session."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kplan_desktop.ui.app import NoneReserve


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_many_calls_that_return_nothing_leave_none_alive(qtbot: QtBot,
                                                         qapp: QApplication) -> None:
    owner = QObject()
    NoneReserve(owner)
    label = QLabel()
    qtbot.addWidget(label)
    for i in range(20_000):  # more than None's own references in a small program
        label.setText(str(i % 7))
    assert sys.getrefcount(None) > NoneReserve.STEP // 2
