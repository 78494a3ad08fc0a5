"""What the CLI, the API and the exports read of the links: JSON-ready dicts straight from the store.

The shapes are documented in ``docs/linking.md``. Each function reads the link tables that the last
``caravan ingest`` (or ``caravan link``) wrote; none of them computes links.
"""

from __future__ import annotations

from typing import Any

from caravan.errors import StoreError
from caravan.link.tables import read_json
from caravan.store import Database


def list_movements(db: Database) -> list[dict[str, Any]]:
    """Every movement, earliest first: ``{id, label, status, first_seen, last_seen, legs, planned, counts, ...}``."""
    return read_json(db, "link_movements")


def get_movement(db: Database, movement_id: str) -> dict[str, Any] | None:
    """One movement by id (with the ``explain`` of each leg), or None when there is no such movement."""
    found = read_json(db, "link_movements", "WHERE id = ?", (movement_id,))
    return found[0] if found else None


def list_canonical_events(db: Database) -> list[dict[str, Any]]:
    """Every canonical event with all its mentions (article, outlet, modality, speaker), earliest first."""
    return read_json(db, "link_events")


def events_in_bbox(db: Database, west: float, south: float, east: float, north: float) -> list[dict[str, Any]]:
    """Canonical events placed inside a bounding box (degrees, edges included), earliest first.

    PostgreSQL answers from the PostGIS ``geom`` column and its GiST index; SQLite from the lat/lon index.
    Events without coordinates are never inside. A box across the antimeridian is two boxes.
    """
    where, args = _bbox(db, west, south, east, north)
    return read_json(db, "link_events", f"WHERE {where}", args)


def movements_in_bbox(db: Database, west: float, south: float, east: float, north: float) -> list[dict[str, Any]]:
    """Movements with a leg (done or planned) placed inside a bounding box, earliest first."""
    where, args = _bbox(db, west, south, east, north)
    return read_json(db, "link_movements", f"WHERE id IN (SELECT movement_id FROM link_legs WHERE {where})", args)


def _bbox(db: Database, west: float, south: float, east: float, north: float) -> tuple[str, tuple[float, ...]]:
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise StoreError(f"bounding box {west},{south},{east},{north} is not west<=east, south<=north in degrees")
    return db.bbox_condition(west, south, east, north)
