"""Run every benchmark and print one line each: NAME ratio=R goal=G ok|MISS.

Each ``benchmarks/bench_*.py`` module has ``run(quick: bool) -> list[Result]``.
Ratios are measured against a baseline in the same run, so they hold on any
machine. ``--quick`` runs smaller sizes; ``-k WORD`` runs the modules whose
name contains WORD. Not part of the test suite: timings never assert there.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from common import Result  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a quick look")
    parser.add_argument("-k", dest="only", default="", help="only modules whose name has this")
    args = parser.parse_args()
    missed = failed = 0
    for path in sorted(HERE.glob("bench_*.py")):
        if args.only not in path.stem:
            continue
        module = importlib.import_module(path.stem)
        try:
            results: list[Result] = module.run(args.quick)
        except Exception:
            failed += 1
            print(f"{path.stem} FAILED", flush=True)
            traceback.print_exc()
            continue
        for result in results:
            print(result.line(), flush=True)
            missed += not result.ok
    print(f"{missed} missed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
