"""The questions the Sync page asks: import these bundles? trust this signer's key?

Their words share the page's translation context ("SyncPage"), so that the
page and its questions are translated as one.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMessageBox, QWidget

from .sync_models import Preview, entity_name, held_reason_name, sentence, trust_name


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


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


def trust_question(parent: QWidget, who: str, fingerprint: str) -> QMessageBox:
    """Trust the key with ``fingerprint`` for ``who`` (the person it will belong to, as
    the page names them)? No is the default."""
    box = QMessageBox(parent)
    box.setWindowTitle(_t("Confirm the signer's fingerprint"))
    box.setText(_t(
        "Trust this key as the key of {who}? Everything signed with it will count as"
        " theirs, for good. Call them and read out the fingerprint; trust it only if it is"
        " the same on their screen (KPlan → Identity).").format(who=who or _t("someone")))
    box.setInformativeText(fingerprint)
    font = QFont(box.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setStyleHint(QFont.StyleHint.Monospace)
    box.setFont(font)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def ask_trust(parent: QWidget, who: str, fingerprint: str) -> bool:
    return trust_question(parent, who, fingerprint).exec() == QMessageBox.StandardButton.Yes
