"""A group's member list from a spreadsheet (XLSX or CSV), and what importing it would change.

Secretaries receive rosters as Excel files, or as CSV saved by Excel on a Lithuanian PC
(Windows code page 1257, ";" between cells). :func:`read_roster` reads either into rows;
:func:`preview_roster` compares them with the group as it stands: each row new, changed,
unchanged, or with a problem (an empty name, an unknown role, an e-mail on two rows). The
store applies the result in one transaction (``store.record_actions.apply_roster``), so the
command line and the window show the same preview and make the same change.

The file is from outside: it is read only if it is a regular file under a size cap, an
XLSX is read as a stream under caps on the bytes it really unpacks to (documents.ooxml_read),
and rows and cells are capped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import KPlanError
from ..core.files import read_regular_file
from ..core.model import Role
from ..store.record_actions import RosterChange
from ..store.workspace import Workspace
from .ooxml_read import (
    NotAPackage,
    OfficePackage,
    PackageError,
    shared_strings,
    xlsx_rows,
    xlsx_sheets,
)

#: Caps on what a roster may hold: far above any real group, far below harm. A real roster
#: of a group of 60 is about 10 kB (XLSX or CSV); one of 5,000 rows about 400 kB.
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Real bytes an XLSX unpacks to (5,000 rows of six cells are about 3 MB of XML).
MAX_UNPACKED_BYTES = 32 * 1024 * 1024
#: Starts and ends of rows, cells and pieces of text read (about 20 a person).
MAX_PIECES = 2_000_000
#: Characters of text kept from the cells (5,000 rows of six 500-character cells: 15 million).
MAX_TEXT = 16_000_000
MAX_ROWS = 5000
MAX_COLUMNS = 50
MAX_CELL = 500
#: How far down the header row may stand (a title above the table is common).
HEADER_SEARCH_ROWS = 10
#: A line of a CSV roster (a person's row is under 300 characters).
MAX_LINE_CHARS = 64 * 1024
_LONG_LINE = re.compile(rf"[^\r\n]{{{MAX_LINE_CHARS + 1}}}")


class RosterError(KPlanError):
    """A roster file that is not read, and why (one sentence)."""


def _fold(text: str) -> str:
    """Lower case, no diacritics, words only: "El. paštas" and "el pastas" are one header."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


#: Column headers, folded, in Lithuanian and English.
_HEADERS: dict[str, frozenset[str]] = {
    "name": frozenset({"vardas pavarde", "vardas ir pavarde", "pavarde vardas", "name",
                       "full name", "name surname", "narys", "nario vardas pavarde"}),
    "first": frozenset({"vardas", "first name", "given name"}),
    "last": frozenset({"pavarde", "last name", "surname", "family name"}),
    "email": frozenset({"el pastas", "el p", "elektroninis pastas", "e pastas", "e mail",
                        "email", "el pasto adresas", "e mail address", "email address"}),
    "organisation": frozenset({"organizacija", "institucija", "istaiga", "darboviete",
                               "atstovaujama organizacija", "organisation", "organization",
                               "institution"}),
    "role": frozenset({"pareigos", "vaidmuo", "pareigos grupeje", "vaidmuo grupeje",
                       "role", "role in the group"}),
}

#: Role words, folded (so a name typed without Lithuanian letters still counts).
ROLE_WORDS: dict[str, Role] = {
    "pirmininkas": Role.CHAIR, "pirmininke": Role.CHAIR, "chair": Role.CHAIR,
    "chairman": Role.CHAIR, "chairwoman": Role.CHAIR, "chairperson": Role.CHAIR,
    "sekretorius": Role.SECRETARY, "sekretore": Role.SECRETARY, "secretary": Role.SECRETARY,
    "ekspertas": Role.EXPERT, "eksperte": Role.EXPERT, "expert": Role.EXPERT,
    "narys": Role.EXPERT, "nare": Role.EXPERT, "member": Role.EXPERT,
    "konsultantas": Role.CONSULTANT, "konsultante": Role.CONSULTANT,
    "consultant": Role.CONSULTANT,
    "stebetojas": Role.OBSERVER, "stebetoja": Role.OBSERVER, "observer": Role.OBSERVER,
}


