"""The user's keys: `[keys]` in config.toml remaps a binding by its id.

A remapped key works and the old one does not; `?` and the footer show the new
one; an unknown id, a clash or a value that is not a key is one line, and the app
runs with the default key.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from textual.binding import Binding

import loopbaan.app
import loopbaan.dialogs
import loopbaan.screens
import loopbaan.widgets
from loopbaan import config
from loopbaan.app import LoopbaanApp
from loopbaan.dialogs.postpone import PostponeScreen
from loopbaan.domain import Kind
from loopbaan.keys import DEFAULT_KEYS, key_name, key_names
from loopbaan.screens.today import TodayScreen
from loopbaan.store import items, transaction
from loopbaan.widgets.keys_footer import KeysFooter
from loopbaan.widgets.keys_help import KeysHelp

SIZE = (120, 40)
MON = date(2026, 11, 23)


def all_bindings() -> list[tuple[str, Binding]]:
    """(class, binding) for every binding of every class of the journal's own."""
    modules = [importlib.import_module("loopbaan.app")]
    for package in (loopbaan.screens, loopbaan.dialogs, loopbaan.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    found = []
    for module in modules:
        for cls in vars(module).values():
            if isinstance(cls, type) and cls.__module__ == module.__name__:
                for binding in cls.__dict__.get("BINDINGS", ()):
                    assert isinstance(binding, Binding), (cls, binding)
                    found.append((cls.__qualname__, binding))
    return found


def test_every_binding_has_an_id_with_its_key_in_the_list() -> None:
    bindings = all_bindings()
    assert len(bindings) > 80
    for owner, binding in bindings:
        assert binding.id, (owner, binding.action)
        assert DEFAULT_KEYS.get(binding.id) == binding.key, (owner, binding.id, binding.key)
    assert {binding.id for _owner, binding in bindings} == set(DEFAULT_KEYS)


async def test_keys_are_named_as_textual_names_them(make_app) -> None:
    """`?` is question_mark, `+` plus: the names the clash check compares are the keys
    Textual binds when the keymap says so."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for character in map(chr, range(0x21, 0x7F)):
            if character == ",":
                continue
            app.set_keymap({"today.postpone": character})
            active = app.screen.active_bindings
            name = key_name(character)
            assert name in active and active[name].binding.action == "postpone", character
    assert key_names("ctrl+p, f5") == ["ctrl+p", "f5"]
    for broken in ("", " ", "ctrl+", "cntrl+p", "a b", "\x1b", "ctrl+\x01", ","):
        assert key_names(broken) is None, broken


# ---------------------------------------------------------------- the settings


def settings_from(tmp_path: Path, text: str) -> config.Settings:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return config.load_settings(path)


def test_keys_are_read_and_named(tmp_path) -> None:
    settings = settings_from(
        tmp_path, '[keys]\n"today.postpone" = "P"\n"app.help" = "?"\ntoday.reflect = "ctrl+r"\n'
    )
    assert settings.problems == []
    assert settings.keys == {
        "today.postpone": "P",
        "app.help": "question_mark",
        "today.reflect": "ctrl+r",
    }


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("keys = 5\n", "keys = 5 is not a table of keys"),
        ('keys = "P"\n', "keys = 'P' is not a table of keys"),
        ('[keys]\n"today.postpone" = 5\n', "today.postpone = 5 is not a key"),
        ('[keys]\n"today.postpone" = ["P"]\n', "today.postpone = […] is not a key"),
        ('[keys]\n"today.postpone" = true\n', "today.postpone = true is not a key"),
        ('[keys]\n"today.postpone" = ""\n', "today.postpone = '' is not a key"),
        ('[keys]\n"today.postpone" = "ctrl+\\u001b"\n', "today.postpone = 'ctrl+\\x1b' is not"),
        (f'[keys]\n"today.postpone" = "{"P," * 300}P"\n', "today.postpone = 'P,P,P,"),
        ('[keys]\n"today.postpone" = "cntrl+p"\n', "today.postpone = 'cntrl+p' is not a key"),
        ('[keys]\n"today.nope" = "P"\n"\\u001b[2J" = "x"\n', "no key has the id 'today.nope'"),
        ('[keys]\n"today.postpone" = "x"\n', "today.postpone = 'x' is the key of today.tick too"),
        ('[keys]\n"today.postpone" = "q"\n', "today.postpone = 'q' is the key of app.quit too"),
    ],
)
def test_a_broken_keys_value_is_one_line_and_the_default_stays(tmp_path, text, said) -> None:
    settings = settings_from(tmp_path, text)
    (line,) = settings.problems
    assert said in line and line.isprintable() and len(line) < 300, line
    assert settings.keys == {}


def test_keys_that_swap_do_not_clash_and_two_on_one_key_both_stay(tmp_path) -> None:
    swap = settings_from(tmp_path, '[keys]\n"today.postpone" = "x"\n"today.tick" = "p"\n')
    assert (swap.keys, swap.problems) == ({"today.postpone": "x", "today.tick": "p"}, [])
    # a key of another screen is no clash: Week has no x
    other = settings_from(tmp_path, '[keys]\n"week.finish" = "x"\n')
    assert (other.keys, other.problems) == ({"week.finish": "x"}, [])
    both = settings_from(tmp_path, '[keys]\n"today.postpone" = "z"\n"today.tick" = "z"\n')
    assert both.keys == {} and len(both.problems) == 2


def test_saving_a_setting_keeps_the_keys(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[keys]\n"today.postpone" = "P"\ntoday.tick = "\\""\n')
    config.save_setting("theme", "dracula", path)
    settings = config.load_settings(path)
    assert settings.theme == "dracula"
    assert settings.keys == {"today.postpone": "P", "today.tick": "quotation_mark"}


# ---------------------------------------------------------------- in the app


def add_task(conn: sqlite3.Connection) -> int:
    with transaction(conn):
        return items.add_item(conn, "Write the quarterly report", day=MON, kind=Kind.TASK).id


def footer_keys(app: LoopbaanApp) -> dict[str, str]:
    """action -> key as the footer shows it, for the keys on show."""
    footer = app.screen.query_one(KeysFooter)
    return {key.action: key.key_display for key in footer.shown_keys()}


class Recording(LoopbaanApp):
    """The app, with the notices it gave."""

    CSS_PATH = str(Path(loopbaan.app.__file__).with_name(LoopbaanApp.CSS_PATH))

    def notify(self, message: str, **kwargs) -> None:  # type: ignore[override]
        self.said = [*getattr(self, "said", []), message]
        super().notify(message, **kwargs)


async def test_a_remapped_key_works_and_shows_and_the_old_one_does_not(
    make_app, conn, quiet_config
) -> None:
    task = add_task(conn)
    quiet_config.write_text('[keys]\n"today.postpone" = "P"\n"app.help" = "h"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer_keys(app)["postpone"] == "P"
        assert footer_keys(app)["toggle_help"] == "h"
        await pilot.press("p")
        assert isinstance(app.screen, TodayScreen)  # p does nothing now
        await pilot.press("question_mark")
        assert not app.screen.query(KeysHelp)  # nor does ?
        await pilot.press("h")
        text = str(app.screen.query_one("#keys-help-text").render())
        lines = [line.strip() for line in text.splitlines()]
        assert "P  Postpone" in lines and "h  Keys" in lines, lines
        assert not any(line.startswith("p  ") for line in lines)
        await pilot.press("P")
        assert isinstance(app.screen, PostponeScreen)
        await pilot.press("2")
        assert items.get_item(conn, task).day == date(2026, 11, 24)


async def test_a_click_on_a_footer_key_presses_the_users_key(make_app, conn, quiet_config) -> None:
    quiet_config.write_text('[keys]\n"today.postpone" = "P"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (postpone,) = [
            key for key in app.screen.query_one(KeysFooter).shown_keys() if key.action == "postpone"
        ]
        assert postpone.has_class("-disabled")  # no item: nothing to postpone
        await pilot.click(postpone)
        assert isinstance(app.screen, TodayScreen)
        add_task(conn)
        app.screen.reload()
        await pilot.pause()
        assert not postpone.has_class("-disabled")
        await pilot.click(postpone)
        assert isinstance(app.screen, PostponeScreen)


async def test_an_unknown_id_and_a_clash_are_a_notice_and_the_app_runs(
    conn, journal_path, quiet_config
) -> None:
    task = add_task(conn)
    quiet_config.write_text('[keys]\n"today.nope" = "P"\n"today.postpone" = "x"\n')
    app = Recording(db_path=journal_path, today=MON)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.said) == 2 and all("\n" not in said for said in app.said)
        assert "no key has the id 'today.nope'" in app.said[0]
        assert "today.postpone = 'x' is the key of today.tick too" in app.said[1]
        assert footer_keys(app)["postpone"] == "p"
        await pilot.press("p")  # still postpones
        assert isinstance(app.screen, PostponeScreen)
        await pilot.press("escape", "x")  # and x still ticks
        assert items.get_item(conn, task).status.value == "done"


async def test_a_broken_keys_table_is_a_notice_and_the_app_runs(
    conn, journal_path, quiet_config
) -> None:
    add_task(conn)
    quiet_config.write_text(f'[keys]\n"today.postpone" = "{"x" * 900}"\n"today.tick" = 7\n')
    app = Recording(db_path=journal_path, today=MON)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PostponeScreen)
        huge, seven = app.said
        assert "today.postpone = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is not a key" in huge
        assert "today.tick = 7 is not a key" in seven


@pytest.mark.parametrize("name", ["guide.md", "gids.md"])
def test_the_guide_lists_every_id_and_its_example_is_good(tmp_path, name: str) -> None:
    guide = (Path(__file__).parents[2] / "docs" / name).read_text(encoding="utf-8")
    tables = [block for block in guide.split("\n\n") if block.startswith("|")]
    (key_table,) = [block for block in tables if "`app.today`" in block]
    for binding_id in DEFAULT_KEYS:
        assert f"`{binding_id}`" in key_table, binding_id
    example = guide.split("```toml\n[keys]\n", 1)[1].split("```", 1)[0]
    settings = settings_from(tmp_path, "[keys]\n" + example)
    assert settings.problems == [] and len(settings.keys) == 4
