"""Answers kept while the journal stays as it was, and the stamp that tells.

An analysis of ten years takes ~120 ms (benchmarks/bench_analysis.py); a screen
that shows it again after a key, with nothing changed, should not read it again.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

Stamp = tuple[int, int]  # what the journal looked like: see `change_stamp`

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def change_stamp(conn: sqlite3.Connection) -> Stamp:
    """What the journal looks like to `conn`; stamps of one connection differ once
    anything changed in between.

    `data_version` moves when another connection commits, `total_changes` when
    `conn` writes. Read it before an analysis, so that a change made during it can
    only make the kept answer old, never the other way round.
    """
    (version,) = conn.execute("PRAGMA data_version").fetchone()
    return version, conn.total_changes


class Kept(Generic[K, V]):
    """The last `size` answers, each kept with the stamp read before it was read;
    the least recently kept go first. Safe to use from several threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._answers: OrderedDict[K, tuple[Stamp, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, stamp: Stamp) -> V | None:
        """The answer kept for `key`, if it was read while the journal was as `stamp` says."""
        with self._lock:
            kept = self._answers.get(key)
        return kept[1] if kept is not None and kept[0] == stamp else None

    def put(self, key: K, stamp: Stamp, answer: V) -> None:
        with self._lock:
            self._answers[key] = (stamp, answer)
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
