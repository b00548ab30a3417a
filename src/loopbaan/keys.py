"""Every key binding's id, its key, and the `[keys]` table of the settings that remaps them.

The ids are those of the `Binding`s in the screens and widgets (`today.postpone`);
tests/screens/test_keymap.py checks that both lists agree, key for key. They are listed
here, without Textual, so that the settings can be checked where they are read:
an unknown id, a key that is not one or a key that another key of the same
screen already has is said in one line, and the default key stays.

Bindings that share a key, the one or the other working depending on the state
of the screen (`f` finishes a review or opens it again), share an id: they move
together. (Textual's keymap takes the old key away from every binding on it.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

# id -> the key (or keys, comma-separated) it has unless the settings say otherwise
DEFAULT_KEYS: dict[str, str] = {
    # anywhere (the app)
    "app.today": "1",
    "app.week": "2",
    "app.goals": "3",
    "app.postponed": "4",
    "app.talks": "5",
    "app.insights": "6",
    "app.quit": "q",
    "app.help": "question_mark",
    "app.undo": "ctrl+z",
    "app.search": "slash",
    # Today
    "today.add": "a",
    "today.create": "enter",
    "today.close": "escape",
    "today.plus": "plus",
    "today.minus": "minus",
    "today.neutral": "0",
    "today.tick": "x",
    "today.drop": "d",
    "today.postpone": "p",
    "today.edit": "e",
    "today.goal": "g",
    "today.delete": "delete",
    "today.previous_day": "left_square_bracket",
    "today.next_day": "right_square_bracket",
    "today.back_to_today": "t",
    "today.reflect": "r",
    "today.finish": "f",
    "today.finish_in_field": "ctrl+f",
    "today.check_in": "c",
    # Week
    "week.previous_week": "left_square_bracket",
    "week.next_week": "right_square_bracket",
    "week.this_week": "t",
    "week.finish": "f",
    "week.undo": "ctrl+z",
    "week.finish_in_field": "ctrl+f",
    "week.back": "escape",
    # Goals
    "goals.new_goal": "n",
    "goals.new_milestone": "m",
    "goals.create": "enter",
    "goals.close": "escape",
    "goals.edit": "e",
    "goals.tick": "x",
    "goals.status": "s",
    "goals.delete": "delete",
    "goals.show": "f",
    "goals.move_up": "shift+up",
    "goals.move_down": "shift+down",
    "goals.ask_feedback": "F",
    # Talks
    "talks.new_talk": "n",
    "talks.create": "enter",
    "talks.close": "escape",
    "talks.edit": "e",
    "talks.follow_up": "f",
    "talks.check_in": "c",
    "talks.brief": "b",
    "talks.delete": "delete",
    # Postponed and Insights: the period
    "period.month": "m",
    "period.quarter": "k",
    "period.year": "y",
    "period.all": "a",
    "period.earlier": "left_square_bracket",
    "period.later": "right_square_bracket",
    "postponed.open": "enter",
    # a list of rows (Today's items, the goals, the postponed items)
    "list.up": "up",
    "list.down": "down",
    "list.page_up": "pageup",
    "list.page_down": "pagedown",
    "list.first": "home",
    "list.last": "end",
    "list.open": "enter",
    # the energy of the day, in Today's reflection
    "energy.1": "1",
    "energy.2": "2",
    "energy.3": "3",
    "energy.4": "4",
    "energy.5": "5",
    "energy.more": "right",
    "energy.less": "left",
    "energy.clear": "0,backspace,delete",
    # the postpone dialog: the day, the note, and the reasons in the order of DESIGN.md
    "postpone.cancel": "escape",
    "postpone.day": "tab",
    "postpone.note": "shift+tab",
    "postpone.unclear": "1",
    "postpone.too_big": "2",
    "postpone.no_time": "3",
    "postpone.waiting": "4",
    "postpone.dislike": "5",
    "postpone.unsure": "6",
    "postpone.skills": "7",
    "postpone.other": "8",
    # the forms that edit an item or a goal, and their choices
    "form.cancel": "escape",
    "form.save": "ctrl+s",
    "choice.next": "down,right",
    "choice.previous": "up,left",
    "choice.save": "enter",
    # the dialog that sets a goal's status
    "status.cancel": "escape",
    "status.active": "1",
    "status.paused": "2",
    "status.achieved": "3",
    "status.dropped": "4",
    # the attitude check-in: a digit scores and moves on
    "checkin.cancel": "escape",
    "checkin.save": "enter",
    "checkin.previous": "up",
    "checkin.next": "down",
    "checkin.1": "1",
    "checkin.2": "2",
    "checkin.3": "3",
    "checkin.4": "4",
    "checkin.5": "5",
    # the goal picker
    "picker.cancel": "escape",
    "picker.up": "up",
    "picker.down": "down",
    # the brief (b on Talks)
    "brief.close": "escape",
    "brief.save": "s",
    # the search dialog
    "search.cancel": "escape",
    "search.up": "up",
    "search.down": "down",
    # a multi-line field (a note, the review questions): edit it in $VISUAL / $EDITOR
    "text.editor": "ctrl+o",
}

# The groups whose keys work together: the screen's, the app's and those of the
# widgets on it. Two ids of one group on one key clash.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("app", "today", "list", "energy", "text"),
    ("app", "week", "text"),
    ("app", "goals", "list"),
    ("app", "postponed", "period", "list"),
    ("app", "talks", "list"),
    ("checkin",),
    ("postpone",),
    ("form", "choice", "text"),
    ("status",),
    ("picker",),
    ("search",),
    ("brief",),
)

MAX_KEY_LENGTH = 60  # characters in one value of [keys]: a few keys at most
_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_NAME = re.compile(r"[A-Za-z0-9_]+")
_REPLACED = {  # Textual's names for these characters
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def key_name(key: str) -> str | None:
    """One key as Textual names it ("?" is "question_mark"), or None if it is not a key."""
    if len(key) == 1:
        if not key.isprintable() or key.isspace() or key == ",":
            return None
        if key.isalnum():
            return key
        try:
            name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            return None
        return _REPLACED.get(name, name)
    *modifiers, last = key.split("+")
    if any(modifier not in _MODIFIERS for modifier in modifiers):
        return None
    named = key_name(last) if len(last) == 1 else last if _NAME.fullmatch(last) else None
    return None if named is None else "+".join([*modifiers, named])


def key_names(value: str) -> list[str] | None:
    """The keys of a comma-separated list, each as Textual names it; None if one is not a key."""
    names = [key_name(part.strip()) for part in value.split(",")]
    return None if any(name is None for name in names) else [n for n in names if n]


def clashes(keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(id, other id, key) for each remapped id whose key another id of its group has.

    `keymap` holds the user's keys (known ids, keys as `key_names` gives them); the
    other ids keep their default. Only the user's keys can clash: the defaults that
    overlap do so on purpose (the focused widget's key comes first).
    """
    found: list[tuple[str, str, str]] = []
    for binding_id, value in keymap.items():
        scope = binding_id.split(".")[0]
        together = {s for group in GROUPS if scope in group for s in group}
        for other, default in DEFAULT_KEYS.items():
            if other == binding_id or other.split(".")[0] not in together:
                continue
            taken = keymap.get(other, default).split(",")
            key = next((key for key in value.split(",") if key in taken), None)
            if key is not None:
                found.append((binding_id, other, key))
    return found
