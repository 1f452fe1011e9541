"""Help > About names the version, the build date and the Qt and Python versions."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qVersion
from pytestqt.qtbot import QtBot

from kplan_desktop import __version__
from kplan_desktop.ui import about
from kplan_desktop.ui.about import AboutDialog, read_build_date
from kplan_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_about_from_source_says_development_copy(window: MainWindow, qtbot: QtBot) -> None:
    window.act_about.trigger()
    dialog = window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.details.text()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{__version__}"' in pyproject
    assert __version__ in dialog.title.text()
    assert f"Version: {__version__}" in text
    assert "development copy" in text
    assert f"Qt: {qVersion()}" in text
    assert f"Python: {platform.python_version()}" in text
    dialog.close()


def test_about_in_a_build_shows_its_date(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "build_info.json").write_text(
        json.dumps({"built": "2026-12-01 10:30 UTC", "platform": "win32"}), encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    window.action_about()
    dialog = window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None
    assert "Built: 2026-12-01 10:30 UTC" in dialog.details.text()
    assert "development copy" not in dialog.details.text()
    dialog.close()


@pytest.mark.parametrize("content", ["", "not json", "[1, 2]", '{"built": 5}'])
def test_a_damaged_build_info_reads_as_no_date(tmp_path: Path, content: str) -> None:
    (tmp_path / "build_info.json").write_text(content, encoding="utf-8")
    assert read_build_date(tmp_path) == ""
    assert read_build_date(tmp_path / "missing") == ""
    assert read_build_date(None) == ""


def test_version_comes_from_the_package_metadata() -> None:
    assert about.package_version() == __version__
