"""API latency of the map and timeline queries on a generated store of N events, SQLite and PostgreSQL (benchmark 6).

    .venv/bin/python bench/api_latency.py                        # 1,000,000 events, both backends
    .venv/bin/python bench/api_latency.py --events 100000 --requests 100 --backend sqlite

The store is made-up data written straight into the store's tables (schema and indexes from its own migrations):
N/20 articles with a record each, N events of every type over three years, most placed over Mexico, Central
America and the US, some without coordinates. The requests go through the real FastAPI app (TestClient, in
process): the map query as the page issues it (``/api/events`` with types, dates and a page of 1000, here inside
a bounding box too) and the timeline (``/api/events/timeline``, the page's filters without the dates). PostgreSQL
is a throwaway cluster with PostGIS started as in the test suite (tests/conftest.py). The last line gives the
worst p95 against the goal (< 50 ms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from common import load_average

from caravan.api.app import create_app
from caravan.model import EVENT_TYPES, MODALITIES
from caravan.settings import Settings
from caravan.store import open_database
from caravan.store import queries as q

GOAL_MS = 50.0
START = dt.date(2022, 1, 1)
DAYS = 3 * 365
EVENTS_PER_ARTICLE = 20
# (lon, lat, spread in degrees, weight): where made-up events cluster; a fifth fall anywhere in the region
CLUSTERS = (
    (-99.1, 19.4, 1.5, 3),  # central Mexico
    (-106.4, 31.7, 1.0, 2),  # Ciudad Juárez / El Paso
    (-117.0, 32.5, 0.8, 2),  # Tijuana / San Diego
    (-92.1, 14.9, 0.8, 2),  # Tapachula
    (-87.2, 14.1, 1.0, 1),  # Honduras
    (-90.5, 14.6, 1.0, 1),  # Guatemala
    (-77.5, 8.5, 0.7, 1),  # Darién
    (-97.5, 26.0, 1.0, 2),  # lower Rio Grande
)
REGION = (-120.0, 7.0, -75.0, 36.0)  # west, south, east, north


def day(offset: int) -> str:
    return (START + dt.timedelta(days=offset)).isoformat()


def coordinates(rng: random.Random) -> tuple[float | None, float | None]:
    if rng.random() < 0.15:
        return None, None
    if rng.random() < 0.2:
        west, south, east, north = REGION
        return round(rng.uniform(south, north), 4), round(rng.uniform(west, east), 4)
    lon, lat, spread, _ = rng.choices(CLUSTERS, weights=[c[3] for c in CLUSTERS])[0]
    return round(rng.gauss(lat, spread), 4), round(rng.gauss(lon, spread), 4)


def articles(n_events: int, seed: int = 6) -> Iterator[tuple[tuple, tuple, list[tuple]]]:
    """(article row, record row, event rows) for each made-up article, in the store's column order."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for i in range(max(1, n_events // EVENTS_PER_ARTICLE)):
        aid, published = f"gen-{i}", rng.randrange(DAYS)
        text = f"Made-up report {i} for the latency benchmark. " * 8
        article = (aid, f"h{i}", f"https://example.invalid/{i}", f"Report {i}", "Bench", day(published), "en",
                   "bench", text, None, None, now)  # fmt: skip
        events = []
        for idx in range(EVENTS_PER_ARTICLE):
            lat, lon = coordinates(rng)
            date = day(max(0, published - rng.randrange(30))) if rng.random() < 0.8 else None
            kind = (rng.choice(EVENT_TYPES), rng.choice(MODALITIES))
            events.append((aid, idx, idx * 10, idx * 10 + 6, "report", *kind, None, None, "MX", lat, lon, date,
                           None, None, None, None))  # fmt: skip
        yield article, (aid, json.dumps({"id": aid, "events": []})), events


def chunks(n_events: int, size: int = 2000) -> Iterator[tuple[list[tuple], list[tuple], list[tuple]]]:
    batch: tuple[list[tuple], list[tuple], list[tuple]] = ([], [], [])
    for article, record, events in articles(n_events):
        batch[0].append(article)
        batch[1].append(record)
        batch[2].extend(events)
        if len(batch[0]) >= size:
            yield batch
            batch = ([], [], [])
    if batch[0]:
        yield batch


EVENT_INSERT = q.insert_sql("events", q.item_columns("events"))


def fill_sqlite(path: Path, n_events: int) -> None:
    db = open_database(path)
    conn = db.writer  # migrated on first use
    conn.execute("PRAGMA synchronous = OFF")
    for arts, recs, events in chunks(n_events):
        conn.execute("BEGIN")
        conn.executemany(q.INSERT_ARTICLE, arts)
        conn.executemany(q.INSERT_RECORD, recs)
        conn.executemany(EVENT_INSERT, events)
        conn.execute("COMMIT")
    conn.execute("ANALYZE")
    db.close()


