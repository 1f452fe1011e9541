"""The workspace file: one SQLite file per plan, opened safely, written atomically.

Every write goes through :meth:`Workspace.write`, one ``BEGIN IMMEDIATE``
transaction in which each change is appended to the event log and applied to
the rows, so a failed write leaves neither the row nor its event.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import clock, files
from ..core.model import Actor, GroupKind, Membership, Role
from . import events, permissions
from .errors import (
    DiskFull,
    NewerSchema,
    NotAWorkspace,
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceExists,
    WorkspaceLocked,
    WorkspaceReadOnly,
)
from .version import APPLICATION_ID, SCHEMA_VERSION

SUFFIX = ".kplan"
#: An SQLite file is at least its 100-byte header; anything shorter is not one.
_HEADER_BYTES = 100
#: How long a write waits for another program's write to finish.
BUSY_TIMEOUT_MS = 10_000


#: Wrapped around every COMMIT of this process, innermost last (see :func:`watching_commits`).
_commit_watchers: list[Callable[[], contextlib.AbstractContextManager[object]]] = []


@contextlib.contextmanager
def watching_commits(
    watcher: Callable[[], contextlib.AbstractContextManager[object]],
) -> Iterator[None]:
    """``watcher()`` is entered just before each COMMIT and left just after, while this lasts.

    The command line defers an interrupt (Ctrl+C) there: one that lands after SQLite has
    committed but before Python hears of it must not be told "nothing was changed"; it
    has to let the job finish and say it did.
    """
    _commit_watchers.append(watcher)
    try:
        yield
    finally:
        _commit_watchers.remove(watcher)


def _commit(conn: sqlite3.Connection) -> None:
    with contextlib.ExitStack() as stack:
        for watcher in list(_commit_watchers):
            stack.enter_context(watcher())
        conn.execute("COMMIT")


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True)
class Identity:
    plan_id: str
    device_id: str
    person_id: str
    fingerprint: str
    is_demo: bool


def read_header(path: Path, *, busy_timeout_ms: int | None = None) -> tuple[int, int]:
    """(application_id, schema version) of the file at ``path``, read through SQLite.

    Raises NotAWorkspace for anything that is not a KPlan workspace: an empty
    file, a text file, a PDF, another program's SQLite database; the file is
    only read.

    Never with a plain ``open()``: closing any descriptor of a file drops every
    POSIX lock this process holds on it, SQLite's too, and a window or a worker of
    this process may have the workspace open (sqlite.org/howtocorrupt.html, 2.2).
    SQLite's own connections share one descriptor per file and close it only when
    no connection of the process holds a lock.
    """
    _check_file(path)
    try:
        conn = _open_for_reading(path, busy_timeout_ms)
    except sqlite3.Error as exc:
        raise sqlite_error(exc, path) from exc
    with contextlib.closing(conn):
        return _read_header(conn, path)


def _check_file(path: Path) -> None:
    """What can be told without opening the file: there, a file, readable, large enough."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise WorkspaceError("There is no workspace at {path}.", path=str(path)) from None
    except PermissionError:
        raise WorkspaceReadOnly("You are not allowed to read {path}.", path=str(path)) from None
    except OSError as exc:  # a symbolic link loop, a file where a folder should be, a long name
        raise WorkspaceError(
            "The workspace {path} could not be read or written ({reason}).",
            path=str(path), reason=exc.strerror or str(exc),
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise NotAWorkspace("{path} is a folder, not a KPlan workspace.", path=str(path))
    # Not a FIFO or a device (opening one could wait for ever), nor shorter than a header.
    if not stat.S_ISREG(st.st_mode) or st.st_size < _HEADER_BYTES:
        raise NotAWorkspace("{path} is not a KPlan workspace.", path=str(path))
    if not os.access(path, os.R_OK):
        raise WorkspaceReadOnly("You are not allowed to read {path}.", path=str(path))


def _open_sqlite(path: Path, mode: str, busy_timeout_ms: int | None) -> sqlite3.Connection:
    """A connection that has not touched the file yet (SQLite opens it on first use)."""
    busy_ms = BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
    conn = sqlite3.connect(
        f"{path.absolute().as_uri()}?mode={mode}",
        uri=True,
        timeout=busy_ms / 1000,
        isolation_level=None,  # we open every transaction ourselves
        check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")  # this connection's; writes nothing
    return conn


def _open_for_reading(path: Path, busy_timeout_ms: int | None) -> sqlite3.Connection:
    """A connection that only reads. Where the file may be written it is opened for writing
    with writes refused (query_only): the last connection to close then removes the -wal
    and -shm files, which a read-only connection cannot, and `kplan info` left beside every
    workspace it read (and beside a file it refused)."""
    if not is_writable(path):
        return _open_sqlite(path, "ro", busy_timeout_ms)
    conn = _open_sqlite(path, "rw", busy_timeout_ms)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _read_header(conn: sqlite3.Connection, path: Path) -> tuple[int, int]:
    """The application id and schema version; reads only, so anything else is left as it was."""
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            raise NotAWorkspace("{path} is not a KPlan workspace.", path=str(path)) from None
        raise sqlite_error(exc, path) from exc
    if app_id != APPLICATION_ID:
        raise NotAWorkspace(
            "{path} is an SQLite database of another program, not a KPlan workspace.",
            path=str(path),
        )
    return app_id, version


def sqlite_error(exc: sqlite3.Error, path: Path) -> WorkspaceError:
    """Sort an SQLite failure into a sentence for the user."""
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    if "locked" in text or "busy" in text:
        return WorkspaceLocked(
            "The workspace {path} is busy in another program; close it there and try again.",
            path=str(path),
        )
    if "readonly" in text or "read-only" in text:
        return WorkspaceReadOnly(
            "The workspace {path} is read-only; copy it to a folder you can write to.",
            path=str(path),
        )
    if code == sqlite3.SQLITE_FULL or "disk is full" in text or "database or disk is full" in text:
        return DiskFull("The disk is full; free some space and try again.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return WorkspaceDamaged(
            "The workspace {path} is damaged; restore it from a backup copy.", path=str(path)
        )
    if "unable to open" in text or "disk i/o" in text:
        return WorkspaceError(
            "The workspace {path} could not be read or written ({reason}).",
            path=str(path),
            reason=str(exc),
        )
    return WorkspaceError("The workspace {path} failed: {reason}.", path=str(path), reason=str(exc))


def _configure(conn: sqlite3.Connection, *, readonly: bool) -> None:
    """The settings of every workspace connection; journal_mode=WAL writes the header."""
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


class Workspace:
    """An open workspace file. Not shared between threads: open one per thread."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool) -> None:
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self._identity: Identity | None = None
        self._closed = False

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        readonly: bool = False,
        busy_timeout_ms: int | None = None,
        check: bool = True,
    ) -> Workspace:
        """Open an existing workspace, migrating it (after a backup copy) if it is older.

        ``busy_timeout_ms``: how long a write waits for another program's write
        (default :data:`BUSY_TIMEOUT_MS`).
        """
        path = Path(path)
        _check_file(path)
        try:
            conn = (_open_for_reading(path, busy_timeout_ms) if readonly
                    else _open_sqlite(path, "rw", busy_timeout_ms))
        except sqlite3.Error as exc:
            raise sqlite_error(exc, path) from exc
        ws = cls(path, conn, readonly=readonly)
        try:
            # The header is read before anything that writes (journal_mode): a file that is
            # not ours, or not for this version, is refused as it was found.
            _, version = _read_header(conn, path)
            if version > SCHEMA_VERSION:
                raise NewerSchema(
                    "{path} was made by a newer version of KPlan; update KPlan to open it.",
                    path=str(path),
                )
            if not readonly and not is_writable(path):
                raise WorkspaceReadOnly(
                    "The workspace {path} is read-only; copy it to a folder you can write to.",
                    path=str(path),
                )
            _configure(conn, readonly=readonly)
            if check:
                ws._check_first_open()
            if version < SCHEMA_VERSION:
                if readonly:
                    raise WorkspaceError(
                        "{path} needs an upgrade to this version of KPlan; open it once to"
                        " upgrade it.",
                        path=str(path),
                    )
                ws._migrate_with_backup(version)
            ws.identity  # noqa: B018 - a file without an identity is not a usable workspace
            files.hold(path)  # from now on no plain read or write of this process opens it
        except sqlite3.Error as exc:
            conn.close()
            raise sqlite_error(exc, path) from exc
        except BaseException:
            conn.close()
            raise
        return ws

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> Workspace:
        """An empty workspace with the current schema; the caller writes its identity."""
        path = Path(path)
        if path.exists():
            raise WorkspaceExists(
                "{path} already exists; choose another name.", path=str(path)
            )
        try:
            conn = _open_sqlite(path, "rwc", None)
            _configure(conn, readonly=False)
        except sqlite3.Error as exc:
            raise sqlite_error(exc, path) from exc
        ws = cls(path, conn, readonly=False)
        try:
            with ws._immediate():
                ws.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                _apply_migrations(ws.conn)
                ws.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            # Put the header (application id, schema version) into the main file now: another
            # connection opening the file (a worker thread, the GUI) judges it by its header.
            ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except BaseException as exc:
            # _immediate() has already turned SQLite's failures into WorkspaceErrors;
            # either way no half-made file is left behind.
            conn.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(OSError):
                    Path(f"{path}{suffix}").unlink()
            if isinstance(exc, sqlite3.Error):
                raise sqlite_error(exc, path) from exc
            raise
        files.hold(path)
        return ws

    def needs_first_open_check(self) -> bool:
        """Has this copy not yet checked the file at this path (it came from elsewhere)?"""
        seen = self.conn.execute(
            "SELECT value FROM meta WHERE key = 'opened_at_path'"
        ).fetchone() if self._has_table("meta") else None
        return not (seen and seen[0] == str(self.path.resolve()))

    def run_first_open_check(self) -> None:
        """The check ``open(check=False)`` left out; refuses a damaged file."""
        self._check_first_open()

    def _check_first_open(self) -> None:
        """A file this copy has not opened at this path before gets a quick_check.

        ``open(check=False)`` leaves it out, for the GUI to run it off the UI thread
        (it reads the whole file: seconds for a large workspace).
        """
        if not self.needs_first_open_check():
            return
        where = str(self.path.resolve())
        result = self.conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise WorkspaceDamaged(
                "The workspace {path} is damaged; restore it from a backup copy.",
                path=str(self.path),
            )
        if not self.readonly and self._has_table("meta"):
            with self._immediate():
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('opened_at_path', ?)",
                    (where,),
                )

    def _has_table(self, name: str) -> bool:
        return bool(
            self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
        )

    def backup_path(self, version: int) -> Path:
        return self.path.with_name(f"{self.path.name}.schema{version}.bak")

    def _migrate_with_backup(self, version: int) -> None:
        """Copy the file aside with SQLite's backup API, then migrate in one transaction.

        Another program may be opening the same old file at this moment: a copy of a
        file it has already migrated is not kept, so the backup always holds the old data.
        """
        target = self.backup_path(version)
        partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            with contextlib.closing(sqlite3.connect(partial)) as dest:
                self.conn.backup(dest)
                copied_version = dest.execute("PRAGMA user_version").fetchone()[0]
            if copied_version >= SCHEMA_VERSION:
                return  # migrated meanwhile by another program, after its own backup
            os.replace(partial, target)
        finally:
            with contextlib.suppress(OSError):
                partial.unlink()
        with self._immediate():
            _apply_migrations(self.conn)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the new version into the header

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the file: another
        program (the command line, another copy), or another connection of this process."""
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path) from exc

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            files.let_go(self.path)
        self.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- who is this copy ----------------------------------------------------------------------

    @property
    def identity(self) -> Identity:
        if self._identity is None:
            row = self.conn.execute(
                "SELECT plan_id, device_id, person_id, fingerprint, is_demo FROM local_identity"
            ).fetchone()
            if row is None:
                raise NotAWorkspace(
                    "{path} has no plan in it; it was not finished when it was made.",
                    path=str(self.path),
                )
            self._identity = Identity(row[0], row[1], row[2], row[3], bool(row[4]))
        return self._identity

    def actor(self, person_id: str | None = None, today: str | None = None) -> Actor:
        """The person acting (this copy's, unless given) with the memberships in force."""
        person_id = person_id or self.identity.person_id
        today = today or time.strftime("%Y-%m-%d")
        rows = self.conn.execute(
            "SELECT m.group_id, g.kind, m.role FROM membership m"
            " JOIN work_group g ON g.id = m.group_id"
            " WHERE m.person_id = ? AND m.deleted = 0 AND g.archived = 0"
            " AND (m.until = '' OR m.until >= ?) AND (m.since = '' OR m.since <= ?)"
            " ORDER BY g.kind DESC, g.code",
            (person_id, today, today),
        ).fetchall()
        return Actor(
            person_id, tuple(Membership(g, GroupKind(k), Role(r)) for g, k, r in rows)
        )

    # --- writing -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _immediate(self) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE transaction: all of it, or nothing."""
        if self.readonly:
            raise WorkspaceReadOnly(
                "The workspace {path} is open read-only.", path=str(self.path)
            )
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise sqlite_error(exc, self.path) from exc
        try:
            yield self.conn
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise sqlite_error(exc, self.path) from exc
            raise
        try:
            _commit(self.conn)
        except BaseException as exc:  # an interrupt before the COMMIT ran too: nothing written
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise sqlite_error(exc, self.path) from exc
            raise

    @contextlib.contextmanager
    def write(self, actor: Actor | None = None) -> Iterator[Writer]:
        """A transaction in which every change becomes an event of this copy's feed.

        ``actor``: the person the events are written by, when not this copy's own (tests
        and the demo act for others on one copy; such events are valid on this copy only,
        since other copies accept a feed's events only from the feed's own person).
        """
        with self._immediate() as conn:
            ident = self.identity
            # Read inside the transaction: another process may have written since.
            last_hlc, seq, head, key, fp = conn.execute(
                "SELECT last_hlc, seq, head, public_key, fingerprint FROM local_identity"
            ).fetchone()
            author = actor.person_id if actor is not None else ident.person_id
            feed = Feed(ident.plan_id, ident.device_id, author, seq, head, last_hlc, key, fp)
            writer = Writer(conn, feed)
            yield writer
            writer.finish()

    @contextlib.contextmanager
    def raw_transaction(self) -> Iterator[sqlite3.Connection]:
        """A transaction for bookkeeping outside the event log (sync state, meta)."""
        with self._immediate() as conn:
            yield conn

    def on_network_drive(self) -> bool:
        return on_network_drive(self.path)


@dataclass
class Feed:
    """One device's chain of events: who writes, how far it has got, its clock."""

    plan: str
    device: str
    author: str
    seq: int = 0
    head: str | None = None
    last_hlc: int = 0
    #: The key this feed is signed with (base64) and its fingerprint: what the person may
    #: write as their own key (see core.permissions).
    public_key: str = ""
    fingerprint: str = ""


class Writer:
    """Appends one feed's events inside an open transaction and applies them.

    ``ws.write()`` gives a writer of this copy's own feed. The demo builder
    writes other people's feeds (as if their bundles had been imported) with
    ``local=False``, and a fixed clock so the same seed gives the same plan.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        feed: Feed,
        *,
        clock_ms: int | None = None,
        local: bool = True,
    ) -> None:
        self.conn = conn
        self.feed = feed
        self._start_seq = feed.seq
        self._local = local
        self.now_ms = now_ms() if clock_ms is None else clock_ms
        self._actors: dict[str, Actor] = {}

    def put(self, entity: str, entity_id: str, fields: Mapping[str, Any]) -> events.Event:
        """Record and apply one change of ``entity`` ``entity_id``."""
        if entity not in events.ENTITIES:
            raise ValueError(f"unknown entity {entity!r}")
        feed = self.feed
        feed.last_hlc = clock.tick(feed.last_hlc, self.now_ms)
        feed.seq += 1
        event = events.make(
            plan=feed.plan,
            device=feed.device,
            seq=feed.seq,
            hlc=feed.last_hlc,
            author=feed.author,
            entity=entity,
            entity_id=entity_id,
            fields={name: events.clean_text(value) for name, value in fields.items()},
            prev=feed.head,
        )
        # The same table judges this write as it judges the event arriving in a bundle.
        permissions.judge_local(self.conn, event, self._actor, feed.public_key, feed.fingerprint)
        events.record(self.conn, event)
        refusal = permissions.apply(self.conn, event, self._actor)
        if refusal is not None:
            raise refusal
        feed.head = event.id
        if entity in ("membership", "work_group"):
            self._actors.clear()
        return event

    def _actor(self, person_id: str) -> Actor:
        actor = self._actors.get(person_id)
        if actor is None:
            actor = self._actors[person_id] = permissions.actor_of(self.conn, person_id)
        return actor

    def finish(self) -> None:
        if self._local and self.feed.seq != self._start_seq:
            self.conn.execute(
                "UPDATE local_identity SET last_hlc = ?, seq = ?, head = ?",
                (self.feed.last_hlc, self.feed.seq, self.feed.head),
            )


def is_writable(path: Path) -> bool:
    """May we write the file? Its mode bits count too: root may write anything, but a file
    its owner marked read-only (chmod a-w, a read-only copy) is not to be changed."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & 0o222) and os.access(path, os.W_OK)


def _apply_migrations(conn: sqlite3.Connection) -> None:
    from .schema import apply_migrations  # sqlite-utils only when a file is made or migrated

    apply_migrations(conn)


def on_network_drive(path: Path, mounts_file: str = "/proc/mounts") -> bool:
    """Is the file on a network file system, where SQLite's locking is not safe?"""
    try:
        target = str(path.resolve().parent)
        best, fstype = "", ""
        with open(mounts_file, encoding="utf-8") as mounts:
            for line in mounts:
                parts = line.split()
                if len(parts) < 3:
                    continue
                # A mount point contains the file only as whole path components:
                # /mnt/share2 is not under /mnt/share.
                point = parts[1].replace("\\040", " ")
                inside = target == point or target.startswith(point.rstrip("/") + "/")
                if inside and len(point) > len(best):
                    best, fstype = point, parts[2]
    except OSError:
        return False
    return fstype in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs"}


def is_disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)
