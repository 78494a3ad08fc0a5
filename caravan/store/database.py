"""The store: one SQLite file, written through one writer connection and read through read-only readers.

``Database`` is the whole storage API that the pipeline, the CLI and the API use; SQL stays behind its
methods (text in ``queries.py``), so another backend (PostgreSQL) is another class with the same methods.
The writer runs in WAL mode, so readers never block it; every article is written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Container, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caravan.errors import StoreError
from caravan.model import Article, Record
from caravan.store import queries as q
from caravan.store.migrations import applied_migrations, apply_migrations, pending_migrations
from caravan.store.speakers import choose_names, matches_speaker, resolve_surnames, speaker_key, speaker_name

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000  # how long a connection waits for another process's write lock
READERS_KEPT = 4  # read-only connections kept open between reads (the API's threads reuse them)
SNIPPET_MARKS = ("[", "]")  # around the matched words in search snippets
SNIPPET_TOKENS = 16  # words of context in a search snippet


@dataclass
class SearchHit:
    """One article found by full-text search."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    duplicate_of: str | None
    snippet: str
    rank: float


@dataclass
class QuoteRow:
    """One stored quote with its provenance (article and character span)."""

    article_id: str
    idx: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    speaker_key: str | None
    speaker_role: str | None
    channel: str | None
    via: str | None


@dataclass
class Failure:
    """An input item that could not be read or processed, and why."""

    item: str
    reason: str
    error: str
    at: str
    seen: int


class InvalidRecordError(StoreError):
    """One article's record cannot be stored (a missing required field, a value of the wrong type)."""


def dicts(cursor: Any) -> Iterator[dict[str, Any]]:
    """A query's rows as dicts of column name to value (a sqlite3 cursor, or the PostgreSQL store's result)."""
    names = [column[0] for column in cursor.description or ()]
    return (dict(zip(names, row, strict=True)) for row in cursor)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class IdleReaders:
    """A store's read-only connections kept between reads (up to ``READERS_KEPT``), for the process and the file
    (device, inode) that opened them: when either changes they are dropped and reads open new ones."""

    def __init__(self) -> None:
        self._idle: list[sqlite3.Connection] = []
        self._of: tuple[int, int, int] | None = None  # process id, device, inode
        self._lock = threading.Lock()

    def take(self, of: tuple[int, int, int]) -> sqlite3.Connection | None:
        """An idle connection opened by this process on this file, if any."""
        with self._lock:
            if self._of != of:  # another file at the path, or a forked process
                stale, before = self._idle, self._of
                self._idle, self._of = [], of
                if before is not None and before[0] == of[0]:  # this process opened them: close them
                    for conn in stale:
                        conn.close()
            return self._idle.pop() if self._idle else None

    def give_back(self, conn: sqlite3.Connection, of: tuple[int, int, int], *, kept: bool) -> None:
        """Keep a connection for the next read, or close it (not ``kept``: it failed or is inside a transaction)."""
        with self._lock:
            if kept and of == self._of and len(self._idle) < READERS_KEPT:
                self._idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


