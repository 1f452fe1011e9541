"""The Sync page: preview and import, trust a new signer, export, resolve a conflict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kplan_desktop.core.model import Role
from kplan_desktop.store import actions, queries
from kplan_desktop.sync import bundle as bundle_io
from kplan_desktop.sync.identity import join_plan
from kplan_desktop.sync.keys import KeyStore
from kplan_desktop.ui.operations import Operations
from kplan_desktop.ui.sync_page import Preview, SyncPage
from tests.unit.sync_support import Copy, Plan, new_plan


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return new_plan(tmp_path)


@pytest.fixture
def page(qtbot: QtBot, plan: Plan) -> Iterator[SyncPage]:
    ops = Operations(None)
    widget = SyncPage(plan.secretary.ws.path, ops)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    ops.wait()


def test_a_bundle_is_previewed_then_imported(qtbot: QtBot, plan: Plan, page: SyncPage) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    actions.add_remark(ona.ws, section_id=plan.section_id, remark_type="general",
                       text="Pastaba per sinchronizavimo puslapį")
    bundle = ona.export(plan.folder / "ona.kplanbundle")
    shown: list[Preview] = []
    page.confirm_import = lambda previews: shown.extend(previews) or True
    page.import_files([bundle])
    qtbot.waitUntil(lambda: any(r["file"] == "ona.kplanbundle"
                                for r in page.history_model.rows), timeout=10_000)
    assert shown[0].report.by_entity == {"remark": 1}
    assert shown[0].report.signer_name == "Ona Petraitienė"
    assert queries.count_remarks(plan.secretary.ws) == 1
    assert "1 changes applied" in page.status.text()


def test_declining_the_preview_imports_nothing(qtbot: QtBot, plan: Plan, page: SyncPage) -> None:
    ona = plan.join("Ona Petraitienė", "ona@example.lt")
    actions.add_remark(ona.ws, section_id=plan.section_id, remark_type="general", text="Ne")
    bundle = ona.export(plan.folder / "ona.kplanbundle")
    page.confirm_import = lambda previews: False
    page.import_files([bundle])
    qtbot.waitUntil(lambda: page.status.text() == "Nothing was imported.", timeout=10_000)
    assert queries.count_remarks(plan.secretary.ws) == 0


def test_an_unknown_signer_is_trusted_after_the_fingerprint_is_confirmed(
    qtbot: QtBot, plan: Plan, page: SyncPage
) -> None:
    full = plan.secretary.export(plan.folder / "full.kplanbundle", full=True)
    ws, _ = join_plan(plan.folder / "naujas.kplan", full, full_name="Naujas Narys",
                      email="naujas@example.lt", keystore=KeyStore())
    newcomer = Copy(ws, "Naujas")
    bundle = newcomer.export(plan.folder / "naujas.kplanbundle", full=True)
    asked: list[tuple[str, str]] = []
    page.confirm_trust = lambda who, fp: asked.append((who, fp)) or True
    page.confirm_import = lambda previews: True
    page.import_files([bundle])
    qtbot.waitUntil(lambda: any(r["name"] == "Naujas Narys" for r in page.keys_model.rows),
                    timeout=10_000)
    assert asked == [("Naujas Narys", newcomer.fingerprint)]
    key = next(r for r in page.keys_model.rows if r["name"] == "Naujas Narys")
    assert key["trust"] == "trusted"


def test_export_writes_a_valid_bundle(qtbot: QtBot, plan: Plan, page: SyncPage) -> None:
    target = plan.folder / "shared" / "sekretore.kplanbundle"
    target.parent.mkdir()
    page.export_to(target, full=True)
    qtbot.waitUntil(target.exists, timeout=10_000)
    parsed = bundle_io.read_file(target)
    assert parsed.signer_fingerprint == plan.secretary.fingerprint
    qtbot.waitUntil(lambda: "Wrote" in page.status.text(), timeout=10_000)


def test_a_section_conflict_is_resolved_with_the_merged_text(
    qtbot: QtBot, plan: Plan, page: SyncPage
) -> None:
    chair = plan.join("Jonas Jonaitis", "jonas@example.lt", role=Role.CHAIR)
    sec = plan.secretary
    base = "Pirma eilutė.\nAntra eilutė.\nTrečia eilutė.\n"
    actions.revise_section(sec.ws, plan.section_id, title="Tikslas",
                           body=base.replace("Pirma", "PIRMA"))
    actions.revise_section(chair.ws, plan.section_id, title="Tikslas",
                           body=base.replace("Trečia", "TREČIA"))
    sec.import_(chair.export(plan.folder / "chair.kplanbundle"))
    page.refresh()
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 1, timeout=10_000)
    page.conflicts_view.setCurrentIndex(page.conflicts_model.index(0, 0))
    assert page.base_text.toPlainText() == base
    merged = "PIRMA eilutė.\nAntra eilutė.\nTREČIA eilutė.\n"
    assert page.merged_text.toPlainText() == merged
    assert page.save_merged_button.isEnabled()
    page.save_merged_button.click()
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 0, timeout=10_000)
    section = queries.section(sec.ws, plan.section_id)
    assert section is not None and section["body"] == merged
