"""Icons: one licensed SVG set on the actions, the application's own icon, a shape per status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage
from pytestqt.qtbot import QtBot

from kplan_desktop.core.model import RemarkStatus
from kplan_desktop.ui.icons import (
    ACTION_ICONS,
    IconLoader,
    app_icon,
    icon_path,
    resources_dir,
    status_pixmap,
)
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.remark_table import RemarkColumn
from tests.ui.conftest import SmallPlan


def _ink(image: QImage) -> int:
    """How many pixels are drawn (not transparent)."""
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).alpha() > 40)


def test_every_icon_named_is_shipped_with_its_licence() -> None:
    assert "ISC License" in (resources_dir() / "icons" / "LICENSE").read_text()
    for name in ACTION_ICONS.values():
        assert icon_path(name).is_file(), name
    for name in ("kplan.svg", "kplan.png", "kplan.ico"):
        assert (resources_dir() / name).stat().st_size > 500
    png = QImage(str(resources_dir() / "kplan.png"))
    assert (png.width(), png.height()) == (256, 256)


def test_icons_render_tinted_in_the_palette_colour(qtbot: QtBot) -> None:
    image = IconLoader(QColor("#ff0000")).icon("search").pixmap(48, 48).toImage()
    drawn = [image.pixelColor(x, y) for y in range(48) for x in range(48)
             if image.pixelColor(x, y).alpha() > 200]
    assert len(drawn) > 50
    assert all(c.red() > 200 and c.green() < 60 for c in drawn)
    assert _ink(app_icon().pixmap(64, 64).toImage()) > 1000


def test_main_window_actions_have_icons(window: MainWindow) -> None:
    for action in window.actions():
        if action.objectName() in ACTION_ICONS:
            assert not action.icon().isNull(), action.objectName()
    for name in ("writeRemark", "answerRemarks", "editSection", "undo", "redo", "showPlan",
                 "exportRemarks", "importDraft", "textLarger", "findRemarks"):
        assert name in ACTION_ICONS


def test_each_status_has_its_own_shape(qtbot: QtBot) -> None:
    shapes = {s.value: status_pixmap(s.value, 24).toImage() for s in RemarkStatus}
    for status, image in shapes.items():
        assert _ink(image) > 10, status
    # Alike in colour (grey) or not, no two shapes are the same picture once made grey.
    masks = {status: bytes(image.convertToFormat(QImage.Format.Format_Alpha8).constBits())
             for status, image in shapes.items()}
    assert len(set(masks.values())) == len(masks)


def test_status_column_shows_shape_and_word(window: MainWindow, small_plan: SmallPlan) -> None:
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    model = page.remarks_model
    assert model.rowCount() > 0
    index = model.index(0, int(RemarkColumn.STATUS))
    assert isinstance(model.data(index, Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.data(index, Qt.ItemDataRole.DisplayRole)  # the word as well


def test_the_remark_in_full_says_its_status_with_a_shape_too(
        window: MainWindow, small_plan: SmallPlan) -> None:
    from kplan_desktop.ui.icons import STATUS_GLYPHS, status_glyph

    assert len(set(STATUS_GLYPHS.values())) == len(STATUS_GLYPHS)
    page = window.plan_page
    assert page is not None
    page.select_section(small_plan.goal_id)
    page.remarks.selectRow(0)
    assert f"{status_glyph('new')} new" in page.detail.view.toPlainText()
    assert status_glyph("rejected") != status_glyph("accepted")
