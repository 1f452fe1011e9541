"""The main window's File menu: new, open, demo, join; bundles; exports and the draft."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog

from ..core.errors import KPlanError
from ..store.workspace import Workspace
from .errors import show_error
from .operations import Progress
from .window_base import WindowBase

if TYPE_CHECKING:
    from ..core.drives import RiskyPlace
    from ..sync.keys import KeyStore
    from .place_warning import PlaceChoice

#: Strings keep the main window's context (see window_base).
translate = QCoreApplication.translate


class FileActions(WindowBase):
    """Opening and making workspaces, bundles, and documents in and out."""

    def action_new_plan(self) -> None:
        from .dialogs import NewPlanDialog

        folder = (self.settings.last.parent if self.settings.last
                  else self.default_workspace_folder())
        dialog = NewPlanDialog(self, folder)

        def create() -> None:
            from ..sync.identity import new_plan

            path = self.safe_place(Path(dialog.path.text()).expanduser(), creating=True)
            if path is None:
                return
            path.parent.mkdir(parents=True, exist_ok=True)  # Documents\KPlan, the first time
            ws = self._guard(lambda: new_plan(
                path, title=dialog.title.text(), full_name=dialog.name.text(),
                email=dialog.email.text(), keystore=self.keystore()))
            if ws is not None:
                ws.close()
                self.open_workspace(path)

        self._open_dialog(dialog, create)

    def action_open_workspace(self) -> None:
        start = str(self.settings.last.parent) if self.settings.last else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open a workspace"), start,
            translate("MainWindow", "KPlan workspaces (*.kplan);;All files (*)"))
        if chosen and (path := self.safe_place(Path(chosen), creating=False)) is not None:
            self.open_workspace(path)

    def open_workspace_safely(self, path: Path) -> None:
        """Open ``path`` from the recent list, the command line or a double-click: asked
        about first when it lies on a network drive or in OneDrive, as File > Open is."""
        if (place := self.safe_place(path, creating=False)) is not None:
            self.open_workspace(place)

    def default_workspace_folder(self) -> Path:
        """Where a new workspace goes by default: Documents\\KPlan when Documents is on
        this computer, else the local application data (core/drives.py)."""
        from ..core.drives import local_workspace_dir

        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return local_workspace_dir(Path(documents) if documents else None)

    def safe_place(self, path: Path, *, creating: bool) -> Path | None:
        """``path``, or a local one instead, or None: a workspace on a network drive or in
        OneDrive is asked about first (core/drives.py)."""
        from ..core.drives import check_place
        from .place_warning import PlaceChoice

        place = check_place(path)
        if place is None:
            return path
        local = self.default_workspace_folder()
        choice = self.ask_place(place, path, local, creating=creating)
        if choice is PlaceChoice.LOCAL:
            local.mkdir(parents=True, exist_ok=True)
            return local / path.name
        return path if choice is PlaceChoice.HERE else None

    def ask_place(self, place: RiskyPlace, path: Path, local: Path, *,
                  creating: bool) -> PlaceChoice:
        from .place_warning import answer, place_question

        box = place_question(self, place, path, local, creating=creating)
        box.exec()
        return answer(box)

    def demo_path(self) -> Path:
        from ..core.paths import data_dir

        return data_dir() / "demo.kplan"

    def action_open_demo(self) -> None:
        path = self.demo_path()
        if path.exists():
            self.open_workspace(path)
            return
        try:
            from ..demo.generate import build_demo
        except ImportError:
            self.show_message(translate("MainWindow", "The demo plan is not part of this build."))
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self.ops.run(
            lambda progress: build_demo(path, progress=progress),
            on_success=lambda _summary: self._open_quietly(path),
            label=translate("MainWindow", "Making the demo plan…"),
        )

    def _open_quietly(self, path: Path) -> None:
        self.open_workspace(path)

    # --- keys, bundles and documents

    def keystore(self) -> KeyStore:
        """This window's key store: the keyring, else a key file (passphrase asked)."""
        from .keys import PassphraseAsker, gui_keystore

        if self._asker is None:
            self._asker = PassphraseAsker(self)
        return gui_keystore(self._asker)

    def action_join_plan(self, bundle: Path | None = None) -> None:
        from .dialogs import JoinPlanDialog

        folder = self.settings.last.parent if self.settings.last else Path.home()
        dialog = JoinPlanDialog(self, folder, bundle)

        def join() -> None:
            from ..sync.identity import join_plan

            path = self.safe_place(Path(dialog.path.text()).expanduser(), creating=True)
            if path is None:
                return
            path.parent.mkdir(parents=True, exist_ok=True)  # Documents\KPlan, the first time
            source = Path(dialog.bundle.text()).expanduser()
            name, email = dialog.name.text(), dialog.email.text()
            keystore = self.keystore()

            def work(_progress: Progress) -> tuple[str, str]:
                ws, report = join_plan(path, source, full_name=name, email=email,
                                       keystore=keystore)
                ws.close()
                return report.signer_name, report.signer_fingerprint

            def joined(signer: tuple[str, str]) -> None:
                if self.open_workspace(path) and self.ws is not None:
                    from .identity_page import joined_message, signer_gender

                    gender = signer_gender(self.ws, signer[1])
                    self.show_message(joined_message(signer[0], signer[1], gender),
                                      error=False)

            self.ops.run(work, on_success=joined,
                         label=translate("MainWindow", "Joining the plan…"))

        self._open_dialog(dialog, join)

    def _refuse_the_workspace(self, path: Path) -> None:
        """A file to import must not be the open workspace or one of its SQLite files: it is
        read through a plain descriptor, and closing that would drop this process's SQLite
        locks on the workspace (see store.workspace.read_header)."""
        from ..store.file_guard import check_inputs

        if self.ws is not None:
            check_inputs(self.ws.path, [path])

    def open_bundle(self, path: Path) -> None:
        """The app was opened on a .kplanbundle: import it, or join its plan."""
        if self.ws is None:
            self.action_join_plan(path)
            return
        try:
            self._refuse_the_workspace(path)
        except KPlanError as exc:
            show_error(self, exc)
            return
        page = self._sync_page()
        if page is not None:
            self.action_show_sync()
            page.import_files([path])

    def action_import_bundle(self) -> None:
        page = self._sync_page()
        if page is not None:
            self.action_show_sync()
            page.import_button.click()

    def action_export_bundle(self) -> None:
        page = self._sync_page()
        if page is not None:
            self.action_show_sync()
            page.export_button.click()

    def action_export_remarks(self) -> None:
        if self.ws is None:
            return
        from .export_dialog import ExportDialog

        folder = self.settings.last.parent if self.settings.last else Path.home()
        dialog = ExportDialog(self.ws, self.ops, self, folder=folder)
        dialog.exported.connect(lambda path, n: self.show_message(
            # (No %n plural: lupdate reads translate() calls as singular only.)
            translate("MainWindow", "Remarks written to {path}: {n}.").format(path=path, n=n),
            error=False))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def action_export_draft(self) -> None:
        """The draft with the remarks the report's filters choose, as Word comments."""
        if self.ws is None:
            return
        from .draft_export_dialog import DraftExportDialog

        dialog = DraftExportDialog(self.ws, self.ops, self, folder=self.ws.path.parent)
        dialog.exported.connect(lambda path, n: self.show_message(
            translate("MainWindow",
                      "The draft with {n} remarks as comments is in {path}.").format(
                n=n, path=path), error=False))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_draft_to(self, path: Path) -> None:
        """The plan's text with every remark as a Word comment, written in a worker."""
        if self.ws is None:
            return
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")

        def work(ws: Workspace, progress: Progress) -> int:
            from ..documents.draft_export import export_draft

            return export_draft(ws, path, progress=progress)

        self.ops.run_on_workspace(
            self.ws.path, work, readonly=True,
            on_success=lambda n: self.show_message(
                translate("MainWindow",
                          "The draft with {n} remarks as comments is in {path}.").format(
                    n=n, path=path), error=False),
            label=translate("MainWindow", "Writing the draft…"))

    def action_import_draft(self) -> None:
        if self.ws is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Import a new draft from the consultants"),
            str(self.ws.path.parent), translate("MainWindow", "Word documents (*.docx)"))
        if chosen:
            self.import_draft_from(Path(chosen))

    def import_draft_from(self, path: Path) -> None:
        """Read and match the draft in the background, preview it, import on confirmation
        as one undoable step (see ui.draft_import_dialog)."""
        from .draft_import_dialog import start_draft_import

        self._refuse_the_workspace(path)
        start_draft_import(self, path)

    def action_close_workspace(self) -> None:
        self._close_workspace()
        self.settings.clear_last()
        self._show_welcome()

    def action_quit(self) -> None:
        self.close()
