"""Key-to-repaint timing with Pilot, shared by the benchmark scripts.

Every update the compositor hands to the terminal driver is timed (in a headless
run the driver then drops it, so writing to a real terminal is not included),
and what the screen shows (text and styles) is read at each one. For one key press:

- first: key sent to the first screen update after it: when something changes;
- settled: key sent to the last update that changed what the screen shows
  (updates that repaint the same cells, such as a scrollbar redrawn in place,
  do not count): when the user has the whole answer;
- idle: key sent to Pilot finding the app idle and its workers done, with
  Pilot's own waiting (its median for a key that does nothing is the baseline).

Reading the screen (~3 ms at 120×40) happens after each update is timed, so it
can only delay the updates after it: the figures err on the slow side.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from typing import Any, NamedTuple


class Timing(NamedTuple):
    first: float
    settled: float
    idle: float


def screen_state(screen: Any) -> tuple[tuple[str, Any], ...]:
    """What the screen shows, text and styles (from the compositor's cached lines)."""
    update = screen._compositor.render_full_update()
    return tuple(
        (segment.text, segment.style)
        for line in update.strips
        for strip in line
        for segment in strip
    )


class RepaintTimer:
    def __init__(self, app: Any) -> None:
        self.app = app
        self.updates: list[tuple[float, tuple[tuple[str, Any], ...]]] = []
        display = app._display

        def timed_display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                when = time.perf_counter()
                display(screen, renderable)
                self.updates.append((when, screen_state(screen)))
            else:
                display(screen, renderable)

        app._display = timed_display

    async def settle(self, pilot: Any) -> None:
        await pilot.pause()
        await self.app.workers.wait_for_complete()
        await pilot.pause()

    async def press(self, pilot: Any, key: str) -> Timing:
        before = screen_state(self.app.screen)
        self.updates.clear()
        start = time.perf_counter()
        await pilot.press(key)
        await self.settle(pilot)
        idle = time.perf_counter() - start
        if not self.updates:
            return Timing(0.0, 0.0, idle)
        settled, shown = 0.0, before
        for when, text in self.updates:
            if text != shown:
                settled, shown = when - start, text
        return Timing(self.updates[0][0] - start, settled, idle)


def report(
    title: str, baseline: Sequence[Timing], results: dict[str, Sequence[Timing]], runs: int
) -> None:
    base = statistics.median(timing.idle for timing in baseline)
    print(f"\n{title}, median of {runs} presses (ms; see benchmarks/repaint.py)")
    print("  first: key to the first screen update; settled: key to the last one that")
    print("  changed the screen; idle: key to Pilot finding the app idle (Pilot's waiting)")
    print(f"{'key':<28} {'first':>7} {'settled':>8} {'idle':>7} {'idle/no-op':>11}")
    for label, values in {"no-op key (baseline)": baseline, **results}.items():
        first, settled, idle = (statistics.median(column) for column in zip(*values, strict=True))
        print(
            f"{label:<28} {first * 1000:>7.1f} {settled * 1000:>8.1f}"
            f" {idle * 1000:>7.1f} {idle / base:>11.2f}"
        )
