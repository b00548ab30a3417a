"""Files are written safely (issue 10, parts 3 and 4).

Every file loopbaan writes (journal, backup, export) is made by
`store.db.private_file`: a new 0600 file beside the target, opened with
O_CREAT|O_EXCL|O_NOFOLLOW under a random name, fsynced, renamed into place, and
removed when anything fails. Decided here: a symbolic link AT the target is
refused in one line (the link and what it points to stay as they are); a link
planted where the temporary file would go is never followed. `--db` must be a
regular file or nothing; an empty file is not adopted. Eight processes creating
one journal at once lose nothing.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from loopbaan.store import open_journal
from tests.helpers import TODAY_ISO as TODAY
from tests.helpers import fill_up, mounted_tmpfs
from tests.helpers import run_cli as run

VICTIM_TEXT = "precious, not yours to overwrite\n"


def _env(db: Path, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LOOPBAAN_DB": str(db),
        "LOOPBAAN_TODAY": TODAY,
        "LOOPBAAN_LANG": "en",
        "LOOPBAAN_CONFIG": str(tmp_path / "config.toml"),
    }


def _loopbaan(*argv: str, env: dict[str, str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "loopbaan", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        **kwargs,
    )


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "victim.txt"
    victim.write_text(VICTIM_TEXT)
    os.chmod(victim, 0o644)
    return victim


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def planted_names(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """Make the first random temporary name predictable, so a test can plant a link there."""
    queue: list[bytes] = []
    real = os.urandom

    def urandom(n: int) -> bytes:
        return queue.pop(0)[:n] if queue else real(n)

    monkeypatch.setattr(os, "urandom", urandom)
    yield queue


def _plant_links(target: Path, victim: Path, planted_names: list[bytes]) -> list[Path]:
    """Links to the victim wherever the temporary file could go: the old fixed name
    and the next random one."""
    token = b"\x01\x02\x03\x04\x05\x06"
    planted_names.append(token)
    links = [
        target.with_name(f".{target.name}.partial"),
        target.with_name(f".{target.name}.{token.hex()}.partial"),
    ]
    for link in links:
        link.symlink_to(victim)
    return links


# ------------------------------------------------------------------------ export


def test_export_does_not_follow_a_planted_temporary_link(
    env: Path, tmp_path: Path, capsys, planted_names: list[bytes]
) -> None:
    run(capsys, "log", "Shipped the parser")
    victim = _victim(tmp_path)
    out = tmp_path / "out.json"
    links = _plant_links(out, victim, planted_names)
    code, _, err = run(capsys, "export", "-o", str(out))
    assert code == 0, err
    assert victim.read_text() == VICTIM_TEXT and _mode(victim) == 0o644
    assert "Shipped the parser" in out.read_text()
    assert _mode(out) == 0o600
    assert all(link.is_symlink() for link in links)  # not ours: left alone
    assert sorted(p.name for p in tmp_path.iterdir() if ".partial" in p.name) == sorted(
        link.name for link in links
    )


def test_export_refuses_a_link_at_the_target(env: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "log", "Shipped the parser")
    victim = _victim(tmp_path)
    out = tmp_path / "out.json"
    out.symlink_to(victim)
    code, stdout, err = run(capsys, "export", "-o", str(out))
    assert code == 1 and stdout == ""
    assert "symbolic link" in _one_line(err)
    assert victim.read_text() == VICTIM_TEXT and _mode(victim) == 0o644
    assert out.is_symlink() and os.readlink(out) == str(victim)
    assert [p.name for p in tmp_path.iterdir() if ".partial" in p.name] == []


def test_export_replaces_a_file_at_the_target(env: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "log", "Shipped the parser")
    out = tmp_path / "out.csv"
    out.write_text("old export\n")
    os.chmod(out, 0o644)
    assert run(capsys, "export", "--format", "csv", "-o", str(out))[0] == 0
    assert "Shipped the parser" in out.read_text() and _mode(out) == 0o600


def test_a_failed_export_leaves_no_file(env: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    run(capsys, "log", "Shipped the parser")

    def broken(conn, stream) -> None:
        stream.write("{\n  half a record")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("loopbaan.store.transfer.write_json", broken)
    out = tmp_path / "out.json"
    code, _, err = run(capsys, "export", "-o", str(out))
    assert code == 1 and _one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


# ------------------------------------------------------------------------ backup


def test_backup_does_not_follow_a_planted_temporary_link(
    env: Path, tmp_path: Path, capsys, planted_names: list[bytes]
) -> None:
    run(capsys, "log", "Worth keeping")
    victim = _victim(tmp_path)
    dest = tmp_path / "copy.db"
    _plant_links(dest, victim, planted_names)
    code, _, err = run(capsys, "backup", str(dest))
    assert code == 0, err
    assert victim.read_text() == VICTIM_TEXT and _mode(victim) == 0o644
    assert _mode(dest) == 0o600
    copy = open_journal(dest)
    assert [r[0] for r in copy.execute("SELECT title FROM item")] == ["Worth keeping"]


def test_backup_refuses_a_link_at_the_target(env: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "log", "Worth keeping")
    victim = _victim(tmp_path)
    dest = tmp_path / "copy.db"
    dest.symlink_to(victim)
    code, stdout, err = run(capsys, "backup", str(dest))
    assert code == 1 and stdout == ""
    assert "exists already" in _one_line(err)
    assert victim.read_text() == VICTIM_TEXT and _mode(victim) == 0o644
    assert dest.is_symlink()


def test_a_failed_backup_leaves_no_file(env: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    run(capsys, "log", "Worth keeping")
    out = tmp_path / "out"
    out.mkdir()

    class Failing(sqlite3.Connection):
        def backup(self, *args, **kwargs):  # type: ignore[override]
            raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(
        "loopbaan.cli._journal",
        lambda args, create=True: sqlite3.connect(env, factory=Failing, isolation_level=None),
    )
    code, _, err = run(capsys, "backup", str(out))
    assert code == 1 and "disk is full" in _one_line(err)
    assert list(out.iterdir()) == []


# ------------------------------------------------------------------------- --db


def _refused(db: Path, tmp_path: Path, *argv: str) -> str:
    result = _loopbaan("--db", str(db), *argv, env=_env(db, tmp_path))
    assert result.returncode in (1, 2), result
    assert result.stdout == ""
    return _one_line(result.stderr)


def _node_unchanged(node: Path, before: os.stat_result) -> None:
    after = os.lstat(node)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
    assert stat.S_IMODE(after.st_mode) == stat.S_IMODE(before.st_mode)
    assert after.st_uid == before.st_uid


@pytest.mark.parametrize("command", [["log", "x"], ["status"], ["list"], ["backup"]])
def test_a_fifo_is_not_a_journal(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo, 0o644)
    os.chmod(fifo, 0o644)
    before = os.lstat(fifo)
    assert "named pipe" in _refused(fifo, tmp_path, *command)
    _node_unchanged(fifo, before)


@pytest.mark.parametrize("command", [["log", "x"], ["status"]])
def test_a_character_device_is_not_a_journal(tmp_path: Path, command: list[str]) -> None:
    # A node of our own for /dev/null's device: a broken check changes this one, not the system's.
    node = tmp_path / "null.db"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    os.chmod(node, 0o666)
    before = os.lstat(node)
    assert "device" in _refused(node, tmp_path, *command)
    _node_unchanged(node, before)
    # Never the system's own /dev/null: a broken check would chmod it for everyone.


def test_a_socket_is_not_a_journal(tmp_path: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="lb-", dir="/tmp"))  # a socket path is short
    path = folder / "s.db"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        os.chmod(path, 0o755)
        before = os.lstat(path)
        assert "socket" in _refused(path, tmp_path, "log", "x")
        _node_unchanged(path, before)
    finally:
        server.close()
        path.unlink(missing_ok=True)
        folder.rmdir()


def test_an_empty_file_is_not_adopted(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    os.chmod(db, 0o644)
    before = os.lstat(db)
    for command in (["log", "x"], ["status"]):
        assert "empty" in _refused(db, tmp_path, *command)
        _node_unchanged(db, before)
        assert db.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]  # no -wal, no -shm


def test_a_link_to_nothing_is_not_followed(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    db.symlink_to(tmp_path / "elsewhere.db")
    assert "does not exist" in _refused(db, tmp_path, "log", "x")
    assert not (tmp_path / "elsewhere.db").exists() and db.is_symlink()


# ------------------------------------------------- full disk and read-only folder


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, filled up (root only; skipped where mount is not allowed)."""
    mount = tmp_path / "small"
    mount.mkdir()
    with mounted_tmpfs(mount, "size=64k,mode=0755"):
        fill_up(mount / "filler")
        yield mount


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can create files in: a read-only tmpfs as root, else mode 0500."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        os.chmod(folder, 0o500)
        yield folder
        os.chmod(folder, 0o700)
        return
    with mounted_tmpfs(folder, "ro,size=64k"):
        yield folder


