"""Loading spaCy models, once per process, with paragraph breaks as sentence ends."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from caravan.errors import ModelError
from caravan.nlp.sentences import SentenceCap

PARAGRAPHS = "caravan_paragraphs"
SENTENCE_CAP = "caravan_sentence_cap"
DEFAULT_CAP = 200  # the default of the max_sentence_tokens setting


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: the token after one starts a new sentence."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.factory(SENTENCE_CAP, default_config={"max_tokens": DEFAULT_CAP})
def make_sentence_cap(nlp: Language, name: str, max_tokens: int) -> SentenceCap:
    """No run of tokens between sentence ends longer than ``max_tokens`` (0: off); see ``caravan.nlp.sentences``."""
    return SentenceCap(max_tokens)


@lru_cache(maxsize=4)
def load_model(name: str, max_sentence_tokens: int = DEFAULT_CAP) -> Language:
    """Load a spaCy model by package name, once per process (and cap), with the paragraph rule and the sentence
    cap before the parser."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed ({exc.__class__.__name__}); "
            f"install it with pip or set model_en/model_es in the settings"
        ) from exc
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe(PARAGRAPHS, before=before)
    else:
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(PARAGRAPHS, after="sentencizer")
    nlp.add_pipe(SENTENCE_CAP, after=PARAGRAPHS, config={"max_tokens": max_sentence_tokens})
    return nlp


@lru_cache(maxsize=4)
def load_blank(lang: str, max_sentence_tokens: int = DEFAULT_CAP) -> Language:
    """A rule-only pipeline (tokenizer, sentencizer, sentence cap) for a language whose model is not installed."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(PARAGRAPHS, after="sentencizer")
    nlp.add_pipe(SENTENCE_CAP, after=PARAGRAPHS, config={"max_tokens": max_sentence_tokens})
    return nlp
