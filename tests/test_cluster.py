"""Ingest on a Dask cluster: the same store as the local path, failures recorded, the batch going on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caravan.batch import Outcome, ingest
from caravan.cluster import Chunker, ClusterError, connect
from caravan.model import Article, Record
from caravan.settings import Settings
from caravan.store import Database

distributed = pytest.importorskip("distributed", reason="Dask is an extra: pip install 'caravan[dask]'")

REPORTS = Path(__file__).parent / "data" / "export" / "reports.jsonl"  # written by the Caravan team
STORY = (
    "Families waited in the shade of the market hall on Sunday while volunteers counted blankets and "
    "sorted shoes by size. Most of the group had crossed the mountains on foot over the previous week "
    "and said they hoped to rest for two nights before moving on toward the coast."
)
COPY = STORY.replace("Sunday", "Monday")
BROKEN = "This sentence makes the stand-in pipeline fail."


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0")
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def corpus(tmp_path: Path) -> Path:
    """The team's reports, a story, its near-copy and a line that is not JSON, as one JSON Lines file."""
    rows = REPORTS.read_text(encoding="utf-8").splitlines()
    rows += [json.dumps({"id": "story", "text": STORY}), "{not json", json.dumps({"id": "copy", "text": COPY})]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def contents(db: Database) -> tuple[list[str], list[dict], list[tuple[str, str]]]:
    rows = [{k: v for k, v in row.items() if k != "ingested_at"} for row in db.article_rows()]
    return list(db.record_lines()), rows, [(f.item, f.reason) for f in db.failures()]


def fail_on_broken(article: Article) -> Record:
    """A stand-in extractor (module level, so a worker can unpickle it) that breaks on one article."""
    if BROKEN in article.text:
        raise ValueError("component broke")
    return Record(id=article.id, language="en", published=article.published)


@pytest.mark.model
def test_cluster_store_matches_the_local_path(tmp_path: Path, client) -> None:
    source = corpus(tmp_path)
    stores = []
    for name, dask_client in (("local", None), ("dask", client)):
        settings = Settings(db_path=str(tmp_path / f"{name}.db"), dask_chunk=2)
        with Database(settings.db_path) as db:
            summary = ingest([str(source)], db, settings, client=dask_client)
            stores.append(contents(db))
    assert summary.counts[Outcome.NEW] == 3 and summary.counts[Outcome.NEAR_DUPLICATE] == 1
    assert stores[0] == stores[1] and stores[1][0] and len(stores[1][2]) == 1


def test_cluster_pipeline_failure_is_recorded_and_batch_goes_on(tmp_path: Path, client) -> None:
    settings = Settings(db_path=str(tmp_path / "c.db"), dask_chunk=2)
    items = [
        Article(id=f"a{n}", text=f"{text} Number {n}.", source=f"item:{n}")
        for n, text in enumerate(["One short report.", BROKEN, "Another report entirely about rain."])
    ]
    from caravan.batch import ingest_items

    with Database(settings.db_path) as db:
        summary = ingest_items(items, db, settings, extract=fail_on_broken, client=client)
        assert [f.item for f in db.failures()] == ["item:1"]
        assert "component broke" in db.failures()[0].reason
        assert db.counts()["articles"] == 2
    assert summary.counts[Outcome.NEW] == 2 and summary.counts[Outcome.FAILED] == 1


def test_cluster_chunker_sends_articles_in_chunks(client) -> None:
    chunker = Chunker(client, Settings(), fail_on_broken, size=2)
    slots = [chunker.add(Article(id=f"a{n}", text="A short report.")) for n in range(5)]
    chunker.flush()
    assert len({id(s.chunk) for s in slots}) == 3
    assert [s.result().id for s in slots] == [f"a{n}" for n in range(5)]


def test_cluster_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(ClusterError, match=r"tcp://127\.0\.0\.1:9"), connect("tcp://127.0.0.1:9", timeout=1):
        pass
