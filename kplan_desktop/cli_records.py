"""Command-line commands of the group records: ``kplan group``, ``member``, ``meeting`` and
``roster import``.

Each change goes through one store action (one transaction), whose events the permission
table judges as it judges them arriving in a bundle. A person is named by e-mail, id or key
fingerprint (``sync.trust.find_person``); a group by its code.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from .core.errors import KPlanError
from .core.grammar import GENDERS
from .core.model import GroupKind, Role
from .store import actions, queries
from .store.workspace import Workspace
from .terminal import field, say, say_json, telling
from .terminal import line as one_line

ROLES = tuple(r.value for r in Role)


def _field(value: object) -> str:
    return field(value)


def _today() -> str:
    return dt.date.today().isoformat()


def _group(ws: Workspace, code: str, *, archived: bool = False) -> dict[str, Any]:
    """The group of that code: the one in use, else (``archived``) an archived one."""
    rows = ws.conn.execute(
        "SELECT id, code, name, kind, mandate, archived FROM work_group WHERE code = ?"
        " ORDER BY archived, id DESC", (code.strip(),)).fetchall()
    usable = [r for r in rows if archived or not r[5]]
    if not usable:
        raise KPlanError("There is no group with the code {code}.", code=code)
    keys = ("id", "code", "name", "kind", "mandate", "archived")
    return dict(zip(keys, usable[0], strict=True))


def _person(ws: Workspace, who: str) -> str:
    from .sync.trust import find_person

    person_id = find_person(ws.conn, who)
    if ws.conn.execute("SELECT 1 FROM person WHERE id = ?", (person_id,)).fetchone() is None:
        raise KPlanError("There is no person {who} in this plan.", who=who)
    return person_id


def _membership(ws: Workspace, group: dict[str, Any], person_id: str, who: str) -> str:
    found = actions.current_membership(ws, group["id"], person_id, _today())
    if found is None:
        raise KPlanError("{who} is not a member of {code}.", who=who, code=group["code"])
    return found


# --- groups ------------------------------------------------------------------------------------


def cmd_group_list(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace, readonly=True) as ws:
        today = _today()
        rows = ws.conn.execute(
            "SELECT g.id, g.code, g.name, g.kind, g.mandate, g.archived,"
            " (SELECT COUNT(*) FROM membership m WHERE m.group_id = g.id AND m.deleted = 0"
            "  AND (m.until = '' OR m.until >= ?)) FROM work_group g"
            + ("" if args.all else " WHERE g.archived = 0")
            + " ORDER BY g.kind = 'coordination' DESC, g.code", (today,)).fetchall()
    listed = [{"id": r[0], "code": r[1], "name": r[2], "kind": r[3], "mandate": r[4],
               "archived": bool(r[5]), "members": r[6]} for r in rows]
    if args.json:
        say_json(listed)
        return 0
    for g in listed:
        flag = "  (archived)" if g["archived"] else ""
        say(f"{_field(g['code']):<8} {_field(g['kind']):<12} {g['members']:>3} members  "
            f"{_field(g['name'])}{flag}")
    return 0


def cmd_group_add(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        group_id = actions.add_group(ws, code=args.code, name=args.name,
                                     kind=GroupKind(args.kind), mandate=args.mandate or "")
    say(group_id)
    return 0


def cmd_group_update(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.name is not None:
        changes["name"] = args.name
    if args.mandate is not None:
        changes["mandate"] = args.mandate
    if args.archive or args.unarchive:
        changes["archived"] = 1 if args.archive else 0
    if not changes:
        raise KPlanError("Nothing to change: add --name, --mandate, --archive or --unarchive.")
    with Workspace.open(args.workspace) as ws:
        group = _group(ws, args.code, archived=args.unarchive)
        actions.update_group(ws, group["id"], changes)
    state = " and archived" if args.archive else " and back in use" if args.unarchive else ""
    say(f"Group {_field(group['code'])} updated{state}.")
    return 0


# --- members -----------------------------------------------------------------------------------


def cmd_member_list(args: argparse.Namespace) -> int:
    today = _today()
    with Workspace.open(args.workspace, readonly=True) as ws:
        where, params = "m.deleted = 0", [today]
        if args.group:
            where += " AND m.group_id = ?"
            params.append(_group(ws, args.group, archived=True)["id"])
        if not args.all:
            where += " AND (m.until = '' OR m.until >= ?)"
            params.append(today)
        rows = ws.conn.execute(
            "SELECT m.id, g.code, p.id, p.full_name, p.email, p.organisation, m.role,"
            " m.since, m.until, (m.until = '' OR m.until >= ?), p.gender"
            " FROM membership m JOIN person p ON p.id = m.person_id"
            " JOIN work_group g ON g.id = m.group_id WHERE " + where
            + " ORDER BY g.code, CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1"
            " ELSE 2 END, p.full_name, m.since", params).fetchall()
    keys = ("membership_id", "group", "person_id", "name", "email", "organisation", "role",
            "since", "until", "current", "gender")
    listed = [dict(zip(keys, r, strict=True)) for r in rows]
    for item in listed:
        item["current"] = bool(item["current"])
    if args.json:
        say_json(listed)
        return 0
    for m in listed:
        span = f"  {m['since'] or '…'}–{m['until']}" if m["until"] else (
            f"  since {m['since']}" if m["since"] else "")
        say(f"{_field(m['group']):<8} {_field(m['role']):<10} {_field(m['name'])}"
            f" <{_field(m['email'])}>{_field(span)}")
    say(f"{len(listed)} members", err=True)
    return 0


def cmd_member_add(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        group = _group(ws, args.group)
        try:
            person_id = _person(ws, args.person)
        except KPlanError:
            if not args.name:
                raise KPlanError("There is no person {who} in this plan; add --name to add"
                                 " them as a new person.", who=args.person) from None
            if "@" not in args.person:
                raise KPlanError("Name a new person by their e-mail address.") from None
            person_id = actions.add_person(
                ws, full_name=args.name, email=args.person,
                organisation=args.organisation or "", group_id=group["id"],
                role=Role(args.role), since=args.since or "", gender=args.gender)
            gender = (queries.person(ws, person_id) or {}).get("gender", "")
            guessed = " (guessed from the name; change it with --gender)" if (
                args.gender is None) else ""
            say(f"Added {_field(args.name)} to {_field(group['code'])} as {args.role};"
                f" gender: {gender}{guessed}.")
            return 0
        if args.gender is not None:
            raise KPlanError("--gender is for a new person; change an existing person's with"
                             " kplan member update.")
        actions.add_member(ws, group_id=group["id"], person_id=person_id, role=args.role,
                           since=args.since or "", today=_today())
    say(f"Added {_field(args.person)} to {_field(group['code'])} as {args.role}.")
    return 0


def _only_membership(ws: Workspace, person_id: str, who: str) -> tuple[dict[str, Any], str]:
    """The person's one current membership, when no group is named."""
    rows = ws.conn.execute(
        "SELECT g.code FROM membership m JOIN work_group g ON g.id = m.group_id"
        " WHERE m.person_id = ? AND m.deleted = 0 AND (m.until = '' OR m.until >= ?)",
        (person_id, _today())).fetchall()
    if len(rows) != 1:
        raise KPlanError("Say which group: add --group CODE.")
    group = _group(ws, rows[0][0], archived=True)
    return group, _membership(ws, group, person_id, who)


