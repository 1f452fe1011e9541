"""Document files from a stranger (the consultants' answers, a roster, a draft, a public key):
crafted to exhaust the machine or to slip past the checks, each refused with its named error
and one sentence, and the workspace unchanged. Memory and time are measured apart
(benchmarks/bench_hostile_documents.py); here, what the user sees."""

from __future__ import annotations

import base64
import io
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml

from kplan_desktop.core.errors import KPlanError
from kplan_desktop.core.files import FileReadError
from kplan_desktop.documents import answers_read, docx_read, ooxml_read, roster
from kplan_desktop.documents.answers_import import preview_answers, read_status
from kplan_desktop.documents.answers_read import AnswersFileError, read_answers
from kplan_desktop.documents.docx_read import read_draft
from kplan_desktop.documents.files import DocumentError
from kplan_desktop.documents.roster import RosterError, read_roster
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync.keys import PublicKeyFileError, read_public_key_file
from tests.helpers import make_plan

S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SHEET = "xl/worksheets/sheet1.xml"
HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Pastabos Nr.</t></is></c>'
          '<c r="B1" t="inlineStr"><is><t>Būsena</t></is></c>'
          '<c r="C1" t="inlineStr"><is><t>Atsakymas</t></is></c></row>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY a{i} "{("&a;" if i == 1 else f"&a{i - 1};") * 10}">'
                    for i in range(1, 9)) + "]>")
EXTERNAL = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///dev/zero">]>'


# --- building files ----------------------------------------------------------------------------


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _xlsx() -> dict[str, bytes]:
    """A small answers workbook, as openpyxl writes it."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Pastabos Nr.", "Būsena", "Atsakymas"])
    for i in range(1, 4):
        sheet.append([f"KUL-{i:03d}", "Atsižvelgta", f"Pataisyta {i}."])
    out = io.BytesIO()
    book.save(out)
    return _parts(out.getvalue())


def _sheet(rows: str) -> bytes:
    return f'<?xml version="1.0"?><worksheet {S}><sheetData>{rows}</sheetData></worksheet>'.encode()


def _answer_rows(count: int, first: int = 2) -> str:
    return "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>KUL-{r:03d}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>Atsižvelgta</t></is></c>'
        f'<c r="C{r}" t="inlineStr"><is><t>Pataisyta.</t></is></c></row>'
        for r in range(first, first + count))


def _with_sheets(parts: dict[str, bytes], count: int) -> dict[str, bytes]:
    """The workbook naming its one sheet part ``count`` times."""
    sheets = "".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId1"/>' for i in range(count))
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0"?><workbook {S} xmlns:r="http://schemas.openxmlformats.org/'
        f'officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>').encode()
    return parts


def _with_strings(parts: dict[str, bytes], strings: list[str]) -> dict[str, bytes]:
    """A sharedStrings.xml the workbook names (openpyxl writes inline strings only)."""
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"'
        b' Id="rId99"/></Relationships>')
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    parts["xl/sharedStrings.xml"] = f'<?xml version="1.0"?><sst {S}>{items}</sst>'.encode()
    return parts


def _docx(fill: Callable[[docx.document.Document], None] | None = None, rows: int = 2,
          ) -> dict[str, bytes]:
    """A small DOCX of answers, its table as the report's (``rows`` of it, the header too)."""
    document = docx.Document()
    table = document.add_table(rows=rows, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Pastabos Nr.", "Būsena", "Atsakymas"),
                          strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("KUL-001", "Atsižvelgta", "Pataisyta."),
                          strict=True):
        cell.text = text
    if fill is not None:
        fill(document)
    out = io.BytesIO()
    document.save(out)
    return _parts(out.getvalue())


def _bare(xml: bytes) -> bytes:
    """The XML without its declaration (for a DTD to go before it)."""
    return xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml


