"""Linking the store: stories, canonical events and movements recomputed from the stored records.

The links are a pure function of the stored records (taken in a fixed order that does not depend on when an
article arrived), so the update after each ingest and a full rebuild give the same tables. An update is
skipped when no article was added since the last one.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from caravan.link.events import event_dict, merge_mentions
from caravan.link.geography import GazetteerGeography
from caravan.link.legs import movement_dict, sort_movements
from caravan.link.movements import build_tracks
from caravan.link.records import load_articles, load_mentions
from caravan.link.stories import find_stories
from caravan.link.tables import linked_fingerprint, save_links, store_fingerprint
from caravan.settings import Settings, load_settings
from caravan.store import Database

log = logging.getLogger(__name__)


@dataclass
class LinkSummary:
    """What one linking run did."""

    articles: int = 0
    stories: int = 0
    mentions: int = 0
    events: int = 0
    movements: int = 0
    seconds: float = 0.0
    skipped: bool = False  # nothing new since the last run

    def line(self) -> str:
        if self.skipped:
            return "links: up to date"
        return (
            f"links: {self.articles} articles in {self.stories} stories, {self.mentions} event mentions "
            f"in {self.events} canonical events, {self.movements} movements ({self.seconds:.2f}s)"
        )


def update_links(db: Database, *, rebuild: bool = False, settings: Settings | None = None) -> LinkSummary:
    """Relink the store when articles were added since the last run (always with ``rebuild``)."""
    started = time.perf_counter()
    conn = db.writer  # migrates the store when needed
    fingerprint = store_fingerprint(conn)
    if not rebuild and linked_fingerprint(conn) == fingerprint:
        return LinkSummary(skipped=True)
    with db.reader() as reader:
        articles = load_articles(reader)
        stories = find_stories(articles)
        mentions = load_mentions(reader, articles)
    canonical = merge_mentions(mentions)
    events = sorted((event_dict(e) for e in canonical), key=lambda e: (e["date"] or e["date_bound"] or "9999", e["id"]))
    geography = GazetteerGeography(settings or load_settings())
    movements = sort_movements([movement_dict(t, geography) for t in build_tracks(canonical, geography)])
    save_links(db, stories, events, movements, fingerprint)
    summary = LinkSummary(
        len(articles),
        len(set(stories.values())),
        len(mentions),
        len(events),
        len(movements),
        time.perf_counter() - started,
    )
    log.info("%s", summary.line())
    return summary
