"""Load on ``caravan serve``: concurrent clients read the API over loopback while an ingest writes the store.

    .venv/bin/python bench/load_serve.py                     # 50 clients for 30 s over a fresh sample store
    .venv/bin/python bench/load_serve.py --clients 20 --seconds 10 --db caravan-sample.db

Without ``--db`` the bundled sample is ingested (and linked) into a temporary store first; with it, a copy of the
given store is served, never the store itself. The server, the writer (a batch ingest of made-up articles, one
small batch after another) and the clients all stop at the deadline; everything runs on 127.0.0.1. The last line
gives requests, errors, p50/p95/p99 latency and the articles the writer stored meanwhile.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "api"))
from loadgen import run_load

from caravan.batch import ingest
from caravan.link.build import update_links
from caravan.settings import load_settings
from caravan.store import Database

SAMPLE = Path(__file__).resolve().parents[1] / "caravan" / "data" / "sample"


def sample_store(path: Path) -> None:
    settings = load_settings(db_path=str(path))
    with Database(path) as db:
        ingest([str(SAMPLE)], db, settings)
        update_links(db, settings=settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--db", type=Path, help="a store to serve a copy of (default: the sample, ingested)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="caravan-load-") as folder:
        db = Path(folder) / "caravan.db"
        if options.db:
            shutil.copy(options.db, db)
        else:
            sample_store(db)
        result = run_load(db, options.clients, options.seconds, Path(folder) / "serve.log")
    for error in result.errors[:10]:
        print(f"error: {error}")
    ms = {p: result.percentile(p) * 1000 for p in (50, 95, 99)}
    print(
        f"{options.clients} clients for {result.seconds:.0f} s: {result.requests} requests "
        f"({result.requests / result.seconds:.0f}/s), errors: {len(result.errors)}, p50 {ms[50]:.0f} ms, "
        f"p95 {ms[95]:.0f} ms, p99 {ms[99]:.0f} ms, articles written meanwhile: {result.written}"
    )


if __name__ == "__main__":
    main()
