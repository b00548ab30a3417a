"""The command line. Quick commands never import Textual, Rich or SQLModel.

`loopbaan` alone opens the TUI; everything else does its job and exits.
Errors are one line on stderr: exit 2 for bad usage, 1 for a failure.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from loopbaan import __version__, i18n
from loopbaan.days import MAX_WORDS, DayError, day_words, parse_day, today
from loopbaan.domain import (
    NEGOTIATION_FIELDS,
    Item,
    Kind,
    Rating,
    Reason,
    Role,
    Status,
    TalkKind,
    parse_markers,
)
from loopbaan.i18n import N_, _, ngettext
from loopbaan.labels import (
    KIND_LABEL,
    RATING_MARK_ASCII,
    REASON_LABEL,
    ROLE_LABEL,
    TALK_KIND_LABEL,
    TASK_MARK,
)
from loopbaan.safe import TerminalStream, json_text, printable

if TYPE_CHECKING:
    from loopbaan.config import Settings
    from loopbaan.store.search import Hit, Marked
    from loopbaan.store.talks import Conversation

EXIT_FAILURE = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input caught after parsing; exits 2 like argparse's own errors."""


class CommandFailed(Exception):
    """A failure outside the journal (the editor, a backup to restore); exits 1."""


# The options that take a DAY; a day of several words needs no quotes after them.
DAY_OPTIONS = ("--day", "--to", "--since", "--until")


def join_day_words(argv: Sequence[str]) -> list[str]:
    """`--day next friday` as `--day "next friday"`: the longest day phrase after a DAY option.

    Only a phrase of two words or more is joined, so `--day friday TITLE` keeps its
    title; nothing after `--` is touched.
    """
    joined: list[str] = []
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--":
            joined.extend(argv[index:])
            break
        name, equals, value = token.partition("=")
        if name in DAY_OPTIONS:
            after = list(argv[index + 1 : index + 1 + MAX_WORDS])
            words = [value, *after] if equals else after
            length = day_words(words)
            if length:
                joined += [name, " ".join(words[:length])]
                index += 1 + length - (1 if equals else 0)
                continue
        joined.append(token)
        index += 1
    return joined


# argparse's own words ("usage:", "options", its errors) come from the module-level
# `_` and `ngettext` it looks up when it speaks; they go through our catalogue, in
# the language chosen (decision 0018). The msgids are argparse's, listed here so
# that they are extracted; the test of the catalogue checks that they still exist.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("unrecognized arguments: %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
ARGPARSE_PLURALS = (ngettext("expected %s argument", "expected %s arguments", 0),)
vars(argparse).update(_=i18n._, ngettext=i18n.ngettext)


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, not argparse's usage block: the user knows where --help is."""
        see = _("see --help")
        self.exit(EXIT_USAGE, printable(f"{self.prog}: {message} ({see})") + "\n")

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        words = sys.argv[1:] if args is None else args
        return super().parse_known_args(join_day_words(words), namespace)


def _day_type(ahead: bool) -> Callable[[str], date]:
    def convert(text: str) -> date:
        try:
            return parse_day(text, ahead=ahead)
        except DayError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = "day"
    return convert


# The largest id SQLite can hold; a larger number is no id (and sqlite3 would overflow).
MAX_ID = 2**63 - 1


def _positive_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:  # not a number, or one of thousands of digits
        value = 0
    if not 1 <= value <= MAX_ID:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise argparse.ArgumentTypeError(_("not an id: {text!r}").format(text=shown))
    return value


# The arguments that name files: they may hold any bytes the file system allows. Any
# other text goes into the journal or is matched against it, and must be UTF-8.
_FILE_ARGUMENTS = frozenset({"db", "file", "output", "dest", "dir", "folder", "path"})


def _not_utf8(args: argparse.Namespace) -> str | None:
    """Why an argument cannot be taken as text, or None.

    Python decodes the command line with surrogateescape: a byte that is not UTF-8
    (`loopbaan log $'bad\\xff'`) arrives as a lone surrogate, which SQLite refuses.
    """
    for name, value in vars(args).items():
        if name in _FILE_ARGUMENTS:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not text.isascii() and _SURROGATES.search(text):
                try:
                    raw = text.encode("utf-8", "surrogateescape")
                except UnicodeEncodeError:
                    raw = text.encode("utf-8", "backslashreplace")
                shown = "".join(
                    c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                    for c in raw.decode("utf-8", "backslashreplace")[:60]
                )
                return _("{name} is not valid UTF-8 text: {text}").format(
                    name=name.replace("_", "-"), text=f"'{shown}'"
                )
    return None


_SURROGATES = re.compile("[\ud800-\udfff]")


# ---------------------------------------------------------------------- journal


def _journal(args: argparse.Namespace, *, create: bool = True) -> sqlite3.Connection | None:
    from loopbaan.config import db_path
    from loopbaan.store.db import open_journal

    return open_journal(db_path(args.db), create=create)


def _write_journal(args: argparse.Namespace) -> sqlite3.Connection:
    from loopbaan.config import db_path

    path = db_path(args.db)
    existed = path.exists()
    conn = _journal(args, create=True)
    assert conn is not None
    if existed:  # a journal made just now has nothing to keep yet
        _automatic_backup(args, conn, path)
    return conn


