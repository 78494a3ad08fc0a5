"""The store's tables declared once as SQLAlchemy ``MetaData``, as the named migrations create them.

The migrations (``caravan.store.migrations``) create the schema; this module describes it, for code and tools
that read the store with SQLAlchemy (``select(events)``, ``pandas.read_sql``; see ``caravan.store.engine``).
It never creates anything: ``metadata.create_all`` is not how a store is made. A test migrates a fresh store on
each backend and compares it with this declaration (``schema_drift``), so a migration that adds a table, a
column or an index must be matched here.

What one engine has and the other has not is declared beside the tables: PostgreSQL's generated columns
(``articles.search``, the PostGIS ``geom`` points) and each engine's own indexes. Tables that are not part of
the data (the migration records, full-text and R*Tree virtual tables with their shadow tables, PostGIS's own)
are named in ``UNDECLARED``.
"""

from __future__ import annotations

import warnings
from typing import Any

from sqlalchemy import (
    Column,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    inspect,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.types import Float, Numeric, String, TypeEngine

from caravan.store.migrations import MIGRATIONS_TABLE

metadata = MetaData()


def _span_columns() -> list[Column[Any]]:
    """The columns every item table starts with: its article, its place in the record, the span it covers."""
    return [
        Column("article_id", Text, ForeignKey("articles.id"), nullable=False),
        Column("idx", Integer, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
    ]


# 0001_articles ---------------------------------------------------------------------------------------------
articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True),  # BIGINT identity in PostgreSQL
    Column("id", Text, nullable=False, unique=True),
    Column("hash", Text, nullable=False, unique=True),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", Text),
    Column("language", Text),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("duplicate_of", Text, ForeignKey("articles.id")),
    Column("skipped", Text),
    Column("ingested_at", Text, nullable=False),
    Index("articles_duplicate_of", "duplicate_of"),
)
records = Table(
    "records",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id"), primary_key=True),
    Column("json", Text, nullable=False),
)
failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("error", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("seen", Integer, nullable=False, server_default="1"),
    UniqueConstraint("item", "error", "reason"),
)

# 0002_items ------------------------------------------------------------------------------------------------
quotes = Table(
    "quotes",
    metadata,
    *_span_columns(),
    Column("kind", Text, nullable=False),
    Column("speaker", Text),
    Column("speaker_name", Text),
    Column("speaker_key", Text),
    Column("speaker_role", Text),
    Column("channel", Text),
    Column("via", Text),
    PrimaryKeyConstraint("article_id", "idx"),
    Index("quotes_speaker_key", "speaker_key"),
)
places = Table(
    "places",
    metadata,
    *_span_columns(),
    Column("name", Text, nullable=False),
    Column("feature", Text, nullable=False),
    Column("country", Text),
    Column("countries", Text),
    Column("admin1", Text),
    Column("lat", Double),
    Column("lon", Double),
    Column("geonameid", Integer),
    Column("score", Double),
    PrimaryKeyConstraint("article_id", "idx"),
)
quantities = Table(
    "quantities",
    metadata,
    *_span_columns(),
    Column("low", Double),
    Column("high", Double),
    Column("unit", Text, nullable=False),
    Column("what", Text),
    Column("approximate", Integer, nullable=False),
    PrimaryKeyConstraint("article_id", "idx"),
)
dates = Table(
    "dates",
    metadata,
    *_span_columns(),
    Column("value", Text, nullable=False),
    PrimaryKeyConstraint("article_id", "idx"),
)
events = Table(
    "events",
    metadata,
    *_span_columns(),
    Column("type", Text, nullable=False),
    Column("modality", Text, nullable=False),
    Column("actor", Text),
    Column("place", Text),
    Column("country", Text),
    Column("lat", Double),
    Column("lon", Double),
    Column("date", Text),
    Column("size_low", Double),
    Column("size_high", Double),
    Column("amount", Double),
    Column("quote", Integer),
    # 0008_event_days: derived by triggers from the event and its article (never written by the store's code)
    Column("day", Text),  # the event's date (first day), else its article's published date; COLLATE "C" in PG
    Column("article_seq", Integer),  # its article's seq: the API's order is day, article_seq, idx
    # 0009_event_cells: generated from lat/lon, floor(lat + 90) * 1000 + floor(lon + 180) (NULL without both)
    Column("cell", Integer),
    PrimaryKeyConstraint("article_id", "idx"),
    Index("events_type", "type"),
    Index("events_day", "day", "article_seq", "idx"),  # 0008
    Index("events_article_seq", "article_seq", "idx"),  # 0010
)

