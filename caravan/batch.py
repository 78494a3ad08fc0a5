"""Runs the pipeline over many articles: read → dedupe → extract → store, recording every failure.

An item is stored at most once: its content hash identifies it, so a second run over the same corpus adds
nothing. A near-duplicate of a stored original is stored pointing at it and not processed again. An item that
cannot be read, or that makes the pipeline fail, is recorded in the store's failures table and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import multiprocessing
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from datasketch import MinHash
from tqdm import tqdm

from caravan.errors import ModelError, SourceError, StoreError
from caravan.ingest import read_sources
from caravan.link.duplicates import DuplicateIndex, NearDuplicate, load_index
from caravan.model import Article, Record
from caravan.settings import Settings
from caravan.store.base import Store
from caravan.store.database import InvalidRecordError

if TYPE_CHECKING:
    from distributed import Client as DaskClient

log = logging.getLogger(__name__)

Extractor = Callable[[Article], Record]
SHOWN_FAILURES = 20  # failures listed after a run; the rest are in the store's failures table
JOBS_PER_WORKER = 4  # articles in flight per worker process: keeps workers busy without reading far ahead


class Outcome(enum.Enum):
    """What happened to one input item."""

    NEW = "new"  # processed and stored
    SKIPPED = "skipped"  # stored, not processed (e.g. a language the pipeline does not handle)
    NEAR_DUPLICATE = "near-duplicate"  # stored pointing at its original, not processed
    DUPLICATE = "duplicate"  # same text as an earlier item of this run: nothing added
    ALREADY_STORED = "already stored"  # same text as an article stored by an earlier run: nothing added
    FAILED = "failed"  # not readable, or the pipeline failed: recorded in failures


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
        return [
            f"{self.items} items in {self.seconds:.1f}s ({rate:.2f} items/s)",
            f"  new:             {c[Outcome.NEW] + c[Outcome.SKIPPED]:6d}  (processed and stored; "
            f"{c[Outcome.SKIPPED]} of them skipped by language)",
            f"  near-duplicates: {c[Outcome.NEAR_DUPLICATE]:6d}  (stored, pointing at their original)",
            f"  duplicates:      {c[Outcome.DUPLICATE]:6d}  (same text as an earlier item; nothing added)",
            f"  already stored:  {c[Outcome.ALREADY_STORED]:6d}  (stored by an earlier run; nothing added)",
            f"  failed:          {c[Outcome.FAILED]:6d}  (in the failures table; {self.new_failures} new)",
        ]


@dataclass
class Job:
    """An article on its way into the store: its final id, signature and what is to become of it."""

    article: Article
    minhash: MinHash | None
    signature: tuple[str, bytes] | None
    near: NearDuplicate | None = None  # when set: store as a near-duplicate of this original, unprocessed
    result: Future[Record | WorkerFailure] | Any = None  # when set: the record comes from a worker (or a Dask slot)

    @property
    def item(self) -> str:
        return self.article.source or self.article.id


@dataclass(frozen=True)
class WorkerFailure:
    """A pipeline error raised in a worker process, carried back as plain data."""

    error: str
    reason: str
    fatal: bool = False  # the pipeline cannot run at all (a missing model): stop the batch


class Ingester:
    """Stores articles into a store, deduplicating and extracting as it goes.

    ``add`` takes one item through to the store. For parallel runs, ``prepare`` decides what becomes of an
    article (already stored, near-duplicate, to be processed) and ``finish`` stores it once its record is
    ready; articles being processed count as originals for those read after them, so nothing is processed
    twice, and jobs must be finished in the order they were prepared.
    """

    def __init__(self, db: Store, settings: Settings, extract: Extractor | None = None) -> None:
        self.db = db
        self.settings = settings
        self._extract = extract
        self.index: DuplicateIndex = load_index(db, settings)
        self.summary = IngestSummary()
        self.pending: set[str] = set()  # ids of prepared, unfinished jobs
        self.seen: set[str] = set()  # content hashes of the articles of this run
        self.lost: set[str] = set()  # ids of originals that failed after others were matched to them

    @property
    def extract(self) -> Extractor:
        """The extractor; the default pipeline (and spaCy) loads only when an article needs it."""
        if self._extract is None:
            self._extract = _default_extractor(self.settings)
        return self._extract

    def add(self, item: Article | SourceError) -> Outcome:
        """Take one item from a reader: store it, or record why not."""
        job = self.prepare(item)
        return job if isinstance(job, Outcome) else self.finish(job)

    def count(self, outcome: Outcome) -> Outcome:
        self.summary.counts[outcome] += 1
        return outcome

    def fail(self, item: str, reason: str, error: str) -> Outcome:
        log.info("failed: %s: %s", item, reason)
        self.summary.failures.append((item, reason))
        if self.db.add_failure(item, reason, error):
            self.summary.new_failures += 1
        return Outcome.FAILED

    def prepare(self, item: Article | SourceError) -> Job | Outcome:
        """What becomes of an item: an outcome at once (failed, already stored) or a job to finish."""
        if isinstance(item, SourceError):
            return self.count(self.fail(item.item, item.reason, type(item).__name__))
        if item.hash in self.seen:
            return self.count(Outcome.DUPLICATE)
        self.seen.add(item.hash)
        if self.db.id_for_hash(item.hash) is not None:
            return self.count(Outcome.ALREADY_STORED)
        article = dataclasses.replace(item, id=self.db.free_id(item, taken=self.pending))
        minhash = self.index.signature(article.text)
        job = Job(article, minhash, self.index.encode(minhash) if minhash is not None else None)
        if minhash is not None:
            job.near = self.index.find(minhash)
            if job.near is None:
                self.index.add(article.id, minhash)  # an original from now on, even while it is processed
        self.pending.add(article.id)
        return job

    def finish(self, job: Job) -> Outcome:
        """Store a prepared job (processing it here unless a worker did); its outcome, counted."""
        try:
            outcome = self._finish(job)
        finally:
            self.pending.discard(job.article.id)
        if outcome is Outcome.FAILED:
            self.lost.add(job.article.id)
            self.index.remove(job.article.id)
        return self.count(outcome)

    def _finish(self, job: Job) -> Outcome:
        if job.near is not None and job.near.original not in self.lost:
            near_record = near_duplicate_record(job.article, job.near)
            self.db.add_article(job.article, near_record, duplicate_of=job.near.original, signature=job.signature)
            return Outcome.NEAR_DUPLICATE
        record = self.record_of(job)
        if record is None:
            return Outcome.FAILED
        try:
            self.db.add_article(job.article, record, signature=job.signature)
        except InvalidRecordError as exc:
            return self.fail(job.item, str(exc), type(exc).__name__)
        if job.near is not None and job.minhash is not None:  # its original was lost: it is one now
            self.index.add(job.article.id, job.minhash)
        return Outcome.SKIPPED if record.skipped else Outcome.NEW

    def record_of(self, job: Job) -> Record | None:
        """The job's record, from its worker or processed here; None when the pipeline failed (recorded)."""
        if job.result is None:  # sequential, or a near-duplicate whose original failed
            result = run_pipeline(self.extract, job.article)
        else:
            result = job.result.result()
        if isinstance(result, WorkerFailure):
            if result.fatal:
                raise ModelError(result.reason)
            self.fail(job.item, result.reason, result.error)
            return None
        return dataclasses.replace(result, id=job.article.id)


