"""No terminal injection: journal text is stored exactly but never reaches a terminal raw.

Whatever a title or note holds (`ESC ] 0 ; … BEL` sets the terminal's title, `ESC [ 2 J`
clears the screen, OSC 8 draws a link, U+202E turns a line around), the command line and
the TUI show it escaped (loopbaan.safe); JSON parses back to it exactly, and the Markdown
export shows Markdown's own characters as typed.
"""

from __future__ import annotations

import html
import io
import json
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.text import Text
from textual.app import App, ComposeResult
from textual.content import Content

from loopbaan.cli import main
from loopbaan.domain import Kind, parse_markers
from loopbaan.insight import evidence
from loopbaan.safe import in_markup, json_text, pictured, printable
from loopbaan.store import items, open_journal, reviews, transaction
from loopbaan.store.markdown import write_markdown
from loopbaan.widgets.row_table import RowTable
from tests.helpers import TODAY_ISO as TODAY

# What a terminal would obey rather than show: C0 controls but tab and newline (a CR
# only in CSV's CRLF line end), DEL, C1, the line and paragraph separators, the bidi
# embeddings, overrides and isolates.
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]|\r(?!\n)")

HOSTILE = [
    "\x1b]0;pwned\x07",  # sets the terminal's title
    "\x1b[2J",  # clears the screen
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",  # OSC 8: a link
    "\x9b31m",  # an 8-bit CSI
    "\u202etxt.exe",
    "\u2028",
    "\r",
    "\n",
    "\t",
    "\x00",
    "\x7f",
    "\x85",
    "'; DROP TABLE item; --",
    "') OR 1=1 --",
    "[/b]",
    "[b]bold",
    "*bold* [link](x) <b>",
    "# heading",
    "\n1. item\n===\n",
    "    code",
    "&amp;",
    "#tag",
    "\\",
    "!",
    "@",
    "+ ",
    "- ",
]
_pieces = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=30),  # all of Unicode but surrogates
    st.sampled_from(HOSTILE),
)
TEXT = st.lists(_pieces, max_size=8).map("".join)
LONG = st.builds(
    lambda text, times: (text * times)[:20_000], TEXT.filter(bool), st.integers(1, 20_000)
)
ANY_TEXT = st.one_of(TEXT, TEXT, LONG)


def raw_in(output: str) -> list[str]:
    return RAW.findall(output)


# ---------------------------------------------------------------------- safe.py


@given(ANY_TEXT)
@settings(max_examples=200, deadline=None)
def test_printable_leaves_nothing_a_terminal_obeys(text: str) -> None:
    one_line, lines = printable(text), printable(text, lines=True)
    assert not raw_in(one_line) and "\n" not in one_line and "\t" not in one_line
    assert not raw_in(lines)
    assert printable(one_line) == one_line  # twice changes nothing
    assert len(pictured(text)) == len(text) and not raw_in(pictured(text))


def test_printable_writes_the_characters_out() -> None:
    title = "a\x1b]0;pwned\x07b\x1b[2Jc\x9b\u202e\u2066\u2028\x7f\rd"
    assert printable(title) == "a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x9b\\u202e\\u2066\\u2028\\x7f\\rd"
    assert printable("one\ttwo\nthree\r\n") == "one\\ttwo\\nthree\\r\\n"
    assert printable("one\ttwo\nthree\r\nfour\r", lines=True) == "one\ttwo\nthree\r\nfour\\r"
    assert printable("Café 👩‍💻 ok #tag") == "Café 👩‍💻 ok #tag"  # joiners and the like stay
    assert pictured("a\x1bb\x7f\x9b\t") == "a␛b␡�␉"


@given(ANY_TEXT)
@settings(max_examples=200, deadline=None)
def test_json_text_parses_to_the_same_data(text: str) -> None:
    document = json_text(json.dumps({"title": text, "tags": [text]}, ensure_ascii=False))
    assert not raw_in(document)
    assert json.loads(document) == {"title": text, "tags": [text]}


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_in_markup_is_shown_as_printed_and_never_breaks_the_markup(text: str) -> None:
    """A title in a notice or undo label (Textual markup): `[/b]` is shown, not applied."""
    shown = Content.from_markup(f"undone: drop “{in_markup(text)}” [b]ok[/b]").plain
    assert shown == f"undone: drop “{printable(text)}” ok"


