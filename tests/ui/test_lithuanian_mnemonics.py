"""Alt+letters in Lithuanian: every menu item, button and form label has one, and no two
items of one menu, no two things of one dialog or page (nor a page's and a menu's
title) share one. The English run is tests/ui/test_accessibility.py; translations
choose their own letters, so they are checked on their own.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.settings import Settings
from tests.ui.a11y_checks import (
    menu_items_without_mnemonic,
    menu_mnemonic_clashes,
    menu_titles,
    missing_mnemonics,
    mnemonic_clashes,
)
from tests.ui.conftest import SmallPlan
from tests.ui.test_accessibility import DIALOGS, PAGES, _open


def test_the_menus_in_lithuanian(lt_window: MainWindow) -> None:
    bar = lt_window.menuBar()
    assert bar.actions()[0].text() != "&File", "the Lithuanian catalogue was not loaded"
    assert menu_items_without_mnemonic(bar) == []
    assert menu_mnemonic_clashes(bar) == []


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_lithuanian(qtbot: QtBot, lt_window: MainWindow, small_plan: SmallPlan,
                                  page: str) -> None:
    getattr(lt_window, f"action_show_{page}")()
    if page == "plan":
        assert lt_window.plan_page is not None
        lt_window.plan_page.select_section(small_plan.goal_id)
        lt_window.plan_page.remarks.selectRow(0)
    qtbot.wait(1)
    shown = lt_window.stack.currentWidget()
    assert shown is not None
    assert missing_mnemonics(shown) == []
    assert mnemonic_clashes(shown, also=menu_titles(lt_window.menuBar())) == []


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_in_lithuanian(qtbot: QtBot, lt_window: MainWindow,
                                    small_plan: SmallPlan, name: str) -> None:
    _open(lt_window, small_plan, name)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in lt_window.findChildren(QDialog)))
    dialog = [d for d in lt_window.findChildren(QDialog) if d.isVisible()][-1]
    qtbot.wait(1)
    try:
        assert missing_mnemonics(dialog) == []
        assert mnemonic_clashes(dialog) == []
    finally:
        dialog.reject()


def test_the_welcome_screen_in_lithuanian(qtbot: QtBot, lithuanian: None,
                                          settings: Settings) -> None:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert missing_mnemonics(win.welcome) == []
    assert mnemonic_clashes(win.welcome, also=menu_titles(win.menuBar())) == []
    win.close()
