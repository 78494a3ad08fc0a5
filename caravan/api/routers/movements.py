"""``/api/movements``: movements linked from many reports, each with legs by place and day and counts per day."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from caravan.api import linked
from caravan.api.deps import DB, Page
from caravan.api.schemas import Movement, Paged
from caravan.errors import NotFoundError

router = APIRouter(prefix="/api/movements", tags=["movements"])


@router.get("", response_model=Paged[Movement])
def list_movements(db: DB, page: Page) -> dict[str, Any]:
    """Movements, as ``caravan.link`` builds them from the stored events."""
    movements = linked.movements(db)
    return page.wrap(movements[page.offset : page.offset + page.limit], len(movements))


@router.get("/{movement_id}", response_model=Movement)
def get_movement(movement_id: str, db: DB) -> dict[str, Any]:
    """One movement: its route (legs by day and place, with the events behind each) and sizes per day."""
    movement = linked.movement(db, movement_id)
    if movement is None:
        raise NotFoundError("movement", movement_id)
    return movement
