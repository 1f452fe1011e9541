"""The Sync page's open conflicts: the list, the common base and both texts, and the
choice that resolves one (keep a side, or save a merged text).

Its words share the page's translation context ("SyncPage"). The box only says what
the user chose (:attr:`ConflictBox.chosen`); the page writes it, in its worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..sync import conflicts
from .sync_models import Index, RowsModel, conflict_kind_name, local_time, table_view


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


@dataclass(frozen=True)
class Resolution:
    """A section conflict resolved by a new revision with this title and body."""

    section_id: str
    code: str
    title: str
    body: str


class ConflictBox(QGroupBox):
    """The open conflicts and the texts of the one chosen."""

    #: The user resolved the current conflict (a :class:`Resolution`).
    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_t("Open &conflicts"), parent)
        self.model = RowsModel([
            ("kind", _t("Kind"), conflict_kind_name),
            ("what", _t("Section or device")), ("found", _t("Found"), local_time),
        ], self)
        self.view = table_view(self, self.model, stretch=1)
        self.view.setAccessibleName(self.title().replace("&", ""))
        # The list is short, the texts long: a splitter lets the user give the texts room.
        inner = QSplitter(Qt.Orientation.Vertical, self)
        inner.setChildrenCollapsible(False)
        inner.addWidget(self.view)
        texts_area = QWidget(inner)
        texts = QHBoxLayout(texts_area)
        texts.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(texts_area)
        inner.setStretchFactor(0, 1)
        inner.setStretchFactor(1, 3)
        self.base_text = self._text_pane()
        self.first_text = self._text_pane()
        self.second_text = self._text_pane()
        self.merged_text = QPlainTextEdit(self)
        self.merged_text.setTabChangesFocus(True)
        self.merged_text.setPlaceholderText(_t("The merged text"))
        for label, pane in ((_t("Common b&ase"), self.base_text),
                            (_t("Shown version"), self.first_text),
                            (_t("Other version"), self.second_text),
                            (_t("Merged te&xt (edit)"), self.merged_text)):
            column = QVBoxLayout()
            title = QLabel(label, self)
            title.setBuddy(pane)
            pane.setAccessibleName(title.text().replace("&", ""))
            column.addWidget(title)
            column.addWidget(pane)
            texts.addLayout(column, 1)
        buttons = QHBoxLayout()
        self.take_first_button = QPushButton(_t("Keep the sho&wn version"), self)
        self.take_second_button = QPushButton(_t("Keep the &other version"), self)
        self.save_merged_button = QPushButton(_t("Save the &merged text"), self)
        self.take_first_button.clicked.connect(lambda: self._resolve("first"))
        self.take_second_button.clicked.connect(lambda: self._resolve("second"))
        self.save_merged_button.clicked.connect(lambda: self._resolve("merged"))
        for b in (self.take_first_button, self.take_second_button, self.save_merged_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(inner, 1)
        layout.addLayout(buttons)
        self._set_buttons(False)
        self.view.selectionModel().currentRowChanged.connect(self._show)

    def _text_pane(self) -> QPlainTextEdit:
        pane = QPlainTextEdit(self)
        pane.setReadOnly(True)
        pane.setTabChangesFocus(True)
        return pane

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self._show(self.view.currentIndex())

    def current(self) -> conflicts.SectionConflict | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        found = self.model.rows[index.row()]["conflict"]
        return found if isinstance(found, conflicts.SectionConflict) else None

    def _set_buttons(self, enabled: bool) -> None:
        for b in (self.take_first_button, self.take_second_button, self.save_merged_button):
            b.setEnabled(enabled)

    def _show(self, index: Index) -> None:
        del index
        c = self.current()
        if c is None or len(c.heads) < 2:
            for pane in (self.base_text, self.first_text, self.second_text, self.merged_text):
                pane.setPlainText("")
            self._set_buttons(False)
            return
        self.base_text.setPlainText(c.base.body if c.base else "")
        self.first_text.setPlainText(c.heads[0].body)
        self.second_text.setPlainText(c.heads[1].body)
        self.merged_text.setPlainText(conflicts.suggested_text(c)[0])
        self._set_buttons(True)

    def _resolve(self, how: str) -> None:
        c = self.current()
        if c is None:
            return
        head = c.heads[1] if how == "second" else c.heads[0]
        body = self.merged_text.toPlainText() if how == "merged" else head.body
        self.chosen.emit(Resolution(c.section_id, c.code, head.title, body))
