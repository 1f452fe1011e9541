"""The signing key where no OS keyring works: its passphrase is asked in a dialog.

:class:`~kplan_desktop.sync.keys.KeyStore` calls ``ask_passphrase(purpose)`` when it
falls back to the encrypted key file. Signing and importing run in workers, so the
question may come from another thread: it is then carried to the UI thread and the
worker waits for the answer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ..sync.keys import KeyStore


class PassphraseAsker(QObject):
    """``ask(purpose) -> passphrase | None``, safe to call from any thread.

    The passphrase is kept for this run once given, so one session asks once.
    """

    _asked = Signal(str, object)  # purpose, a one-item list for the answer

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._kept: str | None = None
        self._asked.connect(self._ask_here, Qt.ConnectionType.BlockingQueuedConnection)

    def __call__(self, purpose: str) -> str | None:
        if self._kept:
            return self._kept
        if QThread.currentThread() is self.thread():
            answer = self.ask_in_dialog(purpose)
        else:
            box: list[str | None] = [None]
            self._asked.emit(purpose, box)
            answer = box[0]
        self._kept = answer or None
        return answer

    def forget(self) -> None:
        """A wrong passphrase: ask again next time."""
        self._kept = None

    @Slot(str, object)
    def _ask_here(self, purpose: str, box: list[str | None]) -> None:
        box[0] = self.ask_in_dialog(purpose)

    def ask_in_dialog(self, purpose: str) -> str | None:
        if purpose == "new":
            text = self.tr(
                "No keyring works on this computer, so this copy's signing key is kept in a"
                " file locked with a passphrase. Choose a passphrase and keep it safe:")
        else:
            text = self.tr("The passphrase of this copy's signing key:")
        value, ok = QInputDialog.getText(self._window, self.tr("Signing key passphrase"), text,
                                         QLineEdit.EchoMode.Password)
        return value if ok and value else None


def gui_keystore(asker: PassphraseAsker) -> KeyStore:
    """The key store of the GUI: the keyring, else a key file whose passphrase is asked."""
    return KeyStore(ask_passphrase=asker)
