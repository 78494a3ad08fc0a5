"""The SQL of the SQLite store and the mapping of record items to table rows, kept apart from the Database.

Everything dialect-specific lives here (``?`` placeholders, FTS5 ``MATCH`` and ``snippet``), so a PostgreSQL
backend is a second module of the same names rather than edits throughout the code.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from caravan.model import Event, Place, Quantity, Quote, Span
from caravan.store.speakers import speaker_key, speaker_name

ARTICLE_COLUMNS = ("id", "hash", "url", "title", "outlet", "published", "language", "source", "text",
                   "duplicate_of", "skipped", "ingested_at")
# item kind (a Record field and its table) -> columns after article_id, idx, start, "end", text
ITEM_COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": ("kind", "speaker", "speaker_name", "speaker_key", "speaker_role", "channel", "via"),
    "places": ("name", "feature", "country", "countries", "admin1", "lat", "lon", "geonameid", "score"),
    "quantities": ("low", "high", "unit", "what", "approximate"),
    "dates": ("value",),
    "events": ("type", "modality", "actor", "place", "country", "lat", "lon", "date", "size_low", "size_high",
               "amount", "quote"),
}
ITEM_KINDS: tuple[str, ...] = tuple(ITEM_COLUMNS)
TABLES: tuple[str, ...] = ("articles", "records", *ITEM_KINDS, "failures", "signatures")


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({_columns(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def item_columns(kind: str) -> tuple[str, ...]:
    return ("article_id", "idx", "start", "end", "text", *ITEM_COLUMNS[kind])


INSERT_ARTICLE = insert_sql("articles", ARTICLE_COLUMNS)
INSERT_RECORD = "INSERT INTO records (article_id, json) VALUES (?, ?)"
INSERT_SIGNATURE = ("INSERT INTO signatures (article_id, scheme, hashvalues) VALUES (?, ?, ?) "
                    "ON CONFLICT (article_id) DO UPDATE SET scheme = excluded.scheme, hashvalues = excluded.hashvalues")
UPSERT_FAILURE = ("INSERT INTO failures (item, reason, error, at) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (item, error, reason) DO UPDATE SET at = excluded.at, seen = failures.seen + 1 "
                  "RETURNING seen")
DELETE_FAILURES_OF = "DELETE FROM failures WHERE item = ?"
ID_FOR_HASH = "SELECT id FROM articles WHERE hash = ?"
ID_EXISTS = "SELECT 1 FROM articles WHERE id = ?"
SIGNATURES = ("SELECT s.article_id, s.hashvalues FROM signatures s JOIN articles a ON a.id = s.article_id "
              "WHERE s.scheme = ? AND a.duplicate_of IS NULL ORDER BY a.seq")
UNSIGNED_ARTICLES = ("SELECT a.id, a.text FROM articles a LEFT JOIN signatures s ON s.article_id = a.id "
                     "AND s.scheme = ? WHERE s.article_id IS NULL AND a.duplicate_of IS NULL ORDER BY a.seq")
RECORD_JSON = "SELECT r.json FROM records r JOIN articles a ON a.id = r.article_id ORDER BY a.seq"
ARTICLES = f"SELECT {_columns(ARTICLE_COLUMNS)} FROM articles ORDER BY seq"
FAILURES = "SELECT item, reason, error, at, seen FROM failures ORDER BY id"
SEARCH = """
SELECT a.id, a.title, a.url, a.outlet, a.published, a.duplicate_of,
       snippet(articles_fts, 1, ?, ?, '…', ?) AS snippet, bm25(articles_fts) AS rank
FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
WHERE articles_fts MATCH ? {duplicates}
ORDER BY rank LIMIT ?
"""
QUOTES = """
SELECT q.article_id, q.idx, q.start, q."end", q.text, q.kind, q.speaker, q.speaker_name, q.speaker_key,
       q.speaker_role, q.channel, q.via
FROM quotes q JOIN articles a ON a.id = q.article_id
ORDER BY a.seq, q.idx
"""
ITEMS = """
SELECT a.url, a.outlet, a.published, i.*
FROM {table} i JOIN articles a ON a.id = i.article_id
ORDER BY a.seq, i.idx
"""
ARTICLE_SUMMARY = f"""
SELECT a.id, a.url, a.title, a.outlet, a.published, a.language, a.source, a.duplicate_of, a.skipped,
       a.ingested_at, {", ".join(f"(SELECT count(*) FROM {k} i WHERE i.article_id = a.id) AS {k}" for k in ITEM_KINDS)}
FROM articles a ORDER BY a.seq
"""


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query that cannot be a syntax error: each word quoted, all required."""
    words = text.split()
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def item_row(kind: str, article_id: str, idx: int, item: Span, text: str) -> tuple[Any, ...]:
    """The table row of one record item, with the text it covers."""
    values = dataclasses.asdict(item)
    values.update(article_id=article_id, idx=idx, text=text[item.start:item.end])
    values.update(_extra_values(item))
    return tuple(values.get(c) for c in item_columns(kind))


def _extra_values(item: Span) -> dict[str, Any]:
    """Columns that are not plain fields of the item: derived keys and flattened lists."""
    if isinstance(item, Quote):
        return {"speaker_name": speaker_name(item.speaker), "speaker_key": speaker_key(item.speaker)}
    if isinstance(item, Place):
        return {"countries": ",".join(item.countries) if item.countries else None}
    if isinstance(item, Quantity):
        return {"approximate": int(item.approximate)}
    if isinstance(item, Event):
        size = item.size or [None, None]
        return {"size_low": size[0], "size_high": size[1] if len(size) > 1 else None}
    return {}
