"""Talks: career conversations, their follow-ups, feedback asked and received (method, 3 and 5).

The list shows the newest talks, a page at a time (more as the cursor nears the
end), the highlighted one below with its follow-up tasks. The header says how long
ago the last career talk was and nudges past the setting. Every change is undoable.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, Vertical
from textual.widgets import Header, Static

from loopbaan.days import DayError, parse_day
from loopbaan.i18n import N_, _
from loopbaan.safe import in_markup, printable
from loopbaan.screens.journal import JournalScreen
from loopbaan.store import talks as store
from loopbaan.store.talks import Conversation
from loopbaan.store.undo import Change
from loopbaan.widgets.capture_line import CaptureLine, Prompt
from loopbaan.widgets.dates import short_day
from loopbaan.widgets.keys_footer import KeysFooter
from loopbaan.widgets.row_table import RowTable
from loopbaan.widgets.talk_detail import TalkDetail
from loopbaan.widgets.talk_table import TalkTable, talk_line

PAGE = 100  # talks read at a time; the next page when the cursor comes near the end
NEAR_END = 10
FOLLOW_UPS_SHOWN = 50
FEEDBACK_DAYS = 90  # feedback asked and received over this many days
DAY_WORDS = 3  # a follow-up's title may end in a day of up to this many words

EXPLAINER = N_(
    "[b]Talk about your career more than twice a year.[/b]\n\n"
    "With your manager, a mentor, a coach and your network. Prepare what you "
    "want from each talk, ask for feedback when something ends, prepare a "
    "negotiation so that you meet as equals, and leave every talk with "
    "concrete next steps.\n\n"
    "Press [b]n[/b] to log your first talk, [b]c[/b] to check in on your "
    "career attitudes."
)


def split_day(line: str, today: date) -> tuple[str, date | None]:
    """A follow-up typed as `Send Anna the deck friday`: the title, and the day its last
    words name (None when they name none)."""
    words = line.split()
    for count in range(min(DAY_WORDS, len(words) - 1), 0, -1):
        try:
            day = parse_day(" ".join(words[-count:]), ahead=True, base=today)
        except DayError:
            continue
        return " ".join(words[:-count]), day
    return line.strip(), None


class TalksScreen(JournalScreen):
    """The talks on top, the highlighted one below; the status line over both."""

    CSS_PATH = "talks.tcss"
    # n and the capture line's Enter and Escape reach the screen while the line has
    # the focus (priority), as on Goals.
    BINDINGS = [
        Binding("n", "new_talk", N_("New talk"), priority=True, id="talks.new_talk"),
        Binding("enter", "capture_create", N_("Create"), priority=True, id="talks.create"),
        Binding("escape", "capture_cancel", N_("Done"), priority=True, id="talks.close"),
        Binding("e", "edit", N_("Edit"), tooltip=N_("every field of the talk"), id="talks.edit"),
        Binding(
            "f",
            "follow_up",
            N_("Follow-up"),
            tooltip=N_("a next step of the talk, as a task"),
            id="talks.follow_up",
        ),
        Binding(
            "c",
            "check_in",
            N_("Check in"),
            tooltip=N_("rate your career attitudes 1–5"),
            id="talks.check_in",
        ),
        Binding(
            "b", "brief", N_("Brief"), tooltip=N_("the brief for your next talk"), id="talks.brief"
        ),
        Binding(
            "delete", "delete", N_("Delete"), tooltip=N_("ctrl+z brings it back"), id="talks.delete"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.talks: dict[int, Conversation] = {}
        self._wanted = PAGE  # how many talks the list reads
        self._total = 0
        self._detail_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="talks-status", markup=False)
        with Vertical(id="talks-panes"):
            with Vertical(id="talks-list-pane"):
                yield TalkTable(id="talks")
            yield TalkDetail(id="talk-detail")
        with Middle(id="talks-explainer"), Center():
            yield Static(_(EXPLAINER), id="talks-explainer-text")
        yield CaptureLine(id="capture")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Talks")
        self.reload(first=True)

    def on_screen_resume(self) -> None:
        self.reload()

    def today_changed(self, old: date) -> None:
        self.reload()

    # ------------------------------------------------------------------ state

    @property
    def capture(self) -> CaptureLine:
        return self.query_one(CaptureLine)

    @property
    def table(self) -> TalkTable:
        return self.query_one(TalkTable)

    @property
    def talk(self) -> Conversation | None:
        """The talk under the list's cursor (read from the table, never from a message)."""
        talk_id = self.table.selected_id
        return self.talks.get(talk_id) if talk_id is not None else None

    def show_talk(self, talk_id: int) -> None:
        """The list with the cursor on this talk (read far enough to hold it), and the
        list focused; the search opens a talk here."""
        talk = store.get_conversation(self.conn, talk_id)
        newer = store.count_conversations(self.conn, since=talk.day + timedelta(days=1))
        self._wanted = max(self._wanted, newer + PAGE)
        self.reload(selected=talk_id)
        self.set_focus(self.table)

    def reload(self, selected: int | None = None, *, first: bool = False) -> None:
        """Read the talks shown, the status line and the highlighted talk again."""
        conn = self.conn
        self._total = store.count_conversations(conn)
        talks = store.list_conversations(conn, limit=self._wanted)
        self.talks = {talk.id: talk for talk in talks}
        self.table.show(talks, self.today, selected, first=first)
        self.query_one("#talks-panes").display = bool(talks)
        self.query_one("#talks-explainer").display = not talks
        pane = self.query_one("#talks-list-pane")
        pane.border_title = _("Talks ({n})").format(n=self._total)
        self._show_status()
        self._show_detail()
        if self.capture.kind is None and self.focused is None:
            self.set_focus(self.table)
        self.keys_changed()

    def _show_status(self) -> None:
        """The days since the last career talk over the list (the nudge in colour), and
        feedback asked against received under it."""
        nudge = store.talk_reminder(self.conn, self.today, self.app.settings.talk_reminder_weeks)
        status = self.query_one("#talks-status", Static)
        status.update(talk_line(nudge))
        status.set_class(nudge.due, "-nudge")
        since = self.today - timedelta(days=FEEDBACK_DAYS - 1)
        balance = store.feedback_balance(self.conn, since, self.today)
        self.query_one("#talks-list-pane").border_subtitle = _(
            "feedback, last {days} days: {asked} asked · {received} received"
        ).format(days=FEEDBACK_DAYS, asked=balance.asked, received=balance.received)

    def _show_detail(self) -> None:
        talk = self.talk
        detail = self.query_one(TalkDetail)
        detail.display = talk is not None
        if talk is not None:
            detail.show(
                talk, store.follow_ups(self.conn, talk.id, limit=FOLLOW_UPS_SHOWN), self.today
            )
        self._detail_id = talk.id if talk else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action.startswith("capture_"):
            return self.capture.kind is not None
        if self.capture.kind is not None:
            return False  # while typing, keys are text
        if action in ("edit", "follow_up", "delete"):
            return None if self.talk is None else True
        return True

    # ------------------------------------------------------------------ actions

    def action_new_talk(self) -> None:
        self.capture.begin(
            "talk",
            lambda: Prompt(
                _("New talk with:"),
                _("whom · Enter logs a career talk with a manager today · e edits · Esc ends"),
                self._create_talk,
            ),
        )
        self.keys_changed()

    def _create_talk(self, name: str) -> None:
        created: list[Conversation] = []

        def work(change: Change) -> None:
            created.append(store.add_conversation(self.conn, name, day=self.today, change=change))

        if self.change(_("new talk with {name}").format(name=in_markup(name)), work):
            self.reload(selected=created[0].id)

    def action_follow_up(self) -> None:
        def prepare() -> Prompt | None:
            talk = self.talk
            if talk is None:
                return None
            return Prompt(
                _("Follow-up of the talk with {name}:").format(name=talk.with_whom),
                _("a next step; end with a day (friday, in 3 days), tomorrow otherwise"),
                lambda line: self._add_follow_up(talk.id, line),
            )

        self.capture.begin("follow_up", prepare)
        self.keys_changed()

    def _add_follow_up(self, talk_id: int, line: str) -> bool:
        title, day = split_day(line, self.today)
        day = day or self.today + timedelta(days=1)
        if not title:
            self.notify(_("type what to do before the day"), severity="warning")
            return False

        def work(change: Change) -> None:
            store.add_follow_up(self.conn, talk_id, title, day, change=change)

        if not self.change(_("follow-up “{title}”").format(title=in_markup(title)), work):
            return False
        self.reload(selected=talk_id)
        self.notify(
            _("“{title}” is on {day}").format(
                title=printable(title), day=short_day(day, self.today)
            ),
            markup=False,
        )
        return True

    def action_edit(self) -> None:
        talk = self.talk
        if talk is None:
            return
        from loopbaan.dialogs.edit_talk import EditTalkScreen  # not needed for the first paint

        self.app.push_screen(
            EditTalkScreen(talk, self.today), lambda values: self._save_talk(talk, values)
        )

    def _save_talk(self, talk: Conversation, values: dict[str, Any] | None) -> None:
        if values is None:
            return

        def work(change: Change) -> None:
            store.edit_conversation(self.conn, talk.id, change=change, **values)

        label = _("edit the talk with {name}").format(name=in_markup(values["with_whom"]))
        if self.change(label, work):
            self.reload(selected=talk.id)

    def action_delete(self) -> None:
        talk = self.talk
        if talk is None:
            return

        def work(change: Change) -> None:
            store.delete_conversation(self.conn, talk.id, change=change)

        label = _("delete the talk with {name}").format(name=in_markup(talk.with_whom))
        if self.change(label, work):
            self.reload()
            self.notify(
                _("the talk with {name} is deleted · ctrl+z brings it back").format(
                    name=printable(talk.with_whom)
                ),
                markup=False,
            )

    def action_check_in(self) -> None:
        self.open_check_in()

    def action_brief(self) -> None:
        """The brief for the next conversation (as `loopbaan brief` prints it), to read
        and to save (`s`)."""
        from loopbaan.brief import brief_markdown
        from loopbaan.dialogs.brief_view import BriefView

        text = brief_markdown(self.conn, self.app.today, attitudes=self.app.settings.attitudes)
        self.app.push_screen(BriefView(text))

    # ------------------------------------------------------------------ messages

    @on(RowTable.RowHighlighted, "#talks")
    def _talk_highlighted(self) -> None:
        table = self.table
        if table.cursor_row >= table.row_count - NEAR_END and table.row_count < self._total:
            self._wanted += PAGE
            self.reload()
            return
        if table.selected_id != self._detail_id:
            self._show_detail()
            self.keys_changed()

    @on(CaptureLine.Closed)
    def _capture_closed(self) -> None:
        self.set_focus(self.table)
