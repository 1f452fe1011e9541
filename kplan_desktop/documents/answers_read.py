"""Reading the consultants' answers from the file they send back: the XLSX of the remarks
(documents.report_xlsx) or the DOCX report, filled in Word, LibreOffice or Excel.

Columns are found by their header text, in Lithuanian or English, so a file keeps being
read when its layout changes a little (a column moved, one added); a file with no table
that has an identifier, a status and an answer column is refused as reshaped beyond
recognition. The file is from outside: a regular file under a size cap, read as a stream
(documents.ooxml_read) under caps on the bytes it really unpacks to, its rows, cells and
sheets, and refused with one sentence when it passes one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import KPlanError
from ..core.files import read_regular_file
from .ooxml_docx import docx_properties, docx_tables
from .ooxml_read import OfficePackage, PackageError, shared_strings, xlsx_rows, xlsx_sheets

#: Caps, against the real files of a 50,000-remark plan: its XLSX is about 11 MB (71 MB of
#: sheet XML unpacked), its DOCX report about 13 MB (155 MB of document.xml). The file is
#: read as a stream, so memory stays small whatever the caps; they bound the time.
MAX_FILE_BYTES = 30 * 1024 * 1024
#: Real bytes inflated, all parts and every reading of them together.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: Starts and ends of rows, cells, paragraphs and pieces of text read (ooxml_read): the
#: 50,000-remark DOCX has about 4.3 million, its XLSX 2.9 million.
MAX_PIECES = 6_000_000
#: Characters of text kept from the cells (the 50,000-remark file has about 35 million).
MAX_TEXT = 64_000_000
MAX_ROWS = 60_000
MAX_COLUMNS = 40
MAX_CELL = 40_000
#: Sheets in a workbook (ours has two: the remarks and the hidden one).
MAX_SHEETS = 50
#: A header cell, a status, an identifier's cell are a few words: only this many characters
#: of them are ever looked at (folding 40,000 characters a row would be slow).
_HEADER_CELL = 200
#: How far down the header row may stand (a title above the table).
HEADER_SEARCH_ROWS = 10
#: What the XLSX's hidden sheet is called and says (see documents.report_xlsx).
HIDDEN_SHEET = "kplan"
KNOWN_FORMATS = frozenset({"kplan-remarks-xlsx/1"})


class AnswersFileError(KPlanError):
    """A file of answers that is not read, and why (one sentence); nothing was changed."""


def fold(text: str) -> str:
    """Lower case, no diacritics, words only: "Atsižvelgta." and "atsizvelgta" are one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


#: Column headers, folded, in Lithuanian and English (the reports' and the XLSX's own, and
#: what a person retyping them would write).
_HEADERS: dict[str, frozenset[str]] = {
    "id": frozenset({"pastabos nr", "eil nr", "nr", "no", "remark id", "remark no", "id",
                     "identifier", "identifikatorius", "pastabos id", "pastaba nr"}),
    "status": frozenset({"busena", "status", "sprendimas", "decision", "pastabos busena"}),
    "response": frozenset({"atsakymas motyvai", "atsakymas", "response reasons", "response",
                           "motyvai", "atsizvelgimo ar neatsizvelgimo motyvai", "answer",
                           "reasons"}),
    "kplan_id": frozenset({"kplan id"}),
    "kplan_status": frozenset({"kplan status"}),
    "kplan_response": frozenset({"kplan response"}),
}
_REQUIRED = ("id", "status", "response")
#: An identifier inside a cell: "KUL-012", "KUL-012b", "KUL-?3f9a".
IDENTIFIER = re.compile(r"\b([A-Z]{2,4})-(\d{1,6}[a-z]?|\?[0-9a-f]{2,12})(?![\w-])")
_CONTINUED = ("tes", "cont")


@dataclass(frozen=True)
class FiledAnswer:
    """One row of the file: what identifies the remark and what the consultant wrote."""

    #: Where it stands: the spreadsheet's row number, or the table's row (1 the header).
    line: int
    identifier: str
    remark_id: str
    status_text: str
    response: str
    #: The status and the answer's digest at the export (the XLSX's hidden columns).
    exported_status: str | None = None
    exported_digest: str | None = None


@dataclass(frozen=True)
class AnswersFile:
    name: str
    kind: str
    plan_id: str | None
    exported_at: dt.datetime | None
    rows: tuple[FiledAnswer, ...]
    #: Rows that hold an answer but no identifier that can be read: (line, what it held).
    damaged: tuple[tuple[int, str], ...] = ()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").strip()
    return text[:MAX_CELL]


