"""Adding articles through the API: a text, or a URL fetched by the safe fetcher, through the ingester.

Writes go through the same ``Ingester`` as ``caravan ingest`` (idempotent on the text's hash, near-duplicates
linked, failures recorded, the store relinked after), one at a time: a lock makes the API the store's one writer,
and the NLP pipeline is loaded on the first write only, so a read-only server never loads spaCy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from caravan.api.schemas import Added, ArticleIn
from caravan.batch import Extractor, Ingester, Job, Outcome
from caravan.errors import SourceError
from caravan.ingest.sources import read_url
from caravan.link.build import update_links
from caravan.model import Article, content_hash
from caravan.settings import Settings
from caravan.store import Database, open_database

API_ID_PREFIX = "api-"  # ids of posted texts without one: the prefix and the start of the text's hash
API_ID_HASH_CHARS = 16
STORED = ("new", "skipped", "near-duplicate")  # outcomes that add an article to the store


class Writer:
    """Stores posted articles into the store at ``settings.db_path``, one request at a time."""

    def __init__(self, settings: Settings, extract: Extractor | None = None) -> None:
        self.settings = settings
        self._extract = extract
        self._lock = threading.Lock()

    @property
    def extract(self) -> Extractor:
        if self._extract is None:
            from caravan.nlp.pipeline import Pipeline  # loads spaCy: only when the first article is posted

            self._extract = Pipeline(self.settings)
        return self._extract

    def add(self, body: ArticleIn) -> list[Added]:
        """Store what the body names (fetching first, outside the lock); what became of each article."""
        items = list(self.items(body))
        if len(items) == 1 and isinstance(items[0], SourceError):
            raise items[0]
        with self._lock, open_database(self.settings.db_path) as db:
            ingester = Ingester(db, self.settings, self.extract)
            added = [add_one(ingester, db, item) for item in items]
            if any(a.outcome in STORED for a in added):
                update_links(db, settings=self.settings)  # as `caravan ingest` does after every run
        return added

    def items(self, body: ArticleIn) -> Iterator[Article | SourceError]:
        if body.url is not None:
            for item in read_url(body.url.strip(), self.settings):
                yield item if isinstance(item, SourceError) else with_metadata(item, body)
            return
        text = body.text or ""
        article_id = body.id or API_ID_PREFIX + content_hash(text)[:API_ID_HASH_CHARS]
        yield Article(
            id=article_id,
            text=text,
            title=body.title,
            outlet=body.outlet,
            published=body.published,
            source=f"api:{article_id}",
        )


def with_metadata(article: Article, body: ArticleIn) -> Article:
    """A fetched article with the metadata the request gives in place of what was found."""
    article.id = body.id or article.id
    article.title = body.title or article.title
    article.outlet = body.outlet or article.outlet
    article.published = body.published or article.published
    return article


def add_one(ingester: Ingester, db: Database, item: Article | SourceError) -> Added:
    """Take one item through the ingester; its id in the store (if it is there) and its outcome."""
    job = ingester.prepare(item)
    if isinstance(item, SourceError):
        return Added(id=None, item=item.item, outcome=Outcome.FAILED.value, reason=item.reason)
    if not isinstance(job, Job):
        return Added(id=db.id_for_hash(item.hash), item=item.source or item.id, outcome=job.value)
    outcome = ingester.finish(job)
    if outcome is Outcome.FAILED:
        return Added(id=None, item=job.item, outcome=outcome.value, reason=ingester.summary.failures[-1][1])
    return Added(id=job.article.id, item=job.item, outcome=outcome.value)
