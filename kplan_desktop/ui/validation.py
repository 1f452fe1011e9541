"""A dialog that finds a problem stays open and points at the field.

The dialog checks in ``accept()`` by the same rules the store applies
(:mod:`kplan_desktop.core.rules`), so what the store would refuse never closes
the dialog: the field gets a red frame and a sentence under it, and the focus.
Typing in the field takes the mark away.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

#: (the field, the sentence that says what is wrong with it)
Problem = tuple[QWidget, str]

_INVALID_STYLE = "border: 2px solid #dc2626; border-radius: 3px;"


class CheckedField(QWidget):
    """A field with room for its problem under it; the form's label is its buddy."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        self.note = QLabel()
        self.note.setObjectName("fieldProblem")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b91c1c")
        self.note.hide()
        layout.addWidget(self.note)
        self.setFocusProxy(field)  # Alt+mnemonic on the label lands in the field
        _on_edit(field, self.clear)

    def mark(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()
        self.field.setProperty("invalid", True)
        self.field.setStyleSheet(_INVALID_STYLE)
        # Screen readers hear the problem when the focus comes to the field.
        self.field.setAccessibleDescription(text)

    def clear(self) -> None:
        if not self.note.isVisible() and not self.field.property("invalid"):
            return
        self.note.hide()
        self.note.clear()
        self.field.setProperty("invalid", False)
        self.field.setStyleSheet("")
        self.field.setAccessibleDescription("")

    @property
    def marked(self) -> bool:
        return bool(self.field.property("invalid"))


def _on_edit(field: QWidget, clear: Callable[[], None]) -> None:
    if isinstance(field, QPlainTextEdit):
        field.textChanged.connect(clear)
    elif isinstance(field, QLineEdit):
        field.textEdited.connect(lambda _text: clear())
    elif isinstance(field, QComboBox):
        field.currentIndexChanged.connect(lambda _index: clear())
    elif isinstance(field, QDateEdit):
        field.dateChanged.connect(lambda _date: clear())
    elif isinstance(field, QAbstractButton):
        field.toggled.connect(lambda _on: clear())


def checked(field: QWidget) -> CheckedField:
    """``field`` wrapped with room for its problem: add the wrapper to the form."""
    return CheckedField(field)


def add_checked_row(form: QFormLayout, label: str, wrapper: CheckedField) -> None:
    """A form row for a checked field: its label names the field itself (the buddy a
    screen reader reads), not the wrapper around it."""
    form.addRow(label, wrapper)
    shown = form.labelForField(wrapper)
    if isinstance(shown, QLabel):
        shown.setBuddy(wrapper.field)
    # Qt names a field by a label beside it; this one sits inside the wrapper.
    wrapper.field.setAccessibleName(label.replace("&&", "\0").replace("&", "")
                                    .replace("\0", "&").rstrip(": "))


def show_problems(fields: Sequence[CheckedField], problems: Sequence[Problem]) -> bool:
    """Mark the fields with a problem, clear the others, focus the first marked.

    Returns True when there is no problem (the dialog may close).
    """
    by_field = {id(w.field): w for w in fields}
    wrong = {id(field): text for field, text in problems}
    for wrapper in fields:
        text = wrong.get(id(wrapper.field))
        if text is None:
            wrapper.clear()
        else:
            wrapper.mark(text)
    if problems:
        problems[0][0].setFocus()
        if id(problems[0][0]) not in by_field:  # a field without room for a note
            problems[0][0].setToolTip(problems[0][1])
    return not problems
