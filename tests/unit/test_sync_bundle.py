"""The bundle file: what goes in comes out, and any damage or trickery is refused whole."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from kplan_desktop.store import actions
from kplan_desktop.store.events import canonical
from kplan_desktop.sync import bundle as bundle_io
from kplan_desktop.sync.bundle import BundleError, Limits
from kplan_desktop.sync.importer import import_data
from tests.unit.sync_support import Plan, dump_hash, new_plan


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return new_plan(tmp_path)


def _small_bundle(plan: Plan) -> bytes:
    """A full bundle of about 2 KB from the secretary."""
    path = plan.secretary.export(plan.folder / "small.kplanbundle", full=True)
    return path.read_bytes()


def test_bundle_carries_the_log_exactly_and_names_its_signer(plan: Plan) -> None:
    data = _small_bundle(plan)
    parsed = bundle_io.read_bytes(data, plan_id=plan.secretary.ws.identity.plan_id)
    log = {
        r[0]: bytes(r[1]) for r in plan.secretary.ws.conn.execute("SELECT id, body FROM event")
    }
    got = {e.id: e.body for _, feed in parsed.feeds for e in feed}
    assert got == log
    assert parsed.signer_fingerprint == plan.secretary.fingerprint
    assert parsed.manifest.exporter_name == "Rūta Žemaitienė"
    assert parsed.manifest.full


def _refused_without_change(plan: Plan, copy_data: list[bytes], expect: str = "") -> None:
    """Each mutated bundle is refused with a KPlanError by an expert who trusts the signer."""
    expert = plan.join("Ona Petraitienė", "ona@example.lt")
    before = dump_hash(expert.ws)
    changes = expert.ws.conn.total_changes
    for data in copy_data:
        with pytest.raises(BundleError) as refused:
            import_data(expert.ws, data, name="b.kplanbundle")
        if expect:
            assert expect in str(refused.value)
    assert expert.ws.conn.total_changes == changes
    assert dump_hash(expert.ws) == before


def test_every_single_bit_flip_is_refused(plan: Plan) -> None:
    actions.add_remark(plan.secretary.ws, section_id=plan.section_id, remark_type="general",
                       text="Pastaba apie tikslą")
    data = _small_bundle(plan)
    assert 1500 < len(data) < 3000

    def flips() -> list[bytes]:
        out = []
        for i in range(len(data)):
            for bit in range(8):
                mutated = bytearray(data)
                mutated[i] ^= 1 << bit
                out.append(bytes(mutated))
        return out

    _refused_without_change(plan, flips())


def test_every_truncation_and_any_added_bytes_are_refused(plan: Plan) -> None:
    data = _small_bundle(plan)
    cut = [data[:n] for n in range(len(data))]
    added = [data + b"\n", data + b"x" * 64, b"\n" + data, b"PK" + data, data + data]
    _refused_without_change(plan, cut + added)


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        (b"", "not a KPlan bundle"),
        (b"%PDF-1.7\n", "not a KPlan bundle"),
        ("Labas, čia ne paketas".encode(), "not a KPlan bundle"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "not a KPlan bundle"),
    ],
)
def test_other_files_are_refused_by_name(plan: Plan, content: bytes, expect: str) -> None:
    path = plan.folder / "x.kplanbundle"
    path.write_bytes(content)
    with pytest.raises(BundleError, match=expect):
        bundle_io.read_file(path)


def test_a_zip_is_refused_as_a_zip(plan: Plan) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("../../etc/passwd", _small_bundle(plan))
    path = plan.folder / "bundle.zip"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(BundleError, match="ZIP archive"):
        bundle_io.read_file(path)


def _resigned(plan: Plan, data: bytes, *, version: int = 1, edit_manifest: object = None,
              body: bytes | None = None) -> bytes:
    """The bundle with its manifest or body changed and signed again by its own signer."""
    header_end = data.index(b"\n") + 1
    manifest_end = data.index(b"\n", header_end)
    manifest = json.loads(data[header_end:manifest_end])
    new_body = data[manifest_end + 1 : -64] if body is None else body
    if body is not None:
        manifest["body"] = {"length": len(body), "sha256": hashlib.sha256(body).hexdigest(),
                            "size": manifest["body"]["size"]}
    if callable(edit_manifest):
        edit_manifest(manifest)
    return bundle_io.assemble(plan.secretary.key, canonical(manifest), new_body,
                              version=version)


def test_a_newer_format_is_refused_asking_for_an_update(plan: Plan) -> None:
    data = _resigned(plan, _small_bundle(plan), version=2)
    with pytest.raises(BundleError, match="newer version of KPlan"):
        bundle_io.read_bytes(data, name="new.kplanbundle")


def test_a_bundle_of_another_plan_is_refused(plan: Plan, tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    other = new_plan(tmp_path / "other")
    data = _small_bundle(other)
    with pytest.raises(BundleError, match="another plan"):
        import_data(plan.secretary.ws, data, name="other.kplanbundle")


def test_a_gzip_bomb_from_a_trusted_signer_is_refused(plan: Plan) -> None:
    data = _small_bundle(plan)
    bomb = gzip.compress(b"{" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 200_000
    resigned = _resigned(plan, data, body=bomb)
    with pytest.raises(BundleError, match="unpacks to more than it declares"):
        bundle_io.read_bytes(resigned, limits=Limits(body_bytes=8 * 1024 * 1024))

    def declare_huge(m: dict[str, object]) -> None:
        body = m["body"]
        assert isinstance(body, dict)
        body["size"] = 10**12

    resigned = _resigned(plan, data, body=bomb, edit_manifest=declare_huge)
    with pytest.raises(BundleError, match="more than KPlan accepts in one bundle"):
        bundle_io.read_bytes(resigned, limits=Limits(body_bytes=8 * 1024 * 1024))


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(plan: Plan) -> None:
    path = plan.folder / "big.kplanbundle"
    path.write_bytes(_small_bundle(plan))
    with pytest.raises(BundleError, match="larger than any bundle"):
        bundle_io.read_file(path, limits=Limits(file_bytes=1000))


def test_a_broken_chain_signed_anew_by_the_exporter_is_refused(plan: Plan) -> None:
    """Reordered or dropped event lines break the feed's chain even under a valid file
    signature."""
    data = _small_bundle(plan)
    header_end = data.index(b"\n") + 1
    manifest_end = data.index(b"\n", header_end)
    lines = gzip.decompress(data[manifest_end + 1 : -64]).split(b"\n")[:-1]
    swapped = [lines[1], lines[0], *lines[2:]]
    body = gzip.compress(b"".join(line + b"\n" for line in swapped))
    with pytest.raises(BundleError, match="damaged or was altered"):
        bundle_io.read_bytes(_resigned(plan, data, body=body))
