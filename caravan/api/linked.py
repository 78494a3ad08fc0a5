"""Movements and canonical events from ``caravan.link.query``, and their filtering by the events filter."""

from __future__ import annotations

from typing import Any

from caravan.link import query as link_query
from caravan.store import Database
from caravan.store import queries as q


def movements(db: Database) -> list[dict[str, Any]]:
    return link_query.list_movements(db)


def movement(db: Database, movement_id: str) -> dict[str, Any] | None:
    return link_query.get_movement(db, movement_id)


def canonical_events(db: Database) -> list[dict[str, Any]]:
    return link_query.list_canonical_events(db)


def filter_linked(events: list[dict[str, Any]], f: q.EventFilter) -> list[dict[str, Any]]:
    """The canonical events that the filter keeps (the same criteria as for mentions)."""
    return [event for event in events if keeps(event, f)]


def event_day(event: dict[str, Any]) -> str | None:
    """The first day of a canonical event's own date, else the article date it happened by."""
    day = event.get("date") or event.get("date_bound")
    return day[:10] if day else None


def keeps(event: dict[str, Any], f: q.EventFilter) -> bool:
    checks = [
        not f.types or event.get("type") in f.types,
        not f.modalities or event.get("modality") in f.modalities,
        not f.country or (event.get("country") or "").upper() == f.country.upper(),
        not f.article_id or any(m.get("article") == f.article_id for m in event.get("mentions") or []),
        not (f.located or f.bbox) or (event.get("lat") is not None and event.get("lon") is not None),
        not f.bbox or in_box(event, f.bbox),
        not f.since or (event_day(event) or "") >= f.since,
        not f.until or (event_day(event) or "9999") <= f.until,
    ]
    return all(checks)


def in_box(point: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    lat, lon = point.get("lat"), point.get("lon")
    if lat is None or lon is None:
        return False
    west, south, east, north = bbox
    inside_lon = west <= lon <= east if west <= east else (lon >= west or lon <= east)
    return south <= lat <= north and inside_lon
