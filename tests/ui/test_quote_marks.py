"""Quoted passages in the section's text are marked by more than colour: a line under
the words (solid while the remark is open, dotted once answered), which a reader who
cannot tell the background colours apart still sees."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QTextCharFormat
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from kplan_desktop.core.model import RemarkStatus
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.section_view import QUOTE_UNDERLINES
from tests.ui.conftest import GOAL_BODY, SmallPlan


def _grey(image: QImage) -> list[list[int]]:
    return [[QColor(image.pixel(x, y)).lightness() for x in range(image.width())]
            for y in range(image.height())]


def test_a_quoted_passage_is_underlined_not_only_coloured(
        qtbot: QtBot, window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    view = page.section_view.text
    start = GOAL_BODY.index("dešimt tūkstančių ąžuolų")
    quoted = [s for s in view.extraSelections()
              if s.cursor.selectionStart() <= start + 3 < s.cursor.selectionEnd()]
    assert quoted
    assert all(s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
               for s in quoted)
    # Seen in grey: the same text with the colour alone differs from it by a dark line.
    qtbot.waitExposed(window)
    marked = _grey(view.viewport().grab().toImage())
    plain = []
    for selection in view.extraSelections():
        only_colour = QTextEdit.ExtraSelection()
        only_colour.cursor = selection.cursor
        only_colour.format = QTextCharFormat()
        only_colour.format.setBackground(selection.format.background())
        plain.append(only_colour)
    view.setExtraSelections(plain)
    unmarked = _grey(view.viewport().grab().toImage())
    darker = [sum(1 for a, b in zip(row_m, row_u, strict=True) if b - a > 60)
              for row_m, row_u in zip(marked, unmarked, strict=True)]
    assert max(darker) > 40, "no line under the quoted words"


def test_open_and_answered_passages_are_told_apart_without_colour() -> None:
    assert set(QUOTE_UNDERLINES) == set(RemarkStatus)
    open_ = {QUOTE_UNDERLINES[RemarkStatus.NEW], QUOTE_UNDERLINES[RemarkStatus.UNDER_REVIEW]}
    answered = {QUOTE_UNDERLINES[s] for s in (RemarkStatus.ACCEPTED, RemarkStatus.REJECTED,
                                              RemarkStatus.PARTLY_ACCEPTED, RemarkStatus.NOTED)}
    assert len(open_) == len(answered) == 1
    assert open_ != answered
    assert QTextCharFormat.UnderlineStyle.NoUnderline not in set(QUOTE_UNDERLINES.values())
