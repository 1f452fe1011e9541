"""The user's window settings: recent workspaces, text size, language, window layout.

Kept as an INI file in the user's KPlan data folder (``KPLAN_DATA_DIR``
moves it, so tests and portable use keep their own).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..core.paths import data_dir

MAX_RECENT = 8
TEXT_SIZES = (80, 90, 100, 115, 130, 150, 175, 200, 250)


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "settings.ini"
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._q.sync()

    # --- workspaces

    @property
    def recent(self) -> list[Path]:
        value = self._q.value("workspaces/recent", [])
        items = [value] if isinstance(value, str) else list(value or []) if isinstance(
            value, list) else []
        return [Path(p) for p in items if p]

    def remember(self, workspace: Path) -> None:
        path = workspace.resolve()
        recent = [p for p in self.recent if p != path]
        self._q.setValue("workspaces/recent", [str(p) for p in [path, *recent][:MAX_RECENT]])
        self._q.setValue("workspaces/last", str(path))
        self._q.sync()

    def forget(self, workspace: Path) -> None:
        path = workspace.resolve()
        self._q.setValue("workspaces/recent", [str(p) for p in self.recent if p != path])
        if self.last == path:
            self._q.remove("workspaces/last")
        self._q.sync()

    @property
    def last(self) -> Path | None:
        value = self._q.value("workspaces/last", "")
        return Path(str(value)) if value else None

    def clear_last(self) -> None:
        self._q.remove("workspaces/last")
        self._q.sync()

    # --- appearance

    @property
    def text_size(self) -> int:
        try:
            return int(str(self._q.value("view/text_size", 100)))
        except (TypeError, ValueError):
            return 100

    @text_size.setter
    def text_size(self, pct: int) -> None:
        self._q.setValue("view/text_size", int(pct))
        self._q.sync()

    @property
    def language(self) -> str:
        return str(self._q.value("view/language", "") or "")

    @language.setter
    def language(self, lang: str) -> None:
        self._q.setValue("view/language", lang)
        self._q.sync()

    def window_state(self, key: str) -> QByteArray | None:
        value = self._q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._q.setValue(f"window/{key}", value)

    # --- column widths, per table (by the table's object name)

    def header_state(self, table: str, em: int) -> QByteArray | None:
        """The column widths the user gave ``table`` at this text size (``em``: the
        width of "M" then), or None: at another size they would cut or waste room."""
        state = self._q.value(f"columns/{table}")
        try:
            saved_em = int(str(self._q.value(f"columns/{table}_em", 0)))
        except (TypeError, ValueError):
            return None
        return state if isinstance(state, QByteArray) and saved_em == em else None

    def set_header_state(self, table: str, em: int, state: QByteArray) -> None:
        self._q.setValue(f"columns/{table}", state)
        self._q.setValue(f"columns/{table}_em", int(em))
