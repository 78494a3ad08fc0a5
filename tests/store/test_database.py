"""The Database: articles, records and items written in one transaction, read through read-only readers."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from caravan.errors import StoreError
from caravan.model import Article, Event, Place, Quote, Record
from caravan.store import Database, open_database, postgres
from caravan.store.migrations import MIGRATIONS, apply_migrations

TEXT = (
    "Border agents stopped forty migrants near the river on Monday. "
    '"We walked for nine days," said Ana Lopez, a mother of two.'
)


@pytest.fixture
def db(store_target: str):
    """The store under test, once in SQLite and once in PostgreSQL."""
    with open_database(store_target) as database:
        yield database


@pytest.fixture
def sqlite_db(tmp_path: Path):
    with Database(tmp_path / "caravan.db") as database:
        yield database


def article(id: str = "a1", text: str = TEXT, **meta: str) -> Article:
    return Article(id=id, text=text, source=f"{id}.txt", **meta)


def record(id: str = "a1") -> Record:
    quote_start = TEXT.index("We walked")
    return Record(
        id=id,
        language="en",
        quotes=[Quote(quote_start, quote_start + 25, speaker="Ana Lopez", speaker_role="mother of two")],
        places=[Place(TEXT.index("river"), TEXT.index("river") + 5, name="river", feature="region")],
        events=[Event(8, 15, type="block", size=[40, 40])],
    )


def test_database_add_article_stores_record_and_items(db: Database) -> None:
    db.add_article(article(), record())
    counts = db.counts()
    assert [counts[t] for t in ("articles", "records", "quotes", "places", "events")] == [1, 1, 1, 1, 1]


def test_database_item_row_keeps_span_and_covered_text(db: Database) -> None:
    db.add_article(article(), record())
    (row,) = db.item_rows("places")
    assert (row["article_id"], row["text"], TEXT[row["start"] : row["end"]]) == ("a1", "river", "river")


def test_database_article_is_written_in_one_transaction(db: Database) -> None:
    broken = Record(id="a1", quotes=[Quote(0, 6, kind=None)])  # type: ignore[arg-type]  # kind is NOT NULL
    with pytest.raises(StoreError):
        db.add_article(article(), broken)
    assert db.counts()["articles"] == 0


def test_database_id_for_hash_finds_the_same_text(db: Database) -> None:
    db.add_article(article(), record())
    assert db.id_for_hash(article(id="other").hash) == "a1"


def test_database_free_id_suffixes_an_id_held_by_another_text(db: Database) -> None:
    db.add_article(article(), record())
    other = article(text="Another text entirely.")
    assert db.free_id(other) == f"a1-{other.hash[:8]}"


def test_database_writer_uses_wal(sqlite_db: Database) -> None:
    assert sqlite_db.writer.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_database_reader_cannot_write(db: Database) -> None:
    db.add_article(article(), record())
    with pytest.raises(StoreError, match=r"read-?only"), db.reader() as conn:
        conn.execute("DELETE FROM failures")


def test_database_reader_of_a_missing_store_raises(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Database(tmp_path / "missing.db").counts()


def test_database_failure_is_recorded_once(db: Database) -> None:
    assert db.add_failure("x.bin", "binary data", "DecodeError") is True
    assert db.add_failure("x.bin", "binary data", "DecodeError") is False
    (failure,) = db.failures()
    assert (failure.item, failure.error, failure.seen) == ("x.bin", "DecodeError", 2)


def test_database_storing_an_item_clears_its_earlier_failure(db: Database) -> None:
    db.add_failure("a1.txt", "pipeline failed", "ValueError")
    db.add_article(article(), record())
    assert db.failures() == []


def test_database_search_finds_words_with_a_snippet(db: Database) -> None:
    db.add_article(article(title="Stopped at the river"), record())
    (hit,) = db.search("migrants river")
    assert hit.id == "a1" and "[migrants]" in hit.snippet


def test_database_search_matches_the_title(db: Database) -> None:
    db.add_article(article(title="Checkpoint report"), record())
    assert [h.id for h in db.search("checkpoint")] == ["a1"]


def test_database_search_leaves_out_near_duplicates_unless_asked(db: Database) -> None:
    db.add_article(article(), record())
    copy = article(id="a2", text=TEXT + " Updated.")
    db.add_article(copy, Record(id="a2", skipped="near-duplicate of a1"), duplicate_of="a1")
    assert [h.id for h in db.search("migrants")] == ["a1"]
    assert sorted(h.id for h in db.search("migrants", include_duplicates=True)) == ["a1", "a2"]


def test_database_search_accepts_query_syntax_characters(db: Database) -> None:
    db.add_article(article(), record())
    assert db.search('"migrants AND (') == []


def test_database_quotes_normalise_speakers_across_articles(db: Database) -> None:
    text = '"We will stay," said Mr. Tomás Ruiz.'
    for n, speaker in enumerate(("Mr. Tomás Ruiz", "tomas ruiz")):
        db.add_article(
            article(id=f"q{n}", text=f"{text} Report {n}."), Record(id=f"q{n}", quotes=[Quote(1, 13, speaker=speaker)])
        )
    rows = db.quotes(speaker="Ruiz")
    assert [r.article_id for r in rows] == ["q0", "q1"]
    assert {r.speaker_key for r in rows} == {"tomas ruiz"}


def test_database_records_round_trip(db: Database) -> None:
    db.add_article(article(), record())
    assert list(db.records()) == [record()]


def test_database_second_connection_sees_committed_articles(tmp_path: Path, sqlite_db: Database) -> None:
    sqlite_db.add_article(article(), record())
    conn = sqlite3.connect((tmp_path / "caravan.db").resolve().as_uri() + "?mode=ro", uri=True)
    assert conn.execute("SELECT id FROM articles").fetchall() == [("a1",)]


def test_database_quotes_take_a_lone_surname_as_the_full_name(db: Database) -> None:
    text = '"Open the gate," said Ines Varga. Later Varga added: "Now."'
    quotes = [Quote(1, 14, speaker="Ines Varga"), Quote(text.index("Now"), text.index("Now") + 4, speaker="Varga")]
    db.add_article(article(id="v", text=text), Record(id="v", quotes=quotes))
    assert [r.speaker_name for r in db.quotes()] == ["Ines Varga", "Ines Varga"]


def test_database_reader_refuses_a_store_with_pending_migrations(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    apply_migrations(conn, MIGRATIONS[:1])
    with pytest.raises(StoreError, match="older version"):
        Database(tmp_path / "old.db").counts()


def test_database_postgres_reader_refuses_a_store_with_pending_migrations(postgres_url: str) -> None:
    conn = postgres.connect(postgres_url)
    postgres.apply_migrations(conn, MIGRATIONS[:1])
    conn.close()
    with pytest.raises(StoreError, match="older version"):
        open_database(postgres_url).counts()


def test_database_postgres_reader_of_an_empty_database_raises(postgres_url: str) -> None:
    with pytest.raises(StoreError, match="no store"):
        open_database(postgres_url).counts()


def test_database_postgres_places_and_events_get_points(db: Database) -> None:
    if not isinstance(db, postgres.PostgresDatabase):
        pytest.skip("PostGIS columns are PostgreSQL's")
    located = Record(
        id="a1",
        places=[Place(0, 6, name="Tapachula", feature="city", lat=14.9, lon=-92.26)],
        events=[Event(8, 15, type="block", lat=14.9, lon=-92.26), Event(20, 25, type="block")],
    )
    db.add_article(article(), located)
    with db.reader() as conn:
        points = conn.execute("SELECT ST_X(geom), ST_Y(geom) FROM events ORDER BY idx").fetchall()
        place = conn.execute("SELECT ST_AsText(geom) FROM places").fetchone()[0]
    assert [tuple(p) for p in points] == [(-92.26, 14.9), (None, None)] and place == "POINT(-92.26 14.9)"


def test_database_open_names_the_backend_by_url(tmp_path: Path) -> None:
    assert type(open_database(tmp_path / "x.db")) is Database
    assert isinstance(open_database("postgresql://u:secret@h/db"), postgres.PostgresDatabase)
    assert "secret" not in str(open_database("postgresql://u:secret@h/db").path)


def test_database_writer_commits_while_a_reader_holds_a_snapshot(sqlite_db: Database) -> None:
    """WAL: a reader in the middle of a read transaction neither blocks the writer nor sees its commit."""
    db = sqlite_db
    db.add_article(article(), record())
    with db.reader() as conn:
        conn.execute("BEGIN")
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1  # the snapshot is taken
        started = time.monotonic()
        db.add_article(article("a2", "Another text entirely."), Record(id="a2"))
        assert time.monotonic() - started < 2.0
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        conn.execute("COMMIT")
    assert db.counts()["articles"] == 2


def test_database_second_writer_waits_for_the_lock_instead_of_failing(tmp_path: Path) -> None:
    """Busy timeout: a write that meets another connection's write lock waits for it to end."""
    path = tmp_path / "caravan.db"
    with Database(path) as first:
        first.migrate()
    locked, held = threading.Event(), 0.5

    def hold_the_lock() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(held)
        conn.execute("COMMIT")
        conn.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    locked.wait(5)
    started = time.monotonic()
    with Database(path) as second:
        assert second.add_failure("late.txt", "binary data", "DecodeError") is True
    holder.join()
    assert time.monotonic() - started >= held * 0.8


