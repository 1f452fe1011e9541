"""Export the draft with remarks as Word comments: the report's filters choose the remarks.

The same dialog as the remarks report (:class:`~.export_dialog.ExportDialog`): the same
lists, count, progress and Stop; only the format is fixed (DOCX) and the file is the
draft, each selected remark a comment on its passage and its answer a reply.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QFormLayout, QLabel, QWidget

from ..documents.data import count_selected
from ..documents.draft_export import export_draft
from ..documents.report import ReportOptions
from ..store.workspace import Workspace
from .export_dialog import ExportDialog
from .operations import Operations, Progress


class DraftExportDialog(ExportDialog):
    """The draft plan as DOCX with the selected remarks as comments."""

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None, *,
                 folder: Path | None = None, lang: str = "lt") -> None:
        super().__init__(ws, ops, parent, folder=folder, lang=lang)
        self.setObjectName("draftExportDialog")
        self.setWindowTitle(self.tr("Export the draft with remarks"))
        self.docx.setChecked(True)
        form = self._form()
        if form is not None:
            # Always a Word document: the format row goes.
            field = form.itemAt(0, QFormLayout.ItemRole.FieldRole)
            formats = field.layout() if field is not None else None
            if formats is not None and formats.indexOf(self.pdf) >= 0:
                form.setRowVisible(0, False)
            label = form.labelForField(self.language)
            if isinstance(label, QLabel):
                label.setText(self.tr("Document &language"))
        folder = folder or ws.path.parent
        self.output.setText(str(folder / f"{ws.path.stem}-projektas.docx"))
        self.update_count()

    def _form(self) -> QFormLayout | None:
        layout = self.layout()
        if layout is None:
            return None
        for index in range(layout.count()):
            item = layout.itemAt(index)
            inner = item.layout() if item is not None else None
            if isinstance(inner, QFormLayout):
                return inner
        return None

    def fmt(self) -> str:
        return "docx"

    def update_count(self) -> int:
        """Withdrawn remarks are no comments unless their status is chosen by name."""
        criteria = self.criteria()
        count = count_selected(self.ws, criteria)
        if not criteria.statuses:
            count -= count_selected(self.ws, dataclasses.replace(criteria,
                                                                 statuses=("withdrawn",)))
        self.count_label.setText(self.tr("%n remark(s) selected", "", count))
        return count

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the draft as"), self.output.text(),
            self.tr("Word documents (*.docx)"))
        if chosen:
            self.output.setText(chosen)

    def write_file(self, ws: Workspace, path: Path, fmt: str, options: ReportOptions,
                   progress: Progress) -> int:
        return export_draft(ws, path, lang=options.lang, criteria=options.criteria,
                            progress=progress)
