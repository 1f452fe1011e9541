"""One remark in full: what was quoted, said, proposed, and the answer."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from .icons import status_glyph
from .locale_text import quoted_text, show_date
from .models import STATUS_COLOURS, status_name, type_name
from .remark_ids import identifier_note
from .search_highlight import highlighted_html


class RemarkDetail(QWidget):
    """Shows the current remark; its buttons ask the window to act on it."""

    edit_requested = Signal()
    withdraw_requested = Signal()
    answer_requested = Signal()
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remark: dict[str, Any] | None = None
        #: What the remarks page searches for: its matches are marked here too.
        self.search = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QTextBrowser()
        self.view.setObjectName("remarkDetail")
        self.view.setAccessibleName(self.tr("The remark in full"))
        self.view.setOpenLinks(False)
        self.view.setFrameShape(QTextBrowser.Shape.NoFrame)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 0, 6, 6)
        self.edit = QPushButton(self.tr("Ed&it…"))
        self.withdraw = QPushButton(self.tr("&Withdraw"))
        self.answer = QPushButton(self.tr("&Answer…"))
        self.compare = QPushButton(self.tr("&Old and new text…"))
        for button, signal in ((self.edit, self.edit_requested),
                               (self.withdraw, self.withdraw_requested),
                               (self.answer, self.answer_requested),
                               (self.compare, self.compare_requested)):
            button.clicked.connect(signal)
            button.hide()
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.show_remark(None, may_edit=False, may_answer=False)

    def show_remark(self, remark: dict[str, Any] | None, *, may_edit: bool,
                    may_answer: bool) -> None:
        self.remark = remark
        if remark is None:
            self.view.setHtml(
                "<p style='color:#6b7280'>"
                + html.escape(self.tr("Choose a remark to read it in full."))
                + "</p>"
            )
            for b in (self.edit, self.withdraw, self.answer, self.compare):
                b.hide()
            return
        self.view.setHtml(self.remark_html(remark))
        is_open = remark["status"] in ("new", "under_review")
        self.edit.setVisible(may_edit and is_open)
        self.withdraw.setVisible(may_edit and is_open)
        self.answer.setVisible(may_answer and remark["status"] != "withdrawn")
        self.compare.setVisible(bool(remark["text_changed"]))

    def remark_html(self, r: dict[str, Any]) -> str:
        e = html.escape
        colour = STATUS_COLOURS.get(r["status"], "#e5e7eb")
        parts = [
            f"<p><b>{e(str(r.get('identifier') or ''))}</b>&nbsp; "
            f"<span style='background:{colour}; padding:2px 6px'>&nbsp;"
            f"{status_glyph(r['status'])} {e(status_name(r['status']))}&nbsp;</span>&nbsp; "
            f"<b>{e(str(r['author_name'] or ''))}</b>"
            f" <span style='color:#6b7280'>· "
            + " · ".join(e(str(v)) for v in (
                r.get("group_name") or r["group_code"], type_name(r["type"]),
                show_date(r["created_at"], long=True),
                r["section_code"] or r.get("section_title"), r.get("round_name")) if v)
            + "</span></p>"
        ]
        if identifier_note(r):
            parts.append(f"<p style='color:#6b7280'>{e(identifier_note(r))}</p>")
        if r["text_changed"]:
            parts.append(
                "<p style='color:#b45309'>⚑ "
                + e(self.tr("The section's text has changed since this remark was made."))
                + "</p>"
            )
        if r.get("section_removed"):
            # Said in words: the remark stays answerable although its section left the draft.
            note = self.tr(
                "This section was removed from the latest draft; the remark is kept.")
            parts.append(f"<p style='color:#6b7280'>⊘ {e(note)}</p>")
        if r["quote"]:
            parts.append(
                "<p style='margin-left:8px; color:#374151'><i>"
                + quoted_text(highlighted_html(str(r["quote"]), self.search)) + "</i></p>"
            )

        def block(label: str, text: str) -> None:
            if text:
                body = highlighted_html(text, self.search).replace("\n", "<br>")
                parts.append(f"<p><b>{e(label)}</b><br>{body}</p>")

        block(self.tr("Remark"), str(r["text"] or ""))
        block(self.tr("Proposed change"), str(r["proposed"] or ""))
        block(self.tr("Justification"), str(r["justification"] or ""))
        if r["response"] or r["responded_at"]:
            who = str(r.get("responder_name") or "")
            when = show_date(r["responded_at"], long=True)
            block(self.tr("Response ({who}, {when})").format(who=who, when=when),
                  str(r["response"] or ""))
        return "".join(parts)
