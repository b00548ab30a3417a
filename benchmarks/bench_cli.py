"""The quick commands on a ten-year journal, against the interpreter's own start.

    python benchmarks/bench_cli.py JOURNAL.db [--runs 21] [--json EXPORT.json]

Each command runs as a fresh process (as a shell prompt or an alias would), on a
copy of the journal, N times; the table gives the median and its ratio to
`python -c pass` measured with the same interpreter in the same run. With
--json it also times an import of that export into an empty journal (median of 3).
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
from pathlib import Path


def median_ms(
    command: list[str], runs: int, env: dict[str, str], per_run: dict[str, str] | None = None
) -> float:
    """`per_run`: variables whose value gets the run's number (a new day each run)."""
    times = []
    for run in range(runs):
        run_env = env | {k: v.format(run=run + 1) for k, v in (per_run or {}).items()}
        start = time.perf_counter()
        subprocess.run(command, env=run_env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def imports_of(command: list[str], env: dict[str, str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *command[1:]],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--json", type=Path, help="an export to time the import of")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "journal.db"
        shutil.copy(args.journal, copy)
        env = {**os.environ, "LOOPBAAN_CONFIG": str(Path(folder) / "c")}
        env.pop("LOOPBAAN_DB", None)
        cli = [sys.executable, "-m", "loopbaan", "--db", str(copy)]
        script = [str(Path(sys.executable).with_name("loopbaan")), "--db", str(copy)]
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "loopbaan status": [*script, "status"],
            "loopbaan list": [*script, "list"],
            "loopbaan log": [*script, "log", "benchmark entry #bench"],
            "loopbaan postponed --format json": [*script, "postponed", "--format", "json"],
        }
        medians = {name: median_ms(command, args.runs, env) for name, command in commands.items()}
        # The automatic backup (store/backups.py): `log` above ran on a day whose copy
        # was made by its first run; here each run is a new day (a backup due), and a
        # journal with automatic backups off, for the cost of the check itself.
        log = commands["loopbaan log"]
        days = {"LOOPBAAN_TODAY": "2031-01-{run:02d}"}
        medians["loopbaan log (a backup due)"] = median_ms(log, min(args.runs, 28), env, days)
        off = Path(folder) / "off.toml"
        off.write_text("backup_keep_daily = 0\nbackup_keep_weekly = 0\n", encoding="utf-8")
        medians["loopbaan log (backups off)"] = median_ms(
            log, args.runs, env | {"LOOPBAAN_CONFIG": str(off)}
        )
        base = medians["python -c pass"]
        print(f"{'command':<34} {'median ms':>10} {'× python -c pass':>17}")
        for name, value in medians.items():
            print(f"{name:<34} {value:>10.1f} {value / base:>17.1f}")
        for name in ("status", "log", "list"):
            heavy = {
                m for m in imports_of([*cli, name] + (["x"] if name == "log" else []), env)
                if m.split(".")[0] in {"textual", "sqlmodel", "sqlalchemy", "rich"}
            }  # fmt: skip
            print(f"loopbaan {name} imports of textual/sqlmodel/sqlalchemy/rich: {len(heavy)}")
        if args.json:
            times = []
            for n in range(3):
                target = Path(folder) / f"import{n}.db"
                start = time.perf_counter()
                subprocess.run(
                    [script[0], "--db", str(target), "import", str(args.json)],
                    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                )  # fmt: skip
                times.append(time.perf_counter() - start)
            print(f"import of {args.json.name}: median {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
