"""The gazetteer file: GeoNames import, name normalisation, countries, demonyms and borders."""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan.errors import GazetteerError
from caravan.geo import country_of
from caravan.geo.geonames import import_geonames
from caravan.geo.names import is_latin, normalise
from caravan.geo.store import Gazetteer


def test_names_normalise_folds_accents_dots_and_leading_the():
    assert normalise("Ciudad de México") == "ciudad de mexico"
    assert normalise("EE.UU.") == "eeuu"
    assert normalise("the U.S.") == "us"
    assert normalise("Guatemala–Mexico") == "guatemala mexico"


def test_names_is_latin_keeps_accented_names_only():
    assert is_latin("Tecún Umán")
    assert not is_latin("Мексика")


def test_gazetteer_import_reads_countries_with_their_dump_position(gazetteer: Gazetteer):
    mexico = gazetteer.country("MX")
    assert mexico is not None and (mexico.lat, mexico.lon) == (23.0, -102.0)
    assert mexico.name == "Mexico"


def test_gazetteer_import_names_divisions_from_admin1_codes(gazetteer: Gazetteer):
    morales = [c for c in gazetteer.find("Morales") if c.country == "GT"]
    assert morales[0].admin1 == "Izabal"
    assert any(c.feature == "admin" and c.code == "ADM1" for c in gazetteer.find("Izabal"))


def test_gazetteer_import_indexes_alternate_names(gazetteer: Gazetteer):
    assert [c.name for c in gazetteer.find("CDMX")] == ["Mexico City"]
    assert gazetteer.find("Ciudad de Mexico")[0].kind == "alt"


def test_gazetteer_import_keeps_non_populated_features(gazetteer: Gazetteer):
    river = gazetteer.find("Río Dulce")
    assert river and river[0].feature == "region"


def test_gazetteer_import_adds_curated_country_abbreviations(gazetteer: Gazetteer):
    assert {c.country for c in gazetteer.find("EE.UU.") if c.feature == "country"} == {"US"}
    assert {c.country for c in gazetteer.find("U.S.") if c.feature == "country"} == {"US"}


def test_gazetteer_import_makes_a_border_for_each_pair_of_neighbours(gazetteer: Gazetteer):
    border = [c for c in gazetteer.find("Mexico-Guatemala border") if c.feature == "border"]
    assert border and border[0].countries == ("GT", "MX")
    assert "MX" in gazetteer.neighbours("GT")


def test_gazetteer_import_rejects_an_incomplete_dump(tmp_path: Path):
    (tmp_path / "allCountries.txt").write_text("", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"admin1CodesASCII\.txt"):
        import_geonames(tmp_path, tmp_path / "g.sqlite", "test")


def test_gazetteer_import_rejects_a_short_row(tmp_path: Path):
    for name in ("admin1CodesASCII.txt", "countryInfo.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "cities500.txt").write_text("1\tBroken\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="columns"):
        import_geonames(tmp_path, tmp_path / "g.sqlite", "test")
    assert not (tmp_path / "g.sqlite").exists()


def test_gazetteer_missing_file_is_an_error(tmp_path: Path):
    with pytest.raises(GazetteerError):
        Gazetteer(tmp_path / "none.sqlite")


def test_geo_country_of_reads_names_abbreviations_and_demonyms(gazetteer: Gazetteer):
    assert country_of("Mexican", gazetteer=gazetteer) == "MX"
    assert country_of("Guatemala", gazetteer=gazetteer) == "GT"
    assert country_of("Guatemalans", gazetteer=gazetteer) == "GT"
    assert country_of("U.S.", gazetteer=gazetteer) == "US"
    assert country_of("table", gazetteer=gazetteer) is None
