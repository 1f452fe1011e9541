"""Fuzz the bundle reader and importer for as long as you like (not part of the test suite).

With atheris installed (``pip install -e ".[fuzz]"``), coverage-guided::

    .venv/bin/python fuzz/fuzz_bundle.py -max_total_time=3600 -timeout=10 fuzz/corpus

Without it, the same target runs under a plain random mutator for ``--seconds``::

    .venv/bin/python fuzz/fuzz_bundle.py --seconds 3600

The target reads the input as a bundle for a workspace that trusts the
signer of the seed bundles, and, when the reader accepts it, runs the whole
import in a transaction that is rolled back. Any exception other than a
BundleError (the one clear refusal) is a finding; so is a run over the timeout.
Half of the plain mutator's inputs are re-signed by the trusted key, so the
parser behind the signature is reached too (atheris alone cannot forge one).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _setup() -> tuple[object, object, list[bytes]]:
    """A secretary's plan and an expert's copy trusting her; seed bundles from her."""
    import keyring

    from tests.conftest import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    folder = Path(tempfile.mkdtemp(prefix="kplan-fuzz-"))
    os.environ.setdefault("KPLAN_DATA_DIR", str(folder / "data"))
    from kplan_desktop.store import actions
    from tests.unit.sync_support import new_plan

    plan = new_plan(folder)
    sec = plan.secretary
    remark = actions.add_remark(sec.ws, section_id=plan.section_id, remark_type="general",
                                text="Pastaba", quote="Antra eilutė")
    actions.answer_remark(sec.ws, remark, "accepted", "Pritarta")
    expert = plan.join("Ona Petraitienė", "ona@example.lt")
    seeds = [sec.export(folder / "seed-full.kplanbundle", full=True).read_bytes()]
    actions.add_meeting(sec.ws, group_id=plan.group_id, date="2026-02-01", place="Rotušė")
    seeds.append(sec.export(folder / "seed-delta.kplanbundle", to=expert.fingerprint)
                 .read_bytes())
    return expert.ws, sec.key, seeds


def _target_factory(ws: object) -> object:
    from kplan_desktop.sync import bundle as bundle_io
    from kplan_desktop.sync.bundle import BundleError, Limits
    from kplan_desktop.sync.importer import preview

    limits = Limits(body_bytes=16 * 1024 * 1024, line_bytes=1024 * 1024)
    plan_id = ws.identity.plan_id  # type: ignore[attr-defined]

    def target(data: bytes) -> None:
        try:
            parsed = bundle_io.read_bytes(data, plan_id=plan_id, limits=limits)
        except BundleError:
            return
        try:
            preview(ws, parsed)  # type: ignore[arg-type]
        except BundleError:
            return

    return target


def _resign(key: object, data: bytes, rng: random.Random) -> bytes:
    """Mutate the manifest or event lines and sign the file again with the trusted key."""
    from kplan_desktop.store.events import canonical
    from kplan_desktop.sync import bundle as bundle_io

    try:
        header_end = data.index(b"\n") + 1
        manifest_end = data.index(b"\n", header_end)
        manifest = json.loads(data[header_end:manifest_end])
        lines = gzip.decompress(data[manifest_end + 1 : -64]).split(b"\n")[:-1]
    except (ValueError, OSError, EOFError):
        return data
    if lines and rng.random() < 0.7:
        i = rng.randrange(len(lines))
        line = bytearray(lines[i])
        if line:
            line[rng.randrange(len(line))] = rng.randrange(256)
        lines[i] = bytes(line)
    if lines and rng.random() < 0.3:
        rng.shuffle(lines)
    body = gzip.compress(b"".join(line + b"\n" for line in lines))
    if isinstance(manifest, dict):
        manifest["body"] = {"length": len(body), "sha256": hashlib.sha256(body).hexdigest(),
                            "size": sum(len(line) + 1 for line in lines)}
    return bundle_io.assemble(key, canonical(manifest), body)  # type: ignore[arg-type]


def _plain(seconds: float, seed: int) -> int:
    ws, key, seeds = _setup()
    target = _target_factory(ws)
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:
        data = bytearray(rng.choice(seeds))
        if rng.random() < 0.5:
            data = bytearray(_resign(key, bytes(data), rng))
        else:
            for _ in range(rng.randint(1, 8)):
                op = rng.randrange(3)
                if op == 0 and data:
                    data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
                elif op == 1 and data:
                    del data[rng.randrange(len(data)) :]
                else:
                    at = rng.randrange(len(data) + 1)
                    data[at:at] = rng.choice(seeds)[: rng.randrange(64)]
        start = time.monotonic()
        target(bytes(data))  # type: ignore[operator]
        if time.monotonic() - start > 10:
            raise SystemExit(f"run {runs} took over 10 s")
        runs += 1
    print(f"{runs} inputs, no finding")
    return 0


def main() -> int:
    if "--seconds" in sys.argv:
        seconds = float(sys.argv[sys.argv.index("--seconds") + 1])
        return _plain(seconds, seed=int(time.time()))
    import atheris  # type: ignore[import-not-found]

    ws, _, seeds = _setup()
    corpus = Path(next((a for a in sys.argv[1:] if not a.startswith("-")), HERE / "corpus"))
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(seeds):
        (corpus / f"seed-{i}").write_bytes(seed)
    target = _target_factory(ws)
    # Coverage guidance needs our code instrumented; without it libFuzzer sees one path only.
    atheris.instrument_all()
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
