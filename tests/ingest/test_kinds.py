"""Kinds of sources: by extension when certain, else by the first bytes."""

import gzip

import pytest

from caravan.ingest.kinds import kind_of_body, kind_of_file, sniff


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"<!DOCTYPE html><html><body>", "html"),
        (b"\xef\xbb\xbf  <html lang='en'>", "html"),
        (b"<?xml version='1.0'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'x'><html>", "html"),
        (b"<?xml version='1.0' encoding='utf-8'?>\n<!-- generator -->\n<rss version='2.0'>", "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "feed"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'{"id": "a", "text": "b"}\n{"id": "c"', "jsonl"),
        (b'{\n  "id": "a",\n', "json"),
        (b'[{"id": "a"}]', "json"),
        (b"About 400 migrants reached the town <b>today</b>.", "text"),
        (b"<?xml version='1.0'?><catalog/>", "feed"),  # refused by the feed reader
    ],
)
def test_kinds_sniff_first_bytes(head, kind):
    assert sniff(head) == kind


def test_kinds_sniff_looks_inside_gzip():
    assert sniff(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")) == "warc"
    assert sniff(gzip.compress(b'{"text": "x"}\n')) == "jsonl"
    assert sniff(gzip.compress(b"plain words")) == "text"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.html", "html"),
        ("a.HTM", "html"),
        ("a.jsonl.gz", "jsonl"),
        ("a.warc.gz", "warc"),
        ("a.warc", "warc"),
        ("a.rss", "feed"),
        ("a.json", "json"),
        ("a.txt", "text"),
    ],
)
def test_kinds_extension_decides_when_certain(tmp_path, name, kind):
    path = tmp_path / name
    path.write_bytes(b"About 400 migrants reached the town.")
    assert kind_of_file(path) == kind


def test_kinds_unknown_extension_is_sniffed(tmp_path):
    path = tmp_path / "page.php"
    path.write_bytes(b"<!doctype html><html><p>x</p></html>")
    assert kind_of_file(path) == "html"


def test_kinds_xml_extension_is_sniffed(tmp_path):
    path = tmp_path / "news.xml"
    path.write_bytes(b"<?xml version='1.0'?><rss version='2.0'><channel/></rss>")
    assert kind_of_file(path) == "feed"


def test_kinds_txt_listing_only_urls_is_url_list(tmp_path):
    path = tmp_path / "reading.txt"
    path.write_text("# today\nhttps://a.example/1\nhttps://a.example/2\n")
    assert kind_of_file(path) == "urls"


def test_kinds_served_html_without_markup_start_uses_media_type():
    assert kind_of_body(b"  <p>About 400 migrants</p>", "text/html") == "html"
    assert kind_of_body(b"<rss version='2.0'>", "text/html") == "feed"
