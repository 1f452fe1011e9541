"""Command-line commands of sync: ``kplan bundle ...`` and ``kplan trust``."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any) -> None:
    """Add the sync commands to the ``kplan`` sub-parsers."""
    del sub


def init_from_bundle(args: argparse.Namespace) -> int:
    """``kplan init WORKSPACE --from BUNDLE``: join a plan from a full bundle."""
    from .core.errors import KPlanError

    raise KPlanError("Joining a plan from a bundle is not available in this version yet.")
