"""``kplan self-test``: municipal IT's check that a packaged build works on this computer.

In a temporary folder it makes a plan (keeping its signing key the way real use
does), builds a small demo, checks the store and its diacritics-blind search,
signs a bundle and joins a second copy from it, writes both reports and reads
them back, and loads Qt with the main window. One line per step; exit 0 only
if nothing failed. Nothing is left behind: the folder goes, and so do the
keyring entries of the throwaway keys.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__

Out = Callable[[str], object]

#: Protects the throwaway key file where no keyring works; the key dies with the folder.
THROWAWAY_PASSPHRASE = "kplan self-test throwaway passphrase"
#: Written in the store, then looked up without its diacritics.
REMARK_TEXT = "Savitikra: Žaliakalnio ąžuolynėlio takai turi būti apšviesti."
SEARCH_QUERY = "zaliakalnio azuolynelio"
LITHUANIAN_LETTERS = "ąčęėįšųūž"


class Skipped(Exception):
    """A step that cannot run here; its message says why."""


class NeedsEarlierStep(Skipped):
    pass


@dataclass
class _Context:
    folder: Path
    device_ids: list[str] = field(default_factory=list)
    demo: Path | None = None
    remark_id: str = ""
    plan_remark_id: str = ""
    key_storage: str = ""


Step = Callable[[_Context], str]


def run(out: Out = print, *, base_dir: Path | None = None,
        steps: Sequence[tuple[str, Step]] | None = None) -> int:
    """Run every step, printing one line each; 0 if none failed, else 1.

    Each step returns a short detail, raises Skipped, or fails with one sentence;
    a failure does not stop the steps after it.
    """
    out(f"KPlan Desktop {__version__} self-test ({_build_kind()}, Python "
        f"{sys.version.split()[0]}, {sys.platform})")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kplan-selftest-", dir=base_dir,
                                     ignore_cleanup_errors=True) as tmp:
        ctx = _Context(Path(tmp))
        try:
            for label, step in STEPS if steps is None else steps:
                started = time.perf_counter()
                try:
                    detail = step(ctx)
                except Skipped as exc:
                    out(f"{label:<22} skipped: {exc}")
                    continue
                except Exception as exc:  # every failure becomes one line; the rest still run
                    failed += 1
                    out(f"{label:<22} FAILED: {_sentence(exc)}")
                    continue
                took = time.perf_counter() - started
                out(f"{label:<22} ok ({detail}; {took:.1f} s)" if detail else f"{label:<22} ok")
        finally:
            _forget_keys(ctx.device_ids)
    out("All checks passed." if not failed else
        f"{failed} check{'s' if failed > 1 else ''} failed.")
    return 0 if failed == 0 else 1


def _build_kind() -> str:
    return "packaged build" if getattr(sys, "frozen", False) else "from source"


def _sentence(exc: BaseException) -> str:
    from .core.errors import KPlanError

    text = " ".join(str(exc).split())
    if isinstance(exc, KPlanError):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- the steps -----------------------------------------------------------------------------------


def _keystore(ctx: _Context) -> Any:
    from .sync.keys import KeyStore

    return KeyStore(folder=ctx.folder / "keys", ask_passphrase=lambda _: THROWAWAY_PASSPHRASE)


def step_demo(ctx: _Context) -> str:
    from .demo.generate import build_demo

    path = ctx.folder / "demo.kplan"
    summary = build_demo(path, remarks=50)
    ctx.demo = path
    return summary


def step_store(ctx: _Context) -> str:
    from .store import actions, queries
    from .store.workspace import Workspace

    if ctx.demo is None:
        raise NeedsEarlierStep("needs the demo workspace, which was not made")
    with Workspace.open(ctx.demo) as ws:
        result = ws.conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise AssertionError(f"SQLite integrity_check says: {result}")
        section_id = next(
            (sid for sid in queries.plan_order(ws)
             if (queries.section(ws, sid) or {}).get("body")), None)
        if section_id is None:
            raise AssertionError("the demo plan has no section with text")
        ctx.remark_id = actions.add_remark(ws, section_id=section_id, remark_type="general",
                                           text=REMARK_TEXT)
        found = queries.remark_ids(ws, queries.RemarkFilter(search=SEARCH_QUERY))
        if ctx.remark_id not in found:
            raise AssertionError(f"searching “{SEARCH_QUERY}” did not find the remark just"
                                 " written")
        count = queries.count_remarks(ws)
    return f"integrity ok, {count} remarks, search found “{REMARK_TEXT[:30]}…”"


def step_key(ctx: _Context) -> str:
    from .store import actions, queries
    from .sync.identity import new_plan
    from .sync.keys import public_text

    keystore = _keystore(ctx)
    path = ctx.folder / "plan.kplan"
    with new_plan(path, title="Savitikros planas", full_name="Savitikra Pirmoji",
                  email="pirmoji@savitikra.invalid", keystore=keystore) as ws:
        ident = ws.identity
        ctx.device_ids.append(ident.device_id)
        ctx.key_storage = ("an encrypted key file (no keyring works here)"
                           if keystore.fallback_note else _keyring_name())
        key = keystore.load(ident.device_id)
        person = queries.person(ws, ident.person_id) or {}
        if person.get("public_key") != public_text(key):
            raise AssertionError("the stored signing key does not match the plan's public key")
        section_id = actions.add_section(
            ws, parent_id=None, kind="text", code="1", title="Savitikra",
            body="Šis skyrius sukurtas savitikrai.",
        )
        ctx.plan_remark_id = actions.add_remark(
            ws, section_id=section_id, remark_type="editorial", text=REMARK_TEXT)
    return f"key kept in {ctx.key_storage}"


def step_bundle(ctx: _Context) -> str:
    from .store import queries
    from .store.workspace import Workspace
    from .sync import bundle
    from .sync.export import export_bundle
    from .sync.identity import join_plan

    remark_id = ctx.plan_remark_id
    if not remark_id:
        raise NeedsEarlierStep("needs the plan of the signing-key step, which was not made")
    keystore = _keystore(ctx)
    bundle_path = ctx.folder / "savitikra.kplanbundle"
    with Workspace.open(ctx.folder / "plan.kplan") as ws:
        report = export_bundle(ws, bundle_path, keystore=keystore, full=True)
        fingerprint = ws.identity.fingerprint
    parsed = bundle.read_file(bundle_path)
    if parsed.signer_fingerprint != fingerprint:
        raise AssertionError("the bundle's signer is not the plan's key")
    copy, imported = join_plan(ctx.folder / "copy.kplan", bundle_path,
                               full_name="Savitikra Antroji", email="antroji@savitikra.invalid",
                               keystore=keystore)
    with copy:
        ctx.device_ids.append(copy.identity.device_id)
        remark = queries.remark(copy, remark_id)
    if remark is None or remark["text"] != REMARK_TEXT:
        raise AssertionError("the second copy does not have the remark the bundle carried")
    return (f"{report.events} changes signed, verified, joined a second copy"
            f" ({imported.applied} applied)")


def _report(ctx: _Context, fmt: str) -> Path:
    from .documents.report import ReportOptions, export_report
    from .store.workspace import Workspace

    if ctx.demo is None or not ctx.remark_id:
        raise NeedsEarlierStep("needs the demo workspace and its remark, which were not made")
    path = ctx.folder / f"suvestine.{fmt}"
    with Workspace.open(ctx.demo, readonly=True) as ws:
        count = export_report(ws, path, fmt, ReportOptions(lang="lt"))
    if count < 1:
        raise AssertionError("the report holds no remarks")
    return path


def step_docx(ctx: _Context) -> str:
    import docx

    path = _report(ctx, "docx")
    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    if not any(REMARK_TEXT in text for text in cells):
        raise AssertionError("the DOCX report read back lacks the remark written")
    return f"{path.stat().st_size // 1024} KB, read back"


def step_pdf(ctx: _Context) -> str:
    path = _report(ctx, "pdf")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise AssertionError("the PDF report is not a whole PDF file")
    try:
        from pypdf import PdfReader
    except ImportError:
        return f"{len(data) // 1024} KB (pypdf is not here to read its text back)"
    text = unicodedata.normalize(
        "NFC", " ".join(page.extract_text() for page in PdfReader(path).pages))
    missing = [ch for ch in LITHUANIAN_LETTERS if ch not in text]
    if len(missing) > 2:
        raise AssertionError(f"the PDF's text lacks the Lithuanian letters {''.join(missing)}")
    if "Žaliakalnio" not in text:
        raise AssertionError("the PDF's text lacks the remark written")
    return f"{len(data) // 1024} KB, Lithuanian text read back"


def step_qt(ctx: _Context) -> str:
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow
    from .ui.settings import Settings

    app = QApplication.instance()
    if app is None:
        argv = ["kplan"]
        if _no_display():
            argv += ["-platform", "offscreen"]
        app = QApplication(argv)
    assert isinstance(app, QApplication)
    window = MainWindow(Settings(ctx.folder / "settings.ini"))
    title = window.windowTitle()
    window.close()
    window.deleteLater()
    app.processEvents()
    platform = QApplication.platformName()
    return f"platform {platform}, main window “{title}” made off-screen"


def _no_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


STEPS: tuple[tuple[str, Step], ...] = (
    ("demo workspace", step_demo),
    ("store and search", step_store),
    ("signing key", step_key),
    ("bundle", step_bundle),
    ("DOCX report", step_docx),
    ("PDF report", step_pdf),
    ("Qt and main window", step_qt),
)


# --- cleaning up ---------------------------------------------------------------------------------


def _keyring_name() -> str:
    import keyring

    backend = keyring.get_keyring()
    return f"the OS keyring ({type(backend).__module__}.{type(backend).__name__})"


def _forget_keys(device_ids: list[str]) -> None:
    """Delete the throwaway keys from the keyring; only ours, named by their new device ids."""
    if not device_ids:
        return
    import keyring

    from .sync.keys import SERVICE

    for device_id in device_ids:
        with contextlib.suppress(Exception):  # no keyring, or the key went to the file
            if keyring.get_password(SERVICE, device_id) is not None:
                keyring.delete_password(SERVICE, device_id)
