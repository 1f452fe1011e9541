"""A stranger's file cannot exhaust the machine (issue 8, part 3).

Trust and the signature are judged before a byte of the body is unpacked; the body
is unpacked as a stream under caps (declared size, ratio, events, line length), each
with its own sentence; only regular files are read, never past a size cap.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kplan_desktop.core.ids import uuid7
from kplan_desktop.store import events
from kplan_desktop.store.events import canonical
from kplan_desktop.sync import bundle as bundle_io
from kplan_desktop.sync.bundle import BundleError, Limits
from kplan_desktop.sync.keys import fingerprint, public_bytes

MB = 1024 * 1024
PLAN = "01a2b3c4-0000-7000-8000-000000000001"
ROOT = Path(__file__).resolve().parents[2]


def _events(key: Ed25519PrivateKey, count: int, *, text: Callable[[int], str] = str,
            device: str = "dev-1", person: str = "p-1",
            plan: str = PLAN) -> tuple[bundle_io.FeedHead, list[bytes]]:
    """One feed of ``count`` remark events, chained, its head signed by ``key``."""
    bodies: list[bytes] = []
    prev: str | None = None
    for seq in range(1, count + 1):
        event = events.make(
            plan=plan, device=device, seq=seq, hlc=1000 + seq, author=person, entity="remark",
            entity_id=uuid7(), fields={"text": text(seq), "status": "new"}, prev=prev,
        )
        bodies.append(event.body)
        prev = event.id
    assert prev is not None
    head = bundle_io.FeedHead(
        device=device, person=person, public_key=base64.b64encode(public_bytes(key)).decode(),
        first_seq=1, last_seq=count, prev=None, head=prev,
        signature=bundle_io.sign_head(key, plan=plan, device=device, person=person, seq=count,
                                      head=prev),
    )
    return head, bodies


def _bundle(key: Ed25519PrivateKey, count: int = 5, *, plan: str = PLAN, **kw: Any) -> bytes:
    head, bodies = _events(key, count, plan=plan, **kw)
    return bundle_io.encode_bundle(
        key=key, bundle_id=uuid7(), plan_id=plan, exporter_device="dev-1", exporter_person="p-1",
        exporter_name="Nepažįstamasis", created="2026-01-01T00:00:00+00:00",
        feeds=[(head, bodies)], have={}, full=True,
    )


def _resigned(key: Ed25519PrivateKey, data: bytes, body: bytes, *, size: int | None = None,
              count: int | None = None) -> bytes:
    """``data`` with another gzip body, declaring ``size`` real bytes, signed again by ``key``."""
    header_end = data.index(b"\n") + 1
    manifest_end = data.index(b"\n", header_end)
    manifest = json.loads(data[header_end:manifest_end])
    manifest["body"] = {
        "length": len(body), "sha256": hashlib.sha256(body).hexdigest(),
        "size": len(gzip.decompress(body)) if size is None else size,
    }
    if count is not None:
        manifest["counts"]["events"] = count
        manifest["feeds"][0]["last"] = count
    return bundle_io.assemble(key, canonical(manifest), body)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """64 MB of one byte, gzipped to about 64 KB (a ratio of about 1000)."""
    return gzip.compress(b"{" * (64 * MB), compresslevel=9)


class _Zlib:
    """The zlib module as the bundle reader sees it, with another ``decompressobj``."""

    def __init__(self, decompressobj: Callable[..., Any]) -> None:
        self.decompressobj = decompressobj

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


@pytest.fixture
def no_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader's attempt to unpack a body fails the test (not a BundleError, so it is
    not taken for a refusal)."""

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the body was unpacked")

    monkeypatch.setattr(bundle_io, "zlib", _Zlib(refuse))


