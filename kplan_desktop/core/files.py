"""Writing a file safely: a temporary file in the target folder, renamed into place.

A failed or cancelled write leaves neither a half-written file nor a stray
temporary; the file that was there before stays untouched until the new one is
complete and on disk. Reports, bundles and key files all go through here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import KPlanError


class FileWriteError(KPlanError):
    """A file cannot be written where asked."""


def _temporary_in(folder: Path, name: str) -> Path:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    except FileNotFoundError:
        raise FileWriteError("The folder {folder} does not exist.", folder=str(folder)) from None
    except PermissionError:
        raise FileWriteError(
            "You are not allowed to write in the folder {folder}.", folder=str(folder)
        ) from None
    os.close(fd)
    return Path(tmp)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path to write to; on success it becomes ``path``, on failure it is removed."""
    path = Path(path)
    if path.is_dir():
        raise FileWriteError("{path} is a folder; give a file name.", path=str(path))
    tmp = _temporary_in(path.parent if str(path.parent) else Path("."), path.name)
    try:
        yield tmp
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        try:
            os.replace(tmp, path)
        except PermissionError:
            raise FileWriteError(
                "{path} cannot be replaced; close it if it is open in another program.",
                path=str(path),
            ) from None
        _sync_folder(path.parent)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise FileWriteError(
                "The disk is full; {path} was not written.", path=str(path)
            ) from None
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """``data`` as the whole new content of ``path``, all or nothing.

    The temporary is made by mkstemp, so it is readable by its owner only (key files).
    """
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
