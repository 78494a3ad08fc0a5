"""``/api/events``: event mentions (or canonical events) by type, modality, country, dates and area; a timeline."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Response

from caravan.api import linked
from caravan.api.deps import DB, DateParam, Page, RowsResponse
from caravan.api.schemas import CanonicalEvent, EventMention, Paged, TimelineCount
from caravan.model import EVENT_TYPES, MODALITIES
from caravan.store import queries as q

router = APIRouter(prefix="/api/events", tags=["events"])


def parse_list(values: list[str] | None, allowed: tuple[str, ...], name: str) -> tuple[str, ...]:
    """Repeated or comma-separated values, each one of ``allowed`` (else 422 naming it)."""
    items = tuple(v.strip() for value in values or [] for v in value.split(",") if v.strip())
    wrong = [v for v in items if v not in allowed]
    if wrong:
        raise HTTPException(422, f"unknown {name} {wrong[0]!r} (one of {', '.join(allowed)})")
    return items


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees (422 when it is not four numbers in range)."""
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, f"bbox {value!r} is not west,south,east,north in degrees") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, f"bbox {value!r} is out of range (longitudes -180..180, latitudes -90..90)")
    return west, south, east, north


def event_filter(
    types: Annotated[
        list[str] | None, Query(alias="type", description="Event types (repeat or comma-separate).")
    ] = None,
    modality: Annotated[list[str] | None, Query(description="Modalities (repeat or comma-separate).")] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-2 code of the event's country.")] = None,
    since: DateParam = None,
    until: DateParam = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north (degrees); located events inside it.")] = None,
    article_id: Annotated[str | None, Query(description="Only this article's events.")] = None,
    located: Annotated[bool, Query(description="Only events with coordinates.")] = False,
) -> q.EventFilter:
    return q.EventFilter(
        types=parse_list(types, EVENT_TYPES, "type"),
        modalities=parse_list(modality, MODALITIES, "modality"),
        country=country,
        since=since,
        until=until,
        bbox=parse_bbox(bbox),
        article_id=article_id,
        located=located,
    )


Filter = Annotated[q.EventFilter, Depends(event_filter)]


@router.get("", response_model=Paged[EventMention] | Paged[CanonicalEvent])
def list_events(
    db: DB,
    page: Page,
    f: Filter,
    level: Annotated[
        Literal["mention", "canonical"],
        Query(
            description="mention: each article's reports; canonical: reports linked into one event each "
            "(from caravan.link)."
        ),
    ] = "mention",
) -> dict[str, Any] | RowsResponse:
    """Event mentions by day, then article and position; or canonical events (each with all its mentions),
    earliest first."""
    if level == "canonical":
        events = linked.filter_linked(linked.canonical_events(db), f)
        return page.wrap(events[page.offset : page.offset + page.limit], len(events))
    # rows as the store gives them (str, int, float, None): written as the response model would write them, without
    # validating a thousand items one by one (tests/api/test_api_events.py compares the two)
    return RowsResponse(page.wrap(*db.events_page(f, page.limit, page.offset)))


@router.get("/timeline", response_model=list[TimelineCount])
def timeline(db: DB, f: Filter) -> Response:
    """Event mentions per day and type under the filter (its dates aside: the whole timeline, for brushing)."""
    # the JSON is written by the database (one value per day and type: thousands over a few years)
    return Response(db.timeline_json(f), media_type="application/json")
