"""Any text typed on the capture line is stored exactly (markers read, spaces folded)
or refused with a notice, nothing stored; the app stays up."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loopbaan.app import LoopbaanApp
from loopbaan.domain import parse_markers
from loopbaan.store import items, open_journal

MON = date(2026, 11, 23)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50),
    st.sampled_from(["\x1b]0;pwned\x07", "'); DROP TABLE item; --", "!+ \x1b[2J", "a" * 5000]),
)


def type_on_the_capture_line(path: Path, text: str) -> tuple[list[str], bool]:
    """The day's titles after `a`, the text, Enter; and whether the app still runs."""

    async def run() -> bool:
        app = LoopbaanApp(db_path=path, today=MON)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("a")
            app.screen.capture.input.value = text  # as if typed or pasted
            await pilot.press("enter", "escape")
            return app.is_running

    running = asyncio.run(run())
    conn = open_journal(path)
    assert conn is not None
    try:
        return [item.title for item in items.items_for_day(conn, MON)], running
    finally:
        conn.close()


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_any_text_on_the_capture_line(text: str, tmp_path_factory, monkeypatch) -> None:
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(tmp_path_factory.mktemp("c") / "config.toml"))
    path = tmp_path_factory.mktemp("j") / "journal.db"
    titles, running = type_on_the_capture_line(path, text)
    assert running
    expected = " ".join(parse_markers(text.replace("\n", " ")).title.split())
    # A NUL is refused (a notice; the line keeps the text): nothing is stored.
    assert titles == ([expected] if expected and "\x00" not in expected else [])


def test_a_title_with_a_nul_is_refused_with_a_notice(tmp_path: Path, monkeypatch) -> None:
    """A pasted NUL: one notice that says why, nothing stored, the line keeps the text
    to mend, and the app goes on."""
    path = tmp_path / "journal.db"

    async def run() -> tuple[list[str], str, bool]:
        app = LoopbaanApp(db_path=path, today=MON)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("a")
            app.screen.capture.input.value = "Call \x00Sam"
            await pilot.press("enter")
            await app.keys.wait()
            notices = [str(n.message) for n in app._notifications]
            kept = app.screen.capture.input.value
            return notices, kept, app.is_running

    notices, kept, running = asyncio.run(run())
    assert running
    assert notices == ["a title cannot hold the character NUL (\\x00)"]
    assert kept == "Call \x00Sam"
    conn = open_journal(path)
    try:
        assert items.items_for_day(conn, MON) == []
    finally:
        conn.close()
