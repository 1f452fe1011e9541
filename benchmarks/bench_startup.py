"""Start the packaged build to a usable window on the demo, vs an empty PySide6 window packaged
the same way.

What a user waits for after a double-click: the frozen program starting (its Python, Qt loaded
from the folder), the main window built, the demo workspace opened and painted. Both programs
are built with build.spec (KPLAN_BUILD_ENTRY / KPLAN_BUILD_NAME) into the benchmarks' folder,
once per version of the code, and timed as fresh processes from start to the first painted
window. Needs PyInstaller (pip install -e '.[build]'); the first run builds for some minutes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from common import Result
from workspaces import bench_dir, demo_workspace

ROOT = Path(__file__).resolve().parent.parent

_EMPTY = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 880)
window.show()
app.processEvents()
window.grab()
"""

_OURS = """
import sys
from pathlib import Path
from kplan_desktop.ui.app import make_application
from kplan_desktop.ui.main_window import MainWindow
from kplan_desktop.ui.settings import Settings
app = make_application(sys.argv[:1])
window = MainWindow(Settings())
window.show()
if not window.open_workspace(Path(sys.argv[1])):
    sys.exit("the workspace did not open")
app.processEvents()
window.grab()
"""


def _source_fingerprint() -> str:
    """Changes when the code or the spec does: a stale build is rebuilt."""
    newest = max(p.stat().st_mtime_ns for p in [ROOT / "build.spec",
                                                 *(ROOT / "kplan_desktop").rglob("*.py")])
    return f"{newest:x}"


def _frozen(name: str, script: str) -> Path:
    """The folder build of ``script`` named ``name``, made with build.spec on first use."""
    out = bench_dir() / f"frozen-{_source_fingerprint()}"
    exe = out / name / (f"{name}.exe" if sys.platform == "win32" else name)
    if exe.is_file():
        return exe
    out.mkdir(parents=True, exist_ok=True)
    entry = out / f"{name}.py"
    entry.write_text(script, encoding="utf-8")
    env = dict(os.environ, KPLAN_BUILD_ENTRY=str(entry), KPLAN_BUILD_NAME=name)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(out), "--workpath", str(out / f"work-{name}"),
                    str(ROOT / "build.spec")], check=True, env=env, cwd=ROOT)
    return exe


def _time(exe: Path, *args: str, repeat: int = 3) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               KPLAN_DATA_DIR=str(bench_dir() / "kplan-bench-data"))
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([str(exe), *args], check=True, env=env, cwd=bench_dir(),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        best = min(best, time.perf_counter() - start)
    return best


def run(quick: bool) -> list[Result]:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("bench_startup: PyInstaller is not installed (pip install -e '.[build]')",
              file=sys.stderr)
        return []
    n = 1_000 if quick else 5_000
    path = demo_workspace(n)
    empty_exe = _frozen("empty-window", _EMPTY)
    ours_exe = _frozen("kplan-startup", _OURS)
    _time(ours_exe, str(path), repeat=1)  # the first open of a file runs its quick_check once
    _time(empty_exe, repeat=1)  # and warms the disk cache for both
    empty = _time(empty_exe)
    ours = _time(ours_exe, str(path))
    return [
        Result(f"packaged_start_demo_{n}_vs_empty_window", ours / empty, 3.0,
               note=f"{ours * 1000:.0f} ms vs {empty * 1000:.0f} ms"),
    ]
