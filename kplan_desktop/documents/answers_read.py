"""Reading the consultants' answers from the file they send back: the XLSX of the remarks
(documents.report_xlsx) or the DOCX report, filled in Word, LibreOffice or Excel.

Columns are found by their header text, in Lithuanian or English, so a file keeps being
read when its layout changes a little (a column moved, one added); a file with no table
that has an identifier, a status and an answer column is refused as reshaped beyond
recognition. The file is from outside: a regular file under a size cap, its unpacked
size judged before it is parsed, rows and cells capped.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import KPlanError
from ..core.files import read_regular_file

MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 60_000
MAX_COLUMNS = 40
MAX_CELL = 40_000
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
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # A few kB of zip may unpack to gigabytes: judge by the stated sizes first.
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise AnswersFileError("{name} unpacks to more than {limit} MB; it is not"
                                       " read.", name=name, limit=MAX_UNPACKED_BYTES // 2**20)
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise AnswersFileError("{name} is damaged: it cannot be opened.", name=name) from None
    if "word/document.xml" in names:
        return _read_docx(data, name)
    if "xl/workbook.xml" in names:
        return _read_xlsx(data, name)
    raise AnswersFileError("{name} is neither an Excel workbook (.xlsx) nor a Word document"
                           " (.docx).", name=name)


# --- XLSX ----------------------------------------------------------------------------------------


def _read_xlsx(data: bytes, name: str) -> AnswersFile:
    import openpyxl  # only when a workbook is read: it takes a while to import

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # zipfile, XML and openpyxl's own errors alike: not a workbook
        raise AnswersFileError("{name} is damaged: it cannot be read as a workbook.",
                               name=name) from None
    try:
        meta: dict[str, str] = {}
        tables: list[list[list[str]]] = []
        for sheet in book.worksheets:
            if sheet.title == HIDDEN_SHEET:
                for values in sheet.iter_rows(max_row=20, max_col=2, values_only=True):
                    if values and values[0] is not None:
                        meta[_cell(values[0])] = _cell(values[1] if len(values) > 1 else "")
                continue
            rows: list[list[str]] = []
            for values in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise AnswersFileError("{name} has more than {limit} rows; it is not read.",
                                           name=name, limit=MAX_ROWS)
                rows.append([_cell(v) for v in values])
            tables.append(rows)
    except AnswersFileError:
        raise
    except Exception:
        raise AnswersFileError("{name} is damaged: it cannot be read as a workbook.",
                               name=name) from None
    finally:
        book.close()
    if meta and meta.get("format") not in KNOWN_FORMATS:
        raise AnswersFileError("{name} was written by a newer version of KPlan; update KPlan"
                               " to read it.", name=name)
    plan_id = meta.get("plan_id") or None
    exported_at = _when(meta.get("exported_at", ""))
    for rows in tables:
        found = _table(rows, spreadsheet=True)
        if found is not None:
            answers, damaged = found
            return AnswersFile(name, "xlsx", plan_id, exported_at, answers, damaged)
    raise _reshaped(name)


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
        if not any(values) or [fold(v) for v in values] == header:
            continue  # an empty row, or the header again (Word repeats it on every page)
        id_text, status, response = (get(values, m) for m in _REQUIRED)
        found = IDENTIFIER.search(id_text)
        remark_id = get(values, "kplan_id")
        if found is None and not remark_id:
            if not spreadsheet and len(set(values)) == 1:
                continue  # a section heading: one cell across the table
            if not spreadsheet and answers and any(w in fold(id_text) for w in _CONTINUED):
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


def _continued(answer: FiledAnswer, status: str, response: str) -> FiledAnswer:
    """A row continuing the one before (a long remark split over pages): its cells join."""
    joined = "\n".join(t for t in (answer.response, response) if t)
    return FiledAnswer(answer.line, answer.identifier, answer.remark_id,
                       answer.status_text or status, joined, answer.exported_status,
                       answer.exported_digest)


# --- DOCX ----------------------------------------------------------------------------------------


def _read_docx(data: bytes, name: str) -> AnswersFile:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        props = document.core_properties
        created = props.created or props.modified
        identifier = str(props.identifier or "")
        tables = document.tables
    except Exception:
        raise AnswersFileError("{name} is damaged: it cannot be read as a Word document.",
                               name=name) from None
    exported_at = None
    if isinstance(created, dt.datetime):
        exported_at = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
    plan_id = identifier.removeprefix("kplan:") if identifier.startswith("kplan:") else None
    # The report may hold its remarks in one table or one per section: every table whose
    # header names the columns counts, its rows numbered on from the table before.
    answers: list[FiledAnswer] = []
    damaged: list[tuple[int, str]] = []
    lines = 0
    for table in tables:
        try:
            rows = _docx_rows(table, lines)
        except AnswersFileError:
            raise
        except Exception:
            continue  # a table python-docx cannot walk (odd merges): not the remarks table
        if not rows or not all(c in _header(rows[0]) for c in _REQUIRED):
            continue
        found = _answers(rows[1:], _header(rows[0]), first_line=lines + 2,
                         header=[fold(v) for v in rows[0]], spreadsheet=False)
        answers += found[0]
        damaged += found[1]
        lines += len(rows)
    if not lines:
        raise _reshaped(name)
    return AnswersFile(name, "docx", plan_id, exported_at, tuple(answers), tuple(damaged))


def _docx_rows(table: Any, before: int) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        if before + len(rows) > MAX_ROWS * 2:
            raise AnswersFileError("The document has more than {limit} rows; it is not read.",
                                   limit=MAX_ROWS)
        rows.append([_cell(cell.text) for cell in list(row.cells)[:MAX_COLUMNS]])
    return rows
