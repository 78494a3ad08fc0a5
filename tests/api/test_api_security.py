"""Security: user input never becomes SQL, the page forbids inline scripts, and writes need the token."""

import re
from html.parser import HTMLParser

import pytest

from caravan.api.app import WEB

INJECTIONS = ["x' OR '1'='1", 'x" OR "1"="1', "x'; DROP TABLE articles; --", "%' OR 1=1 --", "') OR 1=1 --"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_security_injection_in_text_filters_matches_nothing(client, stored, value):
    for path, name in [
        ("/api/articles", "outlet"),
        ("/api/events", "country"),
        ("/api/quotes", "speaker"),
        ("/api/quotes", "outlet"),
        ("/api/places", "name"),
        ("/api/events", "article_id"),
    ]:
        response = client.get(path, params={name: value})
        assert response.status_code == 200, (path, name, response.text)
        assert response.json()["items"] == [], (path, name)
    assert client.get("/api/articles").json()["total"] == stored  # nothing was dropped


@pytest.mark.parametrize("value", INJECTIONS)
def test_security_injection_in_search_is_searched_as_words(client, value):
    response = client.get("/api/articles", params={"q": value})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("query", ['police" OR "jungle', "polic*", "NEAR(police jungle)", "title:police"])
def test_security_search_syntax_is_not_interpreted(client, query):
    response = client.get("/api/articles", params={"q": query})
    assert response.status_code == 200 and response.json()["items"] == []


def test_security_injection_in_closed_lists_is_refused(client):
    assert client.get("/api/events", params={"type": "block') OR 1=1 --"}).status_code == 422
    assert client.get("/api/events", params={"since": "2024-01-01' OR 1=1"}).status_code == 422
    assert client.get("/api/articles/x' OR 1=1 --").status_code == 404


def test_security_injection_in_paging_is_refused(client):
    assert client.get("/api/events", params={"limit": "1; DROP TABLE events"}).status_code == 422


class Scripts(HTMLParser):
    """Collects the page's script tags and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str] = []
        self.handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.handlers += [f"{tag} {name}" for name, _ in attrs if name.startswith("on")]
        self._in_script = tag == "script" and "src" not in dict(attrs)

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append(data)

    def handle_endtag(self, tag):
        self._in_script = False


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_security_page_has_no_inline_script_or_handler(client, path):
    parser = Scripts()
    parser.feed(client.get(path).text)
    assert parser.inline == [] and parser.handlers == []


def test_security_csp_header_forbids_inline_scripts(client):
    for path in ["/", "/docs", "/api/articles", "/static/js/main.js"]:
        policy = client.get(path).headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["script-src"] == "'self'", path
        assert directives["object-src"] == "'none'"


def test_security_page_scripts_never_set_html():
    for script in (WEB / "static" / "js").glob("*.js"):
        code = script.read_text(encoding="utf-8")
        assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", code), script.name


def test_security_tile_origin_joins_the_csp(api_store):
    from fastapi.testclient import TestClient

    from caravan.api import create_app
    from caravan.settings import Settings

    settings = Settings(db_path=str(api_store), map_tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png")
    with TestClient(create_app(settings)) as test_client:
        policy = test_client.get("/").headers["content-security-policy"]
    assert "img-src 'self' data: https://*.tile.example.org" in policy
