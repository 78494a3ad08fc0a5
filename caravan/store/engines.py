"""Which store ``--db`` names, and SQLAlchemy engines on it (for the PostgreSQL store and for analysts).

This module imports SQLAlchemy only when an engine is made, so the SQLite path of every command (which never
needs it) does not pay for the import.

``engine(target)`` is the public way in for tools that speak SQLAlchemy (pandas, notebooks)::

    import pandas as pd
    from sqlalchemy import select
    from caravan.store import engine
    from caravan.store.schema import events

    frame = pd.read_sql(select(events).where(events.c.type == "block"), engine("caravan.db"))
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from caravan.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from caravan.store.database import Database

URL_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
DRIVER = "postgresql+psycopg"  # SQLAlchemy's dialect and driver: PostgreSQL through psycopg 3
POOL_SIZE = 5  # connections a PostgreSQL engine keeps open (settings: db_pool_size)
MAX_OVERFLOW = 10  # more it opens under load, closed when returned (settings: db_max_overflow)
READ_ONLY = "-c default_transaction_read_only=on"  # libpq startup option: every transaction is read-only


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def open_database(target: str | Path, *, pool_size: int = POOL_SIZE, max_overflow: int = MAX_OVERFLOW) -> Database:
    """The store that ``--db`` names: a PostgreSQL URL (``postgresql://…``) or the path of a SQLite file.

    ``pool_size`` and ``max_overflow`` size a PostgreSQL store's pool of reader connections.
    """
    if is_postgres_url(target):
        from caravan.store.postgres import PostgresDatabase

        return PostgresDatabase(str(target), pool_size=pool_size, max_overflow=max_overflow)
    from caravan.store.database import Database

    return Database(target)


def engine(
    target: str | Path, *, read_only: bool = True, pool_size: int = POOL_SIZE, max_overflow: int = MAX_OVERFLOW
) -> Engine:
    """A SQLAlchemy engine on the store ``target`` names (as ``--db``: a PostgreSQL URL or a SQLite file).

    Read-only unless ``read_only=False`` (the store is written by Caravan, through its migrations and writer).
    PostgreSQL: ``postgresql+psycopg://``, a QueuePool of ``pool_size`` connections (and up to ``max_overflow``
    more under load), each pinged when checked out (``pool_pre_ping``), in autocommit mode: a transaction is
    asked for with ``Connection.begin()`` after setting an isolation level. SQLite: the file through the
    ``sqlite3`` module (read-only with ``mode=ro``); the file must exist.
    """
    if is_postgres_url(target):
        return _postgres_engine(str(target), read_only, pool_size, max_overflow)
    return _sqlite_engine(Path(target), read_only)


def _postgres_engine(url: str, read_only: bool, pool_size: int, max_overflow: int) -> Engine:
    try:
        import psycopg  # noqa: F401  # SQLAlchemy's driver for postgresql+psycopg
    except ImportError as exc:
        raise StoreError("a PostgreSQL store needs psycopg: pip install 'caravan[postgres]'") from exc
    import sqlalchemy as sa

    try:
        address = sa.make_url(url).set(drivername=DRIVER)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"not a PostgreSQL URL: {redacted(url)}") from exc
    if read_only:  # added to the URL's own libpq options (e.g. a search_path), not in place of them
        given = address.query.get("options", ())
        options = [given] if isinstance(given, str) else list(given)
        address = address.update_query_dict({"options": " ".join([*options, READ_ONLY])})
    return sa.create_engine(
        address,
        poolclass=sa.QueuePool,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        isolation_level="AUTOCOMMIT",
    )


def _sqlite_engine(path: Path, read_only: bool) -> Engine:
    import sqlite3

    import sqlalchemy as sa

    from caravan.store.database import BUSY_TIMEOUT_MS

    if read_only and not path.is_file():
        raise StoreError(f"no store at {path} (run `caravan ingest` first, or pass --db)")
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    return sa.create_engine("sqlite://", creator=connect, poolclass=sa.QueuePool, pool_pre_ping=True)
