"""Movements: one group followed over time, from the canonical events it does or that are done to it.

A movement grows in date order. A canonical event joins the movement whose group description does not tell it
apart (ordinal, "new") and which it continues in time (within ``MAX_GAP_DAYS`` of it, no more than
``MAX_SPAN_DAYS`` from its start) and in space (reachable from the nearest leg in time at ``MAX_SPEED_KM_DAY``).
An event with no date of its own happened on or before its article's date: when it names a place the movement
already passed, it is that leg told again, as is one told of a past month where one movement then was. Only a
move starts a movement; what is done to a group joins one.
Every join keeps its reason, shown by ``caravan movement ID --explain``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from caravan.datafiles import DATA_DIR, read_rows
from caravan.link.events import Canonical
from caravan.link.geography import Geography
from caravan.link.groups import DONE_TO_TYPES, MOVE_TYPES
from caravan.link.records import Mention
from caravan.link.when import BOUND_DAYS, Span, distance_km, gap_days, slack_km

MIGRATION_FILE = DATA_DIR / "link" / "migration_words.txt"
MAX_GAP_DAYS = 30  # longest silence within one movement: a later group on the same road is another movement
MAX_SPAN_DAYS = 120  # longest a caravan is followed from its first leg
MAX_SPEED_KM_DAY = 500  # a day by bus; on foot and hitchhiking caravans make 30-100 km
COUNTRY_KM_DAY = 150  # a caravan's pace, for a move into the next country told of the country alone
NEW_DEPARTURE_DAYS = 7  # a departure dated this long after a movement began starts another group
FRESH_DAYS = 10  # "a new caravan" cannot be one that began this long before
FEW_PEOPLE = 10  # a detention or return of fewer people is done to some migrants, not to a caravan
DONE_TO_DAYS = 3  # a block, detention or return at a movement's place this close in time is the group's
NEAR_KM = 100  # a day's walk: a caravan named as stopped this near one of its legs, in those days, is there
UNDATED_MIN_PLACES = 2  # located places an undated report must share with one dated movement to join it
BORDER_DAYS = 2  # a country-level move this many days on may be one more border away ("crossed into Mexico"
# told four days after leaving Honduras: Guatemala lies between)
MAX_BORDERS = 3  # the most borders a country-level move may lie beyond the movement's last country
EARLY_REPORT_DAYS = 3  # a report this long before a movement's first leg tells, undated, of what happened before it
RECALLS = "recalls the leg at"  # the reason an undated event gives for joining the leg it tells again
PART_DAYS = 1  # one report placing the group in two towns this close in time tells of parts of it
REFINE_DAYS = 2  # a country-level event this close in time to a town of its story, in that country, is there
INFERABLE = frozenset({"planned", "predicted"})  # a departure told so, then the group seen on the road: it left


@dataclass
class Joined:
    """A canonical event in a movement, with its span and why it belongs."""

    event: Canonical
    span: Span | None
    reason: str
    inferred: bool = False  # a planned move that later asserted legs show happened
    refined: Mention | None = None  # for an event in a country alone: the town its story gives for the group

    @property
    def where(self) -> Mention:
        """The mention whose place the leg shows: the event's, or the town it was refined to."""
        return self.refined or self.event.best.mention


@dataclass
class Track:
    """A movement while it is built; its time range, stories and ordinal kept up to date as events join."""

    events: list[Joined] = field(default_factory=list)
    planned: list[Joined] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None
    stories: set[str] = field(default_factory=set)
    ordinal: int | None = None

    @classmethod
    def start(cls, joined: Joined) -> Track:
        track = cls()
        track.add(joined)
        return track

    def add(self, joined: Joined) -> None:
        self.events.append(joined)
        self.stories |= joined.event.stories
        self.ordinal = self.ordinal or ordinal_of(joined.event)
        span = joined.span
        if span is not None and not joined.reason.startswith(RECALLS):  # a leg told again is no later report
            lo = span.lo if span.own else span.hi
            self.first = lo if self.first is None else min(self.first, lo)
            self.last = span.hi if self.last is None else max(self.last, span.hi)

    @property
    def id(self) -> str:
        anchor = min(m.mention.article.id + f":{m.mention.idx}" for j in self.events for m in j.event.members)
        return "m" + hashlib.sha1(anchor.encode()).hexdigest()[:10]


