"""The consolidated remarks (pastabų ir pasiūlymų suvestinė): one content model, built once
from the workspace and rendered to DOCX (:mod:`.report_docx`) and PDF (:mod:`.report_pdf`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.collation import lithuanian_key
from ..store import queries
from ..store.workspace import Workspace
from .data import ReportCriteria, round_names
from .files import Progress, atomic_output, report_progress
from .labels import STATUS_ORDER, TYPE_ORDER, Labels

FORMATS = ("docx", "pdf")
#: The matrix's columns, in order (keys of :class:`Labels`): those of a Lithuanian
#: "derinimo lentelė", with the review round and the day the remark was given.
COLUMNS = ("col_no", "col_section", "col_quote", "col_remark", "col_proposed", "col_author",
           "col_round", "col_date", "col_type", "col_status", "col_response")
#: Their share of the width; the remark and the response get the most room.
COLUMN_SHARES = (0.055, 0.055, 0.095, 0.185, 0.12, 0.09, 0.07, 0.065, 0.06, 0.075, 0.13)
#: Statuses that answer a remark; "new" and "under review" wait for one, "withdrawn" needs none.
ANSWERED = ("accepted", "partly_accepted", "rejected", "noted")
OPEN = ("new", "under_review")


@dataclass(frozen=True)
class ReportOptions:
    criteria: ReportCriteria = field(default_factory=ReportCriteria)
    lang: str = "lt"
    #: Who generated it; by default this copy's person.
    generated_by: str | None = None
    generated_at: dt.datetime | None = None


@dataclass(frozen=True)
class MatrixRow:
    """One remark in the matrix; texts as they are (renderers wrap and escape)."""

    number: int
    #: What people cite: the remark's stable identifier, or its row number until it has one.
    identifier: str
    #: The section's code, or its title for a plan-level part without one (the vision).
    section: str
    quote: str
    text_changed: bool
    remark: str
    justification: str
    proposed: str
    author: str
    #: The group's name as people write it (with its diacritics), not its code.
    group: str
    round: str
    #: The day the remark was given (local time), 2024-03-15.
    date: str
    type: str
    status: str
    response: str
    remark_id: str = ""
    #: The status as stored (accepted, rejected...), for tools that read it back.
    status_key: str = ""

    def cells(self, labels: Labels) -> list[str]:
        """The cells of :data:`COLUMNS` as plain text (tests, baselines, simple renderers)."""
        quote = self.quote
        if self.text_changed:
            quote = f"{quote}\n({labels['text_changed']})" if quote else (
                f"({labels['text_changed']})")
        remark = self.remark
        if self.justification:
            remark = f"{remark}\n{labels['justification']}: {self.justification}"
        author = f"{self.author}\n{self.group}" if self.group else self.author
        return [self.identifier, self.section, quote, remark, self.proposed, author,
                self.round, self.date, self.type, self.status, self.response]


@dataclass
class SectionBlock:
    """The remarks on one section, under its heading."""

    code: str
    title: str
    rows: list[MatrixRow] = field(default_factory=list)
    #: 0 for a top-level part of the plan (the vision, a priority), 1 for its goals, ...
    depth: int = 0

    @property
    def heading(self) -> str:
        return f"{self.code}. {self.title}" if self.code else self.title


@dataclass(frozen=True)
class SummaryTable:
    caption: str
    header: list[str]
    rows: list[list[str]]
    #: The last row is a total (shown bold).
    has_total: bool = True
    #: The first column holds long names (section titles) and gets more room.
    wide_first: bool = False


@dataclass
class Metadata:
    title: str
    author: str
    subject: str
    language: str
    keywords: str
    #: "kplan:<plan id>": a filled-in DOCX coming back is matched to its plan by it.
    identifier: str = ""


@dataclass
class Report:
    labels: Labels
    metadata: Metadata
    title: str
    title_block: list[tuple[str, str]]
    summaries: list[SummaryTable]
    blocks: list[SectionBlock]
    count: int

    @property
    def column_headers(self) -> list[str]:
        return [self.labels[c] for c in COLUMNS]


def largest_remainder_percentages(counts: Sequence[int]) -> list[int]:
    """Whole percentages of ``counts`` that sum to exactly 100 (all 0 when the total is 0).

    Each is its exact share rounded down, and the points still missing go to the largest
    remainders (the earlier count on a tie): rounding each share on its own can sum to 99
    or 101.
    """
    total = sum(counts)
    if total <= 0:
        return [0 for _ in counts]
    floors = [100 * n // total for n in counts]
    remainders = [100 * n % total for n in counts]
    missing = 100 - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda i: (-remainders[i], i))
    for i in by_remainder[:missing]:
        floors[i] += 1
    return floors


#: The section summary counts each remark under its part of the plan at this depth
#: (0 the priorities, 1 their goals): a few dozen rows, not one per measure.
SUMMARY_DEPTH = 1


@dataclass(frozen=True)
class _Tree:
    """Each section's depth, and the part of the plan the section summary counts it under."""

    depth: dict[str, int]
    summary_part: dict[str, str]
    heading: dict[str, str]