def test_database_reader_and_writer_threads_run_together(sqlite_db: Database) -> None:
    """A reader thread counting over and over while the writer stores 40 articles: no error, counts only grow."""
    db = sqlite_db
    db.add_article(article(), record())
    seen: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                seen.append(db.counts()["articles"])
        except BaseException as exc:
            errors.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    for n in range(40):
        db.add_article(article(f"b{n}", f"Story number {n} about a shelter."), Record(id=f"b{n}"))
    done.set()
    reader.join()
    assert errors == [] and seen and seen == sorted(seen) and db.counts()["articles"] == 41


def test_database_snapshot_does_not_see_a_later_commit(db: Database) -> None:
    """Every query in one snapshot (the API's page and its count) sees the store as of the first one."""
    db.add_article(article(), record())
    with db.snapshot() as conn:
        before = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        db.add_article(article("a2", "Another text entirely."), Record(id="a2"))
        after = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert (before, after, db.counts()["articles"]) == (1, 1, 2)


def _reader_pid(db: Database) -> int:
    with db.reader() as conn:
        return conn.execute("SELECT pg_backend_pid()").fetchone()[0]


def test_database_postgres_readers_share_a_bounded_pool(postgres_url: str) -> None:
    """Six threads reading at once through a pool of two connections: no error, never a third connection."""
    with open_database(postgres_url, pool_size=2, max_overflow=0) as db:
        db.add_article(article(), record())
        pids: set[int] = set()
        errors: list[BaseException] = []

        def read() -> None:
            try:
                for _ in range(10):
                    pids.add(_reader_pid(db))
                    assert db.counts()["articles"] == 1
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=read) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == [] and 1 <= len(pids) <= 2