def fill_postgres(url: str, n_events: int) -> None:
    db = open_database(url)
    raw = db.writer.raw  # type: ignore[attr-defined]  # migrated on first use
    tables = (
        ("articles", q.ARTICLE_COLUMNS),
        ("records", ("article_id", "json")),
        ("events", q.item_columns("events")),
    )
    for batch in chunks(n_events, 20000):
        with raw.transaction():
            cur = raw.cursor()
            for (table, columns), rows in zip(tables, batch, strict=True):
                names = ", ".join(f'"{c}"' for c in columns)
                with cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
    raw.execute("VACUUM ANALYZE")  # what autovacuum does to a table after many inserts: index-only scans need it
    db.close()


def map_params(rng: random.Random) -> dict[str, str]:
    """A bounding box of 2-15 degrees in the region, one to six months, maybe some types; a page of 1000."""
    west, south, east, north = REGION
    width, height = rng.uniform(2, 15), rng.uniform(2, 10)
    x, y = rng.uniform(west, east - width), rng.uniform(south, north - height)
    start = rng.randrange(DAYS - 180)
    params = {"bbox": f"{x:.3f},{y:.3f},{x + width:.3f},{y + height:.3f}", "since": day(start),
              "until": day(start + rng.randrange(30, 181)), "limit": "1000"}  # fmt: skip
    if rng.random() < 0.5:
        params["type"] = ",".join(rng.sample(EVENT_TYPES, rng.randint(1, 3)))
    return params


def timeline_params(rng: random.Random) -> dict[str, str]:
    """The page's timeline request: its filters without the dates (none, some types, a modality)."""
    params: dict[str, str] = {}
    if rng.random() < 0.5:
        params["type"] = ",".join(rng.sample(EVENT_TYPES, rng.randint(1, 3)))
    if rng.random() < 0.3:
        params["modality"] = rng.choice(MODALITIES)
    return params


def measure(db_path: str, path: str, make: Callable[[random.Random], dict[str, str]], n: int) -> list[float]:
    from fastapi.testclient import TestClient

    rng = random.Random(11)
    times = []
    with TestClient(create_app(Settings(db_path=db_path))) as client:
        client.get(path, params=make(rng))  # warm: connections, caches
        for _ in range(n):
            params = make(rng)
            start = time.perf_counter()
            response = client.get(path, params=params)
            times.append((time.perf_counter() - start) * 1000)
            response.raise_for_status()
    return times


def percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def postgres_url(root: Path) -> tuple[str, list[str]]:
    import psycopg
    from conftest import _start_cluster

    url, stop = _start_cluster(root)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    return url, stop


def main() -> None:
    import subprocess

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    options = parser.parse_args()
    backends = ("sqlite", "postgresql") if options.backend == "both" else (options.backend,)
    results = []
    with tempfile.TemporaryDirectory(prefix="caravan-latency-") as folder:
        for backend in backends:
            stop: list[str] = []
            if backend == "sqlite":
                target = str(Path(folder) / "caravan.db")
                fill = fill_sqlite
            else:
                root = Path(tempfile.mkdtemp(prefix="caravan-latency-pg-"))  # chowned to postgres: not in folder
                target, stop = postgres_url(root)
                fill = fill_postgres  # type: ignore[assignment]
            try:
                start = time.perf_counter()
                fill(target, options.events)  # type: ignore[arg-type]
                print(f"{backend}: {options.events:,} events generated in {time.perf_counter() - start:.0f} s")
                for name, path, make in (("map", "/api/events", map_params),
                                         ("timeline", "/api/events/timeline", timeline_params)):  # fmt: skip
                    times = measure(target, path, make, options.requests)
                    results.append((backend, name, percentile(times, 50), percentile(times, 95)))
                    print(f"  {name}: p50 {results[-1][2]:.0f} ms, p95 {results[-1][3]:.0f} ms", flush=True)
            finally:
                if stop:
                    subprocess.run(stop, check=False, capture_output=True)
                    shutil.rmtree(root, ignore_errors=True)
    print(f"\n{'backend':<12}{'query':<10}{'p50 ms':>8}{'p95 ms':>8}")
    for backend, name, p50, p95 in results:
        print(f"{backend:<12}{name:<10}{p50:>8.0f}{p95:>8.0f}")
    worst = max(results, key=lambda r: r[3])
    verdict = "met" if worst[3] < GOAL_MS else "missed"
    print(
        f"N={options.events:,} events, {options.requests} requests per query, load {load_average()}: "
        f"worst p95 {worst[3]:.0f} ms ({worst[0]} {worst[1]}), goal < {GOAL_MS:.0f} ms {verdict}"
    )


if __name__ == "__main__":
    main()
