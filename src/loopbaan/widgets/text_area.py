"""A TextArea for journal text: its control characters shown as pictures (␛, ␡, �).

Textual draws a line's ESC, C1 and bidi controls as they are, so a note could set
the terminal's title or clear it. The text edited stays exact; each picture is one
character, so cursor and selection keep their places. Imported when a text area is
first needed (TextArea takes ~15 ms to import).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from loopbaan.safe import pictured


class JournalTextArea(TextArea):
    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        line.plain = pictured(line.plain, tabs=True)
        return line