# ---------------------------------------------------------------------- command line


@contextmanager
def journal() -> Iterator[Path]:
    """A journal of its own for one example: a fresh file, a fixed today, no settings."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        db = Path(folder) / "journal.db"
        patch.setenv("LOOPBAAN_DB", str(db))
        patch.setenv("LOOPBAAN_TODAY", TODAY)
        patch.setenv("LOOPBAAN_CONFIG", str(Path(folder) / "config.toml"))
        patch.setenv("LOOPBAAN_LANG", "en")
        yield db


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse's own exits
            code = exit_.code if isinstance(exit_.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def shown(*argv: str, code: int | None = 0) -> tuple[str, str]:
    """Run a command; what it printed holds no raw control character, an error one line."""
    got, out, err = run(*argv)
    if code is not None:
        assert got == code, (argv, err)
    assert not raw_in(out) and not raw_in(err), argv
    assert err.count("\n") == (1 if err else 0), argv
    return out, err


def dump(db: Path) -> list[str]:
    if not db.exists():
        return []
    conn = open_journal(db)
    assert conn is not None
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@given(title=ANY_TEXT, note=ANY_TEXT)
@settings(max_examples=30, deadline=None)
def test_any_text_is_stored_exactly_and_printed_safely(title: str, note: str) -> None:
    """Logged, listed, postponed, done, dropped, reported and exported: the journal and
    JSON keep the text exactly; nothing printed holds a control character raw."""
    typed = "!" + title  # a task, whatever markers the text starts with
    expected = " ".join(parse_markers(typed).title.split())  # a title's runs of spaces are one
    with journal() as db:
        shown("log", "--task", "--", "x")  # the journal exists
        before = dump(db)
        code, out, err = run("log", f"--note={note}", "--", typed)
        assert not raw_in(out) and not raw_in(err)
        if not expected:
            assert code == 2 and "the title is empty" in err  # nothing but markers
        if code != 0:  # refused: in one line, the journal unchanged
            assert code in (1, 2) and not out and err.count("\n") == 1
            assert dump(db) == before
            return
        assert out.startswith("logged ") and out.count("\n") == 1
        item = max(json.loads(shown("list", "--format", "json")[0]), key=lambda row: row["id"])
        assert (item["title"], item["note"]) == (expected, note)
        assert item["kind"] == "task"

        for to_day in ("2026-11-24", "2026-11-25", "2026-11-26"):  # chronic: in the report
            out, _err = shown(
                "postpone", str(item["id"]), "--to", to_day, "--reason", "unclear", f"--note={note}"
            )
            assert out.startswith(f"postponed {item['id']} ")
        report = json.loads(shown("postponed", "--format", "json")[0])
        assert [i["title"] for i in report["items"]] == [expected]
        shown("postponed")
        shown("list", "--day", "2026-11-26")
        shown("status")
        shown("status", "--format", "json")
        shown("done", str(item["id"]))
        shown("drop", str(item["id"]))
        shown("drop", str(item["id"]))  # already dropped
        shown("export", "--format", "markdown")
        out, _err = shown("export", "--format", "csv")
        assert out.startswith("id,uid,day,kind,title,")
        exported = json.loads(shown("export")[0])
        assert [(i["title"], i["note"]) for i in exported["items"]][-1] == (expected, note)
        assert {p["note"] for p in exported["postponements"]} == {note}
        assert json.loads(shown("list", "--day", "2026-11-26", "--format", "json")[0]) == [
            {**item, "day": "2026-11-26", "status": "dropped", "postponed": 3}
        ]
        # errors that quote the text: a marker that disagrees with a flag, a bad day or id
        shown("log", "--minus", "--", "+ " + title, code=2)
        shown("list", "--day", title, code=None)
        shown("done", title, code=None)
        shown("status", "--", title, code=2)  # argparse: unrecognized arguments
        missing = db.parent / ("missing " + title.replace("/", "").replace("\x00", "") + ".json")
        shown("import", str(missing)[:4000], code=1)  # an OSError names the file


def test_a_title_is_shown_escaped_everywhere_the_command_line_prints_it(
    tmp_path: Path, monkeypatch
) -> None:
    # About showing chronic items, not about when an item is chronic: with a rule
    # that lets three times count (on these few items it would take many more).
    monkeypatch.setattr(evidence, "ALPHA", 1.0)
    title = "Fix \x1b]0;pwned\x07 the \x1b[2J[/b] \u202eexe bug"
    escaped = "Fix \\x1b]0;pwned\\x07 the \\x1b[2J[/b] \\u202eexe bug"
    with journal() as db:
        out, _ = shown("log", "--task", "--note", "see \x1b]8;;http://x\x1b\\here", title)
        assert escaped in out
        for to_day in ("2026-11-24", "2026-11-25", "2026-11-26"):
            assert escaped in shown("postpone", "1", "--to", to_day, "--reason", "unclear")[0]
        chronic = shown("postponed")[0]
        assert "pwned" in chronic and "[/b]" in chronic  # in the table, markup shown as typed
        assert escaped in shown("list", "--day", "2026-11-26")[0]
        assert escaped in shown("done", "1")[0]
        assert escaped in shown("drop", "1")[0]
        assert escaped in shown("export", "--format", "csv")[0]
        assert "see \\x1b]8;;http://x\\x1b\\here" in shown("export", "--format", "csv")[0]
        assert (
            "Fix \\x1b\\]0;pwned\\x07 the \\x1b\\[2J\\[/b\\]"
            in shown("export", "--format", "markdown")[0]
        )
        _out, err = shown("log", "--minus", "--", "+ " + title, code=2)
        assert "pwned" in err
        _out, err = shown("import", str(db.parent / f"{title}.json"), code=1)
        assert escaped in err
        _out, err = shown("status", title, code=2)
        assert escaped in err
        # the journal and the files written keep the text as it is
        assert json.loads(shown("export")[0])["items"][0]["title"] == title
        files = {fmt: tmp_path / f"journal.{fmt}" for fmt in ("json", "csv", "markdown")}
        for fmt, target in files.items():
            assert run("export", "--format", fmt, "-o", str(target))[0] == 0
        assert json.loads(files["json"].read_text(encoding="utf-8"))["items"][0]["title"] == title
        assert title in files["csv"].read_text(encoding="utf-8")
        assert "Fix \x1b\\]0;pwned\x07 the \x1b\\[2J" in files["markdown"].read_text(
            encoding="utf-8"
        )
        conn = open_journal(db)
        assert conn is not None
        assert conn.execute("SELECT title FROM item").fetchone()[0] == title


# ---------------------------------------------------------------------- Markdown


def _rendered_text(markdown: str) -> str:
    """What a Markdown renderer shows of `markdown`: its HTML's text, spaces as one."""
    rendered = MarkdownIt("commonmark").render(markdown)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", rendered)).split())


