"""Sources of articles: every kind of input a user can name, turned into Articles (or SourceErrors)."""

from caravan.ingest.sources import read_source, read_sources
from caravan.ingest.urls import url_id

__all__ = ["read_source", "read_sources", "url_id"]
