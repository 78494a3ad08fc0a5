"""``/api/movements`` and canonical events: what caravan.link built from the store, paged and filtered."""

import pytest

from caravan.link import query
from caravan.store import Database


@pytest.fixture(scope="module")
def linked_store(api_store):
    db = Database(api_store)
    return query.list_movements(db), query.list_canonical_events(db)


def test_movements_lists_what_the_linker_built(client, linked_store):
    movements, _ = linked_store
    body = client.get("/api/movements").json()
    assert body["total"] == len(movements) >= 1
    assert [m["id"] for m in body["items"]] == [m["id"] for m in movements]
    assert all(m["legs"] and m["label"] for m in body["items"])


def test_movements_pages(client, linked_store):
    movements, _ = linked_store
    body = client.get("/api/movements", params={"limit": 1, "offset": len(movements) - 1}).json()
    assert [m["id"] for m in body["items"]] == [movements[-1]["id"]] and body["next_offset"] is None


def test_movements_one_has_legs_and_counts_with_sources(client, linked_store):
    caravan = next(m for m in linked_store[0] if "caravan" in m["label"])
    body = client.get(f"/api/movements/{caravan['id']}").json()
    assert body["id"] == caravan["id"]
    assert {leg["place"] for leg in body["legs"]} >= {"Tapachula", "Arriaga"}
    reports = [size for count in body["counts"] for size in count["sizes"]]
    assert reports and all(size["article"] and size["source"] for size in reports)


def test_movements_unknown_is_404(client):
    response = client.get("/api/movements/m-nowhere")
    assert response.status_code == 404 and response.json()["error"] == "NotFoundError"


def test_events_canonical_level_lists_linked_events(client, linked_store):
    _, events = linked_store
    body = client.get("/api/events", params={"level": "canonical", "limit": 1000}).json()
    assert body["total"] == len(events)
    assert all(e["mentions"] and e["mentions"][0]["article"] for e in body["items"])


def test_events_canonical_level_follows_the_filters(client, linked_store):
    _, events = linked_store
    params = {"level": "canonical", "limit": 1000}
    departs = client.get("/api/events", params={**params, "type": "depart"}).json()["items"]
    assert departs and len(departs) == sum(e["type"] == "depart" for e in events)
    boxed = client.get("/api/events", params={**params, "bbox": "-93,14,-91,16"}).json()["items"]
    assert boxed and all(-93 <= e["lon"] <= -91 for e in boxed)
    dated = client.get("/api/events", params={**params, "since": "2024-03-18"}).json()["items"]
    assert dated and all((e["date"] or e["date_bound"]) >= "2024-03-18" for e in dated)
