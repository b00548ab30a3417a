"""Memory and time of importing a JSON export, against holding the parsed file once.

    python benchmarks/bench_import.py EXPORT.json [--runs 5]

Make the export with `make_journal.py OUT.db --json EXPORT.json` (ten years, ~34 MB;
`--years 17` makes ~57 MB, the size of the bar of 150 MB).
Each run is a fresh process. The import run opens a new journal first (its schema
and the migration modules are not counted), then reads the file with
`importer.import_file`, which writes each section as it is read; the
baseline run only does `json.loads` of the file's bytes, the least a JSON import
holds. For each: the peak of Python's allocations (tracemalloc, in runs of their
own; SQLite's page cache is not in it), then in untraced runs the process's maximum
resident set and the wall time of the work; medians, and the import's ratio to the
baseline.

`PYTHONPATH=OTHER/src` measures another checkout the same way (the figures before
a change).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# argv: EXPORT JOURNAL TRACED; prints [Python peak or 0, max RSS in bytes, seconds].
_RUN = """
import json, resource, sys, time, tracemalloc
from pathlib import Path
from loopbaan.store import open_journal
from loopbaan.store import importer
conn = open_journal(Path(sys.argv[2]))
traced = sys.argv[3] == "1"
if traced:
    tracemalloc.start()
start = time.perf_counter()
WORK
took = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1] if traced else 0
print(json.dumps([peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, took]))
"""
# import_file streams into the journal; a checkout before it had only the two steps.
_IMPORT = _RUN.replace(
    "WORK",
    "assert (importer.import_file(conn, Path(sys.argv[1])) if hasattr(importer, 'import_file')"
    " else importer.import_journal(conn, importer.read_import_file(Path(sys.argv[1]))))"
    ".total_added",
)
_BASELINE = _RUN.replace("WORK", "data = json.loads(Path(sys.argv[1]).read_bytes())")


def run(code: str, export: Path, folder: Path, n: int, traced: bool) -> list[float]:
    journal = folder / f"run{n}.db"
    result = subprocess.run(
        [sys.executable, "-c", code, str(export), str(journal), "1" if traced else "0"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    for file in folder.glob(f"run{n}.db*"):
        file.unlink()
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    size = args.export.stat().st_size
    figures: dict[str, list[list[float]]] = {"json.loads (baseline)": [], "import": []}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for n in range(args.runs):  # interleaved, so a busy moment hits both
            for traced in (False, True):
                for name, code in (("json.loads (baseline)", _BASELINE), ("import", _IMPORT)):
                    figures[name].append(run(code, args.export, folder, n, traced))
    medians = {
        name: [
            statistics.median(run[0] for run in runs if run[0]),
            statistics.median(run[1] for run in runs if not run[0]),
            statistics.median(run[2] for run in runs if not run[0]),
        ]
        for name, runs in figures.items()
    }
    base = medians["json.loads (baseline)"]
    print(f"{args.export.name}: {size / 2**20:.1f} MiB, median of {args.runs} runs")
    print(f"{'':<24} {'Python peak MiB':>16} {'max RSS MiB':>12} {'seconds':>8}")
    for name, (peak, rss, took) in medians.items():
        print(f"{name:<24} {peak / 2**20:>16.0f} {rss / 2**20:>12.0f} {took:>8.2f}")
    peak, rss, took = medians["import"]
    print(
        f"{'import / baseline':<24} {peak / base[0]:>16.2f} {rss / base[1]:>12.2f}"
        f" {took / base[2]:>8.1f}"
    )


if __name__ == "__main__":
    main()
