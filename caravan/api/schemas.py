"""The API's request and response bodies (pydantic), which also make its OpenAPI description."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

T = TypeVar("T")


class Paged(BaseModel, Generic[T]):
    """One page of a list: its items, the number of items in all, and the offset of the next page (if any)."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    duplicate_of: str | None
    skipped: str | None
    snippet: str | None = Field(None, description="With q: the matched words in [brackets] with their context.")
    quotes: int
    places: int
    quantities: int
    dates: int
    events: int


class ArticleDetail(BaseModel):
    """One article: its metadata, its text exactly as stored, and every span extracted from it (caravan/1)."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    duplicate_of: str | None
    skipped: str | None
    source: str | None
    ingested_at: str
    text: str
    record: dict[str, Any] | None = Field(
        description="The caravan/1 record: quotes, places, quantities, dates, "
        "events and boilerplate, each with its character span."
    )


class EventMention(BaseModel):
    """An event as one article reports it: the trigger's span and text, its arguments, and its article."""

    article_id: str
    idx: int
    start: int
    end: int
    text: str
    type: str
    modality: str
    actor: str | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    date: str | None
    size_low: float | None
    size_high: float | None
    amount: float | None
    quote: int | None
    day: str | None = Field(description="The event's date (first day of an interval), else its article's date.")
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    before: str = Field(description="Article text just before the trigger.")
    after: str = Field(description="Article text just after the trigger.")


class TimelineCount(BaseModel):
    day: str
    type: str
    n: int


class QuoteOut(BaseModel):
    article_id: str
    idx: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = Field(description="The speaker's normalised name, one per person across articles.")
    speaker_as_written: str | None
    role: str | None
    channel: str | None
    via: str | None


class PlaceMention(BaseModel):
    article_id: str
    idx: int
    start: int
    end: int
    text: str
    name: str
    feature: str
    country: str | None
    countries: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    outlet: str | None
    published: str | None


class PlaceGroup(BaseModel):
    name: str
    feature: str
    country: str | None
    countries: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    mentions: int
    articles: int


class Movement(BaseModel):
    """A group followed over time: legs by day and place (with their events, articles and reported sizes),
    planned moves, and the reconciled size per day with every report behind it (see docs/linking.md)."""

    model_config = ConfigDict(extra="allow")
    id: str
    label: str | None = None
    status: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    articles: list[str] = []
    legs: list[dict[str, Any]] = []
    planned: list[dict[str, Any]] = []
    counts: list[dict[str, Any]] = []


class CanonicalEvent(BaseModel):
    """One real event as many reports tell it: its type, place and date, and every mention (see docs/linking.md)."""

    model_config = ConfigDict(extra="allow")
    id: str
    type: str
    modality: str | None = None
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    date_bound: str | None = None
    outlets: list[str] = []
    mentions: list[dict[str, Any]] = []


class ArticleIn(BaseModel):
    """An article to add: its text (with optional metadata), or a URL to fetch (http/https, public hosts only)."""

    text: str | None = Field(None, description="The article's text.")
    url: str | None = Field(None, description="A URL to fetch instead of text (a page, a feed, JSON Lines, WARC).")
    id: str | None = Field(None, description="Id to store the article under (default: from its text's hash).")
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, ISO (YYYY-MM-DD)."
    )

    @model_validator(mode="after")
    def one_source(self) -> ArticleIn:
        if (self.text is None) == (self.url is None):
            raise ValueError("give exactly one of text and url")
        if self.text is not None and not self.text.strip():
            raise ValueError("text is empty")
        return self


class Added(BaseModel):
    """What became of one article: new, skipped, near-duplicate, already stored or failed (with why)."""

    id: str | None
    item: str
    outcome: str
    reason: str | None = None


class AddedList(BaseModel):
    items: list[Added]
