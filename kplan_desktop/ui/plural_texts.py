"""The %n plurals the main window's mixins show, declared where lupdate reads them.

lupdate reads a plural only from ``self.tr(text, "", n)`` inside a class, and names its
context after that class. The mixins (``window_*.py``) translate in the context
"MainWindow" with ``translate("MainWindow", text, None, len(...))``, a call lupdate does
not read as a plural (with a bare ``n`` it reads it as singular and the plural is lost:
write the count as an expression). So their plurals are declared here, in a class of that
name, which is never made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class MainWindow(QObject):
    def plurals(self, n: int) -> list[str]:
        return [
            self.tr("answer %n remark(s)", "", n),
            self.tr("Answer saved for %n remark(s).", "", n),
            self.tr("Answering %n remark(s)…", "", n),
        ]
