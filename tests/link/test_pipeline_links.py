"""The real path: short team-written reports ingested with the real pipeline come out as one movement."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from caravan.cli.main import cli

REPORTS = [
    {
        "id": "w1",
        "outlet": "Valley Courier",
        "published": "2021-03-02",
        "text": "About 500 migrants left San Pedro Sula on Monday in a caravan bound for the United States. "
        "The caravan crossed into Guatemala at Corinto on Tuesday, police said.",
    },
    {
        "id": "w2",
        "outlet": "Coast Herald",
        "published": "2021-03-06",
        "text": "The caravan reached the border on Friday, where about 800 people waited to cross into Mexico. "
        "Mexican police blocked the bridge on Friday.",
    },
]


@pytest.mark.model
def test_pipeline_links_ingest_builds_one_movement(tmp_path):
    source = tmp_path / "reports.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    db = str(tmp_path / "store.db")
    runner = CliRunner()
    ingested = runner.invoke(cli, ["ingest", str(source), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    assert "1 movements" in ingested.output
    (movement,) = json.loads(runner.invoke(cli, ["movements", "--json", "--db", db]).output)
    assert movement["label"] == "caravan from San Pedro Sula (March 2021)"
    assert (movement["legs"][0]["place"], movement["legs"][0]["country"]) == ("San Pedro Sula", "HN")
    assert movement["first_seen"] == "2021-03-01"
    assert movement["legs"][0]["sizes"][0]["source"] == "Valley Courier"
