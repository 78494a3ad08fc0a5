"""Options shared by the commands that read or write the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from caravan.settings import Settings, load_settings
from caravan.store import Database, open_database

F = Callable[..., Any]


def db_option(func: F) -> F:
    """``--db PATH|URL``: the store to use (default: the ``db_path`` setting)."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=None,
        metavar="PATH|URL",
        help="Store to use: a SQLite file or a postgresql:// URL (default: the db_path setting, caravan.db).",
    )(func)


def open_store(db_path: str | None, **overrides: Any) -> tuple[Database, Settings]:
    """Settings with ``--db`` and other flags applied, and the store they name."""
    settings = load_settings(db_path=db_path, **overrides)
    db = open_database(settings.db_path, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow)
    return db, settings
