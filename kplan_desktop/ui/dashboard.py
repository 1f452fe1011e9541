"""The consolidation dashboard: where the review stands, at a glance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.model import RemarkStatus
from ..store import queries
from ..store.workspace import Workspace
from .columns import TableFit
from .locale_text import show_date
from .models import ID_ROLE, status_name, type_name
from .record_lists import RecordListModel


def record_table(model: RecordListModel, name: str, *, wide: int | None = None) -> QTableView:
    """A short list as a calm table. ``wide``: the column of long text (a name, a title)
    that takes the room left, elided when short of it; the others fit their contents."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if wide is None:
        view.horizontalHeader().setStretchLastSection(True)
    else:
        view.horizontalHeader().setStretchLastSection(False)
        view.horizontalHeader().setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
    TableFit(view, view.horizontalHeader())  # titles whole, rows follow the text size
    return view


class DashboardPage(QWidget):
    section_chosen = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setSpacing(12)
        statuses = [s.value for s in RemarkStatus]
        self.by_group = RecordListModel(
            [(self.tr("Group"), lambda r: r["group"])]
            + [(status_name(s), (lambda r, s=s: r.get(s) or "")) for s in statuses]
            + [(self.tr("Total"), lambda r: r["total"])], self)
        self.by_type = RecordListModel(
            [(self.tr("Type"), lambda r: type_name(r["type"])),
             (self.tr("Remarks"), lambda r: r["n"])], self)
        self.top = RecordListModel(
            [(self.tr("Section"), lambda r: f"{r['code']} {r['title']}"),
             (self.tr("Remarks"), lambda r: r["n"]), (self.tr("Open"), lambda r: r["open"])],
            self)
        self.rounds = RecordListModel(
            [(self.tr("Review round"), lambda r: r["name"]),
             (self.tr("Closes"), lambda r: show_date(r["closes"])),
             (self.tr("Remarks"), lambda r: r["n"]), (self.tr("Open"), lambda r: r["open"]),
             (self.tr("State"), lambda r: self.tr("overdue") if r["overdue"] else "")], self)
        self.views: dict[str, QTableView] = {}
        for (row, col, span), title, model, name, wide in (
            # The name column takes what is left (elided when short): the counts stay in
            # sight, not behind a scroll bar (Lithuanian group names at 200%).
            ((0, 0, 2), self.tr("Remarks by group and status"), self.by_group, "byGroup", 0),
            ((1, 0, 1), self.tr("Remarks by type"), self.by_type, "byType", 0),
            ((1, 1, 1), self.tr("Open remarks per review round"), self.rounds, "perRound", 0),
            ((2, 0, 2), self.tr("Sections with the most remarks"), self.top, "topSections", 0),
        ):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            view = record_table(model, name, wide=wide)
            inner.addWidget(view)
            self.views[name] = view
            grid.addWidget(box, row, col, 1, span)
        self.overdue = QLabel()
        self.overdue.setObjectName("overdueRounds")
        self.overdue.setWordWrap(True)  # long round names must not widen the window
        self.overdue.setStyleSheet("color: #b45309; font-weight: 600")
        grid.addWidget(self.overdue, 3, 0, 1, 2)
        self.views["topSections"].doubleClicked.connect(
            lambda index: self.section_chosen.emit(str(index.data(ID_ROLE))))
        # Counted when first shown (showEvent): opening a workspace stays quick.

    def refresh(self) -> None:
        data = queries.dashboard(self.ws, dt.date.today().isoformat())
        groups: dict[str, dict[str, Any]] = {}
        for row in data["by_group"]:
            label = str(row["name"] or row["code"] or self.tr("(no group)"))
            entry = groups.setdefault(label, {"group": label, "total": 0})
            entry[row["status"]] = row["n"]
            entry["total"] += row["n"]
        self.by_group.set_rows(list(groups.values()))
        self.by_type.set_rows(data["by_type"])
        self.top.set_rows(data["top_sections"])
        self.rounds.set_rows(data["per_round"])
        late = [r["name"] for r in data["per_round"] if r["overdue"]]
        self.overdue.setText(
            self.tr("Past their closing date with open remarks: {rounds}").format(
                rounds=", ".join(late)) if late else "")

    def refresh_after_change(self, kind: str, ids: Sequence[str]) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()
