"""Group records: groups and their mandate, members with roles, meetings, review rounds."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core import rules
from ..core.ids import uuid7
from ..core.model import Actor, Role
from ..store import actions, queries
from ..store.workspace import Workspace
from .dashboard import record_table
from .locale_text import name_key
from .models import role_name
from .record_lists import ChoiceListModel, RecordListModel
from .validation import Problem, checked, show_problems

#: Makes and pushes one undoable change: (name, do, undo) -> whether the store took it.
Record = Callable[[str, Callable[[], Any], Callable[[], Any]], bool]


def _date_edit(value: str = "") -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else QDate.currentDate())
    return edit


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class MeetingDialog(QDialog):
    """Date, place, agenda, attendance, minutes and decisions of one meeting."""

    def __init__(self, parent: QWidget | None, members: list[dict[str, Any]]) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDialog")
        self.setWindowTitle(self.tr("New meeting"))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date = _date_edit()
        self.place = QLineEdit()
        self.agenda = QPlainTextEdit()
        self.minutes = QPlainTextEdit()
        self.decisions = QPlainTextEdit()
        for box in (self.agenda, self.minutes, self.decisions):
            box.setTabChangesFocus(True)
        self.attendance = ChoiceListModel(
            [(str(m["person_id"]), f"{m['full_name']} ({role_name(m['role'])})")
             for m in members], self, checkable=True)
        self.attendance.set_checked([str(m["person_id"]) for m in members])
        self.attendance_view = QListView()
        self.attendance_view.setObjectName("attendance")
        self.attendance_view.setModel(self.attendance)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Place:"), self.place)
        form.addRow(self.tr("&Agenda:"), self.agenda)
        form.addRow(self.tr("Present (&ticked):"), self.attendance_view)
        form.addRow(self.tr("&Minutes:"), self.minutes)
        form.addRow(self.tr("D&ecisions:"), self.decisions)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Save meeting")))

    def values(self) -> dict[str, Any]:
        present = set(self.attendance.checked)
        everyone = [self.attendance.value_at(r) or "" for r in range(self.attendance.rowCount())]
        return {
            "date": self.date.date().toString("yyyy-MM-dd"),
            "place": self.place.text().strip(),
            "agenda": self.agenda.toPlainText().strip(),
            "minutes": self.minutes.toPlainText().strip(),
            "decisions": self.decisions.toPlainText().strip(),
            "present": [p for p in everyone if p in present],
            "absent": [p for p in everyone if p not in present],
        }


class MemberDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("New member"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.organisation = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_name(role.value), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.EXPERT.value))
        self.since = _date_edit()
        self.name_field = checked(self.name)
        form.addRow(self.tr("Full &name:"), self.name_field)
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("Member &since:"), self.since)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Add member")))

    def accept(self) -> None:
        """Stays open, the name marked, when the store would refuse it (no name)."""
        problems: list[Problem] = []
        if not self.name.text().strip():
            problems.append((self.name, QCoreApplication.translate(
                "KPlanError", "A person needs a name.")))
        if show_problems([self.name_field], problems):
            super().accept()


class RoundDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("roundDialog")
        self.setWindowTitle(self.tr("New review round"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.opens = _date_edit()
        self.closes = _date_edit(dt.date.today().replace(day=28).isoformat())
        self.checked = [checked(self.name), checked(self.closes)]
        form.addRow(self.tr("&Name:"), self.checked[0])
        form.addRow(self.tr("&Opens:"), self.opens)
        form.addRow(self.tr("&Closes (deadline for remarks):"), self.checked[1])
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Add round")))

    def accept(self) -> None:
        """Stays open, the field marked, on what the store would refuse."""
        problems: list[Problem] = []
        if not self.name.text().strip():
            problems.append((self.name, self.tr("A review round needs a name.")))
        if self.closes.date() < self.opens.date():
            problems.append((self.closes, QCoreApplication.translate(
                "KPlanError", "A review round cannot close before it opens.")))
        if show_problems(self.checked, problems):
            super().accept()


class TextDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(text)
        layout.addWidget(self.text, 1)
        layout.addWidget(_buttons(self, self.tr("Save")))


class RecordsPage(QWidget):
    """The records the secretaries keep; editing is offered to those the rules allow."""

    def __init__(self, ws: Workspace, actor: Actor, record: Record,
                 open_dialog: Callable[[QDialog, Callable[[], Any]], QDialog],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self._record = record
        self._open_dialog = open_dialog
        self.group_id: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        split = QSplitter()
        layout.addWidget(split)

        self.groups = RecordListModel(
            [(self.tr("Code"), lambda g: g["code"]), (self.tr("Group"), lambda g: g["name"])],
            self)
        self.group_view = record_table(self.groups, "groupList", wide=1)
        self.group_view.selectionModel().currentRowChanged.connect(self._group_chosen)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Working groups")))
        left_layout.addWidget(self.group_view, 3)
        self.rounds = RecordListModel(
            [(self.tr("Review round"), lambda r: r["name"]),
             (self.tr("Opens"), lambda r: r["opens"]), (self.tr("Closes"), lambda r: r["closes"])],
            self)
        self.round_view = record_table(self.rounds, "roundList", wide=0)
        left_layout.addWidget(QLabel(self.tr("Review rounds")))
        left_layout.addWidget(self.round_view, 1)
        self.add_round_button = QPushButton(self.tr("Add review round…"))
        self.add_round_button.clicked.connect(self.action_add_round)
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
        split.setSizes([380, 1000])

        # Mandate
        mandate = QWidget()
        m_layout = QVBoxLayout(mandate)
        self.mandate = QTextBrowser()
        self.mandate.setObjectName("mandate")
        self.edit_mandate_button = QPushButton(self.tr("Edit mandate…"))
        self.edit_mandate_button.clicked.connect(self.action_edit_mandate)
        m_layout.addWidget(self.mandate, 1)
        m_layout.addWidget(self.edit_mandate_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(mandate, self.tr("&Mandate"))

        # Members
        members = QWidget()
        mem_layout = QVBoxLayout(members)
        self.members = RecordListModel(
            [(self.tr("Name"), lambda m: m["full_name"]),
             (self.tr("Role"), lambda m: role_name(m["role"])),
             (self.tr("Since"), lambda m: m["since"]), (self.tr("Until"), lambda m: m["until"]),
             (self.tr("E-mail"), lambda m: m["email"]),
             (self.tr("Organisation"), lambda m: m["organisation"])], self)
        self.member_view = record_table(self.members, "memberList")
        self.add_member_button = QPushButton(self.tr("Add member…"))
        self.add_member_button.clicked.connect(self.action_add_member)
        mem_layout.addWidget(self.member_view, 1)
        mem_layout.addWidget(self.add_member_button, 0, Qt.AlignmentFlag.AlignLeft)
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
        meet_split.setSizes([300, 700])
        self.add_meeting_button = QPushButton(self.tr("Add meeting…"))
        self.add_meeting_button.clicked.connect(self.action_add_meeting)
        meet_layout.addWidget(meet_split, 1)
        meet_layout.addWidget(self.add_meeting_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(meetings, self.tr("Mee&tings"))
        self.loaded = False  # read when first shown: opening a workspace stays quick

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            self.refresh()

    # --- reading

    def refresh(self) -> None:
        keep = self.group_id
        self.groups.set_rows(sorted(queries.groups(self.ws), key=lambda g: name_key(g["name"])))
        self.rounds.set_rows(queries.rounds(self.ws))
        row = 0
        for i in range(self.groups.rowCount()):
            g = self.groups.row_at(i)
            if g is not None and g["id"] == keep:
                row = i
        if self.groups.rowCount():
            self.group_view.selectRow(row)
            self.show_group(str(self.groups.row_at(row)["id"]))  # type: ignore[index]

    def refresh_after_change(self, kind: str, ids: Sequence[str]) -> None:
        if kind == "records" and self.loaded:
            self.refresh()

    def _group_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        row = self.groups.row_at(current.row())
        if row is not None:
            self.show_group(str(row["id"]))

    def show_group(self, group_id: str) -> None:
        self.group_id = group_id
        group = next((g for g in queries.groups(self.ws) if g["id"] == group_id), None)
        if group is None:
            return
        self.title.setText(
            f"<span style='font-size:x-large; font-weight:600'>{html.escape(group['name'])}</span>"
            f"&nbsp; <span style='color:#6b7280'>{html.escape(group['code'])}</span>")
        self.mandate.setPlainText(str(group["mandate"] or self.tr("No mandate written yet.")))
        self.members.set_rows(queries.members(self.ws, group_id))
        self.meetings.set_rows(queries.meetings(self.ws, group_id))
        self.meeting_detail.clear()
        keeper = rules.may_keep_records(self.actor, group_id)
        for button in (self.edit_mandate_button, self.add_member_button,
                       self.add_meeting_button):
            button.setVisible(keeper)
        if self.meetings.rowCount():
            self.meeting_view.selectRow(0)

    def _meeting_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
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

    # --- actions (each one undoable)

    def action_add_meeting(self) -> None:
        group_id = self.group_id
        if group_id is None or not rules.may_keep_records(self.actor, group_id):
            return
        dialog = MeetingDialog(self, queries.members(self.ws, group_id))
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

    def action_add_member(self) -> None:
        group_id = self.group_id
        if group_id is None or not rules.may_keep_records(self.actor, group_id):
            return
        dialog = MemberDialog(self)

        def save() -> None:
            made: list[str] = []

            def membership() -> str:
                row = self.ws.conn.execute(
                    "SELECT id FROM membership WHERE person_id = ? AND group_id = ?",
                    (made[0], group_id)).fetchone()
                return str(row[0])

            def do() -> None:
                if not made:
                    made.append(actions.add_person(
                        self.ws, full_name=dialog.name.text(), email=dialog.email.text(),
                        organisation=dialog.organisation.text(), group_id=group_id,
                        role=Role(dialog.role.currentData()),
                        since=dialog.since.date().toString("yyyy-MM-dd")))
                else:
                    actions.update_membership(self.ws, membership(), {"deleted": 0})

            self._record(self.tr("add a member"), do,
                         lambda: actions.update_membership(self.ws, membership(),
                                                           {"deleted": 1}))

        self._open_dialog(dialog, save)

    def action_edit_mandate(self) -> None:
        group_id = self.group_id
        if group_id is None or not rules.may_keep_records(self.actor, group_id):
            return
        group = next(g for g in queries.groups(self.ws) if g["id"] == group_id)
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
