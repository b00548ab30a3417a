"""LoopbaanApp: the screens, the keys that work everywhere, the command palette."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette, Hits
from textual.command import Hit as CommandHit
from textual.driver import Driver
from textual.message_pump import MessagePump
from textual.screen import ModalScreen, Screen
from textual.system_commands import SystemCommandsProvider
from textual.theme import ThemeProvider

from loopbaan import days
from loopbaan.config import Settings, db_path, load_settings, save_setting
from loopbaan.i18n import N_, _
from loopbaan.safe import printable
from loopbaan.screens.journal import JournalScreen
from loopbaan.screens.today import TodayScreen
from loopbaan.store import JournalError, StoreError
from loopbaan.store.db import backup_if_due, open_journal
from loopbaan.store.undo import UndoLog
from loopbaan.typeahead import KeyGate, is_typed
from loopbaan.widgets.keys_help import ours

if TYPE_CHECKING:
    from loopbaan.store.search import Hit

SCREENS_BY_KEY = (
    ("1", "today", N_("Today")),
    ("2", "week", N_("Week")),
    ("3", "goals", N_("Goals")),
    ("4", "postponed", N_("Postponed")),
    ("5", "talks", N_("Talks")),
    ("6", "insights", N_("Insights")),
)

# Textual's own words that the app shows (the palette's key and its commands):
# here so that they are in the catalogue; translated where shown.
TEXTUAL_WORDS = (
    N_("palette"),
    N_("Open the command palette"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit the application as soon as possible"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
    N_("Search for commands…"),
)


def _later(module: str, name: str) -> Callable[[], Screen]:
    """A screen imported when first shown: the first paint waits only for Today's code."""

    def make() -> Screen:
        return getattr(import_module(f"loopbaan.screens.{module}"), name)()

    return make


