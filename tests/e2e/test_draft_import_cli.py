"""kplan import draft --dry-run: the preview printed, the workspace untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace
from tests.documents_plan import build_doc_plan

pytestmark = pytest.mark.e2e


def kplan(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kplan_desktop", *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_dry_run_prints_the_preview_and_changes_nothing(tmp_path: Path) -> None:
    plan = build_doc_plan(tmp_path / "planas.kplan", remarks_per_section=1)
    plan.ws.close()
    draft = tmp_path / "projektas.docx"
    assert kplan("export", "draft", plan.ws.path, "-o", draft).returncode == 0
    document = docx.Document(str(draft))
    for p in document.paragraphs:
        if p.text == "2. Darni ir patogi miesto aplinka":
            for run in p.runs:
                run.text = ""
            p.runs[0].text = "2. Darni, žalia ir patogi miesto aplinka"
    document.save(str(draft))
    with Workspace.open(plan.ws.path, readonly=True) as ws:
        before = queries.info(ws)
    result = kplan("import", "draft", plan.ws.path, draft, "--dry-run")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Preview of projektas.docx (nothing was changed): 0 added, 0 changed,"
                        " 1 renamed, 0 renumbered, 0 moved, 0 removed, 6 unchanged.")
    assert ("  renamed: 2. Darni ir patogi miesto aplinka → 2. Darni, žalia ir patogi miesto"
            " aplinka") in lines
    with Workspace.open(plan.ws.path, readonly=True) as ws:
        assert queries.info(ws) == before
    result = kplan("import", "draft", plan.ws.path, draft)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("Imported projektas.docx: 0 added,")
