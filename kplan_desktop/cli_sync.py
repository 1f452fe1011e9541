"""Command-line commands of sync: ``kplan bundle export|import|verify`` and ``kplan trust``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .core.errors import KPlanError


def _progress(label: str) -> Callable[[int, int], None] | None:
    """A progress line on a terminal; nothing when stderr is a file or a pipe."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r{label} {done:,}/{total:,}{end}")
        sys.stderr.flush()

    return show


def _keystore() -> Any:
    from .cli import _keystore as make

    return make()


def cmd_export(args: argparse.Namespace) -> int:
    from .store.workspace import Workspace
    from .sync.export import export_bundle

    with Workspace.open(args.workspace) as ws:
        report = export_bundle(
            ws, args.output, keystore=_keystore(), full=args.full, to=args.to,
            progress=_progress("Exporting"),
        )
    print(report.line())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .store.workspace import Workspace
    from .sync.importer import import_file

    failed = 0
    results: list[dict[str, Any]] = []
    with Workspace.open(args.workspace) as ws:
        for path in args.files:
            try:
                report = import_file(ws, path, progress=_progress(f"Importing {path.name}"))
            except KPlanError as exc:
                failed += 1
                print(f"kplan: {exc}", file=sys.stderr)
                results.append({"file": str(path), "error": str(exc)})
                continue
            results.append(report.as_json())
            if not args.json:
                print(f"{path}:")
                for line in report.lines():
                    print(f"  {line}")
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if failed and len(args.files) > 1:
        print(f"kplan: {failed} of {len(args.files)} bundles were refused; the others were"
              " imported.", file=sys.stderr)
    return 1 if failed else 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .sync.bundle import read_file

    parsed = read_file(args.file)
    m = parsed.manifest
    print(f"{args.file}: a valid KPlan bundle.")
    print(f"  signed by   {m.exporter_name}")
    print(f"  fingerprint {parsed.signer_fingerprint}")
    print(f"  plan        {m.plan_id}")
    print(f"  created     {m.created}")
    print(f"  changes     {m.event_count} from {len(m.feeds)} copies"
          f" ({'full' if m.full else 'recent changes only'})")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from .store.workspace import Workspace
    from .sync import trust

    if args.list or not (args.fingerprint or args.revoke):
        with Workspace.open(args.workspace, readonly=True) as ws:
            keys = trust.known_keys(ws.conn)
        if not keys:
            print("No other keys are known to this copy yet.")
        for k in keys:
            who = f"{k.name} <{k.email}>" if k.name else "(not yet seen in a bundle)"
            print(f"{k.fingerprint}  {k.trust.value:<8} {who}")
        return 0
    with Workspace.open(args.workspace) as ws, ws.raw_transaction() as conn:
        if args.revoke:
            fp = trust.revoke_fingerprint(conn, args.revoke)
            print(f"Revoked {fp}: bundles and changes signed with it are refused from now on.")
        else:
            fp = trust.trust_fingerprint(conn, args.fingerprint)
            print(f"Trusted {fp}: bundles signed with it are accepted from now on.")
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
    with ws:
        if keystore.fallback_note:
            print(keystore.fallback_note, file=sys.stderr)
        roles = ws.actor().memberships
        print(f"Joined the plan from {args.from_bundle.name} into {ws.path}:"
              f" {report.applied} changes.")
        print(f"Trusted the bundle's signer {report.signer_name}"
              f" ({report.signer_fingerprint}).")
        if not roles:
            print("You are not yet a member of a group: send a bundle to the secretary, who"
                  " adds you; then you can write remarks.")
        print(f"Your key fingerprint: {ws.identity.fingerprint}")
    return 0
