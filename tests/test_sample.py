"""The README's main job: the bundled sample ingested into SQLite, processed once, with its wire copy linked."""

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from caravan.batch import Outcome, ingest
from caravan.cli.main import cli
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


README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
MAIN_JOB_PREFIX = "python3 -m venv .venv && .venv/bin/pip install -q -e . && "


def main_job_commands() -> list[list[str]]:
    """The caravan commands of the README's main job (its first command line), as argument lists."""
    [line] = [x for x in README.splitlines() if x.startswith(MAIN_JOB_PREFIX)]
    steps = line[len(MAIN_JOB_PREFIX):].split(" && ")
    assert all(step.startswith(".venv/bin/caravan ") for step in steps), steps
    return [shlex.split(step)[1:] for step in steps]


@pytest.mark.model
def test_sample_readme_main_job_ends_with_a_readable_summary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "caravan" / "data").mkdir(parents=True)
    (tmp_path / "caravan" / "data" / "sample").symlink_to(SAMPLE)
    runner = CliRunner(env={"COLUMNS": "200"})  # a wide terminal: no table cell wraps
    results = [runner.invoke(cli, args) for args in main_job_commands()]
    assert [r.exit_code for r in results] == [0] * len(results), [r.output for r in results]
    assert main_job_commands()[-1][0] == "summary"
    shown = " ".join(results[-1].stdout.split())
    assert "Movements" in shown and "caravan from San Pedro Sula" in shown
    assert "Latest events" in shown and "Events by type" in shown and "Most quoted" in shown
    assert "Tapachula" in shown and "None" not in shown
