"""The declared schema (caravan.store.schema) against stores made by the real migrations, on both backends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from caravan.model import Article, Event, Record
from caravan.store import engine, open_database
from caravan.store.schema import events, metadata, schema_drift


@pytest.fixture
def store(store_target: str) -> Iterator[sa.Engine]:
    """A fresh store migrated by the real migrations, and a read-only engine on it (SQLite, then PostgreSQL)."""
    with open_database(store_target) as db:
        db.migrate()
    bind = engine(store_target)
    yield bind
    bind.dispose()


def test_schema_declared_tables_match_a_migrated_store(store: sa.Engine) -> None:
    assert schema_drift(store) == []


def test_schema_drift_names_each_difference(store: sa.Engine) -> None:
    changed = sa.MetaData()
    for table in metadata.sorted_tables:
        if table.name != "link_state":  # a table the migrations create, left undeclared
            table.to_metadata(changed)
    copy = changed.tables["events"]
    copy.append_column(sa.Column("ghost", sa.Text))  # declared, never created
    copy.c.type.nullable = True  # NOT NULL in the store
    sa.Index("events_actor", copy.c.actor)  # an index the store does not have
    drift = schema_drift(store, changed)
    assert drift[:4] == [
        "table link_state: created by the migrations, not declared in caravan/store/schema.py",
        "events.ghost: declared, not in the store",
        "events.type: nullable is False in the store, declared True",
        drift[3],
    ]
    assert drift[3].startswith("events: index events_actor is None in the store, declared (('actor',), False, ")
    assert len(drift) == 4


def test_schema_engine_reads_the_store_with_select_and_cannot_write(store_target: str, store: sa.Engine) -> None:
    text = "Agents stopped forty migrants at the river. Ten more were turned back."
    record = Record(id="a1", events=[Event(7, 14, type="block", size=[40, 40]), Event(51, 62, type="return")])
    with open_database(store_target) as db:
        db.add_article(Article(id="a1", text=text), record)
    query = sa.select(events.c.article_id, events.c.type, events.c.size_low).order_by(events.c.idx)
    with store.connect() as conn:
        assert [tuple(row) for row in conn.execute(query)] == [("a1", "block", 40.0), ("a1", "return", None)]
        with pytest.raises(sa.exc.DBAPIError, match=r"read-?only"):
            conn.execute(sa.delete(events))
