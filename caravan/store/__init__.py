"""The store: articles, their caravan/1 records and items in SQLite, behind the ``Database`` class."""

from caravan.store.base import Store
from caravan.store.database import Database, Failure, InvalidRecordError, QuoteRow, SearchHit

__all__ = ["Database", "Failure", "InvalidRecordError", "QuoteRow", "SearchHit", "Store"]
