"""The store: articles, their caravan/1 records and items in SQLite or PostgreSQL, behind the ``Database`` class.

``engine(target)`` gives a SQLAlchemy engine on a store, and ``caravan.store.schema`` its tables as SQLAlchemy
``MetaData``, for tools that read the store themselves (docs/storage.md). SQLAlchemy is imported only by what
needs it: the PostgreSQL store, ``engine`` and ``schema``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from caravan.store.base import Store
from caravan.store.database import Database, Failure, InvalidRecordError, QuoteRow, SearchHit
from caravan.store.engines import engine, open_database

if TYPE_CHECKING:
    from caravan.store.postgres import PostgresDatabase

__all__ = [
    "Database",
    "Failure",
    "InvalidRecordError",
    "PostgresDatabase",
    "QuoteRow",
    "SearchHit",
    "Store",
    "engine",
    "open_database",
]


def __getattr__(name: str) -> Any:
    if name == "PostgresDatabase":  # imports SQLAlchemy: only when asked for
        from caravan.store.postgres import PostgresDatabase

        return PostgresDatabase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
