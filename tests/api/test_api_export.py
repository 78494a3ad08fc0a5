"""``/api/export``: the store in every format of ``caravan export``, as downloads."""

import csv
import io
import json
import sqlite3

import pyarrow.parquet as pq
import pytest


def stored(api_store, table):
    with sqlite3.connect(api_store) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def download(client, **params):
    response = client.get("/api/export", params=params)
    assert response.status_code == 200, response.text
    return response


def test_export_geojson_events_are_points_for_qgis(client, api_store):
    response = download(client, format="geojson")
    assert response.headers["content-type"].startswith("application/geo+json")
    assert response.headers["content-disposition"] == 'attachment; filename="caravan-events.geojson"'
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == stored(api_store, "events")
    points = [f for f in collection["features"] if f["geometry"]]
    assert points and all(f["geometry"]["type"] == "Point" for f in points)


def test_export_geojson_movements_are_lines(client):
    features = json.loads(download(client, format="geojson", items="movements").content)["features"]
    assert any(f["geometry"] and f["geometry"]["type"] == "LineString" for f in features)


def test_export_acled_csv_has_the_acled_columns(client, api_store):
    rows = list(csv.DictReader(io.StringIO(download(client, format="acled").text)))
    assert len(rows) == stored(api_store, "events")
    assert {
        "event_date",
        "event_type",
        "sub_event_type",
        "latitude",
        "longitude",
        "geo_precision",
        "size_low",
        "modality",
    } <= set(rows[0])


def test_export_parquet_reads_back_in_pyarrow(client, api_store):
    table = pq.read_table(io.BytesIO(download(client, format="parquet", items="events").content))
    assert table.num_rows == stored(api_store, "events") and "type" in table.column_names


def test_export_jsonl_is_one_record_per_article(client, api_store):
    lines = download(client, format="jsonl").text.splitlines()
    assert len(lines) == stored(api_store, "articles")
    assert all(json.loads(line)["format"] == "caravan/1" for line in lines)


@pytest.mark.parametrize(
    "params", [{"format": "xml"}, {"format": "acled", "items": "quotes"}, {"format": "csv", "items": "passwords"}]
)
def test_export_unknown_format_or_items_is_422(client, params):
    assert client.get("/api/export", params=params).status_code == 422
