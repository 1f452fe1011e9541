"""The UI tests: pytest-qt, offscreen."""

from __future__ import annotations

import pytest

#: Harmless notes of Qt's offscreen platform, which has no window manager to talk to.
OFFSCREEN_NOTES = (r"This plugin does not support propagateSizeHints\(\)",
                   r"This plugin does not support raise\(\)",
                   r"This plugin does not support grabbing the keyboard")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOTES))
