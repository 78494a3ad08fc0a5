"""Canonical events: one event told by several outlets is one event; distinct events stay apart."""

from __future__ import annotations

from link_stories import Story, Told

from caravan.link.query import list_canonical_events


def _crossing(story_id: str, outlet: str, town: str, date: str | None, modality: str = "asserted") -> Story:
    return Story(
        story_id,
        outlet,
        "2018-10-20",
        [
            Told(
                f"The caravan crossed the river into {town} on Friday, witnesses told {outlet}.",
                "crossed",
                "cross",
                actor="caravan",
                town=town,
                date=date,
                modality=modality,
            )
        ],
    )


def _crossings(events: list[dict]) -> list[dict]:
    return [e for e in events if e["type"] == "cross"]


def test_events_three_outlets_one_event(make_store):
    db = make_store(
        [
            _crossing("a1", "Outlet One", "Ciudad Hidalgo", "2018-10-19"),
            _crossing("a2", "Outlet Two", "Tapachula", "2018-10-19"),
            _crossing("a3", "Outlet Three", "Ciudad Hidalgo", "2018-10-20"),
        ]
    )
    (event,) = _crossings(list_canonical_events(db))
    assert event["stories"] == 3
    assert event["outlets"] == ["Outlet One", "Outlet Three", "Outlet Two"]
    assert sorted(m["article"] for m in event["mentions"]) == ["a1", "a2", "a3"]
    assert event["date"] == "2018-10-19"


def test_events_modality_disagreement_kept_per_source(make_store):
    db = make_store(
        [
            _crossing("a1", "Outlet One", "Ciudad Hidalgo", None),
            _crossing("a2", "Outlet Two", "Ciudad Hidalgo", None, modality="planned"),
        ]
    )
    (event,) = _crossings(list_canonical_events(db))
    assert event["modality"] == "asserted"
    said = {m["outlets"][0]: m["modality"] for m in event["modalities"]}
    assert said == {"Outlet One": "asserted", "Outlet Two": "planned"}


def test_events_far_days_or_places_stay_apart(make_store):
    db = make_store(
        [
            _crossing("a1", "Outlet One", "Ciudad Hidalgo", "2018-10-19"),
            _crossing("a2", "Outlet Two", "Ciudad Hidalgo", "2018-10-25"),
            _crossing("a3", "Outlet Three", "Tijuana", "2018-10-19"),
        ]
    )
    assert len(_crossings(list_canonical_events(db))) == 3


def test_events_undated_takes_publication_bound(make_store):
    db = make_store([_crossing("a1", "Outlet One", "Ciudad Hidalgo", None)])
    (event,) = _crossings(list_canonical_events(db))
    assert event["date"] is None
    assert event["date_bound"] == "2018-10-20"
    assert event["mentions"][0]["date_bound"] == "2018-10-20"
