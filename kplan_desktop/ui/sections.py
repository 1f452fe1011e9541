"""Section editing: a new revision of title and text, the revision history and its diffs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.clock import wall_ms
from ..core.model import SectionState
from .dashboard import record_table
from .dialogs import diff_html
from .models import ID_ROLE, state_name
from .record_lists import ChoiceListModel, RecordListModel
from .validation import Problem, add_checked_row, checked, show_problems


def revision_label(rev: dict[str, Any]) -> str:
    import datetime as dt

    when = dt.datetime.fromtimestamp(wall_ms(int(rev["hlc"])) / 1000)
    return f"{when:%Y-%m-%d %H:%M} · {rev.get('author') or ''}"



def section_name(section: Mapping[str, Any]) -> str:
    """"1.2 Title", or the title alone for a section without a number (the vision): a
    quotation mark never opens on a space."""
    return " ".join(str(part) for part in (section.get("code"), section.get("title")) if part)

class SectionEditDialog(QDialog):
    """Title, text, code and state of a section; saving makes a new revision."""

    def __init__(self, parent: QWidget | None, section: dict[str, Any]) -> None:
        super().__init__(parent)
        self.setObjectName("sectionEditDialog")
        self.setWindowTitle(self.tr("Edit section {code}").format(code=section["code"]))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code = QLineEdit(str(section["code"] or ""))
        self.title = QLineEdit(str(section["title"] or ""))
        self.state = QComboBox()
        for state in SectionState:
            self.state.addItem(state_name(state.value), state.value)
        self.state.setCurrentIndex(max(0, self.state.findData(section["state"])))
        self.body = QPlainTextEdit(str(section["body"] or ""))
        self.body.setTabChangesFocus(True)
        form.addRow(self.tr("&Number:"), self.code)
        self.title_field = checked(self.title)
        add_checked_row(form, self.tr("&Title:"), self.title_field)
        form.addRow(self.tr("&State:"), self.state)
        layout.addLayout(form)
        text_label = QLabel(self.tr("Te&xt:"))
        text_label.setBuddy(self.body)
        layout.addWidget(text_label)
        layout.addWidget(self.body, 1)
        note = QLabel(self.tr("Saving keeps the earlier text as a revision; remarks on it are"
                              " marked “text changed since”."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7280")
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sa&ve section"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.title.setFocus()

    def accept(self) -> None:
        """Stays open, the title marked, when the title is left empty."""
        problems: list[Problem] = []
        if not self.title.text().strip():
            problems.append((self.title, self.tr("A section needs a title.")))
        if show_problems([self.title_field], problems):
            super().accept()


class HistoryDialog(QDialog):
    """Every revision of a section; any two compared side by side."""

    def __init__(self, parent: QWidget | None, section: dict[str, Any],
                 revisions: list[dict[str, Any]]) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of {section}").format(
            section=section_name(section)))
        em = self.fontMetrics().averageCharWidth()  # sizes grow with the text
        self.resize(max(1000, 150 * em), max(620, 80 * em))
        self.revisions = revisions
        layout = QVBoxLayout(self)
        self.list_model = RecordListModel(
            [(self.tr("No."), lambda r: r["number"]),
             (self.tr("When, who"), revision_label),
             (self.tr("Title"), lambda r: r["title"])], self)
        self.list_model.set_rows([{**r, "number": i + 1} for i, r in enumerate(revisions)])
        self.list_view = record_table(self.list_model, "revisionList", wide=2)  # title elided
        self.list_view.setAccessibleName(self.tr("Revisions"))
        choices = [(str(r["id"]), f"{i + 1}: {revision_label(r)}")
                   for i, r in enumerate(revisions)]
        self.old_model = ChoiceListModel(choices, self)
        self.new_model = ChoiceListModel(choices, self)
        pick = QHBoxLayout()
        self.old = QComboBox()
        self.old.setObjectName("oldRevision")
        self.old.setModel(self.old_model)
        self.new = QComboBox()
        self.new.setObjectName("newRevision")
        self.new.setModel(self.new_model)
        compare_label = QLabel(self.tr("&Compare"))
        compare_label.setBuddy(self.old)
        pick.addWidget(compare_label)
        pick.addWidget(self.old, 1)
        pick.addWidget(QLabel(self.tr("with")))
        pick.addWidget(self.new, 1)
        self.diff = QTextBrowser()
        self.diff.setObjectName("revisionDiff")
        self.diff.setAccessibleName(self.tr("Differences between the two revisions"))
        split = QSplitter()
        split.addWidget(self.list_view)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(pick)
        right_layout.addWidget(self.diff, 1)
        split.addWidget(right)
        split.setSizes([max(320, 48 * em), max(680, 100 * em)])
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.old.currentIndexChanged.connect(self.show_diff)
        self.new.currentIndexChanged.connect(self.show_diff)
        if len(revisions) >= 2:
            self.old.setCurrentIndex(len(revisions) - 2)
        self.new.setCurrentIndex(len(revisions) - 1)
        self.show_diff()

    def compare(self, old_index: int, new_index: int) -> None:
        self.old.setCurrentIndex(old_index)
        self.new.setCurrentIndex(new_index)

    def show_diff(self) -> None:
        if not self.revisions:
            return
        old = self.revisions[max(self.old.currentIndex(), 0)]
        new = self.revisions[max(self.new.currentIndex(), 0)]
        title = ""
        if old["title"] != new["title"]:
            title = diff_html(str(old["title"]), str(new["title"]),
                              old_label=self.tr("Title then"), new_label=self.tr("Title now"))
        self.diff.setHtml(title + diff_html(
            str(old["body"]), str(new["body"]),
            old_label=self.old.currentText(), new_label=self.new.currentText()))


def renumbered(code: str, old_prefix: str, new_prefix: str) -> str:
    """``code`` of a section in a moved subtree: the old prefix swapped for the new one."""
    if code == old_prefix:
        return new_prefix
    if old_prefix and code.startswith(old_prefix + "."):
        return new_prefix + code[len(old_prefix):]
    return code


def code_under(parent_code: str, position: int) -> str:
    """The code of the ``position``-th (from 0) child of a section coded ``parent_code``.

    Numbered plans (``2.1``) number on: ``2.1.4``; a parent without a number (the
    vision, ``V``) or the top level gives the plain number.
    """
    number = str(position + 1)
    if parent_code and all(part.isdigit() for part in parent_code.split(".")):
        return f"{parent_code}.{number}"
    return number


class MoveSectionDialog(QDialog):
    """Choose the new parent of a section in a tree of the plan (keyboard: arrows, Enter)."""

    def __init__(self, parent: QWidget | None, model: QAbstractItemModel,
                 section: dict[str, Any], forbidden: set[str]) -> None:
        super().__init__(parent)
        self.setObjectName("moveSectionDialog")
        self.setWindowTitle(self.tr("Move section"))
        self.resize(560, 520)
        self._forbidden = forbidden
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Move “{section}” and everything under it to:").format(
            section=section_name(section)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.top_level = QCheckBox(self.tr("The &top level of the plan"))
        layout.addWidget(self.top_level)
        self.tree = QTreeView()
        self.tree.setObjectName("moveTarget")
        self.tree.setModel(model)
        self.tree.setHeaderHidden(True)
        for column in range(1, model.columnCount()):
            self.tree.setColumnHidden(column, True)
        self.tree.setAccessibleName(self.tr("New parent section"))
        self.top_level.toggled.connect(lambda on: self.tree.setEnabled(not on))
        layout.addWidget(self.tree, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Move here"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._check())
        self.top_level.toggled.connect(lambda _on: self._check())
        self.tree.activated.connect(self._activated)
        self._check()
        self.tree.setFocus()

    def target(self) -> str | None:
        """The chosen parent's id; None for the top level."""
        if self.top_level.isChecked():
            return None
        index = self.tree.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def _activated(self, _index: object) -> None:
        if self.ok.isEnabled():
            self.accept()

    def _check(self) -> None:
        if self.top_level.isChecked():
            self.ok.setEnabled(True)
            return
        index = self.tree.currentIndex()
        chosen = index.data(ID_ROLE) if index.isValid() else None
        self.ok.setEnabled(chosen is not None and chosen not in self._forbidden)
