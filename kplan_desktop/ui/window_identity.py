"""View > Identity: this copy's person, device and key (see :mod:`.identity_page`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..store import actions, queries
from .dialog_room import keep_room
from .identity_page import IdentityDialog, read_identity
from .window_base import WindowBase

translate = QCoreApplication.translate


class IdentityActions(WindowBase):
    """The Identity page, opened from the View menu (and from the Sync page's trust
    question); the person's own gender is chosen there, as an undoable change."""

    identity_dialog: IdentityDialog | None = None

    def action_show_identity(self) -> None:
        ws = self.ws
        if ws is None:
            return
        facts = read_identity(ws, self.keystore())
        person_id = facts.person_id

        def change_gender(gender: str) -> None:
            before = str((queries.person(ws, person_id) or {}).get("gender", ""))
            self._record(
                translate("MainWindow", "change my gender"),
                lambda: actions.update_person(ws, person_id, {"gender": gender}),
                lambda: actions.update_person(ws, person_id, {"gender": before}))

        dialog = IdentityDialog(self, facts, change_gender=change_gender)
        self.identity_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        keep_room(dialog)
        dialog.open()