def _section_tree(ws: Workspace) -> _Tree:
    rows = ws.conn.execute("SELECT id, parent_id, code, title FROM section").fetchall()
    parents: dict[str, str | None] = {r[0]: r[1] for r in rows}
    codes = {r[0]: r[2] or "" for r in rows}
    headings = {r[0]: SectionBlock(r[2] or "", r[3] or "").heading for r in rows}
    depth: dict[str, int] = {}
    # Depth among numbered sections: the vision above the priorities has no number.
    numbered: dict[str, int] = {}
    part: dict[str, str] = {}
    for section_id in parents:
        chain: list[str] = []
        current: str | None = section_id
        while current is not None and current not in depth and current not in chain:
            chain.append(current)
            current = parents.get(current)
        for at in reversed(chain):
            parent = parents.get(at)
            depth[at] = depth.get(parent, -1) + 1 if parent is not None else 0
            numbered[at] = (numbered.get(parent, -1) if parent is not None else -1) + (
                1 if codes[at] else 0)
            own = parent is None or not codes[at] or numbered[at] <= SUMMARY_DEPTH
            part[at] = at if own else part.get(str(parent), at)
    return _Tree(depth, part, headings)


def _local_day(created_at: str) -> str:
    try:
        return dt.datetime.fromisoformat(created_at).astimezone().date().isoformat()
    except ValueError:
        return created_at[:10]


@dataclass
class _Tally:
    """The counts the summaries are made of."""

    by_group: dict[str, Counter[str]] = field(default_factory=dict)
    by_type: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    #: Per part of the plan (see :data:`SUMMARY_DEPTH`), in plan order: counts by status.
    by_section: dict[str, Counter[str]] = field(default_factory=dict)


def build_report(
    ws: Workspace, options: ReportOptions = ReportOptions(), progress: Progress | None = None
) -> Report:
    """Read the selected remarks in plan order and lay out the report's content."""
    labels = Labels(options.lang)
    criteria = options.criteria
    ids = queries.remark_ids(ws, criteria.remark_filter(ws), order="plan")
    total = len(ids)
    report_progress(progress, 0, total)
    blocks: list[SectionBlock] = []
    tally = _Tally()
    tree = _section_tree(ws) if total else _Tree({}, {}, {})
    current: SectionBlock | None = None
    current_section = None
    step = 2000
    for start in range(0, total, step):
        chunk = ids[start : start + step]
        rows = queries.remark_rows(ws, chunk)
        for offset, remark_id in enumerate(chunk):
            r = rows[remark_id]
            if r["section_id"] != current_section:
                current_section = r["section_id"]
                current = SectionBlock(r["section_code"] or "", r["section_title"] or "",
                                       depth=tree.depth.get(str(current_section), 0))
                blocks.append(current)
            assert current is not None
            number = start + offset + 1
            group_name = str(r["group_name"] or "")
            current.rows.append(MatrixRow(
                number=number,
                identifier=str(r.get("identifier") or number),
                section=r["section_code"] or r["section_title"] or "",
                quote=r["quote"] or "",
                text_changed=bool(r["text_changed"]),
                remark=r["text"] or "",
                justification=r["justification"] or "",
                proposed=r["proposed"] or "",
                author=r["author_name"] or "",
                group=group_name,
                round=str(r["round_name"] or ""),
                date=_local_day(str(r["created_at"] or "")),
                type=labels.type(r["type"]),
                status=labels.status(r["status"]),
                response=r["response"] or "",
                remark_id=str(remark_id),
                status_key=str(r["status"]),
            ))
            tally.by_group.setdefault(group_name, Counter())[r["status"]] += 1
            tally.by_type[r["type"]] += 1
            tally.by_status[r["status"]] += 1
            part = tree.summary_part.get(str(r["section_id"]), str(r["section_id"]))
            tally.by_section.setdefault(part, Counter())[r["status"]] += 1
        report_progress(progress, min(start + step, total), total)

    plan = queries.plan(ws)
    generated_at = options.generated_at or dt.datetime.now().astimezone()
    generated_by = options.generated_by
    if generated_by is None:
        person = queries.person(ws, ws.identity.person_id) or {}
        generated_by = str(person.get("full_name", ""))
    round_text = "; ".join(round_names(ws, criteria.round_ids)) if criteria.round_ids else ""
    title_block = [(labels["plan"], str(plan["title"]))]
    if round_text:
        title_block.append((labels["rounds"], round_text))
    described = criteria.describe(ws, labels)
    filters = [line for line in described if line[0] != labels["f_round"]]
    if filters:
        title_block.extend(filters)
    elif not round_text:
        title_block.append((labels["filters"], labels["all_remarks"]))
    title_block += [
        (labels["remarks_count"], str(total)),
        (labels["generated"], generated_at.strftime("%Y-%m-%d %H:%M")),
        (labels["generated_by"], generated_by),
    ]
    subject = str(plan["title"]) + (f" – {round_text}" if round_text else "")
    metadata = Metadata(
        title=f"{labels['report_title']} – {plan['title']}",
        author=generated_by,
        subject=subject,
        language=labels.tag,
        keywords=labels["report_title"],
        identifier=f"kplan:{plan['id']}",
    )
    return Report(
        labels=labels, metadata=metadata, title=labels["report_title"], title_block=title_block,
        summaries=_summaries(labels, tally, tree.heading, total), blocks=blocks, count=total,
    )


