"""Named migrations: applied once, in order, each recorded in the _migrations table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from caravan.errors import StoreError
from caravan.store import Database, open_database, postgres
from caravan.store.migrations import MIGRATIONS, MIGRATIONS_TABLE, Migration, applied_migrations, apply_migrations

NAMES = [m.name for m in MIGRATIONS]


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_migrations_new_store_records_every_migration(tmp_path: Path) -> None:
    with Database(tmp_path / "c.db") as db:
        assert db.migrations() == NAMES


def test_migrations_reopening_applies_nothing(tmp_path: Path) -> None:
    with Database(tmp_path / "c.db") as db:
        db.migrations()
    with Database(tmp_path / "c.db") as db:
        assert db.migrate() == []
    rows = connect(tmp_path / "c.db").execute(f"SELECT count(*) FROM {MIGRATIONS_TABLE}").fetchone()[0]
    assert rows == len(MIGRATIONS)


def test_migrations_older_store_gets_only_the_pending_ones(tmp_path: Path) -> None:
    conn = connect(tmp_path / "c.db")
    assert apply_migrations(conn, MIGRATIONS[:2]) == NAMES[:2]
    assert apply_migrations(conn) == NAMES[2:]
    assert applied_migrations(conn) == NAMES


def test_migrations_failed_migration_is_rolled_back_and_not_recorded(tmp_path: Path) -> None:
    conn = connect(tmp_path / "c.db")
    broken = Migration("9999_broken", "CREATE TABLE twice (x TEXT);\nCREATE TABLE twice (x TEXT);\n")
    with pytest.raises(StoreError, match="9999_broken"):
        apply_migrations(conn, [broken])
    assert applied_migrations(conn) == []
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'twice'").fetchone()[0] == 0


def test_migrations_both_backends_record_the_same_names(store_target: str) -> None:
    with open_database(store_target) as db:
        assert db.migrations() == NAMES
    with open_database(store_target) as db:
        assert db.migrate() == []


def test_migrations_postgres_older_store_gets_only_the_pending_ones(postgres_url: str) -> None:
    conn = postgres.connect(postgres_url)
    assert postgres.apply_migrations(conn, MIGRATIONS[:2]) == NAMES[:2]
    assert postgres.apply_migrations(conn) == NAMES[2:]
    assert postgres.applied_migrations(conn) == NAMES


def test_migrations_postgres_failed_migration_is_rolled_back_and_not_recorded(postgres_url: str) -> None:
    conn = postgres.connect(postgres_url)
    broken = Migration("9999_broken", "CREATE TABLE twice (x TEXT);\nCREATE TABLE twice (x TEXT);\n")
    with pytest.raises(StoreError, match="9999_broken"):
        postgres.apply_migrations(conn, [broken])
    assert postgres.applied_migrations(conn) == []
    assert conn.execute("SELECT to_regclass('twice')").fetchone()[0] is None


def test_migrations_postgres_two_processes_opening_a_new_store_migrate_it_once(postgres_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        applied = list(pool.map(lambda _: postgres.apply_migrations(postgres.connect(postgres_url)), range(2)))
    assert sorted(n for a in applied for n in a) == sorted(NAMES)  # each applied once, by one or the other
    assert postgres.applied_migrations(postgres.connect(postgres_url)) == NAMES