def test_export_to_a_full_disk(env: Path, capsys, small_disk: Path) -> None:
    run(capsys, "log", "Shipped the parser")
    for fmt in ("json", "csv", "markdown"):
        code, _, err = run(capsys, "export", "--format", fmt, "-o", str(small_disk / "out"))
        assert code == 1 and "the disk is full" in _one_line(err)
        assert [p.name for p in small_disk.iterdir()] == ["filler"]


def test_backup_to_a_full_disk(env: Path, capsys, small_disk: Path) -> None:
    run(capsys, "log", "Worth keeping")
    code, _, err = run(capsys, "backup", str(small_disk))
    assert code == 1 and "the disk is full" in _one_line(err)
    assert [p.name for p in small_disk.iterdir()] == ["filler"]


def test_a_journal_on_a_full_disk(tmp_path: Path, small_disk: Path) -> None:
    db = small_disk / "journal.db"
    line = _refused(db, tmp_path, "log", "x")
    assert line == f"loopbaan: cannot create the journal in {small_disk}: the disk is full"
    assert [p.name for p in small_disk.iterdir()] == ["filler"]


def test_a_journal_in_a_read_only_folder(tmp_path: Path, read_only_folder: Path) -> None:
    line = _refused(read_only_folder / "journal.db", tmp_path, "log", "x")
    assert (
        line
        == f"loopbaan: cannot create the journal in {read_only_folder}: the folder is read-only"
    )
    assert list(read_only_folder.iterdir()) == []


