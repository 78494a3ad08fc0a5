"""Quotes by rules alone, for Spanish and any text without a parse: «» and “” quotes, dialogue dashes,
"X dijo que …" and "según X, …"."""

from __future__ import annotations

from spacy.tokens import Doc

from caravan.nlp.quote_data import QuoteLexicon


def find_quotes_by_rules(doc: Doc, lexicon: QuoteLexicon) -> list:
    return []
