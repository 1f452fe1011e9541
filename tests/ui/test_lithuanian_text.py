"""Lithuanian as it is written: „quotes“, three plural forms, dates, the order of names,
groups by their names."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kplan_desktop.core.collation import lithuanian_key
from kplan_desktop.ui.app import load_translators, unload_translators
from kplan_desktop.ui.locale_text import name_key, quoted_text, show_date, show_number
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.remark_table import RemarkColumn
from kplan_desktop.ui.settings import Settings
from tests.ui.conftest import SmallPlan

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = (ROOT / "i18n" / "kplan_lt.ts", ROOT / "i18n" / "kplan_qt_lt.ts")

#: Lithuanian's three plural forms, by the numbers that take them.
PLURAL_FORMS = {0: (1, 21, 101, 1001), 1: (2, 5, 9, 22, 34), 2: (0, 10, 11, 15, 20, 111, 1000)}



def _translations() -> Iterator[tuple[str, str, list[str], bool]]:
    for path in CATALOGUES:
        for context in ET.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                assert translation is not None
                numerus = message.get("numerus") == "yes"
                forms = ([f.text or "" for f in translation.iter("numerusform")] if numerus
                         else [translation.text or ""])
                yield (context.findtext("name") or "", message.findtext("source") or "", forms,
                       numerus)


def test_lithuanian_quotes_are_low_high() -> None:
    """„…“ around words, never “…”, "…" or '…' (a command line in `backticks` keeps its own)."""
    wrong = []
    for context, source, forms, _ in _translations():
        for form in forms:
            prose = re.sub(r"`[^`]*`|„[^„“”]*“", "", form)  # code; well-quoted words
            if re.search(r"[“”\"]|(?<!\w)'[^']+'(?!\w)", prose):
                wrong.append((context, source, form))
    assert wrong == []


def test_quoted_text_follows_the_language(lithuanian: None) -> None:
    assert quoted_text("ąžuolas") == "„ąžuolas“"


def test_plurals_take_the_three_lithuanian_forms(lithuanian: None) -> None:
    plurals = [(c, s, forms) for c, s, forms, numerus in _translations() if numerus]
    assert len(plurals) >= 10
    for context, source, forms in plurals:
        assert len(forms) == 3, source
        for form, numbers in PLURAL_FORMS.items():
            for n in numbers:
                shown = QCoreApplication.translate(context, source, None, n)
                assert shown == forms[form].replace("%n", str(n)), (source, n, shown)
    # The words themselves: 1 pastaba, 22 pastabos, 111 pastabų.
    def remarks(n: int) -> str:
        return QCoreApplication.translate("RemarksPage", "%n of {total} remark(s)", None, n)
    assert [remarks(n) for n in (1, 21, 101, 2, 9, 22, 0, 10, 20, 111)] == [
        "1 pastaba iš {total}", "21 pastaba iš {total}", "101 pastaba iš {total}",
        "2 pastabos iš {total}", "9 pastabos iš {total}", "22 pastabos iš {total}",
        "0 pastabų iš {total}", "10 pastabų iš {total}", "20 pastabų iš {total}",
        "111 pastabų iš {total}"]
    assert QCoreApplication.translate(
        "SyncPage", "Wrote {path}: %n change(s), {size} kB.", None, 12) == (
        "Įrašytas {path}: 12 pakeitimų, {size} kB.")


def test_dates_and_numbers_follow_the_language(qapp: QApplication) -> None:
    translators = load_translators(qapp, "lt")
    try:
        assert show_date("2026-03-05T08:30:00+00:00") == "2026-03-05"
        assert show_date("2026-03-05", long=True) == "2026 m. kovo 5 d."
        assert show_number(12345.5, 1) == "12\N{NO-BREAK SPACE}345,5"
    finally:
        unload_translators(qapp, translators)
    translators = load_translators(qapp, "en")
    try:
        assert show_date("2026-03-05") == "2026-03-05"
        assert show_date("2026-03-05", long=True) == "5 March 2026"
        assert show_number(12345.5, 1) == "12,345.5"
    finally:
        unload_translators(qapp, translators)
    assert show_date("") == "" and show_date("not a date") == "not a date"


def test_names_sort_in_lithuanian_order() -> None:
    names = ["Žukauskas", "Zigmantas", "Šimkus", "Sabonis", "Čepaitis", "Cvirka", "Jonaitis",
             "Yla", "Įgaunis", "Hansas", "ąžuolas", "Antanaitis", "Dambrauskas", "2.10", "2.9"]
    assert sorted(names, key=name_key) == [
        "2.9", "2.10", "Antanaitis", "ąžuolas", "Cvirka", "Čepaitis", "Dambrauskas", "Hansas",
        "Įgaunis", "Yla", "Jonaitis", "Sabonis", "Šimkus", "Zigmantas", "Žukauskas"]
    # y is a kind of i (the rule of the Lithuanian language commission, as CLDR has it):
    # between į and j where the words are otherwise the same.
    assert sorted(["Jla", "Yla", "Įla", "Ila"], key=name_key) == ["Ila", "Įla", "Yla", "Jla"]


def test_the_core_key_sorts_as_the_collator_does() -> None:
    """Below the UI (the store's name orders) a pure key; the same order as QCollator's."""
    words = ["Žukauskas", "Zigmantas", "Šimkus", "Sabonis", "Čepaitis", "Cvirka", "Jonaitis",
             "Yla", "Įgaunis", "Hansas", "ąžuolas", "Antanaitis", "Jla", "Ila", "Įla", "ėglė",
             "eglė", "Ęgė", "Ona Petraitienė", "Onutė", "ona", "Ūla", "Ula", "Ųla", "Vytautas",
             "Vitas", "Šarūnas", "Saulius", "šaltinis"]
    assert sorted(words, key=lithuanian_key) == sorted(words, key=name_key)
    assert sorted(["Zigmas", "Šimkus", "Sabonis"], key=lithuanian_key) == [
        "Sabonis", "Šimkus", "Zigmas"]


def test_tables_show_group_names_and_local_dates(
        lithuanian: None, qtbot: QtBot, settings: Settings, small_plan: SmallPlan) -> None:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_workspace(small_plan.path)
    page = win.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    model = page.remarks_model
    assert model.index(0, RemarkColumn.GROUP).data() == "Aplinkos darbo grupė"
    created = model.index(0, RemarkColumn.CREATED).data(Qt.ItemDataRole.DisplayRole)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", created)
    win.close()
