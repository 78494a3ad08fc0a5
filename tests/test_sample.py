"""The README's main job: the bundled sample ingested into SQLite, processed once, with its wire copy linked."""

from pathlib import Path

import pytest

from caravan.batch import Outcome, ingest
from caravan.store.database import Database

SAMPLE = Path(__file__).parent.parent / "caravan" / "data" / "sample"


@pytest.mark.model
def test_sample_ingest_stores_each_report_once_and_links_the_wire_copy(tmp_path, settings):
    with Database(tmp_path / "sample.db") as db:
        summary = ingest([str(SAMPLE)], db, settings)
        records = {r.id: r for r in db.records()}
    assert summary.counts[Outcome.FAILED] == 0
    assert summary.counts[Outcome.NEAR_DUPLICATE] == 1
    processed = [r for r in records.values() if not r.skipped]
    assert len(processed) == summary.counts[Outcome.NEW] == len(records) - 1
    assert {r.language for r in processed} == {"en", "es"}
    for record in processed:
        assert record.places and record.quantities and record.dates, record.id
        assert record.events or record.language != "en", record.id  # events need the English parse


@pytest.mark.model
def test_sample_second_ingest_adds_nothing(tmp_path, settings):
    with Database(tmp_path / "sample.db") as db:
        ingest([str(SAMPLE)], db, settings)
        before = db.counts()
        again = ingest([str(SAMPLE)], db, settings)
        assert db.counts() == before
    assert again.counts[Outcome.ALREADY_STORED] == before["articles"]
    assert again.counts[Outcome.NEW] == again.counts[Outcome.NEAR_DUPLICATE] == again.counts[Outcome.FAILED] == 0
