"""Errors of the data layer; their messages are written for the user."""


class StoreError(Exception):
    """A change the journal cannot make as asked."""


class NotFound(StoreError):
    """No record with that id."""


class JournalUnavailable(StoreError):
    """The journal cannot be written now: locked, read-only, or the disk is full."""


def unavailable(error: BaseException) -> JournalUnavailable:
    """The user's sentence for SQLite refusing a write; nothing was changed."""
    from loopbaan.i18n import _

    text = " ".join(str(e).lower() for e in (error, error.__context__) if e is not None)
    if "locked" in text or "busy" in text:
        message = _("the journal is in use by another program: nothing was changed, try again")
    elif "readonly" in text or "read-only" in text:
        message = _("the journal is read-only: nothing was changed")
    elif "full" in text:
        message = _("the disk is full: nothing was changed")
    else:
        message = _("the journal could not be changed: {error}").format(error=error)
    return JournalUnavailable(message)
