"""The ``caravan gazetteer`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from caravan.cli.main import cli
from caravan.geo.store import Gazetteer

FIXTURE = Path(__file__).parent.parent / "data" / "geonames"


def test_cli_gazetteer_import_writes_the_output_file(tmp_path: Path):
    out = tmp_path / "g.sqlite"
    result = CliRunner().invoke(cli, ["gazetteer", "import", str(FIXTURE), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert Gazetteer(out).meta("source") == "GeoNames dump: allCountries.txt"


def test_cli_gazetteer_import_reports_an_incomplete_dump(tmp_path: Path):
    result = CliRunner().invoke(cli, ["gazetteer", "import", str(tmp_path), "--output", str(tmp_path / "g")])
    assert result.exit_code != 0 and "incomplete GeoNames dump" in result.output


@pytest.mark.model
def test_cli_places_explain_shows_the_score_parts(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Police stopped the group in the Guatemalan town of Morales.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["places", "--explain", str(article)])
    assert result.exit_code == 0, result.output
    assert "'Morales' -> city GT Izabal" in result.output
    assert "why: name=" in result.output and "container=GT" in result.output
