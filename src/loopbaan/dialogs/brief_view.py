"""The brief for the next career conversation (`b` on Talks): read it, `s` saves it.

The Markdown is the exact text `loopbaan brief` prints; control characters from the
journal are written out (`\\x1b`) before Textual renders it, as everywhere on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from loopbaan.i18n import N_, _
from loopbaan.safe import printable
from loopbaan.widgets.dialog_footer import DialogFooter

if TYPE_CHECKING:
    from loopbaan.app import LoopbaanApp


class BriefView(ModalScreen[None]):
    """The brief in a scrolling Markdown view; `s` saves it beside the journal."""

    CSS_PATH = "brief_view.tcss"
    app: LoopbaanApp

    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="brief.close"),
        Binding(
            "s",
            "save",
            N_("Save"),
            tooltip=N_("as a Markdown file beside the journal"),
            id="brief.save",
        ),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="brief") as box:
            box.border_title = _("Brief for the next conversation")
            box.border_subtitle = _("s saves it · Esc closes")
            yield Markdown(printable(self.text, lines=True), id="brief-text")
        yield DialogFooter()  # over the footer of the screen behind, whose keys wait

    def action_close(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        from loopbaan.brief import save_brief
        from loopbaan.store.db import JournalError

        try:
            path = save_brief(self.app.db_path, self.app.today, self.text)
        except (JournalError, OSError) as error:
            self.notify(printable(str(error)), severity="error", markup=False)
            return
        self.notify(_("brief saved to {path}").format(path=printable(str(path))), markup=False)