def test_export_into_a_read_only_folder(env: Path, capsys, read_only_folder: Path) -> None:
    run(capsys, "log", "Shipped the parser")
    code, _, err = run(capsys, "export", "-o", str(read_only_folder / "out.json"))
    assert code == 1 and "read-only" in _one_line(err)


# ------------------------------------------------------------- folders and modes


def test_folders_made_under_umask_0_are_private(tmp_path: Path) -> None:
    db = tmp_path / "deep" / "data" / "journal.db"
    env = _env(db, tmp_path)
    assert _loopbaan("log", "x", env=env, umask=0).returncode == 0
    assert _loopbaan("backup", env=env, umask=0).returncode == 0
    out = tmp_path / "out.json"
    assert _loopbaan("export", "-o", str(out), env=env, umask=0).returncode == 0
    for folder in (tmp_path / "deep", db.parent, db.parent / "backups"):
        assert _mode(folder) == 0o700, folder
    (copy,) = (db.parent / "backups").iterdir()
    for file in (db, copy, out):
        assert _mode(file) == 0o600, file


def test_an_odd_umask_changes_no_mode(tmp_path: Path) -> None:
    db = tmp_path / "deep" / "journal.db"
    env = _env(db, tmp_path)
    assert _loopbaan("log", "x", env=env, umask=0o277).returncode == 0
    assert _loopbaan("backup", env=env, umask=0o277).returncode == 0
    (copy,) = (db.parent / "backups").iterdir()
    for folder in (db.parent, db.parent / "backups"):
        assert _mode(folder) == 0o700, folder
    for file in (db, copy):
        assert _mode(file) == 0o600, file


# ------------------------------------------------------ first use, eight at once


# Run in each of eight processes: the slow imports first, then two meeting points, so
# that the race of a first use is run every time rather than now and then. All start
# together; whoever is about to migrate waits there for the others (3 s at most; under
# a lock only one gets there).
TOGETHER = """
import os, sys, time
import loopbaan.cli, loopbaan.models
from alembic.runtime.migration import MigrationContext

def meet(folder, seconds):
    open(os.path.join(folder, sys.argv[1]), "w").close()
    deadline = time.monotonic() + seconds
    while len(os.listdir(folder)) < 8 and time.monotonic() < deadline:
        time.sleep(0.005)

run_migrations = MigrationContext.run_migrations

def run_together(self, **kwargs):
    meet(sys.argv[3], 3)
    run_migrations(self, **kwargs)

MigrationContext.run_migrations = run_together
meet(sys.argv[2], 120)
"""


def test_eight_processes_creating_the_journal_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "data" / "journal.db"  # neither the file nor its folder exists yet
    start, migrate = tmp_path / "start", tmp_path / "migrate"
    start.mkdir()
    migrate.mkdir()
    script = TOGETHER + (
        "titles = [f'writer {sys.argv[1]} item {n}' for n in range(10)]\n"
        "sys.exit(max(loopbaan.cli.main(['log', title]) for title in titles))\n"
    )
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(w), str(start), str(migrate)],
            env=_env(db, tmp_path),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(8)
    ]
    results = [(w.wait(timeout=240), w.stderr.read()) for w in writers]  # type: ignore[union-attr]
    assert [code for code, _ in results] == [0] * 8, [err for _, err in results]
    conn = sqlite3.connect(db)
    titles = [r[0] for r in conn.execute("SELECT title FROM item")]
    conn.close()
    assert sorted(titles) == sorted(f"writer {w} item {n}" for w in range(8) for n in range(10))
    assert sorted(p.name for p in db.parent.iterdir() if ".partial" in p.name) == []
