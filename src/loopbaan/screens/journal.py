"""What every journal screen has: the app's journal and day, undoable changes, live keys."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual.screen import Screen

from loopbaan.i18n import _
from loopbaan.safe import printable
from loopbaan.store import StoreError
from loopbaan.store.attitudes import add_check
from loopbaan.store.undo import Change
from loopbaan.widgets.capture_line import CaptureLine
from loopbaan.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from loopbaan.app import LoopbaanApp
    from loopbaan.dialogs.check_in import CheckIn


class JournalScreen(Screen[None]):
    """A main screen of the app (Today, Week, Goals, Postponed, Insights)."""

    if TYPE_CHECKING:
        # The seam to the app, typed: its journal, its day, and the moves between screens.
        app: LoopbaanApp

    @property
    def conn(self) -> sqlite3.Connection:
        return self.app.conn

    @property
    def today(self) -> date:
        return self.app.today

    def change(self, label: str, work: Callable[[Change], object]) -> bool:
        """Run `work(change)` as one undoable change (ctrl+z takes it back as `label`).

        A change the journal refuses is reported in one line; returns whether it
        was made.
        """
        try:
            with self.app.undo_log.change(label) as change:
                work(change)
        except StoreError as error:
            self.notify(printable(str(error)), severity="error", markup=False)
            return False
        return True

    def open_check_in(self) -> None:
        """The attitude check-in (Talks `c`, and Today while one is due); saved at once."""
        from loopbaan.dialogs.check_in import CheckInScreen  # not needed for the first paint

        self.app.push_screen(CheckInScreen(self.app.settings.attitudes), self._save_check_in)

    def _save_check_in(self, check_in: CheckIn | None) -> None:
        if check_in is None:
            return
        day = self.today

        def work(change: Change) -> None:
            for attitude, score in check_in.scores.items():
                add_check(self.conn, attitude, score, day, check_in.note, change=change)

        if self.change(_("attitude check-in"), work):
            self.notify(_("check-in saved · ctrl+z takes it back"))
            reload = getattr(self, "reload", None)
            if callable(reload):
                reload()

    def end_of_calendar(self) -> None:
        """`[` or `]` past year 1 or 9999: say so, and stay."""
        self.notify(_("that is the end of the calendar"), severity="warning")

    def today_changed(self, old: date) -> None:
        """Midnight passed while this screen was shown: the app's `today` is a new day."""

    def action_capture_create(self) -> None:
        """Enter on a screen's capture line (the screen binds it, in its own words)."""
        self.query_one(CaptureLine).finish()
        self.keys_changed()

    def action_capture_cancel(self) -> None:
        """Escape on a screen's capture line."""
        self.query_one(CaptureLine).cancel()
        self.keys_changed()

    def keys_changed(self) -> None:
        """A key changed meaning or use: the footer shows it in this frame, not the next."""
        for footer in self.query(KeysFooter):
            footer.show_keys_now()
        self.refresh_bindings()
