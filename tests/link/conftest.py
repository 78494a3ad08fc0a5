"""Fixtures of the linking tests: a fresh, linked store of small multi-article sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from link_stories import Story, store_stories

from caravan.link.build import update_links
from caravan.store import Database


@pytest.fixture
def make_store(tmp_path: Path):
    """``make_store(stories, name="a")``: a fresh store holding these stories, linked."""
    def _make(stories: list[Story], name: str = "links") -> Database:
        db = Database(tmp_path / f"{name}.db")
        store_stories(db, stories)
        update_links(db)
        return db

    return _make
