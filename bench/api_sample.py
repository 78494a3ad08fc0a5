"""API request latency on the sample store, SQLite and PostgreSQL (the medians quoted in docs/storage.md).

    .venv/bin/python bench/api_sample.py                    # both backends, 200 requests per route
    .venv/bin/python bench/api_sample.py --requests 50 --backend postgresql

The sample (``caravan/data/sample``) is ingested and linked by the real pipeline into a fresh SQLite file and,
for PostgreSQL, a throwaway cluster with PostGIS started as in the test suite (tests/conftest.py). Requests go
through the real FastAPI app (TestClient, in process), after a few warm-up requests: the map's events in a
bounding box, the timeline, and a full-text article search. Prints the median and p95 of each route and the
load average (the machine may be shared: compare runs made back to back).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from common import load_average

from caravan.api.app import create_app
from caravan.batch import ingest
from caravan.link.build import update_links
from caravan.nlp.pipeline import Pipeline
from caravan.settings import Settings
from caravan.store import open_database

SAMPLE = Path(__file__).resolve().parents[1] / "caravan" / "data" / "sample"
ROUTES = (
    ("events?bbox", "/api/events", {"bbox": "-120,0,-60,40"}),
    ("timeline", "/api/events/timeline", {}),
    ("articles?q", "/api/articles", {"q": "caravan"}),
)
WARM = 5


def fill(target: str, pipeline: Pipeline) -> None:
    settings = Settings(db_path=target)
    with open_database(target) as db:
        ingest([str(SAMPLE)], db, settings, extract=pipeline)
        update_links(db, settings=settings)


def measure(target: str, n: int) -> list[tuple[str, float, float]]:
    from fastapi.testclient import TestClient

    results = []
    with TestClient(create_app(Settings(db_path=target))) as client:
        for name, path, params in ROUTES:
            for _ in range(WARM):
                client.get(path, params=params).raise_for_status()
            times = []
            for _ in range(n):
                start = time.perf_counter()
                response = client.get(path, params=params)
                times.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
            p95 = statistics.quantiles(times, n=100, method="inclusive")[94]
            results.append((name, statistics.median(times), p95))
    return results


def main() -> None:
    from conftest import _start_cluster

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    options = parser.parse_args()
    backends = ("sqlite", "postgresql") if options.backend == "both" else (options.backend,)
    pipeline = Pipeline(Settings())
    with tempfile.TemporaryDirectory(prefix="caravan-sample-api-") as folder:
        for backend in backends:
            stop: list[str] = []
            root = Path(tempfile.mkdtemp(prefix="caravan-sample-api-pg-"))  # chowned to postgres: not in folder
            try:
                if backend == "sqlite":
                    target = str(Path(folder) / "caravan.db")
                else:
                    import psycopg

                    target, stop = _start_cluster(root)
                    with psycopg.connect(target, autocommit=True) as conn:
                        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
                fill(target, pipeline)
                for name, p50, p95 in measure(target, options.requests):
                    print(f"{backend:<11} {name:<12} median {p50:6.2f} ms   p95 {p95:6.2f} ms", flush=True)
            finally:
                if stop:
                    subprocess.run(stop, check=False, capture_output=True)
                shutil.rmtree(root, ignore_errors=True)
    print(f"{options.requests} requests per route after {WARM} warm-up requests, load {load_average()}")


if __name__ == "__main__":
    main()
