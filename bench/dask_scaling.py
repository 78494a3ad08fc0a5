"""Benchmark 2: ingest on a local Dask cluster of 2 workers against 1 worker (goal: >= 1.8x).

    .venv/bin/python bench/dask_scaling.py --limit 120

Each cluster is started, its workers load the model (not timed), then the same articles are ingested into a
fresh store through ``caravan.batch.ingest_items`` with the cluster's client; the figure is wall time of 1
worker over wall time of 2. Meaningful only with 2 idle cores: the load average is printed with it.
"""

from __future__ import annotations

import argparse
import logging
import resource
import tempfile
import time
from pathlib import Path

import distributed
from common import corpus_articles, load_average

from caravan.batch import ingest_items
from caravan.cluster import extract_chunk
from caravan.model import Article
from caravan.settings import load_settings
from caravan.store import Database


def worker_cpu(client: distributed.Client) -> list[float]:
    """CPU seconds (user + system) each worker process has used so far."""
    usage = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF)[:2])
    return [u + s for u, s in usage.values()]


def timed_ingest(workers: int, articles: list[Article], tmp: Path, chunk: int) -> tuple[float, list[float]]:
    """Wall seconds of the ingest, and the CPU seconds each worker spent on it."""
    settings = load_settings(db_path=str(tmp / f"w{workers}.db"), dask_chunk=chunk)
    cluster = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.WARNING
    )
    with cluster, distributed.Client(cluster) as client:
        client.run(extract_chunk, settings, [Article(id="warm", text="Warm-up text for the model.")])
        cpu = worker_cpu(client)
        started = time.perf_counter()
        with Database(settings.db_path) as db:
            ingest_items(articles, db, settings, client=client)
        wall = time.perf_counter() - started
        return wall, [after - before for before, after in zip(cpu, worker_cpu(client), strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=120, help="articles of the corpus (default: %(default)s)")
    parser.add_argument("--chunk", type=int, default=8, help="articles per task (default: %(default)s)")
    args = parser.parse_args()
    logging.getLogger("distributed").setLevel(logging.WARNING)
    articles = corpus_articles(args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        one, cpu1 = timed_ingest(1, articles, Path(tmp), args.chunk)
        two, cpu2 = timed_ingest(2, articles, Path(tmp), args.chunk)
    print(f"articles: {len(articles)}   (load average {load_average()})")
    print(f"1 worker: {one:.1f} s wall, worker CPU {' + '.join(f'{c:.1f}' for c in cpu1)} s")
    print(f"2 workers: {two:.1f} s wall, worker CPU {' + '.join(f'{c:.1f}' for c in cpu2)} s")
    print(f"speed-up on idle cores at most (1-worker CPU / busiest 2-worker CPU): {sum(cpu1) / max(cpu2):.2f}")
    print(f"speed-up 2 workers / 1: {one / two:.2f}")


if __name__ == "__main__":
    main()
