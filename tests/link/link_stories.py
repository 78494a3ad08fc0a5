"""Small multi-article sets for the linking tests: articles written by the team, their events stored directly."""

from __future__ import annotations

from dataclasses import dataclass, field

from caravan.model import Article, Event, Place, Quote, Record
from caravan.store import Database

# Route towns (general facts): name -> (country, lat, lon).
TOWNS = {
    "San Pedro Sula": ("HN", 15.506, -88.025),
    "Tecun Uman": ("GT", 14.678, -92.138),
    "Tapachula": ("MX", 14.906, -92.263),
    "Ciudad Hidalgo": ("MX", 14.679, -92.151),
    "Huixtla": ("MX", 15.139, -92.464),
    "Mexico City": ("MX", 19.433, -99.133),
    "Tijuana": ("MX", 32.525, -117.038),
    "Hermosillo": ("MX", 29.073, -110.956),
    "San Ysidro": ("US", 32.543, -117.030),
    "Esquipulas": ("GT", 14.563, -89.351),
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
    event_country: str | None = None  # a country the extractor gave the event that is not its town's


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
        if t.town and t.town in text:
            country, lat, lon = TOWNS[t.town]
            at = text.index(t.town)
            record.places.append(Place(at, at + len(t.town), name=t.town, country=country, lat=lat, lon=lon))
    return article, record


def _event(t: Told, start: int, record: Record) -> Event:
    country, lat, lon = TOWNS[t.town] if t.town else (t.country, None, None)
    quote = None
    if t.speaker:
        record.quotes.append(Quote(start, start + len(t.trigger), kind="indirect", speaker=t.speaker))
        quote = len(record.quotes) - 1
    return Event(
        start,
        start + len(t.trigger),
        type=t.type,
        modality=t.modality,
        actor=t.actor,
        place=t.town,
        country=t.event_country or country,
        lat=lat,
        lon=lon,
        date=t.date,
        size=t.size,
        quote=quote,
    )


def store_stories(db: Database, stories: list[Story]) -> None:
    for story in stories:
        article, record = record_of(story)
        if story.duplicate_of:
            record = Record(id=story.id, published=story.published, skipped="near-duplicate")
        db.add_article(article, record, duplicate_of=story.duplicate_of)


def october_caravan() -> list[Story]:
    """A caravan leaving San Pedro Sula, crossing Guatemala into Mexico and reaching Tapachula, told by three."""
    return [
        Story(
            "d1",
            "Daily One",
            "2018-10-14",
            [
                Told(
                    "Hundreds of migrants left San Pedro Sula on Saturday in a caravan.",
                    "left",
                    "depart",
                    actor="migrants",
                    town="San Pedro Sula",
                    date="2018-10-13",
                    size=[200, 999],
                )
            ],
        ),
        Story(
            "d2",
            "Wire Two",
            "2018-10-18",
            [
                Told(
                    "The caravan reached Esquipulas on Monday after walking through the night.",
                    "reached",
                    "arrive",
                    actor="caravan",
                    town="Esquipulas",
                    date="2018-10-15",
                ),
                Told(
                    "The group left San Pedro Sula last weekend.",
                    "left",
                    "depart",
                    actor="group",
                    town="San Pedro Sula",
                ),
            ],
        ),
        Story(
            "d3",
            "Paper Three",
            "2018-10-22",
            [
                Told(
                    "Thousands of migrants in the caravan crossed into Mexico at Ciudad Hidalgo on Friday.",
                    "crossed",
                    "cross",
                    actor="migrants",
                    town="Ciudad Hidalgo",
                    date="2018-10-19",
                    size=[1000, 9999],
                ),
                Told(
                    "On Sunday the caravan walked on to Tapachula.",
                    "walked",
                    "travel",
                    actor="caravan",
                    town="Tapachula",
                    date="2018-10-21",
                ),
                Told(
                    "Organisers said the caravan plans to head for Mexico City next week.",
                    "head for",
                    "travel",
                    actor="caravan",
                    town="Mexico City",
                    modality="planned",
                ),
            ],
        ),
    ]
