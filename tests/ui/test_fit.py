"""Large text that fits: every page and dialog of the window in Lithuanian at 200% on a
1920x1080 screen (and at 150% on 1366x768) shows every label, button, column title
and indicator whole, and no window is larger than the screen.

What "fits" means is measured the way Qt lays out, not by eye: a label's and a
button's size hint against the room it was given, a column title against the
header section, a check box's or a combo box's indicator against the text beside
it, a combo box's chosen item against its box, a window's minimum size against the
screen, and the toolbar's "»" (actions hidden) never shown. A new dialog is checked
by adding its action to DIALOGS.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOptionComboBox,
    QStyleOptionSpinBox,
    QTableView,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from kplan_desktop.demo.generate import build_demo
from kplan_desktop.ui.app import (
    TextScaler,
    load_translators,
    unload_translators,
)
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.models import STATUS_ROLE
from kplan_desktop.ui.plan_page import RemarkTableView
from kplan_desktop.ui.remark_table import RemarkColumn, column_samples
from kplan_desktop.ui.settings import Settings

#: (text size in %, the screen): each must fit.
SCREENS = [(200, QSize(1920, 1080)), (150, QSize(1366, 768))]

#: The window's pages, by the action that shows each.
PAGES = ["action_show_plan", "action_show_remarks", "action_show_dashboard",
         "action_show_records", "action_show_sync"]

#: An indicator (check box, radio button, combo box arrow) at least this share of the
#: text's line height: at 200% Fusion's were 14 px beside 34 px text.
INDICATOR_SHARE = 0.6
#: A table row at least this much higher than its text.
ROW_PADDING = 4
#: One pixel of rounding.
SLACK = 1


def _on_plan(window: MainWindow) -> None:
    window.action_show_plan()


def _open_remark_selected(window: MainWindow) -> None:
    window.action_show_remarks()
    page = window.remarks_page
    assert page is not None
    model = page.model
    rows = [r for r in range(model.rowCount())
            if model.index(r, 0).data(STATUS_ROLE) in ("new", "under_review")]
    assert rows, "no open remark to answer"
    page.table.selectRow(rows[0])


def _records(action: str, *, member: bool = False, meeting: bool = False
             ) -> Callable[[MainWindow], None]:
    """Opens a group records' dialog: the records page's ``action``, with the first member
    or meeting chosen first when it works on one."""

    def prepare(window: MainWindow) -> None:
        window.action_show_records()
        records = window.records_page
        assert records is not None
        if member:
            records.member_view.selectRow(0)
        if meeting:
            records.meeting_view.selectRow(0)

    prepare.records_action = action  # type: ignore[attr-defined]
    return prepare


def _draft_import(window: MainWindow) -> None:
    """The consultants' new draft read and previewed: the draft-import dialog."""
    from tests.ui.test_draft_import_dialog import _draft

    window.action_show_plan()
    assert window.ws is not None
    path = _draft(window.ws.path.with_name("naujas-projektas.docx"))
    _draft_import.call = lambda w: w.import_draft_from(path)  # type: ignore[attr-defined]


def _trust_question(window: MainWindow) -> None:
    """The Sync page's question before trusting a key (a message box)."""
    window.action_show_sync()
    page = window.sync_page
    assert page is not None
    fingerprint = " ".join(["1234"] * 10)
    _trust_question.call = lambda _w: page.trust_question(  # type: ignore[attr-defined]
        "Ona Kazlauskaitė-Urbonavičienė (ona.kazlauskaite@kaunas.lt)", fingerprint).open()


#: The dialogs the window's actions open (non-blocking): the window's action (or, for
#: the group records, the records page's), and what is chosen before it. A new dialog:
#: add it here.
DIALOGS: list[Any] = [
    ("action_write_remark", _on_plan),
    ("action_answer_remarks", _open_remark_selected),
    ("action_edit_section", _on_plan),
    ("action_section_history", _on_plan),
    ("action_move_section_to", _on_plan),
    ("action_export_remarks", _on_plan),
    ("action_export_draft", _on_plan),
    ("action_about", _on_plan),
    ("import_draft_from", _draft_import),
    ("trust_question", _trust_question),
    ("action_new_plan", _on_plan),
    ("action_show_identity", _on_plan),
    ("action_add_group", _records("action_add_group")),
    ("action_add_member", _records("action_add_member")),
    ("action_edit_member", _records("action_edit_member", member=True)),
    ("action_end_membership", _records("action_end_membership", member=True)),
    ("action_add_meeting", _records("action_add_meeting")),
    ("action_attendance", _records("action_attendance", meeting=True)),
    ("action_add_round", _records("action_add_round")),
    ("action_edit_mandate", _records("action_edit_mandate")),
]


