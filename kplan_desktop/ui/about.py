"""Help > About: what this copy is — version, when it was built, and on which Qt and Python.

IT asks for exactly these when a user reports a problem. A packaged build carries
build_info.json (written by build.spec); run from source it says "development copy".
"""

from __future__ import annotations

import json
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .. import __version__

#: Written into the build by build.spec, beside the program's other data files.
BUILD_INFO_FILE = "build_info.json"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    #: "YYYY-MM-DD HH:MM UTC" of a packaged build; "" when run from source.
    built: str
    qt: str
    pyside: str
    python: str


def package_version() -> str:
    """The version in the package's metadata (pyproject.toml's), else the module's."""
    try:
        return metadata.version("kplan_desktop")
    except metadata.PackageNotFoundError:
        return __version__


def read_build_date(bundle_dir: Path | None) -> str:
    """The build date in ``bundle_dir``/build_info.json; "" if there is none or it is bad."""
    if bundle_dir is None:
        return ""
    try:
        data = json.loads((bundle_dir / BUILD_INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    built = data.get("built") if isinstance(data, dict) else None
    return built[:40] if isinstance(built, str) else ""


def build_info() -> BuildInfo:
    bundle = getattr(sys, "_MEIPASS", None)
    return BuildInfo(
        version=package_version(),
        built=read_build_date(Path(bundle) if bundle else None),
        qt=qVersion(),
        pyside=PySide6.__version__,
        python=platform.python_version(),
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, info: BuildInfo) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("About KPlan Desktop"))
        self.setMinimumWidth(380)
        built = info.built or self.tr("development copy (run from source)")
        self.title = QLabel(self.tr("KPlan Desktop {version}").format(version=info.version))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        purpose = QLabel(self.tr("Offline review of a strategic development plan by its"
                                 " working groups."))
        purpose.setWordWrap(True)
        self.details = QLabel("\n".join([
            self.tr("Version: {version}").format(version=info.version),
            self.tr("Built: {date}").format(date=built),
            self.tr("Qt: {qt} (PySide6 {pyside})").format(qt=info.qt, pyside=info.pyside),
            self.tr("Python: {python}").format(python=info.python),
        ]))
        # IT copies these lines into a ticket.
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        icon = QIcon.fromTheme("kplan") if parent is None else parent.windowIcon()
        if not icon.isNull():
            self.setWindowIcon(icon)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(purpose)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        from .dialog_room import keep_room

        keep_room(self)  # as wide as its lines at any text size, never less than asked