# ------------------------------------------------------------- automatic backups


def _automatic_backup(args: argparse.Namespace, conn: sqlite3.Connection, path: Path) -> None:
    """Before the first write of a day, a copy into backups/ (store/backups.py).

    On a day with its copy made this is one stat; a backup that fails is said in one
    line and the command goes on: the write matters more than its safety copy.
    """
    from loopbaan.store.db import JournalError, backup_if_due

    settings = _settings(args)
    try:
        backup_if_due(
            conn,
            path,
            today(),
            keep_daily=settings.backup_keep_daily,
            keep_weekly=settings.backup_keep_weekly,
        )
    except (JournalError, OSError, sqlite3.Error) as error:
        _say(_("loopbaan: no backup today: {error}").format(error=error), stderr=True)


# --------------------------------------------------------------------- display


def _kind_label(kind: Kind) -> str:
    return _(KIND_LABEL[kind])


def _status_label(status: Status) -> str:
    return {Status.OPEN: _("open"), Status.DONE: _("done"), Status.DROPPED: _("dropped")}[status]


def _item_json(item: Item) -> dict[str, object]:
    return {
        "id": item.id,
        "uid": item.uid,
        "kind": item.kind.value,
        "title": item.title,
        "day": item.day.isoformat(),
        "rating": item.rating.value if item.rating else None,
        "status": item.status.value,
        "note": item.note,
        "tags": list(item.tags),
        "goal_id": item.goal_id,
        "postponed": item.postponed,
    }


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(lines)


def _say(text: str, *, stderr: bool = False) -> None:
    """Print to the terminal with control characters escaped (safe.py): every line the
    command line prints passes here or through `_say_json`. Standard error gets one line."""
    if stderr:
        print(printable(text), file=sys.stderr)
    else:
        print(printable(text, lines=True))


def _say_json(data: object, indent: int | None = 2) -> None:
    """JSON on standard output: exact once parsed, no raw control character printed."""
    import json

    print(json_text(json.dumps(data, ensure_ascii=False, indent=indent)))


def _describe(item: Item) -> str:
    mark = RATING_MARK_ASCII[item.rating]
    if item.is_task:  # a rated task shows both: `[x] +`
        mark = TASK_MARK[item.status] + ("" if item.rating is None else " " + mark)
    title = printable(item.title)
    return f"{item.id} {mark} {title} ({_kind_label(item.kind)}, {item.day.isoformat()})"


# -------------------------------------------------------------------- commands


def _check_agree(marked: Kind | Rating | None, flag: str | None, title: str) -> None:
    """A marker and a flag may say the same thing, never two different ones."""
    if marked is not None and flag is not None and flag != f"--{marked.value}":
        raise UsageError(
            _("the title {title} is marked {marked}, but {flag} says otherwise").format(
                title=repr(title), marked=marked.value, flag=flag
            )
        )


def cmd_log(args: argparse.Namespace) -> int:
    from loopbaan.store import items, transaction

    # The leading markers of the TUI's capture line: `!+ Finish the deck #slides`.
    captured = parse_markers(args.title)
    if not captured.title:
        raise UsageError(_("the title is empty"))
    flag_kind = Kind.TASK if args.task else Kind.APPOINTMENT if args.appointment else None
    flag_rating = Rating(args.rating) if args.rating else None
    _check_agree(captured.kind, flag_kind and f"--{flag_kind.value}", args.title)
    _check_agree(captured.rating, flag_rating and f"--{flag_rating.value}", args.title)
    kind = captured.kind or flag_kind or Kind.ACTIVITY
    rating = captured.rating or flag_rating
    if args.edit:
        args.note = _note_from_editor()
    conn = _write_journal(args)
    with transaction(conn):
        item = items.add_item(
            conn,
            captured.title,
            day=args.day or today(),
            kind=kind,
            rating=rating,
            note=args.note or "",
            goal_id=args.goal,
        )
    _say(_("logged {item}").format(item=_describe(item)))
    return 0


def _note_from_editor() -> str:
    """`log --edit`: the note written in $VISUAL / $EDITOR, before anything is logged."""
    from loopbaan.editor import EditorError, edit_text

    try:
        note = edit_text("")
    except EditorError as error:
        raise CommandFailed(str(error)) from None
    if note is None:
        raise CommandFailed(_("the editor exited with an error; nothing was logged"))
    return note


def cmd_list(args: argparse.Namespace) -> int:
    from loopbaan.store import items

    day = args.day or today()
    conn = _journal(args, create=False)
    found = items.items_for_day(conn, day) if conn else []
    if args.format == "json":
        _say_json([_item_json(item) for item in found])
        return 0
    if not found:
        _say(_("nothing on {day}").format(day=day.isoformat()))
        return 0
    rows = [[_("ID"), "", _("KIND"), _("STATUS"), _("TITLE"), _("POSTPONED")]]
    for item in found:
        rows.append(
            [
                str(item.id),
                RATING_MARK_ASCII[item.rating],
                _kind_label(item.kind),
                _status_label(item.status) if item.is_task else "",
                printable(item.title),  # escaped before the columns are measured
                str(item.postponed) if item.postponed else "",
            ]
        )
    _say(_table(rows))
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    from loopbaan.store import items, transaction

    conn = _write_journal(args)
    with transaction(conn):
        item = items.set_status(conn, args.id, Status.DONE, on=today())
    _say(_("done: {item}").format(item=_describe(item)))
    return 0


