"""Write a generated journal of ten years (or --years N) for the benchmarks.

python benchmarks/make_journal.py OUT.db [--years 10] [--end 2026-11-23] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from loopbaan.sample import fill_journal
from loopbaan.store import open_journal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--end", type=date.fromisoformat, default=date(2026, 11, 23))
    parser.add_argument("--json", type=Path, help="also write a JSON export of it")
    args = parser.parse_args()
    if args.out.exists():
        sys.exit(f"{args.out} exists; pick a new file")
    conn = open_journal(args.out)
    start = args.end.replace(year=args.end.year - args.years)
    began = time.perf_counter()
    summary = fill_journal(conn, start=start, end=args.end)
    took = time.perf_counter() - began
    print(f"{start} to {args.end} in {took:.1f} s:")
    for name, count in summary._asdict().items():
        print(f"  {name.replace('_', ' '):<18} {count:>7,}")
    if args.json:
        try:
            from loopbaan.store.transfer import write_json
        except ImportError:
            sys.exit("no JSON export: loopbaan.store.transfer is not there yet")
        with args.json.open("w", encoding="utf-8") as stream:
            write_json(conn, stream)
        print(f"exported to {args.json}")


if __name__ == "__main__":
    main()
