"""What keeping typed keys in order costs: a burst of keys, with and without the gate.

    python benchmarks/bench_typeahead.py [--runs 5] [--keys 200]

Posts a burst of up/down keys to Today (15 items) all at once, as a terminal
hands over keys typed faster than the app works, and times from the first key
to the last one handled, per key. The baseline is the same burst with the gate
let through (`KeyGate.admit` passing every key at once), in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from textual import events

from loopbaan import typeahead
from loopbaan.app import LoopbaanApp
from loopbaan.store import items, open_journal, transaction

DAY = date(2026, 11, 23)


def journal(folder: Path) -> Path:
    path = folder / "journal.db"
    conn = open_journal(path)
    assert conn is not None
    with transaction(conn):
        for number in range(15):
            items.add_item(conn, f"Item {number}", day=DAY)
    conn.close()
    return path


async def burst(path: Path, count: int) -> float:
    """Milliseconds per key for `count` keys posted at once."""
    app = LoopbaanApp(db_path=path, today=DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        for number in range(count):
            app.post_message(events.Key("down" if number % 2 else "up", None))
        await app.keys.wait()
        await pilot._wait_for_screen()  # the ungated keys are still on their way
        return (time.perf_counter() - start) / count * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    gated, free = [], []
    admit = typeahead.KeyGate.admit
    with tempfile.TemporaryDirectory() as folder:
        path = journal(Path(folder))
        for _run in range(args.runs):
            typeahead.KeyGate.admit = admit  # type: ignore[method-assign]
            gated.append(asyncio.run(burst(path, args.keys)))
            typeahead.KeyGate.admit = lambda _self, event: event  # type: ignore[method-assign]
            free.append(asyncio.run(burst(path, args.keys)))
    typeahead.KeyGate.admit = admit  # type: ignore[method-assign]
    kept, loose = statistics.median(gated), statistics.median(free)
    print(f"keys in order: {kept:.2f} ms a key; let through: {loose:.2f} ms a key")
    print(f"ratio: {kept / loose:.2f}x  ({args.runs} runs of {args.keys} keys, medians)")


if __name__ == "__main__":
    main()
