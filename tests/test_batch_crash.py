"""Crash safety: an ingest killed with SIGKILL in the middle of a batch, then run again, stores every article once."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caravan.errors import StoreError
from caravan.store import Database

ROOT = Path(__file__).parent.parent
ARTICLES = 60
ITEMS = 300  # items per record: storing an article takes long enough that a kill often lands inside a transaction
# An ingest with a stand-in extractor (optionally slow) whose records hold many items.
INGEST = f"""
import sys, time
from caravan.batch import ingest
from caravan.model import Quantity, Record
from caravan.settings import Settings
from caravan.store import Database

def extract(article):
    time.sleep(float(sys.argv[3]))
    items = [Quantity(0, 5, low=n, high=n) for n in range({ITEMS})]
    return Record(id=article.id, language="en", published=article.published, quantities=items)

with Database(sys.argv[2]) as db:
    summary = ingest([sys.argv[1]], db, Settings(db_path=sys.argv[2]), extract=extract)
print(summary.counts)
"""
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "de", "po", "gu", "ze", "fa", "bi", "ho", "ja"]


def corpus(path: Path, count: int) -> list[str]:
    """A JSON Lines corpus of ``count`` articles of made-up words, none a near-duplicate of another."""
    rng = random.Random(7)
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            words = ["".join(rng.choices(SYLLABLES, k=3)) for _ in range(60)]
            ids.append(f"story-{n}")
            fh.write(json.dumps({"id": ids[-1], "text": " ".join(words) + "."}) + "\n")
    return ids


def stored(db_path: Path) -> int:
    try:
        return Database(db_path).counts()["articles"]
    except StoreError:  # not created or not migrated yet
        return 0


def run_ingest(source: Path, db_path: Path, pause: float) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen(
        [sys.executable, "-c", INGEST, str(source), str(db_path), str(pause)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(db_path: Path) -> str:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_batch_killed_mid_batch_and_rerun_stores_each_article_exactly_once(tmp_path: Path) -> None:
    source, db_path = tmp_path / "corpus.jsonl", tmp_path / "caravan.db"
    ids = corpus(source, ARTICLES)
    first = run_ingest(source, db_path, pause=0.0)
    deadline = time.monotonic() + 60
    while stored(db_path) < ARTICLES // 3 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=10)
    before = stored(db_path)
    assert first.returncode == -signal.SIGKILL and 0 < before < ARTICLES, "the kill must land mid-batch"
    assert integrity(db_path) == "ok"

    second = run_ingest(source, db_path, pause=0.0)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert integrity(db_path) == "ok"
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT id, hash FROM articles").fetchall()
        records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
        items = conn.execute("SELECT count(*) FROM quantities").fetchone()[0]
        failures = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
    assert sorted(i for i, _ in rows) == sorted(ids)  # every article, under its own id, once
    assert len({h for _, h in rows}) == ARTICLES and records == ARTICLES and failures == 0
    assert items == ARTICLES * ITEMS  # no article lost items to the kill
    assert f"<Outcome.ALREADY_STORED: 'already stored'>: {before}" in out
