"""Legs and status: what the last stretch of a movement says of the group."""

from __future__ import annotations

from link_stories import Story, Told, october_caravan

from caravan.link.query import list_movements


def _last_report(*told: Told) -> Story:
    return Story("z1", "Late Wire", "2018-10-24", list(told))


def test_legs_status_stopped_by_a_dated_roadblock(make_store):
    block = _last_report(
        Told(
            "Police blocked the caravan outside Huixtla on Tuesday.",
            "blocked",
            "block",
            actor="Police",
            town="Huixtla",
            date="2018-10-23",
        )
    )
    (movement,) = list_movements(make_store([*october_caravan(), block]))
    assert movement["status"] == "stopped"


def test_legs_status_moving_when_the_last_dated_leg_is_a_move(make_store):
    block = _last_report(
        Told(
            "At some point police set up a roadblock for the caravan near Huixtla.",
            "roadblock",
            "block",
            actor="police",
            town="Huixtla",
        ),
        Told(
            "The caravan walked into Huixtla on Tuesday.",
            "walked",
            "travel",
            actor="caravan",
            town="Huixtla",
            date="2018-10-23",
        ),
    )
    (movement,) = list_movements(make_store([*october_caravan(), block]))
    assert movement["status"] == "moving"


def test_legs_status_dispersed_and_returned(make_store):
    scattered = _last_report(
        Told(
            "The caravan dispersed in Huixtla on Tuesday after the raids.",
            "dispersed",
            "travel",
            actor="caravan",
            town="Huixtla",
            date="2018-10-23",
        )
    )
    assert list_movements(make_store([*october_caravan(), scattered], "a"))[0]["status"] == "dispersed"
    home = _last_report(
        Told(
            "Many in the caravan returned to Honduras by bus from Huixtla on Tuesday.",
            "returned",
            "return",
            actor="Many",
            town="Huixtla",
            date="2018-10-23",
        )
    )
    assert list_movements(make_store([*october_caravan(), home], "b"))[0]["status"] == "returned"


def test_legs_undated_departure_from_the_origin_goes_first(make_store):
    _, *later = october_caravan()  # the report that dates the departure is missing
    (movement,) = list_movements(make_store(later))
    first = movement["legs"][0]
    assert (first["place"], first["date"], first["date_bound"]) == ("San Pedro Sula", None, "2018-10-18")
    assert movement["label"] == "caravan from San Pedro Sula (October 2018)"


def test_legs_status_some_going_home_is_not_the_group_returning(make_store):
    home = _last_report(
        Told(
            "The caravan walked into Huixtla on Tuesday.",
            "walked",
            "travel",
            actor="caravan",
            town="Huixtla",
            date="2018-10-23",
        ),
        Told(
            "A few families of the caravan have gone back home from Huixtla.",
            "gone back",
            "return",
            actor="families",
            town="Huixtla",
        ),
    )
    (movement,) = list_movements(make_store([*october_caravan(), home]))
    assert movement["status"] == "moving"


def test_legs_a_dated_day_goes_before_a_period_that_starts_on_it(make_store):
    # the period's report sorts first by article id, so only the tie-break by period length puts the day first
    period = Story(
        "a0",
        "Week Review",
        "2018-10-26",
        [
            Told(
                "Between Tuesday and Thursday police stopped the caravan near Tapachula.",
                "stopped",
                "block",
                actor="police",
                town="Tapachula",
                date="2018-10-23/2018-10-25",
            )
        ],
    )
    day = _last_report(
        Told(
            "The caravan walked into Huixtla on Tuesday.",
            "walked",
            "travel",
            actor="caravan",
            town="Huixtla",
            date="2018-10-23",
        )
    )
    (movement,) = list_movements(make_store([*october_caravan(), period, day]))
    same_start = [leg["date"] for leg in movement["legs"] if (leg["date"] or "").startswith("2018-10-23")]
    assert same_start == ["2018-10-23", "2018-10-23/2018-10-25"]


def _week_and_day(story_of_walk: str) -> list[Story]:
    crossed = Told(
        "As the caravan entered Guatemala on Wednesday, officials counted 2,000 people.",
        "entered",
        "cross",
        actor="caravan",
        country="GT",
        date="2020-01-15",
    )
    left = Told(
        "Several hundred migrants in a caravan left San Pedro Sula this week.",
        "left",
        "depart",
        actor="caravan",
        town="San Pedro Sula",
        date="2020-01-13/2020-01-19",
    )
    walked = Told(
        "The caravan crossed into Guatemala this week, where scores walked along a highway.",
        "walked",
        "travel",
        actor="caravan",
        country="GT",
        date="2020-01-13/2020-01-19",
    )
    if story_of_walk == "a1":
        return [Story("a1", "Wire", "2020-01-17", [left, walked, crossed])]
    return [Story("a1", "Wire", "2020-01-17", [left, crossed]), Story("b1", "Other Wire", "2020-01-17", [walked])]


def test_legs_week_dated_move_joins_the_same_story_day_in_that_week(make_store):
    (movement,) = list_movements(make_store(_week_and_day("a1")))
    guatemala = [leg for leg in movement["legs"] if leg["country"] == "GT"]
    assert [(leg["date"], sorted(e["type"] for e in leg["events"])) for leg in guatemala] == [
        ("2020-01-15", ["cross", "travel"])
    ]


def test_legs_week_dated_move_of_another_story_stays_its_own_leg(make_store):
    (movement,) = list_movements(make_store(_week_and_day("b1")))
    assert sorted(leg["date"] for leg in movement["legs"] if leg["country"] == "GT") == [
        "2020-01-13/2020-01-19",
        "2020-01-15",
    ]
