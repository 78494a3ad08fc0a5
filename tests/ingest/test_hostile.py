"""Hostile inputs: decompression bombs, endless lines and deep nesting are refused or read in bounded time and
memory, with a reason naming the item; what came before them is still read."""

from __future__ import annotations

import gzip
import io
import random
import string
import time
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from caravan.errors import DecodeError, FormatError, SourceError, TooLargeError
from caravan.ingest import read_sources
from caravan.ingest.html import extract_html
from caravan.model import Article
from caravan.settings import Settings

ZEROS = gzip.compress(b"\0" * 1_000_000)  # one gzip member: 1 MB of zeros in about 1 kB
MEMORY_LIMIT = 64_000_000  # bytes of Python allocations a bomb may cause, at most
STORY = (
    "<html><head><title>Shelter</title></head><body><article><p>"
    + "Families waited at the shelter on Monday while volunteers sorted blankets and shoes. " * 6
    + "</p></article></body></html>"
).encode()


def one_member(head: bytes, chunk: bytes, times: int) -> bytes:
    """One gzip member: ``head`` then ``chunk`` repeated (HTTP decoders read only the first member)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    return packer.compress(head) + b"".join(packer.compress(chunk) for _ in range(times)) + packer.flush()


def bounded(read: Callable[[], list]) -> tuple[list, float, int]:
    """What ``read`` returns, the seconds it took and the peak of Python memory allocated meanwhile."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        items = read()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return items, time.monotonic() - started, peak


def read_all(source: object, settings: Settings | None = None) -> list[Article | SourceError]:
    return list(read_sources([str(source)], settings or Settings()))


def warc_gz(uri: str, body: bytes) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def test_warc_gzip_bomb_is_refused_after_the_good_records(tmp_path: Path):
    header = (
        b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://bomb.example/\r\n"
        b"Content-Type: text/html\r\nContent-Length: 500000000\r\n\r\n"
    )
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(warc_gz("http://news.example/a", STORY) + gzip.compress(header) + ZEROS * 500)
    items, seconds, peak = bounded(lambda: read_all(path))
    assert [type(x) for x in items] == [Article, TooLargeError]
    assert items[1].item == str(path) and "decompression bomb" in items[1].reason
    assert seconds < 10 and peak < MEMORY_LIMIT


def test_warc_gzip_endless_header_line_is_refused(tmp_path: Path):
    """A header line that compresses like text (so no bomb) but never ends: refused past the line limit."""
    rng = random.Random(3)
    line = "".join(rng.choices(string.ascii_letters, k=400_000)).encode()
    path = tmp_path / "line.warc.gz"
    path.write_bytes(warc_gz("http://news.example/a", STORY) + gzip.compress(b"WARC/1.0\r\nX-Pad: " + line))
    items, seconds, peak = bounded(lambda: read_all(path, Settings(max_bytes=100_000)))
    assert [type(x) for x in items] == [Article, TooLargeError]
    assert "a line of more than" in items[1].reason and seconds < 10 and peak < MEMORY_LIMIT


def test_warc_plain_endless_header_line_is_refused(tmp_path: Path):
    """The same endless header line in an uncompressed archive: refused past the line limit, in bounded memory."""
    rng = random.Random(4)
    line = "".join(rng.choices(string.ascii_letters, k=400_000)).encode()
    path = tmp_path / "line.warc"
    path.write_bytes(gzip.decompress(warc_gz("http://news.example/a", STORY)) + b"WARC/1.0\r\nX-Pad: " + line)
    items, seconds, peak = bounded(lambda: read_all(path, Settings(max_bytes=100_000)))
    assert [type(x) for x in items] == [Article, TooLargeError]
    assert "a line of more than" in items[1].reason and seconds < 10 and peak < MEMORY_LIMIT


