"""Backups that happen without thinking, and the way back from one.

On the first write of a day, the journal is copied with SQLite's online backup
(`db.backup`: a new 0600 file, complete or absent) into `backups/` beside it, as
`loopbaan-YYYY-MM-DD.db`; then the copies of older days are thinned out to the
newest `keep_daily` days and the newest copy of each of the last `keep_weekly`
weeks. Whether one is due is a single stat of today's name, so a quick command on
a day with its backup done pays nothing more. Copies made by hand (`loopbaan
backup`, `loopbaan-YYYYMMDD-HHMMSS.db`) are listed, never thinned out.

`restore` checks a copy before it touches anything, keeps the current journal
aside under a second name and puts the copy in place with one rename.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from loopbaan.i18n import _
from loopbaan.store.db import (
    JournalError,
    TargetExists,
    _journal_file,
    _refuse_revision,
    _stored_revision,
    _sync_folder,
    backup,
    backup_due,
    backup_folder,
    daily_name,
    make_private_folder,
    private_file,
)

_DAILY = re.compile(r"loopbaan-(\d{4}-\d{2}-\d{2})\.db")
_BY_HAND = re.compile(r"loopbaan-(\d{8}-\d{6})\.db")
# How long `restore` waits for another program to let go of the journal.
_LOCK_TIMEOUT_S = 0.2


__all__ = [
    "Backup", "backup_due", "backup_folder", "check_copy", "daily_backup", "daily_name",
    "kept_days", "list_backups", "restore", "thin_out",
]  # fmt: skip


class Backup(NamedTuple):
    path: Path
    made: datetime  # the day (midnight) of a daily copy, the moment of one made by hand
    size: int
    daily: bool


def daily_backup(
    conn: sqlite3.Connection, journal: Path, day: date, *, keep_daily: int, keep_weekly: int
) -> Path | None:
    """Today's backup of the journal, then the older ones thinned out; None when another
    loopbaan made today's a moment ago. Call it outside a transaction (the copy is
    what is committed)."""
    folder = backup_folder(journal)
    make_private_folder(folder)
    try:
        made: Path | None = backup(conn, folder / daily_name(day))
    except TargetExists:
        made = None
    thin_out(folder, keep_daily=keep_daily, keep_weekly=keep_weekly)
    return made


def _daily_copies(folder: Path) -> dict[date, Path]:
    found: dict[date, Path] = {}
    try:
        names = os.listdir(folder)
    except OSError:
        return found
    for name in names:
        match = _DAILY.fullmatch(name)
        if match:
            try:
                found[date.fromisoformat(match[1])] = folder / name
            except ValueError:
                continue
    return found


def kept_days(days: Iterable[date], *, keep_daily: int, keep_weekly: int) -> set[date]:
    """The days whose copy stays: the newest `keep_daily`, and the newest of each of the
    newest `keep_weekly` ISO weeks."""
    newest_first = sorted(set(days), reverse=True)
    kept = set(newest_first[: max(keep_daily, 0)])
    weeks: list[tuple[int, int]] = []
    for day in newest_first:
        week = day.isocalendar()[:2]
        if week in weeks:
            continue
        if len(weeks) >= keep_weekly:
            break
        weeks.append(week)
        kept.add(day)
    return kept


def thin_out(folder: Path, *, keep_daily: int, keep_weekly: int) -> list[Path]:
    """Remove the daily copies `kept_days` does not keep; the removed ones."""
    copies = _daily_copies(folder)
    kept = kept_days(copies, keep_daily=keep_daily, keep_weekly=keep_weekly)
    removed = []
    for day, path in copies.items():
        if day not in kept:
            try:
                os.unlink(path)
            except OSError:
                continue  # gone already, or not ours to remove: the next day tries again
            removed.append(path)
    return removed


def list_backups(journal: Path) -> list[Backup]:
    """The copies in `backups/`, daily and by hand, newest first."""
    folder = backup_folder(journal)
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        daily = _DAILY.fullmatch(entry.name)
        by_hand = _BY_HAND.fullmatch(entry.name)
        try:
            if daily:
                made = datetime.fromisoformat(daily[1])
            elif by_hand:
                made = datetime.strptime(by_hand[1], "%Y%m%d-%H%M%S")
            else:
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            size = entry.stat(follow_symlinks=False).st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(Path(entry.path), made, size, bool(daily)))
    found.sort(key=lambda b: (b.made, not b.daily), reverse=True)
    return found


# ----------------------------------------------------------------------- restore


def check_copy(copy: Path) -> str:
    """The schema revision of `copy`, a loopbaan journal this code can use; else
    JournalError. Opened read-only: the copy is not changed by looking at it."""
    copy = Path(copy)
    if _journal_file(copy) is None:
        raise JournalError(_("{path} does not exist").format(path=copy))
    try:
        conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise JournalError(_("{path} cannot be opened").format(path=copy)) from None
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
        if [tuple(row) for row in result] != [("ok",)]:
            raise JournalError(_("{path} is damaged: its check fails").format(path=copy))
        revision = _stored_revision(conn)
        _refuse_revision(copy, revision, has_tables=True)
    except sqlite3.DatabaseError:
        raise JournalError(_("{path} is not a loopbaan journal").format(path=copy)) from None
    finally:
        conn.close()
    assert isinstance(revision, str)  # _refuse_revision let only a revision through
    return revision


def _aside_names(journal: Path, stamp: str) -> Iterator[Path]:
    """`JOURNAL.before-restore-STAMP`, then `…-2`, `…-3`: two restores in one second."""
    yield journal.with_name(f"{journal.name}.before-restore-{stamp}")
    for n in range(2, 100):
        yield journal.with_name(f"{journal.name}.before-restore-{stamp}-{n}")


def restore(journal: Path, copy: Path, stamp: str) -> Path | None:
    """Put the checked `copy` in place of `journal`; the current journal is kept as
    `JOURNAL.before-restore-STAMP` (returned; None when there was none).

    Refused while another program has the journal open (the TUI): the journal is
    first switched out of WAL, which SQLite allows only to its one user, and that
    also folds its -wal into the file, so no -wal of the old journal is left to
    apply to the new one. It is held locked until the copy is in place.
    """
    journal, copy = Path(journal), Path(copy)
    check_copy(copy)
    try:
        if os.path.samefile(journal, copy):
            raise JournalError(_("{path} is the journal itself").format(path=copy))
    except FileNotFoundError:
        pass
    make_private_folder(journal.parent)
    failure = _("cannot restore into {folder}: {why}")
    lock: sqlite3.Connection | None = None
    aside: Path | None = None
    try:
        with private_file(journal, replace=True, failure=failure) as (_fd, staged):
            source = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
            target = sqlite3.connect(staged)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = WAL")  # as a journal loopbaan made
            except sqlite3.DatabaseError as error:
                raise JournalError(
                    _("cannot restore {path}: {why}").format(path=copy, why=error)
                ) from None
            finally:
                source.close()
                target.close()  # the last connection: its -wal is folded in and removed
            if _journal_file(journal) is not None:
                lock = _take_journal(journal)
                aside = _keep_aside(journal, _aside_names(journal, stamp))
            # Leaving the block renames the staged copy over the journal.
    finally:
        if lock is not None:
            lock.close()
    _sync_folder(journal.parent)
    return aside


def _take_journal(journal: Path) -> sqlite3.Connection:
    """A connection holding the journal exclusively, its WAL folded in; refuses when
    another program has it open."""
    in_use = JournalError(
        _("{path} is in use (is loopbaan open?); close it and try again").format(path=journal)
    )
    lock = sqlite3.connect(journal, timeout=_LOCK_TIMEOUT_S, isolation_level=None)
    try:
        mode = lock.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise in_use
        lock.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError:
        lock.close()
        raise in_use from None
    except sqlite3.DatabaseError:
        # Not a database any more (damaged): nobody can be using it; keep it aside as it is.
        lock.close()
        lock = sqlite3.connect(":memory:")
    except BaseException:
        lock.close()
        raise
    for suffix in ("-wal", "-journal"):
        if os.path.lexists(f"{journal}{suffix}"):
            lock.close()
            raise in_use
    return lock


def _keep_aside(journal: Path, names: Iterable[Path]) -> Path:
    """A second name for the current journal (the same 0600 file), or a copy of its bytes
    where the file system has no hard links: the first of `names` that is free."""
    for aside in names:
        try:
            os.link(journal, aside, follow_symlinks=False)
            return aside
        except FileExistsError:
            continue
        except OSError:
            pass
        try:
            with private_file(aside, replace=False) as (fd, _tmp):
                source = os.open(journal, os.O_RDONLY)
                try:
                    while chunk := os.read(source, 1 << 20):
                        os.write(fd, chunk)
                finally:
                    os.close(source)
        except TargetExists:
            continue
        return aside
    raise JournalError(_("no free name to keep {path} aside").format(path=journal))
