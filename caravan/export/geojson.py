"""GeoJSON (RFC 7946) that QGIS, geopandas and web maps open: events as points, movements as lines.

Coordinates are [longitude, latitude] as the RFC fixes them. An event that cannot be placed keeps its
properties with a null geometry, so the attribute table is whole and nothing is dropped silently; event
properties are flat (text and numbers), as GIS attribute tables need. Movements are the linking stage's
features (``caravan.link.geojson``), streamed into the same kind of collection.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import IO, Any

from caravan.errors import ExportError
from caravan.export.events import EventRow, event_rows
from caravan.export.streams import text_stream
from caravan.link.geojson import movement_feature
from caravan.link.query import list_movements
from caravan.store import Database

GEOJSON_ITEMS = ("events", "movements")
# EventRow fields left out of a point's properties: its coordinates are the geometry.
GEOMETRY_FIELDS = frozenset({"lat", "lon"})


def write_geojson(db: Database, items: str, out: IO[bytes]) -> int:
    """A FeatureCollection of the stored events (points) or movements (lines); the number of features."""
    if items == "events":
        features: Iterable[dict[str, Any]] = map(event_feature, event_rows(db))
    elif items == "movements":
        features = map(movement_feature, list_movements(db))
    else:
        raise ExportError(f"GeoJSON holds events or movements, not {items!r}")
    return write_collection(features, out)


def write_collection(features: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """Features streamed into one FeatureCollection, one feature per line; the number written."""
    n = 0
    with text_stream(out) as text:
        text.write('{"type": "FeatureCollection", "features": [')
        for feature in features:
            text.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
            n += 1
        text.write("\n]}\n")
    return n


def event_feature(row: EventRow) -> dict[str, Any]:
    """One event as a Point feature; its properties are the row's fields."""
    properties = {"id": row.id, **{k: v for k, v in dataclasses.asdict(row).items() if k not in GEOMETRY_FIELDS}}
    return {"type": "Feature", "id": row.id, "geometry": point(row.lon, row.lat), "properties": properties}


def point(lon: float | None, lat: float | None) -> dict[str, Any] | None:
    if lon is None or lat is None:
        return None
    return {"type": "Point", "coordinates": [lon, lat]}
