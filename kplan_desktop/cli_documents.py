"""Command-line commands of documents: ``kplan export remarks|draft|minutes|attendance`` and
``kplan import draft``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .cli_answers import add_answers_command
from .core.errors import KPlanError
from .store.file_guard import check_inputs, check_output
from .terminal import field, on_a_terminal, safe_text, say, show_progress
from .terminal import line as one_line

STATUSES = ("new", "under_review", "accepted", "partly_accepted", "rejected", "noted",
            "withdrawn")
TYPES = ("general", "technical", "editorial")


def _progress(label: str) -> Callable[[int, int], None] | None:
    """A percentage on a terminal; nothing when stderr is a file or a pipe."""
    if not on_a_terminal():
        return None
    shown = -1

    def show(done: int, total: int) -> None:
        nonlocal shown
        percent = 100 * done // total if total else 100
        if percent != shown:
            shown = percent
            show_progress(f"\r{label} {percent}%" + ("\n" if percent >= 100 else ""))

    return show


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".")
    if suffix in ("docx", "pdf", "xlsx"):
        return suffix
    raise KPlanError("Say which format to write: add --format docx or --format pdf.")


def cmd_export_remarks(args: argparse.Namespace) -> int:
    from .documents.data import resolve_criteria
    from .documents.report import ReportOptions, export_report
    from .store.workspace import Workspace

    fmt = _format(args)
    check_output(args.output, workspace=args.workspace)
    with Workspace.open(args.workspace, readonly=True) as ws:
        criteria = resolve_criteria(
            ws, groups=args.group or (), rounds=args.round or (), statuses=args.status or (),
            types=args.type or (), section=args.section, authors=args.author or (),
            date_from=args.date_from or "", date_to=args.date_to or "",
        )
        if fmt == "xlsx":
            from .documents.report_xlsx import write_xlsx

            count = write_xlsx(ws, args.output, criteria, args.lang,
                               progress=_progress("Writing the table"))
        else:
            count = export_report(ws, args.output, fmt, ReportOptions(criteria, lang=args.lang),
                                  progress=_progress("Writing the report"))
    say(f"Wrote {safe_text(str(args.output), one_line=True)}: {count} remarks"
        f" ({fmt.upper()}, {args.lang}).")
    return 0


def cmd_export_draft(args: argparse.Namespace) -> int:
    from .documents.data import resolve_criteria
    from .documents.draft_export import export_draft
    from .store.workspace import Workspace

    check_output(args.output, workspace=args.workspace)
    with Workspace.open(args.workspace, readonly=True) as ws:
        criteria = resolve_criteria(
            ws, groups=args.group or (), rounds=args.round or (), statuses=args.status or (),
            types=args.type or (), section=args.section, authors=args.author or (),
            date_from=args.date_from or "", date_to=args.date_to or "",
        )
        comments = export_draft(ws, args.output, lang=args.lang, criteria=criteria,
                                progress=_progress("Writing the draft"))
    say(f"Wrote {safe_text(str(args.output), one_line=True)}: the draft with {comments}"
        " remarks as comments.")
    return 0


def cmd_export_minutes(args: argparse.Namespace) -> int:
    from .documents.minutes import export_minutes
    from .store.workspace import Workspace

    fmt = _format(args)
    check_output(args.output, workspace=args.workspace)
    with Workspace.open(args.workspace, readonly=True) as ws:
        minutes = export_minutes(ws, args.meeting, args.output, fmt, lang=args.lang)
    say(f"Wrote {safe_text(str(args.output), one_line=True)}: the minutes of"
        f" {field(minutes.metadata.title)} ({fmt.upper()}, {args.lang}).")
    return 0


def cmd_export_attendance(args: argparse.Namespace) -> int:
    from .documents.attendance import check_year, export_attendance
    from .store import queries
    from .store.workspace import Workspace

    check_year(args.year)
    check_output(args.output, workspace=args.workspace)
    if Path(args.output).suffix.lower() != ".xlsx":
        raise KPlanError("The attendance sheet is an XLSX file: name it FILE.xlsx.")
    with Workspace.open(args.workspace, readonly=True) as ws:
        group = queries.group_by_code(ws, args.group.strip())
        if group is None:
            raise KPlanError("There is no group with the code {code}.", code=args.group)
        sheet = export_attendance(ws, str(group["id"]), args.year, args.output, lang=args.lang)
    say(f"Wrote {safe_text(str(args.output), one_line=True)}: the attendance of"
        f" {len(sheet.members)} people at {len(sheet.meetings)} meetings of"
        f" {field(sheet.group_code)} in {sheet.year}.")
    return 0


def cmd_import_draft(args: argparse.Namespace) -> int:
    from .documents.draft_import import import_draft
    from .store.workspace import Workspace

    check_inputs(args.workspace, [args.file])
    # --dry-run reads the workspace only: the preview the window shows, printed.
    with Workspace.open(args.workspace, readonly=args.dry_run) as ws:
        report = import_draft(ws, args.file, progress=_progress("Importing the draft"),
                              dry_run=args.dry_run)
    for text in report.lines(Path(args.file).name, dry_run=args.dry_run):
        say(one_line(text))
    return 0


def _add_filter_options(p: argparse.ArgumentParser) -> None:
    """Which remarks: the options of ``export remarks``, for ``export draft``."""
    p.add_argument("--group", action="append", metavar="CODE",
                   help="only remarks given through this group; repeat for several")
    p.add_argument("--round", action="append", metavar="NAME", help="only this review round")
    p.add_argument("--status", action="append", choices=STATUSES,
                   help="only remarks of this status (withdrawn ones only when named)")
    p.add_argument("--type", action="append", choices=TYPES)
    p.add_argument("--section", metavar="CODE", help="only this section and its subsections")
    p.add_argument("--author", action="append", metavar="NAME",
                   help="only this author (full name or person id)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="only remarks given on or after this day (2024-03-15)")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="only remarks given on or before this day")


def add_commands(sub: Any) -> None:
    """Add the document commands to the ``kplan`` sub-parsers."""
    export = sub.add_parser("export", help="write the remarks report or the draft")
    esub = export.add_subparsers(dest="export_command", metavar="WHAT", required=True)

    p = esub.add_parser(
        "remarks", help="the consolidated remarks (pastabų ir pasiūlymų suvestinė), DOCX or PDF;"
        " or XLSX, a table for the consultants' answers")
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")
    p.add_argument("--format", choices=("docx", "pdf", "xlsx"),
                   help="docx, pdf or xlsx (default: from the file name)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--lang", choices=("lt", "en"), default="lt",
                   help="the report's language (default lt)")
    p.add_argument("--group", action="append", metavar="CODE",
                   help="only remarks given through this group; repeat for several")
    p.add_argument("--round", action="append", metavar="NAME", help="only this review round")
    p.add_argument("--status", action="append", choices=STATUSES)
    p.add_argument("--type", action="append", choices=TYPES)
    p.add_argument("--section", metavar="CODE", help="only this section and its subsections")
    p.add_argument("--author", action="append", metavar="NAME",
                   help="only this author (full name or person id)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="only remarks given on or after this day (2024-03-15)")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="only remarks given on or before this day")
    p.set_defaults(handler=cmd_export_remarks)

    p = esub.add_parser("draft", help="the draft plan as DOCX, each remark a Word comment")
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.docx")
    p.add_argument("--lang", choices=("lt", "en"), default="lt",
                   help="language of the document's own words (default lt)")
    # The same selection as the report: only these remarks become comments.
    _add_filter_options(p)
    p.set_defaults(handler=cmd_export_draft)

    p = esub.add_parser("minutes", help="a meeting's minutes (posėdžio protokolas), DOCX or PDF")
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")
    p.add_argument("--meeting", required=True, metavar="ID",
                   help="the meeting's id (kplan meeting list shows them)")
    p.add_argument("--format", choices=("docx", "pdf"),
                   help="docx or pdf (default: from the file name)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--lang", choices=("lt", "en"), default="lt",
                   help="the minutes' language (default lt)")
    p.set_defaults(handler=cmd_export_minutes)

    p = esub.add_parser("attendance", help="a group's attendance sheet for a year, XLSX")
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")
    p.add_argument("--group", required=True, metavar="CODE", help="the group's code")
    p.add_argument("--year", required=True, type=int, metavar="YEAR",
                   help="the calendar year of the meetings (2026)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    p.add_argument("--lang", choices=("lt", "en"), default="lt",
                   help="the sheet's language (default lt)")
    p.set_defaults(handler=cmd_export_attendance)

    imp = sub.add_parser("import", help="read a draft DOCX into the plan")
    isub = imp.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    p = isub.add_parser("draft", help="a draft DOCX becomes the section tree (sections"
                        " matched by number, title and text)")
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")
    p.add_argument("file", type=Path, metavar="FILE.docx")
    p.add_argument("--dry-run", action="store_true",
                   help="print what the import would add, change, rename, renumber, move and"
                        " remove, and what it would not keep; change nothing")
    p.set_defaults(handler=cmd_import_draft)
    add_answers_command(isub)  # kplan import answers (cli_answers.py)
