"""The draft-export dialog: the report's filters choose which remarks become comments."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from kplan_desktop.documents.docx_comments import reply_comment_ids
from kplan_desktop.store import actions, queries
from kplan_desktop.store.workspace import Workspace
from kplan_desktop.ui.draft_export_dialog import DraftExportDialog
from kplan_desktop.ui.operations import Operations
from tests.documents_plan import DocPlan, build_doc_plan


@pytest.fixture
def plan(tmp_path: Path) -> DocPlan:
    built = build_doc_plan(tmp_path / "planas.kplan", remarks_per_section=3)
    author = queries.remark_rows(built.ws, [built.remarks[1]])[built.remarks[1]]["author_id"]
    actions.withdraw_remark(built.ws, built.remarks[1], actor=built.ws.actor(author))
    built.ws.close()
    return built


@pytest.fixture
def dialog(qtbot: QtBot, plan: DocPlan, tmp_path: Path) -> Iterator[DraftExportDialog]:
    window = QMainWindow()
    qtbot.addWidget(window)
    ws = Workspace.open(plan.ws.path)
    ops = Operations(window)
    dlg = DraftExportDialog(ws, ops, window, folder=tmp_path)
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg
    ops.cancel_all()
    ops.wait()
    ws.close()


def remark_comment_authors(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        extended = package.read("word/commentsExtended.xml") if (
            "word/commentsExtended.xml" in names) else None
        replies = reply_comment_ids(package.read("word/comments.xml"), extended)
    return [c.author for c in docx.Document(str(path)).comments if c.comment_id not in replies]


def test_the_draft_dialog_is_the_reports_without_a_format(dialog: DraftExportDialog,
                                                           plan: DocPlan) -> None:
    assert dialog.windowTitle() == "Export the draft with remarks"
    assert not dialog.pdf.isVisible() and not dialog.xlsx.isVisible()
    assert dialog.groups.isVisible() and dialog.rounds.isVisible() and dialog.statuses.isVisible()
    assert dialog.output.text().endswith("planas-projektas.docx")
    # The withdrawn remark is no comment, so it is not counted...
    live = len(plan.remarks) - 1
    assert dialog.count_label.text() == f"{live} remark(s) selected"
    # ...unless asked for by its status.
    dialog.statuses.set_checked("withdrawn")
    assert dialog.count_label.text() == "1 remark(s) selected"


def test_the_draft_holds_only_the_chosen_groups_remarks(qtbot: QtBot, dialog: DraftExportDialog,
                                                         plan: DocPlan, tmp_path: Path) -> None:
    dialog.groups.set_checked(plan.groups["JUD"])
    expected = dialog.update_count()
    assert 0 < expected < len(plan.remarks)
    seen: list[tuple[Path, int]] = []
    dialog.exported.connect(lambda path, count: seen.append((path, count)))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    path, count = seen[0]
    assert path.suffix == ".docx" and count == expected
    assert remark_comment_authors(path) == ["Ąžuolas Čepulis"] * expected