# --- what does not fit -----------------------------------------------------------------------


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{type(widget).__name__}({widget.objectName() or shown[:40]!r})"


def _label_misfit(label: QLabel) -> str | None:
    if not label.text():
        return None
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height() + SLACK:
            return f"{_name(label)} needs {need} px of height, has {label.height()}"
        return None
    need_size = label.minimumSizeHint()
    if (need_size.width() > label.width() + SLACK
            or need_size.height() > label.height() + SLACK):
        return f"{_name(label)} needs {need_size.toTuple()}, has {label.size().toTuple()}"
    return None


def _button_misfit(button: QAbstractButton) -> str | None:
    if button.objectName() == "qt_toolbar_ext_button":
        return "the toolbar hides actions behind »"
    need = button.sizeHint()
    if need.width() > button.width() + SLACK or need.height() > button.height() + SLACK:
        return f"{_name(button)} needs {need.toTuple()}, has {button.size().toTuple()}"
    return None


def _indicator_misfit(widget: QWidget) -> str | None:
    style, line = widget.style(), widget.fontMetrics().height()
    if isinstance(widget, QRadioButton):
        size = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorHeight, None, widget)
    elif isinstance(widget, QCheckBox):
        size = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, widget)
    elif isinstance(widget, QComboBox):
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        size = style.subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                    QStyle.SubControl.SC_ComboBoxArrow, widget).width()
    elif isinstance(widget, QAbstractSpinBox) and (
            widget.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.UpDownArrows):
        spin = QStyleOptionSpinBox()
        spin.initFrom(widget)
        spin.rect = widget.rect()
        spin.subControls = QStyle.SubControl.SC_SpinBoxUp
        size = style.subControlRect(QStyle.ComplexControl.CC_SpinBox, spin,
                                    QStyle.SubControl.SC_SpinBoxUp, widget).width()
    else:
        return None
    if size < INDICATOR_SHARE * line:
        return f"{_name(widget)}'s indicator is {size} px beside {line} px text"
    return None


def _combo_text_misfit(combo: QComboBox) -> str | None:
    """The chosen item's words whole in the box ("Visos būseno…" was cut at 200%)."""
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()
    need = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4  # Fusion's gap between icon and words
    if need > room + SLACK:
        return f"{_name(combo)}'s {text!r} needs {need} px, has {room}"
    return None


def _header_misfits(header: QHeaderView) -> list[str]:
    found = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical) or header.sectionSize(logical) == 0:
            continue
        need = header.sectionSizeFromContents(logical)
        along = need.width() if header.orientation().name == "Horizontal" else need.height()
        if along > header.sectionSize(logical) + SLACK:
            title = header.model().headerData(logical, header.orientation()) if header.model() \
                else logical
            found.append(f"column {title!r} of {_name(header.parentWidget() or header)} needs "
                         f"{along} px, has {header.sectionSize(logical)}")
    return found


def _label_column_misfits(view: RemarkTableView) -> list[str]:
    """The remark table's columns of labels (type, status, date) show them whole."""
    found = []
    model = view.model()
    for column in RemarkColumn:
        if view.isColumnHidden(int(column)) or not column_samples(column):
            continue
        for row in range(min(model.rowCount(), 30)):
            index = model.index(row, int(column))
            need = view.sizeHintForIndex(index).width()
            if need > view.columnWidth(int(column)) + SLACK:
                found.append(f"{index.data()!r} in {view.objectName()} needs {need} px, has "
                             f"{view.columnWidth(int(column))}")
    return found


