"""Time a search on a journal, per kind of query, against a LIKE scan in the same run.

    python benchmarks/bench_search.py JOURNAL.db [--runs 21]

Make the journal with `make_journal.py OUT.db` (ten years); opening it here
upgrades it to the head, which builds the index (not timed). Each query is run
through `store.search.search` (50 hits, newest first, with the marks); the
baseline is `SELECT … WHERE title LIKE '%word%' OR note LIKE … LIMIT 50` over
the items alone, what a search without the index would at least cost.
Medians in ms, and the ratio to the baseline. The target is 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from loopbaan.store import open_journal
from loopbaan.store.search import search

QUERIES = {
    "word": "meeting",
    "common word": "the",
    "prefix": "presen*",
    "phrase": '"first step"',
    "diacritics": "cafe",
    "plain words (unparsable)": '"onboarding AND',
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    conn = open_journal(args.journal)

    def timed(work) -> float:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            work()
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    def like() -> None:
        conn.execute(
            "SELECT id, title FROM item WHERE title LIKE '%meeting%' OR note LIKE '%meeting%'"
            " ORDER BY day DESC LIMIT 50"
        ).fetchall()

    def like_rare() -> None:  # a word in no item: the scan reads every row
        conn.execute(
            "SELECT id, title FROM item WHERE title LIKE '%zyzzyva%' OR note LIKE '%zyzzyva%'"
            " ORDER BY day DESC LIMIT 50"
        ).fetchall()

    baseline = timed(like)
    print(f"{'baseline: LIKE, a common word':<34} {baseline:8.2f} ms")
    print(f"{'LIKE, a word in no item':<34} {timed(like_rare):8.2f} ms")
    for name, query in QUERIES.items():
        hits = len(search(conn, query))
        median = timed(lambda query=query: search(conn, query))
        print(
            f"{name + ' ' + query:<34} {median:8.2f} ms  {hits:>3} hits  x{median / baseline:.3f}"
        )


if __name__ == "__main__":
    main()
