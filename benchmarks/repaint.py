"""Key-to-repaint timing with Pilot, shared by the benchmark scripts.

Every update the compositor hands to the terminal driver is timed (in a headless
run the driver then drops it, so writing to a real terminal is not included).
For one key press:

- first: key sent to the first screen update after it: when something changes;
- last: key sent to the last update before the app is idle again (and its
  workers done): when nothing changes any more;
- same: whether the first update already showed the final screen, checked in a
  separate round of presses, since reading the screen takes time itself;
- idle: key sent to Pilot finding the app idle, with Pilot's own waiting (its
  median for a key that does nothing is the baseline the ratios use).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from typing import Any, NamedTuple


class Timing(NamedTuple):
    first: float
    last: float
    idle: float


def screen_text(screen: Any) -> str:
    """What the screen shows, as plain text (from the compositor's cached lines)."""
    update = screen._compositor.render_full_update()
    return "\n".join("".join(segment.text for segment in strip) for strip in update.strips)


class RepaintTimer:
    def __init__(self, app: Any) -> None:
        self.app = app
        self.painted: list[float] = []
        self.first_screen: list[str] = []
        self.checking = False
        display = app._display

        def timed_display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self.painted.append(time.perf_counter())
                if self.checking and len(self.painted) == 1:
                    self.first_screen.append(screen_text(screen))
            display(screen, renderable)

        app._display = timed_display

    async def settle(self, pilot: Any) -> None:
        await pilot.pause()
        await self.app.workers.wait_for_complete()
        await pilot.pause()

    async def press(self, pilot: Any, key: str) -> Timing:
        self.painted.clear()
        start = time.perf_counter()
        await pilot.press(key)
        await self.settle(pilot)
        idle = time.perf_counter() - start
        if not self.painted:
            return Timing(0.0, 0.0, idle)
        return Timing(self.painted[0] - start, self.painted[-1] - start, idle)

    async def same(self, pilot: Any, keys: Sequence[str]) -> int:
        """How many of these presses showed the final screen in their first update."""
        self.checking, hits = True, 0
        try:
            for key in keys:
                self.first_screen.clear()
                self.painted.clear()
                await pilot.press(key)
                await self.settle(pilot)
                final = screen_text(self.app.screen)
                hits += bool(self.first_screen) and self.first_screen[0] == final
        finally:
            self.checking = False
        return hits


def report(
    title: str,
    baseline: Sequence[Timing],
    results: dict[str, Sequence[Timing]],
    same: dict[str, int],
    runs: int,
) -> None:
    base = statistics.median(timing.idle for timing in baseline)
    print(f"\n{title}, median of {runs} presses (ms)")
    print("  first/last: key to the first/last screen update it caused; same: presses")
    print(f"  whose first update was already the final screen, of {runs}; idle: key to")
    print("  Pilot finding the app idle, with Pilot's own waiting (see benchmarks/repaint.py)")
    print(f"{'key':<28} {'first':>7} {'last':>7} {'same':>5} {'idle':>7} {'idle/no-op':>11}")
    for label, values in {"no-op key (baseline)": baseline, **results}.items():
        first, last, idle = (statistics.median(column) for column in zip(*values, strict=True))
        hits = str(same[label]) if label in same else "-"
        print(
            f"{label:<28} {first * 1000:>7.1f} {last * 1000:>7.1f} {hits:>5}"
            f" {idle * 1000:>7.1f} {idle / base:>11.2f}"
        )
