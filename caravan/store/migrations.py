"""Named schema migrations of the SQLite store, applied in order and recorded in the ``_migrations`` table.

A migration is never edited once released: a schema change is a new named migration appended to
``MIGRATIONS``. Each runs in its own transaction together with the row that records it, so a store is
always at a known, named state. Columns are plain SQL types that PostgreSQL shares (TEXT, INTEGER, REAL);
``end`` is a keyword in both dialects and is always written quoted. A PostgreSQL store records the same names:
``caravan.store.postgres`` translates each script, and a migration whose feature differs between the
engines (full-text search, spatial indexes) carries its own PostgreSQL script in ``postgres``.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from caravan.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_TABLE = "_migrations"


@dataclass(frozen=True)
class Migration:
    """One named schema change: a script of SQL statements."""

    name: str
    sql: str
    postgres: str | None = None  # the PostgreSQL script, where it is not a plain translation of ``sql``


ARTICLES = Migration(
    "0001_articles",
    """
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,            -- stable row number; the full-text index refers to it
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,          -- caravan.model.content_hash of the text: ingest is idempotent on it
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT,
    source TEXT,                        -- where it was read from: path, URL, "file.jsonl:12"
    text TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(id),  -- near-duplicate of this stored original (not processed)
    skipped TEXT,                       -- why the pipeline did not process it
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE TABLE records (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    json TEXT NOT NULL                  -- the caravan/1 record, exactly Record.to_dict()
);
CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    item TEXT NOT NULL,                 -- the input item: path, URL, "file.jsonl:12" or article id
    reason TEXT NOT NULL,
    error TEXT NOT NULL,                -- class of the error, e.g. DecodeError
    at TEXT NOT NULL,                   -- when it last happened
    seen INTEGER NOT NULL DEFAULT 1,    -- how many runs met it
    UNIQUE (item, error, reason)
);
""",
)

ITEMS = Migration(
    "0002_items",
    """
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    kind TEXT NOT NULL, speaker TEXT, speaker_name TEXT, speaker_key TEXT,  -- name as found, canonical, folded
    speaker_role TEXT, channel TEXT, via TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);
CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    name TEXT NOT NULL, feature TEXT NOT NULL, country TEXT, countries TEXT, admin1 TEXT,
    lat REAL, lon REAL, geonameid INTEGER, score REAL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE quantities (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    low REAL, high REAL, unit TEXT NOT NULL, what TEXT, approximate INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, modality TEXT NOT NULL, actor TEXT, place TEXT, country TEXT, lat REAL, lon REAL,
    date TEXT, size_low REAL, size_high REAL, amount REAL, quote INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type ON events(type);
""",
)

# Full-text search: an FTS5 table in SQLite; a generated tsvector column with a GIN index in PostgreSQL
# (the 'simple' configuration: lower case, no stemming, like FTS5's default tokenizer).
FULL_TEXT = Migration(
    "0003_articles_fts",
    """
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
""",
    postgres="""
ALTER TABLE articles ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
""",
)

SIGNATURES = Migration(
    "0004_signatures",
    """
CREATE TABLE signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    scheme TEXT NOT NULL,               -- MinHash scheme and permutation count, e.g. "affine32/128"
    hashvalues BLOB NOT NULL            -- the MinHash signature, little-endian unsigned integers
);
""",
)

# Links across articles (caravan.link): rebuilt from the records above, never edited by hand. Each computed
# object is kept whole as JSON (what the query functions return) beside the columns that filter or order it.
LINKS = Migration(
    "0005_links",
    """
CREATE TABLE link_stories (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id TEXT NOT NULL              -- the original of its near-duplicate chain: a story counts once
);
CREATE INDEX link_stories_story ON link_stories(story_id);
CREATE TABLE link_events (
    id TEXT PRIMARY KEY,                -- canonical event id
    seq INTEGER NOT NULL,               -- output order
    type TEXT NOT NULL, modality TEXT NOT NULL, place TEXT, country TEXT, lat REAL, lon REAL,
    date TEXT, date_bound TEXT, stories INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE link_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    event_id TEXT NOT NULL REFERENCES link_events(id),
    modality TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX link_mentions_event ON link_mentions(event_id);
CREATE TABLE link_movements (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    label TEXT NOT NULL, status TEXT NOT NULL, first_seen TEXT, last_seen TEXT,
    json TEXT NOT NULL
);
CREATE TABLE link_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
""",
)


def _point_column(table: str) -> str:
    """PostGIS: a point computed from the table's lat/lon (NULL without both) and its spatial index."""
    return (
        f"ALTER TABLE {table} ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS (CASE WHEN lat IS NULL "
        f"OR lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED;\n"
        f"CREATE INDEX {table}_geom ON {table} USING GIST (geom);\n"
    )


# Spatial lookups (bounding boxes): lat/lon indexes in SQLite; PostGIS points with GiST indexes in PostgreSQL.
SPATIAL = Migration(
    "0006_spatial",
    """
CREATE INDEX places_lat_lon ON places(lat, lon);
CREATE INDEX events_lat_lon ON events(lat, lon);
CREATE INDEX link_events_lat_lon ON link_events(lat, lon);
""",
    postgres="CREATE EXTENSION IF NOT EXISTS postgis;\n"
    + "".join(_point_column(t) for t in ("places", "events", "link_events")),
)

# The legs of each movement as rows (also kept whole in link_movements.json), so a map can ask which movements
# pass through an area. Forgetting the link fingerprint makes the next ingest or `caravan link` fill them.
LEG_ROWS = """
CREATE TABLE link_legs (
    movement_id TEXT NOT NULL REFERENCES link_movements(id),
    idx INTEGER NOT NULL,               -- order within the movement: legs, then planned legs
    planned INTEGER NOT NULL,           -- 1 for a planned (announced) leg
    date TEXT, place TEXT, country TEXT, lat REAL, lon REAL,
    PRIMARY KEY (movement_id, idx)
);
DELETE FROM link_state;
"""
MOVEMENT_LEGS = Migration(
    "0007_movement_legs",
    LEG_ROWS + "CREATE INDEX link_legs_lat_lon ON link_legs(lat, lon);\n",
    postgres=LEG_ROWS.replace("REAL", "DOUBLE PRECISION")
    + _point_column("link_legs")
    + """
CREATE VIEW link_movement_lines AS  -- each movement's route as a line, for GIS tools reading the database
SELECT movement_id, ST_MakeLine(geom ORDER BY idx) AS geom FROM link_legs
WHERE planned = 0 AND geom IS NOT NULL GROUP BY movement_id;
""",
)

MIGRATIONS: tuple[Migration, ...] = (ARTICLES, ITEMS, FULL_TEXT, SIGNATURES, LINKS, SPATIAL, MOVEMENT_LEGS)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied to a store, in order (none for a new store)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,))
    if exists.fetchone() is None:
        return []
    return [row[0] for row in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY rowid")]


def pending_migrations(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    done = set(applied_migrations(conn))
    return [m for m in migrations if m.name not in done]


def apply_migrations(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply every pending migration, each in one transaction with its record; the names applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``): transactions here are explicit.
    """
    conn.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    names = []
    for migration in pending_migrations(conn, migrations):
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)", (migration.name, now))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"migration {migration.name} failed: {exc}") from exc
        log.info("applied migration %s", migration.name)
        names.append(migration.name)
    return names


def _statements(script: str) -> list[str]:
    """The complete SQL statements of a script (triggers hold inner semicolons, so split on completeness)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        raise StoreError(f"incomplete SQL statement in a migration: {current.strip()[:60]!r}")
    return statements
