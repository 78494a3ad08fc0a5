"""``/api/quotes`` and ``/api/places``: filters and paging."""


def items(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_quotes_filter_by_speaker_surname(client):
    quotes = items(client, "/api/quotes", speaker="Rivas")
    assert [q["text"] for q in quotes] == ["They had no documents and no money"]
    assert quotes[0]["speaker"] == "Carlos Rivas"


def test_quotes_filter_by_outlet(client):
    quotes = items(client, "/api/quotes", outlet="Southern Desk")
    assert quotes and {q["article_id"] for q in quotes} == {"huixtla-roadblock", "caravan-leaves-tapachula"}


def test_quotes_pages_cover_every_quote(client):
    body = client.get("/api/quotes", params={"limit": 4}).json()
    rest = client.get("/api/quotes", params={"limit": 100, "offset": 4}).json()
    assert len(body["items"]) == 4 and len(body["items"]) + len(rest["items"]) == body["total"]


def test_places_filter_by_country(client):
    places = items(client, "/api/places", country="MX")
    assert {p["name"] for p in places} == {"Ciudad Juárez", "Chihuahua", "Huixtla", "Tapachula", "Arriaga", "Chiapas"}


def test_places_grouped_count_mentions_and_articles(client):
    groups = items(client, "/api/places", group="true", limit=100)
    by_name = {g["name"]: g for g in groups}
    assert by_name["Honduras"]["mentions"] >= 1 and by_name["Honduras"]["articles"] >= 1
    assert len(by_name) == len(groups)


def test_places_unknown_feature_is_422(client):
    assert client.get("/api/places", params={"feature": "planet"}).status_code == 422
