"""Layering: nothing below ui/ imports Qt, so store, sync and documents run anywhere."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kplan_desktop

PACKAGE = Path(kplan_desktop.__file__).parent
QT_LESS = ("core", "store", "sync", "documents")
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def qt_imports(source: str, filename: str) -> list[str]:
    """Every import in the module (at any depth, also inside functions) that names Qt."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        line = getattr(node, "lineno", 0)
        found += [f"{filename}:{line} {n}" for n in names
                  if n.split(".")[0] in FORBIDDEN]
    return found


def test_the_checker_sees_every_way_of_importing_qt() -> None:
    source = (
        "import os\nimport PySide6.QtCore\nfrom shiboken6 import isValid\n"
        "def f():\n    from PySide6 import QtGui\n"
        "importlib.import_module('PySide6.QtWidgets')\n"
    )
    assert len(qt_imports(source, "x.py")) == 4
    assert qt_imports("from .ui import app\nimport sqlite3\n", "y.py") == []


@pytest.mark.parametrize("layer", QT_LESS)
def test_no_module_below_ui_imports_qt(layer: str) -> None:
    modules = sorted((PACKAGE / layer).rglob("*.py"))
    assert modules, f"{layer}/ has no modules"
    offenders = []
    for module in modules:
        offenders += qt_imports(module.read_text(encoding="utf-8"), str(module))
    assert offenders == []


@pytest.mark.parametrize("layer", QT_LESS)
def test_no_module_below_ui_imports_the_ui(layer: str) -> None:
    offenders = []
    for module in sorted((PACKAGE / layer).rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                target = node.module or ""
                if (node.level >= 2 and target.split(".")[0] == "ui") or (
                    node.level == 0 and target.startswith("kplan_desktop.ui")
                ):
                    offenders.append(f"{module}:{node.lineno}")
            elif isinstance(node, ast.Import):
                offenders += [f"{module}:{node.lineno}" for a in node.names
                              if a.name.startswith("kplan_desktop.ui")]
    assert offenders == []


def test_importing_the_lower_layers_loads_no_qt() -> None:
    modules = [
        f"kplan_desktop.{p.relative_to(PACKAGE).with_suffix('').as_posix().replace('/', '.')}"
        for layer in QT_LESS
        for p in sorted((PACKAGE / layer).rglob("*.py"))
    ]
    modules = [m.removesuffix(".__init__") for m in modules] + ["kplan_desktop.cli"]
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=60)
    assert json.loads(out.stdout) == []
