"""Files in and out: writing safely, and reading a file from outside without trusting it.

Writing: a temporary file in the target folder, renamed into place. A failed or
cancelled write leaves neither a half-written file nor a stray temporary; the
file that was there before stays untouched until the new one is complete and on
disk. Reports, bundles and key files all go through here.

Reading (:func:`read_regular_file`): a bundle or key file is read only if the
opened descriptor is a regular file, and never beyond a hard size limit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import KPlanError


class FileWriteError(KPlanError):
    """A file cannot be written where asked."""


# --- the files SQLite holds in this process ------------------------------------------------------

#: The workspaces this process has open through SQLite (absolute paths, how many times).
#: Closing any plain descriptor of such a file drops every POSIX lock the process holds on
#: it, SQLite's too (sqlite.org/howtocorrupt.html, 2.2), and replacing it swaps the file
#: under the open connection: no read or write here ever opens one.
_held: dict[str, int] = {}
_JOURNALS = ("", "-wal", "-shm", "-journal")


def hold(path: Path) -> None:
    """``path`` is open through SQLite in this process (store.workspace registers it)."""
    key = os.path.abspath(path)
    _held[key] = _held.get(key, 0) + 1


def let_go(path: Path) -> None:
    key = os.path.abspath(path)
    if _held.get(key, 0) > 1:
        _held[key] -= 1
    else:
        _held.pop(key, None)


def held_by_sqlite(path: Path) -> bool:
    """Is ``path``, by any spelling or link, a workspace this process holds, or its journal?
    Judged by stat alone: no descriptor is opened."""
    for workspace in list(_held):
        if not os.path.exists(workspace):  # removed (or left unclosed by a test): no name
            _held.pop(workspace, None)     # leads to it any more
            continue
        # SQLite names the journals after the file a symbolic link leads to.
        for name in {workspace, os.path.realpath(workspace)}:
            for suffix in _JOURNALS:
                with contextlib.suppress(OSError, ValueError):
                    if os.path.samefile(path, f"{name}{suffix}"):
                        return True
    return False


def _is_held(st: os.stat_result) -> bool:
    for workspace in list(_held):
        with contextlib.suppress(OSError, ValueError):
            held = os.stat(workspace)
            if (held.st_dev, held.st_ino) == (st.st_dev, st.st_ino):
                return True
    return False


#: Of the target's name, what the temporary's name keeps: a name near the system's limit of
#: 255 bytes would otherwise make the temporary's too long, and a good name fail.
_TEMPORARY_NAME_CHARS = 60
#: Folders of devices and of the system's own views: a name there is no file to replace
#: (``-o /dev/stdout`` run as root would put a file in place of the device).
_SYSTEM_FOLDERS = ("/dev", "/proc", "/sys")
#: errno values that mean "no room": the disk, the user's quota, the largest file allowed.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
#: The same, as libxml2 (lxml, behind openpyxl and python-docx) reports them.
_NO_ROOM_WORDS = ("IO_ENOSPC", "IO_EFBIG", "IO_EDQUOT")


def _temporary_in(folder: Path, name: str) -> Path:
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{name[:_TEMPORARY_NAME_CHARS]}.", suffix=".part", dir=folder)
    except FileNotFoundError:
        raise FileWriteError("The folder {folder} does not exist.", folder=str(folder)) from None
    except PermissionError:
        raise FileWriteError(
            "You are not allowed to write in the folder {folder}.", folder=str(folder)
        ) from None
    except OSError as exc:  # a file where a folder should be, a name too long, a full disk
        raise _write_error(exc, folder / name) from None
    os.close(fd)
    return Path(tmp)


#: The names of a workspace and of the files SQLite and the window keep beside it.
_WORKSPACE_ENDINGS = (".kplan", ".kplan-wal", ".kplan-shm", ".kplan-journal", ".kplan.lock")


def _refuse_a_workspace(path: Path) -> None:
    """Never replace a workspace, whoever asks: a Save dialog pointed at the open file would
    swap it under the window's connection. (By its name only: reading its header here would
    open a descriptor on it, whose closing drops SQLite's locks; the command line's
    store.file_guard.check_output also knows a workspace by its header and by its links.)"""
    if not os.path.lexists(path):
        return
    names = {path.name, os.path.basename(os.path.realpath(path))}
    if any(name.lower().endswith(_WORKSPACE_ENDINGS) for name in names):
        raise FileWriteError("{path} is a KPlan workspace; choose another file to write to.",
                             path=str(path))


def _write_error(exc: OSError, path: Path) -> FileWriteError:
    if exc.errno in _NO_ROOM:
        return FileWriteError("The disk is full; {path} was not written.", path=str(path))
    return FileWriteError("{path} could not be written ({reason}).", path=str(path),
                          reason=exc.strerror or str(exc))


def check_target(path: Path) -> None:
    """Refuse a name that is no place for a new file: a folder, a device, a pipe, a socket,
    a name in /dev or /proc, a symbolic link that leads nowhere it can end."""
    path = Path(path)
    try:
        st = path.stat()  # follows links: what the name leads to
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise FileWriteError("{path} could not be written ({reason}).", path=str(path),
                             reason=os.strerror(errno.ENOTDIR)) from None
    except OSError as exc:  # a symbolic link loop, a name too long
        raise _write_error(exc, path) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise FileWriteError("{path} is a folder; give a file name.", path=str(path))
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise FileWriteError("{path} is not an ordinary file (a device, a pipe or a socket);"
                             " give the name of a file to write.", path=str(path))
    if os.name == "posix":
        folder = os.path.realpath(os.path.abspath(path.parent if str(path.parent) else "."))
        in_system = any(folder == top or folder.startswith(top + "/") for top in _SYSTEM_FOLDERS)
        if in_system and not (folder + "/").startswith("/dev/shm/"):  # shm: a memory disk
            raise FileWriteError("{path} is not an ordinary file (a device, a pipe or a"
                                 " socket); give the name of a file to write.", path=str(path))


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path to write to; on success it becomes ``path``, on failure it is removed."""
    path = Path(path)
    check_target(path)
    _refuse_a_workspace(path)
    if held_by_sqlite(path):
        raise FileWriteError("{path} is a KPlan workspace; choose another file to write to.",
                             path=str(path))
    tmp = _temporary_in(path.parent if str(path.parent) else Path("."), path.name)
    try:
        yield tmp
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        check_target(path)  # a pipe or a device put there meanwhile is not replaced either
        try:
            os.replace(tmp, path)
        except PermissionError:
            raise FileWriteError(
                "{path} cannot be replaced; close it if it is open in another program.",
                path=str(path),
            ) from None
        _sync_folder(path.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _write_error(exc, path) from None
        if any(word in str(exc) for word in _NO_ROOM_WORDS):  # lxml's own exception
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


# --- reading a file from outside -----------------------------------------------------------------


class FileReadError(KPlanError):
    """A file from outside (a bundle, a key file) that is not read, and why."""


class FileTooLarge(FileReadError):
    """The file holds more than the reader's limit; ``args_map`` has ``name`` and ``limit``."""


def read_regular_file(path: Path, limit: int, name: str | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    The type is judged on the opened descriptor, not the path, so a link swapped
    in between cannot slip a FIFO or a device past the check: O_NONBLOCK keeps the
    open of a FIFO from waiting for a writer, and fstat refuses anything but a
    regular file (a FIFO, /dev/zero, a socket, a folder). At most ``limit + 1``
    bytes are ever read, so a file that grows, or lies in its size, cannot
    exhaust memory. Symbolic links are followed: the danger is what the
    descriptor reads, not the path to it. Never call this on a workspace file
    SQLite may hold: closing a descriptor drops the process's POSIX locks on it.
    """
    path = Path(path)
    name = name or path.name
    if held_by_sqlite(path):  # judged before a descriptor exists: closing one drops the locks
        raise FileReadError("{path} is the workspace itself, not a file to import.",
                            path=str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileReadError("There is no file {path}.", path=str(path)) from None
    except IsADirectoryError:
        raise FileReadError("{name} is a folder, not a file.", name=name) from None
    except OSError as exc:
        raise FileReadError(
            "{name} could not be read ({reason}).", name=name, reason=exc.strerror or str(exc)
        ) from None
    try:
        st = os.fstat(fd)
        if _is_held(st):  # linked there since the check: this descriptor is never closed
            fd_kept = fd
            fd = -1
            _kept_open.append(fd_kept)
            raise FileReadError("{path} is the workspace itself, not a file to import.",
                                path=str(path))
        if stat.S_ISDIR(st.st_mode):
            raise FileReadError("{name} is a folder, not a file.", name=name)
        if not stat.S_ISREG(st.st_mode):
            raise FileReadError(
                "{name} is not an ordinary file (a device, a pipe or a socket); it is not read.",
                name=name,
            )
        if st.st_size > limit:
            raise FileTooLarge("{name} is larger than {limit} bytes.", name=name, limit=limit)
        return _read_at_most(fd, limit, st.st_size, name)
    except OSError as exc:
        raise FileReadError(
            "{name} could not be read ({reason}).", name=name, reason=exc.strerror or str(exc)
        ) from None
    finally:
        if fd >= 0:
            os.close(fd)


#: Descriptors of a held workspace opened by a race: kept, so that their closing never drops
#: SQLite's locks; the process's end closes them.
_kept_open: list[int] = []


def _read_at_most(fd: int, limit: int, expected: int, name: str) -> bytes:
    # The first read asks for the whole stated size plus one byte, so the usual file is one
    # bytes object with no copy; a file that grows is read on, at most to limit + 1.
    chunks: list[bytes] = []
    total = 0
    want = expected + 1
    while total <= limit:
        chunk = os.read(fd, min(want, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 1 << 16
    if total > limit:
        raise FileTooLarge("{name} is larger than {limit} bytes.", name=name, limit=limit)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
