"""What every benchmark returns, and how run.py prints it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One line of the report: a ratio against a baseline of the same run, or a value."""

    name: str
    value: float
    goal: float
    #: "ratio" (value/baseline, both measured in this run) or a unit such as "ms".
    kind: str = "ratio"
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.value <= self.goal

    def line(self) -> str:
        label = "ratio" if self.kind == "ratio" else "value"
        unit = "" if self.kind == "ratio" else self.kind
        goal = f"{self.goal:g}{unit}"
        verdict = "ok" if self.ok else "MISS"
        text = f"{self.name} {label}={self.value:.3g}{unit} goal={goal} {verdict}"
        return f"{text}  ({self.note})" if self.note else text


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds: the least disturbed by the machine."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best
