"""The UI tests: pytest-qt, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kplan_desktop.core.model import Role, SectionKind
from kplan_desktop.store import actions
from kplan_desktop.ui.app import load_translators, unload_translators
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.settings import Settings
from tests.helpers import make_plan

#: Harmless notes of Qt's offscreen platform, which has no window manager to talk to.
OFFSCREEN_NOTES = (r"This plugin does not support propagateSizeHints\(\)",
                   r"This plugin does not support raise\(\)",
                   r"This plugin does not support grabbing the keyboard")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOTES))


# --- a small plan and a window on it ---------------------------------------------------------


GOAL_BODY = (
    "Kaunas taps žaliuoju miestu: iki 2030 m. bus pasodinta dešimt tūkstančių ąžuolų, "
    "o viešasis transportas važiuos be taršos."
)


@dataclass
class SmallPlan:
    path: Path
    group_id: str
    expert_id: str
    area_id: str
    goal_id: str
    indicator_id: str
    remark_ids: list[str]


def build_small_plan(path: Path, n_remarks: int = 3) -> SmallPlan:
    """A vision, an area with a goal and an indicator, a thematic group, remarks on the goal."""
    ws = make_plan(path)
    try:
        group = actions.add_group(ws, code="APL", name="Aplinkos darbo grupė",
                                  mandate="Aplinka ir klimatas.")
        expert = actions.add_person(ws, full_name="Jonas Petraitis", email="jonas@example.lt",
                                    group_id=group, role=Role.EXPERT)
        actions.add_round(ws, name="1 svarstymo etapas", opens="2024-01-01",
                          closes="2030-12-31")
        actions.add_section(ws, parent_id=None, kind=SectionKind.VISION, code="V",
                            title="Vizija", body="Kaunas – atviras ir žalias miestas.")
        area = actions.add_section(ws, parent_id=None, kind=SectionKind.PRIORITY, code="1",
                                   title="Žalias miestas", body="Aplinkos sritis.",
                                   responsible_group_id=group)
        goal = actions.add_section(ws, parent_id=area, kind=SectionKind.GOAL, code="1.1",
                                   title="Daugiau medžių", body=GOAL_BODY)
        indicator = actions.add_section(
            ws, parent_id=goal, kind=SectionKind.INDICATOR, code="1.1.1",
            title="Pasodintų medžių skaičius", body="Skaičiuojama kasmet.",
            unit="vnt.", baseline="1 200 (2022)", target="10 000")
        expert_actor = ws.actor(expert)
        remark_ids = [
            actions.add_remark(ws, section_id=goal, remark_type="technical",
                               text=f"Pastaba {i}: trūksta finansavimo šaltinio.",
                               quote="dešimt tūkstančių ąžuolų", actor=expert_actor)
            for i in range(n_remarks)
        ]
    finally:
        ws.close()
    return SmallPlan(path, group, expert, area, goal, indicator, remark_ids)


@pytest.fixture
def small_plan(tmp_path: Path) -> SmallPlan:
    return build_small_plan(tmp_path / "plan.kplan")


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    return Settings(data_dir / "settings.ini")


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, small_plan: SmallPlan) -> Iterator[MainWindow]:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_workspace(small_plan.path)
    win.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    win.close()


# --- Lithuanian --------------------------------------------------------------------------------


@pytest.fixture
def lithuanian(qapp: QApplication) -> Iterator[None]:
    """The Lithuanian translators installed as `kplan --lang lt` does; removed afterwards."""
    translators = load_translators(qapp, "lt")
    assert translators, "i18n/kplan_lt.qm was not found"
    try:
        yield
    finally:
        unload_translators(qapp, translators)


@pytest.fixture
def lt_window(lithuanian: None, qtbot: QtBot, settings: Settings,
              small_plan: SmallPlan) -> Iterator[MainWindow]:
    """The window in Lithuanian on the small plan."""
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_workspace(small_plan.path)
    yield win
    win.close()
