"""PySide6 6.12.0 on Python 3.11 took a reference from None on every call of a Qt method
that returns nothing, and Python aborted minutes into a session ("none_dealloc").
pyproject.toml keeps that release out; this fails on any release that does it again."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_qt_calls_that_return_nothing_leave_none_its_references(
        qtbot: QtBot, qapp: QApplication) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    gc.collect()
    before = sys.getrefcount(None)
    for i in range(2_000):
        label.setText(str(i % 7))
        label.setMinimumWidth(10 + i % 3)
    qapp.processEvents()
    gc.collect()
    # A few references may come and go with Python's own work; 6.12.0 lost 4,000 here.
    assert sys.getrefcount(None) > before - 200
