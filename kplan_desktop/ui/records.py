"""Group records: groups and their mandate, members with roles, meetings, review rounds.

Every record is edited from the window the same four ways: double-click or Enter on
its row, its context menu, and the page's toolbar buttons; each change is one step
on the undo stack (``record``). Editing is offered to those the rules allow.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core import rules
from ..core.model import Actor
from ..store import queries
from ..store.workspace import Workspace
from .dashboard import record_table
from .errors import show_error
from .icons import IconLoader
from .locale_text import name_key
from .models import role_name
from .operations import Operations
from .record_dialogs import MeetingDialog, MemberDialog, RoundDialog
from .record_edits import Record, RecordEdits, Tell, is_current, today
from .record_lists import RecordListModel
from .roster_dialog import Background, RosterImport
from .toolbar import FittingToolBar

__all__ = ["MeetingDialog", "MemberDialog", "RecordsPage", "RoundDialog"]


class RecordsPage(RecordEdits):
    """The records the secretaries keep; editing is offered to those the rules allow."""

    def __init__(self, ws: Workspace, actor: Actor, record: Record,
                 open_dialog: Callable[[QDialog, Callable[[], Any]], QDialog],
                 parent: QWidget | None = None, *, ops: Operations, tell: Tell,
                 background: Background) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.ops = ops
        self._record = record
        self._open_dialog = open_dialog
        self._tell = tell
        self.group_id: str | None = None
        self._make_actions()
        self.roster_import = RosterImport(self, ws, ops, background, open_dialog, tell)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        split = QSplitter()
        layout.addWidget(split)

        self.groups = RecordListModel(
            [(self.tr("Code"), lambda g: g["code"]), (self.tr("Group"), self._group_label)],
            self)
        self.group_view = record_table(self.groups, "groupList", wide=1)
        self.group_view.setAccessibleName(self.tr("Groups"))
        self.group_view.selectionModel().currentRowChanged.connect(self._group_chosen)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Working groups")))
        left_layout.addWidget(self._toolbar("groupToolbar", [
            self.act_add_group, self.act_rename_group, self.act_archive_group,
            self.act_restore_group]))
        left_layout.addWidget(self.group_view, 3)
        # Archived groups are hidden; shown on request, to be looked at or restored.
        self.show_archived = QCheckBox(self.tr("Show arc&hived groups"))
        self.show_archived.setObjectName("showArchivedGroups")
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        left_layout.addWidget(self.show_archived)
        self.rounds = RecordListModel(
            [(self.tr("Review round"), lambda r: r["name"]),
             (self.tr("Opens"), lambda r: r["opens"]), (self.tr("Closes"), lambda r: r["closes"])],
            self)
        self.round_view = record_table(self.rounds, "roundList", wide=0)
        self.round_view.setAccessibleName(self.tr("Review rounds"))
        left_layout.addWidget(QLabel(self.tr("Review rounds")))
        left_layout.addWidget(self.round_view, 1)
        self.add_round_button = QPushButton(self.tr("Add review ro&und…"))
        self.add_round_button.clicked.connect(self._guarded(self.action_add_round))
        self.add_round_button.setVisible(actor.coordinates)
        left_layout.addWidget(self.add_round_button)
        split.addWidget(left)

        self.tabs = QTabWidget()
        self.title = QLabel()
        self.title.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.tabs, 1)
        split.addWidget(right)
        # In text widths: at 200% the groups and rounds need twice the room.
        em = self.fontMetrics().averageCharWidth()
        split.setSizes([max(380, 52 * em), 1000])

        # Mandate
        mandate = QWidget()
        m_layout = QVBoxLayout(mandate)
        self.mandate = QTextBrowser()
        self.mandate.setObjectName("mandate")
        self.mandate.setAccessibleName(self.tr("Mandate"))
        self.edit_mandate_button = QPushButton(self.tr("Edit man&date…"))
        self.edit_mandate_button.clicked.connect(self._guarded(self.action_edit_mandate))
        m_layout.addWidget(self.mandate, 1)
        m_layout.addWidget(self.edit_mandate_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(mandate, self.tr("&Mandate"))

        # Members: the current ones, or everyone who ever was (their history stays).
        members = QWidget()
        mem_layout = QVBoxLayout(members)
        self.members = RecordListModel(
            [(self.tr("Name"), lambda m: m["full_name"]),
             (self.tr("Role"), lambda m: role_name(m["role"], m["gender"])),
             (self.tr("Since"), lambda m: m["since"]), (self.tr("Until"), lambda m: m["until"]),
             (self.tr("E-mail"), lambda m: m["email"]),
             (self.tr("Organisation"), lambda m: m["organisation"])], self)
        self.member_view = record_table(self.members, "memberList")
        self.show_former = QCheckBox(self.tr("Show &former members too"))
        self.show_former.setObjectName("showFormerMembers")
        self.show_former.toggled.connect(lambda _on: self._fill_members())
        member_bar = QHBoxLayout()
        member_bar.addWidget(self._toolbar("memberToolbar", [
            self.act_add_member, self.act_edit_member, self.act_end_member,
            self.act_remove_member, None, self.act_import_roster]), 1)
        member_bar.addWidget(self.show_former)
        mem_layout.addLayout(member_bar)
        mem_layout.addWidget(self.member_view, 1)
        self.tabs.addTab(members, self.tr("M&embers"))

        # Meetings
        meetings = QWidget()
        meet_layout = QVBoxLayout(meetings)
        self.meetings = RecordListModel(
            [(self.tr("Date"), lambda m: m["date"]), (self.tr("Place"), lambda m: m["place"])],
            self)
        self.meeting_view = record_table(self.meetings, "meetingList")
        self.meeting_view.selectionModel().currentRowChanged.connect(self._meeting_chosen)
        self.meeting_detail = QTextBrowser()
        self.meeting_detail.setObjectName("meetingDetail")
        meet_split = QSplitter()
        meet_split.addWidget(self.meeting_view)
        meet_split.addWidget(self.meeting_detail)
        meet_split.setSizes([max(300, 40 * em), 700])
        meet_layout.addWidget(self._toolbar("meetingToolbar", [
            self.act_add_meeting, self.act_edit_meeting, self.act_remove_meeting,
            self.act_minutes, None, self.act_attendance]))
        meet_layout.addWidget(meet_split, 1)
        self.tabs.addTab(meetings, self.tr("Mee&tings"))

        # Double-click and Enter edit the row; the context menu offers what the bar does.
        self._menus: dict[QTableView, list[QAction | None]] = {
            self.group_view: [self.act_rename_group, self.act_archive_group,
                              self.act_restore_group, None, self.act_add_group],
            self.member_view: [self.act_edit_member, self.act_end_member,
                               self.act_remove_member, None, self.act_add_member,
                               self.act_import_roster],
            self.meeting_view: [self.act_edit_meeting, self.act_remove_meeting,
                                self.act_minutes, None, self.act_add_meeting,
                                self.act_attendance],
        }
        for view, edit in ((self.group_view, self.action_rename_group),
                           (self.member_view, self.action_edit_member),
                           (self.meeting_view, self.action_edit_meeting)):
            view.activated.connect(lambda _i, edit=edit: self._guard(edit))
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, view=view: self._popup_menu(view, pos))
        self.member_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_actions())
        self.loaded = False  # read when first shown: opening a workspace stays quick
        self._update_actions()

    # --- the actions, the bars and the menus

    def _make_actions(self) -> None:
        def act(name: str, text: str, slot: Callable[[], None], tip: str = "") -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False: self._guard(slot))
            return action

        self.act_add_group = act("addGroup", self.tr("New group…"), self.action_add_group)
        self.act_rename_group = act("renameGroup", self.tr("Rename…"), self.action_rename_group,
                                    self.tr("Change the group's name or code (Enter)"))
        self.act_archive_group = act(
            "archiveGroup", self.tr("Archive"), self.action_archive_group,
            self.tr("The group stops working; its records stay (Undo brings it back)"))
        self.act_restore_group = act(
            "restoreGroup", self.tr("Restore"), self.action_restore_group,
            self.tr("An archived group works again, with its records"))
        self.act_add_member = act("addMember", self.tr("Add member…"), self.action_add_member)
        self.act_edit_member = act("editMember", self.tr("Edit member…"),
                                   self.action_edit_member,
                                   self.tr("Name, role and dates of the member (Enter)"))
        self.act_end_member = act(
            "endMembership", self.tr("End membership…"), self.action_end_membership,
            self.tr("The member leaves the group; their remarks and attendance stay"))
        self.act_remove_member = act(
            "removeMember", self.tr("Remove (added by mistake)"), self.action_remove_member,
            self.tr("Take back a membership that should never have been added"))
        self.act_import_roster = act(
            "importRoster", self.tr("Import members…"), self.action_import_roster,
            self.tr("Members from a spreadsheet (XLSX or CSV), previewed first"))
        self.act_add_meeting = act("addMeeting", self.tr("Add meeting…"),
                                   self.action_add_meeting)
        self.act_edit_meeting = act(
            "editMeeting", self.tr("Edit meeting…"), self.action_edit_meeting,
            self.tr("Date, place, agenda, discussion, decisions and attendance (Enter)"))
        self.act_remove_meeting = act(
            "removeMeeting", self.tr("Remove (added by mistake)"), self.action_remove_meeting,
            self.tr("Take back a meeting that was never held"))
        self.act_minutes = act("meetingMinutes", self.tr("Minutes…"), self.action_minutes,
                               self.tr("The meeting's minutes as PDF or DOCX"))
        self.act_attendance = act(
            "attendanceSheet", self.tr("Attendance sheet…"), self.action_attendance,
            self.tr("Members by meetings of a year, with totals; XLSX for the municipality"))
        IconLoader().apply(self.findChildren(QAction))  # icons.ACTION_ICONS, by object name

    def _toolbar(self, name: str, items: Sequence[QAction | None]) -> QToolBar:
        # Icons alone when the words do not fit (Lithuanian at 150-200%), never "»".
        bar = FittingToolBar("")
        bar.setObjectName(name)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in items:
            if item is None:
                bar.addSeparator()
            else:
                bar.addAction(item)
        return bar

    def context_menu(self, view: QTableView) -> QMenu:
        """The menu a right-click on ``view`` opens (made anew: it shows the current state)."""
        self._update_actions()
        menu = QMenu(view)
        menu.setObjectName(f"{view.objectName()}Menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for item in self._menus[view]:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)
        return menu

    def _popup_menu(self, view: QTableView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
        self.context_menu(view).popup(view.viewport().mapToGlobal(pos))

    def _guard(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except Exception as exc:  # a refused change is a sentence in the window
            show_error(self, exc)

    def _guarded(self, fn: Callable[[], Any]) -> Callable[..., None]:
        return lambda *_args: self._guard(fn)

    def _update_actions(self) -> None:
        keeper = self.group_id is not None and rules.may_keep_records(self.actor, self.group_id)
        member = self.current_member()
        meeting = self.current_meeting()
        self.act_add_group.setEnabled(self.actor.coordinates)
        self.act_rename_group.setEnabled(keeper)
        group = self.current_group()
        archived = group is not None and bool(group["archived"])
        self.act_archive_group.setEnabled(self.actor.coordinates and group is not None
                                          and not archived)
        self.act_restore_group.setEnabled(self.actor.coordinates and archived)
        self.act_archive_group.setVisible(not archived)
        self.act_restore_group.setVisible(archived)
        self.act_add_member.setEnabled(keeper)
        self.act_import_roster.setEnabled(keeper)
        self.act_edit_member.setEnabled(keeper and member is not None)
        self.act_end_member.setEnabled(keeper and member is not None
                                       and is_current(member, today()))
        self.act_remove_member.setEnabled(keeper and member is not None)
        self.act_add_meeting.setEnabled(keeper)
        self.act_edit_meeting.setEnabled(keeper and meeting is not None)
        self.act_remove_meeting.setEnabled(keeper and meeting is not None)
        self.act_minutes.setEnabled(meeting is not None)
        self.act_attendance.setEnabled(self.group_id is not None)
        self.edit_mandate_button.setVisible(keeper)

    # --- reading

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            self.refresh()

    def refresh(self) -> None:
        keep = self.group_id
        self.groups.set_rows(sorted(
            queries.groups(self.ws, include_archived=self.show_archived.isChecked()),
            key=lambda g: name_key(g["name"])))
        self.rounds.set_rows(queries.rounds(self.ws))
        row = 0
        for i in range(self.groups.rowCount()):
            g = self.groups.row_at(i)
            if g is not None and g["id"] == keep:
                row = i
        if self.groups.rowCount():
            self.group_view.selectRow(row)
            self.show_group(str(self.groups.row_at(row)["id"]))  # type: ignore[index]
        else:
            self.group_id = None
            self.members.set_rows([])
            self.meetings.set_rows([])
            self._update_actions()

    def refresh_after_change(self, kind: str, ids: Sequence[str]) -> None:
        if kind == "records" and self.loaded:
            self.refresh()

    def _group_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        row = self.groups.row_at(current.row())
        if row is not None:
            self.show_group(str(row["id"]))

    def current_group(self) -> dict[str, Any] | None:
        return next((g for g in queries.groups(self.ws, include_archived=True)
                     if g["id"] == self.group_id), None)

    def _group_label(self, group: dict[str, Any]) -> str:
        if group["archived"]:
            return self.tr("{group} (archived)").format(group=group["name"])
        return str(group["name"])

    def show_group(self, group_id: str) -> None:
        same = group_id == self.group_id
        member_id = self._current_id(self.member_view, self.members) if same else None
        meeting_id = self._current_id(self.meeting_view, self.meetings) if same else None
        self.group_id = group_id
        group = self.current_group()
        if group is None:
            return
        self.title.setText(
            f"<span style='font-size:x-large; font-weight:600'>{html.escape(group['name'])}</span>"
            f"&nbsp; <span style='color:#6b7280'>{html.escape(group['code'])}</span>"
            + (f"&nbsp; <span style='color:#6b7280'>· {html.escape(self.tr('archived'))}</span>"
               if group["archived"] else ""))
        self.mandate.setPlainText(str(group["mandate"] or self.tr("No mandate written yet.")))
        self._fill_members(member_id)
        self.meetings.set_rows(queries.meetings(self.ws, group_id))
        self.meeting_detail.clear()
        if self.meetings.rowCount():
            self._select(self.meeting_view, self.meetings, meeting_id)
        self._update_actions()

    def _fill_members(self, keep: str | None = None) -> None:
        if self.group_id is None:
            return
        keep = keep or self._current_id(self.member_view, self.members)
        rows = queries.members(self.ws, self.group_id)
        if not self.show_former.isChecked():
            now = today()
            rows = [m for m in rows if is_current(m, now)]
        self.members.set_rows(rows)
        if self.members.rowCount():
            self._select(self.member_view, self.members, keep)
        self._update_actions()

    @staticmethod
    def _current_id(view: QTableView, model: RecordListModel) -> str | None:
        row = model.row_at(view.currentIndex().row())
        return str(row["id"]) if row is not None else None

    @staticmethod
    def _select(view: QTableView, model: RecordListModel, record_id: str | None) -> None:
        row = next((i for i in range(model.rowCount())
                    if (model.row_at(i) or {}).get("id") == record_id), 0)
        view.selectRow(row)
        view.setCurrentIndex(model.index(row, 0))

    def current_member(self) -> dict[str, Any] | None:
        return self.members.row_at(self.member_view.currentIndex().row())

    def current_meeting(self) -> dict[str, Any] | None:
        return self.meetings.row_at(self.meeting_view.currentIndex().row())

    def _meeting_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        self._update_actions()
        meeting = self.meetings.row_at(current.row())
        if meeting is None:
            self.meeting_detail.clear()
            return
        e = html.escape
        people = queries.attendance(self.ws, str(meeting["id"]))
        present = [p["full_name"] for p in people if p["present"]]
        absent = [p["full_name"] for p in people if not p["present"]]

        def block(label: str, text: str) -> str:
            return (f"<h4>{e(label)}</h4><p>{e(text).replace(chr(10), '<br>')}</p>"
                    if text else "")

        self.meeting_detail.setHtml(
            f"<h3>{e(str(meeting['date']))} · {e(str(meeting['place']))}</h3>"
            + block(self.tr("Agenda"), str(meeting["agenda"]))
            + block(self.tr("Present"), ", ".join(present))
            + block(self.tr("Absent"), ", ".join(absent))
            + block(self.tr("Minutes"), str(meeting["minutes"]))
            + block(self.tr("Decisions"), str(meeting["decisions"])))
