"""A group's attendance sheet for a year: its members by its meetings, present or not,
with totals (lankomumo žiniaraštis), for the window and as XLSX for the municipality.

The members are those whose membership overlapped the year (an ended membership
keeps its row: the person's past attendance is part of the record) and anyone
marked at one of the year's meetings. A cell is True (present), False (absent) or
None (not recorded, or not a member on that day).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.collation import lithuanian_key
from ..core.errors import InvalidInput, NotFound
from ..store.workspace import Workspace
from .files import atomic_output
from .labels import Labels

#: Years a sheet may be asked for: far around any plan's life, and a bound on input.
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass(frozen=True)
class SheetMeeting:
    id: str
    date: str
    place: str


@dataclass(frozen=True)
class SheetMember:
    person_id: str
    full_name: str
    #: The role held in the year (the latest membership's), "" for someone marked only.
    role: str
    #: female, male or unspecified: the role's word agrees with it.
    gender: str = "unspecified"


@dataclass(frozen=True)
class AttendanceSheet:
    group_id: str
    group_code: str
    group_name: str
    year: int
    meetings: tuple[SheetMeeting, ...]
    members: tuple[SheetMember, ...]
    #: (person_id, meeting_id) -> present; a pair not here was not recorded.
    marks: dict[tuple[str, str], bool]

    def mark(self, person_id: str, meeting_id: str) -> bool | None:
        return self.marks.get((person_id, meeting_id))

    def member_total(self, person_id: str) -> int:
        """How many of the year's meetings the person attended."""
        return sum(1 for m in self.meetings if self.marks.get((person_id, m.id)))

    def meeting_total(self, meeting_id: str) -> int:
        """How many of the sheet's people were present at the meeting."""
        return sum(1 for p in self.members if self.marks.get((p.person_id, meeting_id)))

    @property
    def total(self) -> int:
        """Every attendance of the year: the sum of either totals."""
        return sum(1 for present in self.marks.values() if present)


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput("{year} is not a year of the plan; give one from {first} to {last}.",
                           year=year, first=FIRST_YEAR, last=LAST_YEAR)
    return year


def build_attendance(ws: Workspace, group_id: str, year: int) -> AttendanceSheet:
    """Read the group's meetings of ``year`` and who was at each (nothing is written)."""
    check_year(year)
    group = ws.conn.execute("SELECT code, name FROM work_group WHERE id = ?",
                            (group_id,)).fetchone()
    if group is None:
        raise NotFound("There is no such group in this plan.")
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    meetings = tuple(SheetMeeting(str(i), str(d), str(p)) for i, d, p in ws.conn.execute(
        "SELECT id, date, place FROM meeting WHERE group_id = ? AND deleted = 0"
        " AND date >= ? AND date <= ? ORDER BY date, id", (group_id, first, last)))
    meeting_ids = [m.id for m in meetings]
    marks: dict[tuple[str, str], bool] = {}
    for meeting_id in meeting_ids:
        for person_id, present in ws.conn.execute(
                "SELECT person_id, present FROM attendance WHERE meeting_id = ?"
                " AND present >= 0",
                (meeting_id,)):
            marks[(str(person_id), meeting_id)] = bool(present)
    roles: dict[str, str] = {}
    names: dict[str, str] = {}
    genders = {str(i): str(g) for i, g in ws.conn.execute("SELECT id, gender FROM person")}
    for person_id, name, role in ws.conn.execute(
            "SELECT m.person_id, p.full_name, m.role FROM membership m"
            " JOIN person p ON p.id = m.person_id"
            " WHERE m.group_id = ? AND m.deleted = 0 AND (m.since = '' OR m.since <= ?)"
            " AND (m.until = '' OR m.until >= ?) ORDER BY m.since, m.id",
            (group_id, last, first)):
        roles[str(person_id)] = str(role)  # the latest membership of the year wins
        names[str(person_id)] = str(name)
    marked = {p for p, _ in marks} - set(names)
    for person_id in sorted(marked):
        row = ws.conn.execute("SELECT full_name FROM person WHERE id = ?",
                              (person_id,)).fetchone()
        names[person_id] = str(row[0]) if row else person_id
        roles[person_id] = ""
    members = tuple(sorted(
        (SheetMember(pid, names[pid], roles[pid], genders.get(pid) or "unspecified")
         for pid in names),
        key=lambda m: (lithuanian_key(m.full_name), m.person_id)))
    return AttendanceSheet(group_id, str(group[0]), str(group[1]), year, meetings, members,
                           marks)


