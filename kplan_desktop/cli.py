"""The command line: ``kplan``. The GUI is one of its commands.

Every command exits 0 on success, 1 with one clear sentence on stderr when
the job is refused or fails (and changes nothing), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import io
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import __version__
from .core.errors import InvalidInput, KPlanError
from .core.logs import log_unexpected
from .store import actions, queries
from .store.file_guard import check_new_workspace
from .store.workspace import Workspace, watching_commits
from .terminal import (
    LINE_CHARS,
    Interrupts,
    OutputFailed,
    ReaderGone,
    drop_stdout,
    field,
    finish,
    has_broken_character,
    safe_text,
    say,
)
from .terminal import is_utf8 as _is_utf8
from .terminal import say_json as _print_json

Handler = Callable[[argparse.Namespace], int]

STATUSES = ("new", "under_review", "accepted", "partly_accepted", "rejected", "noted",
            "withdrawn")
TYPES = ("general", "technical", "editorial")
#: The first word that makes a command line rather than a workspace to open.
COMMANDS = frozenset({"init", "demo", "info", "identity", "remark", "trust", "bundle", "import",
                      "export", "group", "member", "meeting", "roster", "self-test"})


def _ask_passphrase(purpose: str) -> str | None:
    if sys.stdin is None or not sys.stdin.isatty():  # closed (`<&-`): no one to ask
        return None
    prompt = "New passphrase for the signing key: " if purpose == "new" else (
        "Passphrase of the signing key: ")
    return getpass.getpass(prompt)


def _keystore() -> Any:
    from .sync.keys import KeyStore

    return KeyStore(ask_passphrase=_ask_passphrase)


def _out(text: str = "", stream: TextIO | None = None) -> None:
    say(text, err=stream is sys.stderr)


def _never_fail_on_encoding() -> None:
    """A pipe on Windows is cp1252, a bare server's locale ASCII: Lithuanian text written to
    them would raise mid-output. Letters the stream cannot carry become escapes instead."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _is_utf8(stream):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")


# --- commands ------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from .sync.identity import new_plan

    check_new_workspace(args.workspace, inputs=[args.from_bundle] if args.from_bundle else [])
    if args.from_bundle:
        from .cli_sync import init_from_bundle

        return init_from_bundle(args)
    if not args.title:
        raise KPlanError("A new plan needs a title: add --title.")
    keystore = _keystore()
    with new_plan(
        args.workspace, title=args.title, full_name=args.name, email=args.email,
        keystore=keystore,
    ) as ws:
        if keystore.fallback_note:
            _out(keystore.fallback_note, sys.stderr)
        _out(f"Created {ws.path}: “{args.title}”; you are the coordination group's secretary.")
        _out(f"Your key fingerprint: {ws.identity.fingerprint}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo.generate import build_demo

    check_new_workspace(args.workspace)
    summary = build_demo(args.workspace, seed=args.seed, remarks=args.remarks)
    _out(f"Created the demo workspace {args.workspace}: {summary}.")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace, readonly=True) as ws:
        data = queries.info(ws)
    if args.json:
        _print_json(data)
        return 0
    _out(f"{_field(data['plan']['title'])} ({_field(data['path'])})")
    for key in ("groups", "people", "sections", "meetings", "rounds", "remarks"):
        _out(f"  {key:<10} {_field(data[key]):>8}")
    for status, n in data["remarks_by_status"].items():
        _out(f"    {_field(status):<16} {_field(n):>6}")
    if data["open_conflicts"]:
        _out(f"  open conflicts {data['open_conflicts']}")
    return 0


def cmd_identity(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace, readonly=True) as ws:
        ident = ws.identity
        person = queries.person(ws, ident.person_id) or {}
        actor = ws.actor()
        roles = [
            {"group": _group_code(ws, m.group_id), "role": m.role.value}
            for m in actor.memberships
        ]
    data = {
        "device_id": ident.device_id,
        "person_id": ident.person_id,
        "name": person.get("full_name", ""),
        "email": person.get("email", ""),
        "gender": person.get("gender", "unspecified"),
        "fingerprint": ident.fingerprint,
        "roles": roles,
        "demo": ident.is_demo,
    }
    if args.json:
        _print_json(data)
        return 0
    _out(f"Person:      {_field(data['name'])} <{_field(data['email'])}>")
    _out(f"Gender:      {_field(data['gender'])}")
    _out(f"Device:      {data['device_id']}")
    _out(f"Fingerprint: {data['fingerprint']}")
    for r in roles:
        _out(f"Role:        {_field(r['role'])} of {_field(r['group'])}")
    return 0


def _field(value: object) -> str:
    """A value from the data inside a line of output: a newline in it would forge a line,
    a name of a million letters flood the terminal."""
    return field(value)


def _group_code(ws: Workspace, group_id: str) -> str:
    row = ws.conn.execute("SELECT code FROM work_group WHERE id = ?", (group_id,)).fetchone()
    return str(row[0]) if row else ""


