"""The developer set-up: dev.sh, .ci/run and the commands the README starts with."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash") or "/bin/bash"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )


def test_dev_sh_is_valid_bash() -> None:
    result = run(BASH, "-n", "dev.sh")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("script", ["dev.sh", ".ci/run"])
def test_scripts_are_executable_and_strict(script: str) -> None:
    path = REPO / script
    assert os.access(path, os.X_OK), f"{script} is not executable"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text


def test_help_names_the_commands() -> None:
    result = run(str(REPO / "dev.sh"), "help")
    assert result.returncode == 0, result.stderr
    for command in ("app", "test", "bench", "build", "package"):
        assert re.search(rf"^\s+{command}\b", result.stdout, re.MULTILINE), command


def test_unknown_command_is_bad_usage() -> None:
    result = run(str(REPO / "dev.sh"), "no-such-command")
    assert result.returncode == 2
    assert "unknown command" in result.stderr


def test_ci_runs_dev_sh_test() -> None:
    text = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^exec \./dev\.sh test$", text, re.MULTILINE)


def test_readme_starts_with_the_two_setup_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^```[a-z]*\n(.*?)^```", readme, re.MULTILINE | re.DOTALL)
    assert block is not None, "README.md has no code block"
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    assert [c for c in commands if c] == ["./dev.sh app", "./dev.sh test"]


def test_ci_runs_the_packaging_tests_and_a_plain_local_run_skips_them() -> None:
    from tests.e2e.conftest import packaging_enabled

    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^export KPLAN_PACKAGING=1$", ci, re.MULTILINE)
    dev = (REPO / "dev.sh").read_text(encoding="utf-8")
    assert 'export KPLAN_PACKAGE_DIR="$REPO/dist" KPLAN_PACKAGING=1' in dev
    assert packaging_enabled({"KPLAN_PACKAGING": "1"}, "not slow")
    assert packaging_enabled({"CI": "true"}, "not slow")
    assert packaging_enabled({}, "packaging")
    assert not packaging_enabled({}, "not slow")
    assert not packaging_enabled({"CI": "false"}, "")
    assert not packaging_enabled({}, "not slow and not packaging")


def test_a_plain_local_pytest_skips_the_packaging_tests() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "KPLAN_PACKAGING")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:xdist",
         "-m", "not slow", "-rs", "tests/e2e/test_installers.py"],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False, env=env)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "passed" not in result.stdout and "skipped" in result.stdout
    assert "packaging test: runs in CI" in result.stdout
