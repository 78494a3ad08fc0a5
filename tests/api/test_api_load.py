"""A short load test: concurrent clients read ``caravan serve`` over loopback while an ingest writes the store
(the long run, 50 clients for 30 seconds, is ``bench/load_serve.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from loadgen import run_load

from caravan.store import Database


@pytest.mark.model
def test_api_serves_concurrent_readers_without_error_while_an_ingest_writes(api_store: Path, tmp_path: Path):
    db = tmp_path / "caravan.db"
    shutil.copy(api_store, db)
    before = Database(db).counts()["articles"]
    result = run_load(db, clients=8, seconds=3.0, log=tmp_path / "serve.log")
    assert result.errors == [], result.errors[:5]
    assert result.requests > 8 and result.written > 0
    assert Database(db).counts()["articles"] == before + result.written
