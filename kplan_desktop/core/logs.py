"""The error log: unexpected errors (our bugs) go to a file in the user's data folder."""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

from .paths import data_dir


def log_path() -> Path:
    return data_dir() / "logs" / "kplan.log"


def log_unexpected(exc: BaseException) -> Path:
    """Append the traceback to the log file; returns its path to show the user."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            f.write("".join(traceback.format_exception(exc)))
    except OSError:
        pass
    return path