def _lie_about_size(path: Path, member: str, said: int) -> None:
    """Make the zip's central directory state ``said`` as ``member``'s unpacked size."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == member.encode():
            struct.pack_into("<I", data, at + 24, said)
        at = data.find(b"PK\x01\x02", at + 46)
    path.write_bytes(bytes(data))


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return make_plan(tmp_path / "planas.kplan")


def _state(ws: Workspace) -> tuple[int, int]:
    events = int(ws.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0])
    remarks = int(ws.conn.execute("SELECT COUNT(*) FROM remark").fetchone()[0])
    return events, remarks


def _refused_by_preview(ws: Workspace, path: Path) -> str:
    """The sentence preview_answers refuses ``path`` with; the workspace left as it was."""
    before = _state(ws)
    with pytest.raises(KPlanError) as refused:
        preview_answers(ws, path)
    assert _state(ws) == before
    assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return str(refused.value)


# --- the answers file: XLSX --------------------------------------------------------------------


def test_a_harmless_workbook_is_still_read(tmp_path: Path) -> None:
    read = read_answers(_zip(tmp_path / "atsakymai.xlsx", _xlsx()))
    assert [(r.line, r.identifier, r.status_text) for r in read.rows] == [
        (2, "KUL-001", "Atsižvelgta"), (3, "KUL-002", "Atsižvelgta"),
        (4, "KUL-003", "Atsižvelgta")]


def test_a_workbook_naming_more_sheets_than_the_cap(ws: Workspace, tmp_path: Path) -> None:
    path = _zip(tmp_path / "lapai.xlsx", _with_sheets(_xlsx(), answers_read.MAX_SHEETS + 1))
    assert _refused_by_preview(ws, path) == (
        f"lapai.xlsx has more than {answers_read.MAX_SHEETS} sheets; it is not read.")


def test_a_part_read_again_counts_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        ) -> None:
    """One sheet part named by many sheets: its stated size is small, but every reading of it
    is counted (a thousand sheets on one 60,000-row part once ran for minutes)."""
    monkeypatch.setattr(answers_read, "MAX_UNPACKED_BYTES", 1024 * 1024)
    parts = _with_sheets(_xlsx(), 30)
    filler = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{"x" * 40}</t></is></c></row>'
                     for r in range(2, 1000))
    parts[SHEET] = _sheet(filler)  # 80 kB, no table: every sheet is read in turn
    path = _zip(tmp_path / "kartojasi.xlsx", parts)
    with pytest.raises(AnswersFileError) as refused:
        read_answers(path)
    assert str(refused.value) == "kartojasi.xlsx unpacks to more than 1 MB; it is not read."


def test_a_member_whose_stated_size_lies(tmp_path: Path) -> None:
    parts = _xlsx()
    parts[SHEET] = _sheet(HEADER + _answer_rows(3) + " " * 200_000)
    path = _zip(tmp_path / "meluoja.xlsx", parts)
    _lie_about_size(path, SHEET, 1000)
    with pytest.raises(AnswersFileError) as refused:
        read_answers(path)
    assert str(refused.value) == (
        "meluoja.xlsx is damaged: its contents do not unpack as they should.")


def test_a_formatted_tail_of_empty_rows_is_not_counted(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty rows after the table (Excel writes them for formatting) are no rows to read; a
    million of them once took 1.5 GB and a minute before being refused."""
    monkeypatch.setattr(answers_read, "MAX_ROWS", 100)
    parts = _xlsx()
    parts[SHEET] = _sheet(HEADER + _answer_rows(3) + "<row/>" * 5000
                          + '<row r="1048576" customFormat="1"/>')
    read = read_answers(_zip(tmp_path / "uodega.xlsx", parts))
    assert [r.identifier for r in read.rows] == ["KUL-002", "KUL-003", "KUL-004"]


def test_a_value_far_down_is_refused_at_once(tmp_path: Path) -> None:
    parts = _xlsx()
    parts[SHEET] = _sheet(HEADER + _answer_rows(3)
                          + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>')
    with pytest.raises(AnswersFileError) as refused:
        read_answers(_zip(tmp_path / "toli.xlsx", parts))
    assert str(refused.value) == (
        f"toli.xlsx has more than {answers_read.MAX_ROWS} rows; it is not read.")


def test_a_cell_in_the_last_column_and_a_huge_dimension_are_harmless(tmp_path: Path) -> None:
    parts = _xlsx()
    parts[SHEET] = _sheet(HEADER + _answer_rows(2)).replace(
        b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>').replace(
        b"</sheetData>", b'<row r="9"><c r="XFD9"><v>1</v></c></row></sheetData>')
    read = read_answers(_zip(tmp_path / "platus.xlsx", parts))
    assert [r.identifier for r in read.rows] == ["KUL-002", "KUL-003"]


def test_too_many_pieces_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers_read, "MAX_PIECES", 2000)
    parts = _xlsx()
    parts[SHEET] = _sheet(HEADER + _answer_rows(500))
    with pytest.raises(AnswersFileError) as refused:
        read_answers(_zip(tmp_path / "daug.xlsx", parts))
    assert str(refused.value) == (
        "daug.xlsx holds more than 1,000 rows, cells and pieces of text; it is not read.")