def cmd_member_update(args: argparse.Namespace) -> int:
    membership = {k: v for k, v in (("role", args.role), ("since", args.since),
                                    ("until", args.until)) if v is not None}
    person = {k: v for k, v in (("full_name", args.name), ("email", args.email),
                                ("organisation", args.organisation),
                                ("gender", args.gender)) if v is not None}
    if not (membership or person):
        raise KPlanError("Nothing to change: add --role, --since, --until, --name, --email,"
                         " --organisation or --gender.")
    with Workspace.open(args.workspace) as ws:
        person_id = _person(ws, args.person)
        if args.group:
            group = _group(ws, args.group, archived=True)
            membership_id = _membership(ws, group, person_id, args.person)
        elif membership:
            group, membership_id = _only_membership(ws, person_id, args.person)
        else:
            actions.update_person(ws, person_id, person)
            say(f"Updated {_field(args.person)}.")
            return 0
        actions.update_member(ws, membership_id, membership=membership, person=person)
    say(f"Updated {_field(args.person)} in {_field(group['code'])}.")
    return 0


def cmd_member_end(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        person_id = _person(ws, args.person)
        if args.group:
            group = _group(ws, args.group, archived=True)
            membership_id = _membership(ws, group, person_id, args.person)
        else:
            group, membership_id = _only_membership(ws, person_id, args.person)
        if args.mistake:
            actions.remove_membership(ws, membership_id)
        else:
            actions.end_membership(ws, membership_id, args.on or _today())
    if args.mistake:
        say(f"Removed the membership of {_field(args.person)} in {_field(group['code'])}"
            " (added by mistake).")
    else:
        say(f"{_field(args.person)} is a member of {_field(group['code'])} until"
            f" {_field(args.on or _today())}.")
    return 0


# --- meetings ----------------------------------------------------------------------------------


def cmd_meeting_list(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace, readonly=True) as ws:
        where, params = "m.deleted = 0", []
        if args.group:
            where += " AND m.group_id = ?"
            params.append(_group(ws, args.group, archived=True)["id"])
        rows = ws.conn.execute(
            "SELECT m.id, g.code, m.date, m.place, m.agenda, m.minutes, m.decisions"
            " FROM meeting m JOIN work_group g ON g.id = m.group_id WHERE " + where
            + " ORDER BY m.date DESC, g.code", params).fetchall()
        keys = ("id", "group", "date", "place", "agenda", "minutes", "decisions")
        listed = [dict(zip(keys, r, strict=True)) for r in rows]
        for item in listed:
            item["attendance"] = [
                {"person_id": p, "name": n, "present": bool(here)}
                for p, n, here in ws.conn.execute(
                    "SELECT a.person_id, p.full_name, a.present FROM attendance a JOIN person p"
                    " ON p.id = a.person_id WHERE a.meeting_id = ? AND a.present >= 0"
                    " ORDER BY p.full_name",
                    (item["id"],))]
    if args.json:
        say_json(listed)
        return 0
    for m in listed:
        present = sum(a["present"] for a in m["attendance"])
        say(f"{_field(m['id'])}  {_field(m['group']):<8} {_field(m['date'])}  {present} present"
            f"  {_field(m['place'])}")
    return 0


def _people(ws: Workspace, names: list[str] | None) -> list[str]:
    return [_person(ws, who) for who in names or ()]


def cmd_meeting_add(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        group = _group(ws, args.group)
        meeting_id = actions.add_meeting(
            ws, group_id=group["id"], date=args.date, place=args.place or "",
            agenda=args.agenda or "", minutes=args.minutes or "",
            decisions=args.decisions or "", present=_people(ws, args.present),
            absent=_people(ws, args.absent))
    say(meeting_id)
    return 0


def cmd_meeting_update(args: argparse.Namespace) -> int:
    changes = {k: getattr(args, k) for k in ("date", "place", "agenda", "minutes", "decisions")
               if getattr(args, k) is not None}
    if not (changes or args.present or args.absent):
        raise KPlanError("Nothing to change: add --date, --place, --agenda, --minutes,"
                         " --decisions, --present or --absent.")
    with Workspace.open(args.workspace) as ws:
        if ws.conn.execute("SELECT 1 FROM meeting WHERE id = ? AND deleted = 0",
                           (args.meeting_id,)).fetchone() is None:
            raise KPlanError("There is no meeting {id} in this plan.", id=args.meeting_id)
        actions.update_meeting(ws, args.meeting_id, changes, present=_people(ws, args.present),
                               absent=_people(ws, args.absent))
    say(f"Meeting {_field(args.meeting_id)} updated.")
    return 0


def cmd_meeting_remove(args: argparse.Namespace) -> int:
    """A meeting added by mistake: no longer listed, as if never held (an event cannot be
    taken back, so its record stays, flagged, with its attendance)."""
    with Workspace.open(args.workspace) as ws:
        if ws.conn.execute("SELECT 1 FROM meeting WHERE id = ? AND deleted = 0",
                           (args.meeting_id,)).fetchone() is None:
            raise KPlanError("There is no meeting {id} in this plan.", id=args.meeting_id)
        actions.update_meeting(ws, args.meeting_id, {"deleted": 1})
    say(f"Meeting {_field(args.meeting_id)} removed.")
    return 0


# --- rosters -----------------------------------------------------------------------------------


def cmd_roster_import(args: argparse.Namespace) -> int:
    from .documents.roster import preview_lines, preview_roster, read_roster
    from .store.file_guard import check_inputs

    check_inputs(args.workspace, [args.file])
    roster = read_roster(args.file)  # before the workspace: a bad file is refused at once
    name = _field(Path(args.file).name)
    with Workspace.open(args.workspace, readonly=args.dry_run) as ws:
        group = _group(ws, args.group)
        preview = preview_roster(ws, group["id"], roster, _today())
        if not args.dry_run:
            # The rules first: a copy that may not keep the group's records learns it before
            # reading a preview of changes it cannot make.
            from .core import rules

            rules.check_keep_records(ws.actor(), group["id"])
        # Printed before anything is written; a reader gone here stops the import unmade.
        with telling(1):
            say(f"{name} for {_field(group['code'])}"
                + (" (dry run: nothing is written):" if args.dry_run else ":"))
            for text in preview_lines(preview):
                say("  " + one_line(text))
        if args.dry_run or not preview.changes:
            return 0
        written = actions.apply_roster(ws, group["id"], preview.changes)
    c = preview.counts
    say(f"Imported {c['new']} new and {c['changed']} changed members into"
        f" {_field(group['code'])} in one step ({written} changes).")
    if c["problem"]:
        say(f"{c['problem']} rows with problems were not imported; correct them in the file"
            " and import it again.", err=True)
    return 0


# --- parsing -----------------------------------------------------------------------------------


def _workspace_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", type=Path, help="the workspace file (.kplan)")


def add_commands(sub: Any) -> None:
    """Add the group-record commands to the ``kplan`` sub-parsers."""
    group = sub.add_parser("group", help="list, add and change working groups")
    gsub = group.add_subparsers(dest="group_command", metavar="ACTION", required=True)
    p = gsub.add_parser("list", help="the groups, with how many members each has")
    _workspace_arg(p)
    p.add_argument("--all", action="store_true", help="archived groups too")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_group_list)
    p = gsub.add_parser("add", help="a new group (coordination officers); prints its id")
    _workspace_arg(p)
    p.add_argument("--code", required=True, help="short code, e.g. APL")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", choices=[k.value for k in GroupKind], default="thematic")
    p.add_argument("--mandate", help="the group's rules (nuostatai)")
    p.set_defaults(handler=cmd_group_add)
    p = gsub.add_parser("update", help="rename a group, change its mandate, archive it")
    _workspace_arg(p)
    p.add_argument("code", metavar="CODE")
    p.add_argument("--name")
    p.add_argument("--mandate")
    arch = p.add_mutually_exclusive_group()
    arch.add_argument("--archive", action="store_true",
                      help="the group has ended (coordination officers)")
    arch.add_argument("--unarchive", action="store_true", help="take an archived group back")
    p.set_defaults(handler=cmd_group_update)

    member = sub.add_parser("member", help="list, add, change and end memberships")
    msub = member.add_subparsers(dest="member_command", metavar="ACTION", required=True)
    who = "the person: e-mail, person id or key fingerprint"
    p = msub.add_parser("list", help="current members (--all: past ones too)")
    _workspace_arg(p)
    p.add_argument("--group", metavar="CODE", help="only this group")
    p.add_argument("--all", action="store_true", help="past memberships too")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_member_list)
    p = msub.add_parser("add", help="make a person a member of a group")
    _workspace_arg(p)
    p.add_argument("person", metavar="PERSON", help=who + " (a new person: e-mail and --name)")
    p.add_argument("--group", required=True, metavar="CODE")
    p.add_argument("--role", choices=ROLES, default="expert")
    p.add_argument("--since", metavar="DATE", help="member from this day (2024-03-15)")
    p.add_argument("--name", help="a new person's full name")
    p.add_argument("--organisation", help="a new person's organisation")
    p.add_argument("--gender", choices=GENDERS,
                   help="a new person's grammatical gender (default: guessed from --name)")
    p.set_defaults(handler=cmd_member_add)
    p = msub.add_parser("update", help="change a member's role, dates, name, e-mail")
    _workspace_arg(p)
    p.add_argument("person", metavar="PERSON", help=who)
    p.add_argument("--group", metavar="CODE", help="the group (needed if in several)")
    p.add_argument("--role", choices=ROLES)
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--name")
    p.add_argument("--email")
    p.add_argument("--organisation")
    p.add_argument("--gender", choices=GENDERS,
                   help="grammatical gender, for role words (pirmininkė, pirmininkas)")
    p.set_defaults(handler=cmd_member_update)
    p = msub.add_parser("end", help="end a membership (the person, their remarks and past"
                        " attendance stay)")
    _workspace_arg(p)
    p.add_argument("person", metavar="PERSON", help=who)
    p.add_argument("--group", metavar="CODE", help="the group (needed if in several)")
    p.add_argument("--on", metavar="DATE", help="the last day of membership (default today)")
    p.add_argument("--mistake", action="store_true",
                   help="the membership was added by mistake: remove it altogether")
    p.set_defaults(handler=cmd_member_end)

    meeting = sub.add_parser("meeting", help="list, add and change meetings")
    esub = meeting.add_subparsers(dest="meeting_command", metavar="ACTION", required=True)
    p = esub.add_parser("list", help="meetings, latest first, with attendance")
    _workspace_arg(p)
    p.add_argument("--group", metavar="CODE")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_meeting_list)
    for action in ("add", "update"):
        p = esub.add_parser(action, help="a new meeting; prints its id" if action == "add"
                            else "change a meeting and its attendance")
        _workspace_arg(p)
        if action == "add":
            p.add_argument("--group", required=True, metavar="CODE")
            p.add_argument("--date", required=True, metavar="DATE")
            p.set_defaults(handler=cmd_meeting_add)
        else:
            p.add_argument("meeting_id", metavar="MEETING_ID")
            p.add_argument("--date", metavar="DATE")
            p.set_defaults(handler=cmd_meeting_update)
        for name in ("place", "agenda", "minutes", "decisions"):
            p.add_argument(f"--{name}")
        p.add_argument("--present", action="append", metavar="PERSON",
                       help="was there; repeat for several")
        p.add_argument("--absent", action="append", metavar="PERSON",
                       help="was not there; repeat for several")
    p = esub.add_parser("remove", help="a meeting added by mistake: no longer listed")
    _workspace_arg(p)
    p.add_argument("meeting_id", metavar="MEETING_ID")
    p.set_defaults(handler=cmd_meeting_remove)

    roster = sub.add_parser("roster", help="import a member list from XLSX or CSV")
    rsub = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    p = rsub.add_parser("import", help="preview, then import a roster in one step")
    _workspace_arg(p)
    p.add_argument("file", type=Path, metavar="FILE", help="FILE.xlsx or FILE.csv")
    p.add_argument("--group", required=True, metavar="CODE")
    p.add_argument("--dry-run", action="store_true", help="print the preview; change nothing")
    p.set_defaults(handler=cmd_roster_import)
