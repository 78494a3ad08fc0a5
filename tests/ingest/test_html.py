"""HTML pages: main text without menus, with title, date and outlet; pages without an article refused."""

from pathlib import Path

import pytest

from caravan.errors import EmptyError
from caravan.ingest.html import extract_html, fragment_text, outlet_of, read_html_file
from caravan.settings import Settings

INGEST_DATA = Path(__file__).parent.parent / "data" / "ingest"


@pytest.fixture
def page():
    return read_html_file(INGEST_DATA / "article.html", Settings())


def test_html_extracts_main_text_without_menus(page):
    assert page.text.startswith("About 400 migrants reached the town of San Isidro")
    assert "Most read" not in page.text and "Log in" not in page.text and "Privacy" not in page.text


def test_html_keeps_headline_as_title_not_in_text(page):
    assert page.title == "Migrants reach San Isidro after three-day walk"
    assert not page.text.startswith(page.title)


def test_html_extracts_date_and_outlet(page):
    assert (page.published, page.outlet) == ("2024-03-07", "Valley Herald")


def test_html_file_id_is_stem_and_url_is_canonical(page):
    assert page.id == "article"
    assert page.url == "https://www.valleyherald.example/news/migrants-reach-san-isidro"


def test_html_outlet_falls_back_to_host_without_www():
    html = "\n".join(
        line
        for line in (INGEST_DATA / "article.html").read_text().splitlines()
        if "og:site_name" not in line and "canonical" not in line
    )
    article = extract_html(html, item="x", article_id="x", url="https://www.riverside.example/a")
    assert article.outlet == "riverside.example"


def test_html_outlet_of_prefers_site_name():
    assert outlet_of(" Valley Herald ", "https://www.riverside.example/a") == "Valley Herald"


def test_html_refuses_page_without_article():
    with pytest.raises(EmptyError, match="no article text"):
        read_html_file(INGEST_DATA / "no_article.html", Settings())


def test_html_fragment_text_puts_blocks_on_lines():
    fragment = "<p>First <b>bold</b>   line.</p><p>Second<br>third</p><script>x()</script>"
    assert fragment_text(fragment) == "First bold line.\nSecond\nthird"


def test_html_fragment_text_keeps_plain_text():
    assert fragment_text("Just a   summary.") == "Just a summary."


def test_html_decodes_page_by_its_meta_charset():
    html = (INGEST_DATA / "article.html").read_text().replace('charset="utf-8"', 'charset="windows-1252"')
    assert "Ana Beltrán" in extract_html(html.encode("cp1252"), item="x", article_id="x").text


def test_html_decodes_undeclared_cp1252_page():
    html = (INGEST_DATA / "article.html").read_text().replace('<meta charset="utf-8">', "")
    assert "Ana Beltrán" in extract_html(html.encode("cp1252"), item="x", article_id="x").text


def test_html_declared_http_charset_wins_over_meta():
    html = (INGEST_DATA / "article.html").read_text().replace('charset="utf-8"', 'charset="windows-1252"')
    article = extract_html(html.encode("utf-8"), item="x", article_id="x", declared="utf-8")
    assert "Ana Beltrán" in article.text
