"""The data layer: every query of the journal lives below this package.

Built on the standard library's sqlite3 so that the quick commands start fast;
see docs/decisions/0001-quick-data-layer.md. Nothing here imports Textual or Rich.
"""

from loopbaan.store.db import JournalError, open_journal, transaction
from loopbaan.store.errors import NotFound, StoreError

__all__ = ["JournalError", "NotFound", "StoreError", "open_journal", "transaction"]