def _as_shown(text: str) -> str:
    return " ".join(text.replace("\x00", "\ufffd").split())  # CommonMark replaces NUL


def _storable(title: str) -> bool:
    """The journal refuses a title with a NUL in it (SQLite's text functions end there)."""
    return bool(title.split()) and "\x00" not in title


@given(title=TEXT.filter(_storable), liked=TEXT.filter(lambda t: t.split()))
@settings(max_examples=50, deadline=None)
def test_markdown_shows_titles_and_reflections_as_typed(title: str, liked: str) -> None:
    """`*bold* [link](x) <b>`, `# heading`, `1. item` and `===` read as typed, not as Markdown."""
    with tempfile.TemporaryDirectory() as folder:
        conn = open_journal(Path(folder) / "j.db")
        assert conn is not None
        day = date(2026, 11, 23)
        with transaction(conn):
            item = items.add_item(conn, title, day=day, kind=Kind.ACTIVITY)
            reviews.save_day_review(conn, day, liked=liked)
        stream = io.StringIO()
        write_markdown(conn, stream)
        conn.close()
    lines = re.split(
        r"(?<=\n)", stream.getvalue()
    )  # CommonMark's line ends (\r too) come in a line
    item_line = next(line for line in lines if line.startswith("- · "))
    assert _rendered_text(item_line) == _as_shown(f"· {item.title}")
    start = next(n for n, line in enumerate(lines) if line.startswith("**Liked:**"))
    end = next(
        (n for n, line in enumerate(lines[start + 1 :], start + 1) if line.startswith(("#", "**"))),
        len(lines),
    )
    assert _rendered_text("".join(lines[start:end])) == _as_shown(f"Liked: {liked}")


