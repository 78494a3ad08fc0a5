"""Stored events joined with what an analyst needs beside them: their article, sentence, place and reporter.

One ``EventRow`` per stored event, in ingest order; the GeoJSON and ACLED-like exports are views of these rows.
An event is located at its own place's coordinates; an event with a country but no place is located at that
country as the article names it (precision 3, as ACLED codes a report that names only a large region).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from caravan.errors import StoreError
from caravan.model import Article, Event, Place, Record
from caravan.store import Database
from caravan.view.words import country_name, sentence_bounds

# ACLED-like spatial precision of a located event by the feature of its place: 1 the town itself, 2 a place
# near or on a line (a border), 3 a larger region (a first-level division, a region, a country).
GEO_PRECISION = {"city": 1, "border": 2, "admin": 3, "region": 3, "country": 3}
WEEK_DAYS = 7  # a date interval this long or shorter has time precision 2; longer ones 3


@dataclass
class EventRow:
    """One event with its provenance (article, span, sentence, reporting speaker) and its location."""

    article_id: str
    idx: int
    start: int
    end: int
    trigger: str
    sentence: str
    type: str
    modality: str
    actor: str | None
    place: str | None
    country: str | None
    country_name: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    date: str | None
    size_low: float | None
    size_high: float | None
    amount: float | None
    speaker: str | None
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None

    @property
    def id(self) -> str:
        """Stable id of the event: its article id and its index in the record."""
        return f"{self.article_id}#{self.idx}"


def event_rows(db: Database) -> Iterator[EventRow]:
    """Every stored event of every processed article, in ingest order."""
    for article, record in articles_with_records(db):
        for idx, event in enumerate(record.events):
            yield build_row(article, record, idx, event)


def articles_with_records(db: Database) -> Iterator[tuple[Article, Record]]:
    """Each stored article with its record (near-duplicates and skipped articles left out)."""
    for article, record in zip(db.articles(), db.records(), strict=True):
        if article.id != record.id:
            raise StoreError(f"the store {db.path} holds article {article.id!r} beside record {record.id!r}")
        if not record.skipped:
            yield article, record


@dataclass(frozen=True)
class Location:
    """Where an event is put on a map, and how precisely."""

    name: str | None
    admin1: str | None
    lat: float
    lon: float
    precision: int | None


def build_row(article: Article, record: Record, idx: int, event: Event) -> EventRow:
    """The row of one event of an article."""
    where = locate(event, record.places)
    begin, stop = sentence_bounds(article.text, event.start, event.end)
    size = event.size or [None, None]
    return EventRow(
        article_id=article.id,
        idx=idx,
        start=event.start,
        end=event.end,
        trigger=article.text[event.start : event.end],
        sentence=" ".join(article.text[begin:stop].split()),
        type=event.type,
        modality=event.modality,
        actor=event.actor,
        place=event.place,
        country=event.country,
        country_name=country_name(event.country),
        admin1=where.admin1 if where else None,
        location=where.name if where else None,
        lat=where.lat if where else None,
        lon=where.lon if where else None,
        geo_precision=where.precision if where else None,
        date=event.date,
        size_low=size[0],
        size_high=size[1] if len(size) > 1 else None,
        amount=event.amount,
        speaker=reporter(event, record),
        outlet=article.outlet,
        url=article.url,
        title=article.title,
        published=article.published or record.published,
    )


def reporter(event: Event, record: Record) -> str | None:
    """The speaker of the quote the event was reported in, if any."""
    if event.quote is None or not 0 <= event.quote < len(record.quotes):
        return None
    return record.quotes[event.quote].speaker


def locate(event: Event, places: list[Place]) -> Location | None:
    """The event's own place, else its country as the article names it; None when neither has coordinates."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    if event.lat is not None and event.lon is not None:
        own = [p for p in located if p.name == event.place and (p.lat, p.lon) == (event.lat, event.lon)]
        if own:
            return _location(own[0])
        return Location(event.place, None, event.lat, event.lon, None)
    countries = [p for p in located if p.feature == "country" and p.country == event.country]
    return _location(countries[0]) if event.country and countries else None


def _location(place: Place) -> Location:
    return Location(place.name, place.admin1, place.lat, place.lon, GEO_PRECISION.get(place.feature))  # type: ignore[arg-type]


def first_day(date: str | None) -> str | None:
    """The first day of an ISO day or interval ("2025-01-06/2025-01-12" -> "2025-01-06")."""
    return date.split("/")[0] if date else None


def time_precision(date: str | None) -> int | None:
    """ACLED-like time precision: 1 a day, 2 an interval of a week or less, 3 a longer one; None without a date."""
    if not date:
        return None
    if "/" not in date:
        return 1
    first, last = date.split("/", 1)
    try:
        days = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days + 1
    except ValueError:
        return 3
    return 2 if days <= WEEK_DAYS else 3
