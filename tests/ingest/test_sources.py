"""Dispatch: every kind of source through read_sources; errors are yielded and the batch goes on."""

import shutil
from pathlib import Path

import pytest

from caravan.errors import (
    DecodeError,
    EmptyError,
    FetchError,
    FormatError,
    PrivateAddressError,
    SourceError,
    TooLargeError,
)
from caravan.ingest.urls import url_id
from caravan.settings import Settings

INGEST_DATA = Path(__file__).parent.parent / "data" / "ingest"
SAMPLE = Path(__file__).parent.parent.parent / "caravan" / "data" / "sample"
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def folder(tmp_path, report):
    """A folder with one source of each file kind, a subfolder and a hidden file."""
    (tmp_path / "b-report.txt").write_text(report, encoding="utf-8")
    shutil.copy(INGEST_DATA / "article.html", tmp_path / "a-page.html")
    shutil.copy(INGEST_DATA / "feed_atom.xml", tmp_path / "c-feed.xml")
    (tmp_path / "d").mkdir()
    shutil.copy(SAMPLE / "articles.jsonl", tmp_path / "d" / "corpus.jsonl")
    shutil.copy(SAMPLE / "sample.warc.gz", tmp_path / "d" / "crawl.warc.gz")
    (tmp_path / ".notes.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "e-noext").write_text(report, encoding="utf-8")
    return tmp_path


def test_sources_folder_reads_every_kind_recursively_in_name_order(read, folder):
    result = read(folder)
    assert result.errors == []
    ids = [a.id for a in result.articles]
    assert len(ids) == 1 + 1 + 2 + 6 + 6 + 1  # html, txt, feed, jsonl and warc in d/, no extension
    assert ids[:2] == ["a-page", "b-report"] and ids[4] == "caravan-leaves-san-pedro-sula" and ids[-1] == "e-noext"
    assert result.articles[10].source == f"{folder / 'd' / 'crawl.warc.gz'}:4"


def test_sources_folder_skips_hidden_files(read, folder):
    assert all(".notes" not in (a.source or "") for a in read(folder).articles)


def test_sources_file_without_extension_is_sniffed_as_text(read, folder):
    [article] = read(folder / "e-noext").articles
    assert article.id == "e-noext"


def test_sources_missing_path_is_error_and_batch_goes_on(read, folder):
    result = read(folder / "nowhere.txt", folder / "b-report.txt")
    assert isinstance(result.items[0], SourceError) and "no such file" in result.items[0].reason
    assert result.items[1].id == "b-report"


def test_sources_binary_file_in_folder_is_decode_error(read, folder):
    (folder / "f-photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    result = read(folder)
    [error] = result.errors
    assert isinstance(error, DecodeError) and error.item == str(folder / "f-photo.jpg")
    assert len(result.articles) == 17


def test_sources_empty_file_is_empty_error(read, tmp_path):
    (tmp_path / "blank.txt").write_bytes(b"")
    [error] = read(tmp_path / "blank.txt").errors
    assert isinstance(error, EmptyError)


def test_sources_file_over_size_limit_is_too_large(read, folder):
    [error] = read(folder / "a-page.html", settings=Settings(max_bytes=500)).items
    assert isinstance(error, TooLargeError) and "over the limit of 500" in error.reason


def test_sources_html_page_without_article_is_empty_error(read):
    [error] = read(INGEST_DATA / "no_article.html").items
    assert isinstance(error, EmptyError) and error.item.endswith("no_article.html")


def test_sources_truncated_warc_yields_articles_then_format_error(read, tmp_path):
    data = (SAMPLE / "sample.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2])
    result = read(tmp_path / "cut.warc.gz")
    assert result.articles and isinstance(result.items[-1], FormatError)


def test_sources_url_page_is_extracted_with_url_id(read, server):
    url = server.route("/news/1", (INGEST_DATA / "article.html").read_bytes(), headers=HTML)
    [article] = read(url).items
    assert (article.id, article.url, article.source, article.outlet) == (url_id(url), url, url, "Valley Herald")


def test_sources_url_feed_items_pages_are_fetched(read, server):
    server.route("/news/migrants-reach-san-isidro", (INGEST_DATA / "article.html").read_bytes(), headers=HTML)
    feed = (INGEST_DATA / "feed_teasers.xml").read_text().replace("{base}", server.base)
    result = read(server.route("/feed", feed, headers={"Content-Type": "application/rss+xml"}))
    assert [type(x).__name__ for x in result.items] == ["Article", "Article", "FetchError"]


def test_sources_url_feed_relative_links_resolve_against_feed_url(read, server):
    server.route("/news/1", (INGEST_DATA / "article.html").read_bytes(), headers=HTML)
    feed = "<rss version='2.0'><channel><item><title>t</title><link>/news/1</link></item></channel></rss>"
    [article] = read(server.route("/feeds/main.rss", feed)).items
    assert article.url == server.url("/news/1") and article.outlet == "Valley Herald"


def test_sources_url_plain_text_uses_declared_charset(read, server, report):
    url = server.route(
        "/r.txt",
        report.replace("Beltrán", "Beltrán").encode("cp1252"),
        headers={"Content-Type": "text/plain; charset=windows-1252"},
    )
    [article] = read(url).items
    assert article.text == report and article.outlet == "127.0.0.1"


def test_sources_url_serving_warc(read, server):
    url = server.route(
        "/crawl.warc.gz", (SAMPLE / "sample.warc.gz").read_bytes(), headers={"Content-Type": "application/warc"}
    )
    assert len(read(url).articles) == 6


def test_sources_url_with_empty_body_is_empty_error(read, server):
    [error] = read(server.route("/empty", b"", headers=HTML)).items
    assert isinstance(error, EmptyError)


def test_sources_url_list_file_reads_each_url(read, server, tmp_path):
    page = server.route("/news/1", (INGEST_DATA / "article.html").read_bytes(), headers=HTML)
    listing = tmp_path / "reading.txt"
    listing.write_text(f"# two pages\n{page}\n\n{server.url('/missing')}\n")
    result = read(listing)
    assert result.articles[0].url == page
    assert isinstance(result.errors[0], FetchError) and result.errors[0].item == server.url("/missing")


def test_sources_default_settings_refuse_loopback_url(read, server):
    url = server.route("/news/1", (INGEST_DATA / "article.html").read_bytes(), headers=HTML)
    [error] = read(url, settings=Settings()).items
    assert isinstance(error, PrivateAddressError) and server.requests == []


def test_sources_non_http_url_is_fetch_error(read):
    [error] = read("ftp://files.example/report.txt").items
    assert isinstance(error, FetchError) and "unsupported URL scheme 'ftp'" in str(error)


def test_sources_xml_that_is_not_a_feed_is_format_error(read, tmp_path):
    sitemap = "<?xml version='1.0'?><urlset><url><loc>https://a.example/</loc></url></urlset>"
    (tmp_path / "sitemap.xml").write_text(sitemap)
    [error] = read(tmp_path / "sitemap.xml").items
    assert isinstance(error, FormatError) and error.reason == "not an RSS or Atom feed"
