"""Dialogs: write or edit a remark, answer remarks, start a new plan, compare texts."""

from __future__ import annotations

import difflib
import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core import rules
from ..core.errors import KPlanError
from ..core.model import RemarkStatus, RemarkType
from .errors import error_text
from .icons import status_icon
from .locale_text import quoted_text
from .models import one_line, status_name, type_name
from .validation import Problem, add_checked_row, checked, show_problems


def _text_box(lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on, as in every other form field
    metrics = box.fontMetrics()
    box.setMinimumHeight(metrics.lineSpacing() * lines + 12)
    return box


def _name_by_label(form: QFormLayout, row: QHBoxLayout, field: QWidget) -> None:
    """A row of a field and its Choose… button: the row's label is the field's buddy."""
    for index in range(form.rowCount()):
        item = form.itemAt(index, QFormLayout.ItemRole.FieldRole)
        if item is not None and item.layout() is row:
            label = form.itemAt(index, QFormLayout.ItemRole.LabelRole)
            shown = label.widget() if label is not None else None
            if isinstance(shown, QLabel):
                shown.setBuddy(field)


class RemarkDialog(QDialog):
    """Type, remark, proposed change, justification; the quoted passage shown above."""

    def __init__(self, parent: QWidget | None, *, section_label: str, quote: str,
                 values: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remarkDialog")
        editing = values is not None
        self.setWindowTitle(self.tr("Edit remark") if editing else self.tr("Write a remark"))
        self.setMinimumWidth(max(560, 40 * self.fontMetrics().horizontalAdvance("M")))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        where = QLabel(self.tr("On {section}").format(section=section_label))
        where.setWordWrap(True)  # long Lithuanian titles wrap instead of running off
        where.setStyleSheet("color: #6b7280")
        layout.addWidget(where)
        if quote:
            quoted = QLabel(quoted_text(html.escape(quote)))
            quoted.setObjectName("quotedPassage")
            quoted.setWordWrap(True)
            quoted.setTextFormat(Qt.TextFormat.RichText)
            quoted.setStyleSheet(
                "background: #fef9c3; border-left: 3px solid #eab308; padding: 6px 8px;"
            )
            layout.addWidget(quoted)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.type = QComboBox()
        for value in RemarkType:
            self.type.addItem(type_name(value), value.value)
        self.text = _text_box(5)
        self.text.setPlaceholderText(self.tr("What is wrong or missing, in a few sentences"))
        self.proposed = _text_box(3)
        self.proposed.setPlaceholderText(self.tr("The wording you propose instead (optional)"))
        self.justification = _text_box(3)
        self.justification.setPlaceholderText(self.tr("Why: facts, sources (optional)"))
        self.text_field = checked(self.text)
        form.addRow(self.tr("&Type:"), self.type)
        add_checked_row(form, self.tr("&Remark:"), self.text_field)
        form.addRow(self.tr("&Proposed change:"), self.proposed)
        form.addRow(self.tr("&Justification:"), self.justification)
        for label_widget in (form.labelForField(w) for w in
                             (self.type, self.text_field, self.proposed, self.justification)):
            if isinstance(label_widget, QLabel):
                label_widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout.addLayout(form, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Save remark"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if values:
            self.type.setCurrentIndex(max(0, self.type.findData(values.get("type"))))
            self.text.setPlainText(str(values.get("text") or ""))
            self.proposed.setPlainText(str(values.get("proposed") or ""))
            self.justification.setPlainText(str(values.get("justification") or ""))
        self.text.setFocus()

    def problems(self) -> list[Problem]:
        """What the store would refuse, by its own rule (an empty remark)."""
        try:
            rules.check_remark_text(self.text.toPlainText())
        except KPlanError as exc:
            return [(self.text, error_text(exc))]
        return []

    def accept(self) -> None:
        if show_problems([self.text_field], self.problems()):
            super().accept()

    def values(self) -> dict[str, str]:
        return {
            "type": str(self.type.currentData()),
            "text": self.text.toPlainText().strip(),
            "proposed": self.proposed.toPlainText().strip(),
            "justification": self.justification.toPlainText().strip(),
        }


class NewPlanDialog(QDialog):
    """A new plan: its title, your name and e-mail, and where to keep the file."""

    def __init__(self, parent: QWidget | None, folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a new plan"))
        self.setMinimumWidth(max(520, 80 * self.fontMetrics().averageCharWidth()))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "You become the secretary of the plan's coordination group: you can add the"
            " working groups, their members and the draft."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. City strategic development plan to 2030"))
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.path = QLineEdit(str(folder / "plan.kplan"))
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.checked = [checked(self.title), checked(self.name)]
        add_checked_row(form, self.tr("Plan &title:"), self.checked[0])
        add_checked_row(form, self.tr("Your &name:"), self.checked[1])
        form.addRow(self.tr("Your &e-mail:"), self.email)
        form.addRow(self.tr("&File:"), where)
        _name_by_label(form, where, self.path)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&reate plan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def problems(self) -> list[Problem]:
        """What starting the plan would refuse (store.actions.init_plan), in its words."""
        found: list[Problem] = []
        if not self.title.text().strip():
            found.append((self.title, QCoreApplication.translate(
                "KPlanError", "The plan needs a title.")))
        if not self.name.text().strip():
            found.append((self.name, QCoreApplication.translate(
                "KPlanError", "Your name is needed: it stands under every remark you write.")))
        return found

    def accept(self) -> None:
        if show_problems(self.checked, self.problems()):
            super().accept()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Where to keep the plan"), self.path.text(),
            self.tr("KPlan workspaces (*.kplan)"))
        if chosen:
            self.path.setText(chosen if chosen.endswith(".kplan") else chosen + ".kplan")


class AnswerDialog(QDialog):
    """One status and response for the selected remarks; a template fills the response.

    The remark answered is shown above the form (its passage, text, proposal and
    author); several are listed one line each.
    """

    #: How many of the selected remarks the list names; the rest are counted.
    LISTED = 50

    def __init__(self, parent: QWidget | None, *, allowed: list[str],
                 templates: list[dict[str, Any]], current: dict[str, Any] | None,
                 remarks: Sequence[dict[str, Any]] = (), count: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerDialog")
        count = len(remarks) if count is None else count
        self.setWindowTitle(self.tr("Answer remarks") if count > 1 else self.tr("Answer remark"))
        self.setMinimumWidth(max(560, 40 * self.fontMetrics().horizontalAdvance("M")))
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        if count > 1:
            layout.addWidget(QLabel(self.tr("One answer for the %n selected remark(s).", "",
                                            count)))
        self.answered = QTextBrowser()
        self.answered.setObjectName("answeredRemarks")
        self.answered.setOpenLinks(False)
        self.answered.setAccessibleName(
            self.tr("The remark answered") if count <= 1 else self.tr("The remarks answered"))
        self.answered.setHtml(self.remarks_html(remarks, count))
        lines = 9 if len(remarks) == 1 else min(9, len(remarks) + 1)
        self.answered.setMaximumHeight(self.fontMetrics().lineSpacing() * lines + 16)
        self.answered.setVisible(bool(remarks))
        layout.addWidget(self.answered)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status = QComboBox()
        for value in allowed:  # the shape beside the word: colour is never the only sign
            self.status.addItem(status_icon(value), status_name(value), value)
        self.template = QComboBox()
        self.template.addItem(self.tr("(none)"), "")
        self._templates = {str(t["id"]): t for t in templates}
        for t in templates:
            self.template.addItem(str(t["title"]), str(t["id"]))
        self.template.activated.connect(self._use_template)
        self.response = _text_box(5)
        self.response.setPlaceholderText(
            self.tr("The decision and its reasons (needed when rejecting)"))
        self.response_field = checked(self.response)
        form.addRow(self.tr("&Status:"), self.status)
        form.addRow(self.tr("Te&mplate:"), self.template)
        add_checked_row(form, self.tr("&Response:"), self.response_field)
        layout.addLayout(form, 1)
        self.status.currentIndexChanged.connect(lambda _i: self.response_field.clear())
        self.save_template = QPushButton(self.tr("&Keep this response as a template…"))
        self.save_template.setAutoDefault(False)
        layout.addWidget(self.save_template, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save &answer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if current is not None:
            index = self.status.findData(current.get("status"))
            if index >= 0:
                self.status.setCurrentIndex(index)
            self.response.setPlainText(str(current.get("response") or ""))
        self.status.setFocus()

    def remarks_html(self, remarks: Sequence[dict[str, Any]], count: int) -> str:
        e = html.escape
        if len(remarks) == 1:
            r = remarks[0]
            where = " · ".join(e(str(v)) for v in (
                r.get("section_code"), r.get("author_name"),
                r.get("group_name") or r.get("group_code"),
                type_name(str(r.get("type") or "")) if r.get("type") else "") if v)
            parts = [f"<p style='color:#4b5563'>{where}</p>"]
            if r.get("quote"):
                parts.append("<p style='background:#fef9c3'><i>"
                             + quoted_text(e(str(r["quote"]))) + "</i></p>")
            for label, key in ((self.tr("Remark"), "text"),
                               (self.tr("Proposed change"), "proposed")):
                if r.get(key):
                    body = e(str(r[key])).replace("\n", "<br>")
                    parts.append(f"<p><b>{e(label)}</b><br>{body}</p>")
            return "".join(parts)
        rows = []
        for r in remarks[: self.LISTED]:
            who = e(str(r.get("author_name") or ""))
            rows.append(f"<li><b>{e(str(r.get('section_code') or ''))}</b> {who}: "
                        f"{e(one_line(str(r.get('text') or ''), 120))}</li>")
        more = count - min(len(remarks), self.LISTED)
        if more > 0:
            rows.append("<li style='color:#6b7280'>"
                        + e(self.tr("and %n more", "", more)) + "</li>")
        return "<ul style='margin-left:-20px'>" + "".join(rows) + "</ul>"

    def problems(self) -> list[Problem]:
        """What the store would refuse, by its own rule (a rejection with no reasons)."""
        status, response = self.values()
        try:
            rules.check_response(RemarkStatus(status), response)
        except KPlanError as exc:
            return [(self.response, error_text(exc))]
        return []

    def accept(self) -> None:
        if show_problems([self.response_field], self.problems()):
            super().accept()

    def _use_template(self, index: int) -> None:
        template = self._templates.get(str(self.template.itemData(index)))
        if template is None:
            return
        self.response.setPlainText(str(template["text"]))
        if template.get("status"):
            found = self.status.findData(template["status"])
            if found >= 0:
                self.status.setCurrentIndex(found)

    def values(self) -> tuple[str, str]:
        return str(self.status.currentData()), self.response.toPlainText().strip()


def answerable_statuses() -> list[str]:
    return [s.value for s in RemarkStatus if s is not RemarkStatus.WITHDRAWN]


def diff_html(old: str, new: str, *, old_label: str, new_label: str) -> str:
    """Two texts side by side, word changes marked: what a reader compares at a glance."""
    old_words = old.split(" ")
    new_words = new.split(" ")
    left: list[str] = []
    right: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        a_text = html.escape(" ".join(old_words[a1:a2]))
        b_text = html.escape(" ".join(new_words[b1:b2]))
        if op == "equal":
            left.append(a_text)
            right.append(b_text)
            continue
        if a_text:
            left.append(f"<span style='background:#fecaca; text-decoration:line-through'>"
                        f"{a_text}</span>")
        if b_text:
            right.append(f"<span style='background:#bbf7d0'>{b_text}</span>")

    def cell(parts: list[str]) -> str:
        return " ".join(parts).replace("\n", "<br>")

    return (
        "<table width='100%' cellspacing='0' cellpadding='8'>"
        f"<tr><th align='left' width='50%'>{html.escape(old_label)}</th>"
        f"<th align='left' width='50%'>{html.escape(new_label)}</th></tr>"
        f"<tr><td valign='top'>{cell(left)}</td><td valign='top'>{cell(right)}</td></tr>"
        "</table>"
    )


class CompareDialog(QDialog):
    """Old and new text side by side."""

    def __init__(self, parent: QWidget | None, title: str, body_html: str) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(title)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setAccessibleName(title)
        self.view.setHtml(body_html)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class JoinPlanDialog(QDialog):
    """Join a plan from a full bundle a secretary sent: the bundle, who you are, the file."""

    def __init__(self, parent: QWidget | None, folder: Path, bundle: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joinPlanDialog")
        self.setWindowTitle(self.tr("Join a plan from a bundle"))
        self.setMinimumWidth(max(560, 86 * self.fontMetrics().averageCharWidth()))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Your group's secretary sends a full bundle of the plan. Your copy gets its own"
            " signing key; if the secretary already added you with this e-mail, you get the"
            " roles given there."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.bundle = QLineEdit(str(bundle) if bundle else "")
        self.bundle.setObjectName("joinBundle")
        choose_bundle = QPushButton(self.tr("&Choose…"))
        choose_bundle.clicked.connect(self._browse_bundle)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.bundle, 1)
        bundle_row.addWidget(choose_bundle)
        self.name = QLineEdit()
        self.email = QLineEdit()
        stem = bundle.stem if bundle else "plan"
        self.path = QLineEdit(str(folder / f"{stem}.kplan"))
        browse = QPushButton(self.tr("C&hoose…"))
        browse.clicked.connect(self._browse_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("&Bundle:"), bundle_row)
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("Your &e-mail:"), self.email)
        form.addRow(self.tr("Keep the plan in &file:"), path_row)
        _name_by_label(form, bundle_row, self.bundle)
        _name_by_label(form, path_row, self.path)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Join the plan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in (self.bundle, self.name, self.path):
            field.textChanged.connect(self._check)
        self._check()
        (self.name if bundle else self.bundle).setFocus()

    def _check(self) -> None:
        self.ok.setEnabled(all(f.text().strip() for f in (self.bundle, self.name, self.path)))

    def _browse_bundle(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("The bundle of the plan"), self.bundle.text(),
            self.tr("KPlan bundles (*.kplanbundle)"))
        if chosen:
            self.bundle.setText(chosen)

    def _browse_path(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Where to keep the plan"), self.path.text(),
            self.tr("KPlan workspaces (*.kplan)"))
        if chosen:
            self.path.setText(chosen if chosen.endswith(".kplan") else chosen + ".kplan")
