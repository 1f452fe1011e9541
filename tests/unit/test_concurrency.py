"""Two programs writing one workspace at once: nothing lost, nothing locked, one chain."""

from __future__ import annotations

import hashlib
import itertools
import json
import subprocess
import sys
import time
from pathlib import Path

from kplan_desktop.store.workspace import Workspace
from tests.helpers import make_plan

WRITES = 1000

# Each process opens the workspace itself and writes one response template per transaction,
# as a secretary's script and the GUI would, each through the store's own write path.
WRITER = """
import sys
import time
from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace

path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Workspace.open(path) as ws:
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    started = time.time()
    for n in range(count):
        actions.save_response_template(ws, title=f"{tag}-{n}", text="Atsižvelgta.")
    finished = time.time()
print(f"done {started} {finished}", flush=True)
"""


def test_two_processes_writing_1000_times_each(tmp_path: Path) -> None:
    path = tmp_path / "bendras.kplan"
    make_plan(path).close()
    Workspace.open(path).close()  # the first open at this path (quick_check) is done

    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), tag, str(WRITES)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for tag in ("a", "b")
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready", proc.stderr
        started = time.monotonic()
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = [proc.communicate(timeout=120) for proc in procs]
        elapsed = time.monotonic() - started
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    spans = []
    for proc, (out, err) in zip(procs, results, strict=True):
        assert "locked" not in err and "busy" not in err, err
        assert proc.returncode == 0, err
        word, started_at, finished_at = out.split()
        assert word == "done"
        spans.append((float(started_at), float(finished_at)))
    # They wrote at the same time: each began before the other had finished.
    (a_start, a_end), (b_start, b_end) = spans
    assert a_start < b_end and b_start < a_end
    assert elapsed < 60

    with Workspace.open(path) as ws:
        conn = ws.conn
        titles = [r[0] for r in conn.execute("SELECT title FROM response_template")]
        assert len(titles) == 2 * WRITES
        assert set(titles) == {f"{t}-{n}" for t in "ab" for n in range(WRITES)}
        # Both processes are one device: one feed, seq 1..N without gaps or repeats.
        device = ws.identity.device_id
        rows = conn.execute(
            "SELECT id, seq, prev, body, hlc FROM event WHERE device = ? ORDER BY seq", (device,)
        ).fetchall()
        assert [r[1] for r in rows] == list(range(1, len(rows) + 1))
        prev, prev_hlc = None, -1
        for ev_id, _, ev_prev, body, hlc in rows:
            assert ev_prev == prev
            assert hashlib.sha256(body).hexdigest() == ev_id
            assert hlc > prev_hlc
            prev, prev_hlc = ev_id, hlc
        # The two really wrote at the same time: their events interleave in the feed.
        writers = [json.loads(r[3])["fields"].get("title", "")[:2] for r in rows]
        writers = [w for w in writers if w in ("a-", "b-")]
        switches = sum(1 for x, y in itertools.pairwise(writers) if x != y)
        print(f"writes interleaved {switches} times in {elapsed:.1f} s")
        assert switches >= 1
        seq, head = conn.execute("SELECT seq, head FROM local_identity").fetchone()
        assert (seq, head) == (len(rows), prev)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
