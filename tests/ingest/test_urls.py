"""URLs: recognised, given stable ids, and read from files that list them."""

from caravan.errors import FormatError
from caravan.ingest.urls import is_url, looks_like_url_list, read_url_list, url_id
from caravan.settings import Settings

URL = "https://www.valleyherald.example/news/2024/03/07/migrants-reach-san-isidro?ref=rss"


def test_urls_is_url_needs_a_scheme():
    assert is_url(URL) and is_url("ftp://x.example/a")
    assert not is_url("news/report.txt") and not is_url("www.valleyherald.example/a") and not is_url("C:\\a.txt")


def test_urls_id_is_stable_readable_slug_and_hash():
    assert url_id(URL) == url_id(URL)
    assert url_id(URL).startswith("valleyherald-example-news-2024-03-07-migrants-reach-san-")
    assert len(url_id(URL).rsplit("-", 1)[1]) == 10


def test_urls_id_ignores_fragment_and_host_case():
    assert url_id(URL + "#comments") == url_id(URL.replace("www.valleyherald", "WWW.ValleyHerald"))


def test_urls_id_differs_by_query():
    assert url_id(URL) != url_id(URL.replace("ref=rss", "ref=home"))


def test_urls_id_of_long_url_is_bounded():
    assert len(url_id("https://a.example/" + "word-" * 100)) <= 60 + 11


def test_urls_list_skips_comments_and_blank_lines(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("# morning reading\n\nhttps://a.example/1\n  https://a.example/2  # not a comment\n")
    lines = list(read_url_list(path, Settings()))
    assert lines[0] == "https://a.example/1"
    assert isinstance(lines[1], FormatError)  # a URL with trailing words is not a URL


def test_urls_list_line_that_is_not_a_url_is_format_error_naming_line(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("https://a.example/1\nwww.a.example/2\n")
    error = list(read_url_list(path, Settings()))[1]
    assert error.item == f"{path}:2" and "not a URL" in error.reason


def test_urls_looks_like_url_list_only_when_every_line_is_a_url(report):
    assert looks_like_url_list("# list\nhttps://a.example/1\n\nhttp://b.example/2\n")
    assert not looks_like_url_list(report)
    assert not looks_like_url_list("# only comments\n")
