"""Convergence: copies that edit apart and swap bundles in any order end in one state.

A hypothesis state machine drives three to five copies of one plan (the
secretary, a chair and experts): remarks, edits, answers, withdrawals, section
revisions, meeting records, bundles exchanged between any two copies, old
bundles imported again. At the end every copy imports every other's full
bundle, and all must hold the same synced rows, every remark exactly once, and
an open conflict exactly for the sections with two heads.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from kplan_desktop.core.errors import KPlanError
from kplan_desktop.core.model import Role
from kplan_desktop.store import actions, events
from kplan_desktop.store import workspace as workspace_module
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync import conflicts
from kplan_desktop.sync.export import export_bundle
from kplan_desktop.sync.importer import import_file
from kplan_desktop.sync.keys import KeyStore
from tests.unit.sync_support import logical_dump, new_plan

ROLES = ("secretary", "chair", "expert", "expert", "expert")


@dataclass
class Template:
    """Five copies made once (slow: keys, joins), cloned per example (fast)."""

    folder: Path
    paths: list[Path]
    keys: list[Ed25519PrivateKey]
    section_ids: list[str]
    group_id: str
    meeting_id: str


_TEMPLATE: dict[str, Template] = {}


def _template() -> Template:
    if "t" in _TEMPLATE:
        return _TEMPLATE["t"]
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="kplan-convergence-",
                                   dir=shm if shm.is_dir() else None))
    plan = new_plan(folder)
    sec = plan.secretary
    second = actions.add_section(
        sec.ws, parent_id=None, kind="goal", code="1.2", title="Antras tikslas",
        body="Vienas.\nDu.\nTrys.\n", responsible_group_id=plan.group_id,
    )
    meeting = actions.add_meeting(sec.ws, group_id=plan.group_id, date="2026-02-01",
                                  place="Rotušė")
    copies = [sec]
    copies.append(plan.join("Jonas Pirmininkas", "chair@example.lt", role=Role.CHAIR))
    for i in range(3):
        copies.append(plan.join(f"Ekspertas {i}", f"e{i}@example.lt"))
    # Everyone learns everyone (the secretary vouched for each key) from one full bundle.
    full = sec.export(folder / "all.kplanbundle", full=True)
    for copy in copies[1:]:
        copy.import_(full)
    keys = [copy.key for copy in copies]
    paths = []
    for i, copy in enumerate(copies):
        target = folder / f"template-{i}.kplan"
        with closing(sqlite3.connect(target)) as dest:
            copy.ws.conn.backup(dest)
        copy.ws.close()
        paths.append(target)
    _TEMPLATE["t"] = Template(folder, paths, keys, [plan.section_id, second], plan.group_id,
                              meeting)
    return _TEMPLATE["t"]


class Convergence(RuleBasedStateMachine):
    folder: ClassVar[Path]

    def __init__(self) -> None:
        super().__init__()
        self.t = _template()
        self.ws: list[Workspace] = []
        self.bundles: list[Path] = []
        self.remarks: set[str] = set()
        self.written: list[str] = []  # the remarks in the order they were written
        self.work = Path(tempfile.mkdtemp(prefix="kplan-conv-", dir=self.t.folder))
        # One clock for every copy, a few milliseconds a step: the same steps give the same
        # order of stamps, so a case replayed while shrinking draws from the same state.
        self.ms = workspace_module.now_ms()
        self.real_now = workspace_module.now_ms
        workspace_module.now_ms = self._now

    def _now(self) -> int:
        self.ms += 3
        return self.ms

    def _by_writing(self, remark_ids: list[str]) -> list[str]:
        """Remark ids in the order they were written (their ids' order is the wall clock's)."""
        return sorted(remark_ids, key=self.written.index)

    @initialize(n=st.integers(min_value=3, max_value=5))
    def make_copies(self, n: int) -> None:
        for i in range(n):
            path = self.work / f"copy-{i}.kplan"
            shutil.copy(self.t.paths[i], path)
            ws = Workspace.open(path)
            # The logic under test, not the disk: no fsync per transaction here.
            ws.conn.execute("PRAGMA synchronous = OFF")
            self.ws.append(ws)

    def teardown(self) -> None:
        workspace_module.now_ms = self.real_now
        for ws in self.ws:
            ws.close()
        shutil.rmtree(self.work, ignore_errors=True)

    def _pick(self, data: st.DataObject, roles: tuple[str, ...] = ROLES) -> int:
        choices = [i for i in range(len(self.ws)) if ROLES[i] in roles]
        return data.draw(st.sampled_from(choices))

    # --- edits -----------------------------------------------------------------------------

    @rule(data=st.data(), text=st.text(min_size=1, max_size=12).filter(str.strip))
    def write_remark(self, data: st.DataObject, text: str) -> None:
        i = self._pick(data)
        section = data.draw(st.sampled_from(self.t.section_ids))
        remark = actions.add_remark(self.ws[i], section_id=section, remark_type="general",
                                    text=text)
        self.remarks.add(remark)
        self.written.append(remark)

    def _own_open_remarks(self, i: int) -> list[str]:
        ws = self.ws[i]
        return self._by_writing([r[0] for r in ws.conn.execute(
            "SELECT id FROM remark WHERE author_id = ? AND status IN ('new', 'under_review')",
            (ws.identity.person_id,))])

    @rule(data=st.data(), text=st.sampled_from(["Pataisyta", "Dar kartą", "Galutinė"]))
    def edit_own_remark(self, data: st.DataObject, text: str) -> None:
        i = self._pick(data)
        own = self._own_open_remarks(i)
        if own:
            actions.edit_remark(self.ws[i], data.draw(st.sampled_from(own)), {"text": text})

    @rule(data=st.data())
    def withdraw_own_remark(self, data: st.DataObject) -> None:
        i = self._pick(data)
        own = self._own_open_remarks(i)
        if own:
            actions.withdraw_remark(self.ws[i], data.draw(st.sampled_from(own)))

    @rule(data=st.data(), status=st.sampled_from(["under_review", "accepted", "noted"]))
    def answer_remark(self, data: st.DataObject, status: str) -> None:
        i = self._pick(data, ("secretary", "chair"))
        ws = self.ws[i]
        open_ids = self._by_writing([r[0] for r in ws.conn.execute(
            "SELECT id FROM remark WHERE status IN ('new', 'under_review')")])
        if open_ids:
            actions.answer_remark(ws, data.draw(st.sampled_from(open_ids)), status,
                                  f"Atsakymas: {status}")

    @rule(data=st.data(), line=st.sampled_from(["Vienas.\n", "Du!\n", "Naujas.\n", ""]))
    def revise_section(self, data: st.DataObject, line: str) -> None:
        i = self._pick(data, ("secretary", "chair"))
        ws = self.ws[i]
        section = data.draw(st.sampled_from(self.t.section_ids))
        body = ws.conn.execute("SELECT body FROM section WHERE id = ?", (section,)).fetchone()[0]
        lines = body.splitlines(keepends=True)
        at = data.draw(st.integers(0, len(lines)))
        actions.revise_section(ws, section, title="Tikslas",
                               body="".join([*lines[:at], line, *lines[at + 1 :]]))

    @rule(data=st.data())
    def resolve_a_conflict(self, data: st.DataObject) -> None:
        i = self._pick(data, ("secretary", "chair"))
        found = [c for c in conflicts.open_conflicts(self.ws[i])
                 if isinstance(c, conflicts.SectionConflict)]
        if found:
            c = data.draw(st.sampled_from(found))
            text, _ = conflicts.suggested_text(c)
            conflicts.resolve_section(self.ws[i], c.section_id, title="Tikslas", body=text)

    @rule(data=st.data(), place=st.sampled_from(["Rotušė", "203 kab.", "Nuotoliu"]))
    def meeting_place(self, data: st.DataObject, place: str) -> None:
        i = self._pick(data, ("secretary", "chair"))
        actions.update_meeting(self.ws[i], self.t.meeting_id, {"place": place})

    # --- exchanges -------------------------------------------------------------------------

    def _export(self, i: int, to: int | None, full: bool) -> Path:
        path = self.work / f"b{len(self.bundles)}.kplanbundle"
        target = self.ws[to].identity.fingerprint if to is not None else None
        try:
            export_bundle(self.ws[i], path, key=self.t.keys[i], full=full, to=target)
        except KPlanError:  # no bundle has come from that peer yet
            export_bundle(self.ws[i], path, key=self.t.keys[i], full=True)
        self.bundles.append(path)
        return path

    @rule(data=st.data(), full=st.booleans())
    def exchange(self, data: st.DataObject, full: bool) -> None:
        i = data.draw(st.integers(0, len(self.ws) - 1))
        j = data.draw(st.integers(0, len(self.ws) - 1).filter(lambda k: k != i))
        import_file(self.ws[j], self._export(i, j, full), clock_ms=self._now)

    @precondition(lambda self: bool(self.bundles))
    @rule(data=st.data())
    def import_an_old_bundle_again(self, data: st.DataObject) -> None:
        path = data.draw(st.sampled_from(self.bundles))
        j = data.draw(st.integers(0, len(self.ws) - 1))
        import_file(self.ws[j], path, clock_ms=self._now)

    @invariant()
    def remarks_never_duplicated(self) -> None:
        for ws in self.ws:
            ids = [r[0] for r in ws.conn.execute("SELECT id FROM remark")]
            assert len(ids) == len(set(ids))

    def teardown_check(self) -> None:
        pass

    # --- the end: everyone gets everything -------------------------------------------------

    def converge(self) -> None:
        # Everyone's full bundle to the first copy, then its full bundle to everyone.
        for i in range(1, len(self.ws)):
            import_file(self.ws[0], self._export(i, None, True), clock_ms=self._now)
        union = self._export(0, None, True)
        for ws in self.ws[1:]:
            import_file(ws, union, clock_ms=self._now)
        dumps = [logical_dump(ws) for ws in self.ws]
        for other in dumps[1:]:
            assert other == dumps[0]
        refusals = [
            set(ws.conn.execute("SELECT id, reason, by_state FROM refused_event").fetchall())
            for ws in self.ws
        ]
        for ws, refused in zip(self.ws, refusals, strict=True):
            ids = {r[0] for r in ws.conn.execute("SELECT id FROM remark")}
            assert ids == self.remarks
            assert ws.conn.execute("SELECT COUNT(*) FROM held_event").fetchone()[0] == 0
            # Honest work made apart is refused only for a remark's state (answered on one
            # copy, withdrawn on another), and every copy refuses the same changes.
            assert refused == refusals[0]
            assert all(by_state for _, _, by_state in refused)
            for section in self.t.section_ids:
                heads = events.section_heads(ws.conn, section)
                open_conflict = ws.conn.execute(
                    "SELECT COUNT(*) FROM conflict WHERE kind = 'section' AND entity_id = ?"
                    " AND resolved_at IS NULL", (section,)).fetchone()[0]
                assert open_conflict == (1 if len(heads) > 1 else 0)


class ConvergingMachine(Convergence):
    def teardown(self) -> None:
        try:
            if self.ws:
                self.converge()
        finally:
            super().teardown()


_FAST = settings(max_examples=200, stateful_step_count=10, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(autouse=True)
def _keep_keys(memory_keyring: Any) -> None:
    """The template's copies were made with keys kept in memory; exports get them passed."""


def test_copies_converge() -> None:
    ConvergingMachine.TestCase.settings = _FAST
    ConvergingMachine.TestCase().runTest()


@pytest.mark.slow
def test_copies_converge_long() -> None:
    ConvergingMachine.TestCase.settings = settings(
        _FAST, max_examples=1000, stateful_step_count=30
    )
    ConvergingMachine.TestCase().runTest()


def test_template_keys_are_real() -> None:
    t = _template()
    assert len({KeyStore is not None, *(k.public_key().public_bytes_raw() for k in t.keys)}) == 6