@contextlib.contextmanager
def _peak(limit_mb: float, seconds: float = 1.0) -> Iterator[None]:
    """The block allocates at most ``limit_mb`` MB more (tracemalloc) and ends in time."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < limit_mb * MB, f"peak {peak / MB:.1f} MB"
    assert elapsed < seconds, f"{elapsed:.2f} s"


# --- before unpacking: trust, ratio, counts ---------------------------------------------------


@pytest.mark.usefixtures("no_unpacking")
def test_a_strangers_gzip_bomb_is_refused_without_unpacking(tmp_path: Path, bomb: bytes) -> None:
    from kplan_desktop.sync.importer import import_data
    from tests.helpers import make_plan

    stranger = Ed25519PrivateKey.generate()
    ws = make_plan(tmp_path / "plan.kplan")
    data = _resigned(stranger, _bundle(stranger, plan=ws.identity.plan_id), bomb)
    with _peak(20), pytest.raises(BundleError):
        import_data(ws, data, name="bomb.kplanbundle")


@pytest.mark.usefixtures("no_unpacking")
def test_a_strangers_two_megabytes_of_real_changes_are_refused_before_unpacking(
    tmp_path: Path,
) -> None:
    """Whatever a stranger's 2 MB hold, the signer is judged first: under 1 s, 100 MB."""
    from kplan_desktop.sync.importer import import_data
    from tests.helpers import make_plan

    ws = make_plan(tmp_path / "plan.kplan")
    stranger = Ed25519PrivateKey.generate()
    noise = base64.b64encode(os.urandom(3 * MB)).decode()
    data = _bundle(stranger, 12_000, plan=ws.identity.plan_id,
                   text=lambda i: f"Pastaba {i}: {noise[i * 160:i * 160 + 160]}")
    assert 2 * MB < len(data) < 3 * MB
    signed = bundle_io.open_bundle(data, name="s.kplanbundle")  # what the importer judges
    assert signed.signer_key == public_bytes(stranger)
    assert signed.signer_fingerprint == fingerprint(public_bytes(stranger))
    assert signed.manifest.event_count == 12_000
    with _peak(100), pytest.raises(BundleError, match="trust"):
        import_data(ws, data, name="s.kplanbundle")


