"""Command-line commands of documents: ``kplan export ...`` and ``kplan import draft``."""

from __future__ import annotations

from typing import Any


def add_commands(sub: Any) -> None:
    """Add the document commands to the ``kplan`` sub-parsers."""
    del sub
