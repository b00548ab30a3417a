"""Placeholder until the Week screen lands (being built now)."""

from loopbaan.screens.coming import ComingScreen


class WeekScreen(ComingScreen):
    def __init__(self) -> None:
        super().__init__("Week", "The weekly look back.")
