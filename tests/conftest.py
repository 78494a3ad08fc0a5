"""Shared fixtures: one spaCy model and one Pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan.model import Article
from caravan.nlp.pipeline import Pipeline
from caravan.settings import Settings

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Default settings with the store in a temporary folder (the gazetteer keeps its default place)."""
    return Settings(db_path=str(tmp_path_factory.mktemp("db") / "caravan.db"))


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


@pytest.fixture(scope="session")
def run(pipeline: Pipeline):
    """Extract the record of a short text: ``run(text, published="2020-01-17")``."""

    def _run(text: str, published: str | None = None, language: str | None = None):
        return pipeline(Article(id="t", text=text, published=published, language=language))

    return _run


REPORTS = DATA / "export" / "reports.jsonl"  # two short reports written by the Caravan team for these tests


@pytest.fixture(scope="session")
def reports_db(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled and linked as ``caravan ingest`` does it, from ``tests/data/export/reports.jsonl``."""
    from caravan.batch import ingest
    from caravan.link.build import update_links
    from caravan.store import Database

    path = tmp_path_factory.mktemp("reports") / "reports.db"
    with Database(path) as db:
        ingest([str(REPORTS)], db, settings)
        update_links(db, settings=settings)
    return path


API_ARTICLES = DATA / "api" / "articles.jsonl"  # seven short reports written for the API and page tests


@pytest.fixture(scope="session")
def api_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """A store filled and linked by the real pipeline from the API test articles (copy it to write)."""
    from caravan.batch import ingest
    from caravan.link.build import update_links
    from caravan.store import Database

    path = tmp_path_factory.mktemp("api-store") / "caravan.db"
    settings = Settings(db_path=str(path))
    with Database(path) as db:
        summary = ingest([str(API_ARTICLES)], db, settings, extract=pipeline)
        update_links(db, settings=settings)
    assert summary.items == 7 and not summary.failures, summary.failures
    return path
