"""Icons: the Lucide set (ISC licence, resources/icons/LICENSE) shipped as SVG, the
application's own icon, and a shape for every remark status.

The SVGs draw with ``currentColor``; they are rendered here in the palette's text
colour, so they read on a light and on a dark palette alike. Rendered through
QtSvg directly (not the SVG icon-engine plugin), so a frozen build that has
QtSvg shows them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from ..core.model import RemarkStatus

#: The sizes each icon is rendered at: menus, toolbars and their 200% forms.
_SIZES = (16, 20, 24, 32, 40, 48, 64)

#: Which icon each main-window action shows (by the action's object name).
ACTION_ICONS: dict[str, str] = {
    "newPlan": "file-plus",
    "openWorkspace": "folder-open",
    "openDemo": "book-open",
    "closeWorkspace": "folder-x",
    "quit": "log-out",
    "joinPlan": "log-in",
    "exportRemarks": "file-down",
    "exportDraft": "file-text",
    "importDraft": "file-up",
    "importBundle": "package-open",
    "importAnswers": "file-check",
    "importRoster": "file-spreadsheet",
    "exportBundle": "package",
    "undo": "undo-2",
    "redo": "redo-2",
    "writeRemark": "message-square-plus",
    "editRemark": "pencil",
    "withdrawRemark": "message-square-x",
    "compareText": "git-compare",
    "answerRemarks": "message-square-reply",
    "findRemarks": "search",
    "editSection": "file-pen-line",
    "sectionHistory": "history",
    "moveSectionUp": "arrow-up",
    "moveSectionDown": "arrow-down",
    "moveSectionTo": "move",
    "showPlan": "list-tree",
    "showRemarks": "messages-square",
    "showDashboard": "layout-dashboard",
    "showRecords": "users",
    "showSync": "refresh-cw",
    "showIdentity": "id-card",
    "textLarger": "a-arrow-up",
    "textSmaller": "a-arrow-down",
    "textReset": "a-large-small",
    "about": "info",
    # The group records page's toolbars and context menus (ui/records.py).
    "addGroup": "folder-plus",
    "renameGroup": "pencil",
    "archiveGroup": "archive",
    "restoreGroup": "archive-restore",
    "addMember": "user-plus",
    "editMember": "user-pen",
    "endMembership": "user-minus",
    "removeMember": "user-x",
    "addMeeting": "calendar-plus",
    "editMeeting": "calendar-cog",
    "removeMeeting": "calendar-x",
    "meetingMinutes": "file-text",
    "attendanceSheet": "sheet",
}


def resources_dir() -> Path:
    """resources/: next to the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / "resources").is_dir():
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


def _text_colour() -> QColor:
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return QGuiApplication.palette().windowText().color()
    return QColor("#1f2937")


def _render(svg: bytes, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


class IconLoader:
    """Loads icons by name, tinted in one colour, and keeps what it made."""

    def __init__(self, colour: QColor | None = None) -> None:
        self.colour = colour if colour is not None else _text_colour()
        self._made: dict[str, QIcon] = {}

    def icon(self, name: str) -> QIcon:
        made = self._made.get(name)
        if made is not None:
            return made
        path = icon_path(name)
        made = QIcon()
        if path.is_file():
            svg = path.read_bytes().replace(b"currentColor", self.colour.name().encode())
            for size in _SIZES:
                made.addPixmap(_render(svg, size))
        self._made[name] = made
        return made

    def apply(self, actions: Iterable[QAction]) -> int:
        """Give each action its icon from :data:`ACTION_ICONS`; returns how many got one."""
        count = 0
        for action in actions:
            name = ACTION_ICONS.get(action.objectName())
            if name:
                action.setIcon(self.icon(name))
                count += 1
        return count


def app_icon() -> QIcon:
    """KPlan's own icon: a document with a check mark."""
    made = QIcon()
    svg_path = resources_dir() / "kplan.svg"
    if svg_path.is_file():
        svg = svg_path.read_bytes()
        for size in (*_SIZES, 128, 256):
            made.addPixmap(_render(svg, size))
    return made


# --- remark statuses: a shape each, so colour is never the only sign --------------------

#: The shape drawn for each status (also said in words next to it).
STATUS_SHAPES: dict[str, str] = {
    RemarkStatus.NEW.value: "circle",
    RemarkStatus.UNDER_REVIEW.value: "dot",
    RemarkStatus.ACCEPTED.value: "check",
    RemarkStatus.PARTLY_ACCEPTED.value: "half",
    RemarkStatus.REJECTED.value: "cross",
    RemarkStatus.NOTED.value: "lines",
    RemarkStatus.WITHDRAWN.value: "dash",
}

#: The shape as a character, where a status is said in text (the remark in full).
STATUS_GLYPHS: dict[str, str] = {
    "circle": "○", "dot": "◉", "check": "✓", "half": "◐", "cross": "✕", "lines": "≡",
    "dash": "–",
}


def status_glyph(status: str) -> str:
    return STATUS_GLYPHS[STATUS_SHAPES.get(status, "circle")]


#: A darker ink per status: the shape must stand out from a white row.
_STATUS_INK: dict[str, str] = {
    RemarkStatus.NEW.value: "#b45309",
    RemarkStatus.UNDER_REVIEW.value: "#1d4ed8",
    RemarkStatus.ACCEPTED.value: "#15803d",
    RemarkStatus.PARTLY_ACCEPTED.value: "#4d7c0f",
    RemarkStatus.REJECTED.value: "#b91c1c",
    RemarkStatus.NOTED.value: "#4b5563",
    RemarkStatus.WITHDRAWN.value: "#6b7280",
}


def _draw_shape(painter: QPainter, shape: str, size: int) -> None:
    s = float(size)
    pad = s * 0.15
    box = QRectF(pad, pad, s - 2 * pad, s - 2 * pad)
    if shape == "circle":
        painter.drawEllipse(box)
    elif shape == "dot":
        painter.drawEllipse(box)
        inner = s * 0.14
        painter.setBrush(painter.pen().color())
        painter.drawEllipse(QPointF(s / 2, s / 2), inner, inner)
    elif shape == "check":
        path = QPainterPath(QPointF(s * 0.18, s * 0.52))
        path.lineTo(s * 0.40, s * 0.74)
        path.lineTo(s * 0.82, s * 0.26)
        painter.drawPath(path)
    elif shape == "half":
        painter.drawEllipse(box)
        half = QPainterPath()
        half.moveTo(s / 2, pad)
        half.arcTo(box, 90, 180)
        half.closeSubpath()
        painter.fillPath(half, painter.pen().color())
    elif shape == "cross":
        painter.drawLine(QPointF(s * 0.24, s * 0.24), QPointF(s * 0.76, s * 0.76))
        painter.drawLine(QPointF(s * 0.76, s * 0.24), QPointF(s * 0.24, s * 0.76))
    elif shape == "lines":
        for y in (0.36, 0.64):
            painter.drawLine(QPointF(s * 0.22, s * y), QPointF(s * 0.78, s * y))
    else:  # dash
        painter.drawLine(QPointF(s * 0.22, s / 2), QPointF(s * 0.78, s / 2))


def status_pixmap(status: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(_STATUS_INK.get(status, "#4b5563")))
    pen.setWidthF(max(1.5, size / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    _draw_shape(painter, STATUS_SHAPES.get(status, "circle"), size)
    painter.end()
    return pixmap


def status_icon(status: str) -> QIcon:
    made = QIcon()
    for size in _SIZES:
        made.addPixmap(status_pixmap(status, size))
    return made
