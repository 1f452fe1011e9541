"""Hostile and broken drafts: refused with one sentence, quickly, in little memory, and the
workspace unchanged."""

from __future__ import annotations

import os
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest

from kplan_desktop.core.errors import KPlanError
from kplan_desktop.documents import docx_read
from kplan_desktop.documents.draft_import import import_draft
from kplan_desktop.store import queries
from kplan_desktop.store.workspace import Workspace
from tests.helpers import make_plan

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAGRAPH = b'<w:p><w:r><w:t>Tekstas, kuris kartojasi.</w:t></w:r></w:p>'


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return make_plan(tmp_path / "plan.kplan")


def _template(tmp_path: Path) -> dict[str, bytes]:
    """The parts of a real (python-docx) DOCX, to swap the document part of."""
    document = docx.Document()
    document.add_heading("1. Prioritetas", level=1)
    path = tmp_path / "sablonas.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _write(path: Path, parts: dict[str, bytes], document: object) -> Path:
    """``document``: the bytes of word/document.xml, or an iterable of chunks (streamed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name != "word/document.xml":
                z.writestr(name, data)
        with z.open("word/document.xml", "w", force_zip64=True) as out:
            if isinstance(document, bytes):
                out.write(document)
            else:
                for chunk in document:  # type: ignore[attr-defined]
                    out.write(chunk)
    return path


def _body(paragraphs: bytes) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
            + paragraphs + b"</w:body></w:document>")


def _refused(ws: Workspace, path: Path) -> str:
    before = queries.info(ws)
    with pytest.raises(KPlanError) as caught:
        import_draft(ws, path)
    assert queries.info(ws) == before
    assert "\n" not in str(caught.value)
    return str(caught.value)


def _bomb_chunks(total: int) -> object:
    head = f'<?xml version="1.0"?><w:document {W}><w:body>'.encode()
    yield head
    # Long paragraphs: the size cap, not the paragraph cap, is what stops this one.
    block = (b"<w:p><w:r><w:t>" + b"Tekstas " * 2000 + b"</w:t></w:r></w:p>") * 64
    for _ in range(total // len(block) + 1):
        yield block
    yield b"</w:body></w:document>"


def test_a_small_file_holding_a_huge_xml_is_refused_fast_and_small(ws: Workspace,
                                                                   tmp_path: Path) -> None:
    path = _write(tmp_path / "bomba.docx", _template(tmp_path), _bomb_chunks(300 * 2**20))
    assert path.stat().st_size < 3 * 2**20
    tracemalloc.start()
    started = time.perf_counter()
    try:
        message = _refused(ws, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message == ("bomba.docx unpacks to more than 48 MB of text; it cannot be a plan's"
                       " draft, and nothing was imported.")
    assert time.perf_counter() - started < 20
    assert peak < 400 * 2**20


def _lie_about_sizes(path: Path, member: str, size: int) -> None:
    """Rewrite the declared uncompressed size of ``member`` in both its headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    local = info.header_offset
    assert data[local:local + 4] == b"PK\x03\x04"
    if struct.unpack_from("<I", data, local + 22)[0] != 0xFFFFFFFF:
        struct.pack_into("<I", data, local + 22, size)
    start = 0
    while True:
        central = data.find(b"PK\x01\x02", start)
        assert central >= 0
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_len].decode() == member:
            break
        start = central + 4
    struct.pack_into("<I", data, central + 24, size)
    path.write_bytes(bytes(data))


def test_a_zip_whose_headers_lie_about_sizes_is_refused(ws: Workspace, tmp_path: Path) -> None:
    parts = _template(tmp_path)
    small = tmp_path / "meluoja.docx"
    _write(small, parts, _body(PARAGRAPH * 200_000))  # 8 MB real, declared 1 KB
    with zipfile.ZipFile(small) as z:
        real = z.getinfo("word/document.xml").file_size
    assert real > 5 * 2**20
    _lie_about_sizes(small, "word/document.xml", 1024)
    tracemalloc.start()
    try:
        message = _refused(ws, small)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message in (
        "meluoja.docx is damaged (its contents do not unpack as they should); nothing was"
        " imported.",
        "meluoja.docx is damaged: its text is not well-formed; nothing was imported.")
    assert peak < 100 * 2**20
    # Declared 2 GB, really 100 MB: the bytes really inflated are counted, and stop at the cap.
    bomb = _write(tmp_path / "meluoja2.docx", parts, _bomb_chunks(100 * 2**20))
    _lie_about_sizes(bomb, "word/document.xml", 2**31)
    assert _refused(ws, bomb) == ("meluoja2.docx unpacks to more than 48 MB of text; it"
                                  " cannot be a plan's draft, and nothing was imported.")


