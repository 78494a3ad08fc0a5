"""Exports of a store filled by the real pipeline: GeoJSON that GIS tools read, Parquet, the ACLED-like CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from caravan.cli.main import cli
from caravan.errors import ExportError
from caravan.export import FORMATS, export
from caravan.export.acled import COLUMNS, acled_types
from caravan.link.query import list_movements
from caravan.model import EVENT_TYPES, Article, Record
from caravan.store import Database

pytestmark = pytest.mark.model
EVENT_PROPERTIES = {
    "type",
    "modality",
    "date",
    "actor",
    "place",
    "country",
    "size_low",
    "size_high",
    "amount",
    "article_id",
    "outlet",
    "url",
    "trigger",
    "start",
    "end",
    "sentence",
    "speaker",
    "geo_precision",
}


def exported(db_path: Path, fmt: str, items: str | None = None) -> bytes:
    out = io.BytesIO()
    with Database(db_path) as db:
        export(db, fmt, items, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def features(reports_db: Path) -> dict[str, dict]:
    collection = json.loads(exported(reports_db, "geojson"))
    assert collection["type"] == "FeatureCollection"
    return {f["properties"]["trigger"] + "@" + f["properties"]["article_id"]: f for f in collection["features"]}


@pytest.fixture(scope="module")
def acled(reports_db: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(exported(reports_db, "acled").decode("utf-8"))))


def test_exports_geojson_features_are_points_or_null_with_flat_properties(features):
    for feature in features.values():
        assert feature["type"] == "Feature" and feature["id"] == feature["properties"]["id"]
        assert feature["geometry"] is None or feature["geometry"]["type"] == "Point"
        assert set(feature["properties"]) >= EVENT_PROPERTIES
        assert not any(isinstance(v, (dict, list)) for v in feature["properties"].values())


def test_exports_geojson_coordinates_are_longitude_then_latitude(features):
    lon, lat = features["detained@aid-pledge"]["geometry"]["coordinates"]  # Tapachula, Mexico
    assert (round(lon, 2), round(lat, 2)) == (-92.26, 14.91)


def test_exports_geojson_event_keeps_its_provenance(features):
    props = features["detained@aid-pledge"]["properties"]
    assert (props["type"], props["place"], props["country"], props["outlet"]) == (
        "detain",
        "Tapachula",
        "MX",
        "Valley Courier",
    )
    assert props["sentence"].startswith("Mexican police detained dozens of migrants in Tapachula")
    assert (props["size_low"], props["size_high"], props["geo_precision"]) == (12, 199, 1)


def test_exports_geojson_country_only_event_sits_on_its_country_coarsely(features):
    props, geometry = features["pledged@aid-pledge"]["properties"], features["pledged@aid-pledge"]["geometry"]
    assert (props["type"], props["amount"], props["country_name"]) == ("aid", 1e9, "Honduras")
    assert geometry["coordinates"] == [-86.5, 15.0] and props["geo_precision"] == 3


def test_exports_geojson_unplaced_event_has_null_geometry(features):
    unplaced = [f for f in features.values() if f["properties"]["country"] is None]
    assert unplaced and all(f["geometry"] is None for f in unplaced)


def test_exports_geojson_movements_are_the_linked_movements_as_lines(reports_db: Path):
    collection = json.loads(exported(reports_db, "geojson", "movements"))
    with Database(reports_db) as db:
        movements = list_movements(db)
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == [m["id"] for m in movements]
    for feature, movement in zip(collection["features"], movements, strict=True):
        located = [[leg["lon"], leg["lat"]] for leg in movement["legs"] if leg["lat"] is not None]
        if len(located) > 1:
            assert feature["geometry"] == {"type": "LineString", "coordinates": located}


def test_exports_parquet_reads_back_typed(reports_db: Path):
    table = pq.read_table(io.BytesIO(exported(reports_db, "parquet", "events")))
    with Database(reports_db) as db:
        rows = list(db.item_rows("events"))
    assert table.to_pylist() == rows
    assert str(table.schema.field("lat").type) == "double" and str(table.schema.field("start").type) == "int64"


def test_exports_parquet_empty_table_keeps_its_columns(tmp_path: Path):
    with Database(tmp_path / "empty.db") as db:
        db.add_article(Article(id="calm", text="Nothing happened."), Record(id="calm", language="en"))
    table = pq.read_table(io.BytesIO(exported(tmp_path / "empty.db", "parquet", "quotes")))
    assert table.num_rows == 0 and {"speaker", "start", "text"} <= set(table.column_names)


def test_exports_acled_header_is_the_acled_like_columns(reports_db: Path):
    header = exported(reports_db, "acled").decode("utf-8").splitlines()[0]
    assert header.split(",") == COLUMNS
    assert COLUMNS[:3] == ["event_date", "event_type", "sub_event_type"]


def test_exports_acled_row_of_an_arrest(acled):
    [row] = [r for r in acled if r["article_id"] == "aid-pledge" and r["caravan_type"] == "detain"]
    assert (row["event_date"], row["event_type"], row["sub_event_type"]) == (
        "2024-05-05",
        "Strategic developments",
        "Arrests",
    )
    assert (row["actor1"], row["country"], row["admin1"], row["location"]) == (
        "Mexican police",
        "Mexico",
        "Chiapas",
        "Tapachula",
    )
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("14.90541", "-92.25891", "1")
    assert (row["source"], row["size_low"], row["size_high"], row["modality"]) == (
        "Valley Courier",
        "12",
        "199",
        "asserted",
    )
    assert "Mexican police detained dozens of migrants" in row["notes"]


def test_exports_acled_maps_every_caravan_event_type():
    assert set(acled_types()) == set(EVENT_TYPES)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exports_cli_writes_each_format_to_a_file(reports_db: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"export{FORMATS[fmt].suffix}"
    result = CliRunner().invoke(cli, ["export", "--db", str(reports_db), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == exported(reports_db, fmt)


def test_exports_cli_items_a_format_does_not_hold_is_a_usage_error(reports_db: Path):
    result = CliRunner().invoke(cli, ["export", "--db", str(reports_db), "--format", "acled", "--items", "quotes"])
    assert result.exit_code == 2 and "holds events" in result.stderr


def test_exports_unknown_format_is_an_export_error(reports_db: Path):
    with Database(reports_db) as db, pytest.raises(ExportError, match="no export format 'shp'"):
        export(db, "shp", None, io.BytesIO())


def test_exports_parquet_without_pyarrow_says_how_to_install_it(reports_db: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if pyarrow were not installed
    with Database(reports_db) as db, pytest.raises(ExportError, match=r"pip install 'caravan\[parquet\]'"):
        export(db, "parquet", "events", io.BytesIO())
