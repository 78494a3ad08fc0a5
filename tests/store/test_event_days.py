"""Stored event days, grid cells and day counts (migrations 0008, 0009): the API's map list and timeline give what
the queries before them gave (the event's date, else its article's), through inserts, updates and deletes, on
stores migrated before or after their events were written, on both backends."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from typing import Any

import pytest

from caravan.store import open_database, postgres
from caravan.store import queries as q
from caravan.store.migrations import MIGRATIONS, apply_migrations

BEFORE_DAYS = MIGRATIONS.index(next(m for m in MIGRATIONS if m.name == "0008_event_days"))
OLD_DAY = "COALESCE(substr(e.date, 1, 10), a.published)"  # the day as the API computed it before 0008
PUBLISHED = ("2024-03-05", "2024-03-06", "2024-03-06T10:00:00", None, "2024-03-07", "2024-03-06")
DATES = (None, "2024-03-05", "2024-03-06/2024-03-08", "2024-03-06T23:00", "2024-03-07", None)
LATS = (14.0, 16.0, 15.5, 13.9999, 16.0001, None, -20.0)
LONS = (-93.0, -91.0, -92.5, -90.9999, 179.5, -179.5, None)
FILTERS = (
    q.EventFilter(),
    q.EventFilter(bbox=(-93, 14, -91, 16)),  # points on every edge, just outside, and without coordinates
    q.EventFilter(bbox=(-93, 14, -91, 16), since="2024-03-06", until="2024-03-06"),
    q.EventFilter(bbox=(170, -90, -100, 90), types=("block",)),  # across the antimeridian
    q.EventFilter(bbox=(-180, -90, 180, 90)),  # more cells than CELL_LIMIT: no cell list
    q.EventFilter(until="2024-03-06"),  # a published date with a time is still that day
    q.EventFilter(since="2024-03-06", types=("block", "detain"), modalities=("planned",)),
    q.EventFilter(country="gt", located=True),
)
TIMELINE_FILTERS = (
    q.EventFilter(),
    q.EventFilter(types=("block", "detain")),
    q.EventFilter(modalities=("planned",)),
    q.EventFilter(types=("return",), modalities=("asserted", "planned"), country="mx"),
    q.EventFilter(country="GT"),
    q.EventFilter(bbox=(-93, 14, -91, 16)),  # not in the counts: read from the events
)


def connect(target: str) -> Any:
    if target.startswith("postgresql"):
        return postgres.connect(target)
    return sqlite3.connect(target, isolation_level=None)


def migrate(conn: Any, migrations: Any = MIGRATIONS) -> None:
    (postgres.apply_migrations if isinstance(conn, postgres.Connection) else apply_migrations)(conn, migrations)


def write_events(conn: Any, seed: int = 6) -> None:
    """Six articles (one undated, one dated with a time) of 30 events each, on and around a box's edges."""
    rng = random.Random(seed)
    for i, published in enumerate(PUBLISHED):
        aid = f"a{5 - i}"  # ids against ingest order: the list goes by article seq, not id
        conn.execute(q.INSERT_ARTICLE, (aid, f"h{i}", None, f"T{i}", "Out", published, "en", None, "x" * 400, None,
                                        None, "2024-03-08T00:00:00"))  # fmt: skip
        rows = [
            (aid, idx, idx * 10, idx * 10 + 5, "moved", rng.choice(("block", "detain", "return")),
             rng.choice(("asserted", "planned")), None, None, rng.choice(("GT", "mx", None)), rng.choice(LATS),
             rng.choice(LONS), rng.choice(DATES), None, None, None, None)
            for idx in range(30)
        ]  # fmt: skip
        for row in rows:
            conn.execute(q.insert_sql("events", q.item_columns("events")), row)


def old_conditions(f: q.EventFilter) -> tuple[str, list[Any]]:
    """The filter as the queries before 0008 wrote it (lat/lon tests, the day from the article)."""
    out, params = ["1 = 1"], []
    if f.types:
        out.append(f"e.type IN ({', '.join('?' for _ in f.types)})")
        params += f.types
    if f.modalities:
        out.append(f"e.modality IN ({', '.join('?' for _ in f.modalities)})")
        params += f.modalities
    if f.country:
        out.append("upper(e.country) = upper(?)")
        params.append(f.country)
    if f.located or f.bbox:
        out.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    if f.bbox:
        west, south, east, north = f.bbox
        out.append("e.lat BETWEEN ? AND ?")
        params += [south, north]
        out.append("e.lon BETWEEN ? AND ?" if west <= east else "(e.lon >= ? OR e.lon <= ?)")
        params += [west, east]
    return " AND ".join(out), params


def old_list(conn: Any, f: q.EventFilter) -> list[tuple[str, int, str | None]]:
    where, params = old_conditions(f)
    if f.since:
        where += f" AND {OLD_DAY} >= ?"
        params.append(f.since)
    if f.until:
        where += f" AND substr({OLD_DAY}, 1, 10) <= ?"
        params.append(f.until)
    sql = (
        f"SELECT e.article_id, e.idx, {OLD_DAY} AS day FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE {where} ORDER BY {OLD_DAY} IS NULL, {OLD_DAY}, a.seq, e.idx"
    )
    return [tuple(r) for r in conn.execute(sql, params).fetchall()]


def old_timeline(conn: Any, f: q.EventFilter) -> list[dict[str, Any]]:
    where, params = old_conditions(f)
    sql = (
        f"SELECT {OLD_DAY} AS day, e.type, count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE {where} AND {OLD_DAY} IS NOT NULL GROUP BY {OLD_DAY}, e.type ORDER BY 1, 2"
    )
    return [{"day": d, "type": t, "n": n} for d, t, n in conn.execute(sql, params).fetchall()]