def test_jsonl_gzip_bomb_is_refused_after_the_good_lines(tmp_path: Path):
    path = tmp_path / "bomb.jsonl.gz"
    first = gzip.compress(b'{"id": "ok", "text": "Families waited at the shelter."}\n')
    path.write_bytes(first + gzip.compress(b"\n" * 1_000_000) * 300)
    started = time.monotonic()
    items = read_all(path)
    assert [type(x) for x in items] == [Article, TooLargeError] and items[0].id == "ok"
    assert "decompression bomb" in items[1].reason and items[1].item.startswith(f"{path}:")
    assert time.monotonic() - started < 15


def test_jsonl_gzip_long_line_bomb_is_refused(tmp_path: Path):
    path = tmp_path / "line.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "') + ZEROS * 300)
    items, seconds, peak = bounded(lambda: read_all(path))
    assert len(items) == 1 and isinstance(items[0], TooLargeError) and seconds < 10 and peak < MEMORY_LIMIT


def test_feeds_gzip_bomb_served_with_content_encoding_is_refused(server, local):
    """A feed served gzipped (Content-Encoding) that expands past the size limit is cut off while streaming."""
    body = one_member(b"<?xml version='1.0'?><rss version='2.0'><channel><title>", b"\0" * 1_000_000, 100)
    url = server.route("/feed.xml", body, headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})
    settings = local.replace(max_bytes=5_000_000)
    items, seconds, peak = bounded(lambda: read_all(url, settings))
    assert len(items) == 1 and isinstance(items[0], TooLargeError) and "over the limit" in items[0].reason
    assert seconds < 10 and peak < MEMORY_LIMIT


def test_feeds_gzipped_feed_file_is_refused_as_binary(tmp_path: Path):
    path = tmp_path / "feed.xml"
    path.write_bytes(gzip.compress(b"<?xml version='1.0'?><rss version='2.0'><channel>") + ZEROS * 50)
    [error] = read_all(path)
    assert isinstance(error, DecodeError) and "binary" in error.reason


def test_feeds_entity_expansion_is_not_expanded(tmp_path: Path):
    """The "billion laughs": nested entities are not expanded into memory."""
    entities = "".join(f'<!ENTITY l{n} "{("&l%d;" % (n - 1)) * 10 if n else "lol"}">' for n in range(10))
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>t</title>'
        f"<item><title>&l9;</title><description>&l9;</description></item></channel></rss>"
    )
    path = tmp_path / "laughs.xml"
    path.write_text(feed, encoding="utf-8")
    started = time.monotonic()
    items = read_all(path)
    assert isinstance(items[-1], FormatError) and "amplification" in items[-1].reason
    assert all(len(x.text) < 1000 for x in items if isinstance(x, Article))
    assert time.monotonic() - started < 10


def test_html_deeply_nested_page_is_read_in_bounded_time():
    nested = b"<div>" * 20_000 + STORY + b"</div>" * 20_000
    started = time.monotonic()
    refused: SourceError | None = None
    try:
        extract_html(nested, item="deep.html", article_id="deep")
    except SourceError as exc:  # an article too deep to reach is no article: refused with a reason
        refused = exc
    assert time.monotonic() - started < 15
    assert refused is None or (refused.item == "deep.html" and refused.reason)


def test_html_absurdly_long_line_is_read_in_bounded_time():
    line = b"Families waited at the shelter while volunteers sorted blankets and shoes. " * 20_000  # 1.5 MB
    started = time.monotonic()
    article = extract_html(b"<html><body><p>" + line + b"</p></body></html>", item="long.html", article_id="long")
    assert len(article.text) > 1_000_000 and time.monotonic() - started < 20


def test_text_absurdly_long_line_is_read_whole(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"caf\xe9 con leche " * 400_000)  # 6 MB of Latin-1 on one line
    items, seconds, _ = bounded(lambda: read_all(path))
    assert len(items) == 1 and isinstance(items[0], Article) and items[0].text.startswith("café con leche")
    assert seconds < 20


def test_text_line_over_the_size_limit_is_refused(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x" * 2_000_000)
    [error] = read_all(path, Settings(max_bytes=1_000_000))
    assert isinstance(error, TooLargeError) and "over the limit" in error.reason
