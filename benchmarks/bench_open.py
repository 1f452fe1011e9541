"""Open a workspace of 50,000 remarks to a usable main window, vs an empty QMainWindow.

Both are timed as fresh processes, from start to the first painted window, so
the ratio counts what a user waits for: Python and Qt starting, plus our part.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from common import Result
from workspaces import demo_workspace

ROOT = Path(__file__).resolve().parent.parent

_EMPTY = """
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1400, 880)
window.show()
app.processEvents()
window.grab()
"""

_OURS = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kplan_desktop.ui.app import make_application
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.settings import Settings
app = make_application()
window = MainWindow(Settings())
window.show()
assert window.open_workspace(Path(sys.argv[1]))
app.processEvents()
window.grab()
"""


def _time(script: str, *args: str, repeat: int = 3) -> float:
    tmp = Path(os.environ.get("TMPDIR", "/tmp"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               KPLAN_DATA_DIR=str(tmp / "kplan-bench-data"),
               # An installed app starts from compiled bytecode (pip and PyInstaller compile
               # it); a shell with PYTHONDONTWRITEBYTECODE would time compiling our modules.
               PYTHONPYCACHEPREFIX=str(tmp / "kplan-bench-pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", script, *args], check=True, env=env, cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def run(quick: bool) -> list[Result]:
    n = 5_000 if quick else 50_000
    path = demo_workspace(n)
    _time(_OURS, str(path), repeat=1)  # the first open of a file runs its quick_check once
    _time(_EMPTY, repeat=1)  # and the first runs write the bytecode of both
    empty = _time(_EMPTY)
    ours = _time(_OURS, str(path))
    return [
        Result(f"open_{n}_remarks_vs_empty_window", ours / empty, 2.5,
               note=f"{ours * 1000:.0f} ms vs {empty * 1000:.0f} ms"),
    ]
