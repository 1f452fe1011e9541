"""The dialogs of the group records: a group, a member, the end of a membership, a meeting
with its attendance, a review round, a text (the mandate), a meeting's minutes to a file.

Each dialog only collects values; the page (:mod:`.records`) makes the undoable change
when the dialog is accepted, so a dialog never writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Role
from .models import role_name
from .person_fields import GenderCombo
from .record_lists import ChoiceListModel
from .validation import Problem, add_checked_row, checked, show_problems

#: The fields of a meeting a dialog edits (the attendance is apart).
MEETING_FIELDS = ("date", "place", "agenda", "minutes", "decisions")


def date_edit(value: str = "") -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else QDate.currentDate())
    return edit


def ok_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def attendance_people(members: Sequence[Mapping[str, Any]],
                      marked: Sequence[Mapping[str, Any]] = ()) -> list[tuple[str, str]]:
    """(person id, label) of who may be marked at a meeting: each member once (a person
    with two memberships is one line), then anyone already marked who is not one now."""
    people: dict[str, str] = {}
    for m in members:
        pid = str(m["person_id"])
        role = role_name(str(m["role"]), str(m.get("gender") or "unspecified"))
        people.setdefault(pid, f"{m['full_name']} ({role})")
    for a in marked:
        people.setdefault(str(a["person_id"]), str(a["full_name"]))
    return list(people.items())


class MeetingDialog(QDialog):
    """Date, place, agenda, attendance, minutes and decisions of one meeting.

    ``meeting`` and ``marked`` (its attendance rows) given: the meeting is edited,
    its fields and ticks filled in; otherwise a new one, everyone ticked.
    """

    def __init__(self, parent: QWidget | None, members: Sequence[Mapping[str, Any]],
                 meeting: Mapping[str, Any] | None = None,
                 marked: Sequence[Mapping[str, Any]] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDialog")
        self.setWindowTitle(self.tr("Edit meeting") if meeting else self.tr("New meeting"))
        em = self.fontMetrics().averageCharWidth()
        self.resize(max(720, 110 * em), max(640, 64 * em))  # names whole in the attendance
        layout = QVBoxLayout(self)
        form = QFormLayout()
        before = meeting or {}
        self.date = date_edit(str(before.get("date") or ""))
        self.place = QLineEdit(str(before.get("place") or ""))
        self.agenda = QPlainTextEdit(str(before.get("agenda") or ""))
        self.minutes = QPlainTextEdit(str(before.get("minutes") or ""))
        self.decisions = QPlainTextEdit(str(before.get("decisions") or ""))
        for box in (self.agenda, self.minutes, self.decisions):
            box.setTabChangesFocus(True)
        people = attendance_people(members, marked)
        self.attendance = ChoiceListModel(people, self, checkable=True)
        if meeting is None:
            self.attendance.set_checked([pid for pid, _ in people])
        else:
            self.attendance.set_checked([str(a["person_id"]) for a in marked if a["present"]])
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
        layout.addWidget(ok_buttons(self, self.tr("&Save meeting")))

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
    """A new member (a new person), or a member's record and membership edited.

    ``member`` given (a row of ``queries.members``): its person's name, e-mail and
    organisation, the role, the first day and, when ticked, the last day ("Iki").
    """

    def __init__(self, parent: QWidget | None, member: Mapping[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Edit member") if member else self.tr("New member"))
        self.setMinimumWidth(max(460, 70 * self.fontMetrics().averageCharWidth()))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        before = member or {}
        self.name = QLineEdit(str(before.get("full_name") or ""))
        self.email = QLineEdit(str(before.get("email") or ""))
        self.organisation = QLineEdit(str(before.get("organisation") or ""))
        # A new person's gender is guessed from the name as it is typed (core.grammar).
        self.gender = GenderCombo(str(before.get("gender") or "") or None)
        if member is None:
            self.gender.follow(self.name)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_name(role.value), role.value)
        self.role.setCurrentIndex(self.role.findData(before.get("role", Role.EXPERT.value)))
        self.since = date_edit(str(before.get("since") or ""))
        # A membership of unknown start keeps it unknown unless a date is picked (the
        # field shows today's date, which must not become its start unasked).
        self._since_given = member is None or bool(before.get("since"))
        self.since.dateChanged.connect(lambda _d: setattr(self, "_since_given", True))
        self.until_enabled = QCheckBox(self.tr("Member &until (Iki):"))
        self.until_enabled.setObjectName("memberUntilEnabled")
        self.until = date_edit(str(before.get("until") or ""))
        self.until.setObjectName("memberUntil")
        self.until_enabled.setChecked(bool(before.get("until")))
        self.until.setEnabled(self.until_enabled.isChecked())
        self.until_enabled.toggled.connect(self.until.setEnabled)
        self.name_field = checked(self.name)
        add_checked_row(form, self.tr("Full &name:"), self.name_field)
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("&Gender (for role words):"), self.gender)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("Member &since:"), self.since)
        if member is not None:
            form.addRow(self.until_enabled, self.until)
        layout.addLayout(form)
        layout.addWidget(ok_buttons(self, self.tr("Sa&ve member") if member
                                    else self.tr("&Add member")))

    def accept(self) -> None:
        """Stays open, the name marked, when the store would refuse it (no name)."""
        problems: list[Problem] = []
        if not self.name.text().strip():
            problems.append((self.name, QCoreApplication.translate(
                "KPlanError", "A person needs a name.")))
        if show_problems([self.name_field], problems):
            super().accept()

    def person_values(self) -> dict[str, str]:
        return {"full_name": self.name.text().strip(), "email": self.email.text().strip(),
                "organisation": self.organisation.text().strip(), "gender": self.gender.value()}

    def membership_values(self) -> dict[str, str]:
        return {"role": str(self.role.currentData()),
                "since": (self.since.date().toString("yyyy-MM-dd") if self._since_given
                          else ""),
                "until": (self.until.date().toString("yyyy-MM-dd")
                          if self.until_enabled.isChecked() else "")}


class EndMembershipDialog(QDialog):
    """The last day of a membership; the person, remarks and past attendance stay."""

    def __init__(self, parent: QWidget | None, name: str, group: str, since: str) -> None:
        super().__init__(parent)
        self.setObjectName("endMembershipDialog")
        self.setWindowTitle(self.tr("End membership"))
        self.setMinimumWidth(max(460, 70 * self.fontMetrics().averageCharWidth()))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "{name} leaves {group}. Their remarks and the attendance of past meetings stay"
            " in the records.").format(name=name, group=group))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.until = date_edit()
        self.until.setObjectName("endUntil")
        if since:
            self.until.setMinimumDate(QDate.fromString(since, "yyyy-MM-dd"))
        form.addRow(self.tr("&Last day (Iki):"), self.until)
        layout.addLayout(form)
        layout.addWidget(ok_buttons(self, self.tr("&End membership")))

    def value(self) -> str:
        return self.until.date().toString("yyyy-MM-dd")


class GroupDialog(QDialog):
    """A new working group, or a group's code and name changed (renamed)."""

    def __init__(self, parent: QWidget | None, group: Mapping[str, Any] | None = None, *,
                 code_editable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("groupDialog")
        self.setWindowTitle(self.tr("Rename group") if group else self.tr("New working group"))
        self.setMinimumWidth(max(480, 70 * self.fontMetrics().averageCharWidth()))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        before = group or {}
        self.code = QLineEdit(str(before.get("code") or ""))
        self.code.setObjectName("groupCode")
        self.code.setEnabled(code_editable)
        self.name = QLineEdit(str(before.get("name") or ""))
        self.name.setObjectName("groupName")
        self.checked = [checked(self.code), checked(self.name)]
        add_checked_row(form, self.tr("&Code:"), self.checked[0])
        add_checked_row(form, self.tr("&Name:"), self.checked[1])
        layout.addLayout(form)
        layout.addWidget(ok_buttons(self, self.tr("&Save group") if group
                                    else self.tr("&Add group")))

    def accept(self) -> None:
        """Stays open, the empty field marked, when the store would refuse it."""
        needed = QCoreApplication.translate("KPlanError", "A group needs a code and a name.")
        problems: list[Problem] = [(field, needed) for field in (self.code, self.name)
                                   if not field.text().strip()]
        if show_problems(self.checked, problems):
            super().accept()

    def values(self) -> dict[str, str]:
        return {"code": self.code.text().strip(), "name": self.name.text().strip()}


class RoundDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("roundDialog")
        self.setWindowTitle(self.tr("New review round"))
        self.setMinimumWidth(max(480, 70 * self.fontMetrics().averageCharWidth()))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.opens = date_edit()
        self.closes = date_edit(dt.date.today().replace(day=28).isoformat())
        self.checked = [checked(self.name), checked(self.closes)]
        add_checked_row(form, self.tr("&Name:"), self.checked[0])
        form.addRow(self.tr("&Opens:"), self.opens)
        add_checked_row(form, self.tr("&Closes (deadline for remarks):"), self.checked[1])
        layout.addLayout(form)
        layout.addWidget(ok_buttons(self, self.tr("&Add round")))

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
        self.text.setAccessibleName(title)
        layout.addWidget(self.text, 1)
        layout.addWidget(ok_buttons(self, self.tr("&Save")))


class MinutesDialog(QDialog):
    """Where and how to write a meeting's minutes: PDF or DOCX, Lithuanian or English."""

    def __init__(self, parent: QWidget | None, suggested: Path, lang: str = "lt") -> None:
        super().__init__(parent)
        self.setObjectName("minutesDialog")
        self.setWindowTitle(self.tr("Minutes of the meeting"))
        self.setMinimumWidth(max(560, 86 * self.fontMetrics().averageCharWidth()))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        formats = QHBoxLayout()
        self.pdf = QRadioButton(self.tr("&PDF (to file)"))
        self.pdf.setObjectName("minutesPdf")
        self.docx = QRadioButton(self.tr("&DOCX (to work in, Word)"))
        self.docx.setObjectName("minutesDocx")
        self.pdf.setChecked(True)
        formats.addWidget(self.pdf)
        formats.addWidget(self.docx)
        formats.addStretch(1)
        form.addRow(self.tr("Format"), formats)
        self.language = QComboBox()
        self.language.setObjectName("minutesLanguage")
        self.language.addItem("lietuvių", "lt")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        form.addRow(self.tr("Document &language"), self.language)
        where = QHBoxLayout()
        self.output = QLineEdit(str(suggested.with_suffix(".pdf")))
        self.output.setObjectName("minutesFile")
        browse = QPushButton(self.tr("C&hoose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        where.addWidget(self.output, 1)
        where.addWidget(browse)
        form.addRow(self.tr("F&ile"), where)
        layout.addLayout(form)
        layout.addWidget(ok_buttons(self, self.tr("&Save minutes")))
        self.pdf.toggled.connect(self._format_changed)

    def fmt(self) -> str:
        return "pdf" if self.pdf.isChecked() else "docx"

    def lang(self) -> str:
        return str(self.language.currentData())

    def path(self) -> Path:
        return Path(self.output.text().strip() or "protokolas").with_suffix("." + self.fmt())

    def _format_changed(self) -> None:
        self.output.setText(str(self.path()))

    def _browse(self) -> None:
        kind = self.tr("PDF files (*.pdf)") if self.fmt() == "pdf" else self.tr(
            "Word documents (*.docx)")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the minutes as"),
                                                self.output.text(), kind)
        if chosen:
            self.output.setText(chosen)
