"""First useful paint of the TUI, side by side with a bare Textual app, in tmux.

    python benchmarks/bench_tui.py JOURNAL.db [--runs 11] [--today 2026-11-23]

Each run starts a fresh tmux session (120×40) with the program, and polls
`capture-pane` until a marker is on screen: for the bare app (Header, DataTable,
Footer) a cell of its table; for loopbaan the title of one of that day's items.
The figure is the median time from start to marker, and the ratio of loopbaan's
median to the bare app's, both measured in this run. Polling every 5 ms adds at
most that much to both.

Moving a day or a week is measured with Pilot (key press to the refreshed
table) in `--pilot` mode.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from repaint import RepaintTimer, Timing, report

BARE_APP = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("kind", "title", "rating")
        for n in range(12):
            table.add_row("task", f"bare marker row {n}", "+")

Bare().run()
"""


def time_to_marker(command: str, marker: str, env: dict[str, str], timeout: float = 20) -> float:
    session = f"bench{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", "120", "-y", "40", "-s", session, command],
        check=True,
        env=env,
    )
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(f"{marker!r} did not appear within {timeout} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def marker_for(journal: Path, day: date) -> str:
    conn = sqlite3.connect(journal)
    row = conn.execute(
        "SELECT title FROM item WHERE day = ? ORDER BY"  # the first row of the Today table
        " CASE kind WHEN 'appointment' THEN 0 WHEN 'activity' THEN 1 ELSE 2 END, id LIMIT 1",
        (day.isoformat(),),
    ).fetchone()
    conn.close()
    if row is None:
        sys.exit(f"{journal} has no items on {day}; pick another --today")
    return row[0].split(" #")[0][:20]


def compile_package() -> None:
    """Write loopbaan's bytecode, as an installed package (or a first run) has it.

    Textual's modules were compiled when pip installed them; an editable install of
    loopbaan is compiled on its first run, unless PYTHONDONTWRITEBYTECODE is set
    (as on some sandboxes): then every start would compile ~30 modules (~35 ms)
    that no user's start compiles.
    """
    import compileall

    import loopbaan

    compileall.compile_dir(Path(loopbaan.__file__).parent, quiet=1)


def paint(journal: Path, today: date, runs: int) -> None:
    compile_package()
    loopbaan = Path(sys.executable).with_name("loopbaan")
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare.py"
        bare.write_text(BARE_APP)
        copy = Path(folder) / "journal.db"
        shutil.copy(journal, copy)
        env = {**os.environ, "LOOPBAAN_TODAY": today.isoformat(), "TERM": "xterm-256color"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        marker = marker_for(copy, today)
        commands = {
            "bare Textual app": (f"{sys.executable} {bare}", "bare marker row 3"),
            # tmux gives a new session its server's environment, not ours: say it inline
            "loopbaan (Today)": (
                f"env LOOPBAAN_TODAY={today.isoformat()} {loopbaan} --db {copy}",
                marker,
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):  # interleaved, so both see the same machine load
            for name, (command, mark) in commands.items():
                times[name].append(time_to_marker(command, mark, env))
    base = statistics.median(times["bare Textual app"])
    print(f"first useful paint, median of {runs} runs, 120×40 tmux")
    print(f"{'program':<20} {'median ms':>10} {'ratio':>7}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<20} {median * 1000:>10.0f} {median / base:>7.2f}")


async def moves(journal: Path, today: date, runs: int) -> None:
    """Key to repaint of `[` and `]` on Today and Week, against a key that does nothing."""
    from loopbaan.app import LoopbaanApp

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "journal.db"
        shutil.copy(journal, copy)
        app = LoopbaanApp(db_path=copy, today=today)
        timer = RepaintTimer(app)
        async with app.run_test(size=(120, 40)) as pilot:
            await timer.settle(pilot)
            results: dict[str, list[Timing]] = {}
            for mode in ("today", "week"):
                await app.switch_mode(mode)
                await timer.settle(pilot)
                for key in ("left_square_bracket", "right_square_bracket"):
                    label = f"{mode} {key.split('_')[0]}"
                    results[label] = [await timer.press(pilot, key) for _ in range(runs)]
            baseline = [await timer.press(pilot, "f12") for _ in range(runs)]
    report("moving a day or a week with Pilot", baseline, results, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    parser.add_argument("--pilot", action="store_true", help="measure day and week moves only")
    args = parser.parse_args()
    today = args.today
    if today is None:
        conn = sqlite3.connect(args.journal)
        (last,) = conn.execute("SELECT max(day) FROM item WHERE kind != 'task'").fetchone()
        conn.close()
        today = date.fromisoformat(last)
        while today.weekday() >= 5:
            today -= timedelta(days=1)
    if args.pilot:
        asyncio.run(moves(args.journal, today, args.runs))
    else:
        if not shutil.which("tmux"):
            sys.exit("tmux is needed: apt-get install tmux")
        paint(args.journal, today, args.runs)
        asyncio.run(moves(args.journal, today, args.runs))


if __name__ == "__main__":
    main()
