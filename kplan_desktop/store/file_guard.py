"""The files a command writes are never the ones it works on.

``kplan bundle export W -o W`` once replaced the workspace by a bundle and
exited 0. Every command that writes a file asks ``check_output`` first; every
command that reads a file beside its workspace asks ``check_inputs`` (a
workspace read as a bundle through a plain descriptor would, on closing it,
drop this process's SQLite locks on the workspace, see SQLite's "How To Corrupt").
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..core.errors import KPlanError
from ..core.files import check_target
from ..core.paths import data_dir
from .errors import WorkspaceLocked
from .workspace import read_header

#: The workspace file and the files SQLite keeps beside it.
_COMPANIONS = ("", "-wal", "-shm", "-journal")
#: And the window's lock file (sync.instance): a new file in its place would let a second
#: window open the workspace. Never an output; left behind by a closed window, so a new
#: workspace may be made beside an old one.
_OUTPUT_COMPANIONS = (*_COMPANIONS, ".lock")


class PathRefused(KPlanError):
    """A command's output or input that would harm the workspace or another input."""


def _key(path: Path) -> str:
    """A path as the file system compares names: absolute, symlinks followed, case folded
    where the system folds it. For names that do not exist (yet), where samefile cannot."""
    absolute = Path(os.path.abspath(path))
    with contextlib.suppress(OSError, RuntimeError):  # a symlink loop: the name as given
        absolute = absolute.resolve()
    return os.path.normcase(str(absolute))


def _same(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError, ValueError):
        if os.path.samefile(a, b):  # hard links, symlinks, different spellings
            return True
    return _key(a) == _key(b)


def _workspace_files(workspace: Path, suffixes: tuple[str, ...] = _COMPANIONS) -> list[Path]:
    # SQLite names the journals after the file a symlink points to, so after both names.
    names = {workspace, Path(_key(workspace))}
    return [Path(f"{name}{suffix}") for name in names for suffix in suffixes]


def _companion_base(path: Path) -> Path:
    """``x.kplan`` for ``x.kplan-wal``; the path itself when it names no companion."""
    text = str(path)
    for suffix in _OUTPUT_COMPANIONS[1:]:
        if text.endswith(suffix):
            return Path(text[: -len(suffix)])
    return path


def is_workspace(path: Path) -> bool:
    """An existing KPlan workspace (or one of its SQLite files): by its name, else by the
    header as SQLite reads it (never a plain descriptor, see store.workspace.read_header)."""
    base = _companion_base(path)
    if not base.is_file():
        return False
    if base.name.lower().endswith(".kplan"):
        return True
    try:
        read_header(base, busy_timeout_ms=1000)
    except WorkspaceLocked:
        return True  # a database someone is writing: not a file to overwrite either
    except KPlanError:
        return False
    return True


def check_output(output: Path, *, workspace: Path | None = None,
                 inputs: Iterable[Path] = ()) -> None:
    """Refuse an output that is the workspace (or one of its files), any KPlan workspace, a
    file the same command reads, KPlan's own files (the signing keys), or no file at all (a
    folder, a device, a pipe)."""
    check_target(output)
    if workspace is not None and any(
            _same(output, f) for f in _workspace_files(workspace, _OUTPUT_COMPANIONS)):
        raise PathRefused("Writing {path} would overwrite the workspace {workspace}; choose"
                          " another file.", path=str(output), workspace=str(workspace))
    for source in inputs:
        if _same(output, source):
            raise PathRefused("{path} is also read by this command; choose another file to"
                              " write to.", path=str(output))
    if is_workspace(output):
        raise PathRefused("{path} is a KPlan workspace; choose another file to write to.",
                          path=str(output))
    if _is_own_file(output):
        raise PathRefused("{path} is one of KPlan's own files (its signing keys, settings and"
                          " logs); choose another file to write to.", path=str(output))


def _is_own_file(path: Path) -> bool:
    """One of KPlan's own files: in its keys or logs folder, a file right in its data folder
    (the settings), or a hard link to any of them. (Elsewhere under the data folder is the
    user's: a portable copy may keep its reports beside it.)"""
    own = Path(_key(data_dir()))
    target = Path(_key(path))
    folders = (own / "keys", own / "logs")
    if any(target == folder or folder in target.parents for folder in folders):
        return True
    if target.parent == own and os.path.lexists(target):
        return True
    if not path.is_file():
        return False
    with contextlib.suppress(OSError):
        for folder in (own, *folders):
            if any(_same(path, mine) for mine in folder.iterdir() if mine.is_file()):
                return True
    return False


def check_new_workspace(path: Path, *, inputs: Iterable[Path] = ()) -> None:
    """A workspace about to be made: neither it nor a file SQLite would take as its journal
    may exist (a stale -wal would be read into the new file), nor may it be an input."""
    for source in inputs:
        if _same(path, source):
            raise PathRefused("{path} is also read by this command; choose another file to"
                              " write to.", path=str(path))
    for file in _workspace_files(path):
        if os.path.lexists(file):
            raise PathRefused("{path} already exists; choose another name.", path=str(file))


def check_inputs(workspace: Path, inputs: Iterable[Path]) -> None:
    """Refuse a file to import that is the workspace itself (or one of its files)."""
    for source in inputs:
        if any(_same(source, f) for f in _workspace_files(workspace)):
            raise PathRefused("{path} is the workspace itself, not a file to import.",
                              path=str(source))
