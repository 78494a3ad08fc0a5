"""Batch ingest: read → dedupe → extract → store, idempotent, with failures recorded and the batch going on."""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan.batch import Outcome, ingest, ingest_items
from caravan.errors import DecodeError, ModelError
from caravan.model import Article, Place, Record
from caravan.settings import Settings
from caravan.store import Database, open_database

STORY = (
    "Families waited in the shade of the market hall on Sunday while volunteers counted blankets and "
    "sorted shoes by size. A nurse from the clinic checked the youngest children, and a baker brought "
    "two trays of sweet bread before noon. Most of the group had crossed the mountains on foot over the "
    "previous week and said they hoped to rest for two nights before moving on toward the coast."
)
COPY = STORY.replace("Sunday", "Monday").replace("two trays", "three trays")
OTHER = "The regional football final was postponed because of heavy rain and flooding on the pitch."


class Recorder:
    """A stand-in extractor that records what it was given and returns an empty record."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.seen: list[str] = []
        self.fail_on = fail_on

    def __call__(self, article: Article) -> Record:
        self.seen.append(article.id)
        if self.fail_on and self.fail_on in article.text:
            raise ValueError(f"component broke on {self.fail_on!r}")
        return Record(id=article.id, language="en", published=article.published)


@pytest.fixture
def settings(store_target: str) -> Settings:
    return Settings(db_path=store_target)


@pytest.fixture
def db(settings: Settings):
    with open_database(settings.db_path) as database:
        yield database


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{n}", text=t, source=f"batch:{n}") for n, t in enumerate(texts)]


def test_batch_stores_new_articles(db: Database, settings: Settings) -> None:
    summary = ingest_items(articles(STORY, OTHER), db, settings, extract=Recorder())
    assert summary.counts[Outcome.NEW] == 2 and db.counts()["articles"] == 2


def test_batch_second_run_adds_nothing(db: Database, settings: Settings) -> None:
    ingest_items(articles(STORY, OTHER), db, settings, extract=Recorder())
    before = db.counts()
    summary = ingest_items(articles(STORY, OTHER), db, settings, extract=Recorder())
    assert summary.counts[Outcome.ALREADY_STORED] == 2 and db.counts() == before


def test_batch_near_duplicate_points_at_original_and_is_not_processed(db: Database, settings: Settings) -> None:
    extract = Recorder()
    summary = ingest_items(articles(STORY, COPY, OTHER), db, settings, extract=extract)
    assert summary.counts[Outcome.NEAR_DUPLICATE] == 1 and extract.seen == ["a0", "a2"]
    rows = {r["id"]: r for r in db.article_rows()}
    assert rows["a1"]["duplicate_of"] == "a0" and rows["a2"]["duplicate_of"] is None


def test_batch_near_duplicate_found_across_runs(db: Database, settings: Settings) -> None:
    ingest_items(articles(STORY), db, settings, extract=Recorder())
    with open_database(settings.db_path) as later:
        summary = ingest_items([Article(id="late", text=COPY)], later, settings, extract=Recorder())
    assert summary.counts[Outcome.NEAR_DUPLICATE] == 1


def test_batch_near_duplicate_record_says_why_it_was_skipped(db: Database, settings: Settings) -> None:
    ingest_items(articles(STORY, COPY), db, settings, extract=Recorder())
    records = {r.id: r for r in db.records()}
    assert records["a1"].skipped is not None and records["a1"].skipped.startswith("near-duplicate of a0")


def test_batch_reading_error_is_recorded_and_batch_goes_on(db: Database, settings: Settings) -> None:
    items = [DecodeError("photo.txt", "binary data"), *articles(STORY)]
    summary = ingest_items(items, db, settings, extract=Recorder())
    assert summary.counts[Outcome.FAILED] == 1 and summary.counts[Outcome.NEW] == 1
    assert [(f.item, f.error) for f in db.failures()] == [("photo.txt", "DecodeError")]


def test_batch_pipeline_exception_is_recorded_and_batch_goes_on(db: Database, settings: Settings) -> None:
    summary = ingest_items(articles(STORY, OTHER), db, settings, extract=Recorder(fail_on="football"))
    (failure,) = db.failures()
    assert summary.counts[Outcome.NEW] == 1 and db.counts()["articles"] == 1
    assert (failure.item, failure.error) == ("batch:1", "ValueError") and "football" in failure.reason


def test_batch_failed_article_is_retried_on_the_next_run(db: Database, settings: Settings) -> None:
    ingest_items(articles(OTHER), db, settings, extract=Recorder(fail_on="football"))
    summary = ingest_items(articles(OTHER), db, settings, extract=Recorder())
    assert summary.counts[Outcome.NEW] == 1 and db.failures() == []


def test_batch_repeated_failure_is_not_new(db: Database, settings: Settings) -> None:
    ingest_items([DecodeError("photo.txt", "binary data")], db, settings, extract=Recorder())
    summary = ingest_items([DecodeError("photo.txt", "binary data")], db, settings, extract=Recorder())
    assert summary.new_failures == 0 and len(db.failures()) == 1


def test_batch_same_id_with_another_text_is_kept_apart(db: Database, settings: Settings) -> None:
    items = [Article(id="story", text=STORY), Article(id="story", text=OTHER)]
    ingest_items(items, db, settings, extract=Recorder())
    ids = [r.id for r in db.records()]
    assert ids[0] == "story" and ids[1].startswith("story-") and len(ids) == 2


def test_batch_summary_lines_name_every_outcome(db: Database, settings: Settings) -> None:
    summary = ingest_items(articles(STORY), db, settings, extract=Recorder())
    text = "\n".join(summary.lines())
    for label in ("new:", "near-duplicates:", "duplicates:", "already stored:", "failed:"):
        assert label in text


def test_batch_binary_file_fails_while_the_rest_are_stored(tmp_path: Path, db: Database, settings: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(STORY, encoding="utf-8")
    (folder / "two.txt").write_text(OTHER, encoding="utf-8")
    (folder / "three.txt").write_bytes(bytes(range(256)) * 4)
    summary = ingest([str(folder)], db, settings, extract=Recorder())
    assert summary.counts[Outcome.NEW] == 2 and summary.counts[Outcome.FAILED] == 1
    assert [Path(f.item).name for f in db.failures()] == ["three.txt"]


def no_model(article: Article) -> Record:
    raise ModelError("spaCy model 'xx' is not installed")


def test_batch_missing_model_stops_the_batch(db: Database, settings: Settings) -> None:
    with pytest.raises(ModelError):
        ingest_items(articles(STORY, OTHER), db, settings, extract=no_model)
    assert db.failures() == []


def test_batch_record_the_store_refuses_is_a_failure_of_that_article(db: Database, settings: Settings) -> None:
    def bad_place(article: Article) -> Record:
        return Record(id=article.id, places=[Place(0, 4, name=None)])  # type: ignore[arg-type]  # name is required

    summary = ingest_items(articles(STORY, OTHER), db, settings, extract=bad_place)
    assert summary.counts[Outcome.FAILED] == 2 and db.counts()["articles"] == 0
    assert {f.error for f in db.failures()} == {"InvalidRecordError"}


def test_batch_workers_store_each_article_once(db: Database, settings: Settings) -> None:
    items = [*articles(STORY, COPY, OTHER), Article(id="again", text=STORY), DecodeError("x.bin", "binary data")]
    summary = ingest_items(items, db, settings, extract=Recorder(), workers=2)
    counts = summary.counts
    assert [counts[o] for o in (Outcome.NEW, Outcome.NEAR_DUPLICATE, Outcome.DUPLICATE, Outcome.FAILED)] == [2, 1, 1, 1]
    assert [r.id for r in db.records()] == ["a0", "a1", "a2"]


def test_batch_workers_record_pipeline_failures(db: Database, settings: Settings) -> None:
    summary = ingest_items(articles(STORY, OTHER), db, settings, extract=Recorder(fail_on="football"), workers=2)
    assert summary.counts[Outcome.FAILED] == 1 and [f.item for f in db.failures()] == ["batch:1"]


def test_batch_workers_process_a_copy_whose_original_failed(db: Database, settings: Settings) -> None:
    summary = ingest_items(articles(STORY, COPY), db, settings, extract=Recorder(fail_on="Sunday"), workers=2)
    assert summary.counts[Outcome.FAILED] == 1 and summary.counts[Outcome.NEW] == 1
    assert [(r["id"], r["duplicate_of"]) for r in db.article_rows()] == [("a1", None)]


def test_batch_same_text_twice_in_one_run_is_a_duplicate(db: Database, settings: Settings) -> None:
    items = [Article(id="first", text=STORY), Article(id="second", text=STORY)]
    summary = ingest_items(items, db, settings, extract=Recorder())
    assert summary.counts[Outcome.DUPLICATE] == 1 and [r.id for r in db.records()] == ["first"]


def test_batch_workers_stop_when_the_model_is_missing(db: Database, settings: Settings) -> None:
    with pytest.raises(ModelError):
        ingest_items(articles(STORY, OTHER), db, settings, extract=no_model, workers=2)
