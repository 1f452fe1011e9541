"""Fuzzing the bundle reader and importer: 10,000 mutated bundles, only clear refusals.

Half the mutations are raw (bit flips, truncations, splices of two bundles):
the signature refuses them. The other half are made by a trusted signer who
re-chains and re-signs what it mutated (duplicated, dropped, reordered lines;
fields deleted, added, retyped), so the manifest, body, chain and event
checks, the permission rules and the materializer are all reached. Allowed
outcomes: a BundleError, or a report; never another exception, never a hang,
never a partial write.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kplan_desktop.core.errors import KPlanError
from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync import bundle as bundle_io
from kplan_desktop.sync.bundle import BundleError, Limits
from kplan_desktop.sync.importer import import_data, preview
from tests.unit.sync_support import Plan, dump_hash, new_plan

LIMITS = Limits(body_bytes=4 * 1024 * 1024, line_bytes=256 * 1024)

_WEIRD: list[Any] = [None, 0, -1, 2**70, 1.5, "", "x" * 300, [], {}, [1, "a"], {"a": 1}, True,
                     "new", "accepted", "secretary", "coordination", "01a2"]


def canonical(obj: Any) -> bytes:
    """JSON as our writer lays it out, but by a forger's encoder: it writes what ours
    refuses to (integers past 64 bits)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _split(data: bytes) -> tuple[dict[str, Any], list[bytes]]:
    header_end = data.index(b"\n") + 1
    manifest_end = data.index(b"\n", header_end)
    manifest = json.loads(data[header_end:manifest_end])
    lines = gzip.decompress(data[manifest_end + 1 : -64]).split(b"\n")[:-1]
    return manifest, lines


def _mutate_event(rng: random.Random, line: bytes) -> bytes:
    try:
        obj = json.loads(line)
    except ValueError:
        return line + b"}"
    if not isinstance(obj, dict) or not isinstance(obj.get("fields"), dict):
        return b"[" + line
    what = rng.randrange(6)
    fields = obj["fields"]
    if what == 0 and fields:
        del fields[rng.choice(sorted(fields))]
    elif what == 1 and fields:
        fields[rng.choice(sorted(fields))] = rng.choice(_WEIRD)
    elif what == 2:
        fields[rng.choice(["status", "author_id", "text", "role", "kind", "parents", "zzz"])] = (
            rng.choice(_WEIRD))
    elif what == 3:
        obj[rng.choice(["entity", "id", "author", "hlc", "v", "plan"])] = rng.choice(
            [*_WEIRD, "remark", "section_revision", "membership"])
    elif what == 4:
        obj["fields"] = rng.choice(_WEIRD)
    else:
        return line[: rng.randrange(len(line))]
    return canonical(obj)


def _rechain(lines: list[bytes]) -> list[bytes]:
    """Give the (mutated) events one chain again: seq and prev in order."""
    out: list[bytes] = []
    prev: str | None = None
    for seq, line in enumerate(lines, start=1):
        try:
            obj = json.loads(line)
        except ValueError:
            out.append(line)
            continue
        if isinstance(obj, dict):
            obj["seq"], obj["prev"] = seq, prev
            line = canonical(obj)
        out.append(line)
        prev = hashlib.sha256(line).hexdigest()
    return out


def _resign(key: Ed25519PrivateKey, manifest: dict[str, Any], lines: list[bytes],
            rng: random.Random) -> bytes:
    """One feed (the signer's own), re-chained, its head and the whole file signed again."""
    if rng.random() < 0.8:
        lines = _rechain(lines)
    body = gzip.compress(b"".join(line + b"\n" for line in lines))
    feed = manifest["feeds"][0]
    if lines:
        head = hashlib.sha256(lines[-1]).hexdigest()
        feed.update(first=1, last=len(lines), prev=None, head=head)
        feed["sig"] = bundle_io.sign_head(key, plan=manifest["plan"], device=feed["device"],
                                          person=feed["person"], seq=len(lines), head=head)
    manifest["counts"]["events"] = len(lines)
    manifest["body"] = {"length": len(body), "sha256": hashlib.sha256(body).hexdigest(),
                        "size": sum(len(line) + 1 for line in lines)}
    if rng.random() < 0.1:
        manifest[rng.choice(["feeds", "counts", "have", "plan", "format"])] = rng.choice(_WEIRD)
    return bundle_io.assemble(key, canonical(manifest), body)