def _section_id(ws: Workspace, code: str) -> str:
    found = queries.section_by_code(ws, code)
    if found is None:
        raise KPlanError("There is no section with the code {code} in this plan.", code=code)
    return str(found["id"])


def cmd_remark_add(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        remark_id = actions.add_remark(
            ws,
            section_id=_section_id(ws, args.section),
            remark_type=args.type,
            text=args.text,
            quote=args.quote or "",
            proposed=args.proposed or "",
            justification=args.justification or "",
        )
    _out(remark_id)
    return 0


def cmd_remark_answer(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        actions.answer_remark(ws, args.remark_id, args.status, args.response)
    _out(f"Remark {args.remark_id} is now {args.status}.")
    return 0


def cmd_remark_list(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace, readonly=True) as ws:
        group_ids: tuple[str, ...] = ()
        if args.group:
            group = queries.group_by_code(ws, args.group)
            if group is None:
                raise KPlanError("There is no group with the code {code}.", code=args.group)
            group_ids = (group["id"],)
        flt = queries.RemarkFilter(
            statuses=tuple(args.status or ()), group_ids=group_ids, search=args.search or "",
        )
        ids = queries.remark_ids(ws, flt, order="plan")
        rows = queries.remark_rows(ws, ids)
    keys = ("id", "identifier", "section_code", "type", "status", "author_name", "group_code",
            "quote", "text", "proposed", "justification", "response", "created_at", "text_changed")
    listed = [{k: rows[i][k] for k in keys} for i in ids]
    if args.json:
        for item in listed:
            item["text_changed"] = bool(item["text_changed"])
        _print_json(listed)
        return 0
    for item in listed:
        text = " ".join(str(item["text"]).split())
        if len(text) > 70:
            text = text[:69] + "…"
        _out(f"{_field(item['identifier']):<9} {_field(item['id'])}"
             f"  {_field(item['section_code']):<10} {_field(item['status']):<15} "
             f"{_field(item['type']):<9} {_field(item['author_name']):<24} {_field(text)}")
    _out(f"{len(listed)} remarks", sys.stderr)
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    from .selftest import run
    from .terminal import say

    # Through say(): a reader that goes away (`| head`) ends the output, not the checks.
    return run(say)


def cmd_gui(args: argparse.Namespace) -> int:
    from .ui.app import run_gui

    return int(run_gui(args.workspace, lang=args.lang, text_size=args.text_size))


# --- parsing -------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse quotes a bad choice, but echoes unrecognised arguments as they are: a
    script's argument made of data could hold an escape."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        # One line: an argument's newline would forge a line of output.
        self.exit(2, safe_text(f"{self.prog}: error: {message}", one_line=True) + "\n")


def _workspace_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kplan",
        description="KPlan Desktop: review a strategic development plan in working groups."
        " Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"kplan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="make a new plan (you become its coordination secretary)")
    _workspace_arg(p)
    p.add_argument("--title", help="the plan's title")
    p.add_argument("--name", required=True, help="your full name")
    p.add_argument("--email", required=True, help="your e-mail address")
    p.add_argument("--from", dest="from_bundle", type=Path, metavar="BUNDLE",
                   help="join an existing plan from a full bundle")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="make a realistic demo workspace")
    _workspace_arg(p)
    p.add_argument("--seed", type=int, default=2030, help="same seed, same content")
    p.add_argument("--remarks", type=int, default=2000, help="how many remarks (default 2000)")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("info", help="counts of groups, people, sections, remarks by status")
    _workspace_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("identity", help="this copy's device id, person and key fingerprint")
    _workspace_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_identity)

    remark = sub.add_parser("remark", help="write, answer and list remarks")
    rsub = remark.add_subparsers(dest="remark_command", metavar="ACTION", required=True)

    p = rsub.add_parser("add", help="write a remark; prints the new remark's id")
    _workspace_arg(p)
    p.add_argument("--section", required=True, metavar="CODE", help="section code, e.g. 2.1.3")
    p.add_argument("--type", required=True, choices=TYPES)
    p.add_argument("--text", required=True, help="the remark")
    p.add_argument("--quote", help="the passage of the section's text the remark is about")
    p.add_argument("--proposed", help="the proposed change")
    p.add_argument("--justification", help="why")
    p.set_defaults(handler=cmd_remark_add)

    p = rsub.add_parser("answer", help="set a remark's status and response (secretaries)")
    _workspace_arg(p)
    p.add_argument("remark_id")
    p.add_argument("--status", required=True, choices=[s for s in STATUSES if s != "withdrawn"])
    p.add_argument("--response", help="the response (the reasons, when rejecting)")
    p.set_defaults(handler=cmd_remark_answer)

    p = rsub.add_parser("list", help="list remarks in plan order")
    _workspace_arg(p)
    p.add_argument("--status", action="append", choices=STATUSES, help="repeat for several")
    p.add_argument("--group", metavar="CODE", help="only remarks given through this group")
    p.add_argument("--search", metavar="Q", help="full-text search (diacritics-blind)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_remark_list)

    from . import cli_documents, cli_records, cli_sync

    cli_sync.add_commands(sub)
    cli_documents.add_commands(sub)
    cli_records.add_commands(sub)

    p = sub.add_parser("self-test", help="check this installation: store, bundle, reports, Qt"
                       " (in a temporary folder; exit 0 if all is well)")
    p.set_defaults(handler=cmd_self_test)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kplan",
        description="Open the KPlan window (the last workspace, or the welcome screen)."
        " Run `kplan --help` for the commands.",
    )
    parser.add_argument("workspace", nargs="?", type=Path, help="the workspace to open")
    parser.add_argument("--lang", choices=("lt", "en"), help="interface language for this run")
    parser.add_argument("--text-size", type=int, metavar="PCT",
                        help="text size in percent for this run, e.g. 150")
    parser.set_defaults(handler=cmd_gui)
    return parser


