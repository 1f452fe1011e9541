"""The packaging tests: run in CI, skipped in the quick local run.

They build the PyInstaller folder, the MSI and the .deb, and install them under Wine and dpkg:
minutes of work and Debian packages (wixl, msitools, wine, lintian, osslsigncode) a developer
may not have. ``./dev.sh test`` runs them when ``CI`` is set (or ``KPLAN_PACKAGING=1``), after
building the packages once (``./dev.sh package``, passed in as ``KPLAN_PACKAGE_DIR``); a plain
``pytest`` skips them unless asked with ``-m packaging`` or those variables. Once selected they
never skip: a missing tool fails them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import pytest

PACKAGING_REASON = ("packaging test: runs in CI (CI=true), with KPLAN_PACKAGING=1, or with"
                    " -m packaging")


def packaging_enabled(env: Mapping[str, str], markexpr: str) -> bool:
    if env.get("KPLAN_PACKAGING", "").strip() == "1":
        return True
    ci = env.get("CI", "").strip().lower()
    if ci and ci not in ("0", "false", "no"):
        return True
    return "packaging" in markexpr and "not packaging" not in markexpr


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "packaging: builds and installs the MSI and the .deb (" + PACKAGING_REASON
        + ")")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if packaging_enabled(os.environ, str(config.getoption("markexpr", "") or "")):
        return
    skip = pytest.mark.skip(reason=PACKAGING_REASON)
    for item in items:
        if item.get_closest_marker("packaging") is not None:
            item.add_marker(skip)