def test_too_many_shared_strings_are_refused(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ooxml_read, "MAX_SHARED_STRINGS", 100)
    path = _zip(tmp_path / "tekstai.xlsx", _with_strings(_xlsx(), [f"t{i}" for i in range(101)]))
    with pytest.raises(AnswersFileError) as refused:
        read_answers(path)
    assert str(refused.value) == (
        "tekstai.xlsx holds more than 100 different texts; it is not read.")


def test_shared_strings_are_read(tmp_path: Path) -> None:
    parts = _with_strings(_xlsx(), ["Pastabos Nr.", "Būsena", "Atsakymas", "KUL-007",
                                    "Iš dalies"])
    parts[SHEET] = _sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c>'
        '<c r="B2" t="s"><v>4</v></c><c r="C2"><v>12</v></c><c r="D2" t="s"><v>99</v></c>'
        "</row>")
    (row,) = read_answers(_zip(tmp_path / "bendri.xlsx", parts)).rows
    assert (row.identifier, row.status_text, row.response) == ("KUL-007", "Iš dalies", "12")


def _entity_cases() -> list[object]:
    return [pytest.param(kind, part, prolog, id=f"{kind}:{part}:{name}") for kind, part in (
        ("xlsx", SHEET), ("xlsx", "xl/workbook.xml"), ("xlsx", "xl/_rels/workbook.xml.rels"),
        ("xlsx", "_rels/.rels"), ("xlsx", "xl/sharedStrings.xml"), ("docx", "word/document.xml"),
        ("docx", "docProps/core.xml"), ("docx", "_rels/.rels"))
        for name, prolog in (("laughs", LAUGHS), ("external", EXTERNAL))]


@pytest.mark.parametrize(("kind", "part", "prolog"), _entity_cases())
def test_entity_declarations_are_refused_in_every_part(
        ws: Workspace, tmp_path: Path, kind: str, part: str, prolog: str) -> None:
    """Billion laughs and external entities (here /dev/zero): whatever part holds them."""
    parts = _xlsx() if kind == "xlsx" else _docx()
    if part == "xl/sharedStrings.xml":
        parts = _with_strings(parts, ["KUL-001"])
    parts[part] = prolog.encode() + _bare(parts[part])
    path = _zip(tmp_path / f"esybes.{kind}", parts)
    assert _refused_by_preview(ws, path) == (
        f"esybes.{kind} declares XML entities, which Office files never do; it is not read.")


def test_the_workspace_itself_is_refused_before_it_is_opened(ws: Workspace) -> None:
    """Read through a plain descriptor, the workspace would lose this process's SQLite locks
    when the descriptor closed (whoever calls preview_answers)."""
    assert _refused_by_preview(ws, ws.path) == (
        f"{ws.path} is the workspace itself, not a file to import.")


def test_a_status_as_long_as_a_page_is_not_read() -> None:
    assert read_status("Atsižvelgta") == "accepted"
    assert read_status("Atsižvelgta " + " " * 300) is None


# --- the answers file: DOCX --------------------------------------------------------------------


def _merged_and_nested(document: docx.document.Document) -> None:
    """Rows python-docx reads in its own way: cells spanning columns, a cell merged down,
    a nested table, a hyperlink, tabs and breaks."""
    table = document.tables[0]
    row = table.rows[2].cells
    row[0].text, row[1].text = "KUL-002", "Iš dalies"
    paragraph = row[2].paragraphs[0]
    run = paragraph.add_run("Pirma")
    run.add_tab()
    run.add_text("antra")
    run.add_break()
    run.add_text("trečia")
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships" r:id="rId77"><w:r><w:t xml:space="preserve"> nuoroda</w:t></w:r>'
        "</w:hyperlink>"))
    row[2].add_paragraph("Antra pastraipa.")
    row[2].add_table(rows=1, cols=1).cell(0, 0).text = "Įdėta lentelė"
    merged = table.rows[3].cells
    merged[0].text = "KUL-003"
    merged[1].merge(merged[2]).text = "Neatsižvelgta"
    top = table.rows[4].cells
    top[0].text, top[2].text = "KUL-004", "Viršus"
    below = table.rows[5].cells
    below[0].text, below[2].text = "KUL-005", "Apačia"
    top[1].merge(below[1]).text = "Atsižvelgta"


