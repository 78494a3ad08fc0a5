"""What kind of source a file or a fetched body is: by its extension, else by sniffing its first bytes."""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Literal

from caravan.ingest.urls import looks_like_url_list

Kind = Literal["text", "html", "jsonl", "json", "feed", "warc", "urls"]

# Extensions whose kind is certain. ".txt" is text unless it lists nothing but URLs; ".xml", ".gz" and unknown
# extensions are sniffed (an XML document that is not HTML goes to the feed reader, which refuses non-feeds).
EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".urls": "urls",
}
SNIFF_BYTES = 4096
GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
# Root elements of RSS 2.0 / 0.9x, Atom and RSS 1.0 (RDF) feeds, and of HTML pages.
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
HTML_ROOTS = frozenset({"html", "head", "body"})
XML_DECLARATION = b"<?xml"
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Prolog before the root element: XML declaration, processing instructions, comments, doctypes, whitespace.
PROLOG = re.compile(rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!(?!doctype\s+html)[^>]*>)*", re.S | re.I)
FIRST_TAG = re.compile(rb"<(!doctype\s+html|[a-z][\w:.-]*)", re.I)


def kind_of_file(path: Path) -> Kind:
    """The kind of a file: its extension when that is certain, else what its first bytes show."""
    name = path.name.lower()
    for suffix, kind in sorted(EXTENSIONS.items(), key=lambda pair: -len(pair[0])):
        if name.endswith(suffix):
            if kind == "text" and _is_url_list(path):
                return "urls"
            return kind
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    kind = sniff(head)
    if kind == "text" and _is_url_list(path):
        return "urls"
    return kind


def kind_of_body(head: bytes, media_type: str) -> Kind:
    """The kind of a fetched body: what its bytes show, with the server's media type for unmarked HTML."""
    kind = sniff(head)
    if kind == "text" and media_type in HTML_MEDIA_TYPES:
        return "html"
    return kind


def sniff(head: bytes) -> Kind:
    """The kind the first bytes of a source show: WARC, JSON (Lines), feed or HTML markup; else text."""
    if head.startswith(GZIP_MAGIC):
        return _sniff_gzip(head)
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if body.startswith(WARC_MAGIC):
        return "warc"
    if body.startswith(b"["):
        return "json"
    if body.startswith(b"{"):
        first_line = body.split(b"\n", 1)[0].strip()
        return "json" if first_line == b"{" else "jsonl"  # a pretty-printed object opens with a lone brace
    return _sniff_markup(body)


def _sniff_markup(body: bytes) -> Kind:
    start = PROLOG.match(body)
    match = FIRST_TAG.match(body, start.end() if start else 0)
    tag = match.group(1).decode("ascii", "replace").lower() if match else ""
    if tag in HTML_ROOTS or tag.startswith("!doctype"):
        return "html"
    if tag in FEED_ROOTS or body.startswith(XML_DECLARATION):
        return "feed"  # other XML is no article: the feed reader refuses it with a clear reason
    return "text"


def _sniff_gzip(head: bytes) -> Kind:
    """WARC or JSON Lines inside gzip; anything else gzipped is not a source (read as text, refused as binary)."""
    try:
        inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return "text"
    kind = sniff(inner) if inner and not inner.startswith(GZIP_MAGIC) else "text"
    return kind if kind in ("warc", "jsonl") else "text"


def _is_url_list(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if len(head) == SNIFF_BYTES:
        text = text.rsplit("\n", 1)[0]  # the last line may be cut
    return looks_like_url_list(text)
