"""RSS and Atom feeds (parsed with feedparser): one article per item, from its page or from its own text.

An item whose content (or summary) holds the article itself (``FULL_TEXT_MIN_WORDS`` or more) is read from the
feed. Otherwise its page is fetched and extracted; when that fails, the item's shorter text is used if it has any
(with a warning), else the fetch error is yielded. Item ids derive from the item URL (``urls.url_id``), so an
article has the same id whether it is read from a feed, its URL or a WARC capture.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from caravan.errors import EmptyError, FormatError, SourceError
from caravan.ingest.fetch import fetch
from caravan.ingest.html import extract_html, fragment_text, outlet_of
from caravan.ingest.urls import url_id
from caravan.model import Article
from caravan.settings import Settings

log = logging.getLogger(__name__)

# An item's own content with at least this many words is the article (not a teaser): no need to fetch the page.
FULL_TEXT_MIN_WORDS = 120
# feedparser "bozo" exceptions that are harmless (the feed was read in full).
HARMLESS_BOZO = (feedparser.CharacterEncodingOverride,)


def read_feed(
    data: bytes, item: str, stem: str, settings: Settings, base_url: str | None = None
) -> Iterator[Article | SourceError]:
    """Articles of a feed document; ``item`` names the feed, ``stem-n`` is the id of item n without a URL, and
    relative item links are resolved against ``base_url`` (the feed's own URL when it was fetched).

    Items of a feed that is malformed part way are read, then a FormatError says what was wrong.
    """
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    problem = _problem(parsed)
    if not parsed.entries:
        if problem:
            raise FormatError(item, problem)
        raise EmptyError(item, "feed without items")
    for n, entry in enumerate(parsed.entries, 1):
        try:
            yield entry_article(entry, f"{item}:{n}", f"{stem}-{n}", settings, base_url)
        except SourceError as exc:
            yield exc
    if problem:
        raise FormatError(item, f"{problem}; {len(parsed.entries)} items read before it")


def entry_article(entry: Any, item: str, default_id: str, settings: Settings, base_url: str | None = None) -> Article:
    """The article of one feed item: its own text when that is the article, else its fetched page."""
    link = _item_link(entry, item, base_url)
    text = _entry_text(entry)
    published = _entry_date(entry)
    title = (entry.get("title") or "").strip() or None
    if link is None or len(text.split()) < FULL_TEXT_MIN_WORDS:
        try:
            return _page_article(link, item, settings, title, published)
        except SourceError as exc:
            if not text:
                raise
            log.warning("%s: %s; using the item's own text instead", exc.item, exc.reason)
    if not text:
        raise EmptyError(item, "feed item with neither text nor link")
    return Article(
        id=url_id(link) if link else default_id,
        text=text,
        title=title,
        url=link,
        outlet=outlet_of(None, link),
        published=published,
        source=item,
    )


def _item_link(entry: Any, item: str, base_url: str | None) -> str | None:
    """The item's link made absolute; a link no URL parser reads ("http://ne]s.example/") is no link."""
    raw = (entry.get("link") or "").strip()
    try:
        link = urljoin(base_url or "", raw)
        urlsplit(link)
    except ValueError as exc:
        log.warning("%s: link %r is not a URL (%s); reading the item without it", item, raw[:80], exc)
        return None
    return link or None


def _page_article(link: str | None, item: str, settings: Settings, title: str | None, published: str | None) -> Article:
    if link is None:
        raise EmptyError(item, "feed item without a link")
    fetched = fetch(link, settings)
    article = extract_html(fetched.body, item=link, article_id=url_id(link), url=fetched.url, declared=fetched.charset)
    article.title = title or article.title
    article.published = published or article.published  # the feed's date is the publisher's own
    return article


def _entry_text(entry: Any) -> str:
    """The longest text the item carries: its full content or its summary, as plain text."""
    values = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    texts = [fragment_text(value) for value in values if value]
    return max(texts, key=len, default="")


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    return None


def _problem(parsed: Any) -> str | None:
    """What is wrong with a parsed document, or None: not a feed, or malformed XML."""
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if exc is not None and not isinstance(exc, HARMLESS_BOZO):
        return f"malformed feed ({' '.join(str(exc).split())})"
    if not parsed.get("version") and not parsed.entries:
        return "not an RSS or Atom feed"
    return None