def _deep_mutation(rng: random.Random, key: Ed25519PrivateKey, data: bytes) -> bytes:
    manifest, lines = _split(data)
    lines = list(lines)
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(5)
        i = rng.randrange(len(lines))
        if op == 0:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 1 and len(lines) > 1:
            del lines[i]
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = _mutate_event(rng, lines[i])
    return _resign(key, manifest, lines, rng)


def _raw_mutation(rng: random.Random, data: bytes, other: bytes) -> bytes:
    op = rng.randrange(4)
    if op == 0:
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            mutated[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(mutated)
    if op == 1:
        return data[: rng.randrange(len(data))]
    if op == 2:
        cut = rng.randrange(len(data))
        return data[:cut] + other[rng.randrange(len(other)) :]
    start = rng.randrange(len(data))
    return data[:start] + data[start : start + rng.randint(1, 200)] * 2 + data[start:]


def _secretary_bundle(plan: Plan) -> bytes:
    sec = plan.secretary
    remark = actions.add_remark(sec.ws, section_id=plan.section_id, remark_type="general",
                                text="Sekretorės pastaba", quote="Antra eilutė")
    actions.answer_remark(sec.ws, remark, "accepted", "Pritarta")
    actions.add_meeting(sec.ws, group_id=plan.group_id, date="2026-02-01", place="Rotušė")
    actions.revise_section(sec.ws, plan.section_id, title="Tikslas", body="Nauja.\n")
    return sec.export(plan.folder / "sec.kplanbundle", full=True).read_bytes()


def _fuzz(plan: Plan, count: int, seed: int) -> dict[str, int]:
    key = plan.secretary.key
    data = _secretary_bundle(plan)
    other = plan.secretary.export(plan.folder / "other.kplanbundle", full=True).read_bytes()
    target: Workspace = plan.join("Ona Petraitienė", "ona@example.lt").ws
    before = dump_hash(target)
    changes = target.conn.total_changes
    rng = random.Random(seed)
    outcomes = {"refused": 0, "previewed": 0}
    slowest = 0.0
    for n in range(count):
        deep = n % 2 == 1
        mutated = _deep_mutation(rng, key, data) if deep else _raw_mutation(rng, data, other)
        start = time.perf_counter()
        try:
            if deep:
                parsed = bundle_io.read_bytes(mutated, plan_id=target.identity.plan_id,
                                              limits=LIMITS)
                preview(target, parsed)  # the whole import, then rolled back
                outcomes["previewed"] += 1
            else:
                import_data(target, mutated, limits=LIMITS)
                outcomes["previewed"] += 1
        except BundleError:
            outcomes["refused"] += 1
        except KPlanError as exc:  # a refusal, but not a clear bundle one: a bug here
            raise AssertionError(f"mutation {n}: {exc!r}") from exc
        except (sqlite3.Error, Exception) as exc:
            raise AssertionError(f"mutation {n} raised {exc!r}") from exc
        slowest = max(slowest, time.perf_counter() - start)
        if not deep and mutated not in (data, other):
            # (A splice may give back one of the two real files whole: that one imports.)
            assert target.conn.total_changes == changes, f"mutation {n} wrote"
        changes = target.conn.total_changes  # a preview writes, then rolls back
        if n % 1000 == 0:
            assert dump_hash(target) == before
    assert dump_hash(target) == before
    assert target.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert slowest < 2.0, slowest  # no hang
    return outcomes


def test_ten_thousand_mutated_bundles_give_only_clear_refusals(tmp_path: Path) -> None:
    outcomes = _fuzz(new_plan(tmp_path), 10_000, seed=1)
    # Both the refusals and the deep paths (parser passed, importer ran) were reached.
    assert outcomes["refused"] > 5_000 and outcomes["previewed"] > 100, outcomes


@pytest.mark.slow
def test_a_hundred_thousand_mutated_bundles(tmp_path: Path) -> None:
    _fuzz(new_plan(tmp_path), 100_000, seed=2)

