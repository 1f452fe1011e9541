"""Hostile document files (answers XLSX/DOCX, roster XLSX/CSV, draft DOCX, public key file):
the peak memory and the time of reading each through the real public functions.

Every crafted file is small on disk (a few MB at most) and is read in a fresh process, so
its peak resident memory (``ru_maxrss``) is its own; the process runs under a 4 GB address
space limit and a 120 s timeout, so a file that would take the machine down shows as
"MemoryError" or "timeout" instead. What a reader should do with every one of them: refuse
it with its named error and one sentence (or read it, when it is harmless), in well under
300 MB and 10 s. Prints one line per file: peak MB, seconds (and CPU seconds: the machine
may be busy with other work), outcome.

Run: .venv/bin/python benchmarks/bench_hostile_documents.py [name-substring ...]
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import docx
import openpyxl

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
#: Just under the caps the readers had before they were hardened (200 MB unpacked).
BIG = 190 * MB
ADDRESS_LIMIT = 4 * 1024 * MB
TIMEOUT_S = int(os.environ.get("KPLAN_BENCH_TIMEOUT") or 120)

S = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                  * 10) for i in range(1, 10))
          + b"]>\n")
EXTERNAL = (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///dev/zero">]>\n')

Part = bytes | Callable[[], Iterable[bytes]]


# --- building files ----------------------------------------------------------------------------


def write_zip(path: Path, parts: dict[str, Part]) -> Path:
    """A zip of ``parts``; a callable part is streamed in chunks (never whole in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in parts.items():
            if isinstance(data, bytes):
                z.writestr(name, data)
            else:
                with z.open(name, "w", force_zip64=True) as out:
                    for chunk in data():
                        out.write(chunk)
    return path


def parts_of(data: bytes) -> dict[str, Part]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def linked_strings(parts: dict[str, Part], strings: Part) -> dict[str, Part]:
    """``parts`` with a sharedStrings.xml the workbook names (openpyxl writes none)."""
    rels = parts["xl/_rels/workbook.xml.rels"]
    types = parts["[Content_Types].xml"]
    assert isinstance(rels, bytes) and isinstance(types, bytes)
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(b"</Relationships>", (
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml" Id="rId99"/>'
        b"</Relationships>"))
    parts["[Content_Types].xml"] = types.replace(b"</Types>", (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    parts["xl/sharedStrings.xml"] = strings
    return parts


def with_strings(strings: Part, sheet_xml: Part | None = None) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        parts = linked_strings(answers_xlsx(), strings)
        if sheet_xml is not None:
            parts["xl/worksheets/sheet1.xml"] = sheet_xml
        return write_zip(path, parts)
    return build


def answers_xlsx() -> dict[str, Part]:
    """A small answers workbook as a consultant sends it back."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Pastabos Nr.", "Būsena", "Atsakymas"])
    for i in range(1, 4):
        sheet.append([f"KUL-{i:03d}", "Atsižvelgta", f"Pataisyta {i}."])
    out = io.BytesIO()
    book.save(out)
    return parts_of(out.getvalue())


def answers_docx() -> dict[str, Part]:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Pastabos Nr.", "Būsena", "Atsakymas"),
                          strict=True):
        cell.text = text
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "KUL-001", "Atsižvelgta", "Pataisyta."
    out = io.BytesIO()
    document.save(out)
    return parts_of(out.getvalue())


def repeated(head: bytes, unit: bytes, total: int, tail: bytes) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield head
        block = unit * max(1, (1 << 20) // len(unit))
        written = 0
        while written < total:
            yield block
            written += len(block)
        yield tail
    return chunks


def sheet(rows: bytes, dimension: bytes = b"A1:C4") -> bytes:
    return (b'<?xml version="1.0"?><worksheet ' + S + b'><dimension ref="' + dimension
            + b'"/><sheetData>' + rows + b"</sheetData></worksheet>")


HEADER_ROW = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>Pastabos Nr.</t></is></c>'
              b'<c r="B1" t="inlineStr"><is><t>Busena</t></is></c>'
              b'<c r="C1" t="inlineStr"><is><t>Atsakymas</t></is></c></row>')


def xlsx_with(**replace: Part) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        parts = answers_xlsx()
        parts.update({k.replace("__", "/").replace("_xml", ".xml"): v for k, v in replace.items()})
        return write_zip(path, parts)
    return build


def with_part(base: Callable[[], dict[str, Part]], name: str, data: Part) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        parts = base()
        parts[name] = data
        return write_zip(path, parts)
    return build


def lying_size(path: Path) -> Path:
    """sheet1.xml inflates to 190 MB, but its central directory entry says 1 kB."""
    parts = answers_xlsx()
    parts["xl/worksheets/sheet1.xml"] = repeated(
        b'<?xml version="1.0"?><worksheet ' + S + b"><sheetData>", b" " * 64, BIG,
        b"</sheetData></worksheet>")
    write_zip(path, parts)
    data = bytearray(path.read_bytes())
    at = data.rfind(b"PK\x01\x02", 0)
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, at + 24, 1024)  # uncompressed size (zip64 aside)
            extra_len = struct.unpack_from("<H", data, at + 30)[0]
            extra = at + 46 + name_len
            end = extra + extra_len
            while extra + 4 <= end:  # the zip64 extra field holds the real sizes
                tag, size = struct.unpack_from("<HH", data, extra)
                if tag == 1:
                    struct.pack_into("<Q", data, extra + 4, 1024)
                extra += 4 + size
        at = data.rfind(b"PK\x01\x02", 0, at)
    path.write_bytes(bytes(data))
    return path


def many_members(count: int) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        parts = answers_xlsx()
        for i in range(count):
            parts[f"x/{i}"] = b""
        return write_zip(path, parts)
    return build


def many_sheets(count: int) -> Callable[[Path], Path]:
    """``count`` sheets in workbook.xml, every one the same 60,000-row part."""
    def build(path: Path) -> Path:
        parts = answers_xlsx()
        rows = HEADER_ROW + b"".join(
            b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i)
            for i in range(2, 60_000))
        parts["xl/worksheets/sheet1.xml"] = sheet(rows, b"A1:C60000")
        sheets = b"".join(b'<sheet name="S%d" sheetId="%d" r:id="rId1"/>' % (i, i + 1)
                          for i in range(count))
        parts["xl/workbook.xml"] = (
            b'<?xml version="1.0"?><workbook ' + S + b' xmlns:r="http://schemas.openxmlformats.'
            b'org/officeDocument/2006/relationships"><sheets>' + sheets + b"</sheets></workbook>")
        return write_zip(path, parts)
    return build


def styles(count: int) -> bytes:
    fonts = b"<font><sz val=\"11\"/></font>" * count
    xfs = b"".join(b'<xf numFmtId="0" fontId="%d"/>' % i for i in range(count))
    return (b'<?xml version="1.0"?><styleSheet ' + S + b'><fonts count="%d">' % count + fonts
            + b"</fonts><cellXfs>" + xfs + b"</cellXfs></styleSheet>")


def shared_strings(total: int) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield b'<?xml version="1.0"?><sst ' + S + b">"
        i = 0
        written = 0
        while written < total:
            block = b"".join(b"<si><t>%090d</t></si>" % n for n in range(i, i + 10_000))
            i += 10_000
            written += len(block)
            yield block
        yield b"</sst>"
    return chunks


def docx_body(total: int) -> Callable[[], Iterator[bytes]]:
    """A document.xml of ``total`` bytes of plain paragraphs after a small answers table."""
    table = (b"<w:tbl><w:tr>" + b"".join(b"<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % t
                                         for t in (b"Nr", b"Status", b"Response"))
             + b"</w:tr></w:tbl>")
    return repeated(b'<?xml version="1.0"?><w:document ' + W + b"><w:body>" + table,
                    b"<w:p><w:r><w:t>Tekstas.</w:t></w:r></w:p>", total,
                    b"</w:body></w:document>")


def nested(open_tag: bytes, close_tag: bytes, depth: int, head: bytes, tail: bytes) -> bytes:
    return head + open_tag * depth + close_tag * depth + tail


def csv_file(data: Callable[[], Iterable[bytes]]) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        with path.open("wb") as f:
            for chunk in data():
                f.write(chunk)
        return path
    return build


def key_file(data: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        path.write_bytes(data)
        return path
    return build


def special(kind: str) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        elif kind == "dev-zero-link":
            path.symlink_to("/dev/zero")
        elif kind == "dev-zero":
            return Path("/dev/zero")
        return path
    return build


# --- the cases ---------------------------------------------------------------------------------

READERS = {
    "answers": "from kplan_desktop.documents.answers_read import read_answers as read",
    "roster": "from kplan_desktop.documents.roster import read_roster as read",
    "draft": "from kplan_desktop.documents.docx_read import read_draft as read",
    "key": "from kplan_desktop.sync.keys import read_public_key_file as read",
}

SHEET = "xl/worksheets/sheet1.xml"
EMPTY_ROWS = repeated(b'<?xml version="1.0"?><worksheet ' + S + b"><sheetData>" + HEADER_ROW,
                      b"<row/>", 100 * MB, b"</sheetData></worksheet>")


def cases() -> list[tuple[str, str, str, Callable[[Path], Path]]]:
    """(name, reader, file suffix, builder)."""
    x = answers_xlsx
    d = answers_docx
    out: list[tuple[str, str, str, Callable[[Path], Path]]] = [
        ("xlsx one member of 190 MB (spaces)", "answers", ".xlsx", with_part(x, SHEET, repeated(
            b'<?xml version="1.0"?><worksheet ' + S + b"><sheetData>" + HEADER_ROW, b" " * 64,
            BIG, b"</sheetData></worksheet>"))),
        ("xlsx 50,000 empty members", "answers", ".xlsx", many_members(50_000)),
        ("xlsx member whose size lies (1 kB said, 190 MB real)", "answers", ".xlsx", lying_size),
        ("xlsx sharedStrings of 190 MB", "answers", ".xlsx", with_strings(shared_strings(BIG))),
        ("xlsx 60k rows x 3 cells of one 40k-char shared string", "answers", ".xlsx",
         with_strings(b'<?xml version="1.0"?><sst ' + S + b"><si><t>" + b"K" * 40_000
                      + b"</t></si></sst>", sheet(HEADER_ROW + b"".join(
                          b'<row r="%d"><c r="A%d" t="s"><v>0</v></c><c r="B%d" t="s"><v>0</v>'
                          b'</c><c r="C%d" t="s"><v>0</v></c></row>' % (i, i, i, i)
                          for i in range(2, 60_000)), b"A1:C60000"))),
        ("xlsx 45 million foreign elements in sheetData", "answers", ".xlsx", with_part(
            x, SHEET, repeated(b'<?xml version="1.0"?><worksheet ' + S + b"><sheetData>"
                               + HEADER_ROW, b"<z/>", 180 * MB, b"</sheetData></worksheet>"))),
        ("xlsx a row with 2 million attributes", "answers", ".xlsx", with_part(
            x, SHEET, b'<?xml version="1.0"?><worksheet ' + S + b"><sheetData>" + HEADER_ROW
            + b"<row " + b"".join(b'a%d="1" ' % i for i in range(2_000_000))
            + b"/></sheetData></worksheet>")),
        ("xlsx dimension A1:XFD1048576", "answers", ".xlsx",
         with_part(x, SHEET, sheet(HEADER_ROW, b"A1:XFD1048576"))),
        ("xlsx a cell at XFD1048576", "answers", ".xlsx", with_part(x, SHEET, sheet(
            HEADER_ROW + b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))),
        ("xlsx 17 million empty rows", "answers", ".xlsx", with_part(x, SHEET, EMPTY_ROWS)),
        ("xlsx styles.xml of 100k styles", "answers", ".xlsx",
         with_part(x, "xl/styles.xml", styles(100_000))),
        ("xlsx 1,000 sheets on one 60k-row part", "answers", ".xlsx", many_sheets(1000)),
        ("xlsx deep nesting (1M)", "answers", ".xlsx", with_part(x, SHEET, nested(
            b"<x>", b"</x>", 1_000_000, b'<?xml version="1.0"?><worksheet ' + S + b">",
            b"</worksheet>"))),
        ("docx document.xml of 190 MB", "answers", ".docx",
         with_part(d, "word/document.xml", docx_body(BIG))),
        ("docx document.xml of 40 MB", "answers", ".docx",
         with_part(d, "word/document.xml", docx_body(40 * MB))),
        ("docx one cell paragraph of 3 million runs", "answers", ".docx", with_part(
            d, "word/document.xml", repeated(
                b'<?xml version="1.0"?><w:document ' + W + b"><w:body><w:tbl><w:tr><w:tc><w:p>",
                b"<w:r><w:t>ab</w:t></w:r>", 3_000_000 * 24,
                b"</w:p></w:tc></w:tr></w:tbl></w:body></w:document>"))),
        ("docx deep nesting (1M)", "answers", ".docx", with_part(d, "word/document.xml", nested(
            b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>", 500_000,
            b'<?xml version="1.0"?><w:document ' + W + b"><w:body>", b"</w:body></w:document>"))),
        ("roster xlsx sharedStrings of 190 MB", "roster", ".xlsx",
         with_strings(shared_strings(BIG))),
        ("roster xlsx one member of 190 MB", "roster", ".xlsx", with_part(x, SHEET, repeated(
            b'<?xml version="1.0"?><worksheet ' + S + b"><sheetData>", b" " * 64, BIG,
            b"</sheetData></worksheet>"))),
        ("roster xlsx 17 million empty rows", "roster", ".xlsx", with_part(x, SHEET, EMPTY_ROWS)),
        ("roster csv one 9.9 MB line", "roster", ".csv", csv_file(repeated(
            b"Vardas Pavarde;El. pastas\n", b"a" * 1000, 9_900_000, b"\n"))),
        ("roster csv 10 MB of newlines", "roster", ".csv", csv_file(repeated(
            b"Vardas Pavarde;El. pastas\n", b"\n" * 1000, 9_000_000, b""))),
        ("roster csv 10 MB of separators", "roster", ".csv", csv_file(repeated(
            b"Vardas Pavarde;El. pastas\n", b";" * 1000, 9_000_000, b"\n"))),
        ("draft docx document.xml of 190 MB", "draft", ".docx",
         with_part(d, "word/document.xml", docx_body(BIG))),
        ("draft docx styles.xml of 45 MB of empty elements", "draft", ".docx", with_part(
            d, "word/styles.xml", repeated(b'<?xml version="1.0"?><w:styles ' + W + b">",
                                           b"<w:x/>", 45 * MB, b"</w:styles>"))),
        ("draft docx 1.4 million bookmarks in one paragraph", "draft", ".docx", with_part(
            d, "word/document.xml", repeated(
                b'<?xml version="1.0"?><w:document ' + W + b"><w:body><w:p>",
                b'<w:bookmarkStart w:id="1"/>', 1_400_000 * 26,
                b"</w:p></w:body></w:document>"))),
        ("answers docx 2.9 million text pieces of 20 chars in cells", "answers", ".docx",
         with_part(d, "word/document.xml", repeated(
             b'<?xml version="1.0"?><w:document ' + W + b"><w:body><w:tbl><w:tr><w:tc><w:p>"
             b"<w:r><w:t>Nr</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Status</w:t></w:r>"
             b"</w:p></w:tc><w:tc><w:p><w:r><w:t>Response</w:t></w:r></w:p></w:tc></w:tr>",
             b"<w:tr><w:tc><w:p><w:r><w:t>KUL-001 abcdefghijklmnopqrstu</w:t></w:r></w:p>"
             b"</w:tc></w:tr>", 195 * MB, b"</w:tbl></w:body></w:document>"))),
        ("draft docx 50,000 empty members", "draft", ".docx", lambda p: write_zip(
            p, {**answers_docx(), **{f"x/{i}": b"" for i in range(50_000)}})),
        ("key file 16 kB of PEM begin lines", "key", ".pem", key_file(
            b"-----BEGIN PUBLIC KEY-----\n" * 600)),
    ]
    for where, base, reader, suffix in (
            (SHEET, x, "answers", ".xlsx"), ("xl/workbook.xml", x, "answers", ".xlsx"),
            ("xl/sharedStrings.xml", x, "answers", ".xlsx"), ("xl/styles.xml", x, "answers",
                                                              ".xlsx"),
            ("[Content_Types].xml", x, "answers", ".xlsx"), ("docProps/core.xml", x, "answers",
                                                             ".xlsx"),
            ("word/document.xml", d, "answers", ".docx"), ("word/styles.xml", d, "answers",
                                                           ".docx"),
            ("docProps/core.xml", d, "answers", ".docx"), (SHEET, x, "roster", ".xlsx"),
            ("xl/workbook.xml", x, "roster", ".xlsx")):
        original = base()
        body = original.get(where, b"<x/>")
        assert isinstance(body, bytes)
        body = body.split(b"?>", 1)[-1] if body.startswith(b"<?xml") else body
        # An entity reference inside the root's first text would expand; the declaration
        # alone is what a safe parser must refuse or ignore.
        out.append((f"{reader} {suffix[1:]} billion laughs in {where}", reader, suffix,
                    with_part(base, where, LAUGHS + body.replace(b">", b">&lol9;", 1)
                              if where != SHEET else LAUGHS + body)))
        out.append((f"{reader} {suffix[1:]} external entity (/dev/zero) in {where}", reader,
                    suffix, with_part(base, where, EXTERNAL + body)))
    for reader, suffix in (("answers", ".xlsx"), ("roster", ".csv"), ("draft", ".docx"),
                           ("key", ".pem")):
        for kind in ("fifo", "folder", "dev-zero", "dev-zero-link"):
            out.append((f"{reader}: a {kind} as the path", reader, suffix, special(kind)))
    return out


# --- measuring ---------------------------------------------------------------------------------

CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
{import_line}
import kplan_desktop.documents.answers_read, kplan_desktop.documents.roster  # noqa
import kplan_desktop.documents.docx_read, kplan_desktop.sync.keys, openpyxl, docx  # noqa

def high_water_mb():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forked parent.
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")

before = high_water_mb()
start = time.perf_counter()
cpu_start = time.process_time()
try:
    read(sys.argv[1])
    outcome = "read"
except MemoryError:
    outcome = "MemoryError"
except Exception as exc:
    outcome = type(exc).__name__ + ": " + str(exc)
seconds = time.perf_counter() - start
cpu = time.process_time() - cpu_start
print(json.dumps({{"before": before, "peak": high_water_mb(), "seconds": seconds, "cpu": cpu,
                  "outcome": outcome}}))
"""


def measure(reader: str, path: Path) -> dict[str, object]:
    code = CHILD.format(limit=ADDRESS_LIMIT, import_line=READERS[reader])
    try:
        # KPLAN_SOURCE: another checkout to measure (the code before a change, say).
        done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                              text=True, timeout=TIMEOUT_S,
                              cwd=os.environ.get("KPLAN_SOURCE") or ROOT)
    except subprocess.TimeoutExpired:
        return {"peak": float("nan"), "seconds": TIMEOUT_S, "outcome": "timeout"}
    if done.returncode != 0 or not done.stdout.strip():
        return {"peak": float("nan"), "seconds": float("nan"),
                "outcome": f"crashed ({done.returncode}): {done.stderr.strip()[-200:]}"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(filters: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        for i, (name, reader, suffix, build) in enumerate(cases()):
            if filters and not any(f.lower() in name.lower() for f in filters):
                continue
            path = build(Path(folder) / f"case{i}{suffix}")
            size = path.stat().st_size if path.is_file() and str(path) != "/dev/zero" else 0
            result = measure(reader, path)
            print(f"{name:<62} {size / MB:6.2f} MB on disk  peak {result['peak']:7.0f} MB"
                  f" (at start {result.get('before', float('nan')):4.0f})"
                  f"  {result['seconds']:6.2f} s ({result.get('cpu', float('nan')):6.2f} s CPU)"
                  f"  {str(result['outcome'])[:150]}", flush=True)
            if path.is_file() and str(path) != "/dev/zero":
                path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
