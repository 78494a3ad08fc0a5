"""The SQL of the SQLite store and the mapping of record items to table rows, kept apart from the Database.

Everything dialect-specific lives here (``?`` placeholders, FTS5 ``MATCH`` and ``snippet``), so a PostgreSQL
backend is a second module of the same names rather than edits throughout the code.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from caravan.model import Event, Place, Quantity, Quote, Span
from caravan.store.speakers import speaker_key, speaker_name

ARTICLE_COLUMNS = (
    "id",
    "hash",
    "url",
    "title",
    "outlet",
    "published",
    "language",
    "source",
    "text",
    "duplicate_of",
    "skipped",
    "ingested_at",
)
# item kind (a Record field and its table) -> columns after article_id, idx, start, "end", text
ITEM_COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": ("kind", "speaker", "speaker_name", "speaker_key", "speaker_role", "channel", "via"),
    "places": ("name", "feature", "country", "countries", "admin1", "lat", "lon", "geonameid", "score"),
    "quantities": ("low", "high", "unit", "what", "approximate"),
    "dates": ("value",),
    "events": (
        "type",
        "modality",
        "actor",
        "place",
        "country",
        "lat",
        "lon",
        "date",
        "size_low",
        "size_high",
        "amount",
        "quote",
    ),
}
ITEM_KINDS: tuple[str, ...] = tuple(ITEM_COLUMNS)
TABLES: tuple[str, ...] = ("articles", "records", *ITEM_KINDS, "failures", "signatures")


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({_columns(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def item_columns(kind: str) -> tuple[str, ...]:
    return ("article_id", "idx", "start", "end", "text", *ITEM_COLUMNS[kind])


def items_sql(kind: str) -> str:
    """Every stored item of one kind with its article's url, outlet and date: the item's own columns only (not
    what the store derives for its indexes, such as ``events.day`` or a PostGIS point)."""
    return ITEMS.format(table=kind, columns=", ".join(f'i."{c}"' for c in item_columns(kind)))


INSERT_ARTICLE = insert_sql("articles", ARTICLE_COLUMNS)
INSERT_RECORD = "INSERT INTO records (article_id, json) VALUES (?, ?)"
INSERT_SIGNATURE = (
    "INSERT INTO signatures (article_id, scheme, hashvalues) VALUES (?, ?, ?) "
    "ON CONFLICT (article_id) DO UPDATE SET scheme = excluded.scheme, hashvalues = excluded.hashvalues"
)
UPSERT_FAILURE = (
    "INSERT INTO failures (item, reason, error, at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (item, error, reason) DO UPDATE SET at = excluded.at, seen = failures.seen + 1 "
    "RETURNING seen"
)
DELETE_FAILURES_OF = "DELETE FROM failures WHERE item = ?"
ID_FOR_HASH = "SELECT id FROM articles WHERE hash = ?"
ID_EXISTS = "SELECT 1 FROM articles WHERE id = ?"
SIGNATURES = (
    "SELECT s.article_id, s.hashvalues FROM signatures s JOIN articles a ON a.id = s.article_id "
    "WHERE s.scheme = ? AND a.duplicate_of IS NULL ORDER BY a.seq"
)
UNSIGNED_ARTICLES = (
    "SELECT a.id, a.text FROM articles a LEFT JOIN signatures s ON s.article_id = a.id "
    "AND s.scheme = ? WHERE s.article_id IS NULL AND a.duplicate_of IS NULL ORDER BY a.seq"
)
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
SELECT a.url, a.outlet, a.published, {columns}
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
    values.update(article_id=article_id, idx=idx, text=text[item.start : item.end])
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


# Filtered, paged reads for the API -------------------------------------------------------------------------------
# Every value a user gives travels as a ``?`` parameter; the SQL text is built only from fixed fragments and the
# number of values (``IN (?, ?)``), so no filter can change a query's meaning.


@dataclasses.dataclass(frozen=True)
class Query:
    """One parameterised statement: SQL text with ``?`` placeholders and the values that fill them."""

    sql: str
    params: tuple[Any, ...] = ()

    def count(self) -> Query:
        """The number of rows this query yields, whatever its page."""
        return Query(f"SELECT count(*) FROM ({self.sql})", self.params)

    def page(self, limit: int, offset: int) -> Query:
        return Query(f"{self.sql} LIMIT ? OFFSET ?", (*self.params, limit, offset))


@dataclasses.dataclass(frozen=True)
class ArticleFilter:
    """Which articles to list: full-text words, outlet, publication dates (ISO, inclusive)."""

    q: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    include_duplicates: bool = False


@dataclasses.dataclass(frozen=True)
class EventFilter:
    """Which event mentions to list; a bounding box is (west, south, east, north) in degrees."""

    types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    country: str | None = None
    since: str | None = None
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    article_id: str | None = None
    located: bool = False


@dataclasses.dataclass(frozen=True)
class PlaceFilter:
    """Which place mentions to list."""

    country: str | None = None
    feature: str | None = None
    name: str | None = None
    article_id: str | None = None


Condition = tuple[str, tuple[Any, ...]]
# the day an event is dated: its own date (the first day of an interval), else its article's publication date,
# stored as events.day by the migration 0008_event_days (and its triggers)
EVENT_DAY = "e.day"
EVENT_ORDER = "e.day IS NULL, e.day, e.article_seq, e.idx"  # by day (undated last), then article and position
CELL_LIMIT = 400  # most grid cells a bounding box is turned into (a larger box is read without them)
ARTICLE_COUNTS = ", ".join(f"(SELECT count(*) FROM {k} i WHERE i.article_id = a.id) AS {k}" for k in ITEM_KINDS)
ARTICLE_FIELDS = "a.id, a.title, a.url, a.outlet, a.published, a.language, a.duplicate_of, a.skipped"
EVENT_FIELDS = f"""e.article_id, e.idx, e.start, e."end", e.text, e.type, e.modality, e.actor, e.place, e.country,
       e.lat, e.lon, e.date, e.size_low, e.size_high, e.amount, e.quote, {EVENT_DAY} AS day,
       a.title, a.outlet, a.url, a.published,
       substr(a.text, max(1, e.start - {{context}} + 1), min(e.start, {{context}})) AS before,
       substr(a.text, e."end" + 1, {{context}}) AS after"""
EVENT_CONTEXT = 90  # characters of the article shown either side of an event's trigger
SEARCH_MARKS = ("[", "]")  # around the matched words in an article list's snippets
ARTICLE_DETAIL = (
    f"SELECT {ARTICLE_FIELDS}, a.source, a.text, a.ingested_at, r.json AS record "
    "FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.id = ?"
)


def where(conditions: list[Condition]) -> Condition:
    """``WHERE a AND b ...`` of the conditions given (none: empty), with their parameters in order."""
    if not conditions:
        return "", ()
    clause = " AND ".join(f"({c})" for c, _ in conditions)
    return f"WHERE {clause}", tuple(p for _, ps in conditions for p in ps)


def in_list(column: str, values: tuple[Any, ...]) -> Condition:
    return f"{column} IN ({', '.join('?' for _ in values)})", values


def date_range(column: str, since: str | None, until: str | None) -> list[Condition]:
    """Inclusive ISO date bounds; ``until`` takes the whole day (a value may carry a time).

    For a ten-character ``until`` the condition also bounds the column itself (below the next string of ten
    characters: the same rows, compared byte-wise), so an index on it limits the range it reads.
    """
    out: list[Condition] = []
    if since:
        out.append((f"{column} >= ?", (since,)))
    if until:
        out.append((f"substr({column}, 1, 10) <= ?", (until,)))
        if len(until) == 10 and ord(until[-1]) < 0x10FFFF:
            out.append((f"{column} < ?", (until[:-1] + chr(ord(until[-1]) + 1),)))
    return out


def articles_query(f: ArticleFilter) -> Query:
    """Articles matching the filter: best match first with words, else newest first; ties by ingest order."""
    conditions: list[tuple[str, tuple[str, ...]]] = [("a.outlet = ? COLLATE NOCASE", (f.outlet,))] if f.outlet else []
    conditions += date_range("a.published", f.since, f.until)
    if not f.include_duplicates:
        conditions.append(("a.duplicate_of IS NULL", ()))
    match = fts_query(f.q or "")
    if not match:
        clause, params = where(conditions)
        return Query(
            f"SELECT {ARTICLE_FIELDS}, NULL AS snippet, {ARTICLE_COUNTS} FROM articles a {clause} "
            "ORDER BY a.published IS NULL, a.published DESC, a.seq DESC",
            params,
        )
    clause, params = where([("articles_fts MATCH ?", (match,)), *conditions])
    snippet = f"snippet(articles_fts, 1, '{SEARCH_MARKS[0]}', '{SEARCH_MARKS[1]}', '…', 16)"
    return Query(
        f"SELECT {ARTICLE_FIELDS}, {snippet} AS snippet, {ARTICLE_COUNTS} FROM articles_fts "
        f"JOIN articles a ON a.seq = articles_fts.rowid {clause} "
        "ORDER BY bm25(articles_fts), a.seq",
        params,
    )


def event_conditions(f: EventFilter, *, dates: bool = True) -> list[Condition]:
    out: list[Condition] = []
    if f.types:
        out.append(in_list("e.type", f.types))
    if f.modalities:
        out.append(in_list("e.modality", f.modalities))
    if f.country:
        out.append(("upper(e.country) = upper(?)", (f.country,)))
    if f.article_id:
        out.append(("e.article_id = ?", (f.article_id,)))
    if f.bbox:  # its tests hold only for located events
        out.extend(bbox_conditions(*f.bbox))
    elif f.located:
        out.append(("e.lat IS NOT NULL AND e.lon IS NOT NULL", ()))
    if dates:
        out.extend(date_range(EVENT_DAY, f.since, f.until))
    return out


def bbox_conditions(west: float, south: float, east: float, north: float) -> list[Condition]:
    """Points inside a box; a box whose west edge is east of its east edge crosses the antimeridian.

    The grid cells the box touches come first (``events.cell``, indexed with the day), when they are few enough;
    the lat/lon test after them is what decides.
    """
    cells = box_cells(west, south, east, north)
    out = [in_list("e.cell", cells)] if cells else []
    out.append(("e.lat BETWEEN ? AND ?", (south, north)))
    if west <= east:
        return [*out, ("e.lon BETWEEN ? AND ?", (west, east))]
    return [*out, ("e.lon >= ? OR e.lon <= ?", (west, east))]


def cell_of(lat: float, lon: float) -> int:
    """The grid cell of a point, as the migration 0009_event_cells computes ``events.cell``."""
    return math.floor(lat + 90) * 1000 + math.floor(lon + 180)


def box_cells(west: float, south: float, east: float, north: float) -> tuple[int, ...]:
    """Every grid cell holding a point of the box (edges included), or none when there are more than
    ``CELL_LIMIT``. The cell of a point grows with its latitude and longitude, so the cells of the corners bound
    those of every point inside."""
    rows = range(cell_of(south, 0) // 1000, cell_of(north, 0) // 1000 + 1)
    if west <= east:
        columns = list(range(cell_of(0, west) % 1000, cell_of(0, east) % 1000 + 1))
    else:  # across the antimeridian: west to 180, -180 to east
        columns = [*range(cell_of(0, west) % 1000, 361), *range(cell_of(0, east) % 1000 + 1)]
    if len(rows) * len(columns) > CELL_LIMIT:
        return ()
    return tuple(row * 1000 + column for row in rows for column in columns)


def events_query(f: EventFilter, context: int = EVENT_CONTEXT) -> Query:
    """Event mentions matching the filter, by day, then article and position (a stable order)."""
    clause, params = where(event_conditions(f))
    return Query(
        f"SELECT {EVENT_FIELDS.format(context=int(context))} FROM events e "
        f"JOIN articles a ON a.id = e.article_id {clause} ORDER BY {EVENT_ORDER}",
        params,
    )


def events_page_query(f: EventFilter, limit: int, offset: int, context: int = EVENT_CONTEXT) -> Query:
    """One page of ``events_query`` with the number of rows in all (column ``total`` of every row), in one read:
    the matching events' keys are taken from the indexes once (``m``), counted, and only the page's rows are
    joined to their event and article, by integer keys (``events_article_seq``, the articles' ``seq``)."""
    clause, params = where(event_conditions(f))
    return Query(
        f"WITH m AS (SELECT e.day, e.article_seq, e.idx FROM events e {clause}), "
        f"p AS (SELECT article_seq, idx FROM m e ORDER BY {EVENT_ORDER} LIMIT ? OFFSET ?) "
        f"SELECT (SELECT count(*) FROM m) AS total, {EVENT_FIELDS.format(context=int(context))} "
        "FROM p JOIN events e ON e.article_seq = p.article_seq AND e.idx = p.idx "
        # "+ 0": the article is found from its event, so PostgreSQL cannot start from the article and then read
        # every event of it (the three seq columns would otherwise be one class of equal values to its planner)
        f"JOIN articles a ON a.seq = e.article_seq + 0 ORDER BY {EVENT_ORDER}",
        (*params, limit, offset),
    )


def timeline_query(f: EventFilter) -> Query:
    """Event mentions per day and type (every day of the filter's other criteria: the timeline is not cut).

    Read from the counts the store keeps (``event_days``, ``event_day_facets``) when the filter is at most types,
    modalities and a country, the page's timeline; from the events themselves otherwise.
    """
    if not (f.article_id or f.located or f.bbox):
        conditions = [in_list("type", f.types)] if f.types else []
        if not (f.modalities or f.country):
            clause, params = where(conditions)
            return Query(f"SELECT day, type, n FROM event_days {clause} ORDER BY day, type", params)
        if f.modalities:
            conditions.append(in_list("modality", f.modalities))
        if f.country:
            conditions.append(("country = upper(?)", (f.country,)))
        clause, params = where(conditions)
        return Query(
            f"SELECT day, type, sum(n) AS n FROM event_day_facets {clause} GROUP BY day, type ORDER BY day, type",
            params,
        )
    clause, params = where([*event_conditions(f, dates=False), (f"{EVENT_DAY} IS NOT NULL", ())])
    return Query(
        f"SELECT {EVENT_DAY} AS day, e.type, count(*) AS n FROM events e {clause} "
        "GROUP BY e.day, e.type ORDER BY day, e.type",
        params,
    )


def timeline_json_query(f: EventFilter) -> Query:
    """``timeline_query`` as the API's JSON text, built by the database (SQLite): one array of
    ``{"day":…,"type":…,"n":…}`` objects in its order, byte for byte what the API's own encoder writes."""
    query = timeline_query(f)
    item = "json_object('day', t.day, 'type', t.type, 'n', t.n)"
    return Query(f"SELECT '[' || coalesce(group_concat({item}, ','), '') || ']' FROM ({query.sql}) t", query.params)


def place_conditions(f: PlaceFilter) -> list[Condition]:
    out: list[Condition] = []
    if f.country:
        out.append(
            (
                "upper(p.country) = upper(?) OR instr(',' || upper(p.countries) || ',', ',' || upper(?) || ',') > 0",
                (f.country, f.country),
            )
        )
    if f.feature:
        out.append(("p.feature = ?", (f.feature,)))
    if f.name:
        out.append(("p.name = ? COLLATE NOCASE", (f.name,)))
    if f.article_id:
        out.append(("p.article_id = ?", (f.article_id,)))
    return out


def places_query(f: PlaceFilter) -> Query:
    """Place mentions matching the filter, in article order."""
    clause, params = where(place_conditions(f))
    return Query(
        'SELECT p.article_id, p.idx, p.start, p."end", p.text, p.name, p.feature, p.country, p.countries, '
        "p.admin1, p.lat, p.lon, p.geonameid, a.outlet, a.published FROM places p "
        f"JOIN articles a ON a.id = p.article_id {clause} ORDER BY a.seq, p.idx",
        params,
    )


def place_groups_query(f: PlaceFilter) -> Query:
    """Distinct resolved places matching the filter, most mentioned first, with mention and article counts."""
    clause, params = where(place_conditions(f))
    return Query(
        "SELECT p.name, p.feature, p.country, p.countries, p.admin1, p.lat, p.lon, p.geonameid, "
        "count(*) AS mentions, count(DISTINCT p.article_id) AS articles FROM places p "
        f"JOIN articles a ON a.id = p.article_id {clause} "
        "GROUP BY p.name, p.feature, p.country, p.countries, p.admin1, p.lat, p.lon, p.geonameid "
        "ORDER BY mentions DESC, p.name, p.geonameid",
        params,
    )


def outlet_articles_query(outlet: str) -> Query:
    return Query("SELECT id FROM articles WHERE outlet = ? COLLATE NOCASE", (outlet,))


def article_query(article_id: str) -> Query:
    return Query(ARTICLE_DETAIL, (article_id,))
