"""Canonical events inside a bounding box: PostGIS points in PostgreSQL, a lat/lon range in SQLite."""

from __future__ import annotations

import pytest
from link_stories import Story, Told, october_caravan

from caravan.errors import StoreError
from caravan.link.query import events_in_bbox, list_movements, movements_in_bbox
from caravan.store import PostgresDatabase

CHIAPAS = (-93.0, 14.5, -92.0, 15.5)  # west, south, east, north


def _arrival(story_id: str, town: str | None, date: str) -> Story:
    where = f"in {town}" if town else "at the border"
    return Story(
        story_id,
        f"Outlet {story_id}",
        date,
        [
            Told(
                f"The caravan arrived {where} on Friday, witnesses said.",
                "arrived",
                "arrive",
                actor="caravan",
                town=town,
                country=None if town else "MX",
                date=date,
            )
        ],
    )


@pytest.fixture
def db(make_store):
    return make_store(
        [
            _arrival("t1", "Tapachula", "2018-10-20"),
            _arrival("t2", "Tijuana", "2018-11-15"),
            _arrival("t3", None, "2018-10-25"),
            _arrival("t4", "Huixtla", "2018-10-23"),
        ]
    )


def test_query_bbox_keeps_only_events_inside_the_box(db) -> None:
    assert [e["place"] for e in events_in_bbox(db, *CHIAPAS)] == ["Tapachula", "Huixtla"]


def test_query_bbox_includes_a_point_on_the_edge(db) -> None:
    (event,) = events_in_bbox(db, -117.038, 32.0, -116.0, 33.0)  # Tijuana's longitude is the west edge
    assert event["place"] == "Tijuana"


def test_query_bbox_of_empty_sea_finds_nothing(db) -> None:
    assert events_in_bbox(db, -40.0, 0.0, -30.0, 10.0) == []


def test_query_bbox_rejects_a_box_turned_inside_out(db) -> None:
    with pytest.raises(StoreError, match="bounding box"):
        events_in_bbox(db, -92.0, 14.5, -93.0, 15.5)


def test_query_bbox_postgres_uses_the_spatial_index(db) -> None:
    if not isinstance(db, PostgresDatabase):
        pytest.skip("the GiST index is PostgreSQL's")
    where, args = db.bbox_condition(*CHIAPAS)
    with db.reader() as conn:
        conn.execute("SET enable_seqscan = off")  # a tiny table would be scanned; ask whether the index serves
        plan = " ".join(r[0] for r in conn.execute(f"EXPLAIN SELECT json FROM link_events WHERE {where}", args))
    assert "link_events_geom" in plan


def test_query_bbox_finds_movements_passing_through(make_store) -> None:
    db = make_store(october_caravan(), name="route")
    found = movements_in_bbox(db, -89.5, 14.4, -89.2, 14.7)  # Esquipulas only
    assert found == list_movements(db) and found[0]["legs"][0]["place"] == "San Pedro Sula"
    assert movements_in_bbox(db, -117.5, 32.0, -116.5, 33.0) == []  # Tijuana: not on this route


def test_query_bbox_movement_legs_are_rows_with_points(make_store) -> None:
    db = make_store(october_caravan(), name="legs")
    (movement,) = list_movements(db)
    with db.reader() as conn:
        rows = conn.execute("SELECT place, planned FROM link_legs ORDER BY idx").fetchall()
    assert [r[0] for r in rows if not r[1]] == [leg["place"] for leg in movement["legs"]]
    if isinstance(db, PostgresDatabase):
        with db.reader() as conn:
            (points,) = conn.execute("SELECT ST_NPoints(geom) FROM link_movement_lines").fetchone()
        assert points == sum(1 for leg in movement["legs"] if leg["lat"] is not None)
