"""The Sync page's lists and the words it shows for stored values.

:class:`RowsModel` is the Qt item model behind each of the page's tables;
:func:`load_lists` reads what they show (in the worker, off the UI thread). The
``*_name`` functions turn stored values (trust, conflict kinds, entities, why
changes are held) into translated words; they share the page's translation
context, "SyncPage". :class:`Stranger` is whose a key would be, as the page's
trust question needs it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
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
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ..store.workspace import Workspace
from ..sync import conflicts, trust
from ..sync.import_bookkeeping import held_summary
from ..sync.importer import ImportReport, UnknownSigner
from .columns import TableFit
from .locale_text import show_datetime

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


#: The importer's reasons for holding changes (sync.importer), as patterns: the sentence is
#: made there in English with a value in it, so the window matches it to translate it.
_HELD_REASONS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"signed by a key this copy does not trust yet \(fingerprint (?P<fp>[^)]*)\)"),
     lambda m: _t("signed by a key this copy does not trust yet (fingerprint {fp})").format(
         fp=m["fp"])),
    (re.compile(r"the changes before it from device (?P<device>\S+) are missing"),
     lambda m: _t("the changes made before them on the same device are missing")),
    (re.compile(r"it changes a (?P<table>\w+) this copy does not have yet"),
     lambda m: _t("they change {what} this copy does not have yet").format(
         what=entity_name(m["table"]))),
    (re.compile(r"it refers to a (?P<table>\w+) this copy does not have yet"),
     lambda m: _t("they refer to {what} this copy does not have yet").format(
         what=entity_name(m["table"]))),
    (re.compile(r"stamped more than a day ahead of this computer's clock \(tried again later\)"),
     lambda m: _t("stamped more than a day ahead of this computer's clock (tried again"
                  " later)")),
)


def held_reason_name(reason: str) -> str:
    """Why changes are held, in words; a reason this window does not know stays as it is."""
    for pattern, words in _HELD_REASONS:
        found = pattern.fullmatch(reason)
        if found is not None:
            return words(found)
    return reason


def local_time(iso: object) -> str:
    """A stored UTC time as local date and minutes."""
    try:
        moment = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return show_datetime(moment)


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


def table_view(parent: QWidget, model: RowsModel, *, stretch: int) -> QTableView:
    """A read-only table of the page: whole rows, one at a time, Tab leaves it."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # the wordy one
    view.verticalHeader().setVisible(False)
    view.setTabKeyNavigation(False)  # Tab moves on to the next control, not the next cell
    view.setWordWrap(False)
    # A header and three rows at any text size, however the splitter is dragged.
    view.setMinimumHeight(view.fontMetrics().lineSpacing() * 6 + 2 * view.frameWidth())
    TableFit(view, header)  # titles whole, rows as high as the text at every size
    return view


@dataclass
class Preview:
    """What an import of one file would do, for the confirmation dialog."""

    path: Path
    report: ImportReport
    signer_trust: str


@dataclass(frozen=True)
class Stranger:
    """A bundle's signer this copy does not trust yet: whose the key would be."""

    fingerprint: str
    #: The person the file claims to come from (its key would be trusted for them).
    person_id: str
    #: The name the file gives its sender, which nobody here has confirmed.
    claimed: str
    #: That person's name and e-mail in this workspace; empty when not known here.
    known: str
    email: str
    #: The refusal itself, said when there is no one to trust the key for.
    refusal: UnknownSigner

    @classmethod
    def of(cls, conn: sqlite3.Connection, exc: UnknownSigner) -> Stranger:
        person = str(exc.args_map.get("person", ""))
        row = conn.execute("SELECT email FROM person WHERE id = ?", (person,)).fetchone()
        return cls(str(exc.args_map.get("fp", "")), person, str(exc.args_map.get("claimed", "")),
                   str(exc.args_map.get("known", "")), str(row[0] or "") if row else "", exc)


def whose(name: str, email: str) -> str:
    """A person as the trust question names them: name, and e-mail when there is one."""
    return _t("{name} ({email})").format(name=name, email=email) if email else name


def _person(conn: sqlite3.Connection, person_id: str) -> tuple[str, str]:
    row = conn.execute("SELECT full_name, email FROM person WHERE id = ?",
                       (person_id,)).fetchone()
    return (str(row[0] or ""), str(row[1] or "")) if row else ("", "")


def _held(conn: sqlite3.Connection) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What imports hold back, per device; and the keys of held feeds not known otherwise,
    so that the keys list can trust them (their events then apply)."""
    rows: list[dict[str, Any]] = []
    keys: dict[str, dict[str, Any]] = {}
    for device, first, count, reason in held_summary(conn):
        person_id, key = conn.execute(
            "SELECT person_id, public_key FROM held_event WHERE device = ? ORDER BY seq LIMIT 1",
            (device,)).fetchone()
        name, email = _person(conn, person_id)
        rows.append({"who": name, "device": device, "from": first, "count": count,
                     "reason": reason, "person_id": person_id})
        fp = trust.key_fingerprint(key)
        if fp:
            keys.setdefault(fp, {
                "fingerprint": fp, "trust": trust.judge(conn, key).trust.value, "name": name,
                "email": email, "seen": "", "person_id": person_id, "public_key": key})
    return rows, list(keys.values())


def load_lists(ws: Workspace) -> dict[str, list[dict[str, Any]]]:
    """History, keys, held changes and conflicts: the page's lists, read in the worker."""
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
         "email": k.email, "seen": k.last_seen, "person_id": k.person_id, "public_key": ""}
        for k in trust.known_keys(ws.conn)
    ]
    held, held_keys = _held(ws.conn)
    listed = {k["fingerprint"] for k in keys}
    keys += [k for k in held_keys if k["fingerprint"] not in listed]
    found = []
    for c in conflicts.open_conflicts(ws):
        if isinstance(c, conflicts.SectionConflict):
            found.append({"kind": "section", "what": c.code, "found": c.found_at,
                          "conflict": c})
        else:
            found.append({"kind": "fork", "what": c.device, "found": c.found_at,
                          "conflict": c})
    return {"history": history, "keys": keys, "held": held, "conflicts": found}
