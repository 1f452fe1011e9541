"""`kplan demo`: the demo plan (2,000 remarks) builds in well under 10 seconds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import Result, best_of

from kplan_desktop.demo.generate import build_demo
from kplan_desktop.sync.identity import remove_workspace_files


def _build(folder: Path) -> None:
    path = folder / "demo.kplan"
    remove_workspace_files(path)
    build_demo(path)


def run(quick: bool) -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        seconds = best_of(1 if quick else 3, lambda: _build(Path(folder)))
    return [Result("demo_build_2000_remarks", seconds, 10.0, "s")]
