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
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def loopbaan_in_tmux(journal: Path, config: Path) -> Iterator[str]:
    """The installed app on `journal` in a 120x40 tmux window, on Monday 23 Nov 2026.

    Yields the session's name once the app shows its first screen; quits it (q)
    and waits for it to end on the way out, so the journal is closed after.
    """
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
            f"LOOPBAAN_CONFIG={shlex.quote(str(config))}",
            shlex.quote(str(LOOPBAAN)),
            "--db",
            shlex.quote(str(journal)),
        ]
    )
    started = tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", session, command)
    assert started.returncode == 0, started.stderr
    try:
        wait_for(session, "loopbaan — Today")
        yield session
        press(session, "q")
        deadline = time.monotonic() + 10
        while tmux("has-session", "-t", session).returncode == 0:
            assert time.monotonic() < deadline, "q did not quit:\n" + screen_text(session)
            time.sleep(0.1)
    finally:
        tmux("kill-session", "-t", session)


def test_a_review_in_a_real_terminal(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    with loopbaan_in_tmux(journal, tmp_path / "config.toml") as session:
        wait_for(session, "Your journal is empty", "Press a to add your first item")

        press(session, "a")
        type_text(session, "Sprint demo #work")
        press(session, "Enter", "Escape")
        wait_for(session, "Sprint demo", "#work", "1 to rate")
        press(session, "+")
        wait_for(session, "1 item · f finishes the review")

        press(session, "a")
        type_text(session, "!Write the report")
        press(session, "Enter", "Escape")
        wait_for(session, "Write the report", "1 open task")

        press(session, "p")
        wait_for(session, "Postpone “Write the report”", "2  too big")
        press(session, "2")
        wait_for(session, "→ 24 Nov", "too big", "1 postponed")

        press(session, "f")
        # The footer offers the way back: f reopens.
        shown = wait_for(session, "✓ Review finished · f reopens it", "f Reopen")
        assert "Sprint demo" in shown and "#work" in shown and "→ 24 Nov" in shown

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


def read_journal(journal: Path) -> dict[str, object]:
    """The items of Monday and Tuesday by title, each with its postponements."""
    conn = open_journal(journal)
    assert conn is not None
    try:
        shown = {item.title: item for day in (MON, TUE) for item in items.items_for_day(conn, day)}
        moves = {title: items.postponements_of(conn, item.id) for title, item in shown.items()}
        return {"items": shown, "moves": moves, "review": reviews.day_review(conn, MON)}
    finally:
        conn.close()


# The burst of issue 9: `one` plus, `two` minus, `three` done, `four` to tomorrow (too big).
BURST = ["a", "+ one", "Enter", "- two", "Enter", "!three", "Enter", "!four", "Enter"]
BURST += ["Escape", "Up", "x", "Down", "p", "2"]


def check_burst(journal: Path) -> None:
    found = read_journal(journal)
    shown, moves = found["items"], found["moves"]
    assert isinstance(shown, dict) and isinstance(moves, dict)
    assert sorted(shown) == ["four", "one", "three", "two"]
    assert (shown["one"].rating, shown["two"].rating) == (Rating.PLUS, Rating.MINUS)
    assert shown["three"].status is Status.DONE and shown["three"].day == MON
    assert shown["four"].status is Status.OPEN and shown["four"].day == TUE
    assert [(m.from_day, m.to_day, m.reason) for m in moves["four"]] == [(MON, TUE, Reason.TOO_BIG)]
    assert moves["three"] == [] and shown["three"].rating is None


@pytest.mark.parametrize("apart", [0.0, 0.04], ids=["one-send-keys", "40ms-apart"])
def test_a_burst_of_keys_lands_in_order(tmp_path: Path, apart: float) -> None:
    journal = tmp_path / "journal.db"
    with loopbaan_in_tmux(journal, tmp_path / "config.toml") as session:
        if apart:
            for key in BURST:  # text one character at a time, each key 40 ms apart
                for part in [key] if key[0].isupper() and len(key) > 1 else list(key):
                    tmux("send-keys", "-t", session, "-l" if len(part) == 1 else "", part)
                    time.sleep(apart)
        else:
            tmux("send-keys", "-t", session, *BURST)
        wait_for(session, "“four” moved to Tue 24 Nov: too big")
    check_burst(journal)


def test_rating_ticking_and_postponing_right_after_escape(tmp_path: Path) -> None:
    """Escape and the key after it arrive in one read: still two keys (loopbaan.terminal)."""
    journal = tmp_path / "journal.db"
    keys = ["a", "!A", "Enter", "Escape", "x", "a", "!B", "Enter", "Escape", "p", "3"]
    keys += ["a", "C", "Enter", "Escape", "+", "a", "D", "Enter", "Escape", "-"]
    with loopbaan_in_tmux(journal, tmp_path / "config.toml") as session:
        tmux("send-keys", "-t", session, *keys)
        wait_for(session, "3 items · 1 to rate · 1 postponed", "B · no time")
        time.sleep(0.5)
    found = read_journal(journal)
    shown, moves = found["items"], found["moves"]
    assert isinstance(shown, dict) and isinstance(moves, dict)
    assert shown["A"].status is Status.DONE
    assert [m.reason for m in moves["B"]] == [Reason.NO_TIME] and shown["B"].day == TUE
    assert (shown["C"].rating, shown["D"].rating) == (Rating.PLUS, Rating.MINUS)


# The standard review: eight items rated as they are typed, one task ticked, one
# postponed, the energy, two lines of reflection, finished. (keys, is it text?)
REVIEW = [
    ("a", False),
    *(
        step
        for title in (
            "+ Standup #team",
            "+ Paired with Sam on the #parser",
            "- Budget meeting #admin",
            "0 Lunch talk on testing",
            "@+ 1:1 with Anna #career",
            "!+ Fix the login bug #parser",
            "!Write the design doc #design",
            "!Review the pull request",
        )
        for step in ((title, True), ("Enter", False))
    ),
    ("Escape", False),  # the highlight is on the last one added
    ("x", False),  # tick it
    ("Up", False),
    ("p", False),
    ("2", False),  # the design doc: tomorrow, too big
    ("r", False),
    ("4", False),  # energy 4, on to "what I liked"
    ("Pairing with Sam went well", True),
    ("Tab", False),
    ("The budget meeting ran long", True),
    ("C-f", False),  # finish, from the text field
]


def test_the_standard_review_takes_twenty_keys_or_fewer(tmp_path: Path) -> None:
    keys = sum(1 for _step, text in REVIEW if not text)
    assert keys <= 20, f"the daily review takes {keys} keys besides the text typed"
    journal = tmp_path / "journal.db"
    with loopbaan_in_tmux(journal, tmp_path / "config.toml") as session:
        tmux("send-keys", "-t", session, *(step for step, _text in REVIEW))
        wait_for(session, "✓ Review finished")
        time.sleep(0.5)  # the reflection's last keys are saved on leaving the field
    found = read_journal(journal)
    shown, review = found["items"], found["review"]
    assert isinstance(shown, dict)
    assert len(shown) == 8
    rated = {title: item.rating for title, item in shown.items()}
    assert rated["Standup #team"] is Rating.PLUS
    assert rated["Budget meeting #admin"] is Rating.MINUS
    assert rated["Lunch talk on testing"] is Rating.NEUTRAL
    assert shown["1:1 with Anna #career"].kind is Kind.APPOINTMENT
    assert shown["Review the pull request"].status is Status.DONE
    assert shown["Write the design doc #design"].day == TUE
    assert review.finished and review.energy == 4
    assert (review.liked, review.disliked) == (
        "Pairing with Sam went well",
        "The budget meeting ran long",
    )
