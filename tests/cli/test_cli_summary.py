"""``caravan summary`` through click's CliRunner on a store filled by the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from caravan.cli.main import cli


def summary(*args: str):
    return CliRunner().invoke(cli, ["summary", *args])


@pytest.mark.model
def test_summary_shows_tables_a_person_reads(reports_db: Path):
    result = summary("--db", str(reports_db))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    for heading in ("Articles", "Movements", "Events by type", "Events by country", "Latest events", "Most quoted"):
        assert heading in text
    assert "Maria Lopez" in text and "Guatemala" in text and "None" not in text


@pytest.mark.model
def test_summary_json_is_one_object(reports_db: Path):
    data = json.loads(summary("--db", str(reports_db), "--json").stdout)
    assert data["articles"] == 2 and ["Maria Lopez", 1] in data["speakers"]


def test_summary_without_a_store_is_an_error(tmp_path: Path):
    result = summary("--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "no store at" in result.stderr
