"""API latency of two versions of the code side by side, in alternating batches (fair on a machine shared by others).

    .venv/bin/python bench/api_compare.py /tmp/caravan-main .          # the sample store, 800 requests per route
    .venv/bin/python bench/api_compare.py /tmp/caravan-main . --events 20000 --rounds 10 --batch 10

Each argument is a source tree (a checkout or ``git archive`` of a commit; its ``caravan`` package is imported).
Each tree runs in its own process with its own stores, filled by its own code: the sample
(``caravan/data/sample``, ingested and linked by the pipeline) or, with ``--events``, bench/api_latency.py's
generated events. Both backends: a SQLite file, and a schema of one throwaway PostgreSQL cluster with PostGIS
(started as in the test suite). Requests go through the real FastAPI app (TestClient); the trees take turns,
``--batch`` requests of one route at a time, the order flipped every round, so load from other processes falls
on both alike. Prints the median wall and process CPU time of each route and tree, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "tests"))
sys.path.insert(0, str(BENCH))
SAMPLE = BENCH.parent / "caravan" / "data" / "sample"
BACKENDS = ("sqlite", "postgresql")


def sample_routes() -> dict[str, tuple[str, object]]:
    return {
        "events?bbox": ("/api/events", lambda rng: {"bbox": "-120,0,-60,40"}),
        "timeline": ("/api/events/timeline", lambda rng: {}),
        "articles?q": ("/api/articles", lambda rng: {"q": "caravan"}),
    }


def generated_routes() -> dict[str, tuple[str, object]]:
    import api_latency

    return {
        "map": ("/api/events", api_latency.map_params),
        "timeline": ("/api/events/timeline", api_latency.timeline_params),
    }


def worker(name: str, server: str, folder: str, events: int) -> None:
    """One tree's side: fill its stores, then answer 'backend route n seed' lines with n (wall, cpu) times."""
    import psycopg
    from fastapi.testclient import TestClient

    from caravan.api.app import create_app
    from caravan.settings import Settings

    schema = f"compare_{name}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    targets = {
        "sqlite": str(Path(folder) / f"{name}.db"),
        "postgresql": f"{server}?options=-csearch_path%3D{schema},public",
    }
    if events:
        import api_latency

        api_latency.fill_sqlite(Path(targets["sqlite"]), events)
        api_latency.fill_postgres(targets["postgresql"], events)
        routes = generated_routes()
    else:
        from caravan.batch import ingest
        from caravan.link.build import update_links
        from caravan.nlp.pipeline import Pipeline
        from caravan.store import open_database

        pipeline = Pipeline(Settings())
        for target in targets.values():
            with open_database(target) as db:
                ingest([str(SAMPLE)], db, Settings(db_path=target), extract=pipeline)
                update_links(db, settings=Settings(db_path=target))
        routes = sample_routes()
    clients = {b: TestClient(create_app(Settings(db_path=t))).__enter__() for b, t in targets.items()}
    for client in clients.values():  # warm: connections, caches, prepared statements
        for path, make in routes.values():
            rng = random.Random(0)
            for _ in range(5):
                client.get(path, params=make(rng)).raise_for_status()  # type: ignore[operator]
    print("ready", flush=True)
    for line in sys.stdin:
        backend, route, n, seed = line.split()
        path, make = routes[route]
        rng = random.Random(int(seed))
        times = []
        for _ in range(int(n)):
            params = make(rng)  # type: ignore[operator]
            wall, cpu = time.perf_counter(), time.process_time()
            clients[backend].get(path, params=params).raise_for_status()
            times.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
        print(json.dumps(times), flush=True)


def main() -> None:
    from common import load_average
    from conftest import _start_cluster

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs=2, type=Path, help="two source trees: the base, then the new code")
    parser.add_argument("--events", type=int, default=0, help="a generated store of N events instead of the sample")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--batch", type=int, default=20)
    options = parser.parse_args()
    names = ("base", "new")
    root = Path(tempfile.mkdtemp(prefix="caravan-compare-pg-"))
    server, stop = _start_cluster(root)
    try:
        import psycopg

        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        with tempfile.TemporaryDirectory(prefix="caravan-compare-") as folder:
            procs = {
                name: subprocess.Popen(
                    [sys.executable, __file__, "--worker", name, server, folder, str(options.events)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    text=True,
                    env=dict(os.environ, PYTHONPATH=str(tree.resolve())),
                )
                for name, tree in zip(names, options.trees, strict=True)
            }
            for name, proc in procs.items():
                if proc.stdout is None or proc.stdout.readline().strip() != "ready":
                    sys.exit(f"Error: the {name} worker did not start")
            routes = list(generated_routes() if options.events else sample_routes())
            times: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
            for r in range(options.rounds):
                for backend in BACKENDS:
                    for route in routes:
                        for name in names if r % 2 == 0 else names[::-1]:
                            proc = procs[name]
                            assert proc.stdin is not None and proc.stdout is not None
                            proc.stdin.write(f"{backend} {route} {options.batch} {r}\n")
                            proc.stdin.flush()
                            times.setdefault((backend, route, name), []).extend(json.loads(proc.stdout.readline()))
            for proc in procs.values():
                assert proc.stdin is not None
                proc.stdin.close()
                proc.wait()
    finally:
        subprocess.run(stop, check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
    print(f"{'backend':<12}{'route':<13}{'base ms':>9}{'new ms':>9}{'base cpu':>10}{'new cpu':>9}  (medians)")
    for backend in BACKENDS:
        for route in routes:
            base, new = times[(backend, route, "base")], times[(backend, route, "new")]
            row = [statistics.median(t[i] for t in side) for i in (0, 1) for side in (base, new)]
            print(f"{backend:<12}{route:<13}{row[0]:>9.2f}{row[1]:>9.2f}{row[2]:>10.2f}{row[3]:>9.2f}")
    store = f"{options.events:,} generated events" if options.events else "the sample store"
    print(f"{options.rounds * options.batch} requests per route and tree on {store}, load {load_average()}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        main()
