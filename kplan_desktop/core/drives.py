"""Is a workspace's folder a safe place for an SQLite file? And where is a local one?

SQLite needs working file locks and a file that only this computer writes while it is open.
A network share (a UNC path or a mapped drive) breaks the locks; a folder that OneDrive or
SharePoint syncs gets copied, replaced and rolled back behind SQLite's back. Municipal PCs
often redirect Documents to either, so the app warns before opening or creating a workspace
there and offers a local folder.

The judgement, :func:`risky_place`, is a pure function of (path, drive type, environment) so
that it is tested on Linux with Windows paths; :func:`drive_type_of` is the one call that asks
the operating system (``GetDriveTypeW`` on Windows, the mount table elsewhere).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, IntEnum
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath


class DriveType(IntEnum):
    """The values ``GetDriveTypeW`` returns (winbase.h)."""

    UNKNOWN = 0
    NO_ROOT_DIR = 1
    REMOVABLE = 2
    FIXED = 3
    REMOTE = 4
    CDROM = 5
    RAMDISK = 6


class Risk(Enum):
    UNC = "unc"  # \\server\share\...
    NETWORK_DRIVE = "network drive"  # a mapped drive letter, or a network mount elsewhere
    SYNCED = "synced"  # OneDrive or a SharePoint library synced by it


@dataclass(frozen=True)
class RiskyPlace:
    risk: Risk
    #: The share or synced folder the path is in, to name it in the warning.
    where: str


#: Environment variables OneDrive sets to the folders it syncs (personal and work accounts).
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")

#: File systems of network mounts on Linux and macOS (/proc/mounts, mount(8)).
NETWORK_FILESYSTEMS = frozenset({
    "cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "ncpfs", "davfs", "fuse.sshfs",
    "fuse.rclone", "fuse.gvfsd-fuse",
})


def _windows_path(path: str) -> PureWindowsPath:
    text = path
    # \\?\C:\... is a local long path; \\?\UNC\server\share\... is a UNC one.
    if text.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        text = "\\\\" + text[8:]
    elif text.startswith(("\\\\?\\", "//?/")):
        text = text[4:]
    return PureWindowsPath(text)


def _is_within(path: PurePath, folder: PurePath) -> bool:
    parts = [p.casefold() for p in path.parts]
    prefix = [p.casefold() for p in folder.parts]
    return bool(prefix) and parts[:len(prefix)] == prefix


def risky_place(path: str, drive_type: int | None, env: Mapping[str, str], *,
                windows: bool = True) -> RiskyPlace | None:
    """Why ``path`` is a bad place for a workspace, or None when it is a local folder.

    ``drive_type`` is what :func:`drive_type_of` says of the path's drive (None: unknown);
    ``env`` is the process environment; ``windows`` says how to read the path.
    """
    pure: PurePath = _windows_path(path) if windows else PurePosixPath(path)
    if windows and pure.drive.startswith("\\\\"):
        return RiskyPlace(Risk.UNC, pure.drive)
    if drive_type == DriveType.REMOTE:
        return RiskyPlace(Risk.NETWORK_DRIVE, pure.drive or pure.anchor)
    for name in ONEDRIVE_VARIABLES:
        folder = env.get(name, "").strip()
        if folder:
            synced = _windows_path(folder) if windows else PurePosixPath(folder)
            if _is_within(pure, synced):
                return RiskyPlace(Risk.SYNCED, str(synced))
    # OneDrive's folders are "OneDrive" and "OneDrive - <organisation>" (the latter also holds
    # the SharePoint libraries it syncs), even when the variables are not set in this process.
    for index, part in enumerate(pure.parts[:-1]):
        folded = part.casefold()
        if folded == "onedrive" or folded.startswith("onedrive - "):
            return RiskyPlace(Risk.SYNCED, str(type(pure)(*pure.parts[:index + 1])))
    return None


def default_workspace_dir(env: Mapping[str, str], documents: str,
                          documents_place: RiskyPlace | None, *,
                          windows: bool = True) -> str:
    """The folder for new workspaces: Documents\\KPlan when Documents is local, else the
    user's local application data (never synced nor redirected), or ~/KPlan elsewhere."""
    if windows:
        if documents and documents_place is None:
            return str(_windows_path(documents) / "KPlan")
        local = env.get("LOCALAPPDATA") or str(
            PureWindowsPath(env.get("USERPROFILE", "C:\\Users\\Default"), "AppData", "Local"))
        return str(PureWindowsPath(local, "KPlan", "Workspaces"))
    if documents and documents_place is None:
        return str(PurePosixPath(documents) / "KPlan")
    home = env.get("HOME", "/tmp")
    return str(PurePosixPath(home, ".local", "share", "kplan", "workspaces"))


# --- asking the operating system ---------------------------------------------------------------


def drive_type_of(path: Path) -> int | None:
    """``GetDriveTypeW`` of the path's drive on Windows; elsewhere REMOTE for a network mount,
    FIXED otherwise; None when it cannot be told."""
    if sys.platform == "win32":
        import ctypes

        anchor = _windows_path(str(path)).anchor
        if not anchor:
            return None
        get_drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]
        return int(get_drive_type(anchor))
    fs_type = mount_type(path, _read_mounts())
    if fs_type is None:
        return None
    return DriveType.REMOTE if fs_type in NETWORK_FILESYSTEMS else DriveType.FIXED


def mount_type(path: Path, mounts: list[tuple[str, str]]) -> str | None:
    """The file-system type of the longest mount point holding ``path`` (pure)."""
    best: tuple[int, str] | None = None
    posix = PurePosixPath(path)
    for point, fs_type in mounts:
        mount = PurePosixPath(point)
        if (posix == mount or mount in posix.parents) and (
                best is None or len(mount.parts) > best[0]):
            best = (len(mount.parts), fs_type)
    return best[1] if best else None


def _read_mounts() -> list[tuple[str, str]]:
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            # /proc/mounts writes spaces in mount points as \040
            mounts.append((fields[1].replace("\\040", " "), fields[2]))
    return mounts


def check_place(path: Path) -> RiskyPlace | None:
    """:func:`risky_place` for a real path on this computer."""
    folder = path.parent
    with contextlib.suppress(OSError):  # resolving follows a mapped drive to its UNC path
        folder = folder.resolve()
    return risky_place(str(folder / path.name), drive_type_of(folder), os.environ,
                       windows=sys.platform == "win32")


def local_workspace_dir(documents: Path | None) -> Path:
    """Where to offer to keep workspaces on this computer (see :func:`default_workspace_dir`).

    ``documents`` is the user's Documents folder as the desktop knows it (it may be redirected
    to a share or to OneDrive); None when there is none.
    """
    known = documents is not None and documents.is_dir()
    place = check_place(documents / "x.kplan") if documents is not None and known else None
    return Path(default_workspace_dir(os.environ, str(documents) if known else "", place,
                                      windows=sys.platform == "win32"))