def _header(values: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(values):
        folded = fold(value)
        for meaning, names in _HEADERS.items():
            if folded in names and meaning not in found:
                found[meaning] = index
    return found


def _reshaped(name: str) -> AnswersFileError:
    return AnswersFileError(
        "{name} has no table with the remark's number, status and answer columns: it was"
        " reshaped beyond recognition, so nothing was read from it.", name=name)


def read_answers(path: Path) -> AnswersFile:
    """The answers in an XLSX or DOCX file; a file that cannot be one is refused."""
    path = Path(path)
    data = read_regular_file(path, MAX_FILE_BYTES)
    name = path.name
    if not data.startswith(b"PK\x03\x04"):
        raise AnswersFileError("{name} is neither an Excel workbook (.xlsx) nor a Word"
                               " document (.docx).", name=name)
    try:
        with OfficePackage(data, name, MAX_UNPACKED_BYTES, MAX_PIECES,
                           MAX_TEXT) as package:
            main = package.main_part("")
            if main.endswith("document.xml") or (not main and package.has("word/document.xml")):
                return _read_docx(package, main or "word/document.xml")
            if main.endswith("workbook.xml") or (not main and package.has("xl/workbook.xml")):
                return _read_xlsx(package)
    except PackageError as exc:
        raise AnswersFileError(exc.template, **exc.args_map) from None
    raise AnswersFileError("{name} is neither an Excel workbook (.xlsx) nor a Word document"
                           " (.docx).", name=name)


# --- XLSX ----------------------------------------------------------------------------------------


def _read_xlsx(package: OfficePackage) -> AnswersFile:
    name = package.name
    sheets, strings_part = xlsx_sheets(package)
    if len(sheets) > MAX_SHEETS:
        raise AnswersFileError("{name} has more than {limit} sheets; it is not read.",
                               name=name, limit=MAX_SHEETS)
    strings = shared_strings(package, strings_part, MAX_CELL)
    meta: dict[str, str] = {}
    for sheet in sheets:
        if sheet.name == HIDDEN_SHEET:
            for _, values in _sheet_rows(package, sheet.part, strings, 20):
                if values and values[0] is not None:
                    meta[_cell(values[0])] = _cell(values[1] if len(values) > 1 else "")
    if meta and meta.get("format") not in KNOWN_FORMATS:
        raise AnswersFileError("{name} was written by a newer version of KPlan; update KPlan"
                               " to read it.", name=name)
    plan_id = meta.get("plan_id") or None
    exported_at = _when(meta.get("exported_at", ""))
    for sheet in sheets:
        if sheet.name == HIDDEN_SHEET:
            continue
        # Rows as the spreadsheet numbers them: the empty ones between kept, so that a line
        # said in a message is the row the user sees.
        rows: list[list[str]] = []
        for number, values in _sheet_rows(package, sheet.part, strings,
                                          MAX_ROWS + HEADER_SEARCH_ROWS):
            rows += [[] for _ in range(number - 1 - len(rows))]
            rows.append([_cell(v) for v in values])
        found = _table(rows, spreadsheet=True)
        if found is not None:
            answers, damaged = found
            return AnswersFile(name, "xlsx", plan_id, exported_at, answers, damaged)
    raise _reshaped(name)


def _sheet_rows(package: OfficePackage, part: str, strings: list[str], max_rows: int,
                ) -> Iterator[tuple[int, list[Any]]]:
    def too_many() -> AnswersFileError:
        return AnswersFileError("{name} has more than {limit} rows; it is not read.",
                                name=package.name, limit=MAX_ROWS)

    for count, row in enumerate(xlsx_rows(package, part, strings, max_columns=MAX_COLUMNS,
                                          max_cell=MAX_CELL, too_many=too_many,
                                          max_rows=max_rows), start=1):
        if count > max_rows:
            raise too_many()
        yield row


def _when(text: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _table(rows: Sequence[Sequence[str]], *, spreadsheet: bool,
           ) -> tuple[tuple[FiledAnswer, ...], tuple[tuple[int, str], ...]] | None:
    """The answers of a table whose header row (among the first rows) names the identifier,
    status and answer columns; None when no row does."""
    for at, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = _header(values)
        if all(c in columns for c in _REQUIRED):
            return _answers(rows[at + 1:], columns, first_line=at + 2,
                            header=[fold(v) for v in values], spreadsheet=spreadsheet)
    return None


def _answers(rows: Iterable[Sequence[str]], columns: dict[str, int], *, first_line: int,
             header: list[str], spreadsheet: bool,
             ) -> tuple[tuple[FiledAnswer, ...], tuple[tuple[int, str], ...]]:
    def get(values: Sequence[str], meaning: str) -> str:
        index = columns.get(meaning)
        return values[index] if index is not None and index < len(values) else ""

    answers: list[FiledAnswer] = []
    damaged: list[tuple[int, str]] = []
    for line, values in enumerate(rows, start=first_line):
        if not any(values) or _is_header(values, header):
            continue  # an empty row, or the header again (Word repeats it on every page)
        id_text, status, response = (get(values, m) for m in _REQUIRED)
        found = IDENTIFIER.search(id_text[:_HEADER_CELL])
        remark_id = get(values, "kplan_id")
        if found is None and not remark_id:
            if not spreadsheet and len(set(values)) == 1:
                continue  # a section heading: one cell across the table
            if not spreadsheet and answers and any(w in fold(id_text[:_HEADER_CELL])
                                                   for w in _CONTINUED):
                answers[-1] = _continued(answers[-1], status, response)
                continue
            if status or response:
                damaged.append((line, (id_text or status or response)[:80]))
            continue
        identifier = found.group(0) if found else ""
        if not spreadsheet and answers and identifier and identifier == answers[-1].identifier:
            answers[-1] = _continued(answers[-1], status, response)  # a long remark's rest
            continue
        answers.append(FiledAnswer(
            line=line, identifier=identifier, remark_id=remark_id, status_text=status,
            response=response,
            exported_status=get(values, "kplan_status") or None if spreadsheet else None,
            exported_digest=get(values, "kplan_response") or None if spreadsheet else None,
        ))
        if len(answers) > MAX_ROWS:
            break
    return tuple(answers), tuple(damaged)


def _is_header(values: Sequence[str], header: list[str]) -> bool:
    """The header row again (Word repeats it on every page): folded only as far as needed,
    and a long cell is never a header's."""
    return len(values) == len(header) and all(
        len(v) <= _HEADER_CELL and fold(v) == h for v, h in zip(values, header, strict=True))


def _continued(answer: FiledAnswer, status: str, response: str) -> FiledAnswer:
    """A row continuing the one before (a long remark split over pages): its cells join."""
    joined = "\n".join(t for t in (answer.response, response) if t)
    return FiledAnswer(answer.line, answer.identifier, answer.remark_id,
                       answer.status_text or status, joined, answer.exported_status,
                       answer.exported_digest)


# --- DOCX ----------------------------------------------------------------------------------------


def _read_docx(package: OfficePackage, main: str) -> AnswersFile:
    name = package.name
    created, identifier = docx_properties(package)
    exported_at = None
    if isinstance(created, dt.datetime):
        exported_at = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
    plan_id = identifier.removeprefix("kplan:") if identifier.startswith("kplan:") else None
    # The report may hold its remarks in one table or one per section: every table whose
    # header names the columns counts, its rows numbered on from the table before.
    answers: list[FiledAnswer] = []
    damaged: list[tuple[int, str]] = []
    lines = 0
    table: list[list[str]] = []
    other = False  # the table's first row names no remarks' columns: its rows are skipped
    read = 0
    for cells in docx_tables(package, main, max_columns=MAX_COLUMNS, max_cell=MAX_CELL):
        if cells is not None:
            read += 1
            if read > MAX_ROWS * 2:
                raise AnswersFileError("{name} has more than {limit} rows; it is not read.",
                                       name=name, limit=MAX_ROWS)
            row = [_cell(c) for c in cells]
            if not table and not other:
                other = not all(c in _header(row) for c in _REQUIRED)
            if not other:
                table.append(row)
            continue
        rows, table, other = table, [], False
        if not rows:
            continue
        found = _answers(rows[1:], _header(rows[0]), first_line=lines + 2,
                         header=[fold(v) for v in rows[0]], spreadsheet=False)
        answers += found[0]
        damaged += found[1]
        lines += len(rows)
    if not lines:
        raise _reshaped(name)
    return AnswersFile(name, "docx", plan_id, exported_at, tuple(answers), tuple(damaged))
