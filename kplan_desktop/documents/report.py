"""The consolidated remarks (pastabų ir pasiūlymų suvestinė): one content model, built once
from the workspace and rendered to DOCX (:mod:`.report_docx`) and PDF (:mod:`.report_pdf`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..store import queries
from ..store.workspace import Workspace
from .data import ReportCriteria, round_names
from .files import Progress, atomic_output, report_progress
from .labels import STATUS_ORDER, TYPE_ORDER, Labels

FORMATS = ("docx", "pdf")
#: The matrix's columns, in order (keys of :class:`Labels`).
COLUMNS = ("col_no", "col_section", "col_quote", "col_remark", "col_proposed", "col_author",
           "col_type", "col_status", "col_response")
#: Their share of the width; the remark and the response get the most room.
COLUMN_SHARES = (0.04, 0.055, 0.13, 0.22, 0.15, 0.1, 0.065, 0.075, 0.165)


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
    section: str
    quote: str
    text_changed: bool
    remark: str
    justification: str
    proposed: str
    author: str
    group: str
    type: str
    status: str
    response: str

    def cells(self, labels: Labels) -> list[str]:
        """The nine cells as plain text (tests, baselines and simple renderers)."""
        quote = self.quote
        if self.text_changed:
            quote = f"{quote}\n({labels['text_changed']})" if quote else (
                f"({labels['text_changed']})")
        remark = self.remark
        if self.justification:
            remark = f"{remark}\n{labels['justification']}: {self.justification}"
        author = f"{self.author}\n{self.group}" if self.group else self.author
        return [str(self.number), self.section, quote, remark, self.proposed, author,
                self.type, self.status, self.response]


@dataclass
class SectionBlock:
    """The remarks on one section, under its heading."""

    code: str
    title: str
    rows: list[MatrixRow] = field(default_factory=list)

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


@dataclass
class Metadata:
    title: str
    author: str
    subject: str
    language: str
    keywords: str


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
    by_group: dict[str, Counter[str]] = {}
    group_names: dict[str, str] = {}
    by_type: Counter[str] = Counter()
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
                current = SectionBlock(r["section_code"] or "", r["section_title"] or "")
                blocks.append(current)
            assert current is not None
            group_code = r["group_code"] or ""
            current.rows.append(MatrixRow(
                number=start + offset + 1,
                section=r["section_code"] or "",
                quote=r["quote"] or "",
                text_changed=bool(r["text_changed"]),
                remark=r["text"] or "",
                justification=r["justification"] or "",
                proposed=r["proposed"] or "",
                author=r["author_name"] or "",
                group=group_code,
                type=labels.type(r["type"]),
                status=labels.status(r["status"]),
                response=r["response"] or "",
            ))
            key = group_code or "—"
            group_names[key] = f"{group_code} {r['group_name']}" if group_code else (
                labels["no_group"])
            by_group.setdefault(key, Counter())[r["status"]] += 1
            by_type[r["type"]] += 1
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
    )
    return Report(
        labels=labels, metadata=metadata, title=labels["report_title"], title_block=title_block,
        summaries=_summaries(labels, by_group, group_names, by_type, total), blocks=blocks,
        count=total,
    )


def _summaries(labels: Labels, by_group: dict[str, Counter[str]], names: dict[str, str],
               by_type: Counter[str], total: int) -> list[SummaryTable]:
    statuses = list(STATUS_ORDER)
    header = [labels["group"], *(labels.status(s) for s in statuses), labels["total"]]
    rows = []
    for key in sorted(by_group, key=lambda k: (k == "—", k)):
        counts = by_group[key]
        rows.append([names[key], *(str(counts[s]) for s in statuses),
                     str(sum(counts.values()))])
    column_totals = Counter[str]()
    for counts in by_group.values():
        column_totals.update(counts)
    rows.append([labels["total"], *(str(column_totals[s]) for s in statuses), str(total)])
    type_rows = [
        [labels.type(t), str(by_type[t]), _share(by_type[t], total)] for t in TYPE_ORDER
    ]
    type_rows.append([labels["total"], str(total), _share(total, total)])
    return [
        SummaryTable(labels["by_group_status"], header, rows),
        SummaryTable(labels["by_type"], [labels["type"], labels["count"], labels["share"]],
                     type_rows),
    ]


def _share(n: int, total: int) -> str:
    return f"{100 * n / total:.0f} %" if total else "–"


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
