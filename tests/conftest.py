"""Shared fixtures: every test pinned, a journal file, a connection to it, the app on a fixed day.

Every test (`pinned`, autouse) runs with its settings in a file of its own (absent
unless the test writes it), in English, on Monday 23 November 2026, with
LOOPBAAN_DB on a journal in its own folder, and with the translation reset before
and after. So no test reads or writes the user's own settings or journal. A test
that needs otherwise says so with `monkeypatch` (it is undone afterwards).

Helpers that are not fixtures (TODAY, run_cli, Pilot helpers, Shouting) are in
tests/helpers.py; the tiers and what they hold are in tests/README.md.
"""

from __future__ import annotations

import gettext
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from loopbaan import i18n
from loopbaan.app import LoopbaanApp
from loopbaan.store import open_journal
from tests.helpers import TODAY, TODAY_ISO, Shouting


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Settings, language, today and journal of the test's own; returns the settings path."""
    config = tmp_path / "config.toml"
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(config))
    monkeypatch.setenv("LOOPBAAN_LANG", "en")
    monkeypatch.setenv("LOOPBAAN_TODAY", TODAY_ISO)
    monkeypatch.setenv("LOOPBAAN_DB", str(tmp_path / "journal.db"))
    # `i18n.install` (run by the CLI and the app) replaces the module's catalogue;
    # monkeypatch puts the untranslated one back after the test, whatever it did.
    monkeypatch.setattr(i18n, "_translation", gettext.NullTranslations())
    return config


@pytest.fixture
def shouting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every message through the shouting catalogue, which `i18n.install` keeps."""
    monkeypatch.setattr(i18n, "install", lambda language=None: "xx")
    monkeypatch.setattr(i18n, "_translation", Shouting())


@pytest.fixture
def today() -> date:
    """The fixed "today" of the app tests: Monday 23 November 2026."""
    return TODAY


@pytest.fixture
def quiet_config(pinned: Path) -> Path:
    """The test's settings file (absent unless the test writes it); see `pinned`."""
    return pinned


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where the test's journal lives (LOOPBAAN_DB points at it); created on first open."""
    return tmp_path / "journal.db"


@pytest.fixture
def conn(journal_path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to the test's journal (the app opens its own to the same file)."""
    connection = open_journal(journal_path)
    assert connection is not None
    yield connection
    connection.close()


@pytest.fixture
def make_app(journal_path: Path) -> Callable[..., LoopbaanApp]:
    """Build the app on the test's journal: `make_app()` or `make_app(today=date(...))`."""

    def make(today: date = TODAY, **kwargs: object) -> LoopbaanApp:
        return LoopbaanApp(db_path=journal_path, today=today, **kwargs)  # type: ignore[arg-type]

    return make
