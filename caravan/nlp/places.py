"""Finds places in a parsed article (placeholder: finds nothing until implemented)."""

from __future__ import annotations

from spacy.tokens import Doc

from caravan.settings import Settings


class PlaceFinder:
    """Sets ``doc._.places``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = []
        return doc
