"""What the pipeline needs of a store: the write side that batch ingest and the duplicate index use.

``Database`` (SQLite) implements it; a PostgreSQL backend implements the same methods and the pipeline is
unchanged.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import Protocol

from caravan.model import Article, Record


class Store(Protocol):
    """The store as batch ingest sees it."""

    def id_for_hash(self, content_hash: str) -> str | None:
        """The id of the stored article with this content hash, if any."""

    def free_id(self, article: Article, taken: Container[str] = frozenset()) -> str:
        """The article's id, or a variant of it when another text holds it (stored, or in ``taken``)."""

    def add_article(
        self,
        article: Article,
        record: Record,
        *,
        duplicate_of: str | None = None,
        signature: tuple[str, bytes] | None = None,
    ) -> None:
        """Store an article with its record, items and signature, all or nothing."""

    def add_failure(self, item: str, reason: str, error: str) -> bool:
        """Record a failed item; True when the failure is new."""

    def signatures(self, scheme: str) -> Iterable[tuple[str, bytes]]:
        """(article id, signature) of every stored original signed with this scheme."""

    def unsigned_articles(self, scheme: str) -> list[tuple[str, str]]:
        """(id, text) of stored originals without a signature of this scheme."""

    def save_signature(self, article_id: str, scheme: str, hashvalues: bytes) -> None:
        """Save (or replace) an article's signature."""
