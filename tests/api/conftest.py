"""Fixtures for API tests: the app over the shared read-only store, and over a private copy for writes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from caravan.api import create_app
from caravan.nlp.pipeline import Pipeline
from caravan.settings import Settings

TOKEN = "test-token-2f9c"
ARTICLES = Path(__file__).parent.parent / "data" / "api" / "articles.jsonl"
STORED = len(ARTICLES.read_text(encoding="utf-8").splitlines())  # articles in the shared store


@pytest.fixture(scope="session")
def stored() -> int:
    """How many articles the shared store holds."""
    return STORED


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, api_store: Path) -> Iterator[TestClient]:
    """The app over the shared store, once in SQLite and once in PostgreSQL; it must not write (no token is set)."""
    target = str(api_store) if request.param == "sqlite" else request.getfixturevalue("postgres_api_store")
    with TestClient(create_app(Settings(db_path=target))) as test_client:
        yield test_client


@pytest.fixture
def writable(tmp_path: Path, api_store: Path) -> Path:
    """A private copy of the store for one test that writes."""
    path = tmp_path / "caravan.db"
    shutil.copy(api_store, path)
    return path


@pytest.fixture
def token() -> str:
    """The write token of ``write_client``."""
    return TOKEN


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    """The header that carries the write token."""
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def write_client(writable: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    settings = Settings(db_path=str(writable), api_token=TOKEN, api_max_body_bytes=20_000)
    with TestClient(create_app(settings, extract=pipeline)) as test_client:
        yield test_client
