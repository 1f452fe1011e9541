"""``kplan import answers WS FILE [--dry-run]``: the consultants' answers from the XLSX or
DOCX they filled in, matched by identifier, previewed, and written as this copy's own
answers in one transaction."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .store.file_guard import check_inputs
from .terminal import line as one_line
from .terminal import say


def cmd_import_answers(args: argparse.Namespace) -> int:
    from .documents.answers_import import answers_of, preview_answers
    from .store.answer_actions import apply_answers
    from .store.workspace import Workspace

    check_inputs(args.workspace, [args.file])
    with Workspace.open(args.workspace, readonly=args.dry_run) as ws:
        preview = preview_answers(ws, args.file)
        for conflict in preview.conflicts:
            preview.settle(conflict.remark_id, take_file=args.take_file)
        changes = preview.to_apply()
        if not args.dry_run and changes:
            apply_answers(ws, answers_of(changes))
    for text in preview.lines(dry_run=args.dry_run):
        say(one_line(text))
    if not args.dry_run:
        say(f"Wrote {len(changes)} answers." if changes else "Nothing to write.")
    return 0


def add_answers_command(isub: Any) -> None:
    """``kplan import answers`` under the ``import`` sub-parsers."""
    p = isub.add_parser("answers", help="the consultants' answers from the XLSX or DOCX of the"
                        " remarks they filled in")
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")
    p.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.docx")
    p.add_argument("--dry-run", action="store_true",
                   help="print what the file would change (new and changed answers, status"
                        " changes, conflicts, rows that cannot be read); change nothing")
    p.add_argument("--take-file", action="store_true",
                   help="where a remark was answered differently in the plan since the file"
                        " was made, take the file's answer (default: keep the plan's)")
    p.set_defaults(handler=cmd_import_answers)
