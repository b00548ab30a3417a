"""Fixtures of the command-line tier."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private journal path in a folder not made yet (the pinning does the rest)."""
    db = tmp_path / "data" / "journal.db"
    monkeypatch.setenv("LOOPBAAN_DB", str(db))
    return db
