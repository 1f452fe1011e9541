"""Errors reach the user as one clear sentence in the window, never as a traceback.

A :class:`KPlanError` is the user's situation (the file is locked, the disk is
full): its template is translated, then filled in. An SQLite error that reached
the window unconverted (a read on the UI thread) is about the open workspace: it
gets that file's sentence (damaged, busy, disk full). Anything else is our bug:
logged with its traceback to the user's data folder and shown with that path.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.errors import KPlanError
from ..core.logs import log_unexpected
from ..store.workspace import sqlite_error


@runtime_checkable
class MessageArea(Protocol):
    """A window that shows messages inline (a banner) instead of a dialog box."""

    def show_message(self, text: str, *, error: bool = True) -> None: ...


def error_text(exc: BaseException, workspace: Path | None = None) -> str:
    """The sentence to show for ``exc``; an unexpected one is logged first.

    ``workspace``: the file open in the window, which a bare SQLite error is about.
    """
    if isinstance(exc, sqlite3.Error) and workspace is not None:
        log_unexpected(exc)  # logged as well: store code should have converted it
        exc = sqlite_error(exc, workspace)
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
    window = parent.window() if parent is not None else None
    open_ws = getattr(window, "ws", None)
    text = error_text(exc, getattr(open_ws, "path", None))
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
