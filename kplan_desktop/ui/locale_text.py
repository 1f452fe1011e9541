"""Dates, numbers and the order of names, as the interface's language writes them.

:func:`.app.load_translators` makes the language's QLocale the default; the functions
here read it, so a table or pane that shows a date through them follows the language.
Names sort by Lithuanian rules in either language (č after c, š after s, ž after z,
y with i): the plan's people, groups and places are Lithuanian.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from PySide6.QtCore import (
    QCollator,
    QCollatorSortKey,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QTime,
)

#: The interface language, set by :func:`.app.load_translators` (English until then).
_language = "en"


def ui_locale(lang: str) -> QLocale:
    """The locale of an interface language; English writes the day before the month,
    as its readers here (consultants, visitors of a European city) expect."""
    if lang == "lt":
        return QLocale(QLocale.Language.Lithuanian, QLocale.Country.Lithuania)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def use_language(lang: str) -> None:
    """Dates and numbers in ``lang`` from now on (also Qt's own widgets: the default locale)."""
    global _language
    _language = lang
    QLocale.setDefault(ui_locale(lang))


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


def _local(moment: dt.datetime | dt.date) -> QDateTime:
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        return QDateTime(QDate(moment.year, moment.month, moment.day),
                         QTime(moment.hour, moment.minute))
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(0, 0))


def show_date(value: object, *, long: bool = False) -> str:
    """An ISO date or timestamp (local day) as the language writes a date in a table:
    2026-03-05 in both languages (Lithuanian's own short form; in English the one form
    no reader misreads, where British and American order differ). ``long``: in words,
    for prose and the detail pane: "2026 m. kovo 5 d.", "5 March 2026".
    What is not a date is shown as it is."""
    moment = _parse(value)
    if moment is None:
        return str(value or "")
    day = _local(moment).date()
    locale = ui_locale(_language)
    if long:
        return locale.toString(day, "yyyy 'm'. MMMM d 'd'." if _language == "lt"
                               else "d MMMM yyyy")
    return day.toString("yyyy-MM-dd") if _language != "lt" else locale.toString(
        day, QLocale.FormatType.ShortFormat)


def show_datetime(value: object) -> str:
    """An ISO timestamp as the language writes a date and time, in local time."""
    moment = _parse(value)
    if not isinstance(moment, dt.datetime):
        return show_date(value)
    return f"{show_date(moment)} {_local(moment).time().toString('HH:mm')}"


def show_number(value: float, decimals: int = 0) -> str:
    """A number with the language's separators (12 345,5 in Lithuanian)."""
    return ui_locale(_language).toString(float(value), "f", decimals)


@cache
def _collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Lithuanian, QLocale.Country.Lithuania))
    collator.setNumericMode(True)  # "2.10" after "2.9"
    return collator


def name_key(text: str) -> QCollatorSortKey:
    """A sort key for names in Lithuanian order: ``sorted(names, key=name_key)``."""
    return _collator().sortKey(text)


def by_name(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(id, name) pairs in Lithuanian order of their names (SQL sorts by code points)."""
    return sorted(choices, key=lambda choice: name_key(choice[1]))


def quoted_text(text: str) -> str:
    """``text`` in the language's quotation marks: „…“ in Lithuanian, “…” in English."""
    return QCoreApplication.translate("Quotes", "“{text}”").format(text=text)
