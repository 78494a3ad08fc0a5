"""Sources of articles: every kind of input a user can name, turned into Articles (or SourceErrors)."""

from caravan.ingest.sources import read_sources

__all__ = ["read_sources"]
