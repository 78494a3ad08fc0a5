"""Loading spaCy models, once per process, with paragraph breaks as sentence ends."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from caravan.errors import ModelError

PARAGRAPHS = "caravan_paragraphs"


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: the token after one starts a new sentence."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text and not token.is_space:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy model by package name, once per process, with the paragraph rule before the parser."""
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
    return nlp


@lru_cache(maxsize=2)
def load_blank(lang: str) -> Language:
    """A rule-only pipeline (tokenizer and sentencizer) for a language whose model is not installed."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(PARAGRAPHS, after="sentencizer")
    return nlp
