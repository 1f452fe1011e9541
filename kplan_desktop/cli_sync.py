"""Command-line commands of sync: ``kplan bundle export|import|verify`` and ``kplan trust``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .core.errors import KPlanError
from .store.file_guard import check_inputs, check_output
from .terminal import field, on_a_terminal, safe_text, say, say_json, show_progress, telling
from .terminal import line as one_line


def _progress(label: str) -> Callable[[int, int], None] | None:
    """A progress line on a terminal; nothing when stderr is a file or a pipe."""
    if not on_a_terminal():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        show_progress(f"\r{label} {done:,}/{total:,}{end}")

    return show


def _keystore() -> Any:
    from .cli import _keystore as make

    return make()


def cmd_export(args: argparse.Namespace) -> int:
    from .store.workspace import Workspace
    from .sync.export import export_bundle

    check_output(args.output, workspace=args.workspace)
    with Workspace.open(args.workspace) as ws:
        report = export_bundle(
            ws, args.output, keystore=_keystore(), full=args.full, to=args.to,
            progress=_progress("Exporting"),
        )
    say(report.line())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """All the bundles in one transaction: exit 1 always means nothing was imported."""
    from .store.workspace import Workspace
    from .sync.importer import check_file, import_files

    check_inputs(args.workspace, args.files)
    failed: list[KPlanError] = []
    with Workspace.open(args.workspace) as ws:
        # Every file is judged first (signature, plan, signer), so that one refused file
        # is reported with the others' refusals, and nothing is imported.
        for path in args.files:
            try:
                check_file(ws, path)
            except KPlanError as exc:
                failed.append(exc)
        if not failed:
            try:
                reports = import_files(ws, list(args.files), progress_for=lambda path: _progress(
                    f"Importing {safe_text(path.name, one_line=True)}"))
            except KPlanError as exc:
                failed.append(exc)
    if failed:
        with telling(1):
            for refusal in failed:
                say(one_line(f"kplan: {refusal}"), err=True)
            if len(args.files) > 1:
                say(f"kplan: nothing was imported ({len(failed)} of {len(args.files)} bundles"
                    " refused); import the others alone, or mend what is said above.", err=True)
        return 1
    # Told only now that the import has committed: a reader that goes away mid-way (`| head`)
    # can no longer change its outcome.
    with telling(0):
        if args.json:
            say_json([r.as_json() for r in reports])
        else:
            for path, report in zip(args.files, reports, strict=True):
                say(f"{safe_text(str(path), one_line=True)}:")
                for text in report.lines():
                    say(f"  {one_line(text)}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .sync.bundle import read_file

    parsed = read_file(args.file)
    m = parsed.manifest

    say(f"{field(args.file)}: a valid KPlan bundle.")
    say(f"  signed by the key {field(parsed.signer_fingerprint)}")
    # The name is the file's own claim: only a workspace that trusts the key knows whose
    # it is (`kplan bundle import` names that person).
    say(f"  calls itself      {field(m.exporter_name)} (not checked)")
    say(f"  plan        {field(m.plan_id)}")
    say(f"  created     {field(m.created)}")
    say(f"  changes     {m.event_count} from {len(m.feeds)} copies"
        f" ({'full' if m.full else 'recent changes only'})")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from .store.workspace import Workspace
    from .sync import trust

    if args.list or not (args.fingerprint or args.revoke):
        with Workspace.open(args.workspace, readonly=True) as ws:
            keys = trust.known_keys(ws.conn)
        if not keys:
            say("No other keys are known to this copy yet.")
        for k in keys:
            who = (f"{field(k.name)} <{field(k.email)}>" if k.name
                   else "(not yet seen in a bundle)")
            say(f"{field(k.fingerprint)}  {field(k.trust.value):<8} {who}")
        return 0
    # Told after the transaction: a closed pipe cannot roll it back, nor a message precede it.
    with Workspace.open(args.workspace) as ws, ws.raw_transaction() as conn:
        if args.revoke:
            fp = trust.revoke_fingerprint(conn, args.revoke)
        else:
            # trust_fingerprint says what to add when --person is missing.
            person = trust.find_person(conn, args.person) if args.person else ""
            fp = trust.trust_fingerprint(conn, args.fingerprint, person_id=person)
    if args.revoke:
        say(f"Revoked {fp}: bundles and changes signed with it are refused from now on.")
    else:
        say(f"Trusted {fp}: bundles signed with it are accepted from now on.")
    return 0


def add_commands(sub: Any) -> None:
    """Add the sync commands to the ``kplan`` sub-parsers."""
    bundle = sub.add_parser("bundle", help="export, import and verify signed bundles")
    bsub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)

    p = bsub.add_parser("export", help="write a signed bundle of this copy's changes")
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                   help="the bundle to write (.kplanbundle)")
    p.add_argument("--full", action="store_true", help="everything, not only what the peer lacks")
    p.add_argument("--to", metavar="FINGERPRINT",
                   help="cut the bundle for this peer (default: the one peer, if only one)")
    p.set_defaults(handler=cmd_export)

    p = bsub.add_parser("import", help="import bundles; prints what was applied and refused")
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_import)

    p = bsub.add_parser("verify", help="check a bundle without importing it")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("trust", help="trust or revoke a signing key, or list the known keys")
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")
    p.add_argument("fingerprint", nargs="?", help="the fingerprint to trust (40 digits)")
    p.add_argument("--list", action="store_true", help="list the known keys and their trust")
    p.add_argument("--person", metavar="WHO",
                   help="whose key it is: e-mail, person id (a newcomer's, as their `kplan"
                   " identity` shows it) or key fingerprint")
    p.add_argument("--revoke", metavar="FINGERPRINT", help="refuse this key from now on")
    p.set_defaults(handler=cmd_trust)


def init_from_bundle(args: argparse.Namespace) -> int:
    """``kplan init WORKSPACE --from BUNDLE``: join a plan from a full bundle."""
    from .sync.identity import join_plan

    keystore = _keystore()
    ws, report = join_plan(
        args.workspace, args.from_bundle, full_name=args.name, email=args.email,
        keystore=keystore,
    )
    with ws:  # join_plan has committed the new workspace; the rest only tells
        roles = ws.actor().memberships
        fingerprint = ws.identity.fingerprint
    if keystore.fallback_note:
        say(keystore.fallback_note, err=True)
    say(f"Joined the plan from {safe_text(args.from_bundle.name, one_line=True)} into"
        f" {safe_text(str(ws.path), one_line=True)}: {report.applied} changes.")
    say(f"Trusted the bundle's signer {field(report.signer_name)}"
        f" ({report.signer_fingerprint}).")
    if not roles:
        say("You are not yet a member of a group: send a bundle to the secretary, who"
            " adds you; then you can write remarks.")
    say(f"Your key fingerprint: {fingerprint}")
    return 0
