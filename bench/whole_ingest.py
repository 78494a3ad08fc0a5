"""Benchmark 3: the whole ingest (read, dedupe, extract, store, link) of the corpus (goal: < 300 s for 1,501).

    .venv/bin/python bench/whole_ingest.py --workers 2            # all 1,501 articles
    .venv/bin/python bench/whole_ingest.py --workers 2 --limit 300  # a subset, extrapolated to the corpus

Runs what ``caravan ingest CORPUS --workers N`` runs, into a fresh store; with ``--limit`` the time is
scaled to the corpus size linearly (say so when quoting it).
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
import time
from pathlib import Path

from common import CORPUS, corpus_articles, load_average, write_jsonl

from caravan.batch import ingest
from caravan.link.build import update_links
from caravan.settings import load_settings
from caravan.store import Database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles, extrapolated")
    parser.add_argument("--workers", type=int, default=2, help="pipeline processes (default: %(default)s)")
    args = parser.parse_args()
    with gzip.open(CORPUS, "rt") as fh:
        total = sum(1 for _ in fh)
    with tempfile.TemporaryDirectory() as tmp:
        source = CORPUS if args.limit is None else write_jsonl(corpus_articles(args.limit), Path(tmp) / "in.jsonl")
        settings = load_settings(db_path=str(Path(tmp) / "bench.db"))
        started = time.perf_counter()
        with Database(settings.db_path) as db:
            summary = ingest([str(source)], db, settings, workers=args.workers)
            linked = time.perf_counter()
            update_links(db, settings=settings)
        seconds = time.perf_counter() - started
    n = summary.items
    print(f"items: {n}   workers: {args.workers}   (load average {load_average()})")
    print(f"ingest {linked - started:.1f} s + link {seconds - (linked - started):.1f} s = {seconds:.1f} s")
    scaled = seconds * total / n
    note = "" if n >= total else f" (extrapolated from {n})"
    print(f"whole ingest of {total} articles, seconds{note}: {scaled:.0f}")


if __name__ == "__main__":
    main()