#: Role words that say the person's gender too (Lithuanian has a word for each): a new
#: person's gender from the roster, else guessed from the name (store.record_actions).
_GENDERED_ROLE_WORDS: dict[str, str] = {
    **dict.fromkeys(("pirmininke", "sekretore", "eksperte", "nare", "konsultante",
                     "stebetoja", "chairwoman"), "female"),
    **dict.fromkeys(("pirmininkas", "sekretorius", "ekspertas", "narys", "konsultantas",
                     "stebetojas", "chairman"), "male"),
}


def gender_of_role(text: str) -> str | None:
    """The gender a role cell's word says ("sekretorė": female), if it says one."""
    found = {_GENDERED_ROLE_WORDS[w] for w in _fold(text).split() if w in _GENDERED_ROLE_WORDS}
    return found.pop() if len(found) == 1 else None


def role_of(text: str) -> Role | None:
    """The role a cell names: its one role word ("Darbo grupės pirmininkė" is the chair);
    None when it names none or two different ones. An empty cell is an expert."""
    words = _fold(text).split()
    if not words:
        return Role.EXPERT
    found = {ROLE_WORDS[w] for w in words if w in ROLE_WORDS}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class RosterRow:
    """One person's row as read: ``line`` is the row's number in the file (1 = first)."""

    line: int
    name: str
    email: str
    organisation: str
    role_text: str
    #: What makes the row unusable on its own (an empty name, a cell over the cap).
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Roster:
    rows: tuple[RosterRow, ...]
    #: The columns found, by meaning: name, email, organisation, role.
    columns: tuple[str, ...]


# --- reading -----------------------------------------------------------------------------------


def read_roster(path: Path) -> Roster:
    """The rows of an XLSX or CSV roster; a file that cannot be one is refused (RosterError)."""
    path = Path(path)
    data = read_regular_file(path, MAX_FILE_BYTES)
    if data.startswith(b"PK\x03\x04"):
        cells = _xlsx_rows(data, path.name)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        raise RosterError("{name} is not an Excel workbook (.xlsx).", name=path.name)
    else:
        cells = _csv_rows(data, path.name)
    return _roster(cells, path.name)


def _xlsx_rows(data: bytes, name: str) -> Iterable[Sequence[Any]]:
    """The first sheet's rows as the spreadsheet numbers them (the empty ones between kept,
    so a row number in the preview is the row the user sees), read as a stream."""
    rows: list[Sequence[Any]] = []
    try:
        with OfficePackage(data, name, MAX_UNPACKED_BYTES, MAX_PIECES,
                           MAX_TEXT) as package:
            sheets, strings_part = xlsx_sheets(package)
            if not sheets:
                raise RosterError("{name} has no sheet.", name=name)
            strings = shared_strings(package, strings_part, MAX_CELL)
            for count, (number, values) in enumerate(xlsx_rows(
                    package, sheets[0].part, strings, max_columns=MAX_COLUMNS,
                    max_cell=MAX_CELL + 1, too_many=lambda: _too_many(name),
                    max_rows=MAX_ROWS + HEADER_SEARCH_ROWS), start=1):
                if count > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise _too_many(name)
                rows += [() for _ in range(number - 1 - len(rows))]
                rows.append(values)
    except NotAPackage:
        raise RosterError("{name} is not an Excel workbook that can be read.",
                          name=name) from None
    except PackageError as exc:
        raise RosterError(exc.template, **exc.args_map) from None
    return rows


def _too_many(name: str) -> RosterError:
    return RosterError("{name} has more than {limit} rows; split it.", name=name,
                       limit=MAX_ROWS)


def decode_csv(data: bytes, name: str) -> str:
    """UTF-8 (with or without its BOM) if the bytes are strictly that, else Windows-1257,
    which Excel writes on a Lithuanian PC. (Valid UTF-8 is almost never cp1257 text that
    happens to decode: Lithuanian letters in cp1257 are single high bytes.)"""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1257")
    except UnicodeDecodeError:
        raise RosterError("{name} is neither UTF-8 nor Windows-1257 (Baltic) text.",
                          name=name) from None


