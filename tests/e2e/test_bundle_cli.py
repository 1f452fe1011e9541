"""`kplan bundle`, `kplan trust` and `kplan init --from`, run as the user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


def kplan(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kplan_desktop", *map(str, args)], cwd=REPO,
        capture_output=True, text=True, timeout=120, check=False,
    )


def ok(*args: str | Path) -> str:
    result = kplan(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(*args: str | Path) -> str:
    result = kplan(*args)
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.startswith("kplan:")]
    assert len(lines) >= 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


def _fingerprint(workspace: Path) -> str:
    return str(json.loads(ok("identity", workspace, "--json"))["fingerprint"])


def test_join_send_trust_import_and_refusals(tmp_path: Path) -> None:
    sec, expert = tmp_path / "sekretore.kplan", tmp_path / "ekspertas.kplan"
    ok("init", sec, "--title", "Kauno planas", "--name", "Rūta", "--email", "ruta@example.lt")
    full = tmp_path / "pilnas.kplanbundle"
    ok("bundle", "export", sec, "-o", full, "--full")
    verified = ok("bundle", "verify", full)
    assert _fingerprint(sec) in verified and "Rūta" in verified

    joined = ok("init", expert, "--from", full, "--name", "Ona", "--email", "ona@example.lt")
    assert _fingerprint(sec) in joined
    assert "Kauno planas" in ok("info", expert)

    hello = tmp_path / "ona.kplanbundle"
    ok("bundle", "export", expert, "-o", hello)
    info_before = ok("info", sec, "--json")
    stderr = refused("bundle", "import", sec, hello)
    assert _fingerprint(expert) in stderr and "kplan trust" in stderr
    assert ok("info", sec, "--json") == info_before

    expert_id = json.loads(ok("identity", expert, "--json"))["person_id"]
    ok("trust", sec, _fingerprint(expert), "--person", expert_id)
    imported = ok("bundle", "import", sec, hello)
    assert "applied" in imported and "refused   0" in imported
    again = json.loads(ok("bundle", "import", sec, hello, "--json"))
    assert again[0]["applied"] == 0 and again[0]["skipped"] >= 1
    listed = ok("trust", sec, "--list")
    assert "Ona" in listed and "trusted" in listed

    # Damaged, foreign and other files: one sentence, exit 1, nothing changed.
    data = hello.read_bytes()
    flipped = tmp_path / "flipped.kplanbundle"
    flipped.write_bytes(data[:100] + bytes([data[100] ^ 4]) + data[101:])
    archive = tmp_path / "paketas.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(hello, "ona.kplanbundle")
    cut = tmp_path / "cut.kplanbundle"
    cut.write_bytes(data[: len(data) // 2])
    before = ok("info", sec, "--json")
    assert "damaged or was altered" in refused("bundle", "import", sec, flipped)
    assert "ZIP archive" in refused("bundle", "import", sec, archive)
    assert "damaged" in refused("bundle", "import", sec, cut)
    assert "damaged" in refused("bundle", "verify", cut)
    assert ok("info", sec, "--json") == before

    ok("trust", sec, "--revoke", _fingerprint(expert))
    assert "revoked" in refused("bundle", "import", sec, hello)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert kplan("bundle").returncode == 2
    assert kplan("bundle", "export", tmp_path / "x.kplan").returncode == 2
