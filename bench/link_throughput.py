"""Benchmark of linking against extraction: seconds to extract N articles, seconds to link them.

    .venv/bin/python bench/link_throughput.py --limit 300 --db /tmp/link-bench.db      # ingest, then link
    .venv/bin/python bench/link_throughput.py --db /tmp/link-bench.db --scale 1500      # link a store grown to 1,500

Reads ``../shared/corpus/immigration.jsonl.gz`` (third-party text, read at run time, never copied) through the
real ingest path into the store named by ``--db`` (extraction time is the pipeline's own time), then times a full
relink (``update_links(rebuild=True)``). ``--scale N`` copies the stored articles and records, with new ids and
dates shifted by a month per copy, until the store holds N articles, so the link step is timed at that size
without extracting N articles here.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import time
from pathlib import Path

from caravan.batch import ingest_items
from caravan.ingest import read_sources
from caravan.link.build import update_links
from caravan.model import Article, Record
from caravan.nlp.pipeline import Pipeline
from caravan.settings import load_settings
from caravan.store import Database

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "immigration.jsonl.gz"


def extract_into(db: Database, limit: int) -> tuple[int, float]:
    """Ingest the first ``limit`` corpus articles; (articles stored, pipeline seconds)."""
    settings = load_settings()
    pipeline = Pipeline(settings)
    spent = [0.0]

    def timed(article: Article) -> Record:
        started = time.perf_counter()
        try:
            return pipeline(article)
        finally:
            spent[0] += time.perf_counter() - started

    items = itertools.islice(read_sources([str(CORPUS)], settings), limit)
    summary = ingest_items(items, db, settings, extract=timed)
    return summary.items, spent[0]


def shift(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    parts = [(dt.date.fromisoformat(p[:10]) + dt.timedelta(days=days)).isoformat() for p in value.split("/")]
    return "/".join(parts)


def scale_to(db: Database, target: int) -> None:
    """Copy stored originals (new ids, text and dates shifted by 30 days per copy) until ``target`` articles."""
    originals = [(a, r) for a, r in zip(db.articles(), db.records(), strict=False) if not r.skipped]
    for copy in itertools.count(1):
        for article, record in originals:
            if db.counts()["articles"] >= target:
                return
            days = 30 * copy
            new_id = f"{article.id}-x{copy}"
            moved = dataclasses.replace(
                article, id=new_id, text=article.text + f"\n[copy {copy}]", published=shift(article.published, days)
            )
            events = [dataclasses.replace(e, date=shift(e.date, days)) for e in record.events]
            db.add_article(moved, dataclasses.replace(record, id=new_id, events=events, published=moved.published))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--limit", type=int, default=0, help="ingest this many corpus articles first")
    parser.add_argument("--scale", type=int, default=0, help="grow the store to this many articles by copies")
    args = parser.parse_args()
    db = Database(args.db)
    if args.limit:
        n, seconds = extract_into(db, args.limit)
        print(
            json.dumps(
                {
                    "extracted": n,
                    "extract_seconds": round(seconds, 1),
                    "extract_seconds_per_article": round(seconds / max(n, 1), 3),
                }
            )
        )
    if args.scale:
        scale_to(db, args.scale)
    started = time.perf_counter()
    summary = update_links(db, rebuild=True)
    print(
        json.dumps(
            {
                "articles": summary.articles,
                "mentions": summary.mentions,
                "events": summary.events,
                "movements": summary.movements,
                "link_seconds": round(time.perf_counter() - started, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
