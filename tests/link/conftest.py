"""Small multi-article stores for the linking tests: articles written by the team, events stored directly."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from caravan.model import Article, Event, Quote, Record
from caravan.store import Database

# Route towns (general facts): name -> (country, lat, lon).
TOWNS = {
    "San Pedro Sula": ("HN", 15.506, -88.025), "Tecun Uman": ("GT", 14.678, -92.138),
    "Tapachula": ("MX", 14.906, -92.263), "Ciudad Hidalgo": ("MX", 14.679, -92.151),
    "Huixtla": ("MX", 15.139, -92.464), "Mexico City": ("MX", 19.433, -99.133),
    "Tijuana": ("MX", 32.525, -117.038), "Esquipulas": ("GT", 14.563, -89.351),
}


@dataclass
class Told:
    """One event told in a sentence: the trigger word and the event's fields."""

    sentence: str
    trigger: str
    type: str
    actor: str | None = None
    town: str | None = None
    country: str | None = None
    date: str | None = None
    size: list[float | None] | None = None
    modality: str = "asserted"
    speaker: str | None = None


@dataclass
class Story:
    """An article to store: its outlet, date and the events it tells."""

    id: str
    outlet: str
    published: str | None
    told: list[Told] = field(default_factory=list)
    duplicate_of: str | None = None


def record_of(story: Story) -> tuple[Article, Record]:
    text = " ".join(t.sentence for t in story.told)
    article = Article(id=story.id, text=text, outlet=story.outlet, published=story.published)
    record = Record(id=story.id, published=story.published)
    offset = 0
    for t in story.told:
        start = text.index(t.trigger, offset)
        offset = text.index(t.sentence, offset) + len(t.sentence)
        record.events.append(_event(t, start, record))
    return article, record


def _event(t: Told, start: int, record: Record) -> Event:
    country, lat, lon = TOWNS[t.town] if t.town else (t.country, None, None)
    quote = None
    if t.speaker:
        record.quotes.append(Quote(start, start + len(t.trigger), kind="indirect", speaker=t.speaker))
        quote = len(record.quotes) - 1
    return Event(start, start + len(t.trigger), type=t.type, modality=t.modality, actor=t.actor, place=t.town,
                 country=country, lat=lat, lon=lon, date=t.date, size=t.size, quote=quote)


def store_stories(db: Database, stories: list[Story]) -> None:
    for story in stories:
        article, record = record_of(story)
        if story.duplicate_of:
            record = Record(id=story.id, published=story.published, skipped="near-duplicate")
        db.add_article(article, record, duplicate_of=story.duplicate_of)


@pytest.fixture
def make_store(tmp_path: Path):
    """``make_store(stories, name="a")``: a fresh store holding these stories, linked."""
    from caravan.link.build import update_links

    def _make(stories: list[Story], name: str = "links") -> Database:
        db = Database(tmp_path / f"{name}.db")
        store_stories(db, stories)
        update_links(db)
        return db

    return _make


def by_label(movements: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {m["label"]: m for m in movements}
