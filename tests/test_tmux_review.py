"""End to end: the installed `loopbaan` in a real terminal (tmux), keys typed as a person would.

It checks what the screen shows with `tmux capture-pane`, and then what the
journal holds with the store functions, after the app has quit.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest

from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.store import items, open_journal, reviews

LOOPBAAN = Path(sys.executable).with_name("loopbaan")  # the console script of this venv
MON, TUE = date(2026, 11, 23), date(2026, 11, 24)

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(not LOOPBAAN.exists(), reason=f"no console script at {LOOPBAAN}"),
]


def tmux(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False)


def screen_text(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session).stdout


def wait_for(session: str, *texts: str, timeout: float = 15.0) -> str:
    """The screen once it shows all of `texts`; fails with the screen when it does not."""
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen_text(session)
        if all(text in shown for text in texts):
            return shown
        time.sleep(0.1)
    pytest.fail(f"the screen never showed {texts!r}; it shows:\n{shown}")


def press(session: str, *keys: str) -> None:
    """Keys one at a time, a little apart, as a person types them."""
    for key in keys:
        tmux("send-keys", "-t", session, key)
        time.sleep(0.1)


def type_text(session: str, text: str) -> None:
    tmux("send-keys", "-t", session, "-l", text)
    time.sleep(0.2)


def test_a_review_in_a_real_terminal(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    session = f"loopbaan-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    command = " ".join(
        [
            "env",
            # A tmux server started from here inherits COLUMNS and LINES (set while the
            # test session runs); they would override the window's 120x40 for the app.
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            "LOOPBAAN_TODAY=2026-11-23",
            "LOOPBAAN_LANG=en",
            f"LOOPBAAN_CONFIG={shlex.quote(str(tmp_path / 'config.toml'))}",
            shlex.quote(str(LOOPBAAN)),
            "--db",
            shlex.quote(str(journal)),
        ]
    )
    started = tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", session, command)
    assert started.returncode == 0, started.stderr
    try:
        wait_for(session, "Your journal is empty", "Press a to add your first item")

        press(session, "a")
        type_text(session, "Sprint demo #work")
        press(session, "Enter")
        wait_for(session, "Sprint demo", "#work", "1 to rate")
        press(session, "+")
        wait_for(session, "1 item · f finishes the review")

        press(session, "a")
        type_text(session, "!Write the report")
        press(session, "Enter")
        wait_for(session, "Write the report", "1 open task")

        press(session, "p")
        wait_for(session, "Postpone “Write the report”", "2  too big")
        press(session, "2")
        wait_for(session, "→ 24 Nov", "too big", "1 postponed")

        press(session, "f")
        # The footer offers the way back: f reopens.
        shown = wait_for(session, "✓ Review finished · f reopens it", "f Reopen")
        assert "Sprint demo" in shown and "#work" in shown and "→ 24 Nov" in shown

        press(session, "q")
        deadline = time.monotonic() + 10
        while tmux("has-session", "-t", session).returncode == 0:
            assert time.monotonic() < deadline, "q did not quit:\n" + screen_text(session)
            time.sleep(0.1)
    finally:
        tmux("kill-session", "-t", session)

    conn = open_journal(journal)
    assert conn is not None
    try:
        (demo,) = items.items_for_day(conn, MON)
        assert (demo.title, demo.kind, demo.rating, demo.tags) == (
            "Sprint demo #work",
            Kind.ACTIVITY,
            Rating.PLUS,
            ("work",),
        )
        (task,) = items.items_for_day(conn, TUE)
        assert (task.title, task.kind, task.status) == ("Write the report", Kind.TASK, Status.OPEN)
        (move,) = items.postponements_of(conn, task.id)
        assert (move.from_day, move.to_day, move.reason) == (MON, TUE, Reason.TOO_BIG)
        assert reviews.day_review(conn, MON).finished
    finally:
        conn.close()