def ordinal_of(event: Canonical) -> int | None:
    counts = Counter(p.mention.group.ordinal for p in event.members if p.mention.group.ordinal)
    return counts.most_common(1)[0][0] if counts else None


def is_group_event(event: Canonical) -> bool:
    """A move or a thing done to a group, about a named group, placed at least in a country, not history."""
    best = event.best.mention
    span = event.span
    return (
        best.type in MOVE_TYPES | DONE_TO_TYPES
        and best.country is not None
        and any(p.mention.group.word for p in event.members)
        and (span is None or span.kind != "vague")
    )


def is_collective(track: Track) -> bool:
    """A movement is a group only when some report calls it one ("the caravan", "a group"), beyond "migrants"."""
    return any(p.mention.group.body for j in track.events for p in j.event.members)


def is_migration(track: Track) -> bool:
    """Some report of the movement says its people migrate (``migration_words.txt``: "migrants", "a caravan") or
    names them by their origin ("Hondurans", "families from Guatemala"); "thousands" marching in Chicago or
    "travelers" at an airport are no migrants' movement."""
    pattern = migration_pattern()
    return any(
        p.mention.group.origin or pattern.search(p.mention.sentence) for j in track.events for p in j.event.members
    )


@lru_cache(maxsize=1)
def migration_pattern() -> re.Pattern[str]:
    words = sorted((row[0] for row in read_rows(MIGRATION_FILE)), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")s?\b", re.IGNORECASE)


def is_in_motion(track: Track) -> bool:
    """Evidence of a group in motion: an asserted move at a named place. Moves told of a country alone ("the
    caravan headed for the US", a destination read as the place) say where a group is going as often as where
    it is; they extend a movement but do not make one."""
    return any(j.event.asserted and j.event.best.mention.type in MOVE_TYPES and j.where.place for j in track.events)


START_PRECISIONS = frozenset({"city", "border", "admin"})  # any move at a named place may start a movement
# Moves that may start a movement with only a country: a travel or an arrival "to the US" names where a group
# is headed as often as where it is.
COUNTRY_START_TYPES = frozenset({"depart", "cross", "gather"})


