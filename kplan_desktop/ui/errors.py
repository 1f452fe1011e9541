"""Errors reach the user as one clear sentence in the window, never as a traceback.

A :class:`KPlanError` is the user's situation (the file is locked, the disk is
full): its template is translated, then filled in. Anything else is our bug:
logged with its traceback to the user's data folder and shown with that path.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.errors import KPlanError
from ..core.logs import log_unexpected


@runtime_checkable
class MessageArea(Protocol):
    """A window that shows messages inline (a banner) instead of a dialog box."""

    def show_message(self, text: str, *, error: bool = True) -> None: ...


def error_text(exc: BaseException) -> str:
    """The sentence to show for ``exc``; an unexpected one is logged first."""
    if isinstance(exc, KPlanError):
        translated = QCoreApplication.translate("KPlanError", exc.template)
        try:
            return exc.render(translated)
        except (KeyError, IndexError, ValueError):  # a broken translation: fall back
            return exc.render()
    path = log_unexpected(exc)
    return QCoreApplication.translate(
        "errors",
        "Something went wrong that should not have ({kind}). Nothing was changed."
        " The details are in {path}; please send that file to whoever supports KPlan.",
    ).format(kind=type(exc).__name__, path=path)


def show_error(parent: QWidget | None, exc: BaseException) -> str:
    """Show ``exc`` in the window of ``parent``; returns the sentence shown."""
    text = error_text(exc)
    window = parent.window() if parent is not None else None
    if isinstance(window, MessageArea):
        window.show_message(text, error=True)
        return text
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("errors", "KPlan"),
        text,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): the window and the tests go on
    return text


@contextmanager
def reported(parent: QWidget | None) -> Iterator[None]:
    """Run a user action; any error it raises is shown in the window, not raised on."""
    try:
        yield
    except Exception as exc:
        show_error(parent, exc)
