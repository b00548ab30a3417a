"""In Dutch, no English word on any screen, in `?` or in the palette.

What counts as English comes from the catalogue, not from a list written here:
a word of an English msgid that no Dutch translation uses ("week", "feedback" and
"tag" are Dutch too). The sample journal's texts are replaced by Dutch ones first:
what the user typed is shown as typed, in whatever language.
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

from textual.app import App

from loopbaan import i18n
from loopbaan.sample import fill_journal
from loopbaan.store import open_journal
from tests.helpers import english_only_words, words

TEXT = re.compile(r"[A-Za-z]{3,}.* |.* [A-Za-z]{3,}")  # words, not a code or a timestamp
TABLES = ("item", "goal", "milestone", "conversation", "day_review", "week_review",
          "postponement", "attitude_check")  # fmt: skip


def in_dutch(path: Path) -> None:
    """The sample journal is written in English: its texts become Dutch-looking words
    (keeping the #tags, which are names), so that an English word on screen is ours."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            for table in TABLES:
                columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
                for rowid, *values in conn.execute(f'SELECT rowid, * FROM "{table}"').fetchall():
                    for column, value in zip(columns, values, strict=True):
                        if isinstance(value, str) and TEXT.search(value):
                            tags = [word for word in value.split() if word.startswith("#")]
                            conn.execute(
                                f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?',
                                (" ".join(["Notitie", f"nr{rowid}", *tags]), rowid),
                            )
    finally:
        conn.close()


def screen_lines(app: App) -> list[str]:
    """The text on the screen, line by line, from Textual's own SVG screenshot."""
    svg = app.export_screenshot()
    lines: dict[int, list[str]] = defaultdict(list)
    for line, text in re.findall(
        r'<text [^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>(.*?)</text>', svg
    ):
        lines[int(line)].append(html.unescape(text).replace("\xa0", " "))
    return ["".join(parts) for _line, parts in sorted(lines.items())]


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_no_english_word_on_any_screen_in_dutch(make_app, journal_path, today) -> None:
    conn = open_journal(journal_path)
    assert conn is not None
    fill_journal(
        conn,
        start=today - timedelta(days=91),
        end=today,
        activities_per_day=(3, 6),
        tasks_per_day=(1, 3),
    )
    conn.close()
    in_dutch(journal_path)
    english = english_only_words()
    assert {"postponed", "goals", "energy", "the", "insights"} <= english  # the check can fail
    i18n.install("nl")
    app = make_app()
    shown: dict[str, list[str]] = {}
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        for key in "123456":
            await pilot.press(key)
            await settle(pilot)
            shown[key] = screen_lines(app)
            await pilot.press("question_mark")
            await settle(pilot)
            shown[f"{key} ?"] = screen_lines(app)
            await pilot.press("question_mark")
            await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        shown["palette"] = screen_lines(app)
        await pilot.press(*"qqzzx")  # matches no command: that is said in Dutch too
        await settle(pilot)
        shown["palette, nothing found"] = screen_lines(app)
        assert any("Geen opdracht past bij" in line for line in shown["palette, nothing found"])
        await pilot.press("escape")
        # the dialogs: edit an item, edit a goal, the check-in, search
        for place, keys in (("1 e", "1e"), ("3 e", "3e"), ("5 c", "5c"), ("/", "slash")):
            await pilot.press(*(list(keys) if keys != "slash" else ["slash"]))
            await settle(pilot)
            shown[place] = screen_lines(app)
            await pilot.press("escape")
            await settle(pilot)
    assert "Vandaag" in "\n".join(shown["1"])  # it is Dutch, and the text was read
    assert "Item bewerken" in "\n".join(shown["1 e"]) and "Houdingscheck" in "\n".join(shown["5 c"])
    found = {
        place: [line for line in lines if words(line) & english] for place, lines in shown.items()
    }
    found = {place: lines for place, lines in found.items() if lines}
    assert found == {}
