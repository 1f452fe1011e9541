"""The draft plan as a Word document, each remark a native Word comment on its passage.

Headings carry the plan's numbering in their text ("2.1.3. Title") and the
Heading N style of their depth, so :mod:`.draft_import` reads the file back into
the same tree. Indicators stand in a table under their parent (code, name,
unit, baseline, target). A remark is anchored on its quoted passage: the
paragraph's text is cut into runs at the quote's offsets. When the passage no
longer occurs in the current text, the comment sits on the section's heading
and says so. A body block in the text-table form of :mod:`.text_table` (what
the import makes of a Word table) becomes a Word table again.

The export takes the report's selection (groups, rounds, statuses...): a draft of a
thousand remarks is unreadable, one group's open remarks are not. The secretary's answer
is a reply in the comment's thread, by the secretary who gave it (:mod:`.docx_comments`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.shared import Mm, Pt

from ..store import queries
from ..store.workspace import Workspace
from .data import DraftSection, ReportCriteria, draft_sections
from .docx_comments import CommentWriter, initials
from .docx_common import add_page_footer, new_document, set_metadata
from .files import Progress, atomic_output, report_progress
from .labels import Labels
from .text_table import text_to_table

__all__ = ["export_draft", "heading_text", "initials", "selected_remarks"]

#: Body paragraphs are separated by a blank line in a section's text.
PARAGRAPH_BREAK = "\n\n"
MAX_HEADING_LEVEL = 9
#: Code, indicator (name and description), unit, baseline, target: 166 mm of A4 text width.
INDICATOR_COLUMNS_MM = (22, 74, 22, 24, 24)


def heading_text(code: str, title: str) -> str:
    return f"{code}. {title}" if code else title


def selected_remarks(ws: Workspace, criteria: ReportCriteria
                     ) -> dict[str, list[dict[str, object]]]:
    """The remarks the criteria select, by section, oldest first. Withdrawn remarks are left
    out unless the statuses ask for them by name."""
    flt = criteria.remark_filter(ws)
    ids = queries.remark_ids(ws, flt, order="created")
    rows = queries.remark_rows(ws, ids)
    withdrawn_too = "withdrawn" in criteria.statuses
    by_section: dict[str, list[dict[str, object]]] = {}
    for remark_id in ids:
        row = rows[remark_id]
        if row["status"] == "withdrawn" and not withdrawn_too:
            continue
        by_section.setdefault(str(row["section_id"]), []).append(row)
    return by_section


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """[start, end) of each cell's text in a text-table line "| a | b |"."""
    spans = []
    start = 2
    i = 2
    while i <= len(line) - 2:
        if line.startswith(" | ", i - 1) and line[i - 2] != "\\" and i - 1 >= start:
            spans.append((start, i - 1))
            start = i + 2
            i = start
            continue
        i += 1
    spans.append((start, max(start, len(line) - 2)))
    return spans


@dataclass
class _Anchor:
    """Where a comment goes: [start, end) in the section's body, or the heading."""

    remark: dict[str, Any]
    start: int
    end: int


def _anchor(remark: dict[str, Any], section: DraftSection) -> _Anchor | None:
    quote = str(remark.get("quote") or "")
    if not quote.strip():
        return None
    body = section.body
    start = remark.get("quote_start")
    if (remark.get("revision_id") == section.head_revision_id and isinstance(start, int)
            and body[start : start + len(quote)] == quote):
        return _Anchor(remark, start, start + len(quote))
    found = body.find(quote)
    return _Anchor(remark, found, found + len(quote)) if found >= 0 else None


