"""What the accessibility tests look for in a window: controls a screen reader cannot name,
menu items and dialog buttons or labels without a mnemonic (Alt+letter)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)

_MNEMONIC = re.compile(r"&[^&\s]")


def has_mnemonic(text: str) -> bool:
    return bool(_MNEMONIC.search(text))


def _describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__}({widget.objectName() or '-'}, {text!r})"


def _inside_item_view(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def shown_controls(top: QWidget) -> list[QWidget]:
    """The controls of ``top`` a user reaches now: shown, enabled, focusable with Tab,
    and every button (a toolbar's tool buttons take no focus, yet are read out)."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) or not widget.isEnabled():
            continue
        if (not widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not isinstance(widget, QAbstractButton)):
            continue
        if widget.focusProxy() is not None or _inside_item_view(widget, top):
            continue  # the proxy is checked itself; an editor in a cell is the view's
        found.append(widget)
    return found


def unnamed_controls(top: QWidget) -> list[str]:
    """Focusable controls with no name in the accessibility tree (no text, no label, no
    accessibleName): a screen reader says only "edit" or "button"."""
    missing = []
    for widget in shown_controls(top):
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            missing.append(_describe(widget))
    return missing


def _is_escape_button(button: QAbstractButton) -> bool:
    box = button.parentWidget()
    return (isinstance(box, QDialogButtonBox)
            and box.buttonRole(button) in (QDialogButtonBox.ButtonRole.RejectRole,
                                           QDialogButtonBox.ButtonRole.HelpRole))


def missing_mnemonics(top: QWidget) -> list[str]:
    """Buttons, check boxes and form labels of a dialog or page without an Alt+letter.

    A Cancel/Close button is exempt: Esc is its key.
    """
    missing = []
    for widget in top.findChildren(QAbstractButton):
        if not widget.isVisibleTo(top) or not widget.text().strip():
            continue
        if not isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
            continue
        if _is_escape_button(widget):
            continue
        if not has_mnemonic(widget.text()):
            missing.append(_describe(widget))
    for form in top.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel) or not label.isVisibleTo(top):
                continue
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if field is not None and field.widget() is None:
                continue  # a label over a group (radio buttons with their own Alt+letter)
            shown = field.widget() if field is not None else None
            if shown is not None and not (shown.focusPolicy() & Qt.FocusPolicy.TabFocus
                                          or shown.focusProxy() is not None):
                continue  # a label beside a value shown, not an input: nothing to jump to
            if not label.text().strip():
                continue
            if not has_mnemonic(label.text()) or label.buddy() is None:
                missing.append(_describe(label))
    return missing


def menu_items_without_mnemonic(bar: QMenuBar) -> list[str]:
    missing: list[str] = []

    def walk(actions: list[QAction], where: str) -> None:
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            if not has_mnemonic(action.text()):
                missing.append(f"{where} > {action.text()}")
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions(), f"{where} > {action.text()}")

    walk(bar.actions(), "menu")
    return missing


def mnemonic(text: str) -> str | None:
    """The Alt+letter of ``text`` ("&&" is a plain "&"), lower-cased; None without one."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(0)[1].lower() if found else None


def _clashes(named: list[tuple[str, str]], where: str) -> list[str]:
    by_key: dict[str, list[str]] = {}
    for text, key in named:
        by_key.setdefault(key, []).append(text)
    return [f"{where}: Alt+{key.upper()} for {' / '.join(repr(t) for t in texts)}"
            for key, texts in sorted(by_key.items()) if len(texts) > 1]


def menu_mnemonic_clashes(bar: QMenuBar) -> list[str]:
    """Two shown items of one menu (or two menus of the bar) with the same Alt+letter:
    the letter then only moves between them instead of choosing."""
    found: list[str] = []

    def walk(actions: list[QAction], where: str) -> None:
        shown = [a for a in actions if not a.isSeparator() and a.isVisible()]
        found.extend(_clashes([(a.text(), k) for a in shown
                               if (k := mnemonic(a.text())) is not None], where))
        for action in shown:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions(), f"{where} > {action.text()}")

    walk(bar.actions(), "menu")
    return found


def mnemonic_owners(top: QWidget) -> list[tuple[str, str]]:
    """(text, Alt+letter) of what ``top`` shows that answers an Alt+letter: buttons,
    check boxes, radio buttons, labels with a buddy, group boxes and tabs."""
    owners: list[tuple[str, str]] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        if _inside_item_view(widget, top):
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel)
                                                   and widget.buddy() is not None):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())
                     if widget.isTabVisible(i)]
        owners.extend((text, key) for text in texts if (key := mnemonic(text)) is not None)
    return owners


def mnemonic_clashes(top: QWidget, also: list[tuple[str, str]] | None = None) -> list[str]:
    """Two things ``top`` shows (plus ``also``: the menu bar's titles, for a page) that
    answer the same Alt+letter."""
    return _clashes(mnemonic_owners(top) + (also or []), top.objectName() or type(top).__name__)


def menu_titles(bar: QMenuBar) -> list[tuple[str, str]]:
    return [(a.text(), k) for a in bar.actions()
            if a.isVisible() and (k := mnemonic(a.text())) is not None]
