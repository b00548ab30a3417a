"""The one place that opens a journal: file rules, pragmas, schema upgrades, transactions.

Connections are plain `sqlite3` in autocommit mode; every change goes through
`transaction()`, which takes the write lock up front (BEGIN IMMEDIATE) so that
concurrent writers wait for each other instead of failing half-way.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from loopbaan.i18n import _

# The Alembic revision this code expects. Opening a journal compares it with the
# one stored in the file: one indexed read when current, Alembic only when not.
# tests/test_store_schema.py checks it against the migration scripts' head.
SCHEMA_HEAD = "0001"
BUSY_TIMEOUT_MS = 8000


class JournalError(Exception):
    """A journal that cannot be opened or used; the message is for the user."""


def _prepare_file(path: Path) -> None:
    """Create the journal file 0600, its folder 0700 when we create that too."""
    if path.exists() and path.is_dir():
        raise JournalError(_("{path} is a folder, not a journal file").format(path=path))
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700)
            os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask
        except OSError as error:
            raise JournalError(
                _("cannot create the folder {path}: {error}").format(
                    path=folder, error=error.strerror
                )
            ) from None
    try:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    except OSError as error:
        raise JournalError(
            _("cannot open {path}: {error}").format(path=path, error=error.strerror)
        ) from None
    os.close(fd)
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, 0o600)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no commit
    return conn


def _stored_revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        if "no such table" not in str(error):
            raise
        return None
    return row[0] if row else None


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return row[0] > 0


def upgrade_schema(path: Path) -> None:
    """Bring the file to SCHEMA_HEAD with Alembic (imported only when needed)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    config = Config()
    config.set_main_option("script_location", "loopbaan:migrations")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def open_journal(path: Path, *, create: bool = True) -> sqlite3.Connection | None:
    """A connection to the journal at `path`, created and upgraded as needed.

    With `create=False` a missing file gives None: read-only commands then show an
    empty journal without leaving a file behind.
    """
    path = Path(path)
    if path.is_dir():
        raise JournalError(_("{path} is a folder, not a journal file").format(path=path))
    if not path.exists():
        if not create:
            return None
        _prepare_file(path)
    # The file is never opened with Python's own open(): closing such a handle would
    # drop the POSIX locks SQLite holds on it for other connections of this process.
    # SQLite itself tells a database from anything else.
    try:
        conn = _connect(path)
        revision = _stored_revision(conn)
        foreign = revision is None and _has_tables(conn)
    except sqlite3.DatabaseError:
        raise JournalError(_("{path} is not a loopbaan journal").format(path=path)) from None
    if foreign:
        conn.close()
        raise JournalError(_("{path} is not a loopbaan journal").format(path=path))
    if revision is not None and not revision.isdigit():
        conn.close()
        raise JournalError(_("{path} is not a loopbaan journal").format(path=path))
    if revision is not None and int(revision) > int(SCHEMA_HEAD):
        conn.close()
        raise JournalError(
            _("{path} was written by a newer loopbaan; please upgrade").format(path=path)
        )
    if stat.S_IMODE(path.stat().st_mode) & 0o077 and os.access(path, os.W_OK):
        os.chmod(path, 0o600)  # the journal is private, whoever made the file
    if revision == SCHEMA_HEAD:
        return conn
    if not create and revision is None:
        conn.close()
        return None
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    upgrade_schema(path)
    return _connect(path)


def open_reader(path: Path) -> sqlite3.Connection:
    """Another connection to a journal `open_journal` opened, that only reads: for a
    background thread, beside the app's own connection (WAL lets both read at once)."""
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


def backup(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the journal with SQLite's online backup; the copy is 0600 too."""
    dest = Path(dest)
    if dest.exists():
        raise JournalError(_("{path} exists already; not overwriting it").format(path=dest))
    if not dest.parent.exists():
        raise JournalError(_("the folder {path} does not exist").format(path=dest.parent))
    _prepare_file(dest)
    target = sqlite3.connect(dest)
    try:
        conn.backup(target)
    finally:
        target.close()
    return dest
