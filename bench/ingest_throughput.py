"""Benchmark of bulk ingest: articles per second and peak memory over the shared immigration corpus.

    .venv/bin/python bench/ingest_throughput.py --limit 100
    .venv/bin/python bench/ingest_throughput.py --store-only      # reading, dedupe and storing alone

Reads ``../shared/corpus/immigration.jsonl.gz`` (third-party text, read at run time, never copied) through the
real path (``read_sources`` → dedupe → pipeline → store) into a fresh store, and prints one line per figure.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from caravan.batch import Outcome, ingest_items
from caravan.ingest import read_sources
from caravan.model import Article, Record
from caravan.nlp.pipeline import Pipeline
from caravan.settings import load_settings
from caravan.store import Database

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "immigration.jsonl.gz"


class TimedPipeline:
    """The real pipeline, timing how long it runs (the rest of ingest is reading, dedupe and storing)."""

    def __init__(self, pipeline: Callable[[Article], Record]) -> None:
        self.pipeline = pipeline
        self.seconds = 0.0

    def __call__(self, article: Article) -> Record:
        started = time.perf_counter()
        try:
            return self.pipeline(article)
        finally:
            self.seconds += time.perf_counter() - started


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="ingest only the first N items (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSON Lines corpus (default: %(default)s)")
    parser.add_argument("--db", type=Path, default=None, help="store to write (default: a fresh temporary one)")
    parser.add_argument("--workers", type=int, default=1, help="pipeline processes (default: %(default)s)")
    parser.add_argument(
        "--store-only",
        action="store_true",
        help="skip the NLP pipeline (empty records): the cost of reading, dedupe and storing alone",
    )
    return parser.parse_args()


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process, or of its largest finished child (Linux: ru_maxrss in KiB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def empty_record(article: Article) -> Record:
    return Record(id=article.id, language=article.language, published=article.published)


def run(corpus: Path, db_path: Path, limit: int | None, store_only: bool, workers: int) -> None:
    settings = load_settings(db_path=str(db_path))
    extract: Callable[[Article], Record] | None
    if workers > 1:  # workers build their own pipelines; a timer cannot add up across processes
        extract = empty_record if store_only else None
    else:
        extract = TimedPipeline(empty_record if store_only else Pipeline(settings))
    items = itertools.islice(read_sources([str(corpus)], settings), limit)
    with Database(db_path) as db:
        summary = ingest_items(items, db, settings, extract=extract, progress=sys.stderr.isatty(), workers=workers)
        stored = db.counts()["articles"]
    c = summary.counts
    print(f"items:              {summary.items}")
    print(f"stored:             {stored} ({c[Outcome.NEAR_DUPLICATE]} near-duplicates, {c[Outcome.FAILED]} failed)")
    pipeline = f" (pipeline {extract.seconds:.1f})" if isinstance(extract, TimedPipeline) else ""
    print(f"seconds:            {summary.seconds:.1f}{pipeline}")
    print(f"workers:            {workers}")
    print(f"articles/second:    {summary.items / summary.seconds:.2f}")
    print(f"peak RSS:           {peak_rss_mib():.0f} MiB")
    if workers > 1:
        print(f"peak RSS, worker:   {peak_rss_mib(resource.RUSAGE_CHILDREN):.0f} MiB (largest worker process)")


def main() -> None:
    args = parse_args()
    if not args.corpus.is_file():
        sys.exit(f"Error: no corpus at {args.corpus}")
    if args.db is not None:
        run(args.corpus, args.db, args.limit, args.store_only, args.workers)
        return
    with tempfile.TemporaryDirectory() as tmp:
        run(args.corpus, Path(tmp) / "bench.db", args.limit, args.store_only, args.workers)


if __name__ == "__main__":
    main()