class MovementBuilder:
    """Builds movements from canonical events; the geography tells which countries border which."""

    def __init__(self, geography: Geography) -> None:
        self.geography = geography

    def build(self, events: list[Canonical]) -> list[Track]:
        """Movements from canonical events: asserted ones make the legs, planned or predicted moves attach after
        (what authorities only threaten or expect to do to the group is no move of it)."""
        candidates = sorted((e for e in events if is_group_event(e)), key=_order)
        tracks: list[Track] = []
        waiting = [e for e in candidates if e.asserted and not self._place_event(e, tracks)]
        for event in waiting:  # once more, for events told before the move that started their movement
            self._place_event(event, tracks, start=False)
        tracks = place_undated(tracks)
        for event in (e for e in candidates if not e.asserted and e.best.mention.type in MOVE_TYPES):
            best = self._best_fit(event, tracks, planned=True)
            if best is not None:
                best[0].planned.append(Joined(event, event.span, best[1]))
        for track in tracks:
            infer_origin(track)
            refine_places(track)
        tracks = [t for t in tracks if is_collective(t) and is_in_motion(t) and is_migration(t)]
        for event in sorted((e for e in events if is_told_of_a_past_month(e)), key=_order):
            recall_past(event, tracks)
        return tracks

    def _place_event(self, event: Canonical, tracks: list[Track], start: bool = True) -> bool:
        """Join the event to its best movement, or start one with it; False when it is left out."""
        best = self._best_fit(event, tracks)
        if best is not None:
            best[0].add(Joined(event, event.span, best[1]))
            return True
        if start and may_start(event) and not self._told_of_another(event, tracks):
            tracks.append(Track.start(Joined(event, event.span, "starts the movement: " + _describe(event))))
            return True
        return False

    def _told_of_another(self, event: Canonical, tracks: list[Track]) -> bool:
        """A move told of a country alone, in the days of a movement of the same group that it could not join (out
        of its reach): too little to start another movement ("the caravan crossed into the US" while the caravan
        is in southern Mexico is no second caravan)."""
        if event.best.mention.lat is not None or event.span is None:
            return False
        return any(_same_group(event, t) and _time_gap(event, t, event.span) is not None for t in tracks)

    def _best_fit(self, event: Canonical, tracks: list[Track], planned: bool = False) -> tuple[Track, str] | None:
        fits = []
        for position, track in enumerate(tracks):  # tracks start in a fixed order: ties go to the oldest
            fit = self.fit_track(event, track, planned)
            if fit is not None:
                fits.append((fit[0], fit[1], position, track, fit[2]))
        if not fits:
            return None
        best = min(fits, key=lambda f: f[:3])
        return best[3], best[4]

    def fit_track(self, event: Canonical, track: Track, planned: bool = False) -> tuple[int, float, str] | None:
        """(days apart, km apart, reason) when the event can belong to the movement; None when it cannot.

        A planned or predicted move is checked for group and time only: where a group means to go is ahead of it.
        """
        if not _same_group(event, track):
            return None
        span = event.span
        if span is None or track.first is None:
            shared = event.stories & track.stories
            return (0, 0.0, "same report, no date to place it in time") if shared else None
        if span.kind == "bound" and event.best.mention.lat is None and not _named_body(event):
            return None  # no date, no place and only "people" or "migrants": nothing ties it to this group
        if span.kind == "bound":
            recalled = _recalled_leg(event, track, span)
            if recalled is not None:
                return recalled
            if not planned and (track.first - span.hi).days > EARLY_REPORT_DAYS:
                return None  # an undated move told days before the group set out is not of this group
            span = Span(span.hi - dt.timedelta(days=BOUND_DAYS), span.hi, "bound")
        gap = _time_gap(event, track, span)
        if gap is None:
            return None
        if planned:
            return gap, 0.0, f"{event.best.mention.modality}, {gap} days from the movement's reports"
        if event.best.mention.type in DONE_TO_TYPES and not _tied_to_group(event, track, span):
            return None
        return self._in_reach(event, track, span, gap)

    def _in_reach(self, event: Canonical, track: Track, span: Span, gap: int) -> tuple[int, float, str] | None:
        """Space continuity: reachable from the nearest located leg in time, else a neighbouring country."""
        here = event.best.mention
        nearest = _nearest_located(track, span)
        if nearest and here.lat is not None and here.lon is not None:
            reached = []
            for there, days in nearest:  # legs at the same distance in time: the group may be at any of them
                km = distance_km(here.lat, here.lon, there.lat, there.lon)  # type: ignore[arg-type]
                allowed = MAX_SPEED_KM_DAY * max(days, 1) + slack_km(here.precision, there.precision)
                if km <= allowed:
                    reached.append((km, days, allowed, there))
            if reached:
                km, days, allowed, there = min(reached, key=lambda r: r[0])
                where = there.place or there.country
                return gap, km, f"{km:.0f} km in {days} days from {where} (at most {allowed:.0f} km)"
            part = _part_elsewhere(event, track, span)
            if part is None:
                return None
            km = distance_km(here.lat, here.lon, part.lat, part.lon)  # type: ignore[arg-type]
            where = part.place or part.country
            return gap, km, f"the same report puts part of the group at {where}, {km:.0f} km away, at the same time"
        near = _nearest(track, span, located=False)
        if near is None or here.country is None or not _about_the_group(event, track):
            return None
        there, days = near
        if here.country == there.country:
            return gap, 0.0, f"in {here.country}, {days} days from the movement there"
        borders = min(1 + days // BORDER_DAYS, MAX_BORDERS)
        hops = self._borders_between(there.country or "", here.country, borders)
        if (
            here.type in COUNTRY_START_TYPES
            and span.kind != "bound"
            and hops is not None
            and self._country_within_reach(nearest, here.country)
        ):
            verb = "crosses into" if here.type == "cross" else f"{here.type} in the next country,"
            beyond = "" if hops == 1 else f" ({hops} borders on)"
            return gap, 0.0, f"{verb} {here.country}{beyond}, {days} days from the movement in {there.country}"
        if any(j.event.best.mention.country == here.country and j.span and j.span.lo <= span.hi for j in track.events):
            return gap, 0.0, f"in {here.country}, where the movement was before"
        return None

    def _country_within_reach(self, nearest: list[tuple[Mention, int]], country: str) -> bool:
        """Whether the next country's towns are within reach, at a caravan's pace (``COUNTRY_KM_DAY``), of the
        movement's located leg nearest in time: Mexico borders the US, but a caravan in Guatemala has not "crossed
        into the US" three days later. A report of a country alone gives no town to measure a bus's pace against.
        ``nearest``: the located legs nearest in time, with the days apart (``_nearest_located``)."""
        if not nearest:
            return True
        for there, days in nearest:
            km = self.geography.km_to_country(there.lat, there.lon, country)  # type: ignore[arg-type]
            if km is None or km <= COUNTRY_KM_DAY * max(days, 1) + slack_km(there.precision, "city"):
                return True
        return False

    def _borders_between(self, start: str, goal: str, most: int) -> int | None:
        """How many borders lie between two countries, when at most ``most``; None when farther or unknown."""
        frontier, seen = {start}, {start}
        for hops in range(1, most + 1):
            frontier = {n for c in frontier for n in self.geography.neighbours(c)} - seen
            if goal in frontier:
                return hops
            seen |= frontier
        return None


def _tied_to_group(event: Canonical, track: Track, span: Span) -> bool:
    """What is done to someone is the movement's only when the group was there within ``DONE_TO_DAYS``: at the
    same place, or, when the sentence names a group as a body ("police stopped the caravan") done to more than a
    few people, within ``NEAR_KM`` of a located leg, or (told of a country alone) in that country. A detention of
    two migrants, or one in another region of a country the caravan is in, is not the caravan's."""
    here = event.best.mention
    named = _named_body(event) and not _few(event)
    for joined in track.events:
        if joined.span is None or gap_days(joined.span, span) > DONE_TO_DAYS or joined.reason.startswith(RECALLS):
            continue  # a leg told again later does not put the group there at the report's date
        there = joined.event.best.mention
        if _same_place(event, joined.event):
            return True
        if not named:
            continue
        if here.lat is None and there.country == here.country and there.type in MOVE_TYPES:
            return True
        if _within(here, there, NEAR_KM):
            return True
    return False


def _about_the_group(event: Canonical, track: Track) -> bool:
    """A report of a country alone is of the movement's group only when it says so: it calls the group a body
    ("the caravan crossed into the US"), gives the origin the movement's reports give ("migrants from Honduras"),
    or is a story that already tells of the movement."""
    if _named_body(event) or event.stories & track.stories:
        return True
    origins = {p.mention.group.origin for j in track.events for p in j.event.members} - {None}
    return any(p.mention.group.origin in origins for p in event.members)


def _within(a: Mention, b: Mention, km: float) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km + slack_km(a.precision, b.precision)


def _named_body(event: Canonical) -> bool:
    """Some report of the event calls the group a body: "the caravan", "a group", not only "migrants"."""
    return any(p.mention.group.body for p in event.members)


def _few(event: Canonical) -> bool:
    """Every size given for the event is below ``FEW_PEOPLE``: it was done to some people, not to a group."""
    sizes = [
        p.mention.size_high or p.mention.size_low
        for p in event.members
        if (p.mention.size_high or p.mention.size_low) is not None
    ]
    return bool(sizes) and all(size < FEW_PEOPLE for size in sizes)  # type: ignore[operator]


def infer_origin(track: Track) -> None:
    """A planned departure with its own date, on or before the movement's first leg and followed by its asserted
    legs, happened: the group is seen on the road after it. It becomes the movement's origin, marked inferred.
    Nothing is inferred when a departure is asserted for that time (the group's start is known)."""
    first = track.first
    if first is None or _departed_by(track, first):
        return
    plans = [
        j
        for j in track.planned
        if j.event.best.mention.type == "depart"
        and j.span is not None
        and j.span.own
        and j.span.hi <= first
        and j.event.best.mention.modality in INFERABLE
    ]
    if not plans:
        return
    plan = max(plans, key=lambda j: (j.span.hi, j.event.id))  # type: ignore[union-attr]
    track.planned.remove(plan)
    later = min((j.span.lo if j.span.own else j.span.hi) for j in track.events if j.span is not None)
    modality = plan.event.best.mention.modality
    track.add(
        Joined(
            plan.event,
            plan.span,
            f"inferred origin: told as {modality}, and the same group is reported on the road from {later.isoformat()}",
            inferred=True,
        )
    )


def refine_places(track: Track) -> None:
    """An event in a country alone takes the town that the same story gives for the group in that country within
    ``REFINE_DAYS`` (one town only: two towns at the same distance in time leave it at the country)."""
    located = [j for j in track.events if j.event.best.mention.lat is not None and _short(j.span)]
    for joined in track.events:
        here, span = joined.event.best.mention, joined.span
        if here.lat is not None or span is None or not _short(span):
            continue
        near = [
            (gap_days(span, j.span), j)
            for j in located
            if j.span is not None
            and j.event.best.mention.country == here.country
            and j.event.stories & joined.event.stories
            and gap_days(span, j.span) <= REFINE_DAYS
        ]
        if not near:
            continue
        closest = min(days for days, _ in near)
        towns = {j.event.best.mention.place: j for days, j in near if days == closest}
        if len(towns) != 1:
            continue
        (town,) = towns.values()
        joined.refined = town.event.best.mention
        joined.reason += (
            f"; placed at {joined.refined.place}: only {here.country} given, and the same report "
            f"puts the group there {closest} days apart"
        )


def _short(span: Span | None) -> bool:
    """An own date of a day or a few days: precise enough to say where a group was on it."""
    return span is not None and span.own and (span.hi - span.lo).days <= REFINE_DAYS


def _departed_by(track: Track, first: dt.date) -> bool:
    """An asserted departure with its own date within a day of the movement's first leg."""
    return any(
        j.event.best.mention.type == "depart" and j.span is not None and j.span.own and (j.span.lo - first).days <= 1
        for j in track.events
    )


def may_start(event: Canonical) -> bool:
    """A move told with its own date at a named place, or in a country by a departure, crossing or gathering;
    without its own date only a departure from a named place (an undated arrival or crossing in a dated report
    is often an earlier group's, and an undated move in a country says too little)."""
    m, span = event.best.mention, event.span
    if m.type not in MOVE_TYPES:
        return False
    own = span is None or span.own  # no span: a report with no date at all, kept to its own story
    if m.precision in START_PRECISIONS:
        return own or m.type == "depart"
    return own and m.type in COUNTRY_START_TYPES


def is_told_of_a_past_month(event: Canonical) -> bool:
    """An asserted move or thing done to a group named as a body, dated only by a month or season long past ("when
    the caravan reached the border in April", in an October report), placed at least in a country."""
    best, span = event.best.mention, event.span
    return (
        span is not None
        and span.kind == "vague"
        and event.asserted
        and best.type in MOVE_TYPES | DONE_TO_TYPES
        and best.country is not None
        and _named_body(event)
    )


def recall_past(event: Canonical, tracks: list[Track]) -> None:
    """An event told of a past month joins the one movement that was where it says (at its place, or in its
    country) in those days, as that movement's leg told again: it makes no leg and no date of its own. Two movements
    there then (two caravans reaching the same border in one month) leave it out."""
    span = event.span
    assert span is not None
    here = event.best.mention
    homes = []
    for track in tracks:
        if track.first is None or not _same_group(event, track):
            continue
        legs = [
            (j, j.span)
            for j in track.events
            if j.span is not None
            and (j.span.lo if j.span.own else j.span.hi) <= span.hi
            and span.lo <= j.span.hi
            and j.where.country == here.country
            and (here.lat is None or _same_place(event, j.event))
            and not j.reason.startswith(RECALLS)
        ]
        if legs:
            homes.append((track, legs))
    if len(homes) != 1:
        return
    track, legs = homes[0]
    same_type = [(j, s) for j, s in legs if j.event.best.mention.type == here.type]
    leg, leg_span = max(same_type or legs, key=lambda pair: (pair[1].hi, pair[1].lo))
    where = leg.where.place or leg.where.country
    month = span.lo.strftime("%B %Y") if span.lo.month == span.hi.month else f"{span.lo} to {span.hi}"
    when = leg_span.label or f"by {leg_span.hi.isoformat()}"
    reason = f"{RECALLS} {where} ({when}): told of {month}"
    track.add(Joined(event, leg_span, reason, refined=None if here.lat is not None else leg.where))


def place_undated(tracks: list[Track]) -> list[Track]:
    """A movement of one undated report joins the dated movement that holds all its places, when it names at
    least ``UNDATED_MIN_PLACES`` located places and exactly one dated movement holds them all."""
    dated = [t for t in tracks if t.first is not None]
    kept = []
    for track in tracks:
        home = _only_home(track, dated) if track.first is None else None
        if home is None:
            kept.append(track)
            continue
        places = ", ".join(sorted({j.event.best.mention.place or "" for j in track.events} - {""}))
        for joined in track.events:
            home.add(
                Joined(
                    joined.event,
                    joined.span,
                    f"undated report whose places ({places}) are all on this movement and on no other",
                )
            )
    return kept


def _only_home(track: Track, dated: list[Track]) -> Track | None:
    located = [j.event for j in track.events if j.event.best.mention.lat is not None]
    if len({e.best.mention.place for e in located}) < UNDATED_MIN_PLACES:
        return None
    homes = [t for t in dated if all(any(_same_place(e, j.event) for j in t.events) for e in located)]
    return homes[0] if len(homes) == 1 else None


def build_tracks(events: list[Canonical], geography: Geography) -> list[Track]:
    return MovementBuilder(geography).build(events)


def _order(event: Canonical) -> tuple[dt.date, str]:
    span = event.span
    return ((span.lo if span.own else span.hi) if span else dt.date.max, event.id)


def _same_group(event: Canonical, track: Track) -> bool:
    ordinal, other = ordinal_of(event), track.ordinal
    if ordinal and other and ordinal != other:
        return False
    fresh = any(p.mention.group.fresh for p in event.members)
    span, first = event.span, track.first
    return not (fresh and span and first and (span.lo - first).days > FRESH_DAYS)


def _recalled_leg(event: Canonical, track: Track, span: Span) -> tuple[int, float, str] | None:
    """An undated event at a place the movement was at before its article's date: that leg told again."""
    first, last = track.first, track.last
    if first is None or last is None or not first <= span.hi <= last + dt.timedelta(days=MAX_GAP_DAYS):
        return None
    for joined in track.events:
        other = joined.event.best.mention
        if joined.span and joined.span.lo <= span.hi and _same_place(event, joined.event):
            where = other.place or other.country
            return (
                0,
                0.0,
                f"{RECALLS} {where} ({joined.span.lo.isoformat()}): undated, reported by {span.hi.isoformat()}",
            )
    return None


def _same_place(a: Canonical, b: Canonical) -> bool:
    """Both at one located place (a country alone is too coarse to tell a recollection)."""
    ma, mb = a.best.mention, b.best.mention
    if ma.lat is None or mb.lat is None or ma.lon is None or mb.lon is None:
        return False
    return distance_km(ma.lat, ma.lon, mb.lat, mb.lon) <= slack_km(ma.precision, mb.precision)


def _time_gap(event: Canonical, track: Track, span: Span) -> int | None:
    """Days between the event and the movement's reports, None when too far or a new departure."""
    first, last = track.first, track.last
    if first is None or last is None:
        return None
    gap = max(0, (span.lo - last).days, (first - span.hi).days)
    if gap > MAX_GAP_DAYS or (span.hi - first).days > MAX_SPAN_DAYS:
        return None
    if (
        event.best.mention.type == "depart"
        and (span.lo - first).days > NEW_DEPARTURE_DAYS
        and _leaves_behind(event, track, span)
    ):
        return None
    return gap


def _leaves_behind(event: Canonical, track: Track, span: Span) -> bool:
    """A departure from where the movement set out, after it moved on: another group on the same road.

    A group leaves every town it reaches, so a departure from a town on its route is a stage of the journey.
    Only a place the group already departed from (its origin, told as left more than ``NEW_DEPARTURE_DAYS``
    before), or the place or country of its first day once the group is elsewhere, left again says that a
    second group set out."""
    here = event.best.mention
    cutoff = span.lo - dt.timedelta(days=NEW_DEPARTURE_DAYS)
    left = [j for j in track.events if j.span and j.span.hi < cutoff and j.event.best.mention.type == "depart"]
    if here.lat is not None and any(_same_place(event, j.event) for j in left):
        return True
    now = _latest_located(track, span)  # a country alone is weak evidence of where the group is now
    if not now or any(_same_place(event, j.event) for j in now):
        return False  # the group is where the departure is: it is leaving
    origin = _origin_events(track)
    if here.lat is not None and any(_same_place(event, j.event) for j in origin):
        return True
    return all(j.event.best.mention.country != here.country for j in now) and any(
        j.event.best.mention.country == here.country for j in origin
    )


def _origin_events(track: Track) -> list[Joined]:
    """The movement's first legs: those on its first day, where it set out."""
    first = track.first
    return [
        j
        for j in track.events
        if j.span is not None and first is not None and (j.span.lo if j.span.own else j.span.hi) <= first
    ]


def _latest_located(track: Track, span: Span) -> list[Joined]:
    """The movement's located legs nearest in time to the span: where the group is then."""
    located = [j for j in track.events if j.span is not None and j.event.best.mention.lat is not None]
    if not located:
        return []
    days = min(gap_days(j.span, span) for j in located)  # type: ignore[arg-type]
    return [j for j in located if gap_days(j.span, span) == days]  # type: ignore[arg-type]


def _nearest_located(track: Track, span: Span) -> list[tuple[Mention, int]]:
    """The movement's located mentions nearest in time to the span (all of those at that distance), with the days
    apart."""
    return [(j.event.best.mention, gap_days(j.span, span)) for j in _latest_located(track, span)]  # type: ignore[arg-type]


def _part_elsewhere(event: Canonical, track: Track, span: Span) -> Mention | None:
    """A located leg of the movement, on a day within ``PART_DAYS`` of the event's own day, that one of the event's
    stories reports: the report tells of parts of one group in two places at once ("dozens arrived in Tijuana ...
    another four busloads were making their way north from Hermosillo"), not of two groups (those it tells apart by
    an ordinal or "new", which ``_same_group`` reads)."""
    if span.kind != "day":
        return None  # only a day of its own says "at the same time"
    for joined in track.events:
        m = joined.event.best.mention
        if joined.span is None or joined.span.kind != "day" or m.lat is None or gap_days(joined.span, span) > PART_DAYS:
            continue
        if joined.event.stories & event.stories and joined.event.best.mention.type in MOVE_TYPES | {"block"}:
            return m
    return None


def _nearest(track: Track, span: Span, located: bool) -> tuple[Mention, int] | None:
    """The movement's mention nearest in time to the span (with coordinates, or with a country)."""
    best: tuple[int, Mention] | None = None
    for joined in track.events:
        m = joined.event.best.mention
        if joined.span is None or (m.lat is None if located else m.country is None):
            continue
        days = gap_days(joined.span, span)
        if best is None or days < best[0]:
            best = (days, m)
    return None if best is None else (best[1], best[0])


def _describe(event: Canonical) -> str:
    m = event.best.mention
    group = next((p.mention.group.description for p in event.members if p.mention.group.word), "a group")
    return f"{m.type} by {group} at {m.place or m.country}"
