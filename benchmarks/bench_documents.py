"""Consolidated remarks report: PDF and DOCX against the plain library way, and linearity.

Baselines, on the same cells (the report's matrix as text): one reportlab
platypus Table of Paragraph cells with a repeated header row; a python-docx
table filled row by row with ``add_row`` and ``cell.text``. Goals (DESIGN.md):
PDF <= 0.5x, DOCX <= 0.25x; the 20,000-remark report <= 4.5x the 5,000 one.
Our times are whole exports from the workspace, reading included. Times are the
process's CPU time (all of this work is single-threaded), so other programs busy on the
machine do not tilt the ratios; the best of two runs of each size.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import Result

from kplan_desktop.demo.generate import build_demo
from kplan_desktop.documents.fonts import PDF_BOLD, PDF_REGULAR, register_pdf_fonts
from kplan_desktop.documents.report import (
    COLUMN_SHARES,
    Report,
    ReportOptions,
    build_report,
    export_report,
)
from kplan_desktop.store.workspace import Workspace


def _cells(report: Report) -> list[list[str]]:
    rows = [report.column_headers]
    for block in report.blocks:
        rows.extend(row.cells(report.labels) for row in block.rows)
    return rows


def baseline_pdf(cells: list[list[str]], path: Path) -> None:
    """The plain way: one platypus Table of Paragraphs, header repeated, split by rows."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    from reportlab.platypus.doctemplate import LayoutError

    register_pdf_fonts()
    style = ParagraphStyle("c", fontName=PDF_REGULAR, fontSize=7.5, leading=9.2)
    bold = ParagraphStyle("b", parent=style, fontName=PDF_BOLD)
    width = landscape(A4)[0] - 28 * mm - 12
    data = [[Paragraph(_esc(t), bold) for t in cells[0]]]
    data += [[Paragraph(_esc(t), style) for t in row] for row in cells[1:]]
    table = Table(data, colWidths=[width * s for s in COLUMN_SHARES], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=14 * mm,
                            rightMargin=14 * mm, topMargin=14 * mm, bottomMargin=14 * mm)
    # A row taller than a page: the plain way stops there (a shorter time, in its favour).
    with contextlib.suppress(LayoutError):
        doc.build([table])


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br/>"))


def baseline_docx(cells: list[list[str]], path: Path) -> None:
    """The plain way: python-docx add_row and cell.text for every row."""
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=1, cols=len(cells[0]))
    for cell, text in zip(table.rows[0].cells, cells[0], strict=True):
        cell.text = text
    for row in cells[1:]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    doc.save(str(path))


def cpu_best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The least CPU time of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _workspace(folder: Path, remarks: int) -> Path:
    path = folder / f"demo-{remarks}.kplan"
    build_demo(path, seed=7, remarks=remarks)
    return path


def run(quick: bool) -> list[Result]:
    small, large = (500, 2000) if quick else (5000, 20000)
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("KPLAN_DATA_DIR", str(folder / "data"))
        times: dict[tuple[str, int], float] = {}
        for n in (small, large):
            with Workspace.open(_workspace(folder, n), readonly=True) as ws:
                for fmt in ("pdf", "docx"):
                    out = folder / f"report-{n}.{fmt}"
                    times[fmt, n] = cpu_best_of(
                        2, lambda ws=ws, out=out, fmt=fmt: export_report(ws, out, fmt))
                if n == small:
                    cells = _cells(build_report(ws, ReportOptions()))
        base_pdf = cpu_best_of(1, lambda: baseline_pdf(cells, folder / "baseline.pdf"))
        base_docx = cpu_best_of(1, lambda: baseline_docx(cells, folder / "baseline.docx"))
        note = f"{small} remarks"
        results.append(Result("report_pdf_vs_platypus_table", times["pdf", small] / base_pdf,
                              0.5, note=f"{note}: {times['pdf', small]:.2f}s vs"
                              f" {base_pdf:.2f}s"))
        results.append(Result("report_docx_vs_add_row", times["docx", small] / base_docx, 0.25,
                              note=f"{note}: {times['docx', small]:.2f}s vs {base_docx:.2f}s"))
        for fmt in ("pdf", "docx"):
            results.append(Result(
                f"report_{fmt}_{large}_vs_{small}", times[fmt, large] / times[fmt, small], 4.5,
                note=f"{times[fmt, large]:.2f}s vs {times[fmt, small]:.2f}s"))
    return results
