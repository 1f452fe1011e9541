"""The warning before a workspace is opened or made on a network drive or in OneDrive.

SQLite files there get damaged or rolled back (see core/drives.py); the user may go on, but
is told why not to and, when making a new one, offered the local folder instead.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.drives import Risk, RiskyPlace

_t = QCoreApplication.translate


class PlaceChoice(Enum):
    HERE = "here"
    LOCAL = "local"
    CANCEL = "cancel"


def place_reason(place: RiskyPlace) -> str:
    if place.risk is Risk.SYNCED:
        return _t("PlaceWarning",
                  "{where} is a folder that OneDrive or SharePoint synchronises. Synchronising"
                  " copies and replaces the workspace while KPlan writes to it, and changes"
                  " get lost or the file is damaged.").format(where=place.where)
    return _t("PlaceWarning",
              "{where} is a network drive. A workspace there can be damaged when the network"
              " drops or another computer opens it at the same time.").format(where=place.where)


def place_question(parent: QWidget | None, place: RiskyPlace, path: Path, local: Path, *,
                   creating: bool) -> QMessageBox:
    """The question; its buttons carry their PlaceChoice as the ``choice`` property."""
    box = QMessageBox(parent)
    box.setObjectName("placeWarning")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_t("PlaceWarning", "Keep the workspace on this computer"))
    if creating:
        box.setText(_t("PlaceWarning", "Make the workspace in a local folder instead?"))
        advice = _t("PlaceWarning", "KPlan suggests {folder}, a folder on this computer.")
    else:
        box.setText(_t("PlaceWarning", "This workspace is not on this computer."))
        advice = _t("PlaceWarning",
                    "Close it, move the file to a folder on this computer such as {folder},"
                    " and open it from there. Exchange changes with bundles, not by sharing"
                    " the file.")
    box.setInformativeText(place_reason(place) + "\n\n" + advice.format(folder=local))
    if creating:
        local_button = box.addButton(_t("PlaceWarning", "Make it in the &local folder"),
                                     QMessageBox.ButtonRole.AcceptRole)
        local_button.setProperty("choice", "local")
        box.addButton(_t("PlaceWarning", "Make it &here anyway"),
                      QMessageBox.ButtonRole.DestructiveRole).setProperty("choice", "here")
    else:
        box.addButton(_t("PlaceWarning", "Open &anyway"),
                      QMessageBox.ButtonRole.DestructiveRole).setProperty("choice", "here")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setProperty("choice", "cancel")
    box.setDefaultButton(local_button if creating else cancel)
    return box


def answer(box: QMessageBox) -> PlaceChoice:
    clicked = box.clickedButton()
    value = clicked.property("choice") if clicked is not None else None
    return PlaceChoice(value) if value in ("here", "local") else PlaceChoice.CANCEL
