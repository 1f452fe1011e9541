"""Refresh the translations: collect the strings, update i18n/kplan_lt.ts, build the .qm.

1. The error sentences of the layers below ui/ (KPlanError templates) cannot
   call tr(); they are collected from the source with ast into
   kplan_desktop/ui/error_texts.py as QT_TRANSLATE_NOOP("KPlanError", ...) lines,
   so lupdate sees them and ui/errors.py translates them at display time.
   The same file lists the words ui/ modules pass through a small helper
   (``def _t(text): return QCoreApplication.translate("models", text)``), which
   lupdate cannot follow either.
2. pyside6-lupdate updates i18n/kplan_lt.ts from kplan_desktop/ui/*.py, keeping
   the translations already made (the .ts is the source of truth).
3. pyside6-lrelease builds i18n/kplan_lt.qm, which the app loads, and
   i18n/kplan_qt_lt.qm from i18n/kplan_qt_lt.ts: Lithuanian for the texts of Qt's
   own widgets we show (file dialog, standard buttons, context menus). PySide6
   ships no qtbase_lt.qm, only a Qt 4 era qt_lt.qm; that .ts is written by hand
   (its sources are Qt's, not ours, so lupdate has nothing to collect for it).
   i18n/kplan_en.ts holds the English plurals only ("%n remark(s)": 1 remark, 2 remarks).

Run: .venv/bin/python scripts/update_translations.py [--check] [--fill FILE.json ...]
``--fill`` takes translations written apart from the .ts (i18n/pending/*.json, so that
people working at once never race on one file): a list of objects
``{"source": ..., "lt": "..." or [one, few, many], "en": [one, many], "context": optional}``.
Only unfinished messages are filled, unless an entry says ``"replace": true`` (a finished
translation corrected); the files are then deleted by hand.
``--check`` changes nothing and exits 1, saying why, if error_texts.py is out of
date, if the .ts lacks a string of the sources, if a translation is unfinished,
or if a .qm is not the one its .ts builds.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kplan_desktop"
ERROR_TEXTS = PACKAGE / "ui" / "error_texts.py"
TS = ROOT / "i18n" / "kplan_lt.ts"
QM = ROOT / "i18n" / "kplan_lt.qm"
BELOW_UI = ("core", "store", "sync", "documents", "demo")
QT_TS = ROOT / "i18n" / "kplan_qt_lt.ts"
QT_QM = ROOT / "i18n" / "kplan_qt_lt.qm"
#: English needs a catalogue for its plurals only ("1 remark", "2 remarks" of "%n remark(s)").
EN_TS = ROOT / "i18n" / "kplan_en.ts"
EN_QM = ROOT / "i18n" / "kplan_en.qm"
#: Each catalogue and the .qm built from it.
CATALOGUES = ((TS, QM), (QT_TS, QT_QM), (EN_TS, EN_QM))


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """KPlanError and every class that derives from it, by name, across the package."""
    names = {"KPlanError"}
    changed = True
    while changed:
        changed = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                             for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        changed = True
    return names


def error_templates() -> list[str]:
    files = sorted(p for layer in BELOW_UI for p in (PACKAGE / layer).rglob("*.py"))
    files += sorted(PACKAGE.glob("cli*.py"))
    # ui/ raises a few too (shown through ui/errors.py like the others).
    files += sorted(p for p in (PACKAGE / "ui").glob("*.py") if p != ERROR_TEXTS)
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in files]
    classes = _error_classes(trees)
    found: list[str] = []
    for tree in trees:
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if name in classes and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append(first.value)
    return sorted(set(found))


def _translate_helper_context(func: ast.FunctionDef) -> str | None:
    """The context of a helper ``def f(text): return QCoreApplication.translate("ctx", text)``."""
    body = [n for n in func.body
            if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    if len(func.args.args) != 1 or len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate"
            and len(call.args) == 2):
        return None
    context, text = call.args
    if (isinstance(context, ast.Constant) and isinstance(context.value, str)
            and isinstance(text, ast.Name) and text.id == func.args.args[0].arg):
        return context.value
    return None


def wrapped_texts() -> list[tuple[str, str]]:
    """(context, text) of every literal a ui/ module passes through its translate helper."""
    found: set[tuple[str, str]] = set()
    for path in sorted((PACKAGE / "ui").glob("*.py")):
        if path == ERROR_TEXTS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {node.name: ctx for node in tree.body if isinstance(node, ast.FunctionDef)
                   and (ctx := _translate_helper_context(node)) is not None}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in helpers and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.add((helpers[node.func.id], node.args[0].value))
    return sorted(found)


def render_error_texts(templates: list[str], wrapped: list[tuple[str, str]]) -> str:
    lines = [
        "# ruff: noqa: E501",
        '"""The sentences lupdate cannot find by itself, for lupdate (generated: do not edit).',
        "",
        "Made by scripts/update_translations.py: ERROR_TEXTS from every KPlanError raised in",
        "core/, store/, sync/, documents/ and ui/ (ui/errors.py translates one when shown);",
        "WRAPPED_TEXTS from the literals ui/ modules pass through a translate helper.",
        "(Qt's own widgets' texts are in i18n/kplan_qt_lt.ts.)",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "ERROR_TEXTS = (",
    ]
    lines += [f'    QT_TRANSLATE_NOOP("KPlanError", {t!r}),' for t in templates]
    lines += [")", "", "WRAPPED_TEXTS = ("]
    lines += [f'    QT_TRANSLATE_NOOP("{c}", {t!r}),' for c, t in wrapped]
    lines += [")", ""]
    return "\n".join(lines)


