"""`brief_markdown`: the conversation brief of a journal, for the CLI and the Talks screen.

Importable without Textual, Rich or SQLModel (the `brief` command is a quick one):
the store gathers the period (`store.brief`), `insight.brief` writes the Markdown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from loopbaan.insight.brief import compose
from loopbaan.store.brief import gather


def brief_markdown(
    conn: sqlite3.Connection,
    today: date,
    since: date | None = None,
    until: date | None = None,
    for_name: str | None = None,
    *,
    attitudes: Mapping[str, tuple[str, str]] | None = None,
) -> str:
    """The brief as Markdown text, exact (escape it before showing it on a terminal).

    Default period: since the last career conversation before `today`, or the last 90
    days when there is none, up to `today`. `for_name` titles it and prefers the next
    conversation with that person for the asks. `attitudes`: the settings' list (key →
    label, question). Raises `StoreError` when the period starts after it ends.
    """
    data = gather(conn, today, since, until, for_name)
    return compose(data, attitudes)


BRIEFS_FOLDER = "briefs"


def save_brief(journal: Path, today: date, text: str) -> Path:
    """Write the brief as `briefs/brief-YYYY-MM-DD.md` beside the journal (a 0700 folder,
    a new 0600 file put in place whole; the day's earlier brief is replaced). Its path."""
    from loopbaan.store.db import make_private_folder
    from loopbaan.store.transfer import open_export

    folder = journal.parent / BRIEFS_FOLDER
    make_private_folder(folder)
    path = folder / f"brief-{today.isoformat()}.md"
    with open_export(path) as stream:
        stream.write(text)
    return path
