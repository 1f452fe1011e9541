"""The remarks table is lazy: first paint and memory do not grow with the row count.

Both tables are given their ids (the one query that is linear, and cheap); then
we time the table's first paint and trace the memory the model and view take,
at 50,000 and at 5,000 remarks. The goal is a ratio close to 1.
"""

from __future__ import annotations

import os
import time
import tracemalloc

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import Result
from workspaces import demo_workspace

from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace


def _first_paint(path: object, repeat: int = 5) -> tuple[float, int]:
    from PySide6.QtWidgets import QApplication, QTableView

    from kplan_desktop.ui.plan_page import setup_remark_table
    from kplan_desktop.ui.remark_table import RemarkTableModel

    app = QApplication.instance() or QApplication([])
    with Workspace.open(path, readonly=True) as ws:  # type: ignore[arg-type]
        ids = queries.remark_ids(ws, order="created")
        best, peak = float("inf"), 0
        for _ in range(repeat):
            tracemalloc.start()
            start = time.perf_counter()
            model = RemarkTableModel(ws)
            view = QTableView()
            view.resize(1400, 800)
            view.setModel(model)
            setup_remark_table(view)
            model.set_ids(ids)
            view.show()
            view.grab()  # paints every visible cell
            app.processEvents()
            elapsed = time.perf_counter() - start
            peak = max(peak, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
            best = min(best, elapsed)
            view.close()
            view.deleteLater()
            model.deleteLater()
            app.processEvents()
    return best, peak


def run(quick: bool) -> list[Result]:
    small_n, big_n = (2_000, 20_000) if quick else (5_000, 50_000)
    small = demo_workspace(small_n)
    big = demo_workspace(big_n)
    _first_paint(small, repeat=1)  # warm Qt (fonts, styles) before timing either
    small_time, small_mem = _first_paint(small)
    big_time, big_mem = _first_paint(big)
    return [
        Result(f"remarks_table_first_paint_{big_n}_vs_{small_n}", big_time / small_time, 1.5,
               note=f"{big_time * 1000:.1f} ms vs {small_time * 1000:.1f} ms"),
        Result(f"remarks_table_memory_{big_n}_vs_{small_n}", big_mem / small_mem, 1.5,
               note=f"peak {big_mem / 1e6:.2f} MB vs {small_mem / 1e6:.2f} MB,"
                    " ids list excluded"),
    ]