def cmd_drop(args: argparse.Namespace) -> int:
    """Let a task go, honestly: it stays in the journal as dropped, not done, not deleted."""
    from loopbaan.store import StoreError, items, transaction

    conn = _write_journal(args)
    with transaction(conn):
        item = items.get_item(conn, args.id)
        if not item.is_task:
            raise StoreError(
                _("item {id} is an {kind}; only tasks can be dropped").format(
                    id=item.id, kind=_kind_label(item.kind)
                )
            )
        if item.status is Status.DROPPED:
            _say(_("already dropped: {item}").format(item=_describe(item)))
            return 0
        item = items.set_status(conn, args.id, Status.DROPPED, on=today())
    _say(_("dropped: {item}").format(item=_describe(item)))
    return 0


def cmd_postpone(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from loopbaan.store import items, transaction

    if args.to is None and today() == date.max:
        raise UsageError(_("there is no day after {day}: give one with --to").format(day=today()))
    conn = _write_journal(args)
    to_day = args.to or today() + timedelta(days=1)
    with transaction(conn):
        moved = items.postpone(conn, args.id, to_day, Reason(args.reason), args.note or "")
        item = items.get_item(conn, args.id)
    _say(
        _("postponed {id} from {old} to {new} ({reason}): {title}").format(
            id=item.id,
            old=moved.from_day.isoformat(),
            new=moved.to_day.isoformat(),
            reason=_(REASON_LABEL[moved.reason]),
            title=printable(item.title),
        )
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from loopbaan.store import reviews, talks

    conn = _journal(args, create=False)
    if conn is None:
        _say(_("no journal yet: loopbaan log TITLE starts one"))
        return 0
    state = reviews.status(conn, today())
    talk = talks.talk_reminder(conn, today(), _settings(args).talk_reminder_weeks)
    if args.format == "json":
        _say_json(
            {
                "reviewed_today": state.reviewed_today,
                "open_tasks": state.open_tasks,
                "overdue_tasks": state.overdue_tasks,
                "streak": state.streak,
                "days_since_career_talk": talk.days_since,
                "talk_nudge": talk.due,
            },
            indent=None,
        )
        return 0
    parts = [_("reviewed") if state.reviewed_today else _("review pending")]
    tasks = i18n.ngettext("{n} open task", "{n} open tasks", state.open_tasks).format(
        n=state.open_tasks
    )
    if state.overdue_tasks:
        tasks += " " + _("({n} overdue)").format(n=state.overdue_tasks)
    parts.append(tasks)
    parts.append(
        i18n.ngettext("streak {n} day", "streak {n} days", state.streak).format(n=state.streak)
    )
    if talk.due:
        parts.append(_talk_nudge_text(talk.days_since))
    _say(" · ".join(parts))
    return 0


def _settings(args: argparse.Namespace) -> Settings:
    """The settings main() read (the defaults when a test calls a command directly)."""
    from loopbaan.config import Settings

    settings = getattr(args, "settings", None)
    return settings if isinstance(settings, Settings) else Settings()


def _talk_nudge_text(days: int | None) -> str:
    if days is None:
        return _("no career talk yet: time for one")
    return i18n.ngettext(
        "{n} day since a career talk: time for one",
        "{n} days since a career talk: time for one",
        days,
    ).format(n=days)


def _since_talk_text(days: int | None) -> str:
    if days is None:
        return _("no career talk yet")
    return i18n.ngettext(
        "{n} day since the last career talk", "{n} days since the last career talk", days
    ).format(n=days)


def _talk_json(talk: Conversation) -> dict[str, object]:
    return {
        "id": talk.id,
        "uid": talk.uid,
        "day": talk.day.isoformat(),
        "with_whom": talk.with_whom,
        "role": talk.role.value,
        "kind": talk.kind.value,
        "prepared": talk.prepared,
        "summary": talk.summary,
        "outcome": talk.outcome,
        **{name: getattr(talk, name) for name in NEGOTIATION_FIELDS},
        "open_follow_ups": talk.open_follow_ups,
        "follow_ups": talk.follow_ups,
    }


def cmd_talk(args: argparse.Namespace) -> int:
    from loopbaan.domain import Role, TalkKind
    from loopbaan.store import talks, transaction

    if not args.who.strip():
        raise UsageError(_("whom the conversation is with is empty"))
    conn = _write_journal(args)
    day = args.day or today()
    with transaction(conn):
        talk = talks.add_conversation(
            conn,
            args.who,
            day=day,
            role=Role(args.role),
            kind=TalkKind(args.kind),
            prepared=args.ask or "",
        )
    _say(
        _("logged conversation {id} with {who} ({role}, {kind}) on {day}").format(
            id=talk.id,
            who=printable(talk.with_whom),
            role=_(ROLE_LABEL[talk.role]),
            kind=_(TALK_KIND_LABEL[talk.kind]),
            day=talk.day.isoformat(),
        )
    )
    return 0


def cmd_talks(args: argparse.Namespace) -> int:
    from loopbaan.store import talks

    conn = _journal(args, create=False)
    found = talks.list_conversations(conn, limit=args.limit) if conn else []
    reminder = (
        talks.talk_reminder(conn, today(), _settings(args).talk_reminder_weeks) if conn else None
    )
    days = reminder.days_since if reminder else None
    due = reminder.due if reminder else False
    if args.format == "json":
        _say_json(
            {
                "days_since_career_talk": days,
                "talk_nudge": due,
                "conversations": [_talk_json(talk) for talk in found],
            }
        )
        return 0
    _say(_talk_nudge_text(days) if due else _since_talk_text(days))
    if not found:
        _say(_("no conversations yet: loopbaan talk NAME logs one"))
        return 0
    rows = [[_("ID"), _("DAY"), _("WITH"), _("ROLE"), _("KIND"), _("OPEN FOLLOW-UPS")]]
    for talk in found:
        rows.append(
            [
                str(talk.id),
                talk.day.isoformat(),
                printable(talk.with_whom),
                _(ROLE_LABEL[talk.role]),
                _(TALK_KIND_LABEL[talk.kind]),
                str(talk.open_follow_ups) if talk.open_follow_ups else "",
            ]
        )
    _say(_table(rows))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from loopbaan.store import attitudes, transaction

    known = _settings(args).attitudes
    key = args.attitude.strip().lower()
    if key not in known:
        raise UsageError(
            _("{key} is not an attitude; the attitudes are {known}").format(
                key=repr(args.attitude[:40]), known=", ".join(known)
            )
        )
    try:
        score = int(args.score)
    except ValueError:
        score = 0
    if not 1 <= score <= 5:
        raise UsageError(
            _("a score is a whole number from 1 to 5, not {score}").format(
                score=repr(args.score[:40])
            )
        )
    conn = _write_journal(args)
    with transaction(conn):
        check = attitudes.add_check(conn, key, score, args.day or today(), args.note or "")
    _say(
        _("checked in: {label} {score}/5 on {day}").format(
            label=_(known[key][0]), score=check.score, day=check.day.isoformat()
        )
    )
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    """The Markdown brief for a career conversation: to the terminal (made safe to
    show) or, with -o, into a new private file that keeps the text exact."""
    from loopbaan.brief import brief_markdown
    from loopbaan.config import db_path

    until = args.until or today()
    if args.since is not None and args.since > until:
        raise UsageError(
            _("--since {since} is after {until}").format(
                since=args.since.isoformat(), until=until.isoformat()
            )
        )
    target = _open_output(args.output, "markdown")
    conn = _journal(args, create=False)
    if conn is None:
        raise FileNotFoundError(
            _("there is no journal at {path} yet").format(path=db_path(args.db))
        )
    text = brief_markdown(
        conn, today(), args.since, args.until, args.for_name, attitudes=_settings(args).attitudes
    )
    if isinstance(target, TerminalStream):
        target.write(text)
        return 0
    from loopbaan.store import transfer

    with transfer.open_export(target) as file:
        file.write(text)
    _say(_("brief written to {path}").format(path=target), stderr=True)
    return 0


# ---------------------------------------------------------------------- search

_MARK_ON, _MARK_OFF = "\x1b[1;4m", "\x1b[22;24m"  # bold and underlined, then neither


def _search_what(hit: Hit) -> str:
    if hit.item_kind is not None:
        return _kind_label(hit.item_kind)
    return {
        "day": _("day review"),
        "week": _("week review"),
        "goal": _("goal"),
        "milestone": _("milestone"),
        "talk": _("conversation"),
    }.get(hit.kind, hit.kind)


def _search_marked(parts: Marked, *, colour: bool) -> str:
    """The parts, each made printable, the matches marked: in bold on a terminal,
    in [brackets] when piped. Only the marks are ours; the text is escaped first."""
    on, off = (_MARK_ON, _MARK_OFF) if colour else ("[", "]")
    return "".join(on + printable(text) + off if hit else printable(text) for text, hit in parts)


def cmd_search(args: argparse.Namespace) -> int:
    from loopbaan.store import search

    words = " ".join(args.words)
    if not words.strip():
        raise UsageError(_("nothing to search for"))
    if args.since and args.until and args.since > args.until:
        raise UsageError(_("--since is after --until"))
    conn = _journal(args, create=False)
    hits = (
        search.search(
            conn,
            words,
            since=args.since,
            until=args.until,
            kinds=tuple(args.kind) if args.kind else None,
            tag=args.tag,
            limit=args.limit,
        )
        if conn
        else []
    )
    if args.format == "json":
        _say_json(
            [
                {
                    "kind": hit.kind,
                    "id": hit.ref,
                    "day": hit.day.isoformat() if hit.day else None,
                    "what": hit.item_kind.value if hit.item_kind else hit.kind,
                    "goal_id": hit.goal_id,
                    "title": hit.title_text,
                    "snippet": hit.snippet_text,
                    "matches": [text for text, hit in (*hit.title, *hit.snippet) if hit],
                }
                for hit in hits
            ]
        )
        return 0
    if not hits:
        _say(_("nothing found for {words}").format(words=repr(words)))
        return 0
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    for hit in hits:
        text = " — ".join(
            part
            for part in (
                _search_marked(hit.title, colour=colour),
                _search_marked(hit.snippet, colour=colour),
            )
            if part
        )
        day = hit.day.isoformat() if hit.day else "          "
        # Not through _say: every part of the journal's text is printable already,
        # and the marks are the only escapes.
        print(f"{day}  {_search_what(hit):<13} {hit.ref:>6}  {text}")
    return 0


def _search_options(parser: Parser) -> None:
    from loopbaan.store.search import DEFAULT_LIMIT, KINDS

    parser.add_argument("words", nargs="+", metavar=_("WORDS"))
    parser.add_argument("--since", type=_day_type(False), metavar=_("DAY"))
    parser.add_argument("--until", type=_day_type(False), metavar=_("DAY"))
    parser.add_argument(
        "--kind", action="append", choices=KINDS, metavar=_("KIND"),
        help=_("only these (again for more): {kinds}").format(kinds=", ".join(KINDS)),
    )  # fmt: skip
    parser.add_argument("--tag", metavar=_("TAG"), help=_("only items with this #tag"))
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--limit", type=_positive_id, default=DEFAULT_LIMIT, metavar=_("N"),
        help=_("at most N hits, newest first (default: {n})").format(n=DEFAULT_LIMIT),
    )  # fmt: skip


def cmd_postponed(args: argparse.Namespace) -> int:
    from loopbaan.insight import postponements
    from loopbaan.store import postponed

    conn = _journal(args, create=False)
    known = postponed.bounds(conn) if conn else None
    until = args.until or max(today(), known[1] if known else today())
    since = args.since or (known[0] if known else until)
    if since > until:
        raise UsageError(_("--since is after --until"))
    if conn is None:
        report = postponed.Postponed(since, until, [], [], [], [], [], [])
    else:
        report = postponed.postponed(conn, since, until)
    if args.format == "json":
        _say_json(postponements.to_json(report))
        return 0
    from loopbaan.report import print_postponed

    print_postponed(report, postponements.chronic(report))
    return 0


def _open_output(path: str | None, fmt: str) -> TerminalStream | Path:
    """Standard output (a terminal: what is written there is made safe to show, JSON
    staying exact), or a new private file (0600) for `-o` that keeps the data as it is."""
    if path is None or path == "-":
        escape = json_text if fmt == "json" else lambda text: printable(text, lines=True)
        return TerminalStream(sys.stdout, escape)
    target = Path(path).expanduser()
    if target.is_dir():
        raise UsageError(_("{path} is a folder").format(path=target))
    return target  # written by transfer.open_export: see cmd_export


def cmd_export(args: argparse.Namespace) -> int:
    from loopbaan.config import db_path
    from loopbaan.store import markdown, transfer

    conn = _journal(args, create=False)
    if conn is None:
        raise FileNotFoundError(
            _("there is no journal at {path} yet").format(path=db_path(args.db))
        )
    writer = {
        "json": transfer.write_json,
        "csv": transfer.write_csv,
        "markdown": markdown.write_markdown,
    }[args.format]
    if args.format == "csv" and args.output not in (None, "-"):
        exported = _export_csv_tables(conn, Path(args.output).expanduser())
        if exported is not None:
            return exported
    target = _open_output(args.output, args.format)
    if isinstance(target, TerminalStream):
        writer(conn, target)
        return 0
    # A new 0600 file renamed over the target once complete; removed if the export
    # fails; a symbolic link at the target is refused, never written through.
    with transfer.open_export(target) as file:
        writer(conn, file)
    _say(_("exported to {path}").format(path=target), stderr=True)
    return 0


def _export_csv_tables(conn: sqlite3.Connection, target: Path) -> int | None:
    """`export --format csv -o PATH`: one file per table, in a folder or in a zip when
    PATH ends in .zip. A PATH ending in .csv is one file, the items table, as standard
    output gets; None then, and the export goes on as for the other formats."""
    from loopbaan.store import transfer

    suffix = target.suffix.lower()
    if suffix == ".csv" and not target.is_dir():
        return None
    if suffix == ".zip":
        if target.is_dir():
            raise UsageError(_("{path} is a folder").format(path=target))
        transfer.write_csv_zip(conn, target)
    else:
        if target.exists() and not target.is_dir():
            raise UsageError(
                _("{path} is a file: a CSV export is a folder, or a .zip").format(path=target)
            )
        transfer.write_csv_folder(conn, target)
    _say(_("exported to {path}").format(path=target), stderr=True)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from contextlib import suppress

    from loopbaan.config import db_path
    from loopbaan.store import importer
    from loopbaan.store.db import TargetExists, create_journal

    path = Path(args.file).expanduser()
    from loopbaan.store.calendar import is_calendar_file

    if is_calendar_file(path):
        return _import_calendar(args, path)
    calendar_only = [f for f in ("since", "until", "me") if getattr(args, f, None)]
    if calendar_only:
        raise UsageError(
            _("--{option} is for a calendar (.ics) file").format(option=calendar_only[0])
        )
    importer.check_readable(path)
    with _Progress(_("importing {path}").format(path=path), path) as progress:
        conn = _journal(args, create=False)
        report = None
        if conn is None:  # a new journal, put in place once the whole file is in
            with suppress(TargetExists):  # unless another loopbaan makes one meanwhile
                report = create_journal(
                    db_path(args.db), lambda conn: importer.import_file(conn, path, progress)
                )
        if report is None:
            report = importer.import_file(conn or _write_journal(args), path, progress)
    _say(report.summary())
    return 0


def _import_calendar(args: argparse.Namespace, path: Path) -> int:
    """`import FILE.ics`: the events of a window as appointments (store/calendar.py).

    The file is read and expanded whole before the journal is opened: a broken one
    adds nothing, and makes no journal either.
    """
    from loopbaan.store.calendar import default_window, import_appointments, read_calendar

    since, until = default_window(today())
    since = args.since or since
    until = args.until or until
    if until < since:
        raise UsageError(
            _("--until {until} is before --since {since}").format(
                until=until.isoformat(), since=since.isoformat()
            )
        )
    me = list(args.me or [])
    settings = getattr(args, "settings", None)
    if not me and settings is not None and settings.calendar_email:
        me = [settings.calendar_email]
    with _Progress(_("reading {path}").format(path=path), path):
        found = read_calendar(path, since=since, until=until, me=me)
    report = import_appointments(_write_journal(args), found)
    _say(report.summary())
    if report.unsure_declined:
        _say(
            i18n.ngettext(
                "loopbaan: {n} event has an invitation someone declined; tell who you are"
                " with --me EMAIL (or calendar_email in the settings) to skip the ones you"
                " declined",
                "loopbaan: {n} events have invitations someone declined; tell who you are"
                " with --me EMAIL (or calendar_email in the settings) to skip the ones you"
                " declined",
                report.unsure_declined,
            ).format(n=report.unsure_declined),
            stderr=True,
        )
    return 0


class _Progress:
    """A line on a terminal's standard error saying how far long work is, wiped when done.

    Shown only where a person watches: not when standard error is a file or a pipe.
    """

    def __init__(self, what: str, path: Path) -> None:
        self.what = printable(what)
        self.shown = -1
        self.tty = sys.stderr.isatty()
        try:
            self.size = path.stat().st_size
        except OSError:
            self.size = 0

    def __enter__(self) -> _Progress:
        self(0)
        return self

    def __call__(self, done: int) -> None:
        if not self.tty:
            return
        percent = min(100, done * 100 // self.size) if self.size else 0
        if percent != self.shown:
            self.shown = percent
            sys.stderr.write(f"\r{self.what} … {percent}%")
            sys.stderr.flush()

    def __exit__(self, *exc: object) -> None:
        if self.tty:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def cmd_backup(args: argparse.Namespace) -> int:
    from datetime import datetime

    from loopbaan.config import db_path
    from loopbaan.store.db import backup, make_private_folder

    if args.list:
        if args.dest:
            raise UsageError(_("--list takes no DEST"))
        return _list_backups(db_path(args.db))
    conn = _journal(args, create=False)
    if conn is None:
        raise FileNotFoundError(_("there is no journal to back up yet"))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"loopbaan-{stamp}.db"
    if args.dest:
        dest = Path(args.dest).expanduser()
        if dest.is_dir():
            dest = dest / name
    else:
        folder = db_path(args.db).parent / "backups"
        make_private_folder(folder)  # 0700 whatever the umask
        dest = folder / name
    written = backup(conn, dest)
    _say(_("backed up to {path}").format(path=written))
    return 0


def _list_backups(journal: Path) -> int:
    from loopbaan.store.backups import backup_folder, list_backups

    found = list_backups(journal)
    if not found:
        _say(_("no backups in {folder}").format(folder=backup_folder(journal)))
        return 0
    rows = [[_("MADE"), _("SIZE"), _("KIND"), _("FILE")]]
    for each in found:
        made = each.made.date().isoformat() if each.daily else f"{each.made:%Y-%m-%d %H:%M:%S}"
        rows.append(
            [made, _size(each.size), _("daily") if each.daily else _("by hand"), str(each.path)]
        )
    _say(_table(rows))
    return 0


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size / 1024 / 1024:.1f} MiB"


def cmd_restore(args: argparse.Namespace) -> int:
    """Put a backup in place of the journal, keeping the current one aside first."""
    from datetime import datetime

    from loopbaan.config import db_path
    from loopbaan.store.backups import restore

    journal = db_path(args.db)
    aside = restore(journal, Path(args.file).expanduser(), datetime.now().strftime("%Y%m%d-%H%M%S"))
    if aside is not None:
        _say(_("the journal before the restore is kept as {path}").format(path=aside))
    _say(_("restored {path} into {journal}").format(path=args.file, journal=journal))
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    from loopbaan.config import db_path

    path = db_path(args.db)
    from loopbaan.store.db import open_journal

    open_journal(path).close()  # errors here are one line, before the screen changes
    today()  # a LOOPBAAN_TODAY that is not a day: one line here, too
    from loopbaan.app import run_app

    return run_app(path)


def cmd_demo(args: argparse.Namespace) -> int:
    import tempfile

    from loopbaan.demo import make_demo_journal

    with tempfile.TemporaryDirectory(prefix="loopbaan-demo-") as folder:
        path = Path(folder) / "demo.db"
        _say(_("making a demo journal …"), stderr=True)
        make_demo_journal(path, today())
        from loopbaan.app import run_app

        return run_app(path)


# ---------------------------------------------------------------------- parser


def _choices(values: Iterable[StrEnum], labels: Mapping[Any, str]) -> str:
    """`unclear, too_big, …` as typed; in another language with the meaning:
    `unclear (onduidelijk), too_big (te groot), …`."""
    shown = []
    for value in values:
        label = _(labels[value])
        same = label == value.value.replace("_", " ")
        shown.append(value.value if same else f"{value.value} ({label})")
    return ", ".join(shown)


def build_parser() -> Parser:
    parser = Parser(
        prog="loopbaan",
        description=_("A keyboard-driven career journal. Without a command it opens the TUI."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"loopbaan {__version__}",
        help=_("show program's version number and exit"),
    )
    db_help = _("the journal file (default: LOOPBAAN_DB, then the user data folder)")
    parser.add_argument("--db", metavar=_("PATH"), help=db_help)
    parser.set_defaults(handler=cmd_tui)
    commands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"), parser_class=Parser)
    # Every subcommand takes --db too, so `loopbaan list --db x` works as well.
    common = Parser(add_help=False)
    common.add_argument("--db", metavar=_("PATH"), help=db_help, default=argparse.SUPPRESS)

    days = _(
        "DAY: 2026-11-23, today, yesterday, tomorrow, friday, next friday, last monday,"
        " in 3 days, 2 weeks ago, next week, or in Dutch (volgende vrijdag, over 3 dagen);"
        " no quotes needed."
    )

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], text: str, epilog: str = ""
    ) -> Parser:
        sub = commands.add_parser(
            name, help=text, description=text, epilog=epilog or None, parents=[common]
        )
        sub.set_defaults(handler=handler)
        return sub

    log = add(
        "log",
        cmd_log,
        _("add an item to a day"),
        _("TITLE may start with ! (task), @ (appointment), + - 0 (rating).") + " " + days,
    )
    log.add_argument("title", metavar=_("TITLE"), help=_("what you did; #words become tags"))
    rating = log.add_mutually_exclusive_group()
    ratings = (
        ("--plus", "plus", _("rate it +: it gave energy")),
        ("--minus", "minus", _("rate it −: it cost energy")),
        ("--neutral", "neutral", _("rate it 0: neither")),
    )
    for flag, value, text in ratings:
        rating.add_argument(flag, dest="rating", action="store_const", const=value, help=text)
    kind = log.add_mutually_exclusive_group()
    kind.add_argument("--task", action="store_true", help=_("a task to tick off or postpone"))
    kind.add_argument("--appointment", action="store_true", help=_("an appointment"))
    log.add_argument("--day", type=_day_type(False), metavar=_("DAY"), help=_("default: today"))
    note = log.add_mutually_exclusive_group()
    note.add_argument("--note", metavar=_("TEXT"))
    note.add_argument("--edit", action="store_true", help=_("write the note in $VISUAL or $EDITOR"))
    log.add_argument("--goal", type=_positive_id, metavar=_("ID"), help=_("link it to a goal"))

    listing = add("list", cmd_list, _("show the items of a day"), days)
    listing.add_argument("--day", type=_day_type(False), metavar=_("DAY"), help=_("default: today"))
    listing.add_argument("--format", choices=("table", "json"), default="table")

    done = add("done", cmd_done, _("tick off a task"))
    done.add_argument("id", type=_positive_id, metavar=_("ID"))

    drop = add("drop", cmd_drop, _("let a task go: it stays in the journal as dropped"))
    drop.add_argument("id", type=_positive_id, metavar=_("ID"))

    postpone = add("postpone", cmd_postpone, _("move a task to a later day, with a reason"), days)
    postpone.add_argument("id", type=_positive_id, metavar=_("ID"))
    postpone.add_argument(
        "--to", type=_day_type(True), metavar=_("DAY"), help=_("default: tomorrow")
    )
    postpone.add_argument(
        "--reason",
        required=True,
        choices=[r.value for r in Reason],
        metavar=_("REASON"),
        help=_("one of: {reasons}").format(reasons=_choices(Reason, REASON_LABEL)),
    )
    postpone.add_argument("--note", metavar=_("TEXT"))

    put_off = add("postponed", cmd_postponed, _("what you postpone, and why"), days)
    put_off.add_argument("--since", type=_day_type(False), metavar=_("DAY"))
    put_off.add_argument("--until", type=_day_type(False), metavar=_("DAY"))
    put_off.add_argument("--format", choices=("table", "json"), default="table")

    status = add("status", cmd_status, _("one line for a shell prompt"))
    status.add_argument("--format", choices=("text", "json"), default="text")

    talk = add("talk", cmd_talk, _("log a career conversation"), days)
    talk.add_argument("who", metavar=_("WHO"), help=_("whom you talked with"))
    talk.add_argument(
        "--role", choices=[r.value for r in Role], default=Role.MANAGER.value, metavar=_("ROLE"),
        help=_("one of: {values} (default: manager)").format(values=_choices(Role, ROLE_LABEL)),
    )  # fmt: skip
    talk.add_argument(
        "--kind", choices=[k.value for k in TalkKind], default=TalkKind.CAREER.value,
        metavar=_("KIND"),
        help=_("one of: {values} (default: career)").format(
            values=_choices(TalkKind, TALK_KIND_LABEL)
        ),
    )  # fmt: skip
    talk.add_argument("--day", type=_day_type(False), metavar=_("DAY"), help=_("default: today"))
    talk.add_argument("--ask", metavar=_("TEXT"), help=_("what you want from the conversation"))

    talks = add("talks", cmd_talks, _("your conversations, and the days since a career talk"))
    talks.add_argument("--format", choices=("table", "json"), default="table")
    talks.add_argument(
        "--limit", type=_positive_id, default=50, metavar=_("N"), help=_("default: the last 50")
    )

    check = add("check", cmd_check, _("rate a career-management attitude, 1 to 5"))
    check.add_argument("attitude", metavar=_("ATTITUDE"), help=_("concern, control, curiosity …"))
    check.add_argument("score", metavar=_("SCORE"), help=_("1 to 5"))
    check.add_argument("--note", metavar=_("TEXT"))
    check.add_argument("--day", type=_day_type(False), metavar=_("DAY"), help=_("default: today"))

    brief = add(
        "brief",
        cmd_brief,
        _("a Markdown brief for your next career conversation"),
        _("The period is since your last career conversation, or the last 90 days.") + " " + days,
    )
    brief.add_argument("--since", type=_day_type(False), metavar=_("DAY"))
    brief.add_argument("--until", type=_day_type(False), metavar=_("DAY"), help=_("default: today"))
    brief.add_argument(
        "--for", dest="for_name", metavar=_("NAME"), help=_("whom the conversation is with")
    )
    brief.add_argument("-o", "--output", metavar=_("FILE"), help=_("default: standard output"))

    _search_options(
        add(
            "search",
            cmd_search,
            _("find words in the journal, newest first"),
            _("Prefix: presen*  Phrase: '\"first step\"'  Words fold diacritics: cafe finds café.")
            + " "
            + days,
        )
    )

    export = add("export", cmd_export, _("write the whole journal to a file"))
    export.add_argument("--format", choices=("json", "markdown", "csv"), default="json")
    export.add_argument("-o", "--output", metavar=_("FILE"), help=_("default: standard output"))

    importing = add(
        "import",
        cmd_import,
        _("add the records of a loopbaan JSON export, or a calendar's events (.ics)"),
        _("A calendar's events become appointments on their days, from 30 days ago to"
          " 14 days ahead unless --since and --until say otherwise.") + " " + days,
    )  # fmt: skip
    importing.add_argument("file", metavar=_("FILE"))
    importing.add_argument(
        "--since", type=_day_type(False), metavar=_("DAY"), help=_("calendar: the first day")
    )
    importing.add_argument(
        "--until", type=_day_type(True), metavar=_("DAY"), help=_("calendar: the last day")
    )
    importing.add_argument(
        "--me", action="append", metavar=_("EMAIL"),
        help=_("calendar: your address, to skip invitations you declined (repeatable)"),
    )  # fmt: skip

    backup = add("backup", cmd_backup, _("copy the journal safely, even while it is open"))
    backup.add_argument("dest", nargs="?", metavar=_("DEST"), help=_("a file or folder"))
    backup.add_argument(
        "--list", action="store_true", help=_("the backups in backups/, newest first")
    )

    restoring = add(
        "restore",
        cmd_restore,
        _("put a backup in place of the journal (the current one is kept aside)"),
    )
    restoring.add_argument("file", metavar=_("FILE"), help=_("a backup of the journal"))

    add("demo", cmd_demo, _("open the TUI on a temporary journal with months of sample data"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from loopbaan.config import Settings, load_settings

    try:
        settings = load_settings()
    except Exception:  # settings never stop the journal from opening
        settings = Settings()
    i18n.install(i18n.pick_language(settings.language))
    try:
        today()  # a LOOPBAAN_TODAY that is no date: said once, before anything uses it
    except DayError as error:
        _say(f"loopbaan: {error}", stderr=True)
        return EXIT_USAGE
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    args.settings = settings
    if args.handler not in (cmd_tui, cmd_demo):  # the TUI shows them as a notice
        for problem in settings.problems:
            _say(f"loopbaan: {problem}", stderr=True)
    refused = _not_utf8(args)
    if refused:
        _say(f"loopbaan: {refused}", stderr=True)
        return EXIT_USAGE
    from loopbaan.store import JournalError, StoreError

    args.settings = settings  # after the UTF-8 check: the keep counts of the backups
    try:
        return args.handler(args)
    except UsageError as error:
        _say(f"loopbaan: {error}", stderr=True)
        return EXIT_USAGE
    except CommandFailed as error:
        _say(f"loopbaan: {error}", stderr=True)
        return EXIT_FAILURE
    except (JournalError, StoreError, DayError, OSError) as error:
        message = error.strerror if isinstance(error, OSError) and error.strerror else error
        filename = getattr(error, "filename", None)
        if isinstance(error, OSError) and filename:
            message = f"{filename}: {message}"
        _say(f"loopbaan: {message}", stderr=True)
        return EXIT_FAILURE
    except sqlite3.Error as error:
        _say(_("loopbaan: the journal could not be used: {error}").format(error=error), stderr=True)
        return EXIT_FAILURE
    except OverflowError as error:  # a day past 9999-12-31 (`postpone` on the last day)
        _say(_("loopbaan: out of range ({error})").format(error=error), stderr=True)
        return EXIT_FAILURE
    except UnicodeError as error:  # text the terminal's encoding cannot show
        _say(_("loopbaan: {error}").format(error=error), stderr=True)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
