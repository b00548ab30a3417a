"""Journal text inside Markdown, shown as typed: the export and the brief escape alike.

Imports nothing of the journal or the interface, so the quick `brief` command and the
data layer can both use it.
"""

from __future__ import annotations

import re

# What a Markdown renderer would act on rather than show: emphasis, code, links and
# images, HTML and entities, strikethrough, table cells; and at the start of a line
# (after \n or \r, as CommonMark counts lines) a heading, quote, list item or setext
# underline, and the indent that would make code of it.
_MD_INLINE = re.compile(r"[\\`*_\[\]<>&~|]")
_MD_IN_HEADING = re.compile(r"[\\`*_\[\]<>&~|#]")
_MD_LINE_START = re.compile(r"(?:^|(?<=[\r\n]))[ \t]*(?:([#>+=-])|(\d+)([.)]))?")


def _line_start(match: re.Match[str]) -> str:
    mark, number, after = match.groups()
    return f"\\{mark}" if mark else f"{number}\\{after}" if number else ""


def escape(text: str, *, heading: bool = False) -> str:
    """Journal text that a Markdown renderer shows as typed: `*bold* [link](x) <b>`
    stays that, not bold, a link and HTML. Control characters stay (a file keeps the
    data; on a terminal the command line escapes them)."""
    escaped = (_MD_IN_HEADING if heading else _MD_INLINE).sub(r"\\\g<0>", text)
    return _MD_LINE_START.sub(_line_start, escaped)


def one_line(text: str, *, heading: bool = False) -> str:
    """Free text on one line, so that it cannot break a list item, shown as typed."""
    return escape(" ".join(text.split()), heading=heading)
