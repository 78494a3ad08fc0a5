"""Runs the pipeline over many articles: read → dedupe → extract → store, recording every failure.

An item is stored at most once: its content hash identifies it, so a second run over the same corpus adds
nothing. A near-duplicate of a stored original is stored pointing at it and not processed again. An item that
cannot be read, or that makes the pipeline fail, is recorded in the store's failures table and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tqdm import tqdm

from caravan.errors import ModelError, SourceError, StoreError
from caravan.ingest import read_sources
from caravan.link.duplicates import DuplicateIndex, load_index
from caravan.model import Article, Record
from caravan.settings import Settings
from caravan.store.base import Store
from caravan.store.database import InvalidRecordError

log = logging.getLogger(__name__)

Extractor = Callable[[Article], Record]
SHOWN_FAILURES = 20  # failures listed after a run; the rest are in the store's failures table


class Outcome(enum.Enum):
    """What happened to one input item."""

    NEW = "new"                         # processed and stored
    SKIPPED = "skipped"                 # stored, not processed (e.g. a language the pipeline does not handle)
    NEAR_DUPLICATE = "near-duplicate"   # stored pointing at its original, not processed
    ALREADY_STORED = "already stored"   # same text as a stored article: nothing added
    FAILED = "failed"                   # not readable, or the pipeline failed: recorded in failures


@dataclass
class IngestSummary:
    """Counts of one ingest run, and the failures it met."""

    counts: Counter[Outcome] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)
    new_failures: int = 0
    seconds: float = 0.0

    @property
    def items(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        """The closing summary, one line per outcome."""
        c = self.counts
        rate = self.items / self.seconds if self.seconds else 0.0
        return [f"{self.items} items in {self.seconds:.1f}s ({rate:.2f} items/s)",
                f"  new:             {c[Outcome.NEW] + c[Outcome.SKIPPED]:6d}  (processed and stored; "
                f"{c[Outcome.SKIPPED]} of them skipped by language)",
                f"  near-duplicates: {c[Outcome.NEAR_DUPLICATE]:6d}  (stored, pointing at their original)",
                f"  already stored:  {c[Outcome.ALREADY_STORED]:6d}  (same text as a stored article; nothing added)",
                f"  failed:          {c[Outcome.FAILED]:6d}  (in the failures table; {self.new_failures} new)"]


class Ingester:
    """Stores articles one at a time into a store, deduplicating and extracting as it goes."""

    def __init__(self, db: Store, settings: Settings, extract: Extractor | None = None) -> None:
        self.db = db
        self.settings = settings
        self._extract = extract
        self.index: DuplicateIndex = load_index(db, settings)
        self.summary = IngestSummary()

    @property
    def extract(self) -> Extractor:
        """The extractor; the default pipeline (and spaCy) loads only when an article needs it."""
        if self._extract is None:
            self._extract = _default_extractor(self.settings)
        return self._extract

    def add(self, item: Article | SourceError) -> Outcome:
        """Take one item from a reader: store it, or record why not."""
        if isinstance(item, SourceError):
            outcome = self.fail(item.item, item.reason, type(item).__name__)
        else:
            outcome = self.add_article(item)
        self.summary.counts[outcome] += 1
        return outcome

    def fail(self, item: str, reason: str, error: str) -> Outcome:
        log.info("failed: %s: %s", item, reason)
        self.summary.failures.append((item, reason))
        if self.db.add_failure(item, reason, error):
            self.summary.new_failures += 1
        return Outcome.FAILED

    def add_article(self, article: Article) -> Outcome:
        if self.db.id_for_hash(article.hash) is not None:
            return Outcome.ALREADY_STORED
        article = dataclasses.replace(article, id=self.db.free_id(article))
        minhash = self.index.signature(article.text)
        signature = self.index.encode(minhash) if minhash is not None else None
        near = self.index.find(minhash) if minhash is not None else None
        if near is not None:
            record = Record(id=article.id, language=article.language, published=article.published,
                            skipped=f"near-duplicate of {near.original} (similarity {near.similarity:.2f})")
            self.db.add_article(article, record, duplicate_of=near.original, signature=signature)
            return Outcome.NEAR_DUPLICATE
        record = self.run_pipeline(article)
        if record is None:
            return Outcome.FAILED
        try:
            self.db.add_article(article, record, signature=signature)
        except InvalidRecordError as exc:
            return self.fail(article.source or article.id, str(exc), type(exc).__name__)
        if minhash is not None:
            self.index.add(article.id, minhash)
        return Outcome.SKIPPED if record.skipped else Outcome.NEW

    def run_pipeline(self, article: Article) -> Record | None:
        """The article's record; None when a component failed (recorded as a failure of this article)."""
        item = article.source or article.id
        try:
            record = self.extract(article)
        except (ModelError, StoreError):
            raise  # not about this article: every other one would fail the same way
        except Exception as exc:  # the one boundary where any component error is caught, logged and recorded
            log.exception("pipeline failed on %s", item)
            self.fail(item, f"pipeline failed: {exc}" if str(exc) else "pipeline failed", type(exc).__name__)
            return None
        return dataclasses.replace(record, id=article.id)


def _default_extractor(settings: Settings) -> Extractor:
    from caravan.nlp.pipeline import Pipeline  # loads spaCy: only when a run needs it

    return Pipeline(settings)


def ingest_items(items: Iterable[Article | SourceError], db: Store, settings: Settings, *,
                 extract: Extractor | None = None, progress: bool = False) -> IngestSummary:
    """Store every item (article or reading error) into the database; the run's summary."""
    started = time.perf_counter()
    ingester = Ingester(db, settings, extract)
    with tqdm(items, desc="ingest", unit=" items", file=sys.stderr, disable=not progress) as bar:
        for item in bar:
            ingester.add(item)
            counts = ingester.summary.counts
            bar.set_postfix(new=counts[Outcome.NEW], dup=counts[Outcome.NEAR_DUPLICATE],
                            stored=counts[Outcome.ALREADY_STORED], failed=counts[Outcome.FAILED], refresh=False)
    ingester.summary.seconds = time.perf_counter() - started
    return ingester.summary


def ingest(sources: list[str], db: Store, settings: Settings, *, extract: Extractor | None = None,
           progress: bool = False) -> IngestSummary:
    """Read every source and store its articles (see ``ingest_items``)."""
    return ingest_items(read_sources(sources, settings), db, settings, extract=extract, progress=progress)
