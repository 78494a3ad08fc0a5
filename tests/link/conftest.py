"""Fixtures of the linking tests: a fresh, linked store of small multi-article sets."""

from __future__ import annotations

import pytest
from link_stories import Story, store_stories

from caravan.link.build import update_links
from caravan.store import Database, open_database


@pytest.fixture
def make_store(store_targets):
    """``make_store(stories, name="a")``: a fresh store holding these stories, linked (SQLite, then PostgreSQL)."""

    def _make(stories: list[Story], name: str = "links") -> Database:
        db = open_database(store_targets(name))
        store_stories(db, stories)
        update_links(db)
        return db

    return _make
