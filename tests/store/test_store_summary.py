"""The store summary of a store filled by the real pipeline from team-written reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan.model import Article, Record
from caravan.store import Database
from caravan.store.summary import summarise_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def summary(reports_db: Path):
    with Database(reports_db) as db:
        return summarise_store(db)


def test_summary_counts_articles_outlets_and_dates(summary):
    assert (summary.articles, summary.processed, summary.near_duplicates, summary.outlets) == (2, 2, 0, 1)
    assert (summary.first_published, summary.last_published) == ("2024-05-02", "2024-05-06")


def test_summary_counts_events_by_type_and_country(summary):
    by_type = {kind: (n, asserted) for kind, n, asserted in summary.events_by_type}
    assert by_type["detain"] == (2, 2) and by_type["aid"] == (1, 1)
    assert dict(summary.events_by_country)["MX"] == 1 and dict(summary.events_by_country)["GT"] == 2
    assert summary.items["events"] == sum(n for _, n, _ in summary.events_by_type)


def test_summary_lists_quoted_speakers_and_located_places(summary):
    assert ("Maria Lopez", 1) in summary.speakers
    assert ("Tapachula", 1) in summary.places


def test_summary_leaves_near_duplicates_out_of_the_processed(tmp_path: Path):
    with Database(tmp_path / "d.db") as db:
        db.add_article(Article(id="a", text="One."), Record(id="a", language="en"))
        db.add_article(Article(id="b", text="One!"), Record(id="b", skipped="near-duplicate of a"), duplicate_of="a")
        summary = summarise_store(db)
    assert (summary.articles, summary.processed, summary.near_duplicates, summary.skipped) == (2, 1, 1, 0)
