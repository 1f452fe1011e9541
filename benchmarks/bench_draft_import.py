"""Draft import of a 2,000-paragraph DOCX against python-docx's bare iteration of it.

The draft is what consultants send: headings numbered by Word's automatic
numbering (the heading styles linked to a list in numbering.xml), body
paragraphs of several formatted runs, bullet lists, a table and a footnote now
and then. Baseline: ``docx.Document(path)`` and ``p.text`` for every paragraph
(opening the package included, as our time includes it). Ours: the preview of
a second import into a plan that already holds the draft (read, resolve the
numbering and styles, match every section by number, title and text). Goal
(DESIGN.md): at most 2x, median of 3. Also shown: the whole first import into a
plan (sections written, one transaction), goal well under a second.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import Result
from workspaces import demo_workspace

from kplan_desktop.documents.docx_read import read_draft
from kplan_desktop.documents.draft_import import import_draft
from kplan_desktop.documents.draft_match import preview_draft
from kplan_desktop.store.workspace import Workspace

PARAGRAPHS = 2000


def median_of(repeat: int, fn: Callable[[], object]) -> float:
    """The median CPU time of ``repeat`` runs (single-threaded work: CPU time is not tilted
    by other programs busy on the machine)."""
    timings = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        timings.append(time.process_time() - start)
    return statistics.median(timings)


def build_draft(path: Path, paragraphs: int = PARAGRAPHS) -> int:
    """A Word-numbered draft of ``paragraphs`` paragraphs; returns how many it has."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.draft_docs import add_footnotes, footnote_ref, heading, word_numbered_draft

    document = word_numbered_draft()
    add_footnotes(document, {i: f"Šaltinis {i}: Lietuvos statistikos departamentas."
                             for i in range(1, 41)})
    count = note = 0
    section = 0
    while count < paragraphs:
        level = (1, 2, 3, 3, 2, 3, 4)[section % 7]
        heading(document, f"Skyrius {section}: miesto plėtros kryptis ir jos uždaviniai", level)
        count += 1
        section += 1
        for k in range(6):
            if k == 3:
                for item in ("mokyklos ir darželiai", "bibliotekos", "sporto aikštynai"):
                    document.add_paragraph(item, style="List Bullet")
                count += 3
                continue
            p = document.add_paragraph()
            p.add_run(f"Sakinys {section}-{k}: ").bold = True
            p.add_run("Kaunas – miestas, kuriame gera gyventi, mokytis ir dirbti; ")
            p.add_run("priemonės apima pastatų atnaujinimą").italic = True
            p.add_run(" ir viešųjų erdvių tvarkymą, įgyvendinant iki 2030 m.")
            if section % 10 == 0 and k == 0 and note < 40:
                note += 1
                footnote_ref(p, note)
            count += 1
        if section % 25 == 0:
            table = document.add_table(rows=3, cols=3)
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    cell.text = f"{r}:{c}"
    document.save(str(path))
    return count


def baseline(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    return sum(len(p.text) for p in document.paragraphs)


def run(quick: bool) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("KPLAN_DATA_DIR", str(folder / "data"))
        draft = folder / "projektas.docx"
        count = build_draft(draft, 500 if quick else PARAGRAPHS)
        source = demo_workspace(200)
        first = folder / "first.kplan"
        copies = iter(range(3))

        def first_import() -> None:
            copy = folder / f"copy-{next(copies)}.kplan"
            shutil.copy(source, copy)
            with Workspace.open(copy) as ws:
                import_draft(ws, draft)
            shutil.copy(copy, first)

        whole = median_of(3, first_import)
        base = median_of(3, lambda: baseline(draft))
        read = median_of(3, lambda: read_draft(draft))
        with Workspace.open(first, readonly=True) as ws:
            ours = median_of(3, lambda: preview_draft(ws, draft))
        results.append(Result(
            "draft_import_preview_vs_python_docx_iteration", ours / base, 2.0,
            note=f"{count} paragraphs: preview {ours * 1000:.0f} ms (reading"
                 f" {read * 1000:.0f} ms) vs python-docx {base * 1000:.0f} ms"))
        results.append(Result(
            "draft_import_whole_first_import", whole, 1.0, kind="s",
            note=f"{count} paragraphs into a plan of 150 sections, one transaction"))
    return results


if __name__ == "__main__":
    for result in run("--quick" in sys.argv):
        print(result.line())
