"""Journal text as a terminal should show it: control characters printed, not obeyed.

A title or note holds what was typed or imported, escape sequences included:
`ESC ] 0 ; … BEL` sets the terminal's title, `ESC [ 2 J` clears the screen, OSC 8
draws a link, U+202E turns the rest of a line around. The journal keeps such text
exactly; whatever shows it on a terminal (the command line, every TUI widget) passes
it through `printable` first. JSON keeps it exact through `json_text`, and files
written with `export -o` are data, not a terminal. Imports nothing but `re`, so the
quick commands stay quick.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO

# C0 controls but tab, newline and carriage return (those three are decided below),
# DEL and the C1 controls (U+009B is a CSI on its own), the Arabic letter mark, the
# left-to-right and right-to-left marks, the line and paragraph separators, and the
# bidi embeddings, overrides and isolates that reorder what follows them. Emoji
# joiners and other format characters stay.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_ONE_LINE = re.compile(f"[{_CONTROLS}\t\n\r]")
UNPRINTABLE = _ONE_LINE  # one character that `printable` writes out
# Where lines are meant, a tab and a line end stay; a carriage return only in a
# CRLF line end (CSV's), since on its own it moves back over what was printed.
_LINES = re.compile(f"[{_CONTROLS}]|\r(?!\n)")
_WITH_TABS = re.compile(f"[{_CONTROLS}\n\r]")
_IN_JSON = re.compile(f"[{_CONTROLS}\r]")
# Each control character as a picture of one cell, so that a field being edited
# keeps its cursor positions: ␛ for ESC, ␡ for DEL, and � for the rest.
_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def printable(text: str, *, lines: bool = False) -> str:
    """`text` with its control characters written out: ESC as `\\x1b`, U+202E as `\\u202e`.

    One line unless `lines` (a tab, a newline and a CRLF then stay). Printable text
    comes back as it is, so applying it twice changes nothing.
    """
    return (_LINES if lines else _ONE_LINE).sub(_escaped, text)


def pictured(text: str, *, tabs: bool = False) -> str:
    """`text` with each control character as one visible character (␛, ␡, �), tabs
    too unless `tabs`: as long as `text`, for a field that edits the text itself."""
    pattern = _WITH_TABS if tabs else _ONE_LINE
    return pattern.sub(lambda match: chr(_PICTURES.get(ord(match.group()), 0xFFFD)), text)


def in_markup(text: str) -> str:
    """`printable(text)` for a string that Textual reads as markup (a notice, an undo
    label): `[b]` and `[/b]` in a title are shown, not applied, and never break it.

    Every `[` is escaped: textual.markup.escape leaves one that starts no tag, and a
    `[/b]` after it is then shown with its backslash.
    """
    return printable(text).replace("[", "\\[")


def json_text(document: str) -> str:
    """A JSON document safe to print that parses to the same data.

    `json.dumps(…, ensure_ascii=False)` escapes the C0 controls but leaves DEL, C1
    and the bidi controls raw; in a JSON document those can only stand in a string,
    where `\\u009b` means the same.
    """
    return _IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


class TerminalStream:
    """A text stream to a terminal: all that is written to it passes `escape` first."""

    def __init__(self, stream: IO[str], escape: Callable[[str], str]) -> None:
        self._stream = stream
        self._escape = escape

    def write(self, text: str) -> int:
        return self._stream.write(self._escape(text))

    def flush(self) -> None:
        self._stream.flush()
