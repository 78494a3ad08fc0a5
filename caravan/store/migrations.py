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

# The API's day of each event stored with it (0008), and counts per day kept by triggers, so the map's list and
# the timeline read indexes instead of joining every event to its article. ``day`` is what the API has always
# computed: the event's own date (the first day of an interval), else its article's publication date;
# ``article_seq`` is its article's ``seq`` (the list's order: day, article, position). Both are derived: the
# triggers set them on every insert and on updates of the columns they come from (an article's new publication
# date reaches its undated events), and keep the counts of dated events per day and type (``event_days``) and
# per day, type, modality and upper-cased country (``event_day_facets``, '' without a country) exact through
# inserts, deletes and updates. The migration fills them for the events a store already holds.
EVENT_DAYS_TABLES = """
CREATE TABLE event_days (
    day TEXT NOT NULL, type TEXT NOT NULL,
    n INTEGER NOT NULL,                 -- dated event mentions of this day and type
    PRIMARY KEY (day, type)
);
CREATE TABLE event_day_facets (
    modality TEXT NOT NULL, country TEXT NOT NULL,  -- country: upper(events.country), '' without one
    day TEXT NOT NULL, type TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (modality, country, day, type)
);
INSERT INTO event_days (day, type, n)
SELECT day, type, count(*) FROM events WHERE day IS NOT NULL GROUP BY day, type;
INSERT INTO event_day_facets (modality, country, day, type, n)
SELECT modality, coalesce(upper(country), ''), day, type, count(*) FROM events WHERE day IS NOT NULL
GROUP BY modality, coalesce(upper(country), ''), day, type;
CREATE INDEX events_day ON events (day, article_seq, idx);
"""


def _count_statements(sign: str, row: str) -> str:
    """SQLite trigger statements that add (``+``) or remove (``-``) one event row (``new``/``old``) from the counts."""
    if sign == "+":
        return f"""
    INSERT INTO event_days (day, type, n) SELECT day, type, 1 FROM events WHERE rowid = {row}.rowid AND day IS NOT NULL
    ON CONFLICT (day, type) DO UPDATE SET n = n + 1;
    INSERT INTO event_day_facets (modality, country, day, type, n)
    SELECT modality, coalesce(upper(country), ''), day, type, 1 FROM events
    WHERE rowid = {row}.rowid AND day IS NOT NULL
    ON CONFLICT (modality, country, day, type) DO UPDATE SET n = n + 1;"""
    facet = (
        f"modality = {row}.modality AND country = coalesce(upper({row}.country), '') "
        f"AND day = {row}.day AND type = {row}.type"
    )
    return f"""
    UPDATE event_days SET n = n - 1 WHERE day = {row}.day AND type = {row}.type;
    DELETE FROM event_days WHERE day = {row}.day AND type = {row}.type AND n <= 0;
    UPDATE event_day_facets SET n = n - 1 WHERE {facet};
    DELETE FROM event_day_facets WHERE {facet} AND n <= 0;"""


SET_EVENT_DAY = """
    UPDATE events
    SET day = coalesce(substr(new.date, 1, 10), (SELECT published FROM articles WHERE id = new.article_id)),
        article_seq = (SELECT seq FROM articles WHERE id = new.article_id)
    WHERE rowid = new.rowid;"""
EVENT_DAYS = Migration(
    "0008_event_days",
    f"""
ALTER TABLE events ADD COLUMN day TEXT;
ALTER TABLE events ADD COLUMN article_seq INTEGER;
UPDATE events
SET day = coalesce(substr(date, 1, 10), (SELECT published FROM articles a WHERE a.id = events.article_id)),
    article_seq = (SELECT seq FROM articles a WHERE a.id = events.article_id);
{EVENT_DAYS_TABLES}
CREATE TRIGGER events_day_insert AFTER INSERT ON events BEGIN{SET_EVENT_DAY}{_count_statements("+", "new")}
END;
CREATE TRIGGER events_day_delete AFTER DELETE ON events WHEN old.day IS NOT NULL BEGIN{_count_statements("-", "old")}
END;
CREATE TRIGGER events_day_update AFTER UPDATE OF article_id, date, type, modality, country ON events BEGIN\
{_count_statements("-", "old")}{SET_EVENT_DAY}{_count_statements("+", "new")}
END;
CREATE TRIGGER articles_published_update AFTER UPDATE OF published ON articles BEGIN
    UPDATE events SET date = date WHERE article_id = new.id AND date IS NULL;
END;
""",
    postgres=f"""
ALTER TABLE events ADD COLUMN day TEXT COLLATE "C", ADD COLUMN article_seq BIGINT;
UPDATE events e SET day = coalesce(substr(e.date, 1, 10), a.published), article_seq = a.seq
FROM articles a WHERE a.id = e.article_id;
{EVENT_DAYS_TABLES.replace("day TEXT NOT NULL", 'day TEXT COLLATE "C" NOT NULL')}
CREATE FUNCTION events_set_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT coalesce(substr(NEW.date, 1, 10), a.published), a.seq INTO NEW.day, NEW.article_seq
    FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END $$;
CREATE TRIGGER events_day BEFORE INSERT OR UPDATE OF article_id, date ON events
FOR EACH ROW EXECUTE FUNCTION events_set_day();
CREATE FUNCTION events_count_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE event_days c SET n = c.n - o.n
        FROM (SELECT day, type, count(*) AS n FROM old_rows WHERE day IS NOT NULL GROUP BY day, type) o
        WHERE c.day = o.day AND c.type = o.type;
        DELETE FROM event_days c USING (SELECT DISTINCT day, type FROM old_rows) o
        WHERE c.day = o.day AND c.type = o.type AND c.n <= 0;
        UPDATE event_day_facets c SET n = c.n - o.n
        FROM (SELECT modality, coalesce(upper(country), '') AS country, day, type, count(*) AS n FROM old_rows
              WHERE day IS NOT NULL GROUP BY 1, 2, 3, 4) o
        WHERE c.modality = o.modality AND c.country = o.country AND c.day = o.day AND c.type = o.type;
        DELETE FROM event_day_facets c
        USING (SELECT DISTINCT modality, coalesce(upper(country), '') AS country, day, type FROM old_rows) o
        WHERE c.modality = o.modality AND c.country = o.country AND c.day = o.day AND c.type = o.type AND c.n <= 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO event_days AS c (day, type, n)
        SELECT day, type, count(*) FROM new_rows WHERE day IS NOT NULL GROUP BY day, type ORDER BY day, type
        ON CONFLICT (day, type) DO UPDATE SET n = c.n + excluded.n;
        INSERT INTO event_day_facets AS c (modality, country, day, type, n)
        SELECT modality, coalesce(upper(country), ''), day, type, count(*) FROM new_rows WHERE day IS NOT NULL
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (modality, country, day, type) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER events_count_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION events_count_days();
CREATE TRIGGER events_count_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION events_count_days();
CREATE TRIGGER events_count_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION events_count_days();
CREATE FUNCTION articles_published_to_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.published IS DISTINCT FROM OLD.published THEN
        UPDATE events SET date = date WHERE article_id = NEW.id AND date IS NULL;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_published_update AFTER UPDATE OF published ON articles
FOR EACH ROW EXECUTE FUNCTION articles_published_to_events();
""",
)