def _is_command_line(argv: Sequence[str]) -> bool:
    first = next((a for a in argv if not a.startswith("-")), None)
    if first in COMMANDS:
        return True
    return any(a in ("-h", "--help", "--version") for a in argv) and first is None


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_on_encoding()
    argv = list(sys.argv[1:] if argv is None else argv)
    if _is_command_line(argv):
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return 2
    else:
        args = build_gui_parser().parse_args(argv)
    interrupts = Interrupts()
    # Not the window (Qt's own event loop), nor the self-test (its files are temporary: an
    # interrupt at any moment harms nothing).
    if args.handler not in (cmd_gui, cmd_self_test):
        interrupts.install()
        sys.unraisablehook = _log_unraisable
    # init and demo make a new file in many transactions and remove it whole when they are
    # interrupted: they stay interruptible to the end (a demo of a million remarks too).
    makes = args.handler in (cmd_init, cmd_demo) and not os.path.lexists(args.workspace)
    try:
        _refuse_broken_arguments(args)
        with contextlib.nullcontext() if makes else watching_commits(interrupts.around_commit):
            code = int(args.handler(args))
        finish()
        return code
    except BaseException as exc:
        # The outcome is decided (a transaction is committed or rolled back): a signal now
        # would only cut the sentence that tells it.
        interrupts.settle()
        if makes and isinstance(exc, KeyboardInterrupt) and _made_whole(args.workspace):
            # Interrupted after the file was finished (while telling it): it stands.
            with contextlib.suppress(ReaderGone):
                _out(f"kplan: interrupted, but {args.workspace} was already made.",
                     sys.stderr)
            return 0
        return _told(exc, committed=interrupts.committed)
    finally:
        interrupts.settle()


def _made_whole(path: Path) -> bool:
    """A workspace that opens with its plan and identity (a half-made one is removed)."""
    try:
        Workspace.open(path, readonly=True).close()
    except (KPlanError, OSError):
        return False
    return True


def _told(exc: BaseException, *, committed: bool) -> int:
    """The exit code of a job that ended with ``exc``, and its one sentence on stderr."""
    if isinstance(exc, OutputFailed):
        drop_stdout()
        if not committed:  # the output was the job (a list, a count): it failed
            return _fail(f"kplan: the output could not be written ({exc.reason}).")
        with contextlib.suppress(ReaderGone):  # the change is made: the job's own code stands
            _out(f"kplan: done, but its report could not be written ({exc.reason}).",
                 sys.stderr)
        return exc.code
    if isinstance(exc, ReaderGone):
        # The reader closed our output (`kplan ... | head`). Commands print only after their
        # job is done, so the job stands: its own exit code, quietly.
        drop_stdout()
        return exc.code
    if isinstance(exc, KPlanError):
        return _fail(f"kplan: {exc}")
    if isinstance(exc, KeyboardInterrupt):
        return _fail("kplan: interrupted; nothing was changed.")
    if not isinstance(exc, Exception):
        raise exc  # SystemExit and the like
    # A bug: keep the traceback for us, one sentence for the user.
    log_path = log_unexpected(exc)
    return _fail(f"kplan: unexpected error ({type(exc).__name__}: {exc}); details are in"
                 f" {log_path}.")


def _log_unraisable(unraisable: Any) -> None:
    """An error Python cannot raise (a file object's cleanup after a failed write, say) goes
    to the log, not as a traceback after the command's one sentence."""
    if unraisable.exc_value is not None:
        log_unexpected(unraisable.exc_value)


def _fail(sentence: str) -> int:
    with contextlib.suppress(ReaderGone):  # no one left to tell; the exit code still says it
        # One line, whatever data it holds, and not endless (it may quote a name from a file;
        # room still for the longest path a system allows).
        _out(field(sentence, 5 * LINE_CHARS), sys.stderr)
    return 1


def _refuse_broken_arguments(args: argparse.Namespace) -> None:
    """Bytes on the command line that are not text in the locale's encoding reach us as lone
    surrogates, which SQLite, JSON and the terminal all refuse at some later, worse moment.
    (File names are paths, not text: they may hold such bytes.)"""
    for value in vars(args).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and has_broken_character(item):
                raise InvalidInput(
                    "Some of the text has a broken character in it; type or paste it again."
                )


if __name__ == "__main__":
    logging.basicConfig()
    sys.exit(main())
