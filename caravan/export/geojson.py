"""GeoJSON (RFC 7946) that QGIS, geopandas and web maps open: events as points, movements as lines.

Coordinates are [longitude, latitude] as the RFC fixes them. A feature that cannot be placed keeps its
properties with a null geometry, so the attribute table is whole and nothing is dropped silently.
Properties are flat (text and numbers), as GIS attribute tables need.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from caravan.errors import ExportError
from caravan.export.events import EventRow, event_rows
from caravan.export.streams import text_stream
from caravan.store import Database

GEOJSON_ITEMS = ("events", "movements")
# EventRow fields left out of a point's properties: its coordinates are the geometry.
GEOMETRY_FIELDS = frozenset({"lat", "lon"})


def write_geojson(db: Database, items: str, out: IO[bytes]) -> int:
    """A FeatureCollection of the stored events (points) or movements (lines); the number of features."""
    if items == "events":
        features: Iterable[dict[str, Any]] = map(event_feature, event_rows(db))
    elif items == "movements":
        features = map(movement_feature, load_movements(db))
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


def load_movements(db: Database) -> list[dict[str, Any]]:
    """The store's movements from the linking stage (``caravan.link.query.list_movements``)."""
    try:
        from caravan.link.query import list_movements  # type: ignore[import-not-found]
    except ModuleNotFoundError as exc:
        if exc.name not in ("caravan.link.query",):
            raise
        raise ExportError("movements are not available: this version of Caravan does not link reports "
                          "into movements (caravan.link.query)") from exc
    return list(list_movements(db))


def movement_feature(movement: dict[str, Any]) -> dict[str, Any]:
    """One movement as a LineString through its located legs, in order; null geometry under two of them."""
    legs = movement.get("legs") or []
    line = [[leg["lon"], leg["lat"]] for leg in legs if leg.get("lon") is not None and leg.get("lat") is not None]
    properties = {"id": movement.get("id"), "label": movement.get("label"), "status": movement.get("status"),
                  "first_seen": movement.get("first_seen"), "last_seen": movement.get("last_seen"),
                  "legs": len(legs), "route": " → ".join(_leg_names(legs)),
                  "event_ids": ",".join(str(e) for leg in legs for e in leg.get("event_ids") or [])}
    geometry = {"type": "LineString", "coordinates": line} if len(line) >= 2 else None
    return {"type": "Feature", "id": movement.get("id"), "geometry": geometry, "properties": properties}


def _leg_names(legs: list[dict[str, Any]]) -> Iterator[str]:
    for leg in legs:
        name = leg.get("place") or leg.get("country")
        if name:
            yield str(name)
