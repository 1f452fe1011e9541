"""Dates, numbers and the order of names, as the interface's language writes them.

:func:`.app.load_translators` makes the language's QLocale the default; the functions
here read it, so a table or pane that shows a date through them follows the language.
Names sort by Lithuanian rules in either language (č after c, š after s, ž after z,
y with i): the plan's people, groups and places are Lithuanian.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from PySide6.QtCore import QCollator, QCollatorSortKey, QDate, QDateTime, QLocale, QTime


def ui_locale(lang: str) -> QLocale:
    """The locale of an interface language; English writes the day before the month,
    as its readers here (consultants, visitors of a European city) expect."""
    if lang == "lt":
        return QLocale(QLocale.Language.Lithuanian, QLocale.Country.Lithuania)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _parse(value: object) -> dt.datetime | dt.date | None:
    if isinstance(value, dt.datetime | dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        if len(text) <= 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def show_date(value: object) -> str:
    """An ISO date or timestamp as the language writes a date (2026-03-05, 05/03/2026);
    what is not a date is shown as it is."""
    moment = _parse(value)
    if moment is None:
        return str(value or "")
    day = moment.date() if isinstance(moment, dt.datetime) else moment
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.ShortFormat)


def show_datetime(value: object) -> str:
    """An ISO timestamp as the language writes a date and time, in local time."""
    moment = _parse(value)
    if not isinstance(moment, dt.datetime):
        return show_date(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    when = QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def show_number(value: float, decimals: int = 0) -> str:
    """A number with the language's separators (12 345,5 in Lithuanian)."""
    return QLocale().toString(float(value), "f", decimals)


@cache
def _collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Lithuanian, QLocale.Country.Lithuania))
    collator.setNumericMode(True)  # "2.10" after "2.9"
    return collator


def name_key(text: str) -> QCollatorSortKey:
    """A sort key for names in Lithuanian order: ``sorted(names, key=name_key)``."""
    return _collator().sortKey(text)


def compare_names(a: str, b: str) -> int:
    """<0, 0 or >0 as ``a`` sorts before, with or after ``b`` in Lithuanian order."""
    return _collator().compare(a, b)