def _summaries(labels: Labels, tally: _Tally, headings: dict[str, str], total: int
               ) -> list[SummaryTable]:
    """Answered versus open, by type, by group and status, by section."""
    answered = sum(tally.by_status[s] for s in ANSWERED)
    still_open = sum(tally.by_status[s] for s in OPEN)
    withdrawn = total - answered - still_open
    answer_counts = [answered, still_open, withdrawn]
    answer_rows = [
        [name, str(n), _percent(p, total)] for name, n, p in zip(
            (labels["answered"], labels["open"], labels.status("withdrawn")), answer_counts,
            largest_remainder_percentages(answer_counts), strict=True)
    ]
    answer_rows.append([labels["total"], str(total), _percent(100, total)])
    type_counts = [tally.by_type[t] for t in TYPE_ORDER]
    type_rows = [
        [labels.type(t), str(n), _percent(p, total)] for t, n, p in zip(
            TYPE_ORDER, type_counts, largest_remainder_percentages(type_counts), strict=True)
    ]
    type_rows.append([labels["total"], str(total), _percent(100, total)])
    count_header = [labels["count"], labels["share"]]

    statuses = list(STATUS_ORDER)
    header = [labels["group"], *(labels.status(s) for s in statuses), labels["total"]]
    rows = []
    # Groups by name in Lithuanian order; remarks given outside any group last.
    for name in sorted(tally.by_group, key=lambda k: (not k, lithuanian_key(k))):
        counts = tally.by_group[name]
        rows.append([name or labels["no_group"], *(str(counts[s]) for s in statuses),
                     str(sum(counts.values()))])
    rows.append([labels["total"], *(str(tally.by_status[s]) for s in statuses), str(total)])

    section_header = [labels["col_section"], labels["answered"], labels["open"],
                      labels.status("withdrawn"), labels["total"]]
    section_rows = []
    for part, counts in tally.by_section.items():
        heading = headings.get(part, "")
        done = sum(counts[s] for s in ANSWERED)
        waiting = sum(counts[s] for s in OPEN)
        section_rows.append([heading, str(done), str(waiting),
                             str(counts["withdrawn"]), str(sum(counts.values()))])
    section_rows.append([labels["total"], str(answered), str(still_open), str(withdrawn),
                         str(total)])
    return [
        SummaryTable(labels["by_answer"], [labels["col_status"], *count_header], answer_rows),
        SummaryTable(labels["by_type"], [labels["type"], *count_header], type_rows),
        SummaryTable(labels["by_group_status"], header, rows),
        SummaryTable(labels["by_section"], section_header, section_rows, wide_first=True),
    ]


def summary_widths_mm(summary: SummaryTable, room_mm: float) -> list[float]:
    """Column widths of a summary table in millimetres (both renderers use them): numbers in
    narrow columns, the names in the first, which takes the room a long table leaves."""
    n_numbers = len(summary.header) - 1
    if n_numbers >= 4 or summary.wide_first:
        number = 25.0  # "neatsižvelgta" in 9 pt bold and the cell's padding
        first = max(60.0, room_mm - number * n_numbers)
    else:
        number, first = 24.0, 52.0
    return [first] + [number] * n_numbers


def _percent(value: int, total: int) -> str:
    return f"{value} %" if total else "–"


def export_report(
    ws: Workspace,
    path: Path,
    fmt: str,
    options: ReportOptions = ReportOptions(),
    progress: Progress | None = None,
) -> int:
    """Write the report to ``path`` (docx or pdf) atomically; returns the number of remarks.

    Progress runs over reading (the first tenth) and writing (the rest).
    """
    if fmt not in FORMATS:
        from ..core.errors import InvalidInput

        raise InvalidInput("“{fmt}” is not a report format; use docx or pdf.", fmt=fmt)

    def reading(done: int, total: int) -> object:
        return progress(done // 10, total) if progress is not None else None

    def writing(done: int, total: int) -> object:
        return progress(total // 10 + done * 9 // 10, total) if progress is not None else None

    report = build_report(ws, options, reading if progress else None)
    with atomic_output(Path(path)) as tmp:
        if fmt == "pdf":
            from .report_pdf import write_pdf

            write_pdf(report, tmp, writing if progress else None)
        else:
            from .report_docx import write_docx

            write_docx(report, tmp, writing if progress else None)
    if progress is not None:
        progress(report.count, report.count)  # written: too late to cancel
    return report.count
