"""Translations: the `_` every user-facing string goes through.

The language is `LOOPBAAN_LANG`, then `language` in the settings (passed in by
`config`), then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`); English otherwise.
Catalogues live in `loopbaan/locale/<lang>/LC_MESSAGES/loopbaan.mo`.
"""

from __future__ import annotations

import gettext as _gettext
import os
from datetime import date
from pathlib import Path
from typing import Literal

DOMAIN = "loopbaan"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "nl")

_translation: _gettext.NullTranslations = _gettext.NullTranslations()


def pick_language(setting: str | None = None) -> str:
    """The language to use: the environment, then the setting, then the locale."""
    for candidate in (os.environ.get("LOOPBAAN_LANG"), setting):
        if candidate and candidate[:2].lower() in LANGUAGES:
            return candidate[:2].lower()
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            code = value[:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def install(language: str | None = None) -> str:
    """Load the catalogue of `language` (or the picked one); returns the language."""
    global _translation
    lang = language or pick_language()
    _translation = _gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True
    )
    return lang


def _(message: str) -> str:
    # argparse, whose words come through here too (cli.py), asks for None at times.
    return _translation.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def language() -> str:
    """The language of the catalogue in use ("en" without one): it follows `install`."""
    code = _translation.info().get("language", "en")
    return code[:2].lower() if code[:2].lower() in LANGUAGES else "en"


def format_day(day: date, pattern: str) -> str:
    """A day in the language with Babel's CLDR data: `EEEE d MMMM y` is
    `Monday 23 November 2026`, or `maandag 23 november 2026` in Dutch."""
    from babel.dates import format_date  # here: the quick commands rarely need it

    return format_date(day, pattern, locale=language())


def weekday_name(index: int, width: Literal["wide", "abbreviated"] = "wide") -> str:
    """Monday is 0: `Monday`, `maandag`; width `abbreviated` for `Mon`, `ma`."""
    from babel.dates import get_day_names

    return str(get_day_names(width, locale=language())[index])


def decimal(value: float, digits: int = 1, *, signed: bool = False) -> str:
    """`3.1` or `3,1`: rounded as Python rounds, with the language's decimal sign
    (Babel's CLDR data); `signed` gives `+0.4` / `-0.4`."""
    text = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    if language() == "en":
        return text
    from babel.numbers import get_decimal_symbol

    return text.replace(".", get_decimal_symbol(language()))


def N_(message: str) -> str:
    """Mark a string for translation without translating it yet."""
    return message
