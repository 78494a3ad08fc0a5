"""The resolver's and the place finder's lookup indices give what a pass over every item gives."""

from __future__ import annotations

import random

from caravan.geo.mentions import SpanSet, overlaps
from caravan.geo.resolver import COHERENCE_KM, NearIndex, haversine_km


def scan_nearest(points: list[tuple[int, float, float]], lat: float, lon: float, start: int) -> float | None:
    """The old scan: the nearest point of another mention, if any."""
    others = [haversine_km(lat, lon, la, lo) for s, la, lo in points if s != start]
    return min(others) if others else None


def coherence_of(nearest: float | None) -> float:
    return 0.5 if nearest is None else 0.5 + 0.5 * max(0.0, 1.0 - nearest / COHERENCE_KM)


def test_near_index_gives_the_coherence_of_a_scan_over_every_point():
    rng = random.Random(3)
    towns = [(rng.uniform(10, 35), rng.uniform(-110, -80)) for _ in range(40)]  # Central America and Mexico
    towns += [(rng.uniform(-80, 80), rng.uniform(-180, 180)) for _ in range(20)] + [(89.9, 10.0), (-89.9, 170.0)]
    points = [(i * 10, *rng.choice(towns)) for i in range(300)]  # many mentions of the same towns
    index = NearIndex(points)
    for start, lat, lon in [*points[:80], (5, 19.4, -99.1), (7, 0.0, 179.9), (9, 60.0, -179.9)]:
        assert coherence_of(index.nearest_km(lat, lon, start)) == coherence_of(scan_nearest(points, lat, lon, start))


def test_near_index_skips_only_the_mention_itself():
    points = [(0, 14.9, -92.3), (10, 14.9, -92.3), (20, 15.5, -88.0)]  # one town named twice, another far off
    index = NearIndex(points)
    assert index.nearest_km(14.9, -92.3, 0) == 0.0  # the town's other mention
    alone = NearIndex([(0, 14.9, -92.3), (20, 15.5, -88.0)])
    assert alone.nearest_km(14.9, -92.3, 0) == haversine_km(14.9, -92.3, 15.5, -88.0)
    assert NearIndex([(0, 14.9, -92.3)]).nearest_km(14.9, -92.3, 0) is None


def test_span_set_overlaps_as_a_scan_over_every_span():
    rng = random.Random(5)
    spans = [(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 2000) for _ in range(200))] + [(100, 400)]
    found = SpanSet(spans)
    for start in range(0, 2100, 7):
        for length in (0, 1, 5, 63, 64, 65, 200):
            assert found.overlaps(start, start + length) == overlaps(start, start + length, spans)


def test_span_set_grows_with_add():
    found = SpanSet([(10, 20)])
    assert not found.overlaps(20, 30)
    found.add(25, 26)
    assert found.overlaps(20, 30) and found.overlaps(25, 25 + 1) and not found.overlaps(26, 90)
