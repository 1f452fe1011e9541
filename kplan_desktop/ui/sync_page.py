"""The Sync page: export and import bundles, the import history, peers' trust, conflicts.

Usage (the main window)::

    page = SyncPage(workspace_path, operations, parent=window)
    page.changed.connect(window.reload)   # after an import or a resolved conflict

``operations`` is the window's :class:`~kplan_desktop.ui.operations.Operations`;
every export, preview and import runs through it, off the UI thread, with its
progress dialog. Bundles are imported from the file dialog, by dropping
``.kplanbundle`` files on the page, or by :meth:`SyncPage.import_files` (the
window calls it when the app is opened on a bundle). Each import is previewed
first (who signed it, what it adds and changes, what would be refused) and
applied only when the user agrees; a bundle from an unknown signer asks the
user to confirm the signer's fingerprint, readable over the phone. Conflicts
show the common base and both texts, and are resolved by taking one side or
saving a merged text (a three-way merge is offered as the starting text).
Cancel on an import's progress dialog rolls the bundle under way back (each
bundle is one transaction); on an export's, it leaves no file. Stored values
(trust, conflict kinds, what a bundle changes, why events were refused) are
shown in words, translated.

``confirm_import`` and ``confirm_trust`` are the two questions the page asks;
tests replace them with functions that answer.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store.workspace import Workspace
from ..sync import admission, conflicts, trust
from ..sync import bundle as bundle_io
from ..sync.export import ExportReport, export_bundle
from ..sync.importer import ImportCancelled, ImportReport, UnknownSigner, import_bundle, preview
from ..sync.keys import KeyStore
from . import sync_dialogs
from .operations import Operations, Progress, Task
from .sync_models import (
    Index,
    Preview,
    RowsModel,
    conflict_kind_name,
    load_lists,
    local_time,
    trust_name,
)

__all__ = ["Preview", "SyncPage"]


class SyncPage(QWidget):
    """The Sync page of the main window (see the module's docstring)."""

    #: The workspace changed (an import applied, a conflict resolved): views reload.
    changed = Signal()

    def __init__(
        self,
        workspace: Path,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        keystore: KeyStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = Path(workspace)
        self.ops = operations
        self.keystore = keystore or KeyStore()
        self.confirm_import: Callable[[list[Preview]], bool] = self._ask_import
        self.confirm_trust: Callable[[str, str], bool] = self._ask_trust
        #: The last export, preview or import started (cancel it as its progress dialog does).
        self.task: Task[Any] | None = None
        self.setAcceptDrops(True)
        self._build()
        self.refresh()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        actions_box = QGroupBox(self.tr("Send and receive"), self)
        row = QHBoxLayout(actions_box)
        # Mnemonics avoid the menu bar's letters (F, E, R, S, V, H): the page shares its window.
        self.export_button = QPushButton(self.tr("Export a &bundle…"), actions_box)
        self.export_folder_button = QPushButton(self.tr("Export to a shared fol&der…"),
                                                actions_box)
        self.full_box = QCheckBox(self.tr("Everything (a f&ull bundle)"), actions_box)
        self.import_button = QPushButton(self.tr("&Import bundles…"), actions_box)
        for w in (self.export_button, self.export_folder_button, self.full_box,
                  self.import_button):
            row.addWidget(w)
        row.addStretch(1)
        self.export_button.clicked.connect(self._choose_export_file)
        self.export_folder_button.clicked.connect(self._choose_export_folder)
        self.import_button.clicked.connect(self._choose_import_files)
        self.status = QLabel(self.tr("Drop .kplanbundle files here to import them."), self)
        self.status.setWordWrap(True)
        layout.addWidget(actions_box)
        layout.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.history_model = RowsModel([
            ("when", self.tr("Imported"), local_time), ("file", self.tr("File")),
            ("signer", self.tr("Signed by")), ("applied", self.tr("Applied")),
            ("skipped", self.tr("Already here")), ("refused", self.tr("Refused")),
            ("conflicts", self.tr("Conflicts")),
        ], self)
        self.keys_model = RowsModel([
            ("name", self.tr("Person")), ("email", self.tr("E-mail")),
            ("fingerprint", self.tr("Fingerprint")), ("trust", self.tr("Trust"), trust_name),
        ], self)
        self.conflicts_model = RowsModel([
            ("kind", self.tr("Kind"), conflict_kind_name),
            ("what", self.tr("Section or device")), ("found", self.tr("Found"), local_time),
        ], self)
        self.history_view = self._table(self.history_model, stretch=1)
        self.keys_view = self._table(self.keys_model, stretch=0)
        self.conflicts_view = self._table(self.conflicts_model, stretch=1)
        splitter.addWidget(self._titled(self.tr("Imported bund&les"), self.history_view))
        keys_box = self._titled(self.tr("&Peers and their keys"), self.keys_view)
        keys_row = QHBoxLayout()
        self.trust_button = QPushButton(self.tr("&Trust the selected key…"), keys_box)
        self.revoke_button = QPushButton(self.tr("Revo&ke the selected key"), keys_box)
        self.trust_button.clicked.connect(self._trust_selected)
        self.revoke_button.clicked.connect(self._revoke_selected)
        keys_row.addWidget(self.trust_button)
        keys_row.addWidget(self.revoke_button)
        keys_row.addStretch(1)
        keys_layout = keys_box.layout()
        assert isinstance(keys_layout, QVBoxLayout)
        keys_layout.addLayout(keys_row)
        splitter.addWidget(keys_box)
        splitter.addWidget(self._conflict_box())
        for place, stretch in enumerate((2, 2, 4)):
            splitter.setStretchFactor(place, stretch)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.conflicts_view.selectionModel().currentRowChanged.connect(self._show_conflict)
        # Reading order (the tables were made before the buttons under them).
        chain = [self.export_button, self.export_folder_button, self.full_box,
                 self.import_button, self.history_view, self.keys_view, self.trust_button,
                 self.revoke_button, self.conflicts_view, self.base_text, self.first_text,
                 self.second_text, self.merged_text, self.take_first_button,
                 self.take_second_button, self.save_merged_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _table(self, model: RowsModel, *, stretch: int) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # the wordy one
        view.verticalHeader().setVisible(False)
        view.setTabKeyNavigation(False)  # Tab moves on to the next control, not the next cell
        view.setWordWrap(False)
        # A header and three rows at any text size, however the splitter is dragged.
        view.setMinimumHeight(view.fontMetrics().lineSpacing() * 6 + 2 * view.frameWidth())
        return view

    def _titled(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _conflict_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Open &conflicts"), self)
        # The list is short, the texts long: a splitter lets the user give the texts room.
        inner = QSplitter(Qt.Orientation.Vertical, box)
        inner.setChildrenCollapsible(False)
        inner.addWidget(self.conflicts_view)
        texts_area = QWidget(inner)
        texts = QHBoxLayout(texts_area)
        texts.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(texts_area)
        inner.setStretchFactor(0, 1)
        inner.setStretchFactor(1, 3)
        self.base_text = self._text_pane()
        self.first_text = self._text_pane()
        self.second_text = self._text_pane()
        self.merged_text = QPlainTextEdit(box)
        self.merged_text.setTabChangesFocus(True)
        self.merged_text.setPlaceholderText(self.tr("The merged text"))
        for label, pane in ((self.tr("Common b&ase"), self.base_text),
                            (self.tr("Shown version"), self.first_text),
                            (self.tr("Other version"), self.second_text),
                            (self.tr("Merged te&xt (edit)"), self.merged_text)):
            column = QVBoxLayout()
            title = QLabel(label, box)
            title.setBuddy(pane)
            pane.setAccessibleName(title.text().replace("&", ""))
            column.addWidget(title)
            column.addWidget(pane)
            texts.addLayout(column, 1)
        buttons = QHBoxLayout()
        self.take_first_button = QPushButton(self.tr("Keep the sho&wn version"), box)
        self.take_second_button = QPushButton(self.tr("Keep the &other version"), box)
        self.save_merged_button = QPushButton(self.tr("Save the &merged text"), box)
        self.take_first_button.clicked.connect(lambda: self._resolve("first"))
        self.take_second_button.clicked.connect(lambda: self._resolve("second"))
        self.save_merged_button.clicked.connect(lambda: self._resolve("merged"))
        for b in (self.take_first_button, self.take_second_button, self.save_merged_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(inner, 1)
        layout.addLayout(buttons)
        self._set_conflict_buttons(False)
        return box

    def _text_pane(self) -> QPlainTextEdit:
        pane = QPlainTextEdit(self)
        pane.setReadOnly(True)
        pane.setTabChangesFocus(True)
        return pane

    # --- lists -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the history, the keys and the open conflicts (in the worker)."""
        self.ops.run_on_workspace(
            self.workspace, lambda ws, _p: load_lists(ws), readonly=True,
            on_success=self._lists_loaded,
        )

    def _lists_loaded(self, lists: dict[str, list[dict[str, Any]]]) -> None:
        self.history_model.set_rows(lists["history"])
        self.keys_model.set_rows(lists["keys"])
        self.conflicts_model.set_rows(lists["conflicts"])
        self._show_conflict(self.conflicts_view.currentIndex())

    # --- export ----------------------------------------------------------------------------

    def _default_name(self) -> str:
        return f"kplan-{dt.date.today().isoformat()}{bundle_io.SUFFIX}"

    def _choose_export_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export a bundle"), str(Path.home() / self._default_name()),
            self.tr("KPlan bundles (*.kplanbundle)"))
        if name:
            self.export_to(Path(name))

    def _choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the shared folder"))
        if folder:
            self.export_to(Path(folder) / self._default_name())

    def export_to(self, path: Path, *, full: bool | None = None) -> None:
        """Write a bundle to ``path`` (what the peer lacks, or everything)."""
        full = self.full_box.isChecked() if full is None else full
        keystore = self.keystore
        # Set by the worker once the file is in place: a cancel may come too late to stop it.
        written: list[ExportReport] = []

        def work(ws: Workspace, progress: Progress) -> ExportReport:
            report = export_bundle(ws, path, keystore=keystore, full=full, progress=progress)
            written.append(report)
            return report

        def cancelled() -> None:
            if written:
                self._exported(written[0])
            else:
                self.status.setText(self.tr("Export cancelled; no file was written."))

        self.task = self.ops.run_on_workspace(
            self.workspace, work, on_success=self._exported, on_cancelled=cancelled,
            label=self.tr("Exporting a bundle…"))

    def _exported(self, report: ExportReport) -> None:
        self.status.setText(self.tr("Wrote {path}: {n} changes, {size} kB.").format(
            path=report.path, n=report.events, size=max(1, report.size // 1024)))

    # --- import ----------------------------------------------------------------------------

    def _choose_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import bundles"), str(Path.home()),
            self.tr("KPlan bundles (*.kplanbundle);;All files (*)"))
        if names:
            self.import_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def import_files(self, paths: Sequence[Path]) -> None:
        """Preview the bundles, ask, then import them (each all or nothing)."""
        paths = list(paths)

        def work(ws: Workspace, progress: Progress) -> list[Preview]:
            previews = []
            for n, path in enumerate(paths):
                if not progress(n, len(paths)):
                    raise ImportCancelled("Import cancelled; nothing was changed.")
                signed = bundle_io.open_bundle(path, plan_id=ws.identity.plan_id)
                judged = trust.judge(ws.conn, signed.manifest.exporter_key)
                admission.check_signer(ws.conn, signed.manifest, path.name)  # before unpacking
                report = preview(ws, signed.read())
                report.file_name = path.name
                previews.append(Preview(path, report, judged.trust.value))
            return previews

        self.task = self.ops.run_on_workspace(
            self.workspace, work, on_success=self._previewed,
            on_failure=lambda exc: self._preview_failed(exc, paths),
            on_cancelled=lambda: self.status.setText(self.tr("Nothing was imported.")),
            label=self.tr("Checking the bundles…"))

    def _preview_failed(self, exc: BaseException, paths: list[Path]) -> None:
        if isinstance(exc, UnknownSigner):
            fp = str(exc.args_map.get("fp", ""))
            person = str(exc.args_map.get("person", ""))
            who = str(exc.args_map.get("known", "")) or self.tr(
                "someone the file calls “{name}” (not known here yet)").format(
                name=exc.args_map.get("claimed", ""))
            if fp and person and self.confirm_trust(who, fp):
                self._trust(fp, person, then=lambda: self.import_files(paths))
            return
        from .errors import show_error

        self.status.setText(show_error(self, exc))

    def _previewed(self, previews: list[Preview]) -> None:
        if not self.confirm_import(previews):
            self.status.setText(self.tr("Nothing was imported."))
            return

        # Each bundle is its own transaction; the worker lists those that committed, since a
        # cancel stops only the one under way (and may come after the last one committed).
        reports: list[ImportReport] = []

        def work(ws: Workspace, progress: Progress) -> list[ImportReport]:
            for p in previews:
                if not progress(0, 1):
                    raise ImportCancelled("Import cancelled; nothing was changed.")
                parsed = bundle_io.read_file(p.path, plan_id=ws.identity.plan_id)
                reports.append(import_bundle(
                    ws, parsed, file_name=p.path.name, progress=progress))
            return reports

        def cancelled() -> None:
            if len(reports) == len(previews):
                self._imported(reports)
                return
            if reports:
                self.status.setText(self.tr(
                    "Import cancelled: {done} of {total} bundles were imported before it"
                    " stopped; the rest changed nothing.").format(
                        done=len(reports), total=len(previews)))
                self.refresh()
                self.changed.emit()
            else:
                self.status.setText(self.tr("Import cancelled; nothing was changed."))

        self.task = self.ops.run_on_workspace(
            self.workspace, work, on_success=self._imported, on_cancelled=cancelled,
            label=self.tr("Importing bundles…"))

    def _imported(self, reports: list[ImportReport]) -> None:
        applied = sum(r.applied for r in reports)
        refused = sum(r.refused_count for r in reports)
        found = sum(len(r.conflicts) for r in reports)
        self.status.setText(
            self.tr("Imported {n} bundles: {applied} changes applied, {refused} refused,"
                    " {conflicts} conflicts.").format(
                n=len(reports), applied=applied, refused=refused, conflicts=found))
        self.refresh()
        self.changed.emit()

    def describe(self, p: Preview) -> str:
        """What importing one bundle would do, as plain text."""
        return sync_dialogs.describe(p)

    def import_question(self, previews: list[Preview]) -> QMessageBox:
        """The question asked before importing (Enter imports, Escape cancels)."""
        return sync_dialogs.import_question(self, previews)

    def _ask_import(self, previews: list[Preview]) -> bool:
        return sync_dialogs.ask_import(self, previews)

    def _ask_trust(self, who: str, fingerprint: str) -> bool:
        return sync_dialogs.ask_trust(self, who, fingerprint)

    # --- trust -----------------------------------------------------------------------------

    def _selected_key(self) -> dict[str, Any] | None:
        index = self.keys_view.currentIndex()
        return self.keys_model.rows[index.row()] if index.isValid() else None

    def _trust(
        self, fingerprint: str, person_id: str, then: Callable[[], None] | None = None
    ) -> None:
        """Trust the key as ``person_id``'s, for good (see sync.admission)."""
        def work(ws: Workspace, _p: Progress) -> None:
            with ws.raw_transaction() as conn:
                trust.trust_fingerprint(conn, fingerprint, person_id=person_id)

        def done(_: None) -> None:
            self.refresh()
            if then is not None:
                then()

        self.ops.run_on_workspace(self.workspace, work, on_success=done)

    def _trust_selected(self) -> None:
        key = self._selected_key()
        if key and key["person_id"] and self.confirm_trust(str(key["name"]),
                                                          str(key["fingerprint"])):
            self._trust(str(key["fingerprint"]), str(key["person_id"]))

    def _revoke_selected(self) -> None:
        key = self._selected_key()
        if key is None:
            return
        fingerprint = str(key["fingerprint"])

        def work(ws: Workspace, _p: Progress) -> None:
            with ws.raw_transaction() as conn:
                trust.revoke_fingerprint(conn, fingerprint)

        self.ops.run_on_workspace(self.workspace, work, on_success=lambda _: self.refresh())

    # --- conflicts -------------------------------------------------------------------------

    def _current_conflict(self) -> conflicts.SectionConflict | None:
        index = self.conflicts_view.currentIndex()
        if not index.isValid():
            return None
        found = self.conflicts_model.rows[index.row()]["conflict"]
        return found if isinstance(found, conflicts.SectionConflict) else None

    def _set_conflict_buttons(self, enabled: bool) -> None:
        for b in (self.take_first_button, self.take_second_button, self.save_merged_button):
            b.setEnabled(enabled)

    def _show_conflict(self, index: Index) -> None:
        del index
        c = self._current_conflict()
        if c is None or len(c.heads) < 2:
            for pane in (self.base_text, self.first_text, self.second_text, self.merged_text):
                pane.setPlainText("")
            self._set_conflict_buttons(False)
            return
        self.base_text.setPlainText(c.base.body if c.base else "")
        self.first_text.setPlainText(c.heads[0].body)
        self.second_text.setPlainText(c.heads[1].body)
        self.merged_text.setPlainText(conflicts.suggested_text(c)[0])
        self._set_conflict_buttons(True)

    def _resolve(self, how: str) -> None:
        c = self._current_conflict()
        if c is None:
            return
        title = c.heads[0].title
        body = {
            "first": c.heads[0].body,
            "second": c.heads[1].body,
            "merged": self.merged_text.toPlainText(),
        }[how]
        if how == "second":
            title = c.heads[1].title
        section_id = c.section_id

        def work(ws: Workspace, _p: Progress) -> str:
            return conflicts.resolve_section(ws, section_id, title=title, body=body)

        def done(_: str) -> None:
            self.status.setText(self.tr("The conflict in section {code} is resolved.").format(
                code=c.code))
            self.refresh()
            self.changed.emit()

        self.ops.run_on_workspace(self.workspace, work, on_success=done)
