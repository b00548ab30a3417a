"""Journal text being edited: its control characters shown as pictures (␛, ␡, �).

Textual draws an input's ESC, C1 and bidi controls as they are, so a title could
set the terminal's title or clear it. `Input(highlighter=CONTROL_PICTURES)` shows
them as one picture each and keeps the value exact, so the cursor keeps its place.
(A TextArea does the same as `text_area.JournalTextArea`.)
"""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text

from loopbaan.safe import pictured


class ControlPictures(Highlighter):
    def highlight(self, text: Text) -> None:
        text.plain = pictured(text.plain)


CONTROL_PICTURES = ControlPictures()
