"""One window per workspace: a lock file next to the workspace, held while it is open.

SQLite keeps two programs writing one file safe (every write is BEGIN
IMMEDIATE with a busy timeout), but two windows on one workspace confuse
their users: each shows a state the other changes. The GUI takes this lock
when it opens a workspace; a second window is told where the first one is.
The operating system drops the lock when the process ends, even killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from ..store.errors import WorkspaceLocked


class InstanceLock:
    """Held while this process has the workspace open in a window; ``release()`` or exit."""

    def __init__(self, workspace: Path) -> None:
        self.path = Path(f"{workspace}.lock")
        self._file: IO[bytes] | None = None
        self.workspace = workspace

    def acquire(self) -> InstanceLock:
        f = open(self.path, "a+b")  # noqa: SIM115 - held open for as long as the lock
        try:
            _lock(f)
        except OSError:
            f.close()
            raise WorkspaceLocked(
                "The workspace {path} is already open in another KPlan window; switch to that"
                " window, or close it and try again.",
                path=str(self.workspace),
            ) from None
        f.seek(0)
        f.truncate()
        f.write(f"{os.getpid()}\n".encode())
        f.flush()
        self._file = f
        return self

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing drops the lock
            self._file = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _lock(f: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def lock_workspace(workspace: str | os.PathLike[str]) -> InstanceLock:
    """Take the window lock of a workspace, or raise WorkspaceLocked with a sentence."""
    return InstanceLock(Path(workspace)).acquire()
