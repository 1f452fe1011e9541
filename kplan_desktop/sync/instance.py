"""One window per workspace: a lock file next to the workspace, held while it is open.

SQLite keeps two programs writing one file safe (every write is BEGIN
IMMEDIATE with a busy timeout), but two windows on one workspace confuse
their users: each shows a state the other changes. The GUI takes this lock
when it opens a workspace; a second window is told where the first one is.
The operating system drops the lock when the process ends, even killed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path
from typing import IO

from ..store.errors import WorkspaceError, WorkspaceLocked


class InstanceLock:
    """Held while this process has the workspace open in a window; ``release()`` or exit."""

    def __init__(self, workspace: Path) -> None:
        self.path = Path(f"{workspace}.lock")
        self._file: IO[bytes] | None = None
        self.workspace = workspace

    def acquire(self) -> InstanceLock:
        f = os.fdopen(self._open(), "r+b")  # held open for as long as the lock
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

    def _open(self) -> int:
        """A descriptor of the lock file, which must be a file of its own: it is truncated,
        and a link to the workspace (from a shared folder, an unpacked archive) would
        truncate the workspace. Judged before it is opened (closing a descriptor of the
        workspace would drop SQLite's locks on it), and again on the descriptor."""
        with contextlib.suppress(FileNotFoundError):
            if self._strange(os.lstat(self.path)):
                raise self._refusal()
        flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
                 | getattr(os, "O_BINARY", 0))
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # a symbolic link put there since
                raise self._refusal() from None
            raise
        st = os.fstat(fd)
        if self._strange(st):
            if not self._is_workspace(st):  # the workspace's own stays open: see above
                os.close(fd)
            raise self._refusal()
        return fd

    def _is_workspace(self, st: os.stat_result) -> bool:
        try:
            ws = os.stat(self.workspace)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) == (ws.st_dev, ws.st_ino)

    def _strange(self, st: os.stat_result) -> bool:
        return (not stat.S_ISREG(st.st_mode) or st.st_nlink > 1
                or self._is_workspace(st))

    def _refusal(self) -> WorkspaceError:
        return WorkspaceError(
            "{path} is a link or a special file, not KPlan's lock file; remove it and open the"
            " workspace again.", path=str(self.path))

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
