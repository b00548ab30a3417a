"""Placeholder until the Today screen lands (being built now)."""

from loopbaan.screens.coming import ComingScreen


class TodayScreen(ComingScreen):
    def __init__(self) -> None:
        super().__init__("Today", "The end-of-day review.")