# 0008_event_days: dated event mentions counted by the triggers on events, for the timeline
event_days = Table(
    "event_days",
    metadata,
    Column("day", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("day", "type"),
)
event_day_facets = Table(
    "event_day_facets",
    metadata,
    Column("modality", Text, nullable=False),
    Column("country", Text, nullable=False),  # upper(events.country), '' without one
    Column("day", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("modality", "country", "day", "type"),
)

# 0004_signatures -------------------------------------------------------------------------------------------
signatures = Table(
    "signatures",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id"), primary_key=True),
    Column("scheme", Text, nullable=False),
    Column("hashvalues", LargeBinary, nullable=False),
)

# 0005_links ------------------------------------------------------------------------------------------------
link_stories = Table(
    "link_stories",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id"), primary_key=True),
    Column("story_id", Text, nullable=False),
    Index("link_stories_story", "story_id"),
)
link_events = Table(
    "link_events",
    metadata,
    Column("id", Text, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("modality", Text, nullable=False),
    Column("place", Text),
    Column("country", Text),
    Column("lat", Double),
    Column("lon", Double),
    Column("date", Text),
    Column("date_bound", Text),
    Column("stories", Integer, nullable=False),
    Column("json", Text, nullable=False),
)
link_mentions = Table(
    "link_mentions",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("event_id", Text, ForeignKey("link_events.id"), nullable=False),
    Column("modality", Text, nullable=False),
    PrimaryKeyConstraint("article_id", "idx"),
    Index("link_mentions_event", "event_id"),
)
link_movements = Table(
    "link_movements",
    metadata,
    Column("id", Text, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("label", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("first_seen", Text),
    Column("last_seen", Text),
    Column("json", Text, nullable=False),
)
link_state = Table(
    "link_state",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

# 0007_movement_legs ----------------------------------------------------------------------------------------
link_legs = Table(
    "link_legs",
    metadata,
    Column("movement_id", Text, ForeignKey("link_movements.id"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("planned", Integer, nullable=False),
    Column("date", Text),
    Column("place", Text),
    Column("country", Text),
    Column("lat", Double),
    Column("lon", Double),
    PrimaryKeyConstraint("movement_id", "idx"),
)

# What one engine has and the other has not ------------------------------------------------------------------
# PostgreSQL's generated columns (not in the Tables above: a select of them would fail on SQLite).
POSTGRES_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("search",),  # 0003: tsvector of title and text
    "places": ("geom",),  # 0006: PostGIS point from lon/lat
    "events": ("geom",),
    "link_events": ("geom",),
    "link_legs": ("geom",),  # 0007
}
# index name -> (table, columns, access method in PostgreSQL)
SQLITE_INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "places_lat_lon": ("places", ("lat", "lon")),  # 0006
    "events_lat_lon": ("events", ("lat", "lon")),
    "link_events_lat_lon": ("link_events", ("lat", "lon")),
    "link_legs_lat_lon": ("link_legs", ("lat", "lon")),  # 0007
    # 0009: every column the map's filter and order read, so its rows are found in the index alone
    "events_cell_day": ("events", ("cell", "day", "type", "lat", "lon", "article_seq", "idx", "article_id")),
    # 0010: the timeline's counts under a modality or a country, in (day, type) order, read from the index alone
    "event_day_facets_modality": ("event_day_facets", ("modality", "day", "type", "n")),
    "event_day_facets_country": ("event_day_facets", ("country", "day", "type", "modality", "n")),
}
POSTGRES_INDEXES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "articles_search": ("articles", ("search",), "gin"),  # 0003
    "places_geom": ("places", ("geom",), "gist"),  # 0006
    "events_geom": ("events", ("geom",), "gist"),
    "link_events_geom": ("link_events", ("geom",), "gist"),
    "link_legs_geom": ("link_legs", ("geom",), "gist"),  # 0007
    # 0009: keyed on (cell, day), INCLUDE (type, lat, lon, article_seq, idx, article_id) for index-only scans
    "events_cell_day": ("events", ("cell", "day"), "btree"),
    # 0010: keyed on (modality | country, day, type), INCLUDE what the timeline sums
    "event_day_facets_modality": ("event_day_facets", ("modality", "day", "type"), "btree"),
    "event_day_facets_country": ("event_day_facets", ("country", "day", "type"), "btree"),
    # 0010: a map filtered by type, INCLUDE (lat, lon, article_seq, idx)
    "events_cell_type_day": ("events", ("cell", "type", "day"), "btree"),
}
POSTGRES_VIEWS = ("link_movement_lines",)  # 0007: each movement's route as a line

# Tables and views in a store that are not data tables of the schema, and why. A new virtual table (FTS5,
# R*Tree) adds its name and its shadow tables here.
UNDECLARED: dict[str, str] = {
    MIGRATIONS_TABLE: "the record of applied migrations (caravan.store.migrations)",
    "articles_fts": "SQLite FTS5 virtual table over articles.title and text (0003)",
    "articles_fts_data": "FTS5 shadow table of articles_fts",
    "articles_fts_idx": "FTS5 shadow table of articles_fts",
    "articles_fts_docsize": "FTS5 shadow table of articles_fts",
    "articles_fts_config": "FTS5 shadow table of articles_fts",
    "spatial_ref_sys": "PostGIS's table of coordinate systems (when the extension is in the store's schema)",
    "geometry_columns": "PostGIS's view (when the extension is in the store's schema)",
    "geography_columns": "PostGIS's view (when the extension is in the store's schema)",
}


def _family(type_: TypeEngine[Any]) -> str:
    """A column type as both engines can agree on it (REAL and DOUBLE PRECISION are both 'float')."""
    for family, kind in (("binary", LargeBinary), ("float", Float), ("float", Numeric), ("integer", Integer)):
        if isinstance(type_, kind):
            return family
    return "text" if isinstance(type_, String) else type(type_).__name__.lower()


def _declared(metadata: MetaData, backend: str) -> dict[str, dict[str, Any]]:
    """What a store of this backend should hold, table by table, in the shape ``_found`` reads."""
    tables: dict[str, dict[str, Any]] = {}
    for table in metadata.sorted_tables:
        tables[table.name] = {
            "columns": {c.name: (_family(c.type), c.nullable, c.server_default is not None) for c in table.columns},
            "primary key": tuple(c.name for c in table.primary_key.columns),
            "foreign keys": {
                (
                    tuple(fk.parent.name for fk in fkc.elements),
                    fkc.referred_table.name,
                    tuple(fk.column.name for fk in fkc.elements),
                )
                for fkc in table.foreign_key_constraints
            },
            "unique": {
                tuple(sorted(c.name for c in u.columns)) for u in table.constraints if isinstance(u, UniqueConstraint)
            }
            | {(c.name,) for c in table.columns if c.unique},
            "indexes": {i.name: (tuple(c.name for c in i.columns), bool(i.unique), "") for i in table.indexes},
        }
    if backend == "postgresql":
        for name, columns in POSTGRES_COLUMNS.items():
            for column in columns:
                tables[name]["columns"][column] = None  # present; type and nullability are the generator's
        for index, (name, columns, method) in POSTGRES_INDEXES.items():
            tables[name]["indexes"][index] = (columns, False, method)
        for shape in tables.values():
            shape["indexes"] = {k: (c, u, m or "btree") for k, (c, u, m) in shape["indexes"].items()}
    else:
        for index, (name, columns) in SQLITE_INDEXES.items():
            tables[name]["indexes"][index] = (columns, False, "")
    return tables


def _found(bind: Engine | Connection, backend: str) -> tuple[dict[str, dict[str, Any]], set[str]]:
    """What the store holds, table by table, and the names of its views."""
    inspector = inspect(bind)
    with warnings.catch_warnings():  # PostGIS's geometry type is unknown to SQLAlchemy: reflected as NullType
        warnings.filterwarnings("ignore", message="Did not recognize type 'geometry'")
        names = set(inspector.get_table_names()) - set(UNDECLARED)
        tables: dict[str, dict[str, Any]] = {}
        for name in sorted(names):
            columns = {
                c["name"]: (_family(c["type"]), c["nullable"], c.get("default") is not None)
                for c in inspector.get_columns(name)
            }
            tables[name] = {
                "columns": columns,
                "primary key": tuple(inspector.get_pk_constraint(name)["constrained_columns"]),
                "foreign keys": {
                    (tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]))
                    for fk in inspector.get_foreign_keys(name)
                },
                "unique": {tuple(sorted(u["column_names"])) for u in inspector.get_unique_constraints(name)},
                "indexes": {
                    i["name"]: (
                        tuple(i["column_names"]),
                        bool(i["unique"]),
                        i.get("dialect_options", {}).get("postgresql_using", "btree")
                        if backend == "postgresql"
                        else "",
                    )
                    for i in inspector.get_indexes(name)
                    if not i.get("duplicates_constraint")  # the index behind a UNIQUE constraint
                },
            }
    return tables, set(inspector.get_view_names()) - set(UNDECLARED)


def _shown(value: Any) -> str:
    return str(sorted(value) if isinstance(value, set) else value)


def schema_drift(bind: Engine | Connection, metadata: MetaData = metadata) -> list[str]:
    """How the store behind ``bind`` differs from the declared schema, one line per difference (none: it matches).

    Compared: tables (less ``UNDECLARED``), columns with their type family, nullability and whether they have a
    default, primary keys, foreign keys, unique constraints, indexes (columns, uniqueness, PostgreSQL's access
    method) and PostgreSQL's views. SQLite reports a PRIMARY KEY column without NOT NULL as nullable (it lets a
    NULL in, a known SQLite quirk; the writer never stores one), so a primary key's nullability is compared in
    PostgreSQL only.
    """
    backend = bind.dialect.name
    want = _declared(metadata, backend)
    have, views = _found(bind, backend)
    drift = [
        f"table {t}: created by the migrations, not declared in caravan/store/schema.py"
        for t in have.keys() - want.keys()
    ]
    drift += [f"table {t}: declared, not in the store" for t in want.keys() - have.keys()]
    for name in sorted(want.keys() & have.keys()):
        declared, found = want[name], have[name]
        pk = set(declared["primary key"])
        for column in sorted(found["columns"].keys() - declared["columns"].keys()):
            drift.append(f"{name}.{column}: in the store, not declared")
        for column in sorted(declared["columns"].keys() - found["columns"].keys()):
            drift.append(f"{name}.{column}: declared, not in the store")
        for column in sorted(declared["columns"].keys() & found["columns"].keys()):
            expected, actual = declared["columns"][column], found["columns"][column]
            if expected is None:  # a generated column: present is all that is declared
                continue
            if backend == "sqlite" and column in pk:
                expected, actual = (expected[0], None, expected[2]), (actual[0], None, actual[2])
            for what, e, a in zip(("type", "nullable", "default"), expected, actual, strict=True):
                if e != a:
                    drift.append(f"{name}.{column}: {what} is {a!r} in the store, declared {e!r}")
        for key in ("primary key", "foreign keys", "unique"):
            if declared[key] != found[key]:
                drift.append(f"{name}: {key} {_shown(found[key])} in the store, declared {_shown(declared[key])}")
        for index in sorted(declared["indexes"].keys() | found["indexes"].keys()):
            e, a = declared["indexes"].get(index), found["indexes"].get(index)
            if e != a:
                drift.append(f"{name}: index {index} is {a} in the store, declared {e}")
    expected_views = set(POSTGRES_VIEWS) if backend == "postgresql" else set()
    drift += [f"view {v}: in the store, not declared" for v in sorted(views - expected_views)]
    drift += [f"view {v}: declared, not in the store" for v in sorted(expected_views - views)]
    return drift
