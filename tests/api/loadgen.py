"""Load on ``caravan serve`` over loopback: concurrent clients reading the API while an ingest writes the store.

Shared by the suite's short load test (``tests/api/test_api_load.py``) and ``bench/load_serve.py``. The server
and the writer are separate processes, as in production; the clients are threads of this one, each with its own
HTTP connection. Everything listens on and talks to 127.0.0.1 only, and every part stops at its deadline.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 60
REQUEST_TIMEOUT = 10.0
READ_PATHS = (
    "/api/articles?limit=20",
    "/api/events?limit=50",
    "/api/events/timeline",
    "/api/quotes?limit=50",
    "/api/places?limit=50",
    "/api/movements",
    "/api/articles?q=migrants",
    "/api/config",
    "/",
)
# The writer: a batch ingest of made-up articles (stand-in extractor: the load is on the store, not on spaCy),
# one small batch after another until its deadline.
WRITER = """
import sys, time
from caravan.batch import ingest_items
from caravan.model import Article, Record
from caravan.settings import Settings
from caravan.store import Database

def extract(article):
    return Record(id=article.id, language="en", published=article.published)

db_path, deadline, n = sys.argv[1], time.monotonic() + float(sys.argv[2]), 0
with Database(db_path) as db:
    while time.monotonic() < deadline:
        batch = [Article(id=f"load-{n + i}", text=f"Load test report {n + i}: families waited at shelter {n + i} "
                         f"while buses {n * 7 + i} left for the border town {i} at dawn.", source=f"load:{n + i}")
                 for i in range(5)]
        ingest_items(batch, db, Settings(db_path=db_path), extract=extract)
        n += 5
        time.sleep(0.02)
print(n)
"""


@dataclass
class LoadResult:
    """Latencies (seconds) of the answered requests, the errors met, and how many articles the writer stored."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    written: int = 0
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def python_env() -> dict[str, str]:
    paths = [str(ROOT), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """``caravan serve`` over ``db`` on a free loopback port; the process and its base URL once it answers."""
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from caravan.cli.main import main; main()",
        "serve",
        "--db",
        str(db),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT, env=python_env())
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"caravan serve exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/api/config", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"caravan serve did not answer within {START_SECONDS} s")


def client(url: str, deadline: float, offset: int, result: LoadResult, lock: threading.Lock) -> None:
    """One client: the read paths in turn (each client starting at another) until the deadline."""
    with httpx.Client(base_url=url, timeout=REQUEST_TIMEOUT) as http:
        n = offset
        while time.monotonic() < deadline:
            path = READ_PATHS[n % len(READ_PATHS)]
            started = time.perf_counter()
            try:
                status = http.get(path).status_code
                error = None if status == 200 else f"{path}: HTTP {status}"
            except httpx.HTTPError as exc:
                error = f"{path}: {type(exc).__name__} {exc}"
            with lock:
                if error:
                    result.errors.append(error)
                else:
                    result.latencies.append(time.perf_counter() - started)
            n += 1


def run_load(db: Path, clients: int, seconds: float, log: Path) -> LoadResult:
    """Serve ``db``, write to it from an ingest process and read it with ``clients`` clients for ``seconds``."""
    server, url = start_server(db, log)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=python_env(),
    )
    result, lock = LoadResult(), threading.Lock()
    started = time.monotonic()
    try:
        threads = [
            threading.Thread(target=client, args=(url, started + seconds, n, result, lock)) for n in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(seconds + 2 * REQUEST_TIMEOUT)
        out, err = writer.communicate(timeout=seconds + 60)
        if writer.returncode != 0:
            result.errors.append(f"writer failed: {err[-2000:]}")
        else:
            result.written = int(out.split()[-1])
    finally:
        writer.kill()
        server.terminate()
        server.wait(timeout=10)
    result.seconds = time.monotonic() - started
    return result
