"""The remarks as an XLSX for the consultants: one row a remark, in plan order, with the
same identifiers as the reports ("KUL-012"), a frozen header and filters, and a status
list to pick from. They fill the status and answer columns and send it back
(documents.answers_import reads it).

For the way back the workbook carries, out of sight, what the answers are matched and
judged by: a hidden sheet with the plan's id and the time of the export, and hidden
columns with each remark's id and its status and answer as they stood at the export.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..store import queries
from ..store.workspace import Workspace
from .data import ReportCriteria
from .files import Progress, atomic_output, report_progress
from .labels import STATUS_ORDER, Labels

#: What the hidden sheet says the workbook is; a later layout gets a new number.
FORMAT = "kplan-remarks-xlsx/1"
HIDDEN_SHEET = "kplan"
#: The visible columns, as keys of :class:`Labels`, in order.
COLUMNS = ("x_id", "group", "col_section", "x_round", "x_date", "x_author", "col_type",
           "col_remark", "col_proposed", "col_status", "col_response")
WIDTHS = (11, 22, 12, 16, 12, 20, 11, 60, 40, 18, 50)
#: The hidden columns after them: the remark's id, and its status and answer at the export.
HIDDEN_COLUMNS = ("kplan_id", "kplan_status", "kplan_response")
#: Excel holds at most this many characters in a cell.
MAX_CELL = 32_000


def answer_digest(response: str) -> str:
    """A short fingerprint of an answer's text: the workbook carries it, not the text, to
    tell whether the plan's answer changed since the export."""
    return hashlib.sha256(" ".join(response.split()).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class XlsxRow:
    remark_id: str
    identifier: str
    group: str
    section: str
    round: str
    date: str
    author: str
    type: str
    remark: str
    proposed: str
    status: str
    response: str
    status_key: str

    def cells(self) -> list[str]:
        return [self.identifier, self.group, self.section, self.round, self.date, self.author,
                self.type, self.remark, self.proposed, self.status, self.response]


def local_date(created_at: str) -> str:
    """The day a remark was given, in this computer's time zone (stored in UTC)."""
    try:
        when = dt.datetime.fromisoformat(created_at)
    except ValueError:
        return created_at[:10]
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.date().isoformat()


def xlsx_rows(ws: Workspace, criteria: ReportCriteria, labels: Labels,
              progress: Progress | None = None) -> Iterator[XlsxRow]:
    """The selected remarks in plan order, as the workbook shows them."""
    ids = queries.remark_ids(ws, criteria.remark_filter(ws), order="plan")
    total = len(ids)
    for start in range(0, total, 1000):
        chunk = ids[start:start + 1000]
        rows = queries.remark_rows(ws, chunk)
        for remark_id in chunk:
            r = rows[remark_id]
            remark = str(r["text"] or "")
            if r["justification"]:
                remark += f"\n{labels['justification']}: {r['justification']}"
            yield XlsxRow(
                remark_id=remark_id, identifier=str(r["identifier"]),
                group=str(r["group_name"] or r["group_code"] or ""),
                section=str(r["section_code"] or r["section_title"] or ""),
                round=str(r["round_name"] or ""), date=local_date(str(r["created_at"] or "")),
                author=str(r["author_name"] or ""), type=labels.type(str(r["type"])),
                remark=remark, proposed=str(r["proposed"] or ""),
                status=labels.status(str(r["status"])), response=str(r["response"] or ""),
                status_key=str(r["status"]),
            )
        report_progress(progress, min(start + 1000, total), total)


def row_height(cells: list[str]) -> float:
    """Points for a row whose cells wrap at the column widths (a line is 15 points; Excel
    allows at most 409)."""
    lines = 1
    for text, width in zip(cells, WIDTHS, strict=False):
        per_line = max(int(width * 1.15), 1)
        lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in text.split("\n")))
    return float(min(409, 15 * lines))


def _text(cell: Any, value: str) -> None:
    """A cell that holds text as text: "=..." typed in a remark is never a formula."""
    cell.value = value if len(value) <= MAX_CELL else value[:MAX_CELL] + "…"
    cell.data_type = "s"


def write_xlsx(ws: Workspace, path: Path, criteria: ReportCriteria | None = None,
               lang: str = "lt", progress: Progress | None = None,
               exported_at: dt.datetime | None = None) -> int:
    """Write the selected remarks to ``path`` atomically; returns how many."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    labels = Labels(lang)
    criteria = criteria or ReportCriteria()
    exported_at = exported_at or dt.datetime.now(dt.UTC)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = labels["x_sheet"]
    header = [labels[c] for c in COLUMNS] + list(HIDDEN_COLUMNS)
    sheet.append(header)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, cell in enumerate(sheet[1], start=1):
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        cell.data_type = "s"
        letter = get_column_letter(index)
        if index <= len(COLUMNS):
            sheet.column_dimensions[letter].width = WIDTHS[index - 1]
        else:
            sheet.column_dimensions[letter].hidden = True
    count = 0
    for row in xlsx_rows(ws, criteria, labels, progress):
        count += 1
        values = [*row.cells(), row.remark_id, row.status_key, answer_digest(row.response)]
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=count + 1, column=index)
            _text(cell, value)
            cell.alignment = wrap
        # A height for the wrapped text: not every program sizes rows itself on opening.
        sheet.row_dimensions[count + 1].height = row_height(row.cells())
    last = get_column_letter(len(COLUMNS))
    sheet.row_dimensions[1].height = 32  # two lines of header
    sheet.freeze_panes = "B2"
    # Printed: A4 landscape, as wide as a page, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    # The status column offers the statuses, but a consultant may type freely: the import
    # reads "atsizvelgta" or "Partly accepted" too, and lists what it cannot read.
    status_column = get_column_letter(COLUMNS.index("col_status") + 1)
    words = ",".join(labels.status(s) for s in STATUS_ORDER if s != "withdrawn")
    choice = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True,
                            showErrorMessage=False)
    choice.add(f"{status_column}2:{status_column}{max(count + 1, 2)}")
    sheet.add_data_validation(choice)
    hidden = book.create_sheet(HIDDEN_SHEET)
    for key, value in (("format", FORMAT), ("plan_id", ws.identity.plan_id),
                       ("exported_at", exported_at.astimezone(dt.UTC).isoformat(
                           timespec="seconds")), ("lang", lang)):
        hidden.append([key, value])
    hidden.sheet_state = "hidden"
    book.properties.title = f"{labels['report_title']} – {queries.plan(ws)['title']}"
    book.properties.language = labels.tag
    with atomic_output(Path(path)) as tmp:
        book.save(tmp)
    return count

