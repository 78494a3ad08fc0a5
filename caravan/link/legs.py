"""A movement written out: legs (where and when the group was), planned moves, counts, status and label."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from caravan.datafiles import DATA_DIR, read_rows
from caravan.link.counts import SIZE_FIELDS, reconcile, size_reports
from caravan.link.geography import Geography
from caravan.link.groups import MOVE_TYPES
from caravan.link.movements import Joined, Track, ordinal_of
from caravan.link.when import Span, distance_km, slack_km

STATUS_FILE = DATA_DIR / "link" / "status.tsv"
STOP_TYPES = frozenset({"block", "detain", "force"})  # a group met by these at the end of its reports is stopped
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


@dataclass
class Leg:
    """Events at one place on one date (or under one article-date bound)."""

    joined: list[Joined] = field(default_factory=list)

    @property
    def head(self) -> Joined:
        """The event whose date the leg shows: the most precise own date (a day before the week holding it)."""
        dated = [j for j in self.joined if j.span is not None and j.span.own]
        return min(dated, key=lambda j: j.span.hi - j.span.lo) if dated else self.joined[0]  # type: ignore[union-attr]

    def date_key(self) -> tuple[str | None, str | None]:
        span = self.head.span
        if span is None:
            return None, None
        return span.label, (span.hi.isoformat() if span.kind == "bound" else None)

    def sort_key(self) -> tuple[dt.date, dt.date, str, int, str]:
        """By date (a day before a longer period that starts on it, so the better-dated leg leads), then (for one
        report's undated legs) by where the report tells them."""
        span = self.head.span
        first = min((p.mention for j in self.joined for p in j.event.members), key=lambda m: (m.article.id, m.idx))
        start = (span.lo if span.own else span.hi) if span else dt.date.max
        end = span.hi if span else dt.date.max
        return (start, end, first.article.id, first.idx, self.head.event.id)


def group_legs(joined: list[Joined]) -> list[Leg]:
    """Events grouped into legs: one date (or bound) and one place; an undated telling joins its dated leg."""
    legs: list[Leg] = []
    for item in sorted(joined, key=lambda j: Leg([j]).sort_key()):
        home = next((leg for leg in legs if _fits_leg(item, leg)), None)
        if home is None:
            legs.append(Leg([item]))
        else:
            home.joined.append(item)
    return sorted(legs, key=Leg.sort_key)


def _fits_leg(item: Joined, leg: Leg) -> bool:
    if not _same_place(item, leg.head):
        return False
    span, head = item.span, leg.head.span
    if span is None or head is None:
        return span is None and head is None
    if span.kind == "bound" and head.own:
        return head.lo <= span.hi and item.reason.startswith("recalls")
    if span.own and head.own and _one_story(item, leg) and (_holds_day(span, head) or _holds_day(head, span)):
        return True  # "left this week ... as the caravan crossed into Guatemala, where scores *walked*" and
        # "entered Guatemala on Wednesday" in the same story: the week's walk is Wednesday's leg
    return Leg([item]).date_key() == leg.date_key()


def _holds_day(wide: Span, day: Span) -> bool:
    return day.kind == "day" and wide.kind == "interval" and wide.lo <= day.lo <= wide.hi


def _one_story(item: Joined, leg: Leg) -> bool:
    stories = {p.mention.article.story for p in item.event.members}
    return any(p.mention.article.story in stories for j in leg.joined for p in j.event.members)


def _same_place(a: Joined, b: Joined) -> bool:
    ma, mb = a.where, b.where
    if ma.country != mb.country:
        return False
    if ma.lat is None or mb.lat is None or ma.lon is None or mb.lon is None:
        return ma.lat is None and mb.lat is None
    return distance_km(ma.lat, ma.lon, mb.lat, mb.lon) <= slack_km(ma.precision, mb.precision)


def leg_dict(leg: Leg, planned: bool = False) -> dict[str, Any]:
    """A leg written out; for a ``planned`` one, its sizes are counted when reported, not when planned."""
    date, bound = leg.date_key()
    place = min((j.where for j in leg.joined), key=lambda m: (m.lat is None, m.article.id, m.idx))
    sizes = [
        r
        for j in leg.joined
        for r in size_reports(j.event, date or bound, date is None and bound is not None, as_reported=planned)
    ]
    articles = sorted({p.mention.article.id for j in leg.joined for p in j.event.members})
    return {
        "date": date,
        "date_bound": bound,
        "place": place.place,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
        "event_ids": [j.event.id for j in leg.joined],
        "events": [
            {
                "id": j.event.id,
                "type": j.event.best.mention.type,
                "modality": "asserted" if j.event.asserted else j.event.best.mention.modality,
                "inferred": j.inferred,
                "stories": len(j.event.stories),
            }
            for j in leg.joined
        ],
        "inferred": all(j.inferred for j in leg.joined),
        "articles": articles,
        "outlets": sorted({o for j in leg.joined for p in j.event.members for o in p.mention.article.outlets}),
        "sizes": [{k: r[k] for k in SIZE_FIELDS} for r in sizes],
        "explain": [
            f"{j.event.id} {j.event.best.mention.type}: {j.reason}; group: {_group_words(j)}" for j in leg.joined
        ],
        "_reports": sizes,
    }


def _group_words(joined: Joined) -> str:
    words = Counter(p.mention.group.description for p in joined.event.members if p.mention.group.word)
    return ", ".join(f"'{w}'" for w, _ in words.most_common(3)) or "none named"


@lru_cache(maxsize=1)
def _status_words() -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1]) for row in read_rows(STATUS_FILE))