class _Writer:
    def __init__(self, ws: Workspace, labels: Labels) -> None:
        self.ws = ws
        self.labels = labels
        self.doc = new_document(labels.tag, landscape=False, font_size=10.5, margin_mm=22)
        self.comments = 0
        self.writer = CommentWriter(self.doc)
        # Looked up once: python-docx finds a style by name by reading every style.
        self.styles = {name: self.doc.styles[name] for name in (
            "Caption", "Table Grid", *(f"Heading {n}" for n in range(1, MAX_HEADING_LEVEL + 1)))}

    # --- text ----------------------------------------------------------------------------

    def body(self, container: Any, body: str, anchors: list[_Anchor]) -> list[_Anchor]:
        """Write the body's paragraphs into ``container``, cut into runs at the anchors.

        Returns the anchors that could not be placed (a quote of only blank lines).
        """
        runs_at: list[tuple[int, int, Any]] = []  # (start, end, run) in body offsets
        offset = 0
        for para_text in body.split(PARAGRAPH_BREAK):
            rows = text_to_table(para_text)
            if rows is not None:
                runs_at += self.table(container, para_text, rows, offset)
                offset += len(para_text) + len(PARAGRAPH_BREAK)
                continue
            paragraph = container.add_paragraph()
            cuts = {0, len(para_text)}
            for a in anchors:
                for point in (a.start - offset, a.end - offset):
                    if 0 < point < len(para_text):
                        cuts.add(point)
            points = sorted(cuts)
            for left, right in itertools.pairwise(points):
                run = paragraph.add_run(para_text[left:right])
                runs_at.append((offset + left, offset + right, run))
            offset += len(para_text) + len(PARAGRAPH_BREAK)
        unplaced = []
        for a in anchors:
            inside = [run for start, end, run in runs_at if start < a.end and end > a.start]
            if inside:
                self.comment(inside, a.remark, moved=False)
            else:
                unplaced.append(a)
        return unplaced

    def table(self, container: Any, block: str, rows: list[list[str]], offset: int
              ) -> list[tuple[int, int, Any]]:
        """A Word table from a text-table block; each cell one run, placed by its span in the
        block, so a remark quoting a cell's text is a comment on that cell."""
        width = max(len(r) for r in rows)
        table = container.add_table(rows=len(rows), cols=width)
        table.style = self.styles["Table Grid"]
        runs_at: list[tuple[int, int, Any]] = []
        line_start = offset
        for line, row, cells in zip(block.split("\n"), rows, table.rows, strict=True):
            spans = _cell_spans(line)
            for (start, end), text, cell in zip(spans, row, cells.cells, strict=False):
                run = cell.paragraphs[0].add_run(text)
                runs_at.append((line_start + start, line_start + end, run))
            line_start += len(line) + 1
        return runs_at

    def comment(self, runs: Sequence[Any], remark: dict[str, Any], *, moved: bool) -> None:
        """A Word comment on ``runs``, by the remark's author with their initials; the answer,
        if any, a reply in its thread by the secretary who gave it."""
        labels = self.labels
        identifier = str(remark.get("identifier") or "")
        paragraphs = [f"{identifier} [{labels.type(str(remark['type']))}] {remark['text']}"
                      if identifier else f"[{labels.type(str(remark['type']))}] {remark['text']}"]
        if remark.get("proposed"):
            paragraphs.append(f"{labels['c_proposed']}: {remark['proposed']}")
        if remark.get("justification"):
            paragraphs.append(f"{labels['justification']}: {remark['justification']}")
        if moved:
            paragraphs.append(f"{labels['c_moved']}: „{remark['quote']}“")
        parent = self.writer.add(runs, author=str(remark.get("author_name") or ""),
                                 date=str(remark.get("created_at") or ""),
                                 paragraphs=paragraphs)
        self.comments += 1
        status = str(remark["status"])
        response = str(remark.get("response") or "")
        if status in ("new", "withdrawn") and not response:
            return
        if not response and not remark.get("responded_by"):
            return
        # The status first, unless the response already begins with it ("Atsižvelgta. ...").
        word = labels.status(status)
        answer = response if response.casefold().startswith(word.casefold()) else (
            f"{word.capitalize()}. {response}".strip())
        self.writer.reply(parent, author=str(remark.get("responder_name") or ""),
                          date=str(remark.get("responded_at") or ""),
                          paragraphs=answer.split("\n"))

    # --- sections --------------------------------------------------------------------------

    def section(self, section: DraftSection, remarks: list[dict[str, Any]]) -> None:
        level = min(section.depth + 1, MAX_HEADING_LEVEL)
        heading = self.doc.add_paragraph(style=self.styles[f"Heading {level}"])
        heading_run = heading.add_run(heading_text(section.code, section.title))
        anchors, on_heading = self._sort(section, remarks)
        unplaced = self.body(self.doc, section.body, anchors) if section.body else anchors
        for a in unplaced:
            on_heading.append((a.remark, True))
        for remark, moved in on_heading:
            self.comment([heading_run], remark, moved=moved)

    def _sort(self, section: DraftSection, remarks: list[dict[str, Any]]
              ) -> tuple[list[_Anchor], list[tuple[dict[str, Any], bool]]]:
        anchors: list[_Anchor] = []
        on_heading: list[tuple[dict[str, Any], bool]] = []
        for remark in remarks:
            anchor = _anchor(remark, section)
            if anchor is not None and anchor.end > anchor.start:
                anchors.append(anchor)
            else:
                on_heading.append((remark, bool(str(remark.get("quote") or "").strip())))
        return anchors, on_heading

    def indicators(self, items: list[DraftSection],
                   remarks: dict[str, list[dict[str, Any]]]) -> None:
        labels = self.labels
        # A caption, not body text: the import leaves Caption paragraphs out of bodies.
        caption = self.doc.add_paragraph(style=self.styles["Caption"])
        caption.paragraph_format.keep_with_next = True
        caption.add_run(labels["indicators"])
        table = self.doc.add_table(rows=1, cols=5)
        table.style = self.styles["Table Grid"]
        table.autofit = False
        # The indicator's name and description get the room; the numbers are short.
        widths = [Mm(w) for w in INDICATOR_COLUMNS_MM]
        for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            grid_col.w = width
        for cell, text in zip(table.rows[0].cells, labels.indicator_headers(), strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        for item in items:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(item.code)
            title_run = cells[1].paragraphs[0].add_run(item.title)
            title_run.bold = True
            anchors, on_heading = self._sort(item, remarks.get(item.id, []))
            unplaced = self.body(cells[1], item.body, anchors) if item.body else anchors
            on_heading += [(a.remark, True) for a in unplaced]
            for remark, moved in on_heading:
                self.comment([title_run], remark, moved=moved)
            for cell, value in zip(cells[2:], (item.unit, item.baseline, item.target),
                                   strict=True):
                cell.paragraphs[0].add_run(value)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        self.doc.add_paragraph()


def export_draft(ws: Workspace, path: Path, *, lang: str = "lt",
                 criteria: ReportCriteria | None = None,
                 progress: Progress | None = None) -> int:
    """Write the draft with the selected remarks to ``path`` atomically; returns the number
    of remarks written as comments (their answers, as replies, not counted)."""
    labels = Labels(lang)
    criteria = criteria or ReportCriteria()
    sections = draft_sections(ws)
    remarks = selected_remarks(ws, criteria)
    plan = queries.plan(ws)
    person = queries.person(ws, ws.identity.person_id) or {}
    writer = _Writer(ws, labels)
    doc = writer.doc
    title = f"{plan['title']} – {labels['draft_title'].lower()}" if lang == "lt" else (
        f"{plan['title']} – {labels['draft_title']}")
    set_metadata(doc, title=title, author=str(person.get("full_name", "")),
                 subject=str(plan["title"]), language=labels.tag,
                 keywords=labels["draft_title"])
    add_page_footer(doc, str(plan["title"]), labels["page_of"])
    title_paragraph = doc.add_paragraph(style="Title")
    title_paragraph.add_run(str(plan["title"]))
    # Subtitles, not body text: the import reads text before the first heading as lost.
    subtitle = doc.add_paragraph(style="Subtitle")
    subtitle_run = subtitle.add_run(
        f"{labels['draft_title']} · {dt.date.today().isoformat()}")
    subtitle_run.font.size = Pt(11)
    for what, which in criteria.describe(ws, labels):
        selection = doc.add_paragraph(style="Subtitle")
        selection_run = selection.add_run(f"{what}: {which}")
        selection_run.font.size = Pt(9.5)
    total = len(sections)
    # A section's indicators stand in one table right under its own text.
    indicators: dict[str | None, list[DraftSection]] = {}
    for section in sections:
        if section.kind == "indicator":
            indicators.setdefault(section.parent_id, []).append(section)
    if None in indicators:
        writer.indicators(indicators[None], remarks)
    for number, section in enumerate(sections):
        if section.kind == "indicator":
            continue
        writer.section(section, remarks.get(section.id, []))
        if section.id in indicators:
            writer.indicators(indicators[section.id], remarks)
        if number % 20 == 0:
            report_progress(progress, number, total)
    report_progress(progress, total, total)
    writer.writer.finish()
    with atomic_output(Path(path)) as tmp:
        doc.save(str(tmp))
    return writer.comments