# A grid cell per located event (0009): whole degrees, ``floor(lat + 90) * 1000 + floor(lon + 180)`` (NULL without
# coordinates or outside their range), computed by the database from lat/lon. A bounding box becomes the list of
# cells it touches (``queries.box_cells``), and the index on (cell, day) reads only the box's cells over the
# filter's dates; the exact lat/lon test still decides. The index carries what the map's filter and order need,
# so the rows are found without reading the table.
CELL = "CASE WHEN lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180 THEN {floor_lat} * 1000 + {floor_lon} END"
EVENT_CELLS = Migration(
    "0009_event_cells",
    "ALTER TABLE events ADD COLUMN cell INTEGER GENERATED ALWAYS AS ("
    + CELL.format(floor_lat="CAST(lat + 90 AS INTEGER)", floor_lon="CAST(lon + 180 AS INTEGER)")
    + ") VIRTUAL;\n"
    "CREATE INDEX events_cell_day ON events (cell, day, type, lat, lon, article_seq, idx, article_id);\n",
    postgres="ALTER TABLE events ADD COLUMN cell INTEGER GENERATED ALWAYS AS ("
    + CELL.format(floor_lat="floor(lat + 90)::integer", floor_lon="floor(lon + 180)::integer")
    + ") STORED;\n"
    "CREATE INDEX events_cell_day ON events (cell, day) INCLUDE (type, lat, lon, article_seq, idx, article_id);\n",
)

# Integer keys and ordered counts for the API's reads (0010). The map's page joins its rows back to their events by
# (article_seq, idx) and to their articles by seq: integers, where the text keys cost a collation-aware comparison
# at every step of each lookup in PostgreSQL. The timeline's counts under a modality or a country are read in
# (day, type) order from an index of their own, so they are summed as they come instead of hashed and sorted; in
# PostgreSQL the count tables' type is compared byte-wise (COLLATE "C", as their day already is), and a map
# filtered by type seeks each cell's types and dates (events_cell_type_day) instead of reading every type of the
# cell's dates: PostgreSQL 15's btree cannot skip over the leading columns, SQLite's planner does without it.
EVENT_LOOKUPS = Migration(
    "0010_event_lookups",
    """
CREATE INDEX events_article_seq ON events (article_seq, idx);
CREATE INDEX event_day_facets_modality ON event_day_facets (modality, day, type, n);
CREATE INDEX event_day_facets_country ON event_day_facets (country, day, type, modality, n);
""",
    postgres="""
CREATE INDEX events_article_seq ON events (article_seq, idx);
ALTER TABLE event_days ALTER COLUMN type TYPE TEXT COLLATE "C";
ALTER TABLE event_day_facets ALTER COLUMN type TYPE TEXT COLLATE "C";
CREATE INDEX event_day_facets_modality ON event_day_facets (modality, day, type) INCLUDE (n);
CREATE INDEX event_day_facets_country ON event_day_facets (country, day, type) INCLUDE (modality, n);
CREATE INDEX events_cell_type_day ON events (cell, type, day) INCLUDE (lat, lon, article_seq, idx);
""",
)

MIGRATIONS: tuple[Migration, ...] = (
    ARTICLES,
    ITEMS,
    FULL_TEXT,
    SIGNATURES,
    LINKS,
    SPATIAL,
    MOVEMENT_LEGS,
    EVENT_DAYS,
    EVENT_CELLS,
    EVENT_LOOKUPS,
)


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
