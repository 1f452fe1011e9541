"""The Identity page ("Tapatybė"): who this copy is, and the key it signs with.

The trust question on the Sync page asks people to compare fingerprints over the
phone; this is where each of them finds their own: the person this copy writes as
(name, e-mail, gender), its device, the key's fingerprint in groups of four digits,
where the private key is kept (the OS keyring or an encrypted key file), and the
public key exported to a file for whoever asks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.files import write_bytes_atomically
from ..core.grammar import Gender
from ..store import queries
from ..store.workspace import Workspace
from ..sync.keys import KeyPlace, KeyStore, key_place, public_key_file
from .errors import error_text
from .models import gender_name

#: Fingerprint groups per line: two lines of five groups of four digits.
GROUPS_PER_LINE = 5


@dataclass(frozen=True)
class IdentityFacts:
    """What the page shows, read once from the workspace and the key store."""

    person_id: str
    name: str
    email: str
    gender: str
    device_id: str
    fingerprint: str
    public_key: str
    place: KeyPlace
    is_demo: bool


def read_identity(ws: Workspace, keystore: KeyStore) -> IdentityFacts:
    ident = ws.identity
    person = queries.person(ws, ident.person_id) or {}
    row = ws.conn.execute("SELECT public_key FROM local_identity").fetchone()
    public_key = str((row[0] if row else "") or person.get("public_key") or "")
    place = KeyPlace("demo") if ident.is_demo else key_place(keystore, ident.device_id)
    return IdentityFacts(
        person_id=ident.person_id, name=str(person.get("full_name") or ""),
        email=str(person.get("email") or ""),
        gender=str(person.get("gender") or Gender.UNSPECIFIED.value),
        device_id=ident.device_id, fingerprint=ident.fingerprint, public_key=public_key,
        place=place, is_demo=ident.is_demo)


def fingerprint_lines(fingerprint: str) -> str:
    """The fingerprint in groups of four digits, five groups a line: read out in ten steps."""
    digits = "".join(ch for ch in fingerprint if ch.isdigit())
    groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
    return "\n".join(" ".join(groups[i : i + GROUPS_PER_LINE])
                     for i in range(0, len(groups), GROUPS_PER_LINE))


class IdentityDialog(QDialog):
    """This copy's identity. ``change_gender`` (the window's undoable change) makes the
    gender a choice; without it (opened from the trust question) it is only shown."""

    def __init__(self, parent: QWidget | None, facts: IdentityFacts, *,
                 change_gender: Callable[[str], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("Identity"))
        self.facts = facts
        self._change_gender = change_gender
        #: Asks where to save the public key (a test sets it); None: nothing is written.
        self.ask_path: Callable[[], Path | None] = self._ask_path
        layout = QVBoxLayout(self)
        # Never smaller than its content (wrapped text included), at any text size.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        intro = QLabel(self.tr(
            "This copy signs everything you write with its own key. When someone trusts"
            " your key, read them the fingerprint below over the phone; when you trust"
            " theirs, ask them to open this page and read you theirs."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name_label = QLabel(facts.name)
        self.email_label = QLabel(facts.email or self.tr("(no e-mail)"))
        for label in (self.name_label, self.email_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Name:"), self.name_label)
        form.addRow(self.tr("E-mail:"), self.email_label)
        if change_gender is not None:
            self.gender = QComboBox()
            self.gender.setObjectName("identityGender")
            for value in Gender:
                self.gender.addItem(gender_name(value.value), value.value)
            self.gender.setCurrentIndex(max(0, self.gender.findData(facts.gender)))
            self.gender.setAccessibleName(self.tr("Gender"))
            self.gender.activated.connect(self._gender_chosen)
            gender_row = QLabel(self.tr("&Gender (for role words):"))
            gender_row.setBuddy(self.gender)
            form.addRow(gender_row, self.gender)
        else:
            form.addRow(self.tr("Gender (for role words):"), QLabel(gender_name(facts.gender)))
        self.device_label = QLabel(facts.device_id)
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Device:"), self.device_label)
        layout.addLayout(form)

        layout.addWidget(QLabel(self.tr("Fingerprint of this copy's key:")))
        self.fingerprint_label = QLabel(fingerprint_lines(facts.fingerprint))
        self.fingerprint_label.setObjectName("identityFingerprint")
        self.fingerprint_label.setAccessibleName(self.tr("Fingerprint"))
        self.fingerprint_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.fingerprint_label.setFont(font)
        layout.addWidget(self.fingerprint_label, 0, Qt.AlignmentFlag.AlignHCenter)

        self.place_label = QLabel(self.place_text(facts.place))
        self.place_label.setObjectName("identityKeyPlace")
        self.place_label.setWordWrap(True)
        self.place_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.place_label)

        self.status = QLabel()
        self.status.setObjectName("identityStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy the fingerprint"))
        self.copy_button.clicked.connect(self.action_copy_fingerprint)
        self.export_button = QPushButton(self.tr("E&xport the public key…"))
        self.export_button.setObjectName("exportPublicKey")
        self.export_button.clicked.connect(self.action_export_public_key)
        self.export_button.setEnabled(bool(facts.public_key))
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def place_text(self, place: KeyPlace) -> str:
        if place.kind == "keyring":
            return self.tr("The private key is kept in this computer's keyring ({name}).").format(
                name=place.where or self.tr("the system's"))
        if place.kind == "file":
            return self.tr("No keyring works here: the private key is kept in a file locked"
                           " with your passphrase: {path}").format(path=place.where)
        if place.kind == "demo":
            return self.tr("A demo plan's key is made from the demo itself: it has no secret"
                           " to keep.")
        return self.tr("The private key of this copy is not on this computer: bundles cannot"
                       " be signed here.")

    # --- actions

    def action_copy_fingerprint(self) -> None:
        QGuiApplication.clipboard().setText(self.facts.fingerprint)
        self.status.setText(self.tr("The fingerprint was copied."))

    def action_export_public_key(self) -> None:
        path = self.ask_path()
        if path is None:
            return
        try:
            self.export_public_key(path)
        except Exception as exc:  # a refusal is said here; the dialog stays open
            self.status.setText(error_text(exc))

    def export_public_key(self, path: Path) -> None:
        """Write the public key to ``path``: whole, or nothing (a temporary renamed)."""
        facts = self.facts
        data = public_key_file(facts.public_key, name=facts.name, email=facts.email,
                               device=facts.device_id)
        write_bytes_atomically(Path(path), data)
        self.status.setText(self.tr("The public key was saved in {path}.").format(path=path))

    def _ask_path(self) -> Path | None:
        stem = "".join(ch for ch in self.facts.name if ch.isalnum() or ch in " -_").strip()
        suggested = Path.home() / f"{stem or 'kplan'}-public-key.pem"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the public key as"), str(suggested),
            self.tr("Public keys (*.pem)"))
        return Path(chosen) if chosen else None

    def _gender_chosen(self, _index: int) -> None:
        value = str(self.gender.currentData())
        if value != self.facts.gender and self._change_gender is not None:
            self._change_gender(value)
            self.facts = replace(self.facts, gender=value)


# --- for the Sync page's trust question, which holds a workspace path, not a workspace -----


def person_gender(workspace: Path, person_id: str) -> str:
    """The gender of ``person_id`` in the workspace (unspecified when not known there)."""
    with Workspace.open(workspace, readonly=True) as ws:
        person = queries.person(ws, person_id) if person_id else None
    return str((person or {}).get("gender") or Gender.UNSPECIFIED.value)


def show_identity_over(parent: QWidget, workspace: Path, keystore: KeyStore) -> None:
    """The Identity page over ``parent`` (the trust question), until it is closed."""
    with Workspace.open(workspace, readonly=True) as ws:
        facts = read_identity(ws, keystore)
    dialog = IdentityDialog(parent, facts)
    dialog.exec()
    dialog.deleteLater()


# --- after joining a plan: check the signer's fingerprint with them -------------------------


def _joined_female(text: str) -> str:
    # Lithuanian "su pasirašiusiąja" / "su pasirašiusiuoju": the words agree with the signer.
    return QCoreApplication.translate("JoinedFemale", text)


def _joined_male(text: str) -> str:
    return QCoreApplication.translate("JoinedMale", text)


def _joined_unspecified(text: str) -> str:
    return QCoreApplication.translate("JoinedUnspecified", text)


def joined_message(name: str, fingerprint: str, gender: str) -> str:
    """What the window says once a plan is joined: who signed the bundle, and their key's
    fingerprint to check with them (in words that agree with the signer)."""
    if gender == Gender.FEMALE:
        text = _joined_female("You joined the plan. The bundle was signed by {name},"
                              " fingerprint {fingerprint}: check it with them.")
    elif gender == Gender.MALE:
        text = _joined_male("You joined the plan. The bundle was signed by {name},"
                            " fingerprint {fingerprint}: check it with them.")
    else:
        text = _joined_unspecified("You joined the plan. The bundle was signed by {name},"
                                   " fingerprint {fingerprint}: check it with them.")
    return text.format(name=name, fingerprint=fingerprint)


def signer_gender(ws: Workspace, fingerprint: str) -> str:
    """The gender of the person whose key has ``fingerprint`` (unspecified if none)."""
    row = ws.conn.execute("SELECT gender FROM person WHERE fingerprint = ? AND fingerprint != ''"
                          " ORDER BY id LIMIT 1", (fingerprint,)).fetchone()
    return str(row[0]) if row else Gender.UNSPECIFIED.value