def test_an_entity_bomb_is_refused_with_one_sentence(ws: Workspace, tmp_path: Path) -> None:
    entities = '<!ENTITY e0 "ha">' + "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>&e9;</w:t></w:r></w:p></w:body>'
           "</w:document>").encode()
    path = _write(tmp_path / "esybes.docx", _template(tmp_path), xml)
    assert _refused(ws, path) == ("esybes.docx declares XML entities, which Word documents"
                                  " never do; it was not read.")


def test_too_many_paragraphs_and_too_deep_tables_are_refused(
        ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = _template(tmp_path)
    monkeypatch.setattr(docx_read, "MAX_PARAGRAPHS", 1000)
    many = _write(tmp_path / "daug.docx", parts, _body(PARAGRAPH * 1001))
    assert _refused(ws, many) == ("daug.docx has more than 1,000 paragraphs; it cannot be a"
                                  " plan's draft, and nothing was imported.")
    monkeypatch.setattr(docx_read, "MAX_ELEMENTS", 2000)
    dense = _write(tmp_path / "tankus.docx", parts, _body(
        b"<w:p><w:r>" + b"<w:rPr><w:b/></w:rPr>" * 1000 + b"</w:r></w:p>"))
    assert _refused(ws, dense) == ("tankus.docx has more than 2,000 pieces of formatting and"
                                   " text; it cannot be a plan's draft, and nothing was"
                                   " imported.")
    nested = b"<w:tbl><w:tr><w:tc>" * 17 + PARAGRAPH + b"</w:tc></w:tr></w:tbl>" * 17
    deep = _write(tmp_path / "gilus.docx", parts, _body(nested))
    assert _refused(ws, deep) == ("gilus.docx nests tables more than 16 deep; it cannot be a"
                                  " plan's draft, and nothing was imported.")
    very = b"<w:sdt><w:sdtContent>" * 300 + PARAGRAPH + b"</w:sdtContent></w:sdt>" * 300
    deepest = _write(tmp_path / "giliausias.docx", parts, _body(very))
    assert _refused(ws, deepest) == ("giliausias.docx nests its content too deep to be a"
                                     " plan's draft; nothing was imported.")


def test_only_regular_files_are_read(ws: Workspace, tmp_path: Path) -> None:
    fifo = tmp_path / "vamzdis.docx"
    os.mkfifo(fifo)
    assert _refused(ws, fifo) == (f"{fifo} is not a regular file; only a saved .docx can be"
                                  " imported.")
    folder = tmp_path / "aplankas.docx"
    folder.mkdir()
    assert _refused(ws, folder) == (f"{folder} is not a regular file; only a saved .docx can"
                                    " be imported.")


def test_a_damaged_part_is_refused(ws: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path / "sugadintas.docx", _template(tmp_path),
                  _body(PARAGRAPH * 10)[:-20])
    assert _refused(ws, path) == ("sugadintas.docx is damaged: its text is not well-formed;"
                                  " nothing was imported.")


def test_a_zip_of_very_many_entries_is_refused_before_its_directory_is_read(
        ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "daug-failu.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, data in _template(tmp_path).items():
            z.writestr(name, data)
        for i in range(25_000):
            z.writestr(f"word/media/x{i:06d}.bin", b"")
    assert _refused(ws, path) == "daug-failu.docx holds too many files to be a plan's draft."


def test_entities_in_utf16_are_refused_too(ws: Workspace, tmp_path: Path) -> None:
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY a "x">]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body>'
           "</w:document>").encode("utf-16")
    path = _write(tmp_path / "utf16.docx", _template(tmp_path), xml)
    assert _refused(ws, path) == ("utf16.docx declares XML entities, which Word documents"
                                  " never do; it was not read.")


def test_the_workspace_itself_is_not_read_as_a_draft(ws: Workspace) -> None:
    assert _refused(ws, ws.path) == f"{ws.path} is the workspace itself, not a draft to import."
