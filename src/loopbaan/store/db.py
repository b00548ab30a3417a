"""The one place that opens a journal: file rules, pragmas, schema upgrades, transactions.

Connections are plain `sqlite3` in autocommit mode; every change goes through
`transaction()`, which takes the write lock up front (BEGIN IMMEDIATE) so that
concurrent writers wait for each other instead of failing half-way.

Every file loopbaan writes (a new journal, a backup, an export) is made by
`private_file()`: a new 0600 file beside the target, opened with
O_CREAT|O_EXCL|O_NOFOLLOW under a random name, fsynced, then renamed into place,
and removed if anything fails. Nothing planted beside or at the target is
written through: a symbolic link at the target is refused, never followed.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Literal, TypeVar, overload

from loopbaan.i18n import _

# The Alembic revision this code expects. Opening a journal compares it with the
# one stored in the file: one indexed read when current, Alembic only when not.
# tests/store/test_store_schema.py checks it against the migration scripts' head.
SCHEMA_HEAD = "0003"
BUSY_TIMEOUT_MS = 8000


T = TypeVar("T")


class JournalError(Exception):
    """A journal that cannot be opened or used; the message is for the user."""

    why: str | None = None  # the reason alone ("the disk is full"), where there is one


class TargetExists(JournalError):
    """`private_file(..., replace=False)` found something at the target already."""


# ------------------------------------------------------------------ files and folders

_READ_ONLY = (errno.EACCES, errno.EPERM, errno.EROFS)
_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_NO_LINKS = (
    errno.EPERM, errno.EMLINK, errno.ENOSYS,
    getattr(errno, "EOPNOTSUPP", errno.ENOSYS), getattr(errno, "ENOTSUP", errno.ENOSYS),
)  # fmt: skip


def _why(error: OSError) -> str:
    """What an OSError met while making a file in a folder means, in a few words."""
    if error.errno in _READ_ONLY:
        return _("the folder is read-only")
    if error.errno in _FULL:
        return _("the disk is full")
    if error.errno == errno.ENOENT:
        return _("the folder does not exist")
    return error.strerror or str(error)


def make_private_folder(folder: Path) -> None:
    """Create `folder` and its missing parents, each 0700 whatever the umask.

    A folder that exists already keeps its mode. mkdir's 0700 can only lose bits to
    the umask, so a new folder is never wider than 0700, not even for a moment.
    """
    folder = Path(folder)
    missing: list[Path] = []
    current = folder
    while not current.is_dir() and current != current.parent:
        missing.append(current)
        current = current.parent
    for each in reversed(missing):
        try:
            os.mkdir(each, 0o700)
        except FileExistsError:
            if each.is_dir():
                continue  # another process made it at the same moment
            raise JournalError(_("{path} is not a folder").format(path=each)) from None
        except OSError as error:
            why = _("the disk is full") if error.errno in _FULL else error.strerror
            if error.errno in _READ_ONLY:
                why = _("{path} is read-only").format(path=each.parent)
            raise JournalError(
                _("cannot create the folder {path}: {why}").format(path=each, why=why)
            ) from None
        os.chmod(each, 0o700)  # give back what an odd umask (0o277) took away


def _check_target(target: Path, *, replace: bool) -> None:
    """Refuse a target that is not a regular file or nothing (never follow a link)."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise JournalError(
            _("cannot write {path}: {why}").format(path=target, why=_why(error))
        ) from None
    if stat.S_ISDIR(mode):
        raise JournalError(_("{path} is a folder").format(path=target))
    if not replace:
        raise TargetExists(_("{path} exists already; not overwriting it").format(path=target))
    if stat.S_ISLNK(mode):
        raise JournalError(
            _("{path} is a symbolic link; loopbaan does not write through links").format(
                path=target
            )
        )
    if not stat.S_ISREG(mode):
        raise JournalError(_("{path} is not a regular file").format(path=target))


def _put_in_place(tmp: Path, target: Path, *, replace: bool) -> None:
    if replace:
        os.replace(tmp, target)  # a link planted at the target since is replaced, not followed
        return
    try:
        os.link(tmp, target)  # refuses anything at the target, a link too: no race
    except FileExistsError:
        raise TargetExists(
            _("{path} exists already; not overwriting it").format(path=target)
        ) from None
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        # A file system without hard links: check, then rename.
        if os.path.lexists(target):
            raise TargetExists(
                _("{path} exists already; not overwriting it").format(path=target)
            ) from None
        os.rename(tmp, target)
        return
    with suppress(OSError):  # in place already; a second name is no harm
        os.unlink(tmp)


