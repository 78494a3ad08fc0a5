"""The ``caravan gazetteer`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from caravan.cli.main import cli
from caravan.geo.gazetteer import gazetteer_path, gazetteer_version
from caravan.geo.store import Gazetteer
from caravan.settings import Settings

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


def test_cli_gazetteer_build_writes_the_default_file_of_this_version(built_gazetteer: Gazetteer):
    assert built_gazetteer.meta("version") == gazetteer_version()
    countries = built_gazetteer.db.execute("SELECT COUNT(*) FROM places WHERE feature = 'country'").fetchone()[0]
    assert countries > 200 and built_gazetteer.find("Tapachula")


def test_cli_gazetteer_info_describes_the_built_file(built_gazetteer: Gazetteer):
    result = CliRunner().invoke(cli, ["gazetteer", "info"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == str(gazetteer_path(Settings())) and lines[1].startswith(f"version {gazetteer_version()}, from ")
    counts = dict(line.split() for line in lines[2:])
    assert int(counts["country"]) > 200 and int(counts["city"]) > 10_000


def test_cli_gazetteer_info_says_when_nothing_is_built(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    result = CliRunner().invoke(cli, ["gazetteer", "info"])
    assert result.exit_code == 0 and "not built yet" in result.output and str(tmp_path) in result.output
