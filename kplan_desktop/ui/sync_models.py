"""The Sync page's lists and the words it shows for stored values.

:class:`RowsModel` is the Qt item model behind each of the page's tables;
:func:`load_lists` reads what they show (in the worker, off the UI thread). The
``*_name`` functions turn stored values (trust, conflict kinds, entities) into
translated words; they share the page's translation context, "SyncPage".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from ..store.workspace import Workspace
from ..sync import conflicts, trust
from ..sync.importer import ImportReport

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


def trust_name(value: str) -> str:
    """How far this copy trusts a key, in words (sync.trust.Trust's values)."""
    names = {
        trust.Trust.OWN: _t("this copy's own key"),
        trust.Trust.TRUSTED: _t("trusted: fingerprint confirmed"),
        trust.Trust.ROSTER: _t("trusted: introduced by a secretary"),
        trust.Trust.UNKNOWN: _t("not trusted yet"),
        trust.Trust.REVOKED: _t("revoked"),
    }
    return str(names.get(value, value))  # type: ignore[call-overload]


def conflict_kind_name(kind: str) -> str:
    names = {
        "section": _t("two versions of a section"),
        "fork": _t("a copy restored from a backup"),
    }
    return names.get(kind, kind)


def entity_name(entity: str) -> str:
    """What a change in a bundle is about (the event log's entity names)."""
    names = {
        "plan": _t("the plan"),
        "person": _t("people"),
        "work_group": _t("working groups"),
        "membership": _t("memberships"),
        "meeting": _t("meetings"),
        "attendance": _t("attendance"),
        "review_round": _t("review rounds"),
        "section": _t("sections"),
        "section_revision": _t("section texts"),
        "remark": _t("remarks"),
        "response_template": _t("response templates"),
    }
    return names.get(entity, entity)


def sentence(report: ImportReport, text: str) -> str:
    """One of the report's refusal or conflict sentences, translated like a KPlanError."""
    template, args = report.template(text)
    translated = QCoreApplication.translate("KPlanError", template)
    try:
        return translated.format(**args)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English sentence
        return text


def local_time(iso: object) -> str:
    """A stored UTC time as local date and minutes."""
    try:
        moment = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class RowsModel(QAbstractTableModel):
    """A small read-only table: rows of dicts, columns named by keys with headers; a column
    may give a function that turns its stored value into words."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str] | tuple[str, str, Callable[[Any], str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = [(c[0], c[1]) for c in columns]
        self._shown: dict[int, Callable[[Any], str]] = {
            n: c[2] for n, c in enumerate(columns) if len(c) == 3}
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()].get(self._columns[index.column()][0], "")
        shown = self._shown.get(index.column())
        return shown(value) if shown is not None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][1]
        return None


@dataclass
class Preview:
    """What an import of one file would do, for the confirmation dialog."""

    path: Path
    report: ImportReport
    signer_trust: str


def load_lists(ws: Workspace) -> dict[str, list[dict[str, Any]]]:
    """History, keys and conflicts: the page's three lists, read in the worker."""
    history = [
        {"when": r[0], "file": r[1], "signer": json.loads(r[6]).get("signer", "") if r[6] else "",
         "applied": r[2], "skipped": r[3], "refused": r[4], "conflicts": r[5]}
        for r in ws.conn.execute(
            "SELECT imported_at, file_name, applied, skipped, refused, conflicts, report"
            " FROM imported_bundle ORDER BY imported_at DESC"
        )
    ]
    keys = [
        {"fingerprint": k.fingerprint, "trust": k.trust.value, "name": k.name,
         "email": k.email, "seen": k.last_seen, "person_id": k.person_id}
        for k in trust.known_keys(ws.conn)
    ]
    found = []
    for c in conflicts.open_conflicts(ws):
        if isinstance(c, conflicts.SectionConflict):
            found.append({"kind": "section", "what": c.code, "found": c.found_at,
                          "conflict": c})
        else:
            found.append({"kind": "fork", "what": c.device, "found": c.found_at,
                          "conflict": c})
    return {"history": history, "keys": keys, "conflicts": found}

