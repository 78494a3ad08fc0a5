"""What a store holds, in a few numbers: articles, events by type and country, the most quoted speakers, places."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from caravan.store.database import Database

TOP = 10  # rows in each "most" list


@dataclass
class StoreSummary:
    """Counts of one store; lists are (name, count) pairs, largest first."""

    articles: int = 0
    processed: int = 0
    near_duplicates: int = 0
    skipped: int = 0
    failures: int = 0
    outlets: int = 0
    first_published: str | None = None
    last_published: str | None = None
    items: dict[str, int] = field(default_factory=dict)
    events_by_type: list[tuple[str, int, int]] = field(default_factory=list)  # (type, events, asserted)
    events_by_country: list[tuple[str, int]] = field(default_factory=list)
    speakers: list[tuple[str, int]] = field(default_factory=list)
    places: list[tuple[str, int]] = field(default_factory=list)
    movements: list[dict[str, Any]] = field(default_factory=list)  # from the linking stage, when given

    def to_dict(self) -> dict[str, Any]:
        return {
            k: ([list(x) for x in v] if isinstance(v, list) and k != "movements" else v)
            for k, v in self.__dict__.items()
        }


def summarise_store(db: Database, top: int = TOP, movements: list[dict[str, Any]] | None = None) -> StoreSummary:
    """The summary of a store; ``movements`` (``caravan.link.query.list_movements``) are passed through."""
    summary = StoreSummary(movements=movements or [])
    _count_articles(db, summary)
    counts = db.counts()
    summary.failures = counts["failures"]
    summary.items = {kind: counts[kind] for kind in ("quotes", "places", "quantities", "dates", "events")}
    _count_events(db, summary, top)
    speakers = Counter(row.speaker_name for row in db.quotes() if row.speaker_name)
    summary.speakers = speakers.most_common(top)
    places = Counter(row["name"] for row in db.item_rows("places") if row["lat"] is not None)
    summary.places = places.most_common(top)
    return summary


def _count_articles(db: Database, summary: StoreSummary) -> None:
    rows = list(db.article_rows())
    summary.articles = len(rows)
    summary.near_duplicates = sum(1 for r in rows if r["duplicate_of"])
    summary.skipped = sum(1 for r in rows if r["skipped"] and not r["duplicate_of"])
    summary.processed = sum(1 for r in rows if not r["skipped"])
    summary.outlets = len({r["outlet"] for r in rows if r["outlet"]})
    dates = sorted(r["published"] for r in rows if r["published"])
    summary.first_published, summary.last_published = (dates[0], dates[-1]) if dates else (None, None)


def _count_events(db: Database, summary: StoreSummary, top: int) -> None:
    rows = list(db.item_rows("events"))
    types = Counter(r["type"] for r in rows)
    asserted = Counter(r["type"] for r in rows if r["modality"] == "asserted")
    summary.events_by_type = [(t, n, asserted[t]) for t, n in types.most_common()]
    summary.events_by_country = Counter(r["country"] for r in rows if r["country"]).most_common(top)