def test_docx_cells_are_read_as_python_docx_reads_them(tmp_path: Path) -> None:
    path = _zip(tmp_path / "suvestine.docx", _docx(_merged_and_nested, rows=6))
    expected = []
    for row in docx.Document(str(path)).tables[0].rows[1:]:
        cells = [c.text.replace("\r\n", "\n").strip() for c in row.cells]
        expected.append((cells[0], cells[1], cells[2]))
    read = read_answers(path)
    assert [(r.identifier, r.status_text, r.response) for r in read.rows] == expected
    assert expected[1][2] == "Pirma\tantra\ntrečia nuoroda\nAntra pastraipa."
    assert expected[2][1:] == ("Neatsižvelgta", "Neatsižvelgta")
    assert expected[4][1] == "Atsižvelgta"


def test_docx_nested_too_deep(ws: Workspace, tmp_path: Path) -> None:
    parts = _docx()
    parts["word/document.xml"] = (
        f'<?xml version="1.0"?><w:document {W}><w:body>' + "<w:sdt><w:sdtContent>" * 2000
        + "</w:sdtContent></w:sdt>" * 2000 + "</w:body></w:document>").encode()
    assert _refused_by_preview(ws, _zip(tmp_path / "gilus.docx", parts)) == (
        "gilus.docx nests its content too deep; it is not read.")


