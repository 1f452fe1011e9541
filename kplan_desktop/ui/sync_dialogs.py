"""The questions the Sync page asks: import these bundles? trust this signer's key?

Their words share the page's translation context ("SyncPage"), so that the
page and its questions are translated as one.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from .identity_page import fingerprint_lines
from .sync_models import Preview, entity_name, held_reason_name, sentence, trust_name


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


def _female(text: str) -> str:
    # The trust question about a woman: Lithuanian says "jai", "jos" (see _trust_sentence).
    return QCoreApplication.translate("TrustFemale", text)


def _male(text: str) -> str:
    return QCoreApplication.translate("TrustMale", text)


def described(p: Preview) -> tuple[str, list[str]]:
    """What importing one bundle would do: who signed it, then one line per kind."""
    r = p.report
    header = _t("{file}: signed by {who} ({trust}), fingerprint {fp}").format(
        file=p.path.name, who=r.signer_name, trust=trust_name(p.signer_trust),
        fp=r.signer_fingerprint)
    items = [
        _t("new or changed {what}: {n}").format(n=n, what=entity_name(entity))
        for entity, n in sorted(r.by_entity.items(), key=lambda item: entity_name(item[0]))
    ]
    items.append(_t("already here: {n}").format(n=r.skipped))
    items += [_t("refused: {n} × {why}").format(n=n, why=sentence(r, reason))
              for reason, n in sorted(r.refused.items())]
    items += [_t("waiting: {n} × {why}").format(n=n, why=held_reason_name(reason))
              for reason, n in sorted(r.held_reasons.items())]
    items += [_t("conflict: {what}").format(what=sentence(r, conflict))
              for conflict in r.conflicts]
    return header, items


def describe(p: Preview) -> str:
    """What importing one bundle would do, as plain text."""
    header, items = described(p)
    return "\n".join([header, *(f"  {item}" for item in items)])


def import_question(parent: QWidget, previews: list[Preview]) -> QMessageBox:
    """The question asked before importing: what each bundle would do. Enter imports,
    Escape cancels."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("Import these bundles?"))
    box.setText(_t("Import these bundles?"))
    parts = []
    for p in previews:
        header, items = described(p)
        parts.append(f"<p><b>{html.escape(header)}</b></p><ul>"
                     + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setInformativeText("".join(parts))
    apply = box.addButton(_t("Impo&rt"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(apply)
    return box


def ask_import(parent: QWidget, previews: list[Preview]) -> bool:
    box = import_question(parent, previews)
    box.exec()
    return box.clickedButton() is box.defaultButton()


def _trust_sentence(gender: str) -> str:
    """The trust question in words that agree with the person (Lithuanian "jai", "jam");
    English has one sentence, the same source in each context."""
    if gender == "female":
        return _female(
            "Trust this key as the key of {who}? Everything signed with it will count as"
            " theirs, for good. Call them and read out the fingerprint; trust it only if it is"
            " the same on their screen (View → Identity).")
    if gender == "male":
        return _male(
            "Trust this key as the key of {who}? Everything signed with it will count as"
            " theirs, for good. Call them and read out the fingerprint; trust it only if it is"
            " the same on their screen (View → Identity).")
    return _t(
        "Trust this key as the key of {who}? Everything signed with it will count as"
        " theirs, for good. Call them and read out the fingerprint; trust it only if it is"
        " the same on their screen (View → Identity).")


#: The link in the trust question that opens this copy's Identity page.
IDENTITY_LINK = "kplan:identity"


def trust_question(parent: QWidget, who: str, fingerprint: str, *,
                   gender: str = "unspecified",
                   show_identity: Callable[[QWidget], object] | None = None) -> QMessageBox:
    """Trust the key with ``fingerprint`` for ``who`` (the person it will belong to, as
    the page names them, of ``gender``)? No is the default. ``show_identity`` opens the
    Identity page over the question, from a link in it."""
    box = QMessageBox(parent)
    box.setWindowTitle(_t("Confirm the signer's fingerprint"))
    sentence = _trust_sentence(gender).format(who=who or _t("someone"))
    if show_identity is None:
        box.setText(sentence)
    else:
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<p>{html.escape(sentence)}</p><p><a href=\"{IDENTITY_LINK}\">"
                    + html.escape(_t("Where is my own fingerprint? Open the Identity page…"))
                    + "</a></p>")
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None:
            label.setOpenExternalLinks(False)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.linkActivated.connect(lambda _link: show_identity(box))
    # Two lines of five groups, as the Identity page shows it on the other person's screen.
    box.setInformativeText(fingerprint_lines(fingerprint))
    font = QFont(box.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setStyleHint(QFont.StyleHint.Monospace)
    box.setFont(font)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def ask_trust(parent: QWidget, who: str, fingerprint: str, *, gender: str = "unspecified",
              show_identity: Callable[[QWidget], object] | None = None) -> bool:
    box = trust_question(parent, who, fingerprint, gender=gender, show_identity=show_identity)
    return box.exec() == QMessageBox.StandardButton.Yes