def test_markdown_escapes_what_markdown_would_render() -> None:
    with tempfile.TemporaryDirectory() as folder:
        conn = open_journal(Path(folder) / "j.db")
        assert conn is not None
        with transaction(conn):
            items.add_item(conn, "*bold* [link](x) <b> #tag", day=date(2026, 11, 23))
        stream = io.StringIO()
        write_markdown(conn, stream)
        conn.close()
    assert "- · \\*bold\\* \\[link\\](x) \\<b\\> #tag\n" in stream.getvalue()


# ---------------------------------------------------------------------- TUI


class _TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RowTable((("title", "Title", 0), ("tag", "Tag", 16)))

    def on_mount(self) -> None:
        styled = Text("b\x1b[2Jc #tag", style="bold")
        styled.stylize("italic", 7)  # on `#tag`
        self.query_one(RowTable).set_rows([(1, ("a\x1b]0;pwned\x9b31m\u202e", styled))], None)


async def test_every_list_shows_control_characters_written_out() -> None:
    """RowTable (every list of the app) escapes a cell made of any text, and keeps its styles."""
    app = _TableApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        row = app.query_one(RowTable).render_line(1)
        assert row.text.split() == ["a\\x1b]0;pwned\\x9b31m\\u202e", "b\\x1b[2Jc", "#tag"]
        assert all(s.style and s.style.bold for s in row if "x1b[2J" in s.text)
        assert any(s.style and s.style.italic for s in row if "#tag" in s.text)


HOSTILE_TITLE = "a\x1b]0;pwned\x07b\x1b[2Jc [/b] #t"
ESCAPED_TITLE = "a\\x1b]0;pwned\\x07b\\x1b[2Jc"
HOSTILE_NOTE = "see \x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\\nline two"


def _screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """The screen as drawn (an SVG): raw control characters would be in it as they are."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


def _notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of the notices shown (a screenshot wraps them)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def test_today_shows_a_hostile_title_escaped_and_keeps_it_exact(make_app, conn) -> None:
    """In the list, the drop notice, the undo notice and the edit dialog: nothing obeyed."""
    day = date.fromisoformat(TODAY)
    with transaction(conn):
        item = items.add_item(conn, HOSTILE_TITLE, day=day, kind=Kind.TASK, note=HOSTILE_NOTE)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        screen = _screen_text(app)
        assert not raw_in(screen)
        assert screen.count(ESCAPED_TITLE) == 1  # the list's row
        await pilot.press("d")  # “…” dropped · ctrl+z takes it back
        await pilot.pause()
        assert not raw_in(_screen_text(app))
        assert _notices(app) == [f"“{ESCAPED_TITLE} [/b] #t” dropped · ctrl+z takes it back"]
        await pilot.press("ctrl+z")  # undone: drop “…” (a notice in markup)
        await pilot.pause()
        assert not raw_in(_screen_text(app))
        assert _notices(app)[-1] == f"undone: drop “{ESCAPED_TITLE} [/b] #t”"
        await pilot.press("e")  # the edit dialog: each control character one picture
        await pilot.pause()
        screen = _screen_text(app)
        assert not raw_in(screen) and "a␛]0;pwnedb␛[2Jc [/b] #t" in screen
        assert "see ␛]8;;https://evil.example/␛\\here␛]8;;␛\\" in screen  # the note
        await pilot.press("enter")  # saved as it was
        await pilot.pause()
        assert not raw_in(_screen_text(app))
    stored = conn.execute("SELECT title, note, status FROM item WHERE id = ?", (item.id,))
    assert tuple(stored.fetchone()) == (HOSTILE_TITLE, HOSTILE_NOTE, "open")