def near_duplicate_record(article: Article, near: NearDuplicate) -> Record:
    """The record of a near-duplicate: not processed, with the reason and its original."""
    return Record(
        id=article.id,
        language=article.language,
        published=article.published,
        skipped=f"near-duplicate of {near.original} (similarity {near.similarity:.2f})",
    )


def run_pipeline(extract: Extractor, article: Article) -> Record | WorkerFailure:
    """The article's record, or the failure of the component that broke on it (logged with the item)."""
    try:
        return extract(article)
    except ModelError as exc:
        return WorkerFailure(type(exc).__name__, str(exc), fatal=True)
    except StoreError:
        raise  # not about this article: every other one would fail the same way
    except Exception as exc:  # the one boundary where any component error is caught, logged and recorded
        log.exception("pipeline failed on %s", article.source or article.id)
        return WorkerFailure(type(exc).__name__, f"pipeline failed: {exc}" if str(exc) else "pipeline failed")


def _default_extractor(settings: Settings) -> Extractor:
    from caravan.nlp.pipeline import Pipeline  # loads spaCy: only when a run needs it

    return Pipeline(settings)


def ingest_items(
    items: Iterable[Article | SourceError],
    db: Store,
    settings: Settings,
    *,
    extract: Extractor | None = None,
    progress: bool = False,
    workers: int = 1,
    client: DaskClient | None = None,
) -> IngestSummary:
    """Store every item (article or reading error) into the database; the run's summary.

    With ``workers`` > 1 the pipeline runs in that many processes (each loads its own models; ``extract``, if
    given, must be picklable) while this process reads, deduplicates and writes, in input order. With a Dask
    ``client`` it runs on that cluster's workers instead, in chunks (see ``caravan.cluster``).
    """
    started = time.perf_counter()
    ingester = Ingester(db, settings, extract)
    with tqdm(items, desc="ingest", unit=" items", file=sys.stderr, disable=not progress) as bar:
        if client is not None:
            from caravan.cluster import run_dask

            run_dask(ingester, bar, client)
        elif workers > 1:
            run_parallel(ingester, bar, workers)
        else:
            for item in bar:
                ingester.add(item)
                show_counts(bar, ingester.summary)
    ingester.summary.seconds = time.perf_counter() - started
    return ingester.summary


