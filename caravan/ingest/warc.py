"""Web archives (WARC, plain or gzipped, read with warcio): each HTML response record becomes an article.

Records that are not successful HTML captures (requests, metadata, redirects, images) are skipped. A truncated
file yields the articles read before the cut, then a FormatError. warcio takes a truncated gzip member for a
normal end, so gzipped archives are decompressed here, by a stream that remembers the truncation.
"""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol, cast
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader

from caravan.errors import FormatError, SourceError, TooLargeError
from caravan.ingest.fetch import parse_content_type
from caravan.ingest.gzipped import BoundedGzip, DecompressionBomb
from caravan.ingest.html import extract_html
from caravan.ingest.urls import url_id
from caravan.model import Article
from caravan.settings import Settings

log = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
ARTICLE_RECORD_TYPES = ("response", "resource")
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")
CHUNK_SIZE = 64 * 1024
DEFAULT_MAX_LINE = 10_000_000 + CHUNK_SIZE  # longest line kept in memory: settings.max_bytes plus one chunk
# What warcio raises on a malformed or cut archive (a cut inside record headers surfaces as AttributeError).
WARC_ERRORS = (ArchiveLoadFailed, ValueError, EOFError, OSError, zlib.error, AttributeError)


class TruncatedRecord(Exception):
    """A record whose block ends before its Content-Length (internal; becomes a FormatError)."""


class _ReadsChunks(Protocol):
    """What GzipStream reads from: a buffered binary file (read1 returns what one step of reading gives)."""

    def read1(self, size: int = -1, /) -> bytes: ...


class GzipStream:
    """A WARC stream for warcio, gzipped or not, that reports truncation, corruption, decompression bombs and
    lines too long to be WARC headers (warcio would hold a whole line in memory) instead of ending quietly."""

    def __init__(self, raw: IO[bytes], max_line: int = DEFAULT_MAX_LINE, gzipped: bool = True) -> None:
        # files opened "rb" and BytesIO have read1, as BoundedGzip does; typing.IO does not declare it
        self._stream = cast(_ReadsChunks, BoundedGzip(raw) if gzipped else raw)
        self._max_line = max_line
        self._since_newline = 0
        self.error: str | None = None
        self.too_large = False

    def read(self, size: int = -1) -> bytes:
        if self.error:
            return b""
        try:  # read1: one decompression step at most, so data before a cut is returned before the error
            data = self._stream.read1(size if size and size > 0 else CHUNK_SIZE)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            self.error = " ".join(str(exc).split()) or "truncated gzip data"
            return b""
        except DecompressionBomb as exc:
            self.error, self.too_large = str(exc), True
            return b""
        return self._bounded(data)

    def _bounded(self, data: bytes) -> bytes:
        newline = data.rfind(b"\n")
        self._since_newline = len(data) - newline - 1 if newline >= 0 else self._since_newline + len(data)
        if self._since_newline > self._max_line:
            self.error, self.too_large = f"a line of more than {self._max_line} bytes (refused)", True
            return b""
        return data


def read_warc(path: Path, settings: Settings) -> Iterator[Article | SourceError]:
    """Articles of a WARC file (``.warc`` or ``.warc.gz``)."""
    with path.open("rb") as raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        # plain archives go through the same stream too: it bounds header lines that never end
        stream = GzipStream(raw, settings.max_bytes + CHUNK_SIZE, gzipped=gzipped)
        yield from read_warc_stream(stream, str(path), settings)


def read_warc_stream(stream: IO[bytes] | GzipStream, item: str, settings: Settings) -> Iterator[Article | SourceError]:
    """Articles of an open, uncompressed (or GzipStream) WARC stream; ``item:n`` names record n."""
    count = 0
    archive = ArchiveIterator(stream)
    try:
        for count, record in enumerate(archive, 1):
            if not record.format.startswith("warc"):
                raise FormatError(item, f"not a WARC file (record {count} is {record.format!r})")
            found = record_article(record, f"{item}:{count}", settings)
            check_complete(record)
            if found is not None:
                yield found
    except TruncatedRecord:
        _check_bounds(stream, item, count - 1)
        raise FormatError(
            item, f"truncated WARC: record {count} is cut short ({count - 1} records read before it)"
        ) from None
    except WARC_ERRORS as exc:
        _check_bounds(stream, item, count - 1)
        raise FormatError(item, f"malformed WARC after {count} records ({' '.join(str(exc).split())})") from None
    _check_bounds(stream, item, count)
    error = stream.error if isinstance(stream, GzipStream) else None
    if error:
        raise FormatError(item, f"truncated or corrupt WARC.gz after {count} records ({error})")
    if count == 0:
        raise FormatError(item, "no WARC records (empty, truncated or not a WARC file)")
    left = _size(stream) - archive.offset if not isinstance(stream, GzipStream) else 0
    if left > 0:
        raise FormatError(item, f"truncated WARC: {left} bytes after record {count} are not a whole record")


def _check_bounds(stream: IO[bytes] | GzipStream, item: str, count: int) -> None:
    """Raise a TooLargeError when the stream stopped at a decompression bomb or an endless line."""
    if isinstance(stream, GzipStream) and stream.too_large:
        raise TooLargeError(item, f"{stream.error}; {count} records read before it")


def record_article(record: Any, where: str, settings: Settings) -> Article | SourceError | None:
    """The article of one record; None for records that are not HTML captures."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type not in ARTICLE_RECORD_TYPES or not uri:
        return None
    media_type, charset = parse_content_type(_content_type(record))
    if media_type not in HTML_MEDIA_TYPES:
        return None
    try:
        urlsplit(uri)
    except ValueError as exc:  # "http://ne]s.example/": this record is refused, the archive goes on
        return FormatError(where, f"WARC-Target-URI {uri[:80]!r} is not a URL ({exc})")
    if record.length and record.length > settings.max_bytes:
        return TooLargeError(uri, f"record of {record.length} bytes, over the limit of {settings.max_bytes}")
    body = record.content_stream().read(settings.max_bytes + 1)
    if len(body) > settings.max_bytes:
        return TooLargeError(uri, f"content over the limit of {settings.max_bytes} bytes")
    try:
        article = extract_html(body, item=uri, article_id=url_id(uri), url=uri, declared=charset)
    except SourceError as exc:
        return exc
    article.source = where
    return article


def _size(stream: IO[bytes]) -> int:
    position = stream.tell()
    size = stream.seek(0, io.SEEK_END)
    stream.seek(position)
    return size


def check_complete(record: Any) -> None:
    """Read what is left of a record's block; raise TruncatedRecord when it ends before its Content-Length
    (or has none: warcio returns the cut headers of a last record as a record)."""
    if not record.rec_headers.get_header("Content-Length") or not record.rec_headers.get_header("WARC-Type"):
        raise TruncatedRecord()
    stream = record.raw_stream
    while stream.read(CHUNK_SIZE):
        pass
    if isinstance(stream, LimitReader) and stream.limit > 0:
        raise TruncatedRecord()


def _content_type(record: Any) -> str:
    """The Content-Type of a capture: of the HTTP response (only a 200 counts), or of a resource record."""
    if record.rec_type != "response":
        return record.rec_headers.get_header("Content-Type") or ""
    headers = record.http_headers
    if headers is None or headers.get_statuscode() != "200":
        return ""
    return headers.get_header("Content-Type") or ""
