"""The packaged build: build.spec bundles what the program reads, and the frozen kplan works."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


def spec_function(name: str) -> Any:
    """One function of build.spec, on its own (the rest needs PyInstaller to run)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    found = [node for node in tree.body if isinstance(node, ast.FunctionDef)
             and node.name == name]
    assert found, f"build.spec has no function {name}"
    namespace: dict[str, Any] = {"Path": Path}
    exec(compile(ast.Module(body=found, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace[name]


def test_spec_bundles_every_resource_folder_and_translation() -> None:
    datas = spec_function("resource_datas")(ROOT)
    bundled = {(Path(src).resolve(), dest) for src, dest in datas}

    files = [p for p in (ROOT / "resources").rglob("*")
             if p.is_file() and not p.name.startswith(".")]
    assert files, "resources/ is empty"
    for path in files:
        # Same relative folder as in a checkout: the code looks there under sys._MEIPASS.
        assert (path.resolve(), str(path.parent.relative_to(ROOT))) in bundled, path
    for qm in (ROOT / "i18n").glob("*.qm"):
        assert (qm.resolve(), "i18n") in bundled, qm
    # The fonts the PDF embeds come with their licence.
    dests = {dest for _, dest in datas}
    assert str(Path("resources") / "fonts") in dests
    assert any(Path(src).name.upper().startswith("LICENSE") for src, _ in datas)


def test_a_new_resource_folder_is_bundled_without_editing_the_spec(tmp_path: Path) -> None:
    (tmp_path / "resources" / "demo" / "extra").mkdir(parents=True)
    (tmp_path / "resources" / "demo" / "extra" / "plan.json").write_text("{}")
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "kplan_lt.qm").write_bytes(b"qm")
    (tmp_path / "i18n" / "kplan_lt.ts").write_text("<TS/>")

    datas = spec_function("resource_datas")(tmp_path)

    assert sorted((Path(src).name, dest) for src, dest in datas) == [
        ("kplan_lt.qm", "i18n"), ("plan.json", str(Path("resources/demo/extra")))]


@pytest.mark.slow
def test_frozen_build_passes_its_self_test(tmp_path: Path) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"), str(SPEC)],
        capture_output=True, text=True, timeout=1200, check=False, cwd=ROOT,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    exe = tmp_path / "dist" / "kplan" / ("kplan.exe" if sys.platform == "win32" else "kplan")
    assert exe.is_file()

    # As on a PC without Python: no virtual environment or source tree to fall back on.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([str(exe), "self-test"], capture_output=True, text=True,
                            timeout=300, check=False, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "packaged build" in result.stdout.splitlines()[0]
    assert "FAILED" not in result.stdout
    assert result.stdout.rstrip().endswith("All checks passed.")

    help_text = subprocess.run([str(exe), "--help"], capture_output=True, text=True,
                               timeout=60, check=False, env=env)
    assert help_text.returncode == 0
    assert "self-test" in help_text.stdout
