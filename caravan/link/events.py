"""Canonical events: the mentions of one real event, across articles and outlets, merged by explicit rules.

Two mentions are one event when they agree on type, place (within a distance set by the coarser place
precision), date (within a window set by the date precision) and actor or group. Clusters are complete-linkage:
a mention joins an event only when it agrees with every mention already in it, so no chain of near matches
merges distinct events. Mentions are taken in a fixed order (date, article id, index), so the result does not
depend on the order articles were ingested in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from caravan.link.records import Mention
from caravan.link.when import Span, distance_km, gap_days, parse_span, slack_km
from caravan.store.speakers import fold

DAY_WINDOW = 1  # two day-dated mentions of one event may differ by this many days (time zones, late reports)
# How far apart the article dates of two undated mentions of one event may be, by place precision (days):
# a departure from a named city is recalled for weeks; "travelled in Mexico" says little beyond its week.
BOUND_WINDOW_DAYS = {"city": 45, "border": 45, "admin": 14, "region": 7, "country": 7, "none": 3}
ASSERTED = "asserted"
MAX_WINDOW_DAYS = max(BOUND_WINDOW_DAYS.values()) + DAY_WINDOW + 1  # no two mentions further apart can merge
RETIRE_EVERY = 200  # mentions between two sweeps of events too old to match


@dataclass
class Placed:
    """A mention with its date span worked out."""

    mention: Mention
    span: Span | None


@dataclass
class Canonical:
    """One real event: its mentions and the fields they agree on (read once its members are complete)."""

    members: list[Placed] = field(default_factory=list)
    latest: dt.date = dt.date.min  # the last day any member may have happened on (while clustering)

    @cached_property
    def anchor(self) -> Mention:
        """The mention the id derives from: stable while others join."""
        return min((p.mention for p in self.members), key=lambda m: (m.article.id, m.idx))

    @cached_property
    def id(self) -> str:
        anchor = self.anchor
        return "e" + hashlib.sha1(f"{anchor.article.id}:{anchor.idx}".encode()).hexdigest()[:10]

    @cached_property
    def asserted(self) -> bool:
        return any(p.mention.modality == ASSERTED for p in self.members)

    @cached_property
    def best(self) -> Placed:
        """The most precise mention: own date, then finest place."""
        rank = {"city": 0, "border": 1, "admin": 2, "region": 3, "country": 4, "none": 5}
        return min(
            self.members,
            key=lambda p: (
                not (p.span and p.span.own),
                rank.get(p.mention.precision, 5),
                p.mention.article.id,
                p.mention.idx,
            ),
        )

    @cached_property
    def span(self) -> Span | None:
        """An own date if any mention gives one (the most precise), else the tightest article-date bound."""
        own = [p.span for p in self.members if p.span and p.span.own]
        if own:
            return min(own, key=lambda s: ((s.hi - s.lo).days, s.lo))
        bounds = [p.span for p in self.members if p.span and p.span.kind == "bound"]
        if bounds:
            return min(bounds, key=lambda s: s.hi)
        vague = [p.span for p in self.members if p.span]
        return min(vague, key=lambda s: s.lo) if vague else None

    @cached_property
    def stories(self) -> set[str]:
        return {p.mention.article.story for p in self.members}


def place_mentions(mentions: list[Mention]) -> list[Placed]:
    """Mentions with their spans, in the fixed linking order."""
    placed = [Placed(m, parse_span(m.date, m.date_bound)) for m in mentions]
    return sorted(placed, key=_order)


def _order(p: Placed) -> tuple[Any, ...]:
    start = p.span.lo if p.span else dt.date.max
    return (start, p.mention.article.id, p.mention.idx)


def merge_mentions(mentions: list[Mention]) -> list[Canonical]:
    """Cluster mentions into canonical events (complete linkage within type and country).

    Mentions come in date order, so an event whose latest mention is further back than any window can match
    is retired from its bucket: the work stays proportional to the events of a few weeks, not of the store.
    """
    buckets: dict[tuple[str, str | None], list[Canonical]] = {}
    events: list[Canonical] = []
    for n, placed in enumerate(place_mentions(mentions)):
        if n % RETIRE_EVERY == 0 and placed.span is not None:
            _retire(buckets, placed.span.lo - dt.timedelta(days=MAX_WINDOW_DAYS))
        bucket = buckets.setdefault((placed.mention.type, placed.mention.country), [])
        home = next((c for c in bucket if all(same_event(placed, o) for o in c.members)), None)
        if home is None:
            home = Canonical()
            bucket.append(home)
            events.append(home)
        home.members.append(placed)
        home.latest = max(home.latest, placed.span.hi if placed.span else dt.date.max)
    return events


def _retire(buckets: dict[tuple[str, str | None], list[Canonical]], cutoff: dt.date) -> None:
    for key, bucket in buckets.items():
        buckets[key] = [c for c in bucket if c.latest >= cutoff]


def same_event(a: Placed, b: Placed) -> bool:
    """Whether two mentions report one event: type, place, date and actor or group agree."""
    ma, mb = a.mention, b.mention
    if ma.type != mb.type or ma.country != mb.country:
        return False
    if "none" in (ma.precision, mb.precision) and ma.article.story != mb.article.story:
        return False
    return same_place(ma, mb) and same_time(a, b) and same_actor(ma, mb)


def same_place(a: Mention, b: Mention) -> bool:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return True  # the same country (checked before), one of them no finer
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= slack_km(a.precision, b.precision)


def same_time(a: Placed, b: Placed) -> bool:
    if a.span is None or b.span is None:
        return a.mention.article.story == b.mention.article.story
    if "vague" in (a.span.kind, b.span.kind):
        return False
    if a.span.own and b.span.own:
        return gap_days(a.span, b.span) <= (DAY_WINDOW if a.span.kind == b.span.kind == "day" else 0)
    window = min(BOUND_WINDOW_DAYS.get(a.mention.precision, 3), BOUND_WINDOW_DAYS.get(b.mention.precision, 3))
    return bound_agrees(a.span, b.span, window)


def bound_agrees(a: Span, b: Span, window: int) -> bool:
    """An undated mention happened on or before its article's date: it agrees with a date not after that,
    and with another article date within ``window`` days."""
    for bound, other in ((a, b), (b, a)):
        if bound.kind == "bound" and other.own and other.lo > bound.hi:
            return False
    return abs((a.hi - b.hi).days) <= window


def same_actor(a: Mention, b: Mention) -> bool:
    """Groups must not be told apart (ordinal, "new"); other actors must share a head word when both given."""
    ga, gb = a.group, b.group
    if ga.ordinal and gb.ordinal and ga.ordinal != gb.ordinal:
        return False
    if ga.fresh != gb.fresh and ga.word and gb.word:
        return False
    if ga.in_actor or gb.in_actor or not a.actor or not b.actor:
        return True
    return fold(a.actor).split()[-1] == fold(b.actor).split()[-1]


def event_dict(event: Canonical) -> dict[str, Any]:
    """The JSON-ready canonical event: agreed fields, per-source modality, and every mention."""
    best, span = event.best.mention, event.span
    outlets = sorted({o for p in event.members for o in p.mention.article.outlets})
    modalities = Counter(p.mention.modality for p in event.members)
    return {
        "id": event.id,
        "type": best.type,
        "modality": ASSERTED if event.asserted else modalities.most_common(1)[0][0],
        "place": best.place,
        "country": best.country,
        "lat": best.lat,
        "lon": best.lon,
        "precision": best.precision,
        "date": span.label if span else None,
        "date_bound": span.hi.isoformat() if span and span.kind == "bound" else None,
        "group": _common([p.mention.group.description for p in event.members]),
        "actor": _common([p.mention.actor for p in event.members]),
        "stories": len(event.stories),
        "outlets": outlets,
        "modalities": _modalities(event),
        "mentions": [
            mention_dict(p) for p in sorted(event.members, key=lambda p: (p.mention.article.id, p.mention.idx))
        ],
    }


def _modalities(event: Canonical) -> list[dict[str, Any]]:
    """What each source says of the event: asserted, planned, predicted, negated or conditional."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for p in event.members:
        m = p.mention
        key = (m.article.story, m.modality)
        seen.setdefault(key, {"modality": m.modality, "article": m.article.id, "outlets": m.article.outlets})
    return list(seen.values())


def mention_dict(p: Placed) -> dict[str, Any]:
    m = p.mention
    return {
        "article": m.article.id,
        "idx": m.idx,
        "story": m.article.story,
        "outlet": m.article.outlet,
        "outlets": m.article.outlets,
        "published": m.article.published,
        "text": m.text,
        "sentence": m.sentence,
        "modality": m.modality,
        "actor": m.actor,
        "group": m.group.description,
        "place": m.place,
        "country": m.country,
        "date": m.date,
        "date_bound": m.date_bound,
        "size": [m.size_low, m.size_high] if m.size_low is not None else None,
        "speaker": m.speaker,
        "channel": m.channel,
        "quote": m.quote,
    }


def _common(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
