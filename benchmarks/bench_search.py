"""Full-text search over 50,000 remarks: the median of typical queries, under 20 ms."""

from __future__ import annotations

import statistics
import time

from common import Result
from workspaces import demo_workspace

from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace

#: What secretaries type: whole words, prefixes, words without diacritics.
QUERIES = ("dvirač", "azuol", "rodiklis", "mokykl", "renovacij", "zalia", "Nemun",
           "viešasis transportas", "pradinė reikšmė", "kult", "investic", "sveikat")


def run(quick: bool) -> list[Result]:
    n = 5_000 if quick else 50_000
    with Workspace.open(demo_workspace(n), readonly=True) as ws:
        timings = []
        hits = 0
        for _ in range(5):
            for text in QUERIES:
                flt = queries.RemarkFilter(search=text)
                start = time.perf_counter()
                ids = queries.remark_ids(ws, flt)
                timings.append((time.perf_counter() - start) * 1000)
                hits += len(ids)
    median = statistics.median(timings)
    return [
        Result(f"search_{n}_remarks_median", median, 20.0, "ms",
               note=f"{len(timings)} queries, {hits // 5} hits per pass"),
    ]
