"""Dispatch: each named source (file, folder, URL) to the reader of its kind.

``read_sources`` is the one entry point: it yields an Article for every article found and a SourceError for
every item that could not be read (never raising one), so a batch always goes on. Folders are read recursively
in name order (hidden files and folders skipped); a file's kind comes from its extension or its first bytes
(``kinds.py``); a URL's from the fetched body.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from caravan.errors import EmptyError, SourceError
from caravan.ingest.feeds import read_feed
from caravan.ingest.fetch import Fetched, fetch
from caravan.ingest.gzipped import open_gzip
from caravan.ingest.html import extract_html, read_html_file
from caravan.ingest.jsonl import read_json_file, read_jsonl, read_jsonl_stream
from caravan.ingest.kinds import SNIFF_BYTES, Kind, kind_of_body, kind_of_file
from caravan.ingest.text import decode_bytes, read_limited, read_text_file
from caravan.ingest.urls import is_url, read_url_list, url_id
from caravan.ingest.warc import CHUNK_SIZE, GzipStream, read_warc, read_warc_stream
from caravan.model import Article
from caravan.settings import Settings

log = logging.getLogger(__name__)

Reader = Callable[[Path, Settings], Iterator[Article | SourceError]]


def read_sources(sources: list[str], settings: Settings) -> Iterator[Article | SourceError]:
    """Articles from every source in order; a bad item yields its SourceError and reading goes on."""
    for source in sources:
        yield from read_source(source, settings)


def read_source(source: str, settings: Settings) -> Iterator[Article | SourceError]:
    """Articles of one source: a URL, a folder (recursively) or a file."""
    if is_url(source):
        yield from read_url(source.strip(), settings)
        return
    path = Path(source)
    if path.is_dir():
        for child in walk(path):
            yield from read_file(child, settings)
        return
    yield from read_file(path, settings)


def walk(folder: Path) -> Iterator[Path]:
    """The files under a folder, recursively, in name order; hidden files and folders are skipped."""
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            log.debug("skipping hidden %s", child)
        elif child.is_symlink() and child.is_dir():
            log.info("skipping linked folder %s (it could loop)", child)
        elif child.is_dir():
            yield from walk(child)
        elif child.is_file():
            yield child


def read_file(path: Path, settings: Settings) -> Iterator[Article | SourceError]:
    """Articles of one file, by its kind; errors of the file as a whole are yielded, not raised."""
    try:
        if not path.exists():
            raise SourceError(str(path), "no such file, folder or URL")
        if not path.is_file():
            raise SourceError(str(path), "not a regular file")
        yield from FILE_READERS[kind_of_file(path)](path, settings)
    except SourceError as exc:
        yield exc
    except OSError as exc:
        yield SourceError(str(path), exc.strerror or str(exc))


def read_url(url: str, settings: Settings) -> Iterator[Article | SourceError]:
    """Articles at a URL: a page, a feed (its items), a WARC, JSON Lines or plain text, by what is served."""
    try:
        fetched = fetch(url, settings)
        if not fetched.body.strip():
            raise EmptyError(url, "empty response")
        yield from read_fetched(url, fetched, settings)
    except SourceError as exc:
        yield exc


def read_fetched(url: str, fetched: Fetched, settings: Settings) -> Iterator[Article | SourceError]:
    kind: Kind = kind_of_body(fetched.body[:SNIFF_BYTES], fetched.content_type)
    log.info("%s: %s (%s)", url, kind, fetched.content_type or "no media type")
    if kind == "feed":
        yield from read_feed(fetched.body, url, url_id(url), settings, base_url=fetched.url)
    elif kind == "warc":
        stream = io.BytesIO(fetched.body)
        gzipped = fetched.body[:2] == b"\x1f\x8b"
        yield from read_warc_stream(GzipStream(stream, settings.max_bytes + CHUNK_SIZE, gzipped=gzipped), url, settings)
    elif kind == "jsonl":
        stream = io.BytesIO(fetched.body)
        gzipped = fetched.body[:2] == b"\x1f\x8b"
        yield from read_jsonl_stream(open_gzip(stream) if gzipped else stream, url, url_id(url), settings)
    elif kind == "html":
        yield extract_html(fetched.body, item=url, article_id=url_id(url), url=fetched.url, declared=fetched.charset)
    else:
        yield _text_article(url, fetched)


def _text_article(url: str, fetched: Fetched) -> Article:
    text = decode_bytes(fetched.body, url, declared=fetched.charset)
    if not text.strip():
        raise EmptyError(url, "empty text")
    host = urlsplit(fetched.url).hostname
    return Article(
        id=url_id(url), text=text, url=fetched.url, outlet=host.removeprefix("www.") if host else None, source=url
    )


def _read_url_list(path: Path, settings: Settings) -> Iterator[Article | SourceError]:
    for url in read_url_list(path, settings):
        if isinstance(url, SourceError):
            yield url
        else:
            yield from read_url(url, settings)


def _read_feed_file(path: Path, settings: Settings) -> Iterator[Article | SourceError]:
    yield from read_feed(read_limited(path, settings), str(path), path.stem, settings)


def _one(read: Callable[[Path, Settings], Article]) -> Reader:
    def reader(path: Path, settings: Settings) -> Iterator[Article | SourceError]:
        yield read(path, settings)

    return reader


FILE_READERS: dict[Kind, Reader] = {
    "text": _one(read_text_file),
    "html": _one(read_html_file),
    "jsonl": read_jsonl,
    "json": read_json_file,
    "feed": _read_feed_file,
    "warc": read_warc,
    "urls": _read_url_list,
}
