"""Finds quantities in a parsed article (placeholder: finds nothing until implemented)."""

from __future__ import annotations

from spacy.tokens import Doc

from caravan.settings import Settings


class QuantityFinder:
    """Sets ``doc._.quantities``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = []
        return doc