def test_database_postgres_reader_replaces_a_connection_the_server_dropped(postgres_url: str) -> None:
    """A pooled reader connection ended by the server (restart, idle timeout) is noticed and replaced."""
    import psycopg

    with open_database(postgres_url, pool_size=1, max_overflow=0) as db:
        db.add_article(article(), record())
        pid = _reader_pid(db)
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            ended = admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,)).fetchone()  # waits for the end
        assert ended == (True,)
        assert db.counts()["articles"] == 1
        assert _reader_pid(db) != pid


def test_database_transactions_do_not_nest(db: Database) -> None:
    """A transaction opened inside another is refused, and the outer one rolls back: nothing half-committed."""
    db.add_failure("x.bin", "binary data", "DecodeError")

    def delete_then_nest() -> None:
        with db.transaction() as conn:
            conn.execute("DELETE FROM failures")
            with db.transaction():
                pass

    with pytest.raises((StoreError, sqlite3.OperationalError)):
        delete_then_nest()
    assert [f.item for f in db.failures()] == ["x.bin"]


def test_database_reads_reuse_an_idle_connection(sqlite_db: Database) -> None:
    sqlite_db.add_article(article(), record())
    with sqlite_db.reader() as first:
        pass
    with sqlite_db.reader() as second:
        assert second is first
        assert second.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_database_concurrent_reads_get_connections_of_their_own(sqlite_db: Database) -> None:
    sqlite_db.add_article(article(), record())
    with sqlite_db.reader() as outer, sqlite_db.reader() as inner:
        assert inner is not outer


def test_database_a_reader_left_in_a_transaction_or_failed_is_not_kept(sqlite_db: Database) -> None:
    sqlite_db.add_article(article(), record())
    with sqlite_db.reader() as left_open:
        left_open.execute("BEGIN")
        left_open.execute("SELECT count(*) FROM articles").fetchone()
    with pytest.raises(StoreError, match="no such table"), sqlite_db.reader() as failed:
        failed.execute("SELECT * FROM no_such_table")
    with sqlite_db.reader() as fresh:
        assert fresh is not left_open and fresh is not failed
        assert not fresh.in_transaction


def test_database_a_store_file_replaced_under_its_path_is_read_afresh(tmp_path: Path) -> None:
    path = tmp_path / "caravan.db"
    for target, n in ((path, 1), (tmp_path / "rebuilt.db", 2)):
        with Database(target) as writer:
            for i in range(n):
                writer.add_article(article(f"a{i}", f"Text number {i}."), record(f"a{i}"))
    served = Database(path)
    assert served.counts()["articles"] == 1  # an idle reader of the first file is kept
    (tmp_path / "rebuilt.db").replace(path)  # a rebuilt store moved into place
    assert served.counts()["articles"] == 2
    served.close()


def test_database_closed_store_file_holds_everything_without_its_log(tmp_path: Path) -> None:
    """Closing checkpoints the write-ahead log even after reads: a copy of the file alone has every article."""
    path = tmp_path / "caravan.db"
    with Database(path) as db:
        db.add_article(article(), record())
        assert db.counts()["articles"] == 1
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes())
    with Database(copy) as copied:
        assert copied.counts()["articles"] == 1
