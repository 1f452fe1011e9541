"""A workspace on a network drive or in OneDrive is asked about before it is opened or made."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kplan_desktop.core import drives
from kplan_desktop.core.drives import Risk, RiskyPlace
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.place_warning import PlaceChoice, answer, place_question
from tests.ui.conftest import build_small_plan

ONEDRIVE = RiskyPlace(Risk.SYNCED, "C:\\Users\\Žydrūnė\\OneDrive - Savivaldybė")
SHARE = RiskyPlace(Risk.UNC, "\\\\fs01\\bendri")


@pytest.fixture
def local(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "vietinis" / "KPlan"
    monkeypatch.setattr(drives, "local_workspace_dir", lambda _documents: folder)
    return folder


def test_opening_from_onedrive_asks_first(window: MainWindow, tmp_path: Path, local: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "OneDrive").mkdir()
    other = build_small_plan(tmp_path / "OneDrive" / "kitas.kplan")
    monkeypatch.setattr(drives, "check_place", lambda path: ONEDRIVE)
    monkeypatch.setattr("kplan_desktop.ui.window_file.QFileDialog.getOpenFileName",
                        lambda *_a, **_k: (str(other.path), ""))
    asked: list[tuple[RiskyPlace, Path, bool]] = []

    def ask(place: RiskyPlace, path: Path, folder: Path, *, creating: bool) -> PlaceChoice:
        asked.append((place, path, creating))
        return choice

    monkeypatch.setattr(window, "ask_place", ask)
    choice = PlaceChoice.CANCEL
    window.act_open.trigger()
    assert asked == [(ONEDRIVE, other.path, False)]
    assert window.ws is not None and window.ws.path != other.path  # nothing changed

    choice = PlaceChoice.HERE
    window.act_open.trigger()
    assert window.ws is not None and window.ws.path == other.path


def test_a_local_folder_is_not_asked_about(window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "Žydrūnė" / ("Strateginis plėtros planas " * 8).strip()
    folder.mkdir(parents=True)
    other = build_small_plan(folder / "kitas.kplan")
    assert len(str(other.path)) > 260  # over Windows' old limit, Lithuanian letters
    monkeypatch.setattr("kplan_desktop.ui.window_file.QFileDialog.getOpenFileName",
                        lambda *_a, **_k: (str(other.path), ""))
    monkeypatch.setattr(window, "ask_place", lambda *_a, **_k: pytest.fail("asked"))
    window.act_open.trigger()
    assert window.ws is not None and window.ws.path == other.path


def test_making_on_a_share_offers_the_local_folder(window: MainWindow, local: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drives, "check_place", lambda path: SHARE)
    path = Path("/mnt/bendri/planas.kplan")
    for choice, expected in ((PlaceChoice.LOCAL, local / "planas.kplan"),
                             (PlaceChoice.HERE, path), (PlaceChoice.CANCEL, None)):
        monkeypatch.setattr(window, "ask_place", lambda *_a, c=choice, **_k: c)
        assert window.safe_place(path, creating=True) == expected
    assert local.is_dir()


@pytest.mark.parametrize("creating", [True, False])
def test_the_question_names_the_place_and_the_local_folder(
        qtbot: QtBot, tmp_path: Path, creating: bool) -> None:
    local = tmp_path / "Dokumentai" / "KPlan"
    box = place_question(None, ONEDRIVE, Path("C:/x/planas.kplan"), local, creating=creating)
    qtbot.addWidget(box)
    text = box.informativeText()
    assert ONEDRIVE.where in text and "OneDrive" in text and str(local) in text
    choices = {button.property("choice") for button in box.buttons()}
    assert choices == ({"local", "here", "cancel"} if creating else {"here", "cancel"})
    # The safe answer is the default: the local folder, or not opening.
    assert box.defaultButton().property("choice") == ("local" if creating else "cancel")
    assert answer(box) is PlaceChoice.CANCEL  # closed without a click
    for button in box.buttons():
        box.show()
        button.click()
        assert answer(box).value == button.property("choice")


def test_a_share_is_explained_as_a_network_drive(qtbot: QtBot, tmp_path: Path) -> None:
    box = place_question(None, SHARE, Path("//fs01/bendri/p.kplan"), tmp_path, creating=False)
    qtbot.addWidget(box)
    assert "network drive" in box.informativeText()
    assert box.icon() is QMessageBox.Icon.Warning


def test_opening_from_the_recent_list_asks_first_too(
        window: MainWindow, tmp_path: Path, local: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "OneDrive").mkdir()
    other = build_small_plan(tmp_path / "OneDrive" / "kitas.kplan")
    monkeypatch.setattr(drives, "check_place", lambda path: ONEDRIVE)
    asked: list[Path] = []

    def ask(place: RiskyPlace, path: Path, folder: Path, *, creating: bool) -> PlaceChoice:
        asked.append(path)
        return PlaceChoice.CANCEL

    monkeypatch.setattr(window, "ask_place", ask)
    window.settings.remember(other.path)
    window._fill_recent_menu()
    window.recent_menu.actions()[0].trigger()
    assert asked == [other.path]
    assert window.ws is not None and window.ws.path != other.path  # nothing changed
