"""Writing a document safely: a temporary file in the target folder, renamed into place.

A failed or cancelled export leaves neither a half-written file nor a stray
temporary; the file that was there before stays untouched until the new one is
complete and on disk.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.errors import KPlanError
from ..core.files import atomic_output

__all__ = ["Cancelled", "DocumentError", "Progress", "atomic_output", "report_progress"]

#: ``progress(done, total)``; returning ``False`` asks the work to stop (as ui.operations does).
Progress = Callable[[int, int], object]


class DocumentError(KPlanError):
    """A document cannot be written or read as asked."""


class Cancelled(DocumentError):
    """The user cancelled; nothing was written."""


def report_progress(progress: Progress | None, done: int, total: int,
                    cancelled: str = "The export was cancelled; no file was written.") -> None:
    """Tell ``progress``; raise :class:`Cancelled` (saying ``cancelled``) when it answers False."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled(cancelled)
