"""The per-Doc token table: the plain lists the components read instead of making Token objects."""

from __future__ import annotations

import pytest
import spacy

from caravan.nlp.events.lexicon import lemma, token_lemmas
from caravan.nlp.extensions import token_lowers, token_table, token_words

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
