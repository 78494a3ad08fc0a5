"""``/api/events``: event mentions by type, modality, country, dates and area; paging; the timeline."""

import sqlite3

import pytest


def events(client, **params):
    response = client.get("/api/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def stored_events(api_store, where="1", params=()):
    with sqlite3.connect(api_store) as conn:
        return conn.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]


def test_events_lists_every_mention_by_day(client, api_store):
    items = events(client)
    assert len(items) == stored_events(api_store) > 3
    days = [e["day"] for e in items]
    assert days == sorted(days)


def test_events_pages_are_stable(client):
    whole = [(e["article_id"], e["idx"]) for e in events(client)]
    paged, offset = [], 0
    while offset is not None:
        body = client.get("/api/events", params={"limit": 2, "offset": offset}).json()
        paged += [(e["article_id"], e["idx"]) for e in body["items"]]
        offset = body["next_offset"]
    assert paged == whole


def test_events_filter_by_types_repeated_or_comma_separated(client):
    repeated = events(client, type=["block", "detain"])
    assert {e["type"] for e in repeated} == {"block", "detain"}
    assert events(client, type="block,detain") == repeated


def test_events_filter_by_modality(client, api_store):
    planned = events(client, modality="planned")
    assert planned and {e["modality"] for e in planned} == {"planned"}
    assert len(planned) == stored_events(api_store, "modality = 'planned'")


def test_events_filter_by_country(client):
    assert {e["article_id"] for e in events(client, country="gt")} == {"tecun-uman-detentions"}


def test_events_filter_by_dates_uses_the_event_day(client):
    items = events(client, since="2024-03-06", until="2024-03-06")
    assert items and all(e["day"] == "2024-03-06" for e in items)


def test_events_filter_by_bounding_box(client):
    chiapas = events(client, bbox="-93,14,-91,16")  # west,south,east,north around the Mexico-Guatemala border
    assert {e["place"] for e in chiapas} == {"Huixtla", "Ciudad Tecún Umán", "Tapachula"}
    assert events(client, bbox="100,-10,120,10") == []


def test_events_bounding_box_across_the_antimeridian(client):
    assert events(client, bbox="170,-90,-100,90") == events(client, bbox="-180,-90,-100,90")


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "-200,0,0,10", "0,50,10,40"])
def test_events_malformed_bbox_is_422(client, bbox):
    assert client.get("/api/events", params={"bbox": bbox}).status_code == 422


def test_events_unknown_type_is_422(client):
    response = client.get("/api/events", params={"type": "teleport"})
    assert response.status_code == 422 and "teleport" in response.json()["detail"]


def test_events_carry_their_trigger_in_context(client):
    block = events(client, type="block")[0]
    assert block["text"] == "blocked"
    assert block["before"].endswith("Mexican police ") and block["after"].startswith(" some 2,000")


def test_events_timeline_counts_every_dated_event_by_day_and_type(client):
    counts = client.get("/api/events/timeline", params={"since": "2030-01-01"}).json()  # dates do not cut it
    assert sum(c["n"] for c in counts) == len([e for e in events(client) if e["day"]])
    assert {"day": "2024-03-06", "type": "block", "n": 2} in counts


def test_events_timeline_follows_the_type_filter(client):
    counts = client.get("/api/events/timeline", params={"type": "detain"}).json()
    assert [c["type"] for c in counts] == ["detain"]


def test_events_page_is_what_the_response_model_writes(client):
    from fastapi.encoders import jsonable_encoder
    from fastapi.responses import JSONResponse
    from pydantic import TypeAdapter

    from caravan.api.schemas import EventMention, Paged

    for params in ({"limit": 1000}, {"limit": 3, "offset": 2, "bbox": "-93,14,-91,16"}):
        response = client.get("/api/events", params=params)
        model = TypeAdapter(Paged[EventMention]).validate_json(response.content)
        assert response.content == JSONResponse(jsonable_encoder(model)).body