def _messages(ts: Path) -> tuple[set[tuple[str, str]], list[str]]:
    """The (context, source) pairs of a .ts, and the sources whose translation is unfinished."""
    root = ET.parse(ts).getroot()
    pairs: set[tuple[str, str]] = set()
    unfinished: list[str] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            pairs.add((name, source))
            translation = message.find("translation")
            forms = [] if translation is None else (
                [f.text for f in translation.iter("numerusform")] or [translation.text])
            if (translation is None or translation.get("type") == "unfinished"
                    or not all(f and f.strip() for f in forms)):
                unfinished.append(f"{name}: {source}")
    return pairs, unfinished


def _lupdate(sources: list[str], ts: Path, language: str = "lt_LT") -> None:
    plurals = ["-pluralonly"] if language == "en" else []
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts), *plurals,
                    "-no-obsolete", "-locations", "none", "-source-language", "en",
                    "-target-language", language, "-silent"], check=True, cwd=ROOT)


def check() -> list[str]:
    """What is out of date or unfinished; empty when the translation is complete."""
    problems: list[str] = []
    wanted = render_error_texts(error_templates(), wrapped_texts())
    current = ERROR_TEXTS.read_text(encoding="utf-8") if ERROR_TEXTS.exists() else ""
    if wanted != current:
        problems.append(f"{ERROR_TEXTS.relative_to(ROOT)} is out of date")
    have, unfinished = _messages(TS)
    problems += [f"unfinished translation: {u}" for u in unfinished]
    problems += [f"unfinished translation in {QT_TS.name}: {u}" for u in _messages(QT_TS)[1]]
    english, unfinished_en = _messages(EN_TS)
    problems += [f"unfinished translation in {EN_TS.name}: {u}" for u in unfinished_en]
    with tempfile.TemporaryDirectory() as folder:
        # lupdate on a copy: which strings of the sources the .ts does not hold yet.
        copy = Path(folder) / TS.name
        shutil.copyfile(TS, copy)
        _lupdate(_ui_sources(), copy)
        now, _ = _messages(copy)
        copy_en = Path(folder) / EN_TS.name
        shutil.copyfile(EN_TS, copy_en)
        _lupdate(_ui_sources(), copy_en, "en")
        problems += [f"not in {EN_TS.name} yet: {c}: {s}"
                     for c, s in sorted(_messages(copy_en)[0] - english)]
        for ts, qm in CATALOGUES:
            built = Path(folder) / qm.name
            _lrelease(ts, built)
            if not qm.exists() or built.read_bytes() != qm.read_bytes():
                problems.append(f"{qm.relative_to(ROOT)} is not built from {ts.name}")
    problems += [f"not in {TS.name} yet: {c}: {s}" for c, s in sorted(now - have)]
    return problems


def _fill(ts: Path, entries: list[dict[str, object]], key: str) -> int:
    """Put the translations of ``entries`` into the unfinished messages of ``ts``."""
    by_pair: dict[tuple[str | None, str], object] = {}
    replace: set[tuple[str | None, str]] = set()
    for entry in entries:
        if key in entry:
            context = entry.get("context")
            pair = (str(context) if context else None, str(entry["source"]))
            by_pair[pair] = entry[key]
            if entry.get("replace"):
                replace.add(pair)
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            pair = (name, source) if (name, source) in by_pair else (None, source)
            value = by_pair.get(pair)
            translation = message.find("translation")
            if value is None or translation is None or (
                    translation.get("type") != "unfinished" and pair not in replace):
                continue
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value]
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = str(form)
            else:
                translation.text = str(value[0] if isinstance(value, list) else value)
            translation.attrib.pop("type", None)
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return filled


def _lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True, cwd=ROOT)


def _ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (PACKAGE / "ui").rglob("*.py"))


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is missing: install PySide6-Essentials in the venv.")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if anything is out of date or unfinished")
    parser.add_argument("--fill", nargs="*", type=Path, default=[], metavar="FILE.json",
                        help="translations to put into the unfinished messages")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        if problems:
            print(f"Run {Path(__file__).name}, then translate what is unfinished in {TS.name}.")
        return 1 if problems else 0
    wanted = render_error_texts(error_templates(), wrapped_texts())
    current = ERROR_TEXTS.read_text(encoding="utf-8") if ERROR_TEXTS.exists() else ""
    if wanted != current:
        ERROR_TEXTS.write_text(wanted, encoding="utf-8")
    TS.parent.mkdir(exist_ok=True)
    _lupdate(_ui_sources(), TS.relative_to(ROOT))
    _lupdate(_ui_sources(), EN_TS.relative_to(ROOT), "en")
    if args.fill:
        entries = [e for f in args.fill for e in json.loads(f.read_text(encoding="utf-8"))]
        print(f"filled {_fill(TS, entries, 'lt')} in {TS.name},"
              f" {_fill(EN_TS, entries, 'en')} in {EN_TS.name}")
        # lupdate again: it writes the file back in its own layout.
        _lupdate(_ui_sources(), TS.relative_to(ROOT))
        _lupdate(_ui_sources(), EN_TS.relative_to(ROOT), "en")
    for ts, qm in CATALOGUES:
        _lrelease(ts, qm)
    unfinished = _messages(TS)[1] + _messages(QT_TS)[1] + _messages(EN_TS)[1]
    if unfinished:
        print(f"{len(unfinished)} unfinished: translate them, then run this again.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