def sheet_rows(sheet: AttendanceSheet, labels: Labels) -> list[list[str | int]]:
    """The sheet as a table: a header row, a row per member, the totals row."""
    header: list[str | int] = [labels["a_member"], labels["a_role"]]
    header += [m.date for m in sheet.meetings] + [labels["a_member_total"]]
    rows: list[list[str | int]] = [header]
    for person in sheet.members:
        cells: list[str | int] = [person.full_name,
                                  labels.role(person.role, person.gender) if person.role
                                  else ""]
        for meeting in sheet.meetings:
            mark = sheet.mark(person.person_id, meeting.id)
            cells.append("" if mark is None else labels["a_present" if mark else "a_absent"])
        cells.append(sheet.member_total(person.person_id))
        rows.append(cells)
    totals: list[str | int] = [labels["a_meeting_total"], ""]
    totals += [sheet.meeting_total(m.id) for m in sheet.meetings] + [sheet.total]
    rows.append(totals)
    return rows


def write_attendance_xlsx(sheet: AttendanceSheet, path: Path, lang: str = "lt") -> None:
    """The sheet as an XLSX workbook, written to a temporary name and renamed into place:
    a title and legend above, the header row and the names column frozen, totals bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    labels = Labels(lang)
    book = Workbook()
    page = book.active
    assert page is not None  # a new workbook has its one sheet
    page.title = str(sheet.year)
    title = f"{labels['a_title']}, {sheet.year}"
    # Short lines above the table: a long one would be cut at the table's printed edge.
    page.append([title])
    page["A1"].font = Font(bold=True, size=13)
    page.append([f"{sheet.group_name} ({sheet.group_code})"])
    page["A2"].font = Font(bold=True)
    page.append([labels["a_no_meetings"] if not sheet.meetings else labels["a_legend"]])
    page.append([])
    first_row = 5
    rows = sheet_rows(sheet, labels)
    for row in rows:
        page.append(row)
    last_row = first_row + len(rows) - 1
    bold = Font(bold=True)
    shade = PatternFill("solid", start_color="E5E7EB")
    line = Side(style="thin", color="9CA3AF")
    width = len(rows[0])
    for column in range(1, width + 1):
        for row_number in (first_row, last_row):
            cell = page.cell(row=row_number, column=column)
            cell.font = bold
            cell.fill = shade
            cell.border = Border(top=line, bottom=line)
        if column > 2:
            for row_number in range(first_row, last_row + 1):
                page.cell(row=row_number, column=column).alignment = Alignment(
                    horizontal="center")
    for row_number in range(first_row, last_row + 1):
        page.cell(row=row_number, column=width).font = bold
    # The header and the names stay in view however far the municipality scrolls.
    page.freeze_panes = page.cell(row=first_row + 1, column=3)
    page.column_dimensions["A"].width = max(
        [len(str(r[0])) for r in rows] + [12]) + 2
    page.column_dimensions["B"].width = max([len(str(r[1])) for r in rows] + [8]) + 2
    for column in range(3, width + 1):
        page.column_dimensions[get_column_letter(column)].width = max(
            len(str(rows[0][column - 1])), 10) + 2
    page.print_title_rows = f"{first_row}:{first_row}"
    # Printed for the municipality: across the page, every column on it.
    page.page_setup.orientation = "landscape"
    page.page_setup.paperSize = page.PAPERSIZE_A4
    page.page_setup.fitToWidth = 1
    page.page_setup.fitToHeight = 0
    page.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = f"{title}: {sheet.group_name} ({sheet.group_code})"
    book.properties.language = labels.tag
    with atomic_output(Path(path)) as tmp:
        book.save(tmp)


def export_attendance(ws: Workspace, group_id: str, year: int, path: Path,
                      lang: str = "lt") -> AttendanceSheet:
    """Build the sheet and write it as XLSX to ``path`` atomically."""
    Labels(lang)  # an unknown language is refused before anything is read
    sheet = build_attendance(ws, group_id, year)
    write_attendance_xlsx(sheet, path, lang)
    return sheet