class LoopbaanApp(App[None]):
    """The career journal. Tests pass `db_path` and a fixed `today`."""

    TITLE = "loopbaan"
    CSS_PATH = "app.tcss"
    MODES = {
        "today": TodayScreen,
        "week": _later("week", "WeekScreen"),
        "goals": _later("goals", "GoalsScreen"),
        "postponed": _later("postponed", "PostponedScreen"),
        "talks": _later("talks", "TalksScreen"),
        "insights": _later("insights", "InsightsScreen"),
    }
    DEFAULT_MODE = "today"
    BINDINGS = [
        *(
            Binding(key, f"switch_mode('{mode}')", label, show=False, id=f"app.{mode}")
            for key, mode, label in SCREENS_BY_KEY
        ),
        Binding("q", "quit", N_("Quit"), id="app.quit"),
        Binding("question_mark", "toggle_help", N_("Keys"), id="app.help"),
        Binding("ctrl+z", "undo", N_("Undo"), show=False, id="app.undo"),
        Binding("slash", "search", N_("Search"), show=False, id="app.search"),
    ]

    def __init__(
        self,
        db_path: Path | str | None = None,
        today: date | None = None,
        settings: Settings | None = None,
        clock: Callable[[], date] | None = None,
    ) -> None:
        """`today` fixes the day (tests); `clock` says what day it is (default: the
        local day, or LOOPBAAN_TODAY), asked each minute so that midnight moves on."""
        super().__init__()
        self.db_path = Path(db_path) if db_path else _default_db_path()
        self._clock = clock if clock is not None or today is not None else days.today
        self.today = today or (self._clock or days.today)()
        self.settings = settings or load_settings()
        self.conn: sqlite3.Connection = open_journal(self.db_path)
        self.undo_log = UndoLog(self.conn, before_write=self.backup_if_due)
        self._backed_up_on: date | None = None
        self._theme_from_settings = self.settings.theme
        self.keys = KeyGate(self._key_pumps, self.post_message)
        # The user's keys ([keys] in config.toml), checked when read: see loopbaan/keys.py.
        self.set_keymap(self.settings.keys)

    def get_driver_class(self) -> type[Driver]:
        """On Linux and macOS, the driver that keeps Escape apart from the key after it."""
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":
            from loopbaan.terminal import KeyDriver

            return KeyDriver
        return driver

    def _key_pumps(self) -> list[MessagePump]:
        """What must have handled a key before the next one is taken."""
        if not self.is_running or not self.screen_stack:
            return [self]  # starting or closing: no screen to wait for
        return [self, *self.screen.walk_children(with_self=True)]

    async def on_event(self, event: events.Event) -> None:
        """Typed keys one at a time, each once the one before has settled (typeahead.py)."""
        if not is_typed(event):
            await super().on_event(event)
        elif (now := self.keys.admit(event)) is not None:
            try:
                await super().on_event(now)
            finally:
                self.keys.handled()

    def on_unmount(self) -> None:
        self.keys.close()

    def _fatal_error(self) -> None:
        """A crash: the report shows where, never the local variables (they hold the
        user's entries). Textual's own shows them; no public hook exists (decision 7)."""
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        report = Traceback(show_locals=False, width=None)
        self._exit_renderables.append(Segments(self.console.render(report, self.console.options)))
        self._close_messages_no_wait()

    def on_mount(self) -> None:
        for problem in self.settings.problems:  # a broken config.toml: said, not fatal
            self.notify(problem, title=_("Settings"), severity="warning", timeout=10, markup=False)
        if self._clock is not None:
            self.set_interval(60, self.check_day)
        if self._theme_from_settings in self.available_themes:
            self.theme = self._theme_from_settings
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if name and name != self.settings.theme:
            self.settings.theme = name
            try:
                save_setting("theme", name)
            except OSError:
                self.notify(_("the theme could not be saved"), severity="warning")

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A dialog is answered or cancelled first: a digit typed in it must not
        # switch screens and leave the dialog waiting on another screen's stack.
        if action == "switch_mode":
            return not isinstance(self.screen, ModalScreen)
        if action in ("quit", "toggle_help"):
            # In a text field q and ? are letters: the footer does not offer them there.
            focused = self.focused
            return focused is None or not focused.check_consume_key("q", "q")
        if action == "search":  # a letter in a text field; not over a dialog
            focused = self.focused
            if isinstance(self.screen, ModalScreen):
                return False
            return focused is None or not focused.check_consume_key("slash", "/")
        return True

    def check_day(self) -> None:
        """A new day began while the app was open: "today" moves on with it."""
        if self._clock is None:
            return
        old, self.today = self.today, self._clock()
        if self.today != old and isinstance(self.screen, JournalScreen):
            self.screen.today_changed(old)

    def action_toggle_help(self) -> None:
        """`?`: the keys of this screen, or away again."""
        from loopbaan.widgets.keys_help import KeysHelp  # not needed for the first paint

        shown = self.screen.query(KeysHelp)
        if shown:
            shown.remove()
        else:
            self.screen.mount(KeysHelp())

    def action_undo(self) -> None:
        try:
            label = self.undo_log.undo()
        except StoreError as error:
            self.notify(printable(str(error)), severity="error", markup=False)
            return
        if label is None:
            self.notify(_("nothing to undo"))
            return
        self.notify(_("undone: {change}").format(change=label))
        self.refresh_journal()

    async def open_day(self, day: date, item_id: int | None = None) -> None:
        """Today, on `day`, with the cursor on `item_id` when that item is shown there."""
        await self.switch_mode("today")
        screen = self.screen
        if not isinstance(screen, TodayScreen):  # the mode's own screen, never a dialog
            raise RuntimeError(f"the today mode shows {screen!r}")
        screen.show_day(day, item_id)

    async def open_goal(self, goal_id: int) -> None:
        """Goals, with the cursor on the goal `goal_id` (the list shows all goals if it
        is not an active one)."""
        from loopbaan.screens.goals import GoalsScreen  # imported when first shown

        await self.switch_mode("goals")
        screen = self.screen
        if not isinstance(screen, GoalsScreen):
            raise RuntimeError(f"the goals mode shows {screen!r}")
        screen.show_goal(goal_id)

    def action_search(self) -> None:
        """`/`: search the journal; the chosen hit opens where it lives."""
        from loopbaan.dialogs.search import SearchDialog  # not needed for the first paint

        self.push_screen(SearchDialog(), self._open_hit)

    async def _open_hit(self, hit: Hit | None) -> None:
        if hit is None:
            return
        if hit.kind == "goal":
            await self.open_goal(hit.ref)
        elif hit.kind == "milestone" and hit.goal_id is not None:
            await self.open_goal(hit.goal_id)
        elif hit.kind == "week" and hit.day is not None:
            await self.open_week(hit.day)
        elif hit.kind == "talk":
            await self.open_talk(hit.ref)
        elif hit.day is not None:
            # An item opens on its day with the cursor on it; a day review on its day.
            await self.open_day(hit.day, hit.ref if hit.kind == "item" else None)

    async def open_talk(self, talk_id: int) -> None:
        """Talks, with the cursor on this conversation."""
        from loopbaan.screens.talks import TalksScreen  # imported when first shown

        await self.switch_mode("talks")
        screen = self.screen
        if not isinstance(screen, TalksScreen):
            raise RuntimeError(f"the talks mode shows {screen!r}")
        screen.show_talk(talk_id)

    async def open_week(self, day: date) -> None:
        """Week, on the week that holds `day`."""
        from loopbaan.screens.week import WeekScreen  # imported when first shown

        await self.switch_mode("week")
        screen = self.screen
        if not isinstance(screen, WeekScreen):
            raise RuntimeError(f"the week mode shows {screen!r}")
        screen.show_week(day)

    def backup_if_due(self) -> None:
        """Before the first change of a day, the day's automatic backup (store/backups.py).

        Checked once a day in the app (a stat); a backup that fails is a notice,
        and the change goes on.
        """
        day = self.today
        if self._backed_up_on == day:
            return
        self._backed_up_on = day
        try:
            backup_if_due(
                self.conn,
                self.db_path,
                day,
                keep_daily=self.settings.backup_keep_daily,
                keep_weekly=self.settings.backup_keep_weekly,
            )
        except (JournalError, OSError, sqlite3.Error) as error:
            self.notify(
                _("no backup today: {error}").format(error=printable(str(error))),
                severity="warning",
                markup=False,
            )

    def edit_externally(self, text: str) -> str | None:
        """`text` as the user left it in $VISUAL / $EDITOR (`ctrl+o` in a multi-line
        field); None when the editor failed or could not start (said in a notice).

        The app suspends itself while the editor has the terminal. A headless app
        (tests, `run_test`) has no terminal to hand over: the editor runs as it is,
        which is the seam the tests drive with a fake editor script.
        """
        from textual.app import SuspendNotSupported

        from loopbaan.editor import EditorError, edit_text

        try:
            if self.is_headless:
                edited = edit_text(text)
            else:
                with self.suspend():
                    edited = edit_text(text)
        except SuspendNotSupported:
            self.notify(_("an editor cannot be opened here"), severity="warning")
            return None
        except EditorError as error:
            self.notify(printable(str(error)), severity="error", markup=False)
            return None
        if edited is None:
            self.notify(_("the editor did not finish; the text stays as it was"))
        return edited

    def refresh_journal(self) -> None:
        """Ask the visible screen to read the journal again after a change elsewhere."""
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the user's language."""
        open_already = CommandPalette.is_open(self)  # type: ignore[arg-type]  # App[None]
        if self.use_command_palette and not open_already:
            self.push_screen(
                CommandPalette(
                    providers=[JournalCommands],
                    placeholder=_("Search for commands…"),
                    id="--command-palette",
                )
            )

    def search_themes(self) -> None:
        """Textual's theme picker, with its prompt in the user's language."""
        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…"))
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every screen and every key of the current screen, searchable by name."""
        for command in super().get_system_commands(screen):  # Textual's, in our words
            yield command._replace(title=_(command.title), help=_(command.help))
        for key, mode, label in SCREENS_BY_KEY:
            yield SystemCommand(
                _("Go to {screen}").format(screen=_(label)),
                _("Switch to the {screen} screen (key {key})").format(screen=_(label), key=key),
                partial(self.switch_mode, mode),
            )
        yield SystemCommand(_("Undo"), _("Undo the last change (ctrl+z)"), self.action_undo)
        seen = {"quit", "toggle_help", "undo", "command_palette"}
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.action in seen or not binding.description or active.node is self:
                continue
            if not ours(active.node, binding):  # Textual's (Focus Next, Copy): as `?` does
                continue
            seen.add(binding.action)
            yield SystemCommand(
                _(binding.description),
                _(binding.tooltip)
                if binding.tooltip
                else _("key {key}").format(key=binding.key_display or binding.key),
                partial(self.run_action, binding.action, active.node),
            )


class JournalCommands(SystemCommandsProvider):
    """The palette's commands (`get_system_commands`); when none matches what was typed,
    one line says so in the user's language (Textual's own line would be English)."""

    async def search(self, query: str) -> Hits:
        found = False
        async for hit in super().search(query):
            found = True
            yield hit
        if not found and query.strip():
            yield CommandHit(
                0.01,
                _("No command matches “{query}”").format(query=printable(query)),
                _nothing,
            )


def _nothing() -> None:
    """What the line that says nothing matched does when chosen."""


def _default_db_path() -> Path:
    return db_path(None)


def run_app(path: Path, today: date | None = None) -> int:
    """Run the TUI; its exit code (non-zero after a crash). Without `today`, the
    app asks the clock (or LOOPBAAN_TODAY) each minute, so midnight moves it on."""
    app = LoopbaanApp(db_path=path, today=today)
    app.run()
    return app.return_code or 0
