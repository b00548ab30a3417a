"""Days as the screens write them, in the user's language: Babel's `format_date`, since
strftime knows only the C locale. The names below are for the charts' axes."""

from __future__ import annotations

from datetime import date

from loopbaan.i18n import N_, _, format_day

WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
MONTHS_SHORT = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def long_day(day: date) -> str:
    """`Monday 23 November 2026`, `maandag 23 november 2026`."""
    return format_day(day, "EEEE d MMMM y")


def short_day(day: date, today: date | None = None) -> str:
    """`Mon 23 Nov`, `ma 23 nov.`; the year too when it is not the year of `today`."""
    text = format_day(day, "EEE d MMM")
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


def day_month(day: date) -> str:
    """`24 Nov`, `24 nov.`: short enough for a column."""
    return format_day(day, "d MMM")


def relative_day(day: date, today: date) -> str:
    """`today`, `yesterday`, `tomorrow`, or `3 days ago` / `in 3 days`."""
    days = (day - today).days
    if days == 0:
        return _("today")
    if days == -1:
        return _("yesterday")
    if days == 1:
        return _("tomorrow")
    if days < 0:
        return _("{n} days ago").format(n=-days)
    return _("in {n} days").format(n=days)