@pytest.mark.parametrize("filler", [b"[]", b"{}", b"0"])
def test_a_strangers_two_megabyte_manifest_of_empty_values_is_not_parsed(filler: bytes) -> None:
    """json.loads of 2 MB of empty values takes a second and 50 MB; it is never started."""
    stranger = Ed25519PrivateKey.generate()
    manifest = b'{"feeds":[' + b",".join([filler] * (2 * MB // (len(filler) + 1))) + b"]}"
    data = bundle_io.assemble(stranger, manifest, gzip.compress(b"x\n"))
    with _peak(10, seconds=0.5), pytest.raises(BundleError, match="more than 10000 devices"):
        bundle_io.read_bytes(data, name="s.kplanbundle")


@pytest.mark.usefixtures("no_unpacking")
def test_a_body_over_the_ratio_cap_is_refused_before_unpacking(bomb: bytes) -> None:
    key = Ed25519PrivateKey.generate()
    data = _resigned(key, _bundle(key), bomb)  # it declares its real size: honest, and huge
    with _peak(5), pytest.raises(BundleError, match=r"unpacks to \d+ times its packed size"):
        bundle_io.read_bytes(data, name="b.kplanbundle")


@pytest.mark.usefixtures("no_unpacking")
def test_more_changes_than_the_cap_are_refused_before_unpacking() -> None:
    key = Ed25519PrivateKey.generate()
    with pytest.raises(BundleError, match=r"holds 5 changes, more than KPlan accepts in one"
                                          r" bundle \(3\)"):
        bundle_io.read_bytes(_bundle(key, 5), limits=Limits(events=3))


# --- while unpacking ----------------------------------------------------------------------------


def test_a_body_unpacking_past_its_declared_size_stops_there(bomb: bytes) -> None:
    key = Ed25519PrivateKey.generate()
    data = _resigned(key, _bundle(key), bomb, size=MB)
    with _peak(6), pytest.raises(BundleError, match="unpacks to more than it declares; it is"):
        bundle_io.read_bytes(data, limits=Limits(ratio=10**6))


def test_a_line_over_the_cap_is_refused_before_it_is_whole() -> None:
    """8 MB of hard-to-pack text on one line: refused at the first MB, not after 8."""
    key = Ed25519PrivateKey.generate()
    line = base64.b64encode(os.urandom(6 * MB))
    data = _resigned(key, _bundle(key), gzip.compress(line + b"\n", compresslevel=1))
    with _peak(4), pytest.raises(BundleError, match=r"holds a change larger than KPlan accepts"
                                                     r" \(1024 KB\)"):
        bundle_io.read_bytes(data, limits=Limits(line_bytes=MB))


def test_a_stream_of_more_lines_than_declared_stops_at_the_first_extra_line() -> None:
    """Five changes declared, 200,000 lines (40 MB) sent: refused at the sixth line."""
    key = Ed25519PrivateKey.generate()
    data = _bundle(key, 5)
    header_end = data.index(b"\n") + 1
    manifest_end = data.index(b"\n", header_end)
    lines = gzip.decompress(data[manifest_end + 1 : -64])
    flood = _resigned(key, data, gzip.compress(lines * 40_000, compresslevel=1))
    with _peak(8), pytest.raises(BundleError, match="damaged"):
        bundle_io.read_bytes(flood, limits=Limits(ratio=10**6))


def test_the_reader_unpacks_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each decompress call gets a bounded piece and gives a bounded piece: neither the
    whole body nor the whole text is handled at once."""
    key = Ed25519PrivateKey.generate()
    noise = base64.b64encode(os.urandom(MB)).decode()
    data = _bundle(key, 3000, text=lambda i: noise[i * 100 : i * 100 + 100])
    calls: list[tuple[int, int]] = []
    real = zlib.decompressobj

    class Spy:
        def __init__(self, wbits: int) -> None:
            self.inner = real(wbits)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            calls.append((len(data), max_length))
            return self.inner.decompress(data, max_length)

        def __getattr__(self, name: str) -> Any:
            return getattr(self.inner, name)

    monkeypatch.setattr(bundle_io, "zlib", _Zlib(Spy))
    parsed = bundle_io.read_bytes(data)
    assert sum(len(feed) for _, feed in parsed.feeds) == 3000
    assert len(data) > 4 * 64 * 1024 and len(calls) > 4
    assert max(given for given, _ in calls) <= 64 * 1024
    assert min(m for _, m in calls) > 0 and max(m for _, m in calls) <= MB


# --- what is read at all --------------------------------------------------------------------------


def _in_thread(job: Callable[[], object], seconds: float = 5.0) -> BaseException | None:
    """Run ``job``; its exception, or a failure if it is still running after ``seconds``."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            job()
            outcome.append(None)
        except BaseException as exc:  # handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the read hangs"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.kplanbundle"
    os.mkfifo(fifo)
    try:
        error = _in_thread(lambda: bundle_io.read_file(fifo))
    finally:
        with contextlib.suppress(OSError):  # let a hanging reader (a regression) go
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert isinstance(error, BundleError)
    assert "pipe.kplanbundle is not an ordinary file" in str(error)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_without_reading_it() -> None:
    """In a child with 1 GB of address space: a regression runs out of memory there, not
    here."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from pathlib import Path\n"
        "from kplan_desktop.sync import bundle\n"
        "try:\n"
        "    bundle.read_file(Path('/dev/zero'))\n"
        "except bundle.BundleError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "zero is not an ordinary file" in done.stdout


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_a_file_that_holds_more_than_its_size_says_is_cut_at_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """/proc files say they are empty: the cap holds on what is read (limit + 1 bytes at
    most), not on what stat says. (A regular file over the cap: test_sync_bundle.)"""
    from kplan_desktop.core import files

    got: list[int] = []

    class CountingOs:
        def __getattr__(self, name: str) -> Any:
            return getattr(os, name)

        def read(self, fd: int, n: int) -> bytes:
            chunk = os.read(fd, n)
            got.append(len(chunk))
            return chunk

    monkeypatch.setattr(files, "os", CountingOs())
    with pytest.raises(BundleError, match=r"status is larger than any bundle KPlan accepts"):
        bundle_io.read_file(Path("/proc/self/status"), limits=Limits(file_bytes=100))
    assert sum(got) == 101


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(os, "symlink"), reason="POSIX")
def test_a_link_is_followed_to_a_bundle_but_never_to_a_pipe(tmp_path: Path) -> None:
    """Links are followed: the check is on what the opened descriptor reads, so a link to a
    bundle (a synced folder, a download) reads as the bundle and a link to a pipe is refused
    like the pipe."""
    key = Ed25519PrivateKey.generate()
    real = tmp_path / "real.kplanbundle"
    real.write_bytes(_bundle(key, 3))
    link = tmp_path / "link.kplanbundle"
    link.symlink_to(real)
    assert sum(len(f) for _, f in bundle_io.read_file(link).feeds) == 3
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    to_fifo = tmp_path / "innocent.kplanbundle"
    to_fifo.symlink_to(fifo)
    try:
        error = _in_thread(lambda: bundle_io.read_file(to_fifo))
    finally:
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert isinstance(error, BundleError) and "not an ordinary file" in str(error)


def test_read_lets_go_of_the_files_bytes_and_reads_once() -> None:
    """The importer holds the SignedBundle through the import: the file's bytes must not
    stay with it."""
    key = Ed25519PrivateKey.generate()
    data = _bundle(key, 3)
    alone = sys.getrefcount(data)
    signed = bundle_io.open_bundle(data)
    assert sys.getrefcount(data) == alone + 1  # the view of its body
    assert sum(len(f) for _, f in signed.read().feeds) == 3
    assert sys.getrefcount(data) == alone
    with pytest.raises(RuntimeError, match="twice"):
        signed.read()
