"""A meeting's minutes (posėdžio protokolas) as DOCX and PDF, read back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from kplan_desktop.core.errors import NotFound
from kplan_desktop.core.model import Role, SectionKind
from kplan_desktop.documents.minutes import build_minutes, export_minutes
from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace
from tests.helpers import make_plan

DAY = "2024-03-15"
ANSWERED_AT = f"{DAY}T12:00:00+02:00"
GROUP_NAME = "Kultūros ir bendruomenių darbo grupė"


@dataclass
class MeetingPlan:
    ws: Workspace
    meeting_id: str
    people: dict[str, str] = field(default_factory=dict)
    remarks: dict[str, str] = field(default_factory=dict)


def build_meeting_plan(path: Path) -> MeetingPlan:
    ws = make_plan(path, title="Kauno miesto strateginis plėtros planas iki 2030 m.")
    group = actions.add_group(ws, code="KUL", name=GROUP_NAME)
    people = {}
    for name, role, since, until in (
        ("Ąžuolė Černiauskienė", Role.CHAIR, "2024-01-01", ""),
        ("Šarūnas Žilinskas", Role.SECRETARY, "2024-01-01", ""),
        ("Jonas Petraitis", Role.EXPERT, "2024-01-01", ""),
        ("Eglė Vaitkutė", Role.EXPERT, "2024-01-01", ""),
        ("Rūta Jankauskaitė", Role.EXPERT, "2024-02-01", ""),
        ("Buvęs Narys", Role.EXPERT, "2023-01-01", "2023-12-31"),
    ):
        people[name] = actions.add_person(ws, full_name=name)
        actions.add_membership(ws, group_id=group, person_id=people[name], role=role,
                               since=since, until=until)
    section = actions.add_section(ws, parent_id=None, kind=SectionKind.PRIORITY, code="3",
                                  title="Kūrybiškas miestas", body="Kultūra – visiems.",
                                  responsible_group_id=group)
    child = actions.add_section(ws, parent_id=section, kind=SectionKind.GOAL, code="3.1",
                                title="Stiprinti bendruomenes", body="Bendruomenių namai.")
    expert = ws.actor(people["Jonas Petraitis"])
    remarks = {
        key: actions.add_remark(ws, section_id=sid, remark_type="general", text=text,
                                actor=expert, created_at="2024-03-01T10:00:00+00:00")
        for key, sid, text in (
            ("one", section, "Trūksta „Kultūros naktis“ renginio ąčęėįšųūž."),
            ("two", child, "Siūloma įtraukti seniūnijas."),
            ("other_day", child, "Pastaba, atsakyta kitą dieną."),
            ("unanswered", child, "Neatsakyta pastaba."),
        )
    }
    secretary = ws.actor(people["Šarūnas Žilinskas"])
    actions.answer_remarks(ws, [remarks["one"]], "accepted", "Atsižvelgta: renginys įrašytas.",
                           actor=secretary, responded_at=ANSWERED_AT)
    actions.answer_remarks(ws, [remarks["two"]], "rejected",
                           "Neatsižvelgta: seniūnijos jau numatytos 3.2 dalyje.",
                           actor=ws.actor(people["Ąžuolė Černiauskienė"]),
                           responded_at=f"{DAY}T09:30:00+02:00")
    actions.answer_remarks(ws, [remarks["other_day"]], "noted", "Kitos dienos atsakymas.",
                           actor=secretary, responded_at="2024-03-20T12:00:00+02:00")
    meeting = actions.add_meeting(
        ws, group_id=group, date=DAY, place="Rotušės a. 1, Kaunas",
        agenda="1. Pastabų svarstymas.\n2. Kiti klausimai.",
        minutes="Aptartos pastabos dėl kultūros prioriteto.",
        decisions="Pritarti patikslintam 3 prioriteto tekstui.",
        present=[people[n] for n in ("Ąžuolė Černiauskienė", "Šarūnas Žilinskas",
                                     "Jonas Petraitis")],
        absent=[people["Eglė Vaitkutė"]],
    )
    return MeetingPlan(ws, meeting, people, remarks)


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[MeetingPlan]:
    built = build_meeting_plan(tmp_path / "planas.kplan")
    yield built
    built.ws.close()


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_the_model_reads_members_attendance_and_answers_of_the_day(plan: MeetingPlan) -> None:
    minutes = build_minutes(plan.ws, plan.meeting_id, "lt")
    block = dict(minutes.title_block)
    assert block["Darbo grupė"] == f"{GROUP_NAME} (KUL)"
    assert block["Posėdžio data"] == DAY
    # The role words agree with each person (their gender guessed from the name).
    assert block["Darbo grupės pirmininkė"] == "Ąžuolė Černiauskienė"
    assert block["Darbo grupės sekretorius"] == "Šarūnas Žilinskas"
    assert minutes.present == ["Ąžuolė Černiauskienė (pirmininkė)", "Jonas Petraitis (ekspertas)",
                               "Šarūnas Žilinskas (sekretorius)"]
    assert minutes.absent == ["Eglė Vaitkutė (ekspertė)"]
    assert minutes.not_recorded == ["Rūta Jankauskaitė (ekspertė)"]  # not the former member
    assert minutes.signatures == [("Posėdžio pirmininkė", "Ąžuolė Černiauskienė"),
                                  ("Posėdžio sekretorius", "Šarūnas Žilinskas")]
    assert [(r.section, r.status) for r in minutes.remarks] == [("3", "atsižvelgta"),
                                                                 ("3.1", "neatsižvelgta")]
    assert minutes.metadata.language == "lt-LT"
    assert minutes.metadata.author == "Šarūnas Žilinskas"


def test_a_person_of_unspecified_gender_is_named_without_a_gendered_word(
    plan: MeetingPlan, tmp_path: Path,
) -> None:
    actions.update_person(plan.ws, plan.people["Ąžuolė Černiauskienė"], {"gender": "unspecified"})
    actions.update_person(plan.ws, plan.people["Jonas Petraitis"], {"gender": "female"})
    minutes = build_minutes(plan.ws, plan.meeting_id, "lt")
    block = dict(minutes.title_block)
    assert block["Darbo grupės pirmininko pareigas eina"] == "Ąžuolė Černiauskienė"
    assert minutes.present[:2] == ["Ąžuolė Černiauskienė (pirmininkas (-ė))",
                                   "Jonas Petraitis (ekspertė)"]  # as the record says
    assert minutes.signatures[0] == ("Posėdžio pirmininko pareigas ėjo", "Ąžuolė Černiauskienė")
    english = build_minutes(plan.ws, plan.meeting_id, "en")
    assert dict(english.title_block)["Chair of the working group"] == "Ąžuolė Černiauskienė"
    assert english.present[0] == "Ąžuolė Černiauskienė (chair)"
    out = tmp_path / "protokolas.docx"
    export_minutes(plan.ws, plan.meeting_id, out, "docx", "lt")
    text = _docx_text(out)
    assert "Posėdžio pirmininko pareigas ėjo" in text and "Jonas Petraitis (ekspertė)" in text


@pytest.mark.parametrize("lang", ["lt", "en"])
def test_docx_and_pdf_hold_the_same_content(plan: MeetingPlan, tmp_path: Path,
                                            lang: str) -> None:
    docx_out = tmp_path / f"protokolas-{lang}.docx"
    pdf_out = tmp_path / f"protokolas-{lang}.pdf"
    export_minutes(plan.ws, plan.meeting_id, docx_out, "docx", lang)
    export_minutes(plan.ws, plan.meeting_id, pdf_out, "pdf", lang)
    decided = "Nutarta:" if lang == "lt" else "Decided:"
    page = "1 psl. iš 1" if lang == "lt" else "Page 1 of 1"
    for text in (_docx_text(docx_out), _pdf_text(pdf_out)):
        assert GROUP_NAME in text
        for name in ("Ąžuolė Černiauskienė", "Šarūnas Žilinskas", "Jonas Petraitis",
                     "Eglė Vaitkutė", "Rūta Jankauskaitė"):
            assert name in text
        assert "Buvęs Narys" not in text
        assert decided in text and "Pritarti patikslintam 3 prioriteto tekstui." in text
        assert "Atsižvelgta: renginys įrašytas." in text
        assert "Neatsižvelgta: seniūnijos jau numatytos 3.2 dalyje." in text
        assert "ąčęėįšųūž" in text
        assert "Kitos dienos atsakymas." not in text and "Neatsakyta pastaba." not in text
        assert "Rotušės a. 1, Kaunas" in text
    pdf_text = _pdf_text(pdf_out)
    assert page in pdf_text
    reader = PdfReader(pdf_out)
    assert reader.metadata is not None and GROUP_NAME in str(reader.metadata.title)
    assert reader.metadata.author == "Šarūnas Žilinskas"
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert round(width) == 595 and round(height) == 842  # A4 portrait
    resources: list[Any] = [p["/Resources"] for p in reader.pages]
    fonts = {str(f["/BaseFont"]) for r in resources for f in r["/Font"].values()}
    assert all("Liberation" in f for f in fonts), fonts
    props = docx.Document(str(docx_out)).core_properties
    assert GROUP_NAME in props.title and props.language == ("lt-LT" if lang == "lt" else "en-GB")
    section = docx.Document(str(docx_out)).sections[0]
    assert int(section.page_width or 0) < int(section.page_height or 0)


def test_an_unknown_meeting_is_refused_and_nothing_written(plan: MeetingPlan,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "nėra.pdf"
    with pytest.raises(NotFound, match=r"There is no meeting nėra in this plan\."):
        export_minutes(plan.ws, "nėra", out, "pdf")
    assert list(tmp_path.glob("nėra*")) == [] and list(tmp_path.glob(".*.part")) == []
