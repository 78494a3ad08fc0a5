"""``caravan ingest`` through click's CliRunner, with the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from caravan.cli.main import cli
from caravan.store import Database

FIRST = (
    "About two hundred people set out on foot from the central square on Friday morning, heading north "
    'along the coast road. "We have nothing left here," said Marta Diaz, a teacher travelling with her son.'
)
SECOND = "The ferry service to the islands resumed on Wednesday after a week of storms closed the harbour."


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff" * 50)
    return folder


def run_ingest(sources: Path, db: Path):
    return CliRunner().invoke(cli, ["ingest", str(sources), "--db", str(db), "--no-progress"])


@pytest.mark.model
def test_ingest_stores_articles_and_prints_a_summary(sources: Path, tmp_path: Path) -> None:
    result = run_ingest(sources, tmp_path / "c.db")
    assert result.exit_code == 0, result.output
    assert "new:                  2" in result.stdout and "failed:               1" in result.stdout
    assert Database(tmp_path / "c.db").counts()["articles"] == 2


@pytest.mark.model
def test_ingest_twice_reports_already_stored(sources: Path, tmp_path: Path) -> None:
    run_ingest(sources, tmp_path / "c.db")
    result = run_ingest(sources, tmp_path / "c.db")
    assert "already stored:       2" in result.stdout and "new:                  0" in result.stdout
    counts = Database(tmp_path / "c.db").counts()
    assert (counts["articles"], counts["failures"]) == (2, 1)


@pytest.mark.model
def test_ingest_lists_failures_on_stderr(sources: Path, tmp_path: Path) -> None:
    result = run_ingest(sources, tmp_path / "c.db")
    assert "Failed:" in result.stderr and "broken.txt" in result.stderr


def test_ingest_requires_a_source() -> None:
    result = CliRunner().invoke(cli, ["ingest"])
    assert result.exit_code == 2
