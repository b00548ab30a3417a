"""Errors of the data layer; their messages are written for the user."""


class StoreError(Exception):
    """A change the journal cannot make as asked."""


class NotFound(StoreError):
    """No record with that id."""