def _row_misfit(view: QTableView) -> str | None:
    """A table's rows as high as a line of its text, with room around it."""
    row, line = view.verticalHeader().defaultSectionSize(), view.fontMetrics().height()
    if row < line + ROW_PADDING:
        return f"{_name(view)}'s rows are {row} px for {line} px text"
    return None


def misfits(root: QWidget) -> list[str]:
    """Everything shown in ``root`` whose text or indicator does not fit its room."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        if isinstance(widget, QLabel):
            found.append(_label_misfit(widget) or "")
        if isinstance(widget, QAbstractButton):
            found.append(_button_misfit(widget) or "")
        found.append(_indicator_misfit(widget) or "")
        if isinstance(widget, QComboBox):
            found.append(_combo_text_misfit(widget) or "")
        if isinstance(widget, QHeaderView) and not widget.isHidden():
            found.extend(_header_misfits(widget))
        if isinstance(widget, RemarkTableView):
            found.extend(_label_column_misfits(widget))
        if isinstance(widget, QTableView):
            found.append(_row_misfit(widget) or "")
    return sorted({f for f in found if f})


def too_large(window: QWidget, screen: QSize) -> list[str]:
    """A window larger than the screen, or one that would be at its smallest."""
    found = []
    for what, size in (("minimum size", window.minimumSizeHint()), ("size", window.size())):
        if size.width() > screen.width() or size.height() > screen.height():
            found.append(f"{_name(window)}'s {what} {size.toTuple()} is larger than the "
                         f"screen {screen.toTuple()}")
    return found


# --- the window at a large text size -----------------------------------------------------------


@pytest.fixture(scope="module")
def demo_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.kplan"
    build_demo(path, remarks=150)
    return path


@pytest.fixture
def plan_copy(demo_plan: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "plan.kplan"
    shutil.copy(demo_plan, copy)
    return copy


@pytest.fixture(params=SCREENS, ids=[f"{pct}%-{s.width()}x{s.height()}" for pct, s in SCREENS])
def large_window(request: pytest.FixtureRequest, qtbot: QtBot, qapp: QApplication,
                 settings: Settings, plan_copy: Path) -> Iterator[tuple[MainWindow, QSize]]:
    pct, screen = request.param
    font, style = qapp.font(), qapp.style().name()
    translators = load_translators(qapp, "lt")
    try:
        scaler = TextScaler(qapp, settings, pct)
        window = MainWindow(settings, scaler)
        qtbot.addWidget(window)
        window.resize(screen)
        window.show()
        assert window.open_workspace(plan_copy)
        qtbot.wait(50)
        yield window, screen
        window.close()
    finally:
        unload_translators(qapp, translators)
        qapp.setFont(font)
        qapp.setStyle(QStyleFactory.create(style))


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(50)  # layouts and the toolbar's fitting run from the event loop


def settled(qtbot: QtBot, check: Callable[[], list[str]]) -> list[str]:
    """What ``check`` finds once the layouts have had their turn: it is asked again
    while the event loop runs, for a few seconds at most, until it finds nothing."""
    with contextlib.suppress(WaitTimeout):
        qtbot.waitUntil(lambda: not check(), timeout=3000)
    return check()


def test_every_page_fits_at_large_text(qtbot: QtBot,
                                       large_window: tuple[MainWindow, QSize]) -> None:
    window, screen = large_window
    found = []
    for action in PAGES:
        getattr(window, action)()
        _settle(qtbot)
        found += [f"{action}: {m}" for m in settled(
            qtbot, lambda: misfits(window) + too_large(window, screen))]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(("action", "prepare"), DIALOGS)
def test_every_dialog_fits_at_large_text(qtbot: QtBot, large_window: tuple[MainWindow, QSize],
                                         action: str,
                                         prepare: Callable[[MainWindow], None]) -> None:
    window, screen = large_window
    window.action_show_remarks()  # read in the background; the plan page reads at once
    assert window.remarks_page is not None
    qtbot.waitUntil(lambda: window.remarks_page is not None and window.remarks_page.loaded
                    and not window.remarks_page.loading)
    prepare(window)
    _settle(qtbot)

    def dialog() -> QDialog | None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QDialog) and w.isVisible()]
        return shown[0] if shown else None

    records_action = getattr(prepare, "records_action", None)
    call = getattr(prepare, "call", None)
    if call is not None:
        call(window)
    elif records_action is not None:
        getattr(window.records_page, records_action)()
    else:
        getattr(window, action)()
    qtbot.waitUntil(lambda: dialog() is not None)
    opened = dialog()
    assert opened is not None
    try:
        found = settled(qtbot, lambda: misfits(opened) + too_large(opened, screen))
        assert found == [], "\n".join(found)
    finally:
        opened.reject()


@pytest.mark.parametrize(("pct", "screen"), SCREENS, ids=[f"{p}%" for p, _ in SCREENS])
def test_the_welcome_screen_fits_at_large_text(qtbot: QtBot, qapp: QApplication,
                                              settings: Settings, pct: int,
                                              screen: QSize) -> None:
    font, style = qapp.font(), qapp.style().name()
    translators = load_translators(qapp, "lt")
    try:
        window = MainWindow(settings, TextScaler(qapp, settings, pct))
        qtbot.addWidget(window)
        window.resize(screen)
        window.show()
        found = settled(qtbot, lambda: misfits(window) + too_large(window, screen))
        assert found == [], "\n".join(found)
    finally:
        unload_translators(qapp, translators)
        qapp.setFont(font)
        qapp.setStyle(QStyleFactory.create(style))


def test_a_live_change_reaches_every_widget(qtbot: QtBot, qapp: QApplication,
                                            settings: Settings, plan_copy: Path) -> None:
    """Larger text from the menu: the labels that set their own colour or weight (the
    section's facts, "Remarks on this section: N") grow with the rest, so do the
    indicators, the table's rows and the toolbar's icons."""
    font, style = qapp.font(), qapp.style().name()
    try:
        scaler = TextScaler(qapp, settings, 100)
        window = MainWindow(settings, scaler)
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        assert window.open_workspace(plan_copy)
        page = window.plan_page
        assert page is not None
        labels = [page.remarks_label, page.section_view.facts]
        before = [label.fontInfo().pixelSize() for label in labels]
        row_before = page.remarks.verticalHeader().defaultSectionSize()
        icon_before = window.toolbar.iconSize().height()
        for _ in range(5):
            window.action_text_larger()
        _settle(qtbot)
        after = [label.fontInfo().pixelSize() for label in labels]
        assert all(a >= 1.6 * b for a, b in zip(after, before, strict=True)), (before, after)
        assert page.remarks.verticalHeader().defaultSectionSize() >= 1.5 * row_before
        assert window.toolbar.iconSize().height() >= 1.5 * icon_before
        found = settled(qtbot, lambda: misfits(window))
        assert found == [], "\n".join(found)
    finally:
        qapp.setFont(font)
        qapp.setStyle(QStyleFactory.create(style))


def test_column_widths_set_by_hand_come_back(qtbot: QtBot, window: MainWindow,
                                             settings: Settings) -> None:
    """A column dragged wider is that wide again when the table is made anew."""
    window.action_show_remarks()
    page = window.remarks_page
    assert page is not None
    header = page.table.horizontalHeader()
    author = int(RemarkColumn.AUTHOR)
    wider = header.sectionSize(author) + 40
    # As a mouse drag does it: a resize between press and release of the header.
    def mouse(kind: QEvent.Type) -> None:
        event = QMouseEvent(kind, QPointF(2, 2), QPointF(2, 2), Qt.MouseButton.LeftButton,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(header.viewport(), event)

    mouse(QEvent.Type.MouseButtonPress)
    header.resizeSection(author, wider)
    mouse(QEvent.Type.MouseButtonRelease)
    path = window.ws.path if window.ws is not None else None
    assert path is not None
    window.action_close_workspace()
    assert window.open_workspace(path)
    window.action_show_remarks()
    _settle(qtbot)
    page = window.remarks_page
    assert page is not None
    assert page.table.horizontalHeader().sectionSize(author) == wider
    assert settings.header_state("allRemarks",
                                 page.table.fontMetrics().horizontalAdvance("M")) is not None