def _delimiter(text: str) -> str:
    """";" (Excel with a comma for decimals, as in Lithuania), "," or a tab: whichever the
    header line holds most of, outside quotes."""
    found = re.search(r"[^\r\n]*\S[^\r\n]*", text)  # not splitlines(): a list of every line
    first = found.group(0) if found else ""
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(data: bytes, name: str) -> Iterable[Sequence[Any]]:
    text = decode_csv(data, name)
    if "\x00" in text:
        raise RosterError("{name} is not a text file.", name=name)
    # One line of millions of separators would be a row of millions of cells.
    if _LONG_LINE.search(text):
        raise RosterError("{name} is not a CSV table that can be read.", name=name)
    rows: list[Sequence[Any]] = []
    try:
        for values in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)):
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise _too_many(name)
            rows.append(values[:MAX_COLUMNS])
    except csv.Error:
        raise RosterError("{name} is not a CSV table that can be read.", name=name) from None
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _header(values: Sequence[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(values):
        folded = _fold(_cell(value))
        for meaning, names in _HEADERS.items():
            if folded in names and meaning not in found:
                found[meaning] = index
    return found


def _roster(cells: Iterable[Sequence[Any]], name: str) -> Roster:
    rows = list(cells)
    found = next(((i, c) for i, c in ((i, _header(v)) for i, v in
                                      enumerate(rows[:HEADER_SEARCH_ROWS]))
                  if "name" in c or {"first", "last"} <= c.keys()), None)
    if found is None:
        raise RosterError(
            "{name} has no header row naming the columns (Vardas Pavardė or Name, El. paštas"
            " or E-mail, Organizacija, Pareigos or Role); it was not read.", name=name)
    start, columns = found
    read: list[RosterRow] = []
    for offset, values in enumerate(rows[start + 1:], start=start + 2):
        def get(meaning: str, values: Sequence[Any] = values) -> str:
            index = columns.get(meaning)
            return _cell(values[index]) if index is not None and index < len(values) else ""

        full = get("name") or " ".join(p for p in (get("first"), get("last")) if p)
        fields = [full, get("email"), get("organisation"), get("role")]
        if not any(fields):
            continue  # an empty line between blocks, or the sheet's formatted tail
        problems: list[str] = []
        if any(len(f) > MAX_CELL for f in fields):
            problems.append(f"a cell longer than {MAX_CELL} characters")
            fields = [f[:MAX_CELL] for f in fields]
        if not fields[0]:
            problems.append("the name is empty")
        read.append(RosterRow(offset, fields[0], fields[1], fields[2], fields[3],
                              problems=tuple(problems)))
    meanings = tuple(m for m in ("name", "email", "organisation", "role")
                     if m in columns or (m == "name" and "first" in columns))
    return Roster(tuple(read), meanings)


# --- the preview -------------------------------------------------------------------------------

NEW, CHANGED, UNCHANGED, PROBLEM = "new", "changed", "unchanged", "problem"


@dataclass(frozen=True)
class RowOutcome:
    """What importing one row would do: ``kind`` is new, changed, unchanged or problem."""

    row: RosterRow
    kind: str
    role: Role | None
    #: For new and changed rows: what is set, as "role: expert → chair" and the like.
    details: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    change: RosterChange | None = None


@dataclass(frozen=True)
class RosterPreview:
    group_id: str
    outcomes: tuple[RowOutcome, ...]
    #: Current members of the group the file does not name (kept as they are).
    not_in_file: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def changes(self) -> list[RosterChange]:
        return [o.change for o in self.outcomes if o.change is not None]


def _valid_email(text: str) -> bool:
    return bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text))


