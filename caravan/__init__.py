"""Caravan: news about human migration in, a sourced and geolocated caravan/1 record out.

>>> from caravan import Pipeline, Article
>>> record = Pipeline()(Article(id="a1", text="...", published="2020-01-17"))
>>> record.to_dict()["quotes"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from caravan.errors import CaravanError, SourceError
from caravan.model import Article, DateRef, Event, Place, Quantity, Quote, Record, Span
from caravan.settings import Settings, load_settings

if TYPE_CHECKING:
    from caravan.nlp.pipeline import Pipeline

__version__ = "0.1.0"
__all__ = [
    "Article",
    "CaravanError",
    "DateRef",
    "Event",
    "Pipeline",
    "Place",
    "Quantity",
    "Quote",
    "Record",
    "Settings",
    "SourceError",
    "Span",
    "extract_text",
    "load_settings",
]


def extract_text(text: str, published: str | None = None, id: str = "text", settings: Settings | None = None) -> Record:
    """The caravan/1 record of one text (the pipeline is built once per process)."""
    from caravan.nlp.pipeline import shared_pipeline

    return shared_pipeline(settings)(Article(id=id, text=text, published=published))


def __getattr__(name: str) -> Any:
    if name == "Pipeline":  # imported on use: spaCy is heavy
        from caravan.nlp.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
