"""kplan export remarks|draft and kplan import draft, run as a separate process; and the
DOCX files opened by LibreOffice where it is installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.documents_plan import DocPlan, build_doc_plan
from tests.unit.test_documents_draft import remark_comments

pytestmark = pytest.mark.e2e

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


def kplan(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kplan_desktop", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, check=False)


def refused(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kplan: "), result.stderr
    assert "Traceback" not in result.stderr and "unexpected" not in lines[0]
    return lines[0].removeprefix("kplan: ")


@pytest.fixture
def plan(tmp_path: Path) -> DocPlan:
    built = build_doc_plan(tmp_path / "planas.kplan", remarks_per_section=2)
    built.ws.close()  # the command runs in its own process
    return built


def test_export_remarks_pdf_and_docx_with_filters(plan: DocPlan, tmp_path: Path) -> None:
    pdf = tmp_path / "suvestinė.pdf"
    result = kplan("export", "remarks", plan.ws.path, "--format", "pdf", "-o", pdf,
                   "--group", "JUD", "--status", "new", "--lang", "en")
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Working groups Judumo darbo grupė" in text
    assert "Statuses new" in text
    assert "Ąžuolas Čepulis" in text and "Jonas Petraitis" not in text
    assert result.stdout.startswith(f"Wrote {pdf}: ")
    docx_out = tmp_path / "suvestinė.docx"  # the format from the file name
    result = kplan("export", "remarks", plan.ws.path, "-o", docx_out, "--section", "1.1",
                   "--author", "Žydrūnė Šeškuvienė", "--from", "2024-03-01")
    assert result.returncode == 0, result.stderr
    # A table per section, each with the header row first.
    tables = [t for t in docx.Document(str(docx_out)).tables if len(t.columns) == 11]
    authors = {row.cells[5].text.split("\n")[0] for t in tables for row in t.rows[1:]
               if not row.cells[0].text.endswith("(tęs.)")}
    assert authors == {"Žydrūnė Šeškuvienė"}


def test_refusals_are_one_sentence_and_write_nothing(plan: DocPlan, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    assert refused(kplan("export", "remarks", plan.ws.path, "-o", out, "--group", "NĖRA")) == (
        "There is no group with the code NĖRA.")
    assert refused(kplan("export", "remarks", plan.ws.path, "-o", tmp_path / "r.txt")) == (
        "Say which format to write: add --format docx or --format pdf.")
    assert refused(kplan("export", "remarks", plan.ws.path, "-o", tmp_path / "nėra" / "r.pdf")
                   ) == f"The folder {tmp_path / 'nėra'} does not exist."
    bad = kplan("export", "remarks", plan.ws.path, "-o", out, "--status", "maybe")
    assert bad.returncode == 2
    assert list(tmp_path.glob("r.*")) == [] and list(tmp_path.glob(".*.part")) == []
    text = tmp_path / "laiškas.docx"
    text.write_text("ne Word dokumentas", encoding="utf-8")
    assert refused(kplan("import", "draft", plan.ws.path, text)) == (
        "laiškas.docx is not a Word document (.docx).")


def test_draft_round_trip_through_the_command_line(plan: DocPlan, tmp_path: Path) -> None:
    draft = tmp_path / "projektas.docx"
    result = kplan("export", "draft", plan.ws.path, "-o", draft)
    assert result.returncode == 0, result.stderr
    assert len(remark_comments(draft)) == len(plan.remarks)
    result = kplan("import", "draft", plan.ws.path, draft)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Imported projektas.docx: 0 added, 0 changed, 0 renamed, 0 renumbered, 0 moved,"
        " 0 removed, 7 unchanged.")


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed here")
def test_libreoffice_opens_every_docx(plan: DocPlan, tmp_path: Path) -> None:
    report = tmp_path / "suvestinė.docx"
    draft = tmp_path / "projektas.docx"
    assert kplan("export", "remarks", plan.ws.path, "-o", report).returncode == 0
    assert kplan("export", "draft", plan.ws.path, "-o", draft).returncode == 0
    out = tmp_path / "pdf"
    for source in (report, draft):
        result = subprocess.run(
            [str(LIBREOFFICE), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
             "--headless", "--convert-to", "pdf", "--outdir", str(out), str(source)],
            capture_output=True, text=True, timeout=180, check=False)
        assert result.returncode == 0, result.stderr
        converted = out / (source.stem + ".pdf")
        assert converted.is_file(), (result.stdout, result.stderr)
        pages = PdfReader(converted).pages
        text = " ".join(" ".join(p.extract_text().split()) for p in pages)
        if source is draft:
            assert "Ąžuolynas, Nemuno ir Neries krantinės – miesto žalioji ašis." in text
        else:
            assert "ąčęėįšųūž" in text
            # Word's fields and the repeated header row, as LibreOffice lays them out.
            assert len(pages) >= 3
            assert f"2 psl. iš {len(pages)}" in " ".join(pages[1].extract_text().split())
            texts = [" ".join(p.extract_text().split()) for p in pages]
            first = next(i for i, t in enumerate(texts) if "Cituojama ištrauka" in t)
            assert first <= 1
            assert all("Cituojama ištrauka" in t for t in texts[first:])


def test_draft_export_takes_the_report_filters(plan: DocPlan, tmp_path: Path) -> None:
    draft = tmp_path / "jud-naujos.docx"
    result = kplan("export", "draft", plan.ws.path, "-o", draft, "--group", "JUD",
                   "--status", "new", "--round", "I etapas")
    assert result.returncode == 0, result.stderr
    comments = remark_comments(draft)
    assert comments and all(c.author == "Ąžuolas Čepulis" for c in comments)
    assert result.stdout.startswith(f"Wrote {draft}: the draft with {len(comments)} remarks")
    assert refused(kplan("export", "draft", plan.ws.path, "-o", tmp_path / "x.docx",
                         "--group", "NĖRA")) == "There is no group with the code NĖRA."
    assert not (tmp_path / "x.docx").exists()
