"""Count reconciliation: every size reported for a movement, with its source, and a reconciled view per day.

No figure is dropped: each report keeps its outlet(s), speaker, channel, article and quote. A story (an
original and its syndicated copies) reports a figure once, however many outlets carry it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

from caravan.link.events import Canonical, Placed

NO_DATE = "undated"
# A figure above this is not the size of a group on the road (a misread population, budget or total): it is
# kept with its source, marked, and left out of the reconciled low, median and high.
MAX_GROUP_SIZE = 100_000
# what a figure counts when it names only some of the group ("*scores* walked along a highway"): kept, marked
# ``part``, and left out of the reconciled view of the group's size
PART_WORDS = frozenset({"scores", "dozens", "some", "many", "few", "several", "others", "most", "part"})


SIZE_FIELDS = (
    "low",
    "high",
    "source",
    "speaker",
    "channel",
    "article",
    "quote",
    "sentence",
    "what",
    "modality",
    "implausible",
    "part",
)


def size_reports(
    event: Canonical, leg_date: str | None, bound: bool = False, as_reported: bool = False
) -> list[dict[str, Any]]:
    """One report per story and figure of an event's mentions that give a size (``bound``: the date is the
    article date the figure was reported by, not the date of the event; ``as_reported``: the event is only
    planned or predicted, so its figure is the group's size when the article was written, dated by it: "thousands
    ... *plan to move on* to Mexico this weekend" counts thousands on the day of the report, not at the weekend)."""
    reports: dict[tuple[str, float, float | None], dict[str, Any]] = {}
    for placed in sorted(event.members, key=lambda p: (p.mention.article.id, p.mention.idx)):
        m = placed.mention
        if m.size_low is None:
            continue
        key = (m.article.story, m.size_low, m.size_high)
        date, is_bound = (m.article.reference, True) if as_reported else (leg_date, bound)
        reports.setdefault(key, _report(placed, event.id, date) | {"date_bound": is_bound})
    return list(reports.values())


def _report(placed: Placed, event_id: str, leg_date: str | None) -> dict[str, Any]:
    m = placed.mention
    return {
        "low": _number(m.size_low),
        "high": _number(m.size_high),
        "date": leg_date,
        "source": m.article.outlet or "the article",
        "outlets": m.article.outlets,
        "speaker": m.speaker,
        "channel": m.channel,
        "article": m.article.id,
        "story": m.article.story,
        "quote": m.quote,
        "sentence": m.sentence,
        "what": m.actor,
        "modality": m.modality,
        "event_id": event_id,
        "implausible": m.size_low > MAX_GROUP_SIZE if m.size_low is not None else False,
        "part": (m.actor or "").lower() in PART_WORDS,
    }


def _number(value: float | None) -> int | float | None:
    return int(value) if value is not None and float(value).is_integer() else value


def reconcile(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per date: lowest and highest figure, the median and the most-cited figure (when reports differ)."""
    by_date: dict[str, list[dict[str, Any]]] = {}
    for report in reports:
        by_date.setdefault(report["date"] or NO_DATE, []).append(report)
    return [_day(date, day) for date, day in sorted(by_date.items(), key=lambda kv: _date_key(kv[0]))]


def _day(date: str, reports: list[dict[str, Any]]) -> dict[str, Any]:
    usable = [r for r in reports if not r["implausible"] and not r["part"]]
    points = [_point(r) for r in usable]
    highs = [r["high"] for r in usable if r["high"] is not None]
    if any(r["high"] is None and r["low"] > max(highs, default=0) for r in usable):
        highs = []  # "at least 2,274" beside "200 to 999": the highest figure has no upper end
    cited = Counter((r["low"], r["high"]) for r in usable)
    top, top_n = cited.most_common(1)[0] if cited else ((None, None), 0)
    return {
        "date": None if date == NO_DATE else date,
        "date_bound": all(r["date_bound"] for r in reports),
        "low": min((r["low"] for r in usable), default=None),
        "median": statistics.median(points) if len(usable) > 1 else None,
        "high": max(highs) if highs else None,
        "most_cited": top[0] if top_n > 1 else None,
        "reports": len([r for r in reports if not r["part"]]),
        "sizes": [{k: r[k] for k in SIZE_FIELDS} for r in reports],
    }


def _point(report: dict[str, Any]) -> float:
    """One figure for a report: its number, or the middle of its range."""
    low, high = report["low"], report["high"]
    return low if high is None else (low + high) / 2


def _date_key(date: str) -> str:
    return "9999" if date == NO_DATE else date