def status_of(legs: list[Leg]) -> str:
    """moving, stopped, dispersed, arrived or returned: read from the last stretch of the movement.

    The last stretch is the last leg with a date of its own and the legs known only by a later article date
    (they happened some time before it). A move reported on the last own date outweighs a roadblock met at
    some undated point.
    """
    if not legs:
        return "moving"
    stretch = _last_stretch(legs)
    sentences = " ".join(p.mention.sentence.lower() for leg in stretch for j in leg.joined for p in j.event.members)
    types = {j.event.best.mention.type for leg in stretch for j in leg.joined}
    if _returned(stretch[0]) if _has_own_date(legs) else "return" in types:
        return "returned"
    if any(word in sentences for word, _ in _status_words()):
        return "dispersed"
    if "arrive" in types:
        return "arrived"
    dated = stretch[0].head.span
    last_moves = {j.event.best.mention.type for j in stretch[0].joined} & MOVE_TYPES
    if (dated is not None and dated.own and last_moves) or (types & MOVE_TYPES and not _has_own_date(legs)):
        return "moving"  # with no dates to order its legs, a group reported moving is taken as moving
    return "stopped" if types & STOP_TYPES else "moving"


def _returned(last: Leg) -> bool:
    """The group went back: a return on the last leg with a date of its own, with no move told there. Some
    people going home at an undated point, as a later article tells it, say nothing of how the group ended."""
    types = {j.event.best.mention.type for j in last.joined}
    return "return" in types and not types & MOVE_TYPES


def _has_own_date(legs: list[Leg]) -> bool:
    return any(leg.head.span is not None and leg.head.span.own for leg in legs)


def _last_stretch(legs: list[Leg]) -> list[Leg]:
    """The last leg with its own date and the legs after it; every leg when none has a date of its own."""
    own = [i for i, leg in enumerate(legs) if leg.head.span is not None and leg.head.span.own]
    if not own:
        return legs
    return [leg for leg in legs[own[-1] :] if leg.head.span is not None]  # undated reports cannot be last


def label_of(track: Track, legs: list[Leg], first: str | None, geography: Geography) -> str:
    """ "caravan from San Pedro Sula (October 2018)": group word, where it began, when."""
    words = Counter(p.mention.group.body for j in track.events for p in j.event.members if p.mention.group.body)
    word = words.most_common(1)[0][0] if words else "group"
    ordinal = track.ordinal
    if ordinal and ordinal > 1:
        word = f"{ORDINALS.get(ordinal, str(ordinal))} {word}"
    origin = _origin(track, legs)
    how, start = origin if origin else ("from", None)
    if start and len(start) == 2 and start.isupper():
        start = geography.country_name(start)
    when = dt.date.fromisoformat(first[:10]).strftime("%B %Y") if first else "undated"
    return f"{word} {how} {start} ({when})" if start else f"{word} ({when})"


def _origin(track: Track, legs: list[Leg]) -> tuple[str, str | None] | None:
    """Where the group set out: a departure from a named place, else the origin most reports give ("caravan
    from Honduras"), else a departure from a named place that only a report with no date at all tells, else the
    earliest leg at a named place, else a departure's country, else the first leg; "at" where the place is not known
    to be a start."""
    mentions = [j.event.best.mention for leg in legs for j in leg.joined]
    placed = [(j.span is not None, j.event.best.mention) for leg in legs for j in leg.joined]
    named = [m for timed, m in placed if timed and m.type == "depart" and m.place]
    if named:
        return "from", named[0].place
    origins = Counter(p.mention.group.origin for j in track.events for p in j.event.members if p.mention.group.origin)
    if origins:
        return "from", origins.most_common(1)[0][0]
    named = [m for timed, m in placed if m.type == "depart" and m.place]  # told by a report with no date at all:
    if named:  # weaker than where the reports say the group comes from ("split from the caravan near X")
        return "from", named[0].place
    located = [m for m in mentions if m.place]
    departs = [m for m in mentions if m.type == "depart"]
    if not mentions:
        return None
    head = (located or departs or mentions)[0]
    return ("from" if head.type == "depart" else "at"), head.place or head.country


def origin_first(legs: list[Leg]) -> list[Leg]:
    """An undated departure from a named place, with no dated leg before it at that place, is where the
    group set out: it goes first, whatever the date of the article that told it."""
    for i, leg in enumerate(legs):
        m = leg.head.event.best.mention
        if m.type == "depart" and m.place:
            span = leg.head.span
            return [leg, *legs[:i], *legs[i + 1 :]] if span is not None and not span.own else legs
    return legs


def movement_dict(track: Track, geography: Geography) -> dict[str, Any]:
    """The JSON-ready movement: ``{id, label, status, first_seen, last_seen, legs, planned, counts, ...}``."""
    legs, planned = origin_first(group_legs(track.events)), group_legs(track.planned)
    leg_dicts, planned_dicts = [leg_dict(x) for x in legs], [leg_dict(x, planned=True) for x in planned]
    reports = [r for d in leg_dicts + planned_dicts for r in d.pop("_reports")]
    first, last = track.first, track.last
    first_seen = first.isoformat() if first else None
    return {
        "id": track.id,
        "label": label_of(track, legs, first_seen, geography),
        "status": status_of(legs),
        "first_seen": first_seen,
        "last_seen": last.isoformat() if last else None,
        "undated": first is None,
        "ordinal": track.ordinal,
        "stories": len(track.stories),
        "articles": sorted({p.mention.article.id for j in track.events for p in j.event.members}),
        "legs": leg_dicts,
        "planned": planned_dicts,
        "counts": reconcile(reports),
    }


def sort_movements(movements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(movements, key=lambda m: (m["first_seen"] or "9999", m["id"]))


__all__ = ["group_legs", "leg_dict", "movement_dict", "ordinal_of", "sort_movements", "status_of"]
