"""Story clusters: an original article and its near-duplicates (syndicated copies, light edits) are one story.

Ingest stores a near-duplicate with ``duplicate_of`` pointing at its original and does not process it, so a
story's facts come from its original once; its copies add outlets, never a second count.
"""

from __future__ import annotations

from caravan.link.records import ArticleInfo

MAX_CHAIN = 32  # duplicate_of links followed at most (a cycle cannot be stored, but a bad store must not hang)


def find_stories(articles: dict[str, ArticleInfo]) -> dict[str, str]:
    """article id -> story id (the id of the chain's original); sets each article's story and outlets."""
    stories = {a.id: _root(a.id, articles) for a in articles.values()}
    outlets: dict[str, list[str]] = {}
    for article in sorted(articles.values(), key=lambda a: a.seq):
        story = outlets.setdefault(stories[article.id], [])
        if article.outlet and article.outlet not in story:
            story.append(article.outlet)
    for article in articles.values():
        article.story = stories[article.id]
        article.outlets = outlets[article.story]
    return stories


def _root(article_id: str, articles: dict[str, ArticleInfo]) -> str:
    current = article_id
    for _ in range(MAX_CHAIN):
        parent = articles[current].duplicate_of
        if parent is None or parent not in articles:
            return current
        current = parent
    return current
