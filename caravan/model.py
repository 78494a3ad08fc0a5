"""Record types: an Article in, a Record (quotes, places, quantities, dates, events) out, as caravan/1 JSON."""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

FORMAT = "caravan/1"

QuoteKind = Literal["direct", "indirect", "mixed"]
Feature = Literal["city", "admin", "country", "border", "region"]
EventType = Literal[
    "depart",
    "travel",
    "cross",
    "arrive",
    "gather",
    "block",
    "force",
    "detain",
    "return",
    "deploy",
    "policy",
    "aid",
    "meet",
]
Modality = Literal["asserted", "planned", "predicted", "negated", "conditional"]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
MODALITIES: tuple[str, ...] = get_args(Modality)


def content_hash(text: str) -> str:
    """Stable identity of an article's text: SHA-1 of its NFC form with whitespace collapsed."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article as read from a source: the text exactly as read, with its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date
    source: str | None = None  # where it was read from: path, URL, "file.jsonl:12"
    language: str | None = None

    @property
    def hash(self) -> str:
        return content_hash(self.text)


@dataclass
class Span:
    """A character span into the article's text."""

    start: int
    end: int


@dataclass
class Quote(Span):
    kind: QuoteKind = "direct"
    speaker: str | None = None
    speaker_role: str | None = None
    channel: str | None = None
    via: str | None = None


@dataclass
class Place(Span):
    name: str = ""
    feature: Feature = "city"
    country: str | None = None
    countries: list[str] | None = None  # borders only, sorted
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    score: float | None = None  # resolver confidence, 0..1 (not part of scoring)


@dataclass
class Quantity(Span):
    low: float | None = None
    high: float | None = None  # None: unbounded ("at least 2,274")
    unit: str = "people"
    what: str | None = None
    approximate: bool = False


@dataclass
class DateRef(Span):
    value: str = ""  # ISO day "2020-01-15" or interval "2020-01-13/2020-01-19"


@dataclass
class Event(Span):
    type: EventType = "travel"
    modality: Modality = "asserted"
    actor: str | None = None
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    size: list[float | None] | None = None
    amount: float | None = None
    quote: int | None = None


@dataclass
class Record:
    """Everything extracted from one article, in the caravan/1 format."""

    id: str
    language: str | None = None
    published: str | None = None
    boilerplate: list[Span] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skipped: str | None = None  # why the article was not processed (e.g. unsupported language)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": FORMAT, "id": self.id, "language": self.language, "published": self.published}
        for name in ITEM_TYPES:
            out[name] = [_item_dict(x) for x in getattr(self, name)]
        if self.skipped:
            out["skipped"] = self.skipped
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        items: dict[str, list[Any]] = {
            name: [_item_from(kind, x) for x in data.get(name, [])] for name, kind in ITEM_TYPES.items()
        }
        return cls(
            id=data["id"],
            language=data.get("language"),
            published=data.get("published"),
            skipped=data.get("skipped"),
            **items,
        )


ITEM_TYPES: dict[str, type] = {
    "boilerplate": Span,
    "quotes": Quote,
    "places": Place,
    "quantities": Quantity,
    "dates": DateRef,
    "events": Event,
}
T = TypeVar("T", bound="DataclassInstance")


def _item_dict(item: Any) -> dict[str, Any]:
    data = dataclasses.asdict(item)
    if isinstance(item, Place):
        if item.feature == "border":
            data.pop("country", None)
        else:
            data.pop("countries", None)
        data.pop("score", None)
    return data


def _item_from(kind: type[T], data: dict[str, Any]) -> T:
    names = {f.name for f in dataclasses.fields(kind)}
    return kind(**{k: v for k, v in data.items() if k in names})
