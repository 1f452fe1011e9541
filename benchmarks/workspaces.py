"""Large workspaces for the benchmarks, built once by the demo generator and kept.

``KPLAN_BENCH_DIR`` says where (default: a folder in the system's temp dir).
A workspace is rebuilt when the generator's source changes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from kplan_desktop.demo import content, generate


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for module in (generate, content):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:12]


def bench_dir() -> Path:
    path = Path(os.environ.get("KPLAN_BENCH_DIR") or Path(tempfile.gettempdir()) / "kplan-bench")
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_workspace(remarks: int, seed: int = 2030) -> Path:
    """A demo workspace with ``remarks`` remarks (built on first use)."""
    path = bench_dir() / f"demo-{seed}-{remarks}-{_fingerprint()}.kplan"
    if not path.exists():
        partial = path.with_name(path.name + ".building")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        generate.build_demo(partial, seed=seed, remarks=remarks)
        os.replace(partial, path)
    return path
