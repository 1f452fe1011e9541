"""Small builders shared by the tests."""

from __future__ import annotations

from pathlib import Path

from kplan_desktop.store.workspace import Workspace
from kplan_desktop.sync.identity import new_plan
from kplan_desktop.sync.keys import KeyStore


def make_plan(path: Path, *, title: str = "Kauno strateginis plėtros planas",
              name: str = "Rūta Žemaitienė", email: str = "ruta@example.lt") -> Workspace:
    """A new plan whose creator is the coordination group's secretary."""
    return new_plan(path, title=title, full_name=name, email=email, keystore=KeyStore())