def _remove(tmp: Path) -> None:
    """The temporary file and whatever SQLite made beside it."""
    for name in (tmp, *(Path(f"{tmp}{suffix}") for suffix in ("-journal", "-wal", "-shm"))):
        with suppress(OSError):
            os.unlink(name)


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def private_file(
    target: Path, *, replace: bool = True, failure: str | None = None
) -> Iterator[tuple[int, Path]]:
    """A new, empty 0600 file that becomes `target` when the block ends, or nothing at all.

    The block writes it through the descriptor, or by its path (SQLite's backup).
    It is made beside the target with O_CREAT|O_EXCL|O_NOFOLLOW under a random name,
    so a file or link planted there is never reused or followed; at the end it is
    fsynced and renamed over the target. A symbolic link or anything but a regular
    file at the target is refused; with `replace=False` anything at all is
    (`TargetExists`). If the block raises, the file is removed: a failed write
    leaves neither an empty nor a partial file. `failure` is the message for an
    OSError, with {path}, {folder} and {why}.
    """
    target = Path(target)
    failure = failure or _("cannot write {path}: {why}")
    _check_target(target, replace=replace)
    flags = (
        os.O_RDWR
        | os.O_CREAT
        | os.O_EXCL
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_CLOEXEC", 0)
    )
    for attempt in range(8):
        tmp = target.with_name(f".{target.name[:200]}.{os.urandom(6).hex()}.partial")
        try:
            fd = os.open(tmp, flags, 0o600)
        except FileExistsError:
            if attempt < 7:
                continue  # one of 2**48 names, taken: someone planted files here
            raise JournalError(
                failure.format(path=target, folder=target.parent, why=_("names are taken"))
            ) from None
        except OSError as error:
            raise JournalError(
                failure.format(path=target, folder=target.parent, why=_why(error))
            ) from None
        break
    placed = False
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # what an odd umask (0o277) took away
            yield fd, tmp
            made, there = os.fstat(fd), os.lstat(tmp)
            if (made.st_dev, made.st_ino) != (there.st_dev, there.st_ino):
                raise JournalError(
                    _("{path} was replaced while loopbaan wrote it").format(path=tmp)
                )
            os.fsync(fd)
            os.close(fd)
            fd = -1
            _put_in_place(tmp, target, replace=replace)
            placed = True
        except OSError as error:
            raise JournalError(
                failure.format(path=target, folder=target.parent, why=_why(error))
            ) from None
        _sync_folder(target.parent)
    finally:
        if fd >= 0:
            os.close(fd)
        if not placed:
            _remove(tmp)


# ------------------------------------------------------------------------ the journal

# SQLite's primary result codes that opening a journal can meet.
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


