"""Movements as GeoJSON: one LineString feature per movement through its located legs, legs as properties."""

from __future__ import annotations

from typing import Any

LEG_PROPERTIES = ("date", "date_bound", "place", "country", "lat", "lon", "event_ids", "sizes")


def movement_feature(movement: dict[str, Any]) -> dict[str, Any]:
    """A Feature: the path of the movement's legs with coordinates (a Point with one, no geometry with none)."""
    coords = [[leg["lon"], leg["lat"]] for leg in movement["legs"] if leg["lat"] is not None]
    geometry: dict[str, Any] | None = None
    if len(coords) > 1:
        geometry = {"type": "LineString", "coordinates": coords}
    elif coords:
        geometry = {"type": "Point", "coordinates": coords[0]}
    properties = {k: movement[k] for k in ("id", "label", "status", "first_seen", "last_seen")}
    properties["legs"] = [{k: leg.get(k) for k in LEG_PROPERTIES} for leg in movement["legs"]]
    properties["counts"] = [{k: v for k, v in c.items() if k != "sizes"} for c in movement["counts"]]
    return {"type": "Feature", "id": movement["id"], "geometry": geometry, "properties": properties}


def movements_collection(movements: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [movement_feature(m) for m in movements]}