def assert_same_as_before(conn: Any, target: str) -> None:
    with open_database(target) as db:
        for f in FILTERS:
            expected = old_list(conn, f)
            for limit, offset in ((1000, 0), (7, 14), (5, len(expected) + 3)):
                rows, total = db.events_page(f, limit, offset)
                assert [(r["article_id"], r["idx"], r["day"]) for r in rows] == expected[offset : offset + limit], f
                assert total == len(expected), f
        for f in TIMELINE_FILTERS:
            assert json.loads(db.timeline_json(f)) == old_timeline(conn, f), f


@pytest.fixture
def conn(store_target: str) -> Any:
    connection = connect(store_target)
    yield connection
    connection.close()


def test_event_days_list_and_timeline_match_the_queries_before_them(store_target: str, conn: Any) -> None:
    migrate(conn)
    write_events(conn)
    assert old_list(conn, FILTERS[2]) and old_list(conn, FILTERS[3])  # the edges and the antimeridian match some
    assert_same_as_before(conn, store_target)


def test_event_days_migration_fills_the_events_a_store_already_holds(store_target: str, conn: Any) -> None:
    migrate(conn, MIGRATIONS[:BEFORE_DAYS])  # a store made before 0008, with its events
    write_events(conn)
    migrate(conn)
    assert_same_as_before(conn, store_target)


def test_event_days_updates_and_deletes_keep_the_counts(store_target: str, conn: Any) -> None:
    migrate(conn)
    write_events(conn)
    conn.execute("DELETE FROM events WHERE article_id = ? AND idx < ?", ("a5", 10))
    conn.execute("UPDATE events SET type = ? WHERE article_id = ? AND idx < ?", ("block", "a4", 12))
    conn.execute("UPDATE events SET country = ? WHERE article_id = ? AND idx > ?", ("gt", "a4", 15))
    conn.execute("UPDATE events SET date = NULL WHERE article_id = ?", ("a3",))  # undated: the article's day
    conn.execute("UPDATE events SET date = ? WHERE article_id = ? AND idx > ?", ("2024-04-01", "a2", 20))
    conn.execute("UPDATE events SET lat = ?, lon = ? WHERE article_id = ? AND idx < ?", (15.0, -92.0, "a1", 8))
    conn.execute("UPDATE articles SET published = ? WHERE id = ?", ("2024-02-29", "a3"))  # its undated events move
    conn.execute("UPDATE articles SET published = ? WHERE id = ?", ("2024-03-01", "a2"))  # a store with no date
    assert_same_as_before(conn, store_target)
    conn.execute("DELETE FROM events")
    with open_database(store_target) as db:
        assert db.timeline_json(q.EventFilter()) == "[]"
        assert db.events_page(q.EventFilter(), 10, 0) == ([], 0)
    assert conn.execute("SELECT count(*) FROM event_day_facets").fetchone()[0] == 0


def test_event_days_timeline_json_is_what_the_api_encoder_writes(store_target: str, conn: Any) -> None:
    from fastapi.encoders import jsonable_encoder
    from fastapi.responses import JSONResponse

    migrate(conn)
    write_events(conn)
    with open_database(store_target) as db:
        text = db.timeline_json(q.EventFilter(types=("block",)))
    assert text.encode() == JSONResponse(jsonable_encoder(json.loads(text))).body


def test_event_days_box_cells_hold_every_point_of_the_box() -> None:
    rng = random.Random(3)
    for _ in range(2000):
        west, east = sorted(rng.uniform(-180, 180) for _ in range(2))
        south, north = sorted(rng.uniform(-90, 90) for _ in range(2))
        cells = set(q.box_cells(west, south, east, north))
        if not cells:
            continue
        for lat, lon in ((south, west), (north, east), (rng.uniform(south, north), rng.uniform(west, east))):
            assert q.cell_of(lat, lon) in cells
    assert len(q.box_cells(-93, 14, -91, 16)) == 9 and q.box_cells(-180, -90, 180, 90) == ()


def plan(conn: Any, sql: str, params: tuple[Any, ...]) -> str:
    """The query plan's text: SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans off (so
    the test store's few rows do not hide which index can serve the query)."""
    if isinstance(conn, postgres.Connection):
        conn.execute("SET enable_seqscan = off")
        return "\n".join(r[0] for r in conn.execute("EXPLAIN " + postgres.api_sql(sql), params).fetchall())
    return "\n".join(str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())


def test_event_days_map_page_joins_its_rows_back_by_integer_keys(store_target: str, conn: Any) -> None:
    migrate(conn)
    write_events(conn)
    query = q.events_page_query(FILTERS[2], 1000, 0)
    text = plan(conn, query.sql, query.params)
    if isinstance(conn, postgres.Connection):  # each event by both columns (not every event of its article)
        assert re.search(r"events_article_seq on events e .*\n\s+Index Cond: \(\(article_seq = .*\) AND \(idx = ", text)
        assert "articles_pkey" in text
    else:
        assert "events_article_seq (article_seq=? AND idx=?)" in text and "INTEGER PRIMARY KEY" in text


@pytest.mark.parametrize(("f", "index"), [(q.EventFilter(modalities=("planned",)), "event_day_facets_modality"),
                                          (q.EventFilter(country="GT"), "event_day_facets_country")])  # fmt: skip
def test_event_days_timeline_of_a_modality_or_country_reads_its_own_index(
    store_target: str, conn: Any, f: q.EventFilter, index: str
) -> None:
    migrate(conn)
    write_events(conn)
    query = q.timeline_query(f)
    assert index in plan(conn, query.sql, query.params)
