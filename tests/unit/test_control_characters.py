"""Characters no document can hold (C0 controls, pasted from anywhere) never reach one."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from kplan_desktop.core.ids import uuid7
from kplan_desktop.documents.draft_export import export_draft
from kplan_desktop.documents.report import export_report
from kplan_desktop.store import actions, queries
from tests.unit.sync_support import ForgedFeed, feed_state, forge, new_plan, next_event


def test_pasted_control_characters_are_stored_as_text_and_exported(tmp_path: Path) -> None:
    plan = new_plan(tmp_path)
    ws = plan.secretary.ws
    actions.revise_section(ws, plan.section_id, title="Tikslas\x01",
                           body="Pirma\x0beilutė.\x1b[31m Antra.")
    remark = actions.add_remark(ws, section_id=plan.section_id, remark_type="general",
                                text="Pastaba\x00 su\x0c valdymo ženklais\x07.")
    row = queries.remark(ws, remark)
    assert row is not None and row["text"] == "Pastaba su\n valdymo ženklais."
    assert queries.section(ws, plan.section_id)["body"] == "Pirma\neilutė.[31m Antra."
    export_draft(ws, tmp_path / "draft.docx")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "draft.docx")).paragraphs)
    assert "Pirma" in text and "Antra" in text
    export_report(ws, tmp_path / "report.pdf", "pdf")
    export_report(ws, tmp_path / "report.docx", "docx")
    pdf = "".join(page.extract_text() for page in PdfReader(tmp_path / "report.pdf").pages)
    assert "valdymo" in pdf


@pytest.mark.parametrize(
    "text", ["Blogas\x1b ženklas", "Ne\uffffsimbolis", "Ne\ufffesimbolis", "\x00"])
def test_an_imported_text_with_control_characters_is_refused(tmp_path: Path, text: str) -> None:
    plan = new_plan(tmp_path)
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    revision = ona.ws.conn.execute(
        "SELECT head_revision_id FROM section WHERE id = ?", (plan.section_id,)).fetchone()[0]
    person = ona.ws.identity.person_id
    event = next_event(ona.ws, entity="remark", entity_id=uuid7(), fields={
        "section_id": plan.section_id, "revision_id": revision, "quote": "", "quote_start": None,
        "quote_end": None, "author_id": person, "group_id": plan.group_id, "round_id": None,
        "type": "general", "text": text, "proposed": "", "justification": "",
        "created_at": "2026-01-01T00:00:00+00:00", "status": "new", "response": "",
        "responded_by": None, "responded_at": None})
    device, *_ = feed_state(ona.ws)
    report = plan.secretary.import_(forge(
        tmp_path / "ctl.kplanbundle", plan_id=ona.ws.identity.plan_id, exporter=ona.key,
        exporter_device=device, exporter_person=person,
        feeds=[ForgedFeed(ona.key, device, person, [event])]))
    assert report.refused == {"malformed changes": 1}
