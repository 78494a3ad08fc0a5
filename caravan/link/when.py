"""When and where a mention happened, as linking compares them: date spans by precision, distances by place."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

BOUND_DAYS = 7  # an event with no date of its own is placed in the week before its article's date when needed
VAGUE_DAYS = 14  # an interval longer than this ("in October", "this year") does not place an event in time
EARTH_KM = 6371.0
# How far apart two reports of one place may resolve, by the coarser place precision (km).
PLACE_SLACK_KM = {"city": 30.0, "border": 60.0, "admin": 250.0, "region": 800.0}


@dataclass(frozen=True)
class Span:
    """A date span: ``day``, ``interval`` (own dates), ``bound`` (on or before ``hi``) or ``vague``."""

    lo: dt.date
    hi: dt.date
    kind: str

    @property
    def label(self) -> str | None:
        """The date as written out: a day, an interval ``a/b``, or None for a bound or a vague date."""
        if self.kind == "day":
            return self.lo.isoformat()
        if self.kind == "interval":
            return f"{self.lo.isoformat()}/{self.hi.isoformat()}"
        return None

    @property
    def own(self) -> bool:
        return self.kind in ("day", "interval")


def parse_span(value: str | None, bound: str | None) -> Span | None:
    """The span of a mention's own date (day or interval), else its article's date as an upper bound."""
    ref = _day(bound)
    if value:
        lo, _, hi = value.partition("/")
        start, end = _day(lo), _day(hi or lo)
        if start and end:
            if (end - start).days <= VAGUE_DAYS:
                return Span(start, end, "day" if start == end else "interval")
            if ref is None or end < ref - dt.timedelta(days=BOUND_DAYS):
                return Span(start, end, "vague")
    return Span(ref, ref, "bound") if ref else None


def gap_days(a: Span, b: Span) -> int:
    """Days between two spans (0 when they overlap); a bound is its last day."""
    return max(0, (b.lo - a.hi).days, (a.lo - b.hi).days)


def _day(text: str | None) -> dt.date | None:
    if not text or len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def slack_km(*precisions: str) -> float:
    """How far apart two resolved places may be and still be one place, by the coarser precision."""
    return max(PLACE_SLACK_KM.get(p, PLACE_SLACK_KM["city"]) for p in precisions)