def preview_roster(ws: Workspace, group_id: str, roster: Roster, today: str) -> RosterPreview:
    """Each row against the group as it stands; nothing is written."""
    emails = Counter(r.email.casefold() for r in roster.rows if r.email)
    lines_of: dict[str, list[int]] = {}
    for r in roster.rows:
        if r.email:
            lines_of.setdefault(r.email.casefold(), []).append(r.line)
    people = {str(e).casefold(): (str(i), str(n), str(o)) for i, e, n, o in ws.conn.execute(
        "SELECT id, email, full_name, organisation FROM person WHERE email != ''")}
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for pid, n, e, o in ws.conn.execute(
            "SELECT id, full_name, email, organisation FROM person"):
        by_name.setdefault(_fold(str(n)), []).append((str(pid), str(e), str(o)))
    current = {str(p): (str(m), str(role)) for m, p, role in ws.conn.execute(
        "SELECT id, person_id, role FROM membership WHERE group_id = ? AND deleted = 0"
        " AND (until = '' OR until >= ?)", (group_id, today))}
    named: set[str] = set()
    outcomes: list[RowOutcome] = []
    for row in roster.rows:
        problems = list(row.problems)
        role = role_of(row.role_text)
        if role is None:
            problems.append(f"unknown role “{row.role_text}”")
        if row.email and not _valid_email(row.email):
            problems.append(f"“{row.email}” is not an e-mail address")
        if row.email and emails[row.email.casefold()] > 1:
            others = [n for n in lines_of[row.email.casefold()] if n != row.line]
            problems.append("the e-mail is also on row " + ", ".join(map(str, others)))
        known: tuple[str, str, str] | None = None
        if row.email and row.email.casefold() in people:
            pid, n, o = people[row.email.casefold()]
            known = (pid, n, o)
        elif not row.email:
            # No e-mail: the one person of that name, if there is exactly one.
            same = by_name.get(_fold(row.name), [])
            if len(same) == 1:
                known = (same[0][0], row.name, same[0][2])
        if known is not None and known[0] in named:
            problems.append("the same person is on another row")
        if problems or role is None:
            outcomes.append(RowOutcome(row, PROBLEM, role, problems=tuple(problems)))
            continue
        if known is None:
            person = {"full_name": row.name, "email": row.email,
                      "organisation": row.organisation}
            if (gender := gender_of_role(row.role_text)) is not None:
                person["gender"] = gender
            outcomes.append(RowOutcome(
                row, NEW, role, details=(f"new person, {role.value}",),
                change=RosterChange(None, None, person, {"role": role.value})))
            continue
        person_id, old_name, old_org = known
        named.add(person_id)
        # An empty cell changes nothing: a roster often leaves out what it does not know.
        person_changes: dict[str, str] = {}
        details: list[str] = []
        if row.name and row.name != old_name:
            person_changes["full_name"] = row.name
            details.append(f"name: {old_name} → {row.name}")
        if row.organisation and row.organisation != old_org:
            person_changes["organisation"] = row.organisation
            details.append(f"organisation: {old_org or '—'} → {row.organisation}")
        membership = current.get(person_id)
        if membership is None:
            details.insert(0, f"joins the group as {role.value}")
            outcomes.append(RowOutcome(
                row, NEW, role, details=tuple(details),
                change=RosterChange(person_id, None, person_changes, {"role": role.value})))
            continue
        membership_id, old_role = membership
        m_changes: dict[str, str] = {}
        if row.role_text and role.value != old_role:
            m_changes["role"] = role.value
            details.insert(0, f"role: {old_role} → {role.value}")
        if not details:
            outcomes.append(RowOutcome(row, UNCHANGED, role))
            continue
        outcomes.append(RowOutcome(
            row, CHANGED, role, details=tuple(details),
            change=RosterChange(person_id, membership_id, person_changes, m_changes)))
    missing = [str(n) for pid, n in ws.conn.execute(
        "SELECT p.id, p.full_name FROM membership m JOIN person p ON p.id = m.person_id"
        " WHERE m.group_id = ? AND m.deleted = 0 AND (m.until = '' OR m.until >= ?)"
        " ORDER BY p.full_name", (group_id, today)) if str(pid) not in named]
    counts = Counter(o.kind for o in outcomes)
    return RosterPreview(group_id, tuple(outcomes), tuple(missing),
                         {k: counts.get(k, 0) for k in (NEW, CHANGED, UNCHANGED, PROBLEM)})


def preview_lines(preview: RosterPreview) -> list[str]:
    """The preview as lines of text, one per row, then the counts (command line, tests)."""
    lines: list[str] = []
    for o in preview.outcomes:
        who = o.row.name or "(no name)"
        if o.row.email:
            who += f" <{o.row.email}>"
        said = "; ".join(o.problems if o.kind == PROBLEM else o.details)
        lines.append(f"row {o.row.line:<4} {o.kind:<9} {who}" + (f": {said}" if said else ""))
    if preview.not_in_file:
        lines.append("not in the file (kept as members): " + ", ".join(preview.not_in_file))
    c = preview.counts
    lines.append(f"{c[NEW]} new, {c[CHANGED]} changed, {c[UNCHANGED]} unchanged,"
                 f" {c[PROBLEM]} with problems (not imported)")
    return lines
