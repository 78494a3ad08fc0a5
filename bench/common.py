"""Shared by the scale benchmarks: the corpus (third-party text read at run time, never copied) and timers."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from caravan.model import Article

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "immigration.jsonl.gz"


def corpus_articles(limit: int | None = None, path: Path = CORPUS, repeat: int = 1) -> list[Article]:
    """The first ``limit`` articles of the corpus; repeated ``repeat`` times with changed ids (``id~2`` ...)."""
    if not path.is_file():
        sys.exit(f"Error: no corpus at {path}")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, limit)]
    return [
        Article(
            id=f"{r['id']}~{n}" if n else r["id"],
            text=r["text"],
            title=r.get("title"),
            published=r.get("published"),
            language=r.get("language"),
        )
        for n in range(repeat)
        for r in rows
    ]


def write_jsonl(articles: list[Article], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text, "title": a.title, "published": a.published}) + "\n")
    return path


@dataclass
class Clock:
    """Wall and CPU seconds of this process (CPU time is fairer on a machine loaded by others)."""

    wall: float = 0.0
    cpu: float = 0.0

    def run(self, fn, *args):  # type: ignore[no-untyped-def]
        w, c = time.perf_counter(), time.process_time()
        try:
            return fn(*args)
        finally:
            self.wall += time.perf_counter() - w
            self.cpu += time.process_time() - c


def rss_mib() -> float:
    """Resident memory of this process now (Linux /proc)."""
    with open(f"/proc/{os.getpid()}/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def batches(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