def test_docx_of_too_many_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx built the whole tree of the document: 190 MB of paragraphs took gigabytes.
    Read as a stream, a document is refused at the cap on what it holds."""
    monkeypatch.setattr(answers_read, "MAX_PIECES", 10_000)
    parts = _docx()
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"</w:tbl>", b"</w:tbl>" + b"<w:p><w:r><w:t>Tekstas.</w:t></w:r></w:p>" * 5000)
    with pytest.raises(AnswersFileError) as refused:
        read_answers(_zip(tmp_path / "ilgas.docx", parts))
    assert str(refused.value) == (
        "ilgas.docx holds more than 5,000 rows, cells and pieces of text; it is not read.")


def test_a_root_that_is_not_a_document(tmp_path: Path) -> None:
    parts = _docx()
    parts["word/document.xml"] = b"<kita>" + b"<w/>" * 1000 + b"</kita>"
    with pytest.raises(AnswersFileError) as refused:
        read_answers(_zip(tmp_path / "kita.docx", parts))
    assert str(refused.value) == (
        "kita.docx is damaged: its contents are not what they should be.")


def test_a_zip_of_too_many_parts(tmp_path: Path) -> None:
    parts = _docx()
    parts.update({f"x/{i}": b"" for i in range(ooxml_read.MAX_ENTRIES + 1)})
    with pytest.raises(AnswersFileError) as refused:
        read_answers(_zip(tmp_path / "dalys.docx", parts))
    assert str(refused.value) == (
        "dalys.docx holds too many parts to be a report or a table; it is not read.")


# --- the roster --------------------------------------------------------------------------------


def _roster_xlsx() -> dict[str, bytes]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Vardas Pavardė", "El. paštas", "Pareigos"])
    sheet.append(["Rūta Žemaitienė", "ruta@example.lt", "sekretorė"])
    out = io.BytesIO()
    book.save(out)
    return _parts(out.getvalue())


def test_roster_workbook_read_and_hostile_ones_refused(tmp_path: Path) -> None:
    read = read_roster(_zip(tmp_path / "sarasas.xlsx", _roster_xlsx()))
    assert [(r.line, r.name, r.email) for r in read.rows] == [
        (2, "Rūta Žemaitienė", "ruta@example.lt")]
    parts = _roster_xlsx()
    parts[SHEET] = LAUGHS.encode() + _bare(parts[SHEET])
    with pytest.raises(RosterError) as refused:
        read_roster(_zip(tmp_path / "esybes.xlsx", parts))
    assert str(refused.value) == (
        "esybes.xlsx declares XML entities, which Office files never do; it is not read.")


def test_roster_formatted_tail_and_far_rows(tmp_path: Path) -> None:
    parts = _roster_xlsx()
    parts[SHEET] = parts[SHEET].replace(b"</sheetData>", b"<row/>" * 20_000 + b"</sheetData>")
    assert len(read_roster(_zip(tmp_path / "uodega.xlsx", parts)).rows) == 1
    parts[SHEET] = parts[SHEET].replace(
        b"</sheetData>", b'<row r="900000"><c r="A900000"><v>1</v></c></row></sheetData>')
    with pytest.raises(RosterError) as refused:
        read_roster(_zip(tmp_path / "toli.xlsx", parts))
    assert str(refused.value) == f"toli.xlsx has more than {roster.MAX_ROWS} rows; split it."


@pytest.mark.parametrize(("data", "sentence"), [
    (b"Vardas Pavarde;El. pastas\nRuta\x00;r@x.lt\n", "{name} is not a text file."),
    (b"Vardas Pavarde;El. pastas\n\x81\x83\x88;r@x.lt\n",
     "{name} is neither UTF-8 nor Windows-1257 (Baltic) text."),
    (b"Vardas Pavarde;El. pastas\n" + b"a" * 1_000_000 + b"\n",
     "{name} is not a CSV table that can be read."),
    (b'Vardas Pavarde;El. pastas\n"' + b"a;" * 300_000 + b"\n",
     "{name} is not a CSV table that can be read."),
    # A row of 100,000 empty cells (10 MB of ";" was a row of 9 million).
    (b"Vardas Pavarde;El. pastas\n" + b";" * 100_000 + b"\n",
     "{name} is not a CSV table that can be read."),
])
def test_roster_csv_refused_with_one_sentence(tmp_path: Path, data: bytes, sentence: str,
                                              ) -> None:
    path = tmp_path / "sarasas.csv"
    path.write_bytes(data)
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    assert str(refused.value) == sentence.format(name="sarasas.csv")


# --- paths that are no file, and the public key ------------------------------------------------


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.xlsx"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "link":
        path.symlink_to("/dev/zero")
    else:
        return Path("/dev/zero")
    return path


READERS: dict[str, tuple[Callable[[Path], object], type[KPlanError]]] = {
    "answers": (read_answers, FileReadError), "roster": (read_roster, FileReadError),
    "draft": (read_draft, DocumentError), "key": (read_public_key_file, PublicKeyFileError),
}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("kind", ["fifo", "folder", "dev-zero", "link"])
def test_a_path_that_is_no_ordinary_file(tmp_path: Path, reader: str, kind: str) -> None:
    """A FIFO once hung for ever, /dev/zero was read until memory ran out."""
    read, error = READERS[reader]
    path = _special(tmp_path, kind)
    with pytest.raises(error) as refused:
        read(path)
    text = str(refused.value)
    assert text.count(".") <= 3 and ("not an ordinary file" in text or "not a regular file"
                                      in text or "is a folder" in text), text


def test_a_public_key_of_an_algorithm_nobody_knows(tmp_path: Path) -> None:
    """A well-formed key whose algorithm is unknown escaped as cryptography's own error."""
    algorithm = bytes([0x30, 0x05, 0x06, 0x03, 0x2A, 0x03, 0x04])  # OID 1.2.3.4
    bits = bytes([0x03, 0x21, 0x00]) + b"\x01" * 32
    info = bytes([0x30, len(algorithm) + len(bits)]) + algorithm + bits
    path = tmp_path / "raktas.pem"
    path.write_bytes(b"-----BEGIN PUBLIC KEY-----\n" + base64.encodebytes(info)
                     + b"-----END PUBLIC KEY-----\n")
    with pytest.raises(PublicKeyFileError) as refused:
        read_public_key_file(path)
    assert str(refused.value) == (
        "raktas.pem holds a key of another kind than KPlan's signing keys.")


