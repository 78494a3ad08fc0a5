"""Movements and canonical events from ``caravan.link.query``, and their filtering by the events filter.

The link stage is optional at run time: where ``caravan.link.query`` is missing, these endpoints answer 501
with a clear message rather than failing the whole API.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType
from typing import Any

from fastapi import HTTPException

from caravan.store import Database
from caravan.store import queries as q

LINK_MODULE = "caravan.link.query"


def available() -> bool:
    """Whether this build has the link stage (movements and canonical events)."""
    try:
        return importlib.util.find_spec(LINK_MODULE) is not None
    except ModuleNotFoundError:
        return False


def link_query() -> ModuleType:
    """``caravan.link.query``, or 501 when this build has no link stage."""
    try:
        return importlib.import_module(LINK_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != LINK_MODULE:
            raise
        raise HTTPException(501, f"movements and canonical events need {LINK_MODULE}, "
                                 "which this build of Caravan does not have") from exc


def movements(db: Database) -> list[dict[str, Any]]:
    return link_query().list_movements(db)


def movement(db: Database, movement_id: str) -> dict[str, Any] | None:
    return link_query().get_movement(db, movement_id)


def canonical_events(db: Database) -> list[dict[str, Any]]:
    return link_query().list_canonical_events(db)


def filter_linked(items: list[dict[str, Any]], f: q.EventFilter) -> list[dict[str, Any]]:
    """The linked events that the filter keeps: type and modality (when they carry them), dates, country, area."""
    return [item for item in items if keeps(item, f)]


def keeps(item: dict[str, Any], f: q.EventFilter) -> bool:
    legs = item.get("legs") or []
    if f.types and item.get("type") not in f.types:
        return False
    if f.modalities and item.get("modality") not in f.modalities:
        return False
    if f.since and (item.get("last_seen") or "") < f.since:
        return False
    if f.until and (item.get("first_seen") or "9999")[:10] > f.until:
        return False
    if f.country and not any((leg.get("country") or "").upper() == f.country.upper() for leg in legs):
        return False
    if f.bbox and not any(in_box(leg, f.bbox) for leg in legs):
        return False
    return True


def in_box(leg: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    lat, lon = leg.get("lat"), leg.get("lon")
    if lat is None or lon is None:
        return False
    west, south, east, north = bbox
    inside_lon = west <= lon <= east if west <= east else (lon >= west or lon <= east)
    return south <= lat <= north and inside_lon
