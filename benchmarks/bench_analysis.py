"""The analysis behind the Postponed and Insights screens, on a ten-year journal.

    python benchmarks/bench_analysis.py JOURNAL.db [--runs 11] [--today 2026-11-23]

Part one times the data layer over all of the journal, this year and this
quarter: `postponed()` (as the screen asks it, the 200 most postponed items,
and as the command line does, all of them), `tag_balance()`, and the trends
(weekly energy and attitude check-ins), with what each screen reads in total.
Two baselines are measured in the same run: the trivial `SELECT count(*) FROM
item`, and one plain pass over the period's postponements (`count(*)`,
`sum(length(reason))`), so the ratios say how many such passes an analysis costs.

Part two drives the app with Pilot: from a key press (`a`, `y`, `k`, `m` on
each screen) to the answer shown, against a key that does nothing (see
repaint.py for what is timed).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from repaint import RepaintTimer, Timing, report

from loopbaan.insight.periods import Span, period_of
from loopbaan.store import open_journal
from loopbaan.store.postponed import postponed, tag_balance
from loopbaan.store.trends import attitude_scores, energy_by_week, journal_bounds

ITEMS_SHOWN = 50  # as screens/postponed.py asks


def median_ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def data_layer(conn: sqlite3.Connection, today: date, runs: int) -> None:
    bounds = journal_bounds(conn)
    periods = {
        "all": period_of(Span.ALL, today, bounds),
        "year": period_of(Span.YEAR, today),
        "quarter": period_of(Span.QUARTER, today),
    }
    trivial = median_ms(lambda: conn.execute("SELECT count(*) FROM item").fetchone(), runs)
    print(f"data layer, median of {runs} runs; SELECT count(*) FROM item: {trivial:.2f} ms")
    header = f"{'period':<8} {'what':<34} {'median ms':>10} {'× count(*)':>11} {'× one pass':>11}"
    print(header)
    for name, period in periods.items():
        span = (period.since, period.until)
        one_pass = median_ms(
            lambda span=span: conn.execute(
                "SELECT count(*), sum(length(reason)) FROM postponement"
                " WHERE from_day BETWEEN ? AND ?",
                (span[0].isoformat(), span[1].isoformat()),
            ).fetchone(),
            runs,
        )
        rows = {
            "one pass over its postponements": one_pass,
            f"postponed(), {ITEMS_SHOWN} items (screen)": median_ms(
                lambda span=span: postponed(conn, *span, item_limit=ITEMS_SHOWN), runs
            ),
            "postponed(), every item (CLI)": median_ms(
                lambda span=span: postponed(conn, *span), runs
            ),
            "tag_balance()": median_ms(lambda span=span: tag_balance(conn, *span), runs),
            "energy_by_week() + attitude_scores()": median_ms(
                lambda span=span: (energy_by_week(conn, *span), attitude_scores(conn, *span)), runs
            ),
        }
        rows["Postponed screen reads in all"] = rows[f"postponed(), {ITEMS_SHOWN} items (screen)"]
        rows["Insights screen reads in all"] = (
            rows["tag_balance()"] + rows["energy_by_week() + attitude_scores()"]
        )
        for what, ms in rows.items():
            print(f"{name:<8} {what:<34} {ms:>10.1f} {ms / trivial:>11.0f} {ms / one_pass:>11.1f}")


async def period_switches(journal: Path, today: date, runs: int) -> None:
    """Key to the answer shown for the period keys of both screens (`k`: the quarter).

    Each run starts the app afresh on a copy of the journal, opens the screen and
    lets it read ahead, then presses each period key once ("first": its figures and
    charts shown for the first time) and once more ("again": its charts drawn before).
    """
    from loopbaan.app import LoopbaanApp

    keys = (("a", "all"), ("y", "year"), ("k", "quarter"), ("m", "month"))
    results: dict[str, list[Timing]] = {}
    baseline: list[Timing] = []
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "journal.db"
        shutil.copy(journal, copy)
        for _ in range(runs):
            for screen_key, screen in (("4", "Postponed"), ("6", "Insights")):
                app = LoopbaanApp(db_path=copy, today=today)
                timer = RepaintTimer(app)
                async with app.run_test(size=(120, 40)) as pilot:
                    await timer.settle(pilot)
                    baseline.append(await timer.press(pilot, "f12"))
                    await timer.press(pilot, screen_key)
                    await timer.settle(pilot)  # and what it reads ahead
                    for visit in ("first", "again"):
                        for key, label in keys:
                            timing = await timer.press(pilot, key)
                            results.setdefault(f"{screen} {key} {label}, {visit}", []).append(
                                timing
                            )
    report("switching periods with Pilot", baseline, dict(sorted(results.items())), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 23))
    parser.add_argument("--no-pilot", action="store_true", help="the data layer only")
    args = parser.parse_args()
    conn = open_journal(args.journal, create=False)
    if conn is None:
        raise SystemExit(f"{args.journal} does not exist: make it with make_journal.py")
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM item WHERE kind = 'task'), (SELECT count(*) FROM item),"
        " (SELECT count(*) FROM postponement)"
    ).fetchone()
    print(f"{args.journal}: {counts[0]} tasks of {counts[1]} items, {counts[2]} postponements\n")
    data_layer(conn, args.today, args.runs)
    conn.close()
    if not args.no_pilot:
        asyncio.run(period_switches(args.journal, args.today, args.runs))


if __name__ == "__main__":
    main()
