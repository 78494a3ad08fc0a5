"""``/api/places``: place mentions, or distinct resolved places with their counts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from caravan.api.deps import DB, Page
from caravan.api.schemas import Paged, PlaceGroup, PlaceMention
from caravan.model import Feature
from caravan.store import queries as q

router = APIRouter(prefix="/api/places", tags=["places"])


@router.get("", response_model=Paged[PlaceMention] | Paged[PlaceGroup])
def list_places(
    db: DB,
    page: Page,
    country: Annotated[str | None, Query(description="ISO alpha-2 code (a border matches either side).")] = None,
    feature: Annotated[Feature | None, Query(description="city, admin, country, border or region.")] = None,
    name: Annotated[str | None, Query(description="Resolved name, case aside.")] = None,
    article_id: Annotated[str | None, Query(description="Only this article's places.")] = None,
    group: Annotated[bool, Query(description="One row per distinct place, most mentioned first.")] = False,
) -> dict[str, Any]:
    """Place mentions in article order, or (``group``) distinct places with mention and article counts."""
    f = q.PlaceFilter(country, feature, name, article_id)
    query = q.place_groups_query(f) if group else q.places_query(f)
    return page.wrap(*db.page(query, page.limit, page.offset))
