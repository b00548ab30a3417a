"""`loopbaan brief` on a ten-year journal, against `loopbaan status` in the same run.

    python benchmarks/bench_brief.py JOURNAL.db [--runs 21]

Each command runs as a fresh process on a copy of the journal (as a user types it),
N times, interleaved; the table gives medians and the ratio to `status`. Then the
brief's own work in process (`brief_markdown` on an open connection): the default
period (since the last career talk), a year, and all ten years.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TODAY = "2026-11-23"  # the last day make_journal.py writes by default


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "journal.db"
        shutil.copy(args.journal, copy)
        env = {**os.environ, "LOOPBAAN_CONFIG": str(Path(folder) / "c"), "LOOPBAAN_TODAY": TODAY}
        env.pop("LOOPBAAN_DB", None)
        cli = [sys.executable, "-m", "loopbaan", "--db", str(copy)]
        commands = {
            "loopbaan status": [*cli, "status"],
            "loopbaan brief": [*cli, "brief"],
            "loopbaan brief --since 2016-11-23": [*cli, "brief", "--since", "2016-11-23"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved: a busy moment hits all alike
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
                times[name].append(time.perf_counter() - start)
        base = statistics.median(times["loopbaan status"])
        print(f"{'command (fresh process)':<36} {'median ms':>10} {'× status':>9}")
        for name, values in times.items():
            value = statistics.median(values)
            print(f"{name:<36} {value * 1000:>10.1f} {value / base:>9.2f}")

        from loopbaan.brief import brief_markdown
        from loopbaan.store import open_journal

        conn = open_journal(copy, create=False)
        assert conn is not None
        today = date.fromisoformat(TODAY)
        periods = {
            "default period": None,
            "one year": today.replace(year=today.year - 1),
            "ten years": today.replace(year=today.year - 10),
        }
        print(f"\n{'brief_markdown (in process)':<36} {'median ms':>10}")
        for name, since in periods.items():
            runs = []
            for _ in range(args.runs):
                start = time.perf_counter()
                brief_markdown(conn, today, since)
                runs.append(time.perf_counter() - start)
            print(f"{name:<36} {statistics.median(runs) * 1000:>10.1f}")
        conn.close()


if __name__ == "__main__":
    main()
