"""kplan export minutes, run as a separate process."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.e2e.test_documents_cli import kplan, refused
from tests.unit.test_minutes import GROUP_NAME, MeetingPlan, build_meeting_plan

pytestmark = pytest.mark.e2e


@pytest.fixture
def plan(tmp_path: Path) -> MeetingPlan:
    built = build_meeting_plan(tmp_path / "planas.kplan")
    built.ws.close()  # the command runs in its own process
    return built


def test_export_minutes_docx_and_pdf(plan: MeetingPlan, tmp_path: Path) -> None:
    out = tmp_path / "protokolas.docx"
    result = kplan("export", "minutes", plan.ws.path, "--meeting", plan.meeting_id, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {out}: the minutes of ")
    document = docx.Document(str(out))
    text = " ".join(p.text for p in document.paragraphs)
    cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert GROUP_NAME in text and "Dalyvavo:" in text and "Ąžuolė Černiauskienė" in text
    assert "Nutarta:" in text and "Atsižvelgta: renginys įrašytas." in cells
    pdf = tmp_path / "protokolas.pdf"
    result = kplan("export", "minutes", plan.ws.path, "--meeting", plan.meeting_id, "-o", pdf,
                   "--lang", "en")
    assert result.returncode == 0, result.stderr
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert GROUP_NAME in pdf_text and "Present:" in pdf_text and "Decided:" in pdf_text
    assert "Šarūnas Žilinskas" in pdf_text and "Page 1 of 1" in pdf_text


def test_refusals_are_one_sentence_and_write_nothing(plan: MeetingPlan, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    assert refused(kplan("export", "minutes", plan.ws.path, "--meeting", "nėra", "-o", out)) == (
        "There is no meeting nėra in this plan.")
    assert refused(kplan("export", "minutes", plan.ws.path, "--meeting", plan.meeting_id,
                         "-o", tmp_path / "p.txt")) == (
        "Say which format to write: add --format docx or --format pdf.")
    assert refused(kplan("export", "minutes", plan.ws.path, "--meeting", plan.meeting_id,
                         "--format", "pdf", "-o", plan.ws.path)).startswith("Writing ")
    assert kplan("export", "minutes", plan.ws.path, "-o", out).returncode == 2
    assert list(tmp_path.glob("p.*")) == [] and list(tmp_path.glob(".*.part")) == []
