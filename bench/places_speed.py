"""Resolver speed: resolutions per second on one core, over names drawn from the gazetteer itself.

    .venv/bin/python bench/places_speed.py [--names N] [--per-doc K]

Each "document" is K mentions resolved together (two passes, with context); the lookup cache is cleared first
(cold) and then kept (warm, as across a batch of articles that repeat names).
"""

from __future__ import annotations

import argparse
import time

from caravan.geo.gazetteer import open_gazetteer
from caravan.geo.resolver import Mention, Resolver
from caravan.settings import load_settings

TARGET = 5000  # resolutions per second the issue asks for


def sample_names(gazetteer, count: int) -> list[str]:
    """Names of places spread over the whole gazetteer (every n-th place)."""
    total = gazetteer.db.execute("SELECT MAX(id) FROM places").fetchone()[0]
    step = max(1, total // count)
    rows = gazetteer.db.execute("SELECT name FROM places WHERE id % ? = 0 LIMIT ?", (step, count))
    return [name for (name,) in rows]


def measure(resolver: Resolver, names: list[str], per_doc: int) -> float:
    start = time.perf_counter()
    for i in range(0, len(names), per_doc):
        chunk = names[i : i + per_doc]
        resolver.resolve([Mention(j * 30, j * 30 + len(n), n) for j, n in enumerate(chunk)])
    return len(names) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=20000)
    parser.add_argument("--per-doc", type=int, default=20)
    args = parser.parse_args()
    settings = load_settings()
    gazetteer = open_gazetteer(settings)
    resolver = Resolver(gazetteer, settings.place_min_score)
    names = sample_names(gazetteer, args.names)
    gazetteer.lookup.cache_clear()
    cold = measure(resolver, names, args.per_doc)
    warm = measure(resolver, names, args.per_doc)
    print(f"{len(names)} names, {args.per_doc} per document")
    print(f"cold cache: {cold:,.0f} resolutions/s")
    print(f"warm cache: {warm:,.0f} resolutions/s")
    print(f"target {TARGET:,}/s: {'met' if cold >= TARGET else 'NOT met'} (cold)")


if __name__ == "__main__":
    main()
