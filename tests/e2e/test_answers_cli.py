"""kplan export remarks --format xlsx and kplan import answers, run as separate processes:
the identifiers listed and searched, the answers previewed, written, refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from kplan_desktop.documents.report_xlsx import COLUMNS
from kplan_desktop.store import remark_numbers
from tests.documents_plan import DocPlan, build_doc_plan

pytestmark = pytest.mark.e2e


def kplan(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kplan_desktop", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, check=False)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


@pytest.fixture
def plan(tmp_path: Path) -> DocPlan:
    built = build_doc_plan(tmp_path / "planas.kplan", remarks_per_section=1)
    with built.ws.write() as w:
        remark_numbers.number_remarks(w)
    built.ws.close()  # the commands run in their own processes
    return built


def test_identifiers_out_and_answers_back(plan: DocPlan, tmp_path: Path) -> None:
    ws_file = plan.ws.path
    listed = json.loads(ok(kplan("remark", "list", ws_file, "--json")))
    identifiers = sorted(r["identifier"] for r in listed)
    assert identifiers[0] == "JUD-001" and all("-?" not in i for i in identifiers)
    found = json.loads(ok(kplan("remark", "list", ws_file, "--search", "svi-2", "--json")))
    assert [r["identifier"] for r in found] == ["SVI-002"]
    assert "SVI-002" in ok(kplan("remark", "list", ws_file, "--search", "SVI-002"))

    out = tmp_path / "pastabos.xlsx"
    assert "XLSX" in ok(kplan("export", "remarks", ws_file, "-o", out))
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    status, answer = COLUMNS.index("col_status") + 1, COLUMNS.index("col_response") + 1
    sheet.cell(row=rows["SVI-002"], column=status).value = "Atsižvelgta"
    sheet.cell(row=rows["SVI-002"], column=answer).value = "Papildyta."
    filled = tmp_path / "atsakymai.xlsx"
    book.save(filled)

    dry = ok(kplan("import", "answers", ws_file, filled, "--dry-run"))
    assert "1 new answers" in dry or "1 changed answers" in dry
    assert "Nothing was changed" in dry
    before = json.loads(ok(kplan("remark", "list", ws_file, "--search", "SVI-002", "--json")))
    assert before[0]["response"] != "Papildyta."
    assert "Wrote 1 answers." in ok(kplan("import", "answers", ws_file, filled))
    after = json.loads(ok(kplan("remark", "list", ws_file, "--search", "SVI-002", "--json")))
    assert (after[0]["status"], after[0]["response"]) == ("accepted", "Papildyta.")

    other = build_doc_plan(tmp_path / "kitas.kplan", remarks_per_section=1)
    other.ws.close()
    foreign = tmp_path / "kito.xlsx"
    ok(kplan("export", "remarks", other.ws.path, "--format", "xlsx", "-o", foreign))
    refused = kplan("import", "answers", ws_file, foreign)
    assert refused.returncode == 1
    assert refused.stderr.strip().count("\n") == 0 and "another plan" in refused.stderr
