"""Shared fixtures: a journal file, a connection to it, and the app on a fixed day.

Tests never read or write the user's own settings or journal: `make_app` points
the settings at a file of the test's own and the journal at `journal_path`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from loopbaan.app import LoopbaanApp
from loopbaan.store import open_journal

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture
def today() -> date:
    """The fixed "today" of the app tests: Monday 23 November 2026."""
    return TODAY


@pytest.fixture
def quiet_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Settings from a file of the test's own (absent unless the test writes it)."""
    path = tmp_path / "config.toml"
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(path))
    return path


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where the test's journal lives; created on first open."""
    return tmp_path / "journal.db"


@pytest.fixture
def conn(journal_path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to the test's journal (the app opens its own to the same file)."""
    connection = open_journal(journal_path)
    assert connection is not None
    yield connection
    connection.close()


@pytest.fixture
def make_app(journal_path: Path, quiet_config: Path) -> Callable[..., LoopbaanApp]:
    """Build the app on the test's journal: `make_app()` or `make_app(today=date(...))`."""

    def make(today: date = TODAY, **kwargs: object) -> LoopbaanApp:
        return LoopbaanApp(db_path=journal_path, today=today, **kwargs)  # type: ignore[arg-type]

    return make
