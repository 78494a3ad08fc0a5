"""Feeds: full items read from the feed, teasers' pages fetched, fetch failures fall back, bad feeds reported."""

from pathlib import Path

import pytest

from caravan.errors import EmptyError, FetchError, FormatError, PrivateAddressError, SourceError
from caravan.ingest.feeds import read_feed
from caravan.ingest.urls import url_id
from caravan.model import Article
from caravan.settings import Settings

INGEST_DATA = Path(__file__).parent.parent / "data" / "ingest"
SAMPLE = Path(__file__).parent.parent.parent / "caravan" / "data" / "sample"


def feed_items(path: Path, settings: Settings, text: str | None = None) -> list:
    """Everything read_feed yields, and the error it ends with, if any (as the dispatcher would yield it)."""
    data = text.encode("utf-8") if text is not None else path.read_bytes()
    items: list = []
    try:
        items.extend(read_feed(data, str(path), path.stem, settings))
    except SourceError as exc:
        items.append(exc)
    return items


@pytest.fixture
def teasers(server, local):
    """The teaser feed served with one page present and two missing; its items, read."""
    server.route(
        "/news/migrants-reach-san-isidro",
        (INGEST_DATA / "article.html").read_bytes(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    text = (INGEST_DATA / "feed_teasers.xml").read_text().replace("{base}", server.base)
    return server, feed_items(INGEST_DATA / "feed_teasers.xml", local, text)


def test_feeds_full_content_items_are_read_without_fetching(server, local):
    """The items' pages are served (and may be fetched), yet the full items are read from the feed alone."""
    page = "<html><body><article><p>" + "The page says something else entirely. " * 10 + "</p></article></body></html>"
    for path in ("/news/migrants-reach-san-isidro", "/news/second-group-expected"):
        server.route(path, page, headers={"Content-Type": "text/html; charset=utf-8"})
    text = (INGEST_DATA / "feed_atom.xml").read_text(encoding="utf-8").replace("http://127.0.0.1:9", server.base)
    items = feed_items(INGEST_DATA / "feed_atom.xml", local, text)
    assert [type(x) for x in items] == [Article, Article]
    assert items[0].text.startswith("About 400 migrants reached the town of San Isidro")
    assert "\n" in items[0].text
    assert server.requests == []


def test_feeds_item_id_url_date_and_title():
    first = feed_items(INGEST_DATA / "feed_atom.xml", Settings())[0]
    link = "http://127.0.0.1:9/news/migrants-reach-san-isidro"
    assert (first.id, first.url, first.published) == (url_id(link), link, "2024-03-07")
    assert first.title == "Migrants reach San Isidro after three-day walk"


def test_feeds_falls_back_to_updated_date():
    second = feed_items(INGEST_DATA / "feed_atom.xml", Settings())[1]
    assert second.published == "2024-03-08"


def test_feeds_teaser_item_page_is_fetched(teasers):
    server, items = teasers
    page = items[0]
    assert page.text.startswith("About 400 migrants reached the town of San Isidro")
    assert page.outlet == "Valley Herald"
    assert page.published == "2024-03-07"  # the feed's date
    assert page.id == url_id(server.url("/news/migrants-reach-san-isidro"))


def test_feeds_failed_fetch_falls_back_to_summary(teasers):
    _, items = teasers
    assert items[1].text.startswith("Volunteers at the parish shelter in San Isidro asked residents")


def test_feeds_failed_fetch_without_text_yields_fetch_error(teasers):
    server, items = teasers
    assert isinstance(items[2], FetchError)
    assert items[2].item == server.url("/news/also-gone") and "HTTP 404" in items[2].reason
    assert len(items) == 3


def test_feeds_malformed_feed_yields_items_then_format_error():
    items = feed_items(INGEST_DATA / "feed_malformed.xml", Settings())
    assert isinstance(items[0], Article)  # its link is refused (loopback), its summary used
    assert isinstance(items[1], EmptyError)
    assert isinstance(items[-1], FormatError) and "malformed feed" in items[-1].reason


def test_feeds_not_a_feed_is_format_error():
    [error] = feed_items(INGEST_DATA / "x.xml", Settings(), "<?xml version='1.0'?><catalog><book>1</book></catalog>")
    assert isinstance(error, FormatError) and error.reason == "not an RSS or Atom feed"


def test_feeds_garbage_is_format_error():
    items = feed_items(INGEST_DATA / "x.xml", Settings(), "<rss><channel><item><title>cut")
    assert isinstance(items[-1], FormatError) and "malformed feed" in items[-1].reason
    assert "\n" not in str(items[-1])


def test_feeds_sample_feed_holds_every_sample_report():
    items = feed_items(SAMPLE / "feed.xml", Settings())
    assert len(items) == 6 and all(isinstance(x, Article) for x in items)
    assert items[2].published == "2025-01-18" and "Suchiate" in items[2].text


def test_feeds_feed_without_items_is_empty_error():
    empty = "<rss version='2.0'><channel><title>t</title></channel></rss>"
    [error] = feed_items(INGEST_DATA / "x.xml", Settings(), empty)
    assert isinstance(error, EmptyError) and error.reason == "feed without items"


def test_feeds_item_linking_to_a_loopback_address_is_refused_without_a_request(server):
    feed = (
        f"<rss version='2.0'><channel><title>t</title><item><title>Metadata</title>"
        f"<link>{server.url('/latest/meta-data')}</link></item></channel></rss>"
    )
    server.route("/latest/meta-data", "secret")
    [error] = feed_items(INGEST_DATA / "x.xml", Settings(), feed)
    assert isinstance(error, PrivateAddressError) and "loopback address 127.0.0.1" in error.reason
    assert error.item == server.url("/latest/meta-data") and server.requests == []


@pytest.mark.parametrize("link", ["http://10.1.2.3/a", "http://169.254.169.254/latest/meta-data/", "http://[::1]/a"])
def test_feeds_item_linking_to_a_private_address_is_refused(link):
    feed = f"<rss version='2.0'><channel><item><title>x</title><link>{link}</link></item></channel></rss>"
    [error] = feed_items(INGEST_DATA / "x.xml", Settings(), feed)
    assert isinstance(error, PrivateAddressError) and "refused" in error.reason


def test_feeds_item_redirecting_to_a_loopback_address_is_refused(server):
    """The item's host is allowed; the page it redirects to, on a loopback address, is not fetched."""
    port = server.server_address[1]
    server.route("/story", status=302, headers={"Location": f"http://127.0.0.1:{port}/admin"})
    server.route("/admin", "internal")
    feed = f"<rss version='2.0'><channel><item><link>http://localhost:{port}/story</link></item></channel></rss>"
    [error] = feed_items(INGEST_DATA / "x.xml", Settings(allow_private_hosts=("localhost",)), feed)
    assert isinstance(error, PrivateAddressError) and "redirect to" in error.reason
    assert [path for path, _ in server.requests] == ["/story"]


def test_feeds_item_link_no_parser_reads_is_dropped_and_the_item_read_from_its_text():
    """A link with an unbalanced IPv6 bracket (found by bench/fuzz_atheris.py) raised a ValueError out of the
    reader; the item is now read from its own text, without the link."""
    feed = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>x</title>"
        b"<link>http://ne]s.example/2</link><description>Families crossed the river.</description></item>"
        b"</channel></rss>"
    )
    [article] = read_feed(feed, "feed.xml", "feed", Settings())
    assert isinstance(article, Article)
    assert (article.id, article.url, article.text) == ("feed-1", None, "Families crossed the river.")
