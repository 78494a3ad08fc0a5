"""The sentence cap: runs of tokens longer than max_sentence_tokens are cut before the parser; prose is untouched."""

from __future__ import annotations

import pytest

from caravan.model import Article
from caravan.nlp.models import load_model
from caravan.nlp.pipeline import Pipeline
from caravan.nlp.sentences import find_cuts
from caravan.settings import Settings

NAMES = ["Maria Lopez", "Tapachula", "Juan Perez", "Ciudad Hidalgo", "Honduras", "Rosa Mejia", "Tijuana"]
HOSTILE = "Witnesses listed " + ", ".join(NAMES * 80) + "\n"  # one run of about 1,440 tokens, no full stop
PROSE = (
    "About 300 migrants crossed into Mexico on Tuesday, police said. The group had left San Pedro Sula a week "
    'earlier. "We will keep walking," said Maria Lopez, a mother of three, adding that the shelters were full.\n'
)


def lengths(doc) -> list[int]:
    return [len(s) for s in doc.sents]


def test_sentence_cap_cuts_after_punctuation_else_before_a_conjunction_else_at_the_cap():
    words = ["w"] * 10 + [","] + ["w"] * 9 + ["and"] + ["w"] * 30
    assert find_cuts(words, 0, len(words), 12) == [11, 20, 32, 44]  # after ",", before "and", then at the cap
    assert find_cuts(words, 0, 12, 12) == []


@pytest.mark.model
def test_sentence_cap_cuts_a_long_run_into_sentences_of_at_most_the_cap(settings: Settings):
    doc = load_model(settings.model_en, 200)(HOSTILE)
    assert len(doc) > 1400 and max(lengths(doc)) <= 200 and len(lengths(doc)) >= len(doc) // 200


@pytest.mark.model
def test_sentence_cap_zero_leaves_the_long_run_one_sentence(settings: Settings):
    doc = load_model(settings.model_en, 0)(HOSTILE)
    assert max(lengths(doc)) > 1400


@pytest.mark.model
def test_sentence_cap_leaves_sentences_under_the_cap_as_the_parser_reads_them(settings: Settings):
    capped, plain = load_model(settings.model_en, 30)(PROSE), load_model(settings.model_en, 0)(PROSE)
    assert max(lengths(plain)) <= 30
    assert [(t.head.i, t.dep_, t.is_sent_start) for t in capped] == [(t.head.i, t.dep_, t.is_sent_start) for t in plain]


@pytest.mark.model
def test_sentence_cap_setting_reaches_the_pipeline(settings: Settings, built_gazetteer):
    text = PROSE + HOSTILE
    capped = Pipeline(settings.replace(max_sentence_tokens=200)).make_doc(Article(id="h", text=text), "en")
    plain = Pipeline(settings.replace(max_sentence_tokens=0)).make_doc(Article(id="h", text=text), "en")
    assert max(lengths(capped)) <= 200 < max(lengths(plain))
    prose = len(PROSE)  # the paragraph before the hostile run is parsed as without the cap
    assert [s.text for s in capped.sents if s.end_char <= prose] == [s.text for s in plain.sents if s.end_char <= prose]


def test_sentence_cap_setting_from_the_environment(monkeypatch):
    from caravan.settings import load_settings

    monkeypatch.setenv("CARAVAN_MAX_SENTENCE_TOKENS", "0")
    assert load_settings().max_sentence_tokens == 0
