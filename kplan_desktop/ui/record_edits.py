"""The editing actions of the group records page: each an ``action_*`` method the page's
toolbars, context menus and double-click/Enter call, and each one undoable step.

Groups: add, rename, archive, the mandate; review rounds; members: add, edit (the person
and the membership, its "Iki" date too), end, remove one added by mistake, import from a
spreadsheet; meetings: add, edit with attendance, minutes to a file, the attendance sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ..core import rules
from ..core.ids import uuid7
from ..core.model import Actor, Role
from ..store import actions, queries
from ..store.workspace import Workspace
from .operations import Operations, Progress
from .record_dialogs import (
    MEETING_FIELDS,
    EndMembershipDialog,
    GroupDialog,
    MeetingDialog,
    MemberDialog,
    MinutesDialog,
    RoundDialog,
    TextDialog,
)
from .roster_dialog import RosterImport

#: Makes and pushes one undoable change: (name, do, undo) -> whether the store took it.
Record = Callable[[str, Callable[[], Any], Callable[[], Any]], bool]
#: Says something in the window's message bar: (text, error=...).
Tell = Callable[..., None]


def today() -> str:
    return dt.date.today().isoformat()


def is_current(member: dict[str, Any], on: str) -> bool:
    """A membership not ended before ``on``."""
    return not member["until"] or str(member["until"]) >= on


class RecordEdits(QWidget):
    """The page's changes; the page (:class:`.records.RecordsPage`) says what is selected."""

    ws: Workspace
    actor: Actor
    ops: Operations
    group_id: str | None
    roster_import: RosterImport
    _record: Record
    _open_dialog: Callable[[QDialog, Callable[[], Any]], QDialog]
    _tell: Tell

    def current_group(self) -> dict[str, Any] | None:
        raise NotImplementedError

    def current_member(self) -> dict[str, Any] | None:
        raise NotImplementedError

    def current_meeting(self) -> dict[str, Any] | None:
        raise NotImplementedError

    def _keeper_group(self) -> str | None:
        group_id = self.group_id
        if group_id is None or not rules.may_keep_records(self.actor, group_id):
            return None
        return group_id

    # --- groups (each action one undoable step)

    def action_add_group(self) -> None:
        if not self.actor.coordinates:
            return
        dialog = GroupDialog(self)

        def save() -> None:
            values = dialog.values()
            made: list[str] = []

            def do() -> None:
                if not made:
                    made.append(actions.add_group(self.ws, code=values["code"],
                                                  name=values["name"]))
                    self.group_id = made[0]
                else:
                    actions.update_group(self.ws, made[0], {"archived": 0})

            self._record(self.tr("add a group"), do,
                         lambda: actions.update_group(self.ws, made[0], {"archived": 1}))

        self._open_dialog(dialog, save)

    def action_rename_group(self) -> None:
        group_id = self._keeper_group()
        group = self.current_group()
        if group_id is None or group is None:
            return
        dialog = GroupDialog(self, group, code_editable=self.actor.coordinates)

        def save() -> None:
            after = {k: v for k, v in dialog.values().items() if v != group[k]}
            before = {k: group[k] for k in after}
            if after:
                self._record(self.tr("rename the group"),
                             lambda: actions.update_group(self.ws, group_id, after),
                             lambda: actions.update_group(self.ws, group_id, before))

        self._open_dialog(dialog, save)

    def action_archive_group(self) -> None:
        group = self.current_group()
        if group is None or not self.actor.coordinates:
            return
        group_id = str(group["id"])
        if self._record(self.tr("archive the group"),
                        lambda: actions.update_group(self.ws, group_id, {"archived": 1}),
                        lambda: actions.update_group(self.ws, group_id, {"archived": 0})):
            self._tell(self.tr("{group} is archived; its records stay. Undo brings it back.")
                       .format(group=group["name"]), error=False)

    def action_restore_group(self) -> None:
        """An archived group works again; one undoable step, as archiving it."""
        group = self.current_group()
        if group is None or not group["archived"] or not self.actor.coordinates:
            return
        group_id = str(group["id"])
        if self._record(self.tr("restore the group"),
                        lambda: actions.update_group(self.ws, group_id, {"archived": 0}),
                        lambda: actions.update_group(self.ws, group_id, {"archived": 1})):
            self._tell(self.tr("{group} works again, with its records.")
                       .format(group=group["name"]), error=False)

    def action_edit_mandate(self) -> None:
        group_id = self._keeper_group()
        group = self.current_group()
        if group_id is None or group is None:
            return
        before = str(group["mandate"] or "")
        dialog = TextDialog(self, self.tr("Mandate: {group}").format(group=group["name"]),
                            before)

        def save() -> None:
            after = dialog.text.toPlainText()
            if after != before:
                self._record(
                    self.tr("edit the mandate"),
                    lambda: actions.update_group(self.ws, group_id, {"mandate": after}),
                    lambda: actions.update_group(self.ws, group_id, {"mandate": before}))

        self._open_dialog(dialog, save)

    def action_add_round(self) -> None:
        if not self.actor.coordinates:
            return
        dialog = RoundDialog(self)

        def save() -> None:
            made: list[str] = []

            def do() -> None:
                if not made:
                    made.append(actions.add_round(
                        self.ws, name=dialog.name.text().strip(),
                        opens=dialog.opens.date().toString("yyyy-MM-dd"),
                        closes=dialog.closes.date().toString("yyyy-MM-dd")))
                else:
                    actions.update_round(self.ws, made[0], {"deleted": 0})

            self._record(self.tr("add a review round"), do,
                         lambda: actions.update_round(self.ws, made[0], {"deleted": 1}))

        self._open_dialog(dialog, save)

    # --- members

    def action_add_member(self) -> None:
        group_id = self._keeper_group()
        if group_id is None:
            return
        dialog = MemberDialog(self)

        def save() -> None:
            made: list[str] = []  # the new membership
            role = Role(dialog.role.currentData())
            since = dialog.since.date().toString("yyyy-MM-dd")
            # Someone already in the plan (another group's member) joins as themself, not
            # as a second person of the same e-mail; their record stays as it is.
            known = self._person_by_email(dialog.email.text())

            def do() -> None:
                if made:
                    actions.update_membership(self.ws, made[0], {"deleted": 0})
                elif known is not None:
                    made.append(actions.add_member(self.ws, group_id=group_id,
                                                   person_id=known, role=role, since=since,
                                                   today=today()))
                else:
                    person_id = actions.add_person(
                        self.ws, full_name=dialog.name.text(), email=dialog.email.text(),
                        organisation=dialog.organisation.text(), group_id=group_id,
                        role=role, since=since, gender=dialog.gender.value())
                    made.append(str(self.ws.conn.execute(
                        "SELECT id FROM membership WHERE person_id = ? AND group_id = ?",
                        (person_id, group_id)).fetchone()[0]))

            if self._record(self.tr("add a member"), do,
                            lambda: actions.update_membership(self.ws, made[0],
                                                              {"deleted": 1})) and known:
                self._tell(self.tr("{email} is already in the plan: that person is now a member"
                                   " of the group; their record is unchanged.").format(
                                       email=dialog.email.text().strip()), error=False)

        self._open_dialog(dialog, save)

    def _person_by_email(self, email: str) -> str | None:
        email = email.strip()
        if not email:
            return None
        found = self.ws.conn.execute(
            "SELECT id FROM person WHERE lower(email) = lower(?) ORDER BY id LIMIT 1",
            (email,)).fetchone()
        return str(found[0]) if found else None

    def action_edit_member(self) -> None:
        member = self.current_member()
        if self._keeper_group() is None or member is None:
            return
        dialog = MemberDialog(self, member)
        membership_id = str(member["id"])

        def save() -> None:
            m_after = {k: v for k, v in dialog.membership_values().items()
                       if v != (member[k] or "")}
            p_after = {k: v for k, v in dialog.person_values().items()
                       if v != (member[k] or "")}
            m_before = {k: member[k] or "" for k in m_after}
            p_before = {k: member[k] or "" for k in p_after}
            if m_after or p_after:
                self._record(
                    self.tr("edit a member"),
                    lambda: actions.update_member(self.ws, membership_id, membership=m_after,
                                                  person=p_after),
                    lambda: actions.update_member(self.ws, membership_id, membership=m_before,
                                                  person=p_before))

        self._open_dialog(dialog, save)

    def action_end_membership(self) -> None:
        member = self.current_member()
        group = self.current_group()
        if self._keeper_group() is None or member is None or group is None:
            return
        dialog = EndMembershipDialog(self, str(member["full_name"]), str(group["name"]),
                                     str(member["since"] or ""))
        membership_id, before = str(member["id"]), str(member["until"] or "")

        def save() -> None:
            until = dialog.value()
            if until != before:
                self._record(
                    self.tr("end a membership"),
                    lambda: actions.end_membership(self.ws, membership_id, until),
                    lambda: actions.update_member(self.ws, membership_id,
                                                  membership={"until": before}))

        self._open_dialog(dialog, save)

    def action_remove_member(self) -> None:
        member = self.current_member()
        if self._keeper_group() is None or member is None:
            return
        membership_id = str(member["id"])
        if self._record(
                self.tr("remove a member added by mistake"),
                lambda: actions.remove_membership(self.ws, membership_id),
                lambda: actions.update_membership(self.ws, membership_id, {"deleted": 0})):
            self._tell(self.tr("{name} is no longer listed as a member. Undo brings the"
                               " membership back.").format(name=member["full_name"]),
                       error=False)

    def action_import_roster(self) -> None:
        if self.group_id is None:
            return
        # Also reached from the File menu: a reader is told why, not left wondering.
        rules.check_keep_records(self.actor, self.group_id)
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import members from a spreadsheet"), str(self.ws.path.parent),
            self.tr("Spreadsheets (*.xlsx *.csv)"))
        if chosen:
            self.import_roster(Path(chosen))

    def import_roster(self, path: Path) -> None:
        """Read and preview ``path`` off the UI thread, then show the preview."""
        group = self.current_group()
        if self._keeper_group() is not None and group is not None:
            self.roster_import.start(str(group["id"]), str(group["name"]), path)

    # --- meetings

    def _meeting_people(self, group_id: str, date: str) -> list[dict[str, Any]]:
        """Members who may be marked at a meeting on ``date``: in force that day or now."""
        now = today()
        return [m for m in queries.members(self.ws, group_id)
                if (not m["since"] or str(m["since"]) <= max(date, now))
                and (not m["until"] or str(m["until"]) >= min(date, now))]

    def action_add_meeting(self) -> None:
        group_id = self._keeper_group()
        if group_id is None:
            return
        now = today()
        dialog = MeetingDialog(self, [m for m in queries.members(self.ws, group_id)
                                      if is_current(m, now)])
        meeting_id = uuid7()

        def save() -> None:
            values = dialog.values()
            made: list[bool] = []

            def do() -> None:
                if not made:
                    actions.add_meeting(self.ws, group_id=group_id, meeting_id=meeting_id,
                                        **values)
                    made.append(True)
                else:
                    actions.update_meeting(self.ws, meeting_id, {"deleted": 0})

            self._record(self.tr("add a meeting"), do,
                         lambda: actions.update_meeting(self.ws, meeting_id, {"deleted": 1}))

        self._open_dialog(dialog, save)

    def action_edit_meeting(self) -> None:
        group_id = self._keeper_group()
        meeting = self.current_meeting()
        if group_id is None or meeting is None:
            return
        meeting_id = str(meeting["id"])
        marked = queries.attendance(self.ws, meeting_id)
        dialog = MeetingDialog(self, self._meeting_people(group_id, str(meeting["date"])),
                               meeting, marked)
        was = {str(a["person_id"]): bool(a["present"]) for a in marked}

        def save() -> None:
            values = dialog.values()
            after = {k: values[k] for k in MEETING_FIELDS if values[k] != (meeting[k] or "")}
            before = {k: meeting[k] or "" for k in after}
            now = {p: True for p in values["present"]} | {p: False for p in values["absent"]}
            moved = [p for p, here in now.items() if was.get(p) != here]
            # Undo marks back those that were marked, and takes a first mark back to none.
            if not after and not moved:
                return
            self._record(
                self.tr("edit a meeting"),
                lambda: actions.update_meeting(
                    self.ws, meeting_id, after, present=[p for p in moved if now[p]],
                    absent=[p for p in moved if not now[p]]),
                lambda: actions.update_meeting(
                    self.ws, meeting_id, before, present=[p for p in moved if was.get(p)],
                    absent=[p for p in moved if was.get(p) is False],
                    unmarked=[p for p in moved if p not in was]))

        self._open_dialog(dialog, save)

    def action_remove_meeting(self) -> None:
        """A meeting added by mistake: no longer listed; its record stays, flagged."""
        meeting = self.current_meeting()
        if self._keeper_group() is None or meeting is None:
            return
        meeting_id = str(meeting["id"])
        if self._record(self.tr("remove a meeting added by mistake"),
                        lambda: actions.update_meeting(self.ws, meeting_id, {"deleted": 1}),
                        lambda: actions.update_meeting(self.ws, meeting_id, {"deleted": 0})):
            self._tell(self.tr("The meeting of {date} is no longer listed. Undo brings it"
                               " back.").format(date=meeting["date"]), error=False)

    def action_minutes(self) -> None:
        meeting = self.current_meeting()
        group = self.current_group()
        if meeting is None or group is None:
            return
        meeting_id = str(meeting["id"])
        name = f"protokolas-{group['code']}-{meeting['date']}"
        dialog = MinutesDialog(self, self.ws.path.parent / name)

        def save() -> None:
            self.write_minutes(meeting_id, dialog.path(), dialog.fmt(), dialog.lang())

        self._open_dialog(dialog, save)

    def write_minutes(self, meeting_id: str, path: Path, fmt: str, lang: str) -> None:
        """Write the minutes off the UI thread; the file appears whole or not at all."""
        from ..documents.minutes import export_minutes

        def work(ws: Workspace, _progress: Progress) -> Path:
            export_minutes(ws, meeting_id, path, fmt, lang)
            return path

        self.ops.run_on_workspace(
            self.ws.path, work, readonly=True,
            on_success=lambda written: self._tell(
                self.tr("Saved the minutes: {file}").format(file=str(written)), error=False),
            label=self.tr("Writing the minutes…"))

    def action_attendance(self) -> None:
        group = self.current_group()
        if group is None:
            return
        from .attendance_view import AttendanceDialog

        dialog = AttendanceDialog(self, self.ws, self.ops, str(group["id"]), str(group["name"]),
                                  folder=self.ws.path.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
