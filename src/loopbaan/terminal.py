"""Reading the keyboard so that Escape and the key after it stay two keys.

A terminal sends Escape as a lone ESC byte, and Alt+p as ESC p. When keys come
faster than they are read (a burst, or a moment's load), Escape and the next key
arrive in one read, and Textual's parser takes them as one: ESC p becomes Alt+p,
ESC + a plain +, and before a later escape sequence ESC even becomes `^`. The
journal binds no Alt keys, so `KeyDriver` marks each ESC that does not start an
escape sequence as the Escape key itself (its unambiguous kitty-protocol form,
ESC [ 27 u) before the parser sees it. See docs/decisions/0006-typeahead.md.
"""

from __future__ import annotations

import os
import re
import selectors
from codecs import getincrementaldecoder

from textual._xterm_parser import XTermParser  # no public parser; decision note 0006
from textual.drivers.linux_driver import LinuxDriver

ESCAPE_KEY = "\x1b[27u"  # Escape as the kitty keyboard protocol writes it
ESCAPE_WAIT = 0.05  # seconds a lone ESC waits for the rest of a sequence
# ESC that starts no sequence: not CSI `[`, SS3 `O`, DCS `P`, OSC `]`, APC `_`, nor ESC.
_LONE_ESCAPE = re.compile(r"\x1b(?=[^\[\]OP_\x1b])")


def escape_apart(data: str) -> str:
    """`data` with every ESC that is followed by a plain key written as the Escape key."""
    return _LONE_ESCAPE.sub(ESCAPE_KEY, data)


class KeyDriver(LinuxDriver):
    """Textual's Linux driver, reading keys through `escape_apart`.

    An ESC that ends a read is held back until the next read (or `ESCAPE_WAIT`):
    what follows it decides whether it starts a sequence or is the Escape key.
    """

    def run_input_thread(self) -> None:
        parser = XTermParser()
        decode = getincrementaldecoder("utf-8")(errors="replace").decode
        held = False  # a lone ESC at the end of the last read
        with selectors.SelectSelector() as selector:
            selector.register(self.fileno, selectors.EVENT_READ)
            while not self.exit_event.is_set():
                data = "".join(
                    decode(os.read(self.fileno, 4096))
                    for _key, mask in selector.select(ESCAPE_WAIT if held else 0.1)
                    if mask & selectors.EVENT_READ
                )
                if held:
                    data, held = ("\x1b" + data if data else ESCAPE_KEY), False
                if data.endswith("\x1b"):
                    data, held = data[:-1], True
                if data:  # an empty feed would tell the parser the input ended
                    for event in parser.feed(escape_apart(data)):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