def _database_error(path: Path, error: BaseException | None) -> JournalError:
    """One line for what SQLite said about the file at `path`."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
        return JournalError(_("{path} is not a loopbaan journal").format(path=path))
    if code == _SQLITE_FULL:
        why = _("the disk is full")
    elif code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        why = _("it is locked by another program")
    elif code in (_SQLITE_READONLY, _SQLITE_CANTOPEN):
        why = _("it or its folder is read-only or out of reach")
    else:
        why = str(error)
    refusal = JournalError(_("cannot use the journal {path}: {why}").format(path=path, why=why))
    refusal.why = why
    return refusal


def _journal_file(path: Path) -> os.stat_result | None:
    """The journal's stat, None when there is none; refuses what cannot be one.

    A symbolic link to a journal is followed (the user made it); one to nothing is
    refused, as is a folder, a device, a FIFO or a socket, before anything opens it.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            raise JournalError(
                _("{path} is a symbolic link to a file that does not exist").format(path=path)
            ) from None
        return None
    except OSError as error:
        raise JournalError(
            _("cannot use the journal {path}: {why}").format(path=path, why=error.strerror)
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise JournalError(_("{path} is a folder, not a journal file").format(path=path))
    if not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            message = _("{path} is a device, not a journal file")
        elif stat.S_ISFIFO(info.st_mode):
            message = _("{path} is a named pipe, not a journal file")
        elif stat.S_ISSOCK(info.st_mode):
            message = _("{path} is a socket, not a journal file")
        else:
            message = _("{path} is not a regular file, not a journal file")
        raise JournalError(message.format(path=path))
    return info


def _create_journal(path: Path) -> None:
    """Build a new journal beside `path` and move it there only once it is complete.

    Processes starting together on a missing journal each build one; the first to
    link it into place wins and the others use it. So nobody ever sees a journal
    that is empty or half-made, and a crash leaves no file at `path`.
    """
    with suppress(TargetExists):  # another loopbaan made it a moment ago: use that one
        create_journal(path, lambda conn: None)


def create_journal(path: Path, fill: Callable[[sqlite3.Connection], T]) -> T:
    """A new journal at `path`, filled by `fill` before anyone can see it: what `fill`
    gives back. If `fill` raises, no journal is left behind.

    `TargetExists` if there is a file at `path`, or another process puts one there
    meanwhile; then nothing of `fill`'s is kept.
    """
    make_private_folder(path.parent)
    failure = _("cannot create the journal in {folder}: {why}")
    try:
        with private_file(path, replace=False, failure=failure) as (_fd, tmp):
            try:
                upgrade_schema(tmp)
                conn = _connect(tmp)
                try:
                    conn.execute("PRAGMA journal_mode = WAL")
                except BaseException:
                    conn.close()
                    raise
            except sqlite3.DatabaseError as error:
                raise _database_error(tmp, error) from None
            try:
                result = fill(conn)  # its own errors are its own, not the making's
            finally:
                conn.close()
    except TargetExists:
        raise
    except JournalError as error:
        if error.why is None:
            raise
        # Said of the folder: the temporary file's name means nothing to the user.
        raise JournalError(failure.format(folder=path.parent, why=error.why)) from None
    return result


def _connect(path: Path) -> sqlite3.Connection:
    # A connection stays in the thread that opened it (sqlite3's check): a worker
    # thread opens its own (open_reader).
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no commit
    return conn


_GARBLED = object()  # an alembic_version table that holds no one readable revision


def _stored_revision(conn: sqlite3.Connection) -> str | object | None:
    """The stored revision; None without an alembic_version table; _GARBLED if unreadable."""
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError as error:
        if "no such" not in str(error):  # no such table, no such column
            raise
        return None if "no such table" in str(error) else _GARBLED
    if len(rows) != 1:
        return _GARBLED
    revision = rows[0][0]
    if not (isinstance(revision, str) and revision.isascii() and revision.isdigit()):
        return _GARBLED
    return revision


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return row[0] > 0


def _refuse_revision(path: Path, revision: str | object | None, has_tables: bool) -> None:
    """Raise unless `revision` is one this code can use or upgrade to SCHEMA_HEAD."""
    if revision is _GARBLED:
        raise JournalError(
            _("{path} has an unreadable schema version; loopbaan will not use it").format(path=path)
        )
    if revision is None and has_tables:
        raise JournalError(_("{path} is not a loopbaan journal").format(path=path))
    if isinstance(revision, str) and int(revision) > int(SCHEMA_HEAD):
        raise JournalError(
            _("{path} was written by a newer loopbaan; please upgrade").format(path=path)
        )


def upgrade_schema(path: Path) -> None:
    """Bring the file to SCHEMA_HEAD with Alembic (imported only when needed).

    It all happens in one BEGIN EXCLUSIVE transaction that first reads the revision
    again: of several processes upgrading at once, one does the work and the others
    wait for it, then find nothing left to do.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine, event, exc
    from sqlalchemy.engine import Connection
    from sqlalchemy.pool import NullPool

    def connect() -> sqlite3.Connection:
        # Autocommit: the "begin" hook below starts the one transaction itself.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    # The connection comes from `connect`, so no path is parsed as a URL.
    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _lock(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN EXCLUSIVE")

    config = Config()
    config.set_main_option("script_location", "loopbaan:migrations")
    try:
        with engine.begin() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            revision = _stored_revision(raw)
            _refuse_revision(path, revision, _has_tables(raw))
            if revision == SCHEMA_HEAD:
                return
            if isinstance(revision, str):
                try:
                    ScriptDirectory.from_config(config).get_revision(revision)
                except Exception:
                    raise JournalError(
                        _(
                            "{path} has schema version {version}, which this loopbaan"
                            " cannot upgrade"
                        ).format(path=path, version=revision)
                    ) from None
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except exc.DBAPIError as error:
        raise _database_error(path, error.orig) from None
    except sqlite3.DatabaseError as error:
        raise _database_error(path, error) from None
    finally:
        engine.dispose()


@overload
def open_journal(path: Path, *, create: Literal[True] = True) -> sqlite3.Connection: ...
@overload
def open_journal(path: Path, *, create: bool) -> sqlite3.Connection | None: ...


def open_journal(path: Path, *, create: bool = True) -> sqlite3.Connection | None:
    """A connection to the journal at `path`, created and upgraded as needed.

    With `create=False` a missing file gives None: read-only commands then show an
    empty journal without leaving a file behind.
    """
    path = Path(path)
    info = _journal_file(path)
    if info is None:
        if not create:
            return None
        _create_journal(path)
        info = _journal_file(path)
        if info is None:
            raise JournalError(_("{path} vanished while it was made").format(path=path))
    if info.st_size == 0:
        # loopbaan never leaves an empty journal (see _create_journal): not ours to adopt.
        raise JournalError(
            _("{path} is empty, not a loopbaan journal; remove it to start one there").format(
                path=path
            )
        )
    # The file is never opened with Python's own open(): closing such a handle would
    # drop the POSIX locks SQLite holds on it for other connections of this process.
    # SQLite itself tells a database from anything else.
    conn = None
    try:
        conn = _connect(path)
        # Both reads in one snapshot: another process may finish an upgrade between
        # them (no version yet, then tables), which is no foreign database.
        conn.execute("BEGIN")
        try:
            revision = _stored_revision(conn)
            has_tables = revision is None and _has_tables(conn)
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        _refuse_revision(path, revision, has_tables)
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        raise _database_error(path, error) from None
    except JournalError:
        if conn is not None:
            conn.close()
        raise
    if stat.S_IMODE(info.st_mode) & 0o077 and os.access(path, os.W_OK):
        os.chmod(path, 0o600)  # the journal is private, whoever made the file
    if revision == SCHEMA_HEAD:
        return conn
    if not create and revision is None:
        conn.close()
        return None
    conn.close()
    upgrade_schema(path)
    conn = _connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise _database_error(path, error) from None
    return conn


def open_reader(path: Path) -> sqlite3.Connection:
    """Another connection to a journal `open_journal` opened, that only reads: for a
    background thread, beside the app's own connection (WAL lets both read at once).
    Open it in the thread that uses it, and close it there."""
    conn = _connect(Path(path))
    conn.execute("PRAGMA query_only = ON")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing: commit when the block ends, roll back if it raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


# The automatic daily backups (store/backups.py); whether one is due is asked here,
# so that a quick command on a day with its backup made imports nothing more.


def backup_folder(journal: Path) -> Path:
    return Path(journal).parent / "backups"


def daily_name(day: date) -> str:
    return f"loopbaan-{day.isoformat()}.db"


def backup_due(journal: Path, day: date) -> bool:
    """Whether `day` has no automatic backup yet: one stat."""
    return not os.path.exists(backup_folder(journal) / daily_name(day))


def backup_if_due(
    conn: sqlite3.Connection, journal: Path, day: date, *, keep_daily: int, keep_weekly: int
) -> Path | None:
    """Before the first write of `day`: its automatic backup, if one is kept and not made
    yet (store/backups.py); None otherwise. When none is due this is one stat and
    imports nothing. Raises what the backup meets (JournalError, OSError, sqlite3.Error)."""
    if not (keep_daily or keep_weekly) or not backup_due(journal, day):
        return None
    from loopbaan.store.backups import daily_backup

    return daily_backup(conn, journal, day, keep_daily=keep_daily, keep_weekly=keep_weekly)


def backup(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the journal with SQLite's online backup into a new 0600 file at `dest`.

    The copy is written to a temporary file made by `private_file` and renamed to
    `dest` only once complete; an existing `dest` (a link too) is never touched.
    """
    dest = Path(dest)
    if not dest.parent.is_dir():
        raise JournalError(_("the folder {path} does not exist").format(path=dest.parent))
    with private_file(dest, replace=False) as (_fd, tmp):
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
        except sqlite3.DatabaseError as error:
            code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
            why = _("the disk is full") if code == _SQLITE_FULL else str(error)
            raise JournalError(_("cannot write {path}: {why}").format(path=dest, why=why)) from None
        finally:
            target.close()
    return dest