class Database:
    """A Caravan store in one SQLite file. ``Database(path)`` creates and migrates it on first write."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._writer: sqlite3.Connection | None = None
        self._idle = IdleReaders()

    # connections -------------------------------------------------------------------------------------------

    @property
    def writer(self) -> sqlite3.Connection:
        """The one writing connection (autocommit; transactions are explicit), migrated on first use."""
        if self._writer is None:
            conn = self._connect_writer()
            try:
                apply_migrations(conn)
            except StoreError:
                conn.close()
                raise
            self._writer = conn
        return self._writer

    def _connect_writer(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        return conn

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection for one query or a few; the store must exist and be fully migrated.

        Connections are kept for the next read (up to ``READERS_KEPT``), so a read does not pay for opening the
        file and parsing its schema, and finds the pages the last reads left in SQLite's cache. One that failed
        or was left inside a transaction is closed instead; all are dropped when the file is replaced or the
        process forked.
        """
        try:
            stat = self.path.stat()
        except OSError:
            raise StoreError(f"no store at {self.path} (run `caravan ingest` first, or pass --db)") from None
        of = (os.getpid(), stat.st_dev, stat.st_ino)
        conn = self._idle.take(of) or self._open_reader()
        done = False
        try:
            yield conn
            done = True
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the store {self.path}: {exc}") from exc
        finally:
            self._idle.give_back(conn, of, kept=done and not conn.in_transaction)

    def _open_reader(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA temp_store = MEMORY")  # sorts and materialised subqueries never touch disk
            pending = pending_migrations(conn)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the store {self.path}: {exc}") from exc
        if pending:
            conn.close()
            raise StoreError(f"the store {self.path} is from an older version; run `caravan ingest` to migrate it")
        return conn

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection in one read transaction: every query sees the store as of the first one."""
        with self.reader() as conn:
            conn.execute("BEGIN")
            yield conn
            conn.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the writer: all of it commits, or none of it."""
        conn = self.writer
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def migrate(self) -> list[str]:
        """Apply pending migrations; the names applied (none when the store is current)."""
        return apply_migrations(self.writer)

    def migrations(self) -> list[str]:
        """Names of the migrations recorded in the store, in the order applied."""
        return applied_migrations(self.writer)

    def close(self) -> None:
        self._close_readers()  # first: the writer, closing last, checkpoints the write-ahead log into the file
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def _close_readers(self) -> None:
        self._idle.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # writes ------------------------------------------------------------------------------------------------

    def id_for_hash(self, content_hash: str) -> str | None:
        """The id of the stored article with this content hash, if any."""
        row = self.writer.execute(q.ID_FOR_HASH, (content_hash,)).fetchone()
        return row[0] if row else None

    def free_id(self, article: Article, taken: Container[str] = frozenset()) -> str:
        """The article's id, or, when another text holds it (stored, or in ``taken``), the id with a hash suffix."""
        candidate = article.id
        n = 8
        while candidate in taken or self.writer.execute(q.ID_EXISTS, (candidate,)).fetchone():
            candidate = f"{article.id}-{article.hash[:n]}"
            n += 4
        return candidate

    def add_article(
        self,
        article: Article,
        record: Record,
        *,
        duplicate_of: str | None = None,
        signature: tuple[str, bytes] | None = None,
    ) -> None:
        """Store an article with its record, items and MinHash signature, in one transaction.

        ``record.id`` must be ``article.id``. A record that breaks the schema raises ``InvalidRecordError``
        and leaves nothing behind. Failures recorded earlier for the same input item are cleared,
        since the item is now stored.
        """
        if record.id != article.id:
            raise StoreError(f"record {record.id!r} does not belong to article {article.id!r}")
        try:
            with self.transaction() as conn:
                conn.execute(q.INSERT_ARTICLE, self._article_row(article, record, duplicate_of))
                conn.execute(q.INSERT_RECORD, (article.id, json.dumps(record.to_dict(), ensure_ascii=False)))
                for kind in q.ITEM_KINDS:
                    items = enumerate(getattr(record, kind))
                    rows = [q.item_row(kind, article.id, i, x, article.text) for i, x in items]
                    conn.executemany(q.insert_sql(kind, q.item_columns(kind)), rows)
                if signature is not None:
                    conn.execute(q.INSERT_SIGNATURE, (article.id, *signature))
                if article.source:
                    conn.execute(q.DELETE_FAILURES_OF, (article.source,))
        except (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError, TypeError, ValueError) as exc:
            raise InvalidRecordError(f"cannot store article {article.id!r}: {exc}") from exc
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store article {article.id!r}: {exc}") from exc

    @staticmethod
    def _article_row(article: Article, record: Record, duplicate_of: str | None) -> tuple[Any, ...]:
        values = {
            "id": article.id,
            "hash": article.hash,
            "url": article.url,
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published or record.published,
            "language": record.language or article.language,
            "source": article.source,
            "text": article.text,
            "duplicate_of": duplicate_of,
            "skipped": record.skipped,
            "ingested_at": utc_now(),
        }
        return tuple(values[c] for c in q.ARTICLE_COLUMNS)

    def add_failure(self, item: str, reason: str, error: str) -> bool:
        """Record that an item failed; True when this failure is new, False when it was recorded before."""
        try:
            with self.transaction() as conn:
                seen = conn.execute(q.UPSERT_FAILURE, (item, reason, error, utc_now())).fetchone()[0]
        except sqlite3.Error as exc:
            raise StoreError(f"cannot record the failure of {item!r}: {exc}") from exc
        return seen == 1

    def save_signature(self, article_id: str, scheme: str, hashvalues: bytes) -> None:
        with self.transaction() as conn:
            conn.execute(q.INSERT_SIGNATURE, (article_id, scheme, hashvalues))

    def signatures(self, scheme: str) -> Iterator[tuple[str, bytes]]:
        """(article id, signature) of every stored original signed with this MinHash scheme."""
        yield from self.writer.execute(q.SIGNATURES, (scheme,))

    def unsigned_articles(self, scheme: str) -> list[tuple[str, str]]:
        """(id, text) of stored originals without a signature of this scheme (e.g. after a settings change)."""
        return list(self.writer.execute(q.UNSIGNED_ARTICLES, (scheme,)))

    # reads -------------------------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self.reader() as conn:
            return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in q.TABLES}

    def record_lines(self) -> Iterator[str]:
        """The caravan/1 record of every stored article as one JSON text each, in ingest order."""
        with self.reader() as conn:
            for (text,) in conn.execute(q.RECORD_JSON):
                yield text

    def records(self) -> Iterator[Record]:
        for line in self.record_lines():
            yield Record.from_dict(json.loads(line))

    def articles(self) -> Iterator[Article]:
        """Every stored article, in ingest order."""
        fields = ("id", "text", "title", "url", "outlet", "published", "source", "language")
        with self.reader() as conn:
            for row in dicts(conn.execute(q.ARTICLES)):
                yield Article(**{f: row[f] for f in fields})

    def article_rows(self) -> Iterator[dict[str, Any]]:
        """One summary row per article: metadata, near-duplicate link, skip reason and item counts."""
        with self.reader() as conn:
            yield from dicts(conn.execute(q.ARTICLE_SUMMARY))

    def item_rows(self, kind: str) -> Iterator[dict[str, Any]]:
        """Every stored item of one kind (quotes, places, ...) with its article's url, outlet and date."""
        if kind not in q.ITEM_KINDS:
            raise StoreError(f"no items of kind {kind!r} (one of {', '.join(q.ITEM_KINDS)})")
        with self.reader() as conn:
            yield from dicts(conn.execute(q.items_sql(kind)))

    def table_columns(self, table: str) -> list[str]:
        """The column names of ``article_rows()`` (table "articles") or ``item_rows(table)``, rows or not."""
        if table != "articles" and table not in q.ITEM_KINDS:
            raise StoreError(f"no table {table!r} (articles, {', '.join(q.ITEM_KINDS)})")
        sql = q.ARTICLE_SUMMARY if table == "articles" else q.items_sql(table)
        with self.reader() as conn:
            return [column[0] for column in conn.execute(sql).description]

    def failures(self) -> list[Failure]:
        with self.reader() as conn:
            return [Failure(*row) for row in conn.execute(q.FAILURES)]

    def search(self, text: str, limit: int = 20, include_duplicates: bool = False) -> list[SearchHit]:
        """Articles whose title or text hold every word of ``text``, best first, with a snippet each."""
        match = q.fts_query(text)
        if not match:
            return []
        sql = q.SEARCH.format(duplicates="" if include_duplicates else "AND a.duplicate_of IS NULL")
        with self.reader() as conn:
            rows = list(dicts(conn.execute(sql, (*SNIPPET_MARKS, SNIPPET_TOKENS, match, limit))))
        return [SearchHit(**row) for row in rows]

    def bbox_condition(self, west: float, south: float, east: float, north: float) -> tuple[str, tuple[float, ...]]:
        """A WHERE condition on a table's ``lat``/``lon``: inside the box, edges included (and its arguments)."""
        return "lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?", (west, east, south, north)

    def quotes(self, speaker: str | None = None) -> list[QuoteRow]:
        """Stored quotes in article order, one display name per speaker; with ``speaker``, only that person's."""
        with self.reader() as conn:
            rows = [QuoteRow(**row) for row in dicts(conn.execute(q.QUOTES))]
        for row in rows:  # keys and names follow the current normalisation, not the one at ingest time
            row.speaker_key, row.speaker_name = speaker_key(row.speaker), speaker_name(row.speaker)
        people = resolve_surnames(Counter(r.speaker_key for r in rows if r.speaker_key))
        names = choose_names((r.speaker_key, r.speaker_name) for r in rows if r.speaker_key not in people)
        for row in rows:
            row.speaker_key = people.get(row.speaker_key or "", row.speaker_key)
            row.speaker_name = names.get(row.speaker_key or "", row.speaker_name)
        if speaker:
            rows = [r for r in rows if matches_speaker(r.speaker_key, speaker)]
        return rows

    def rows(self, query: q.Query) -> list[dict[str, Any]]:
        """The rows of one parameterised query (``queries.py``), read through a read-only connection."""
        with self.reader() as conn:
            return list(dicts(conn.execute(query.sql, query.params)))

    def api_sql(self, sql: str) -> str:
        """A query of ``queries.py`` in this store's dialect (SQLite's: as written)."""
        return sql

    def events_page(self, f: q.EventFilter, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """One page of the event mentions matching ``f`` (``queries.events_query``) and their number in all,
        found in one read of the indexes (``queries.events_page_query``) in one read-only snapshot."""
        query = q.events_page_query(f, limit, offset)
        with self.snapshot() as conn:
            rows = list(dicts(conn.execute(self.api_sql(query.sql), query.params)))
            if rows:
                total = rows[0]["total"]
            else:  # past the last page (or nothing matches): the count alone
                count = q.events_query(f).count()
                total = conn.execute(self.api_sql(count.sql), count.params).fetchone()[0]
        for row in rows:
            del row["total"]
        return rows, total

    def timeline_json(self, f: q.EventFilter) -> str:
        """The timeline of ``f`` (``queries.timeline_query``) as the API's JSON text, built by the database."""
        query = q.timeline_json_query(f)
        with self.reader() as conn:
            return conn.execute(query.sql, query.params).fetchone()[0]

    def page(self, query: q.Query, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """One page of a query's rows and the number of rows in all, read in one read-only snapshot."""
        with self.snapshot() as conn:
            total = conn.execute(query.count().sql, query.params).fetchone()[0]
            paged = query.page(limit, offset)
            rows = list(dicts(conn.execute(paged.sql, paged.params)))
        return rows, total
