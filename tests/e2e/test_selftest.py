"""``kplan self-test``: what municipal IT runs after installing, from source here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kplan_desktop import selftest
from tests.conftest import MemoryKeyring

pytestmark = pytest.mark.e2e

STEP_LABELS = [label for label, _ in selftest.STEPS]


def step_lines(output: str) -> dict[str, str]:
    """The verdict of each step, by its label."""
    verdicts = {}
    for line in output.splitlines():
        for label in STEP_LABELS:
            if line.startswith(label + " "):
                verdicts[label] = line[len(label):].strip()
    return verdicts


def test_self_test_as_a_process_passes_and_leaves_nothing(tmp_path: Path, data_dir: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    result = subprocess.run(
        [sys.executable, "-m", "kplan_desktop", "self-test"], capture_output=True, text=True,
        timeout=120, check=False, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    verdicts = step_lines(result.stdout)
    assert list(verdicts) == STEP_LABELS, result.stdout
    assert all(v.startswith("ok") for v in verdicts.values()), result.stdout
    # No keyring in the process (conftest): the key went to a passphrase-protected file.
    assert "encrypted key file" in verdicts["signing key"]
    assert result.stdout.rstrip().endswith("All checks passed.")
    # Nothing left behind: not the temporary folder, not a key file, not a log.
    assert list(temp.iterdir()) == []
    assert list(data_dir.iterdir()) == []


def test_self_test_uses_a_working_keyring_and_removes_its_throwaway_keys(
    tmp_path: Path, memory_keyring: MemoryKeyring, qapp: Any,
) -> None:
    memory_keyring.set_password("kplan-desktop", "someone's real device", "their real key")
    lines: list[str] = []

    assert selftest.run(lines.append, base_dir=tmp_path) == 0, "\n".join(lines)

    verdicts = step_lines("\n".join(lines))
    assert "OS keyring" in verdicts["signing key"]
    assert verdicts["bundle"].startswith("ok")  # the key was read back from the keyring
    # The two throwaway keys are gone; the user's own entry is untouched.
    assert memory_keyring.secrets == {
        ("kplan-desktop", "someone's real device"): "their real key"}
    assert list(tmp_path.iterdir()) == []


def test_a_failed_step_is_one_sentence_exit_1_and_the_others_still_run(tmp_path: Path) -> None:
    def broken(ctx: Any) -> str:
        (ctx.folder / "half.docx").write_bytes(b"PK")
        raise FileNotFoundError("No such file or directory: 'docx/templates/default.docx'")

    def not_here(ctx: Any) -> str:
        raise selftest.Skipped("pypdf is not in this build")

    def fine(ctx: Any) -> str:
        return "3 remarks"

    lines: list[str] = []
    code = selftest.run(lines.append, base_dir=tmp_path,
                        steps=[("broken", broken), ("optional", not_here), ("fine", fine)])

    assert code == 1
    assert lines[1] == ("broken                 FAILED: FileNotFoundError: No such file or"
                        " directory: 'docx/templates/default.docx'")
    assert lines[2] == "optional               skipped: pypdf is not in this build"
    assert lines[3].startswith("fine                   ok (3 remarks; ")
    assert lines[-1] == "1 check failed."
    assert list(tmp_path.iterdir()) == []


def test_steps_that_need_an_earlier_one_say_so(tmp_path: Path) -> None:
    """Without the demo, the store and report steps are skipped, not failed twice over."""
    lines: list[str] = []
    steps = [(label, step) for label, step in selftest.STEPS
             if label in ("store and search", "DOCX report")]
    assert selftest.run(lines.append, base_dir=tmp_path, steps=steps) == 0
    verdicts = step_lines("\n".join(lines))
    assert verdicts["store and search"].startswith("skipped: needs the demo workspace")
    assert verdicts["DOCX report"].startswith("skipped: needs the demo workspace")
