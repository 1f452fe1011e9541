"""Refresh the translations: collect the strings, update i18n/kplan_lt.ts, build the .qm.

1. The error sentences of the layers below ui/ (KPlanError templates) cannot
   call tr(); they are collected from the source with ast into
   kplan_desktop/ui/error_texts.py as QT_TRANSLATE_NOOP("KPlanError", ...) lines,
   so lupdate sees them and ui/errors.py translates them at display time.
2. pyside6-lupdate updates i18n/kplan_lt.ts from kplan_desktop/ui/*.py, keeping
   the translations already made (the .ts is the source of truth).
3. pyside6-lrelease builds i18n/kplan_lt.qm, which the app loads.

Run: .venv/bin/python scripts/update_translations.py [--check]
``--check`` changes nothing and exits 1 if error_texts.py is out of date.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kplan_desktop"
ERROR_TEXTS = PACKAGE / "ui" / "error_texts.py"
TS = ROOT / "i18n" / "kplan_lt.ts"
QM = ROOT / "i18n" / "kplan_lt.qm"
BELOW_UI = ("core", "store", "sync", "documents", "demo")


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


def render_error_texts(templates: list[str]) -> str:
    lines = [
        "# ruff: noqa: E501",
        '"""The error sentences of the layers below ui/, for lupdate (generated: do not edit).',
        "",
        "Made by scripts/update_translations.py from every KPlanError raised in core/,",
        "store/, sync/ and documents/; ui/errors.py translates them when it shows one.",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "ERROR_TEXTS = (",
    ]
    lines += [f'    QT_TRANSLATE_NOOP("KPlanError", {t!r}),' for t in templates]
    lines += [")", ""]
    return "\n".join(lines)


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is missing: install PySide6-Essentials in the venv.")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check error_texts.py")
    args = parser.parse_args()
    wanted = render_error_texts(error_templates())
    current = ERROR_TEXTS.read_text(encoding="utf-8") if ERROR_TEXTS.exists() else ""
    if args.check:
        if wanted != current:
            print(f"{ERROR_TEXTS.relative_to(ROOT)} is out of date: run {Path(__file__).name}")
            return 1
        return 0
    if wanted != current:
        ERROR_TEXTS.write_text(wanted, encoding="utf-8")
    sources = sorted(str(p.relative_to(ROOT)) for p in (PACKAGE / "ui").rglob("*.py"))
    TS.parent.mkdir(exist_ok=True)
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(TS.relative_to(ROOT)),
                    "-no-obsolete", "-locations", "none", "-source-language", "en",
                    "-target-language", "lt_LT"], check=True, cwd=ROOT)
    subprocess.run([_tool("pyside6-lrelease"), str(TS.relative_to(ROOT)), "-qm",
                    str(QM.relative_to(ROOT))], check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
