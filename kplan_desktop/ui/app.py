"""The application: QApplication, translation, text size, and the main window."""

from __future__ import annotations

import contextlib
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType, TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from .locale_text import use_language
from .settings import TEXT_SIZES, Settings
from .style import refresh_after_font_change

ORGANISATION = "KPlan"
BUNDLE_SUFFIX = ".kplanbundle"
APP_NAME = "KPlan Desktop"
#: Where the built translations (.qm) are looked for.
I18N_DIRS = (
    Path(__file__).resolve().parents[2] / "i18n",
    Path(__file__).resolve().parent / "i18n",
    Path(getattr(sys, "_MEIPASS", "/nonexistent")) / "i18n",
)


def lazy_module(name: str) -> ModuleType:
    """``name``, imported when first used: what the first window does not need waits.

    (The standard library's LazyLoader recipe; a module already imported is returned.)
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


class TextScaler:
    """Scales the application font: --text-size for one run, the "Aa" actions for good.

    Every widget follows at once (see :mod:`.style`): its font, and the indicators,
    icons and arrows the style draws beside the text.
    """

    def __init__(self, app: QApplication, settings: Settings, pct: int | None) -> None:
        self._app = app
        self._settings = settings
        self._base = QFont(app.font())
        self._base_size = self._base.pointSizeF() if self._base.pointSizeF() > 0 else 10.0
        self._for_this_run = pct is not None
        self.pct = pct if pct is not None else settings.text_size
        self.apply(self.pct, remember=False)

    def factor(self) -> float:
        """The application's text against its normal size (read from the font, so a
        font set back by hand puts the style's metrics back too)."""
        size = self._app.font().pointSizeF()
        return size / self._base_size if size > 0 else 1.0

    def apply(self, pct: int, *, remember: bool = True) -> None:
        self.pct = max(50, min(400, int(pct)))
        font = QFont(self._base)
        font.setPointSizeF(self._base_size * self.pct / 100)
        self._app.setFont(font)
        refresh_after_font_change(self._app, self.factor)
        if remember and not self._for_this_run:
            self._settings.text_size = self.pct

    def larger(self) -> None:
        bigger = [s for s in TEXT_SIZES if s > self.pct]
        self.apply(bigger[0] if bigger else self.pct)

    def smaller(self) -> None:
        smaller = [s for s in TEXT_SIZES if s < self.pct]
        self.apply(smaller[-1] if smaller else self.pct)

    def reset(self) -> None:
        self.apply(100)


def load_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Install Qt's own, then KPlan's translations for ``lang``; keep the result alive.

    Also makes the language's QLocale the default, so that dates and numbers follow
    the language (Qt's widgets and :mod:`.locale_text`). :func:`unload_translators`
    undoes both.
    """
    kept: list[QTranslator] = []
    use_language(lang)
    if lang == "en":  # the source language: only its plurals ("%n remark(s)") need a catalogue
        english = QTranslator(app)
        if any(english.load("kplan_en", str(folder)) for folder in I18N_DIRS):
            app.installTranslator(english)
            kept.append(english)
        return kept
    # Qt's own first: a translator installed later is asked first, so ours win. PySide6
    # ships no qtbase_lt.qm (only a Qt 4 era qt_lt.qm, whose old sources miss most of
    # Qt 6's texts and which spells Ctrl "Vald" in every menu): kplan_qt_lt.qm covers
    # the Qt texts the app shows.
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        kept.append(qt)
    for name in (f"kplan_qt_{lang}", f"kplan_{lang}"):
        ours = QTranslator(app)
        for folder in I18N_DIRS:
            if ours.load(name, str(folder)):
                app.installTranslator(ours)
                kept.append(ours)
                break
    return kept


def unload_translators(app: QApplication, translators: list[QTranslator]) -> None:
    """Back to the untranslated interface and the system's locale."""
    for translator in translators:
        app.removeTranslator(translator)
    use_language("en")


def default_language(settings: Settings) -> str:
    if settings.language in ("lt", "en"):
        return settings.language
    return "lt" if QLocale.system().language() == QLocale.Language.Lithuanian else "en"


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def install_excepthook(window: QWidget) -> ExceptHook:
    """Show in ``window`` what no one caught: Qt hands an exception raised in a slot, a
    timer or an event handler to sys.excepthook, which would only print it on stderr,
    where no user looks. A KPlanError gets its sentence; anything else is logged and
    called a bug (see :mod:`.errors`). Returns the hook it replaced.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if isinstance(exc, Exception):  # not KeyboardInterrupt, SystemExit
            from .errors import show_error

            with contextlib.suppress(Exception):  # the window is gone: Python's hook says it
                show_error(window, exc)
                return
        previous(kind, exc, tb)

    sys.excepthook = hook
    return previous


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationDisplayName(APP_NAME)
    from .focus_ring import install_focus_ring
    from .icons import app_icon

    app.setWindowIcon(app_icon())  # every window, the taskbar and Alt+Tab
    install_focus_ring(app)  # a clear ring around a focused list or text pane
    return app


def run_gui(workspace: Path | None, lang: str | None = None, text_size: int | None = None) -> int:
    """Open the window on ``workspace`` (or the last one, or the welcome screen); run it."""
    from .main_window import MainWindow

    app = make_application()
    settings = Settings()
    language = lang or default_language(settings)
    translators = load_translators(app, language)
    scaler = TextScaler(app, settings, text_size)
    window = MainWindow(settings, scaler)
    previous_hook = install_excepthook(window)
    window.show()
    # ``kplan FILE.kplanbundle`` (a double-clicked bundle): the last workspace imports it,
    # or, with none, the bundle's plan is joined.
    bundle = workspace if workspace is not None and workspace.suffix == BUNDLE_SUFFIX else None
    if bundle is not None:
        workspace = None
    target = workspace or settings.last
    if target is not None and (workspace is not None or target.exists()):
        window.open_workspace_safely(target)
    if bundle is not None:
        window.open_bundle(bundle)
    code = int(app.exec())
    sys.excepthook = previous_hook
    del translators
    return code
