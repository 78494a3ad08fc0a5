"""URLs as sources: recognising them, their stable article ids, and files that list them (one a line)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from caravan.errors import FormatError, SourceError
from caravan.ingest.text import decode_bytes, read_limited
from caravan.settings import Settings

URL_PATTERN = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$")
COMMENT = "#"
SLUG_CHARS = 60  # longest readable part of a URL id, before its hash
HASH_CHARS = 10  # hex digits of the URL's SHA-1 that make the id unique


def is_url(value: str) -> bool:
    """Whether a source name is a URL (``scheme://...``) rather than a path."""
    return bool(URL_PATTERN.match(value.strip()))


def url_id(url: str) -> str:
    """A stable, readable article id for a URL: a slug of host and path, then a hash of the whole URL.

    The fragment is ignored, so ``page#comments`` and ``page`` are one article.
    """
    parts = urlsplit(url.strip())
    canonical = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))
    host = (parts.hostname or "").removeprefix("www.")
    slug = re.sub(r"[^a-z0-9]+", "-", f"{host}{parts.path}".lower()).strip("-")
    if len(slug) > SLUG_CHARS:
        slug = slug[:SLUG_CHARS].rsplit("-", 1)[0]
    digest = hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:HASH_CHARS]
    return f"{slug}-{digest}" if slug else digest


def url_lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines of a URL list that are neither blank nor ``#`` comments, stripped."""
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith(COMMENT):
            yield n, line


def looks_like_url_list(text: str) -> bool:
    """Whether a text is a URL list: at least one URL and nothing but URLs, blank lines and comments."""
    lines = [line for _, line in url_lines(text)]
    return bool(lines) and all(is_url(line) for line in lines)


def read_url_list(path: Path, settings: Settings) -> Iterator[str | SourceError]:
    """The URLs a file lists, in order; a line that is not a URL yields a FormatError naming it."""
    text = decode_bytes(read_limited(path, settings), str(path))
    for n, line in url_lines(text):
        if is_url(line):
            yield line
        else:
            yield FormatError(f"{path}:{n}", f"not a URL ({line[:60]!r}; URLs start with a scheme like https://)")
