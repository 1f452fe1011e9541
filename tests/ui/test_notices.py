"""Notices lie over the status bar: showing or hiding one moves nothing under it."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kplan_desktop.ui.main_window import MainWindow
from tests.ui.conftest import SmallPlan


def _where(widget: QWidget) -> tuple[QPoint, int]:
    return widget.mapToGlobal(QPoint(0, 0)), widget.height()


def test_a_notice_does_not_move_the_table(qtbot: QtBot, window: MainWindow,
                                          small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    table = page.remarks
    before = _where(table)
    window.show_message("Jūsų pastaba išsaugota.", error=False)
    bar = window.message_bar
    assert bar.isVisible() and bar.label.text() == "Jūsų pastaba išsaugota."
    assert _where(table) == before  # during
    # It lies over the status bar, inside the window, tall enough for its text.
    assert window.rect().contains(bar.geometry())
    assert bar.geometry().bottom() == window.height() - 1
    assert bar.geometry().intersects(window.statusBar().geometry())
    assert bar.label.height() >= bar.label.heightForWidth(bar.label.width()) - 1
    assert bar._timer.isActive()  # a success goes by itself ...
    bar._timer.timeout.emit()
    assert not bar.isVisible()
    assert _where(table) == before  # after


def test_an_error_stays_until_closed_and_moves_nothing(
        qtbot: QtBot, window: MainWindow) -> None:
    window.action_show_remarks()
    page = window.remarks_page
    assert page is not None
    qtbot.waitUntil(lambda: not page.loading)
    before = _where(page.table)
    long_text = "Nepavyko įrašyti failo: diskas pilnas. " * 8  # wraps to several lines
    window.show_message(long_text)
    bar = window.message_bar
    assert bar.isVisible() and not bar._timer.isActive()
    assert _where(page.table) == before
    assert bar.label.height() >= bar.label.heightForWidth(bar.label.width()) - 1
    # Resizing the window keeps it at the foot, as wide as the pages.
    window.resize(window.width() - 200, window.height() - 100)
    qtbot.waitUntil(lambda: bar.width() == window.width())
    resized = _where(page.table)
    bar.close_button.click()
    assert not bar.isVisible()
    assert _where(page.table) == resized