def show_counts(bar: tqdm, summary: IngestSummary) -> None:
    counts = summary.counts
    bar.set_postfix(
        new=counts[Outcome.NEW],
        dup=counts[Outcome.NEAR_DUPLICATE],
        same=counts[Outcome.DUPLICATE] + counts[Outcome.ALREADY_STORED],
        failed=counts[Outcome.FAILED],
        refresh=False,
    )


def run_parallel(ingester: Ingester, bar: tqdm, workers: int) -> None:
    """Process articles in worker processes; store them here, in input order, as their records come back."""
    window = workers * JOBS_PER_WORKER
    context = multiprocessing.get_context("spawn")  # workers share nothing with this process's connections
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=start_worker, initargs=(ingester.settings, ingester._extract)
    )
    try:
        queue: deque[Job] = deque()
        for item in bar:
            job = ingester.prepare(item)
            if isinstance(job, Job):
                if job.near is None:
                    job.result = pool.submit(work, job.article)
                queue.append(job)
            while queue and (len(queue) > window or queue[0].result is None or queue[0].result.done()):
                ingester.finish(queue.popleft())
            show_counts(bar, ingester.summary)
        while queue:
            ingester.finish(queue.popleft())
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # stop at once: what was stored stays stored
        raise
    pool.shutdown()


# The extractor of a worker process, set once by the pool's initializer (per-process state, never shared).
WORKER_STATE: dict[str, Extractor] = {}


def start_worker(settings: Settings, extract: Extractor | None) -> None:
    WORKER_STATE["extract"] = extract or _default_extractor(settings)


def work(article: Article) -> Record | WorkerFailure:
    return run_pipeline(WORKER_STATE["extract"], article)


def ingest(
    sources: list[str],
    db: Store,
    settings: Settings,
    *,
    extract: Extractor | None = None,
    progress: bool = False,
    workers: int = 1,
    client: DaskClient | None = None,
) -> IngestSummary:
    """Read every source and store its articles (see ``ingest_items``)."""
    return ingest_items(
        read_sources(sources, settings),
        db,
        settings,
        extract=extract,
        progress=progress,
        workers=workers,
        client=client,
    )
