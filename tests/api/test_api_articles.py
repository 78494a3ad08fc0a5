"""``/api/articles``: listing, full-text search, filters, paging and one article with its spans."""

import json
from pathlib import Path

ARTICLES = {
    a["id"]: a
    for a in map(
        json.loads,
        (Path(__file__).parent.parent / "data" / "api" / "articles.jsonl").read_text(encoding="utf-8").splitlines(),
    )
}


def ids(response):
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_articles_lists_newest_first(client, stored):
    body = client.get("/api/articles").json()
    assert body["total"] == stored == 7
    dates = [item["published"] for item in body["items"]]
    assert dates == sorted(dates, reverse=True)


def test_articles_pages_join_into_the_whole_list(client):
    whole = ids(client.get("/api/articles"))
    paged, offset = [], 0
    while offset is not None:
        body = client.get("/api/articles", params={"limit": 3, "offset": offset}).json()
        assert len(body["items"]) == min(3, len(whole) - offset)
        paged += [i["id"] for i in body["items"]]
        offset = body["next_offset"]
    assert paged == whole


def test_articles_full_text_search_finds_words_with_snippet(client):
    body = client.get("/api/articles", params={"q": "police highway"}).json()
    assert {i["id"] for i in body["items"]} == {"huixtla-roadblock", "huixtla-roadblock-witnesses"}
    assert all("[highway]" in i["snippet"] for i in body["items"])  # the best passage, matched words marked


def test_articles_filter_by_outlet_case_aside(client):
    assert sorted(ids(client.get("/api/articles", params={"outlet": "border courier"}))) == [
        "juarez-shelter-arrivals",
        "tecun-uman-detentions",
    ]


def test_articles_filter_by_date_range_inclusive(client):
    got = ids(client.get("/api/articles", params={"since": "2024-03-07", "until": "2024-03-10"}))
    assert got == ["tecun-uman-detentions", "huixtla-roadblock-witnesses", "huixtla-roadblock"]  # ties: newest ingest


def test_articles_malformed_date_is_422(client):
    assert client.get("/api/articles", params={"since": "last week"}).status_code == 422


def test_articles_one_has_its_text_and_every_span(client):
    body = client.get("/api/articles/juarez-shelter-arrivals").json()
    assert body["text"] == ARTICLES["juarez-shelter-arrivals"]["text"]
    record = body["record"]
    assert set(record) >= {"quotes", "places", "quantities", "dates", "events", "boilerplate"}
    quotes = [body["text"][q["start"] : q["end"]] for q in record["quotes"]]
    assert "We have beds for half of them and food for three days" in quotes
    assert any(body["text"][p["start"] : p["end"]] == "Ciudad Juárez" for p in record["places"])


def test_articles_unknown_id_is_404(client):
    response = client.get("/api/articles/no-such-article")
    assert response.status_code == 404
    assert response.json()["error"] == "NotFoundError"
