"""The application's style: Fusion whose indicators, icons and arrows grow with the text.

Fusion sizes check boxes, radio buttons, icons and the combo box's arrow in fixed
pixels; at 200% text they looked like specks beside the words. :class:`ScaledStyle`
multiplies those metrics by the text size (the application font against the size it
started at). :func:`refresh_after_font_change` makes every open widget take the new
font and the new metrics at once: a widget with its own style sheet (a colour, a
weight) otherwise keeps the font it had, and toolbars keep their icon size.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QProxyStyle,
    QStatusBar,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComboBox,
    QStyleOptionComplex,
    QStyleOptionSpinBox,
    QWidget,
)

PM = QStyle.PixelMetric

#: The metrics that grow with the text: indicators, icons, arrows, the toolbar's "»".
SCALED_METRICS = frozenset({
    PM.PM_IndicatorWidth, PM.PM_IndicatorHeight,
    PM.PM_ExclusiveIndicatorWidth, PM.PM_ExclusiveIndicatorHeight,
    PM.PM_SmallIconSize, PM.PM_ToolBarIconSize, PM.PM_ListViewIconSize,
    PM.PM_ButtonIconSize, PM.PM_TabBarIconSize, PM.PM_LargeIconSize,
    PM.PM_IconViewIconSize, PM.PM_MessageBoxIconSize, PM.PM_LineEditIconSize,
    PM.PM_MenuButtonIndicator, PM.PM_HeaderMarkSize, PM.PM_ToolBarExtensionExtent,
    PM.PM_TreeViewIndentation, PM.PM_ScrollBarExtent, PM.PM_ScrollBarSliderMin,
    PM.PM_TabCloseIndicatorWidth, PM.PM_TabCloseIndicatorHeight,
    PM.PM_CheckBoxLabelSpacing, PM.PM_RadioButtonLabelSpacing,
})
#: Fusion's combo box arrow: a fixed 18 px wide button holding an arrow at most 14x8 px.
COMBO_ARROW_WIDTH = 18
#: Fusion's spin box buttons, at normal size.
SPIN_BUTTON_WIDTH = 16
ARROW_WIDTH, ARROW_HEIGHT = 14, 8
#: A tree's expand arrow at normal text, in pixels (Fusion's is about this).
BRANCH_ARROW = 9
TEXT = QPalette.ColorRole.Text


class ScaledStyle(QProxyStyle):
    """Fusion, with :data:`SCALED_METRICS` and the combo box's arrow times ``factor()``."""

    def __init__(self, factor: Callable[[], float]) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self._factor = factor

    def factor(self) -> float:
        """The text size as a multiple of normal; never below 1 (small text keeps
        indicators a hand can still hit)."""
        return max(1.0, self._factor())

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric in SCALED_METRICS:
            return round(value * self.factor())
        return value

    def _arrow_width(self) -> int:
        return round(COMBO_ARROW_WIDTH * self.factor())

    def subControlRect(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                       sub: QStyle.SubControl, widget: QWidget | None = None) -> QRect:
        rect = super().subControlRect(control, option, sub, widget)  # type: ignore[arg-type]
        if control == QStyle.ComplexControl.CC_SpinBox and self.factor() != 1.0:
            return self._spin_box_rect(option, sub, rect)
        if control != QStyle.ComplexControl.CC_ComboBox or self.factor() == 1.0:
            return rect
        extra = self._arrow_width() - COMBO_ARROW_WIDTH
        ltr = option.direction != Qt.LayoutDirection.RightToLeft
        if sub == QStyle.SubControl.SC_ComboBoxArrow:
            return rect.adjusted(-extra, 0, 0, 0) if ltr else rect.adjusted(0, 0, extra, 0)
        if sub == QStyle.SubControl.SC_ComboBoxEditField:
            return rect.adjusted(0, 0, -extra, 0) if ltr else rect.adjusted(extra, 0, 0, 0)
        return rect

    def _spin_box_rect(self, option: QStyleOptionComplex, sub: QStyle.SubControl,
                       rect: QRect) -> QRect:
        """A spin box's buttons as wide as the text is large (Fusion's stay 16 px)."""
        extra = round(SPIN_BUTTON_WIDTH * self.factor()) - SPIN_BUTTON_WIDTH
        ltr = option.direction != Qt.LayoutDirection.RightToLeft
        if sub in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
            return rect.adjusted(-extra, 0, 0, 0) if ltr else rect.adjusted(0, 0, extra, 0)
        if sub == QStyle.SubControl.SC_SpinBoxEditField:
            return rect.adjusted(0, 0, -extra, 0) if ltr else rect.adjusted(extra, 0, 0, 0)
        return rect

    def sizeFromContents(self, kind: QStyle.ContentsType, option: QStyleOption | None,
                         size: QSize, widget: QWidget | None = None) -> QSize:
        result = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if kind == QStyle.ContentsType.CT_ComboBox:
            result.setWidth(result.width() + self._arrow_width() - COMBO_ARROW_WIDTH)
        elif kind == QStyle.ContentsType.CT_SpinBox:
            result.setWidth(result.width() + round(SPIN_BUTTON_WIDTH * self.factor())
                            - SPIN_BUTTON_WIDTH)
        return result

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        if (control == QStyle.ComplexControl.CC_SpinBox and self.factor() != 1.0
                and isinstance(option, QStyleOptionSpinBox)):
            self._draw_spin_box(option, painter, widget)
            return
        if (control != QStyle.ComplexControl.CC_ComboBox or self.factor() == 1.0
                or not isinstance(option, QStyleOptionComboBox)):
            super().drawComplexControl(control, option, painter, widget)
            return
        # Fusion draws its arrow at a fixed size: draw the box without it, then a
        # larger one in the (larger) arrow rectangle.
        plain = QStyleOptionComboBox(option)
        plain.subControls = option.subControls & ~QStyle.SubControl.SC_ComboBoxArrow
        super().drawComplexControl(control, plain, painter, widget)
        if option.subControls & QStyle.SubControl.SC_ComboBoxArrow:
            arrow = self.subControlRect(control, option, QStyle.SubControl.SC_ComboBoxArrow,
                                        widget)
            self._draw_down_arrow(painter, arrow, option)

    def _draw_spin_box(self, option: QStyleOptionSpinBox, painter: QPainter,
                       widget: QWidget | None) -> None:
        # Fusion draws the box and its (wider) buttons, with arrows of a fixed size; larger
        # ones of the same shape, drawn over them from the same centre, cover them.
        control = QStyle.ComplexControl.CC_SpinBox
        super().drawComplexControl(control, option, painter, widget)
        if option.buttonSymbols != QAbstractSpinBox.ButtonSymbols.UpDownArrows:
            return
        for sub, up in ((QStyle.SubControl.SC_SpinBoxUp, True),
                        (QStyle.SubControl.SC_SpinBoxDown, False)):
            rect = self.subControlRect(control, option, sub, widget)
            self._draw_down_arrow(painter, rect, option, up=up)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if (element != QStyle.PrimitiveElement.PE_IndicatorBranch or self.factor() == 1.0
                or not option.state & QStyle.StateFlag.State_Children):
            super().drawPrimitive(element, option, painter, widget)
            return
        # A tree's expand arrow: Fusion's stays 8 px beside 200% text; draw the branch
        # without it, then one that grows with the text.
        plain = QStyleOption(option)
        plain.state = option.state & ~QStyle.StateFlag.State_Children
        super().drawPrimitive(element, plain, painter, widget)
        size = min(BRANCH_ARROW * self.factor(), option.rect.width() * 0.8,
                   option.rect.height() * 0.8)
        square = QRect(0, 0, round(size), round(size))
        square.moveCenter(option.rect.center())
        if option.state & QStyle.StateFlag.State_Open:
            self._draw_down_arrow(painter, square, option, role=TEXT)
        else:
            self._draw_right_arrow(painter, square, option)

    def _draw_right_arrow(self, painter: QPainter, rect: QRect, option: QStyleOption) -> None:
        height = rect.height() * 0.8
        width = height * ARROW_HEIGHT / ARROW_WIDTH * 1.2
        centre = QPointF(rect.center()) + QPointF(0.5, 0.5)
        self._fill(painter, option, TEXT, QPolygonF([
            centre + QPointF(-width / 2, -height / 2),
            centre + QPointF(width / 2, 0),
            centre + QPointF(-width / 2, height / 2),
        ]))

    def _fill(self, painter: QPainter, option: QStyleOption, role: QPalette.ColorRole,
              shape: QPolygonF) -> None:
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        colour = option.palette.color(option.palette.ColorGroup.Normal if enabled
                                      else option.palette.ColorGroup.Disabled, role)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(shape)
        painter.restore()

    def _draw_down_arrow(self, painter: QPainter, rect: QRect, option: QStyleOption,
                         role: QPalette.ColorRole | None = None, *, up: bool = False) -> None:
        width = min(ARROW_WIDTH * self.factor(), rect.width() * 0.7, rect.height() * 1.4)
        height = width * ARROW_HEIGHT / ARROW_WIDTH / 1.2
        centre = QPointF(rect.center()) + QPointF(0.5, 0.5)
        flip = -1 if up else 1
        triangle = QPolygonF([
            centre + QPointF(-width / 2, -flip * height / 2),
            centre + QPointF(width / 2, -flip * height / 2),
            centre + QPointF(0, flip * height / 2),
        ])
        self._fill(painter, option, role or QPalette.ColorRole.ButtonText, triangle)


def install_style(app: QApplication, factor: Callable[[], float]) -> ScaledStyle:
    """Make :class:`ScaledStyle` the application's style (again: a style set anew
    re-polishes every widget, which is how they all learn the new metrics)."""
    style = ScaledStyle(factor)
    app.setStyle(style)
    return style


def refresh_after_font_change(app: QApplication, factor: Callable[[], float]) -> None:
    """After ``app.setFont``: every widget takes the new font and metrics now.

    Setting the style again re-polishes each widget: one with a style sheet takes the
    application's font again (Qt keeps the font it resolved when the sheet was set),
    toolbars and views ask for their icon sizes again, and cached size hints go. A
    status bar measures its height again.
    """
    install_style(app, factor)
    for widget in app.allWidgets():
        if isinstance(widget, QStatusBar):  # its height is measured on a layout request only
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LayoutRequest))
