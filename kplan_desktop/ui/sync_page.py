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
user to confirm the signer's fingerprint, readable over the phone, and says
for whom the key will be trusted (a key speaks for one person, for good).
Changes an import holds back (a key not trusted yet, earlier changes missing)
are listed with why; trusting a key applies those it held at once. Conflicts
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
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..store.file_guard import check_inputs
from ..store.workspace import Workspace
from ..sync import admission, conflicts, trust
from ..sync import bundle as bundle_io
from ..sync.export import ExportReport, export_bundle
from ..sync.importer import (
    ImportCancelled,
    ImportReport,
    UnknownSigner,
    import_bundle,
    preview,
    retry_held,
)
from ..sync.keys import KeyStore
from . import sync_dialogs
from .errors import show_error
from .identity_page import person_gender, show_identity_over
from .operations import Operations, Progress, Task
from .sync_conflicts import ConflictBox, Resolution
from .sync_models import (
    Index,
    Preview,
    RowsModel,
    Stranger,
    held_reason_name,
    load_lists,
    local_time,
    table_view,
    trust_name,
    whose,
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
        #: Opens the Identity page over the trust question (its link); the person asked about.
        self.show_identity: Callable[[QWidget], object] = lambda over: show_identity_over(
            over, self.workspace, self.keystore)
        self._trust_person = ""
        #: The last export, preview or import started (cancel it as its progress dialog does).
        self.task: Task[Any] | None = None
        self.setAcceptDrops(True)
        self._build()
        self.refresh()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        # All of it in a scroll area: at 200% text the page is taller than a 1080 px
        # screen, and its buttons and the window's status bar went off the screen.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("syncScroll")
        self.scroll_area.setAccessibleName(self.tr("Sync page"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(self.scroll_area)
        layout = QVBoxLayout(content)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area)
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
        self.held_model = RowsModel([
            ("who", self.tr("Person"), self._person_or_unknown),
            ("device", self.tr("Device")), ("from", self.tr("From change no.")),
            ("count", self.tr("Waiting")), ("reason", self.tr("Why"), held_reason_name),
        ], self)
        self.history_view = table_view(self, self.history_model, stretch=1)
        self.keys_view = table_view(self, self.keys_model, stretch=0)
        self.held_view = table_view(self, self.held_model, stretch=4)
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
        # Keys and what waits for them side by side: trusting a key empties its held rows.
        middle = QSplitter(Qt.Orientation.Horizontal, splitter)
        middle.setChildrenCollapsible(False)
        middle.addWidget(keys_box)
        middle.addWidget(self._held_box())
        splitter.addWidget(middle)
        self.conflict_box = box = ConflictBox(self)
        box.chosen.connect(self._resolve)
        # The box's parts by their old names: the tab order and the tests reach them so.
        self.conflicts_model, self.conflicts_view = box.model, box.view
        self.base_text, self.first_text = box.base_text, box.first_text
        self.second_text, self.merged_text = box.second_text, box.merged_text
        self.take_first_button, self.take_second_button = (box.take_first_button,
                                                           box.take_second_button)
        self.save_merged_button = box.save_merged_button
        splitter.addWidget(box)
        for place, stretch in enumerate((2, 2, 4)):
            splitter.setStretchFactor(place, stretch)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.keys_view.selectionModel().currentRowChanged.connect(self._key_chosen)
        # Reading order (the tables were made before the buttons under them).
        chain = [self.export_button, self.export_folder_button, self.full_box,
                 self.import_button, self.history_view, self.keys_view, self.trust_button,
                 self.revoke_button, self.held_view, self.conflicts_view, self.base_text,
                 self.first_text, self.second_text, self.merged_text, self.take_first_button,
                 self.take_second_button, self.save_merged_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _titled(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        widget.setAccessibleName(title.replace("&", ""))  # what a screen reader calls it
        QVBoxLayout(box).addWidget(widget)
        return box

    def _held_box(self) -> QGroupBox:
        box = self._titled(self.tr("Changes waitin&g to apply"), self.held_view)
        # Said in words when nothing waits; the empty table is hidden so Tab skips it.
        self.held_empty = QLabel(self.tr(
            "Nothing is waiting: every change received so far has been applied."), box)
        self.held_empty.setWordWrap(True)
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.held_empty)
        layout.addStretch(1)
        self.held_view.setVisible(False)
        return box

    def _person_or_unknown(self, name: object) -> str:
        return str(name) if name else self.tr("not known here yet")

    # --- lists -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the history, the keys, the held changes and the open conflicts (in the
        worker)."""
        self.ops.run_on_workspace(
            self.workspace, lambda ws, _p: load_lists(ws), readonly=True,
            on_success=self._lists_loaded,
        )

    def _lists_loaded(self, lists: dict[str, list[dict[str, Any]]]) -> None:
        self.history_model.set_rows(lists["history"])
        self.keys_model.set_rows(lists["keys"])
        self._key_chosen(self.keys_view.currentIndex())
        self.held_model.set_rows(lists["held"])
        self.held_view.setVisible(bool(lists["held"]))
        self.held_empty.setVisible(not lists["held"])
        self.conflict_box.set_rows(lists["conflicts"])

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
        self.status.setText(self.tr("Wrote {path}: %n change(s), {size} kB.", "", report.events)
                            .format(path=report.path, size=max(1, report.size // 1024)))

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

        def work(ws: Workspace, progress: Progress) -> list[Preview] | Stranger:
            # Reading the workspace itself as a bundle would drop this process's locks on it.
            check_inputs(ws.path, paths)
            previews = []
            for n, path in enumerate(paths):
                if not progress(n, len(paths)):
                    raise ImportCancelled("Import cancelled; nothing was changed.")
                signed = bundle_io.open_bundle(path, plan_id=ws.identity.plan_id)
                judged = trust.judge(ws.conn, signed.manifest.exporter_key)
                try:
                    admission.check_signer(ws.conn, signed.manifest, path.name)  # unpacked after
                except UnknownSigner as exc:
                    # Whose the key would be, read here: the question must name them.
                    return Stranger.of(ws.conn, exc)
                report = preview(ws, signed.read())
                report.file_name = path.name
                previews.append(Preview(path, report, judged.trust.value))
            return previews

        self.task = self.ops.run_on_workspace(
            self.workspace, work, on_success=lambda found: self._previewed(found, paths),
            on_failure=lambda exc: self.status.setText(show_error(self, exc)),
            on_cancelled=lambda: self.status.setText(self.tr("Nothing was imported.")),
            label=self.tr("Checking the bundles…"))

    def _stranger(self, stranger: Stranger, paths: list[Path]) -> None:
        """Ask to trust an unknown signer's key for the person the file names, then import
        again."""
        if stranger.known:
            who = whose(stranger.known, stranger.email)
        else:
            who = self.tr("the sender the file calls “{name}”, who is not known here yet").format(
                name=stranger.claimed)
        if not (stranger.fingerprint and stranger.person_id):
            self.status.setText(show_error(self, stranger.refusal))
            return
        self._trust_person = stranger.person_id
        if self.confirm_trust(who, stranger.fingerprint):
            self._trust(stranger.fingerprint, stranger.person_id, who,
                        then=lambda: self.import_files(paths))
        else:
            self.status.setText(self.tr("Nothing was imported."))

    def _previewed(self, found: list[Preview] | Stranger, paths: list[Path]) -> None:
        if isinstance(found, Stranger):
            self._stranger(found, paths)
            return
        previews = found
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
                    "Import cancelled: {done} of %n bundle(s) were imported before it"
                    " stopped; the rest changed nothing.", "", len(previews)).format(
                        done=len(reports)))
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
            self.tr("Imported %n bundle(s): {applied} changes applied, {refused} refused,"
                    " {conflicts} conflicts, waiting: {held}.", "", len(reports)).format(
                applied=applied, refused=refused, conflicts=found,
                held=sum(r.held for r in reports)))
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

    def trust_question(self, who: str, fingerprint: str) -> QMessageBox:
        """The question asked before trusting a key for ``who`` (No is the default)."""
        return sync_dialogs.trust_question(
            self, who, fingerprint, gender=person_gender(self.workspace, self._trust_person),
            show_identity=self.show_identity)

    def _ask_trust(self, who: str, fingerprint: str) -> bool:
        return self.trust_question(who, fingerprint).exec() == QMessageBox.StandardButton.Yes

    # --- trust -----------------------------------------------------------------------------

    def _selected_key(self) -> dict[str, Any] | None:
        index = self.keys_view.currentIndex()
        return self.keys_model.rows[index.row()] if index.isValid() else None

    def _key_chosen(self, index: Index) -> None:
        """Trust is offered only for a key whose person this copy knows: a key is trusted
        for one person, and a row without one cannot say whom."""
        key = self.keys_model.rows[index.row()] if index.isValid() else None
        unnamed = key is not None and not key["person_id"]
        self.trust_button.setEnabled(not unnamed)
        self.trust_button.setToolTip(self.tr(
            "No person is known for this key, and a key is trusted for one person: import a"
            " bundle it signed, or trust it on the command line with --person.")
            if unnamed else "")

    def _failed(self, exc: BaseException) -> None:
        """A refusal (such as trust_fingerprint's sentence) is said in the page, never lost."""
        self.status.setText(show_error(self, exc))

    def _trust(
        self, fingerprint: str, person_id: str, who: str, *, public_key: str = "",
        then: Callable[[], None] | None = None,
    ) -> None:
        """Trust the key as ``person_id``'s, for good (see sync.admission), then apply what
        earlier imports held for it."""
        def work(ws: Workspace, _p: Progress) -> ImportReport:
            with ws.raw_transaction() as conn:
                trust.trust_fingerprint(conn, fingerprint, person_id=person_id,
                                        public_key=public_key)
            return retry_held(ws)

        def done(report: ImportReport) -> None:
            if report.applied:
                self.status.setText(self.tr(
                    "The key is trusted for {who}; {n} changes that waited for it were"
                    " applied.").format(who=who, n=report.applied))
                self.changed.emit()
            else:
                self.status.setText(self.tr("The key is trusted for {who}.").format(who=who))
            self.refresh()
            if then is not None:
                then()

        self.task = self.ops.run_on_workspace(self.workspace, work, on_success=done,
                                              on_failure=self._failed)

    def _trust_selected(self) -> None:
        key = self._selected_key()
        if not key or not key["person_id"]:
            return
        who = (whose(str(key["name"]), str(key["email"])) if key["name"] else
               self.tr("a person not known here yet (id {id})").format(id=key["person_id"]))
        self._trust_person = str(key["person_id"])
        if self.confirm_trust(who, str(key["fingerprint"])):
            self._trust(str(key["fingerprint"]), str(key["person_id"]), who,
                        public_key=str(key.get("public_key", "")))

    def _revoke_selected(self) -> None:
        key = self._selected_key()
        if key is None:
            return
        fingerprint = str(key["fingerprint"])

        def work(ws: Workspace, _p: Progress) -> None:
            with ws.raw_transaction() as conn:
                trust.revoke_fingerprint(conn, fingerprint)

        self.ops.run_on_workspace(self.workspace, work, on_success=lambda _: self.refresh(),
                                  on_failure=self._failed)

    # --- conflicts -------------------------------------------------------------------------

    def _resolve(self, chosen: Resolution) -> None:
        def work(ws: Workspace, _p: Progress) -> str:
            return conflicts.resolve_section(ws, chosen.section_id, title=chosen.title,
                                             body=chosen.body)

        def done(_: str) -> None:
            self.status.setText(self.tr("The conflict in section {code} is resolved.").format(
                code=chosen.code))
            self.refresh()
            self.changed.emit()

        self.ops.run_on_workspace(self.workspace, work, on_success=done)