def test_draft_entities_in_a_side_part_are_refused(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("1. Prioritetas", level=1)
    out = io.BytesIO()
    document.save(out)
    parts = _parts(out.getvalue())
    parts["word/styles.xml"] = EXTERNAL.encode() + _bare(parts["word/styles.xml"])
    with pytest.raises(DocumentError) as refused:
        read_draft(_zip(tmp_path / "projektas.docx", parts))
    assert str(refused.value) == (
        "projektas.docx declares XML entities, which Word documents never do; it was not read.")


def test_draft_side_parts_count_their_elements(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """styles.xml was built as a whole tree with no count: 45 MB of empty elements in it
    would have been gigabytes."""
    monkeypatch.setattr(docx_read, "MAX_SIDE_ELEMENTS", 5000)
    document = docx.Document()
    document.add_heading("1. Prioritetas", level=1)
    out = io.BytesIO()
    document.save(out)
    parts = _parts(out.getvalue())
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b"</w:styles>", b"<w:x/>" * 10_000 + b"</w:styles>")
    with pytest.raises(DocumentError) as refused:
        read_draft(_zip(tmp_path / "stiliai.docx", parts))
    assert str(refused.value) == (
        "stiliai.docx has more than 5,000 pieces of formatting and text; it cannot be a plan's"
        " draft, and nothing was imported.")


def test_text_kept_in_memory_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers_read, "MAX_TEXT", 2_000_000)
    parts = _xlsx()
    parts[SHEET] = _sheet(HEADER + "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>KUL-{r:03d}</t></is></c>'
        f'<c r="C{r}" t="inlineStr"><is><t>{"ą" * 30_000}</t></is></c></row>'
        for r in range(2, 80)))
    with pytest.raises(AnswersFileError) as refused:
        read_answers(_zip(tmp_path / "tekstas.xlsx", parts))
    assert str(refused.value) == (
        "tekstas.xlsx holds more than 2 million characters of text; it is not read.")


def test_draft_file_larger_than_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The draft's size was not capped at all (a zip's body may be gigabytes of deflate
    blocks that inflate to nothing)."""
    monkeypatch.setattr(docx_read, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "didelis.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * (1024 * 1024))
    with pytest.raises(DocumentError) as refused:
        read_draft(path)
    assert str(refused.value) == f"{path} is larger than 1 MB; it cannot be a plan's draft."


def test_elements_no_reader_asks_for_still_count(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """180 MB of "<z/>" in a sheet was 47 million elements for lxml to build (half a minute),
    though none of them is a row or a cell."""
    monkeypatch.setattr(answers_read, "MAX_PIECES", 2000)
    parts = _xlsx()
    parts[SHEET] = _sheet(HEADER + _answer_rows(3) + "<z/>" * 10_000)
    with pytest.raises(AnswersFileError) as refused:
        read_answers(_zip(tmp_path / "svetimi.xlsx", parts))
    assert str(refused.value) == (
        "svetimi.xlsx holds more than 1,000 rows, cells and pieces of text; it is not read.")


def test_a_shared_string_counts_each_time_a_cell_names_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One 40,000-character string named by 180,000 cells: 7 billion characters for the
    reader to go through (13 s of CPU), from a file of 600 kB."""
    monkeypatch.setattr(answers_read, "MAX_TEXT", 1_000_000)
    parts = _with_strings(_xlsx(), ["K" * 40_000])
    parts[SHEET] = _sheet(HEADER + "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c><c r="C{r}" t="s"><v>0</v></c></row>'
        for r in range(2, 100)))
    with pytest.raises(AnswersFileError) as refused:
        read_answers(_zip(tmp_path / "vardija.xlsx", parts))
    assert str(refused.value) == (
        "vardija.xlsx holds more than 1 million characters of text; it is not read.")


@pytest.mark.parametrize("tag", [
    "<row " + "".join(f'a{i}=">" ' for i in range(20_000)) + "/>",  # ">" in the values
    "<row" + " " * 100_000 + "/>",
])
def test_a_tag_lxml_would_parse_whole_is_refused_first(tmp_path: Path, tag: str) -> None:
    """A row of two million attributes took 700 MB before lxml refused it."""
    parts = _xlsx()
    parts[SHEET] = _sheet(HEADER + _answer_rows(3) + tag)
    with pytest.raises(AnswersFileError) as refused:
        read_answers(_zip(tmp_path / "zyme.xlsx", parts))
    assert str(refused.value) == (
        "zyme.xlsx holds a tag longer than Office files ever write; it is not read.")


def test_a_draft_tag_lxml_would_parse_whole_is_refused_first(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("1. Prioritetas", level=1)
    out = io.BytesIO()
    document.save(out)
    parts = _parts(out.getvalue())
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body><w:p " + b"".join(b'a%d="1" ' % i for i in range(20_000))
        + b"/>")
    with pytest.raises(DocumentError) as refused:
        read_draft(_zip(tmp_path / "projektas.docx", parts))
    assert str(refused.value) == (
        "projektas.docx holds a tag longer than Word ever writes; it cannot be a plan's"
        " draft, and nothing was imported.")
