"""Linking the store: each ingest updates the links, and a rebuild (in any order of arrival) gives the same."""

from __future__ import annotations

import json

from click.testing import CliRunner
from link_stories import october_caravan, store_stories

from caravan.cli.main import cli
from caravan.link.build import update_links
from caravan.link.query import list_canonical_events, list_movements
from caravan.store import Database, open_database


def _links(db: Database) -> tuple[list, list]:
    return list_movements(db), list_canonical_events(db)


def test_build_late_article_incremental_equals_rebuild(store_targets):
    first, *rest = october_caravan()
    growing = open_database(store_targets("growing"))
    store_stories(growing, rest)
    update_links(growing)
    before = list_movements(growing)
    store_stories(growing, [first])  # the report of the departure arrives last
    assert not update_links(growing).skipped
    assert list_movements(growing) != before
    whole = open_database(store_targets("whole"))
    store_stories(whole, [first, *reversed(rest)])
    update_links(whole, rebuild=True)
    assert _links(growing) == _links(whole)
    assert list_movements(growing)[0]["legs"][0]["place"] == "San Pedro Sula"


def test_build_skips_when_nothing_new(store_targets):
    db = open_database(store_targets("a"))
    store_stories(db, october_caravan())
    assert not update_links(db).skipped
    assert update_links(db).skipped
    assert not update_links(db, rebuild=True).skipped


def test_build_cli_movements_json_shape(store_targets):
    db_path = store_targets("cli")
    db = open_database(db_path)
    store_stories(db, october_caravan())
    runner = CliRunner()
    assert runner.invoke(cli, ["link", "--db", db_path]).exit_code == 0
    result = runner.invoke(cli, ["movements", "--json", "--db", db_path])
    assert result.exit_code == 0, result.output
    (movement,) = json.loads(result.output)
    assert {"id", "label", "status", "first_seen", "last_seen", "legs", "counts", "planned"} <= set(movement)
    assert {"date", "place", "country", "lat", "lon", "event_ids", "sizes"} <= set(movement["legs"][0])
    assert {"low", "high", "source", "speaker", "article"} <= set(movement["legs"][0]["sizes"][0])
    assert {"date", "low", "median", "high", "most_cited", "reports"} <= set(movement["counts"][0])
    shown = runner.invoke(cli, ["movement", movement["id"], "--explain", "--db", db_path])
    assert shown.exit_code == 0 and "San Pedro Sula" in shown.output and "why it belongs" in shown.output
    missing = runner.invoke(cli, ["movement", "m0", "--db", db_path])
    assert missing.exit_code != 0 and "no movement" in missing.output
    listed = runner.invoke(cli, ["movements", "--db", db_path])
    assert listed.exit_code == 0 and "HN → GT → MX" in listed.output
    table = runner.invoke(cli, ["events", "--canonical", "--db", db_path])
    assert table.exit_code == 0 and "Ciudad" in table.output


def test_build_geojson_export_movements_as_linestrings(store_targets):
    db_path = store_targets("geo")
    db = open_database(db_path)
    store_stories(db, october_caravan())
    update_links(db)
    result = CliRunner().invoke(cli, ["export", "--format", "geojson", "--items", "movements", "--db", db_path])
    assert result.exit_code == 0, result.output
    (feature,) = json.loads(result.output)["features"]
    assert feature["geometry"]["type"] == "LineString"
    assert feature["geometry"]["coordinates"][0] == [-88.025, 15.506]
    assert feature["properties"]["legs"][0]["place"] == "San Pedro Sula"


def test_build_store_from_before_leg_rows_is_relinked(tmp_path):
    path = tmp_path / "old.db"
    with Database(path) as db:
        store_stories(db, october_caravan())
        update_links(db)
        with db.transaction() as conn:  # back to the version before 0007: linked, no leg rows
            conn.execute("DROP TABLE link_legs")
            conn.execute("DELETE FROM _migrations WHERE name = '0007_movement_legs'")
    with Database(path) as db:
        assert not update_links(db).skipped
        assert db.writer.execute("SELECT count(*) FROM link_legs").fetchone()[0] > 0
