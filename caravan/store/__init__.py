"""The store: articles, their caravan/1 records and items in SQLite or PostgreSQL, behind the ``Database`` class."""

from caravan.store.base import Store
from caravan.store.database import Database, Failure, InvalidRecordError, QuoteRow, SearchHit
from caravan.store.postgres import PostgresDatabase, open_database

__all__ = [
    "Database",
    "Failure",
    "InvalidRecordError",
    "PostgresDatabase",
    "QuoteRow",
    "SearchHit",
    "Store",
    "open_database",
]
