"""Extraction on a Dask cluster: chunks of articles go to workers, records come back to the single writer.

This process reads every source, deduplicates (exact and near-duplicates need the whole run's index) and writes
the store, in input order, exactly as the local path does; only the pipeline runs on the workers. Articles are
sent in chunks of ``dask_chunk`` so each task is worth its overhead, and each worker keeps one pipeline per
process (the spaCy model loads once per worker, on its first chunk). The articles of one JSON Lines or WARC
file are spread over all workers chunk by chunk.

``dask.distributed`` is optional (``pip install caravan[dask]``): it is imported only when a cluster is used.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from caravan.errors import CaravanError
from caravan.model import Article, Record
from caravan.settings import Settings

if TYPE_CHECKING:
    from distributed import Client, Future
    from tqdm import tqdm

    from caravan.batch import Extractor, Ingester, WorkerFailure

log = logging.getLogger(__name__)

CHUNKS_PER_WORKER = 2  # chunks in flight per worker thread: one running, one waiting
LOCAL = "local"  # --scheduler local: start a cluster of --workers processes on this machine


class ClusterError(CaravanError):
    """The Dask cluster cannot be used (not installed, unreachable)."""


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError("Dask is not installed: pip install 'caravan[dask]' (dask[distributed])") from exc
    return distributed


@contextlib.contextmanager
def connect(scheduler: str, workers: int = 1, timeout: float = 20.0) -> Iterator[Client]:
    """A client of the scheduler at ``tcp://HOST:PORT``, or of a local cluster of ``workers`` processes."""
    distributed = _distributed()
    if scheduler == LOCAL:
        logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO lines would bury the progress bar
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.WARNING,
        )
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout=f"{timeout}s")
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        yield client


def worker_slots(client: Client) -> int:
    """Threads the cluster runs tasks on (at least one, so a cluster still scaling up gets work)."""
    return max(1, sum(client.nthreads().values()))


# One extractor per worker process, per settings: the model loads on a worker's first chunk and stays.
_EXTRACTORS: dict[str, Extractor] = {}
_LOCK = threading.Lock()  # a worker with several threads (or processes=False) runs one article at a time


def extract_chunk(
    settings: Settings, articles: list[Article], extract: Extractor | None = None
) -> list[Record | WorkerFailure]:
    """The records of a chunk of articles (a failure in place of each article the pipeline broke on)."""
    from caravan.batch import _default_extractor, run_pipeline

    with _LOCK:
        if extract is None:
            key = repr(settings)
            if key not in _EXTRACTORS:
                _EXTRACTORS[key] = _default_extractor(settings)
            extract = _EXTRACTORS[key]
        return [run_pipeline(extract, article) for article in articles]


class Chunk:
    """Articles gathered for one task, then the task's future."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.future: Future | None = None


class Slot:
    """One article's place in a chunk: the ``done``/``result`` of a future, for ``Ingester.finish``."""

    def __init__(self, chunk: Chunk, index: int) -> None:
        self.chunk = chunk
        self.index = index

    def done(self) -> bool:
        return self.chunk.future is not None and self.chunk.future.done()

    def result(self) -> Record | WorkerFailure:
        from caravan.batch import WorkerFailure

        if self.chunk.future is None:
            raise RuntimeError("chunk was never submitted")
        try:
            return self.chunk.future.result()[self.index]
        except Exception as exc:  # the task itself was lost (a worker died): each of its articles failed
            return WorkerFailure(type(exc).__name__, f"dask task failed: {exc}")


class Chunker:
    """Gathers articles into chunks and submits each full chunk to the cluster."""

    def __init__(self, client: Client, settings: Settings, extract: Extractor | None, size: int) -> None:
        self.client = client
        self.settings = settings
        self.extract = extract
        self.size = max(1, size)
        self.open = Chunk()

    def add(self, article: Article) -> Slot:
        slot = Slot(self.open, len(self.open.articles))
        self.open.articles.append(article)
        if len(self.open.articles) >= self.size:
            self.flush()
        return slot

    def flush(self) -> None:
        """Submit the chunk being gathered, if it holds any article."""
        chunk = self.open
        if not chunk.articles:
            return
        chunk.future = self.client.submit(extract_chunk, self.settings, chunk.articles, self.extract, pure=False)
        self.open = Chunk()


def run_dask(ingester: Ingester, bar: tqdm, client: Client) -> None:
    """Like ``batch.run_parallel``, with the pipeline on the cluster's workers, in chunks."""
    from caravan.batch import Job, show_counts

    size = ingester.settings.dask_chunk
    window = worker_slots(client) * CHUNKS_PER_WORKER * size
    chunker = Chunker(client, ingester.settings, ingester._extract, size)
    queue: deque[Job] = deque()
    try:
        for item in bar:
            job = ingester.prepare(item)
            if isinstance(job, Job):
                if job.near is None:
                    job.result = chunker.add(job.article)
                queue.append(job)
            if len(queue) > window:
                chunker.flush()  # the oldest job must not wait on a chunk that is still being gathered
            while queue and (len(queue) > window or queue[0].result is None or queue[0].result.done()):
                ingester.finish(queue.popleft())
            show_counts(bar, ingester.summary)
        chunker.flush()
        while queue:
            ingester.finish(queue.popleft())
            show_counts(bar, ingester.summary)
    except BaseException:
        for job in queue:  # stop at once: what was stored stays stored
            if isinstance(job.result, Slot) and job.result.chunk.future is not None:
                job.result.chunk.future.cancel()
        raise
