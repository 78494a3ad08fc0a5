"""The per-Doc token table and entity list: the plain records the components read instead of making Token and
Span objects."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from caravan.nlp.events.lexicon import lemma, token_lemmas
from caravan.nlp.extensions import doc_text, drop_derived, entities, token_lowers, token_table, token_words

TEXT = "Hundreds of Hondurans left San Pedro Sula on Wednesday, officials said.\n\nThey're walking north — 3,000?"


def assert_table_is_the_tokens(doc: spacy.tokens.Doc) -> None:
    table = token_table(doc)
    assert table.words == [t.text for t in doc] == token_words(doc)
    assert table.lowers == [t.lower_ for t in doc] == token_lowers(doc)
    assert table.lemmas == [t.lemma_ for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.tags == [t.tag_ for t in doc]
    assert table.starts == [t.idx for t in doc]
    assert token_lemmas(doc) == [lemma(t) for t in doc]


@pytest.mark.model
def test_token_table_is_what_the_tokens_of_a_parsed_doc_say(pipeline) -> None:
    doc = pipeline.model_for("en")(TEXT)
    assert any(doc.to_array("POS")) and any(t.lemma_ for t in doc)  # parsed: the columns are not all empty
    assert_table_is_the_tokens(doc)


def test_token_table_of_a_doc_without_tags_or_lemmas_and_of_an_empty_doc() -> None:
    nlp = spacy.blank("en")
    assert_table_is_the_tokens(nlp(TEXT))
    assert token_table(nlp("")).words == []


def test_token_table_is_made_once_per_doc() -> None:
    doc = spacy.blank("en")(TEXT)
    assert token_table(doc) is token_table(doc)


@pytest.mark.parametrize("word", ["migrants", "3,000", "x2", "²", "٣٠", "2024-01-16", "Ⅻ", "", "—", "Honduras"])
def test_has_digit_answers_as_any_isdigit(word: str) -> None:
    from caravan.nlp.extensions import has_digit

    assert has_digit(word) == any(c.isdigit() for c in word)


def test_entities_are_what_doc_ents_says_as_plain_records() -> None:
    doc = spacy.blank("en")(TEXT)
    doc.ents = [Span(doc, 2, 3, "NORP"), Span(doc, 4, 7, "GPE"), Span(doc, 8, 9, "DATE")]
    found = entities(doc)
    assert [tuple(e) for e in found] == [(e.start, e.end, e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
    assert found[1].text == "San Pedro Sula"
    assert all(type(v) in (int, str) for e in found for v in e)  # nothing that refers back to the Doc
    assert entities(doc) is found  # made once per Doc


@pytest.mark.model
def test_entities_of_a_parsed_doc(pipeline) -> None:
    doc = pipeline.model_for("en")(TEXT)
    assert doc.ents
    assert [(e.start, e.end, e.label_, e.text) for e in entities(doc)] == [
        (e.start, e.end, e.label_, e.text) for e in doc.ents
    ]


def test_drop_derived_forgets_the_tables_but_keeps_the_text() -> None:
    doc = spacy.blank("en")(TEXT)
    doc.ents = [Span(doc, 2, 3, "NORP")]
    table, text, ents = token_table(doc), doc_text(doc), entities(doc)
    doc.ents = [Span(doc, 4, 7, "GPE")]  # an edit the kept list cannot see (same tokens)
    assert entities(doc) is ents
    drop_derived(doc)
    assert [e.text for e in entities(doc)] == ["San Pedro Sula"]
    assert token_table(doc) is not table and token_table(doc) == table
    assert doc_text(doc) is text
