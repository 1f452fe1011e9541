"""A person's gender as a choice in a form, guessed from the name while it is typed.

The guess (core.grammar) only proposes: once someone picks a gender, typing the name
changes it no more. "Unspecified" keeps the neutral wording of roles and sentences.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ..core.grammar import Gender, guess_gender
from .models import gender_name


class GenderCombo(QComboBox):
    """Female, male or unspecified (moteris, vyras, nenurodyta)."""

    def __init__(self, gender: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personGender")
        for value in Gender:
            self.addItem(gender_name(value.value), value.value)
        self.set_value(gender or Gender.UNSPECIFIED.value)
        self.chosen = False
        self.activated.connect(self._picked)

    def value(self) -> str:
        return str(self.currentData())

    def set_value(self, gender: str) -> None:
        self.setCurrentIndex(max(0, self.findData(gender)))

    def follow(self, name: QLineEdit) -> None:
        """Guess from ``name`` as it changes, until a gender is picked by hand."""
        name.textChanged.connect(self._guess)
        self._guess(name.text())

    def _guess(self, text: str) -> None:
        if not self.chosen:
            self.set_value(guess_gender(text).value)

    def _picked(self, _index: int) -> None:
        self.chosen = True
