"""``POST /api/articles``: the token, the size limit, and articles added from text or from a URL."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from caravan.api import create_app
from caravan.settings import Settings

TEXT = (
    "About 60 migrants walked into Arriaga on Friday, local officials said.\n"
    '"We will rest here for two nights," said Pedro Ramos, a farmer from Olancho.'
)


def test_writes_without_token_is_401(write_client):
    response = write_client.post("/api/articles", json={"text": TEXT})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_writes_with_wrong_token_is_401(write_client):
    response = write_client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401


def test_writes_are_off_without_a_configured_token(client):
    response = client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer "})
    assert response.status_code == 401 and "api_token" in response.json()["detail"]


def test_writes_text_is_stored_with_its_record(write_client, auth, stored):
    response = write_client.post(
        "/api/articles",
        json={"text": TEXT, "title": "Arriaga", "published": "2024-03-15", "outlet": "Coast Post"},
        headers=auth,
    )
    assert response.status_code == 201, response.text
    [added] = response.json()["items"]
    assert added["outcome"] == "new"
    article = write_client.get(f"/api/articles/{added['id']}").json()
    assert article["text"] == TEXT and article["outlet"] == "Coast Post"
    assert any(q["speaker"] == "Pedro Ramos" for q in article["record"]["quotes"])
    assert write_client.get("/api/articles").json()["total"] == stored + 1


def test_writes_relink_the_store(write_client, auth):
    before = write_client.get("/api/events", params={"level": "canonical"}).json()["total"]
    write_client.post("/api/articles", json={"text": TEXT, "published": "2024-03-16"}, headers=auth)
    after = write_client.get("/api/events", params={"level": "canonical"}).json()["total"]
    assert after > before


def test_writes_same_text_twice_is_already_stored(write_client, auth):
    first = write_client.post("/api/articles", json={"text": TEXT}, headers=auth).json()["items"][0]
    response = write_client.post("/api/articles", json={"text": TEXT}, headers=auth)
    assert response.status_code == 200
    assert response.json()["items"][0] == {**first, "outcome": "already stored"}


@pytest.mark.parametrize(
    "body",
    [{}, {"text": "  "}, {"text": TEXT, "url": "https://example.org/"}, {"text": TEXT, "published": "yesterday"}],
)
def test_writes_malformed_body_is_422(write_client, auth, body):
    assert write_client.post("/api/articles", json=body, headers=auth).status_code == 422


def test_writes_body_over_the_limit_is_413(write_client, auth):
    response = write_client.post("/api/articles", json={"text": "word " * 10_000}, headers=auth)
    assert response.status_code == 413
    assert "api_max_body_bytes" in response.json()["detail"]


def test_writes_streamed_body_over_the_limit_is_413(write_client, auth):
    chunks = (b"x" * 5_000 for _ in range(10))  # no Content-Length: counted as it arrives
    response = write_client.post("/api/articles", content=chunks, headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 413


def test_writes_refuse_a_loopback_url(write_client, auth):
    response = write_client.post("/api/articles", json={"url": "http://127.0.0.1:9/story"}, headers=auth)
    assert response.status_code == 400
    assert response.json()["error"] == "PrivateAddressError"


class Story(BaseHTTPRequestHandler):
    PAGE = (
        b"<html><head><title>Arrivals in Arriaga</title></head><body><article><h1>Arrivals in Arriaga</h1>"
        + b"".join(f"<p>{line}</p>".encode() for line in TEXT.split("\n"))
        + b"</article></body></html>"
    )

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.PAGE)))
        self.end_headers()
        self.wfile.write(self.PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def story_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Story)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/arriaga"
    server.shutdown()


def test_writes_url_is_fetched_and_stored(writable, pipeline, story_url, token, auth):
    settings = Settings(db_path=str(writable), api_token=token, allow_private=True)
    with TestClient(create_app(settings, extract=pipeline)) as test_client:
        response = test_client.post("/api/articles", json={"url": story_url}, headers=auth)
        assert response.status_code == 201, response.text
        article = test_client.get(f"/api/articles/{response.json()['items'][0]['id']}").json()
    assert "Pedro Ramos" in article["text"] and article["url"] == story_url


def test_writes_to_a_postgres_store_are_stored_linked_and_listed(postgres_url, pipeline, token, auth):
    text = "About 200 migrants arrived in Tapachula on Monday, officials said."
    settings = Settings(db_path=postgres_url, api_token=token, api_max_body_bytes=20_000)
    with TestClient(create_app(settings, extract=pipeline)) as pg_client:
        body = {"text": text, "id": "arrival", "published": "2024-03-15"}
        response = pg_client.post("/api/articles", json=body, headers=auth)
        assert response.status_code == 201, response.text
        again = pg_client.post("/api/articles", json=body, headers=auth)
        assert again.json()["items"][0]["outcome"] != "new"  # ingest stays idempotent on PostgreSQL
        inside = pg_client.get("/api/events", params={"bbox": "-92.5,14.5,-92,15.2"}).json()  # around Tapachula
        outside = pg_client.get("/api/events", params={"bbox": "-100,19,-99,20"}).json()
        assert {e["article_id"] for e in inside["items"]} == {"arrival"} and outside["items"] == []
        assert pg_client.get("/api/articles").json()["total"] == 1
