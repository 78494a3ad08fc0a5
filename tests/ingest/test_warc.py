"""WARC files: HTML responses become articles with their target URI; truncation and bad records reported."""

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from caravan.errors import EmptyError, FormatError, SourceError, TooLargeError
from caravan.ingest.urls import url_id
from caravan.ingest.warc import read_warc
from caravan.model import Article
from caravan.settings import Settings

INGEST_DATA = Path(__file__).parent.parent / "data" / "ingest"
SAMPLE_WARC = Path(__file__).parent.parent.parent / "caravan" / "data" / "sample" / "sample.warc.gz"


def make_warc(pages: list[tuple[str, bytes, str]], gzipped: bool = True) -> bytes:
    """A WARC of 200 responses: (target URI, body, media type) each."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for uri, body, media_type in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", media_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def read_all(path: Path, settings: Settings | None = None) -> list:
    """Everything read_warc yields, and the error it ends with, if any."""
    items: list = []
    try:
        items.extend(read_warc(path, settings or Settings()))
    except SourceError as exc:
        items.append(exc)
    return items


@pytest.fixture
def page() -> bytes:
    return (INGEST_DATA / "article.html").read_bytes()


def test_warc_sample_html_responses_become_articles():
    items = read_all(SAMPLE_WARC)
    assert len(items) == 6 and all(isinstance(x, Article) for x in items)
    assert items[0].url == "https://www.gulfcoastledger.example/2025/01/14/caravan-leaves-san-pedro-sula"


def test_warc_article_id_derives_from_target_uri():
    first = read_all(SAMPLE_WARC)[0]
    assert first.id == url_id(first.url)
    assert first.source == f"{SAMPLE_WARC}:4"  # warcinfo, robots.txt and the request come first


def test_warc_keeps_page_metadata():
    first = read_all(SAMPLE_WARC)[0]
    assert (first.outlet, first.published) == ("Gulf Coast Ledger", "2025-01-14")
    assert first.text.startswith("A caravan of about 1,500 migrants left")


def test_warc_skips_records_that_are_not_html(tmp_path, page):
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(
        make_warc(
            [
                ("https://a.example/robots.txt", b"User-agent: *", "text/plain"),
                ("https://a.example/logo.png", b"\x89PNG\r\n", "image/png"),
                ("https://a.example/news", page, "text/html"),
            ]
        )
    )
    assert [a.url for a in read_all(path)] == ["https://a.example/news"]


def test_warc_truncated_gzip_yields_records_read_then_format_error(tmp_path):
    data = SAMPLE_WARC.read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = read_all(path)
    assert isinstance(items[-1], FormatError) and "truncated" in items[-1].reason
    assert 1 <= len(items) - 1 < 6 and all(isinstance(x, Article) for x in items[:-1])


def test_warc_truncated_plain_warc_reports_cut_record(tmp_path, page):
    data = make_warc(
        [("https://a.example/1", page, "text/html"), ("https://a.example/2", page, "text/html")], gzipped=False
    )
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-300])
    items = read_all(path)
    assert [type(x) for x in items] == [Article, FormatError]
    assert "record 2 is cut short" in items[1].reason


def test_warc_record_over_size_limit_is_refused_and_next_read(tmp_path, page):
    path = tmp_path / "big.warc.gz"
    path.write_bytes(
        make_warc(
            [("https://a.example/big", page + b" " * 5000, "text/html"), ("https://a.example/ok", page, "text/html")]
        )
    )
    items = read_all(path, Settings(max_bytes=4000))
    assert isinstance(items[0], TooLargeError) and items[0].item == "https://a.example/big"
    assert items[1].url == "https://a.example/ok"


def test_warc_html_record_without_article_is_empty_error(tmp_path):
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(
        make_warc([("https://a.example/login", (INGEST_DATA / "no_article.html").read_bytes(), "text/html")])
    )
    [error] = read_all(path)
    assert isinstance(error, EmptyError) and error.item == "https://a.example/login"


@pytest.mark.parametrize("data", [b"", b"hello, this is not an archive\n", gzip.compress(b"not a warc either\n")])
def test_warc_not_a_warc_is_format_error(tmp_path, data):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    [error] = read_all(path)
    assert isinstance(error, FormatError) and error.item == str(path)


def test_warc_record_whose_target_uri_is_not_a_url_is_refused_and_the_archive_goes_on(tmp_path, page):
    """A target URI with an unbalanced IPv6 bracket stopped the whole archive ("malformed WARC"): now only its
    record is refused, with its reason."""
    path = tmp_path / "bad-uri.warc.gz"
    path.write_bytes(
        make_warc([("http://ne]s.example/1", page, "text/html"), ("https://a.example/news", page, "text/html")])
    )
    items = read_all(path)
    assert [type(x).__name__ for x in items] == ["FormatError", "Article"]
    assert "is not a URL" in items[0].reason and items[1].url == "https://a.example/news"
