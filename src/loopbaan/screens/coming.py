"""A placeholder for a screen that a later release builds."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from loopbaan.i18n import _


class ComingScreen(Screen[None]):
    CSS_PATH = "coming.tcss"

    def __init__(self, title: str, purpose: str) -> None:
        super().__init__()
        self.screen_title = title
        self.purpose = purpose

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center():
            yield Static(
                f"[b]{self.screen_title}[/b]\n\n{self.purpose}\n\n"
                + _("This screen is coming. Press 1 for Today, 2 for Week."),
                id="coming",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.screen_title
