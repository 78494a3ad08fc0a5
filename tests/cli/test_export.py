"""``caravan export`` through click's CliRunner: caravan/1 JSON Lines and CSV tables."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from caravan.cli.main import cli
from caravan.model import Article, Event, Place, Record
from caravan.store import open_database

TEXT = "Police stopped the group at the bridge outside Riverton on Tuesday."
RECORD = Record(
    id="bridge",
    language="en",
    published="2021-03-02",
    places=[Place(47, 55, name="Riverton", feature="city", country="XX", lat=1.5, lon=2.5)],
    events=[Event(7, 14, type="block", place="Riverton", date="2021-03-02")],
)
OTHER = Record(id="rain", language="en", skipped="near-duplicate of bridge (similarity 0.90)")


@pytest.fixture
def db_path(store_target: str) -> str:
    path = store_target
    with open_database(path) as db:
        db.add_article(Article(id="bridge", text=TEXT, url="https://example.org/bridge"), RECORD)
        db.add_article(Article(id="rain", text=TEXT + " Updated."), OTHER, duplicate_of="bridge")
    return path


def export(db_path: Path, *args: str):
    return CliRunner().invoke(cli, ["export", "--db", str(db_path), *args])


def test_export_jsonl_round_trips_through_record(db_path: Path) -> None:
    result = export(db_path)
    records = [Record.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    assert records == [RECORD, OTHER]


def test_export_jsonl_lines_are_exactly_to_dict(db_path: Path) -> None:
    first = json.loads(export(db_path, "--format", "jsonl").stdout.splitlines()[0])
    assert first == RECORD.to_dict()


def test_export_csv_articles_has_one_row_per_article(db_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(db_path, "--format", "csv").stdout)))
    assert [(r["id"], r["duplicate_of"], r["places"]) for r in rows] == [("bridge", "", "1"), ("rain", "bridge", "0")]


def test_export_csv_items_has_one_row_per_item_with_its_text(db_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(db_path, "--format", "csv", "--items", "events").stdout)))
    assert [(r["article_id"], r["type"], r["text"], r["url"]) for r in rows] == [
        ("bridge", "block", "stopped", "https://example.org/bridge")
    ]


def test_export_out_writes_a_file(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = export(db_path, "--out", str(out))
    assert result.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_export_items_with_jsonl_is_a_usage_error(db_path: Path) -> None:
    assert export(db_path, "--items", "events").exit_code == 2


def test_export_help_documents_the_csv_rows() -> None:
    help_text = " ".join(CliRunner().invoke(cli, ["export", "--help"]).stdout.split())
    assert "one row per article" in help_text and "one row per item" in help_text
