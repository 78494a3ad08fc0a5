"""Finds dates in a parsed article (placeholder: finds nothing until implemented)."""

from __future__ import annotations

from spacy.tokens import Doc

from caravan.settings import Settings


class DateFinder:
    """Sets ``doc._.dates``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = []
        return doc
