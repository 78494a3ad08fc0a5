"""Movements: one group followed leg by leg; groups apart in space, time or by name stay apart."""

from __future__ import annotations

import pytest
from link_stories import Story, Told, october_caravan

from caravan.link.query import get_movement, list_movements


def test_movements_one_caravan_from_honduras_to_mexico(make_store):
    (movement,) = list_movements(make_store(october_caravan()))
    places = [leg["place"] for leg in movement["legs"]]
    assert places == ["San Pedro Sula", "Esquipulas", "Ciudad Hidalgo", "Tapachula"]
    assert movement["first_seen"] == "2018-10-13" and movement["last_seen"] == "2018-10-21"
    assert [leg["place"] for leg in movement["planned"]] == ["Mexico City"]
    assert movement["label"] == "caravan from San Pedro Sula (October 2018)"
    assert movement["status"] == "moving"


def test_movements_undated_recollection_joins_its_leg(make_store):
    (movement,) = list_movements(make_store(october_caravan()))
    (start,) = [leg for leg in movement["legs"] if leg["place"] == "San Pedro Sula"]
    assert start["articles"] == ["d1", "d2"]


def _looking_back(country: str | None = None, town: str | None = None) -> Story:
    """A December story that recalls, by its month alone, where the caravan was in October."""
    where = town or "Mexico"
    return Story(
        "r1",
        "Monthly Review",
        "2018-12-20",
        [
            Told(
                f"When the caravan reached {where} in October, volunteers handed out water.",
                "reached",
                "arrive",
                actor="caravan",
                town=town,
                country=country,
                date="2018-10-01/2018-10-31",
            )
        ],
    )


def test_movements_past_month_report_recalls_its_leg(make_store):
    (movement,) = list_movements(make_store([*october_caravan(), _looking_back(town="Tapachula")]))
    assert [leg["place"] for leg in movement["legs"]] == ["San Pedro Sula", "Esquipulas", "Ciudad Hidalgo", "Tapachula"]
    (tapachula,) = [leg for leg in movement["legs"] if leg["place"] == "Tapachula"]
    assert tapachula["articles"] == ["d3", "r1"]
    assert movement["last_seen"] == "2018-10-21"  # a recollection in December does not extend the movement


def _group_in_tijuana() -> Story:
    """A group at the US border in the week the October caravan crossed into southern Mexico."""
    return Story(
        "n1",
        "Border Daily",
        "2018-10-22",
        [
            Told(
                "A group of migrants gathered in Tijuana on Sunday to ask for asylum.",
                "gathered",
                "gather",
                actor="group",
                town="Tijuana",
                date="2018-10-21",
            )
        ],
    )


def test_movements_past_month_report_of_a_country_two_groups_were_in_joins_neither(make_store):
    movements = list_movements(make_store([*october_caravan(), _group_in_tijuana(), _looking_back(country="MX")]))
    assert len(movements) == 2
    assert all("r1" not in leg["articles"] for m in movements for leg in m["legs"])


def test_movements_two_groups_on_the_road_same_week(make_store):
    movements = list_movements(make_store([*october_caravan(), _group_in_tijuana()]))
    assert len(movements) == 2
    assert {m["legs"][0]["place"] for m in movements} == {"San Pedro Sula", "Tijuana"}


def test_movements_second_caravan_weeks_later_same_road(make_store):
    second = Story(
        "s1",
        "Wire Two",
        "2018-11-02",
        [
            Told(
                "A second caravan left San Pedro Sula on Wednesday.",
                "left",
                "depart",
                actor="caravan",
                town="San Pedro Sula",
                date="2018-10-31",
            ),
            Told(
                "The second caravan crossed into Guatemala a day later.",
                "crossed",
                "cross",
                actor="caravan",
                town="Esquipulas",
                date="2018-11-01",
            ),
        ],
    )
    movements = list_movements(make_store([*october_caravan(), second]))
    assert len(movements) == 2
    later = movements[1]
    assert later["label"] == "second caravan from San Pedro Sula (October 2018)"
    assert [leg["place"] for leg in later["legs"]] == ["San Pedro Sula", "Esquipulas"]


def test_movements_new_departure_starts_another_group(make_store):
    again = Story(
        "s2",
        "Wire Two",
        "2018-11-05",
        [
            Told(
                "More migrants left San Pedro Sula in a caravan on Sunday.",
                "left",
                "depart",
                actor="migrants",
                town="San Pedro Sula",
                date="2018-11-04",
            )
        ],
    )
    assert len(list_movements(make_store([*october_caravan(), again]))) == 2


def test_movements_months_apart_are_different(make_store):
    spring = [
        Story(
            "p1",
            "Daily One",
            "2018-04-02",
            [
                Told(
                    "A caravan of migrants walked into Tapachula on Sunday.",
                    "walked",
                    "travel",
                    actor="caravan",
                    town="Tapachula",
                    date="2018-04-01",
                )
            ],
        )
    ]
    movements = list_movements(make_store([*spring, *october_caravan()]))
    assert [m["first_seen"] for m in movements] == ["2018-04-01", "2018-10-13"]


def test_movements_explain_says_why_each_leg_belongs(make_store):
    db = make_store(october_caravan())
    (listed,) = list_movements(db)
    movement = get_movement(db, listed["id"])
    tapachula = next(leg for leg in movement["legs"] if leg["place"] == "Tapachula")
    assert "km in" in tapachula["explain"][0] and "'caravan'" in tapachula["explain"][0]
    assert get_movement(db, "nope") is None


def test_movements_people_without_a_group_word_are_no_movement(make_store):
    flow = Story(
        "f1",
        "Daily One",
        "2018-06-02",
        [
            Told(
                "Border agents said migrants crossed near Tijuana on Friday.",
                "crossed",
                "cross",
                actor="migrants",
                town="Tijuana",
                date="2018-06-01",
            )
        ],
    )
    assert list_movements(make_store([flow])) == []


def test_movements_leaving_a_stopover_is_the_same_group(make_store):
    onward = Story(
        "o1",
        "Wire Two",
        "2018-11-02",
        [
            Told(
                "The caravan left Huixtla on Thursday, heading north.",
                "left",
                "depart",
                actor="caravan",
                town="Huixtla",
                date="2018-11-01",
            )
        ],
    )
    (movement,) = list_movements(make_store([*october_caravan(), onward]))
    assert movement["legs"][-1]["place"] == "Huixtla"


def test_movements_leaving_a_town_the_group_reached_continues(make_store):
    # the caravan reached Tapachula on 21 October, rested there and left it eleven days later: a stage of the
    # journey, not a second group (only leaving the origin again after moving on starts another one)
    onward = Story(
        "o2",
        "Wire Two",
        "2018-11-02",
        [
            Told(
                "After ten days of rest the caravan left Tapachula on Thursday.",
                "left",
                "depart",
                actor="caravan",
                town="Tapachula",
                date="2018-11-01",
            )
        ],
    )
    (movement,) = list_movements(make_store([*october_caravan(), onward]))
    assert [leg["place"] for leg in movement["legs"]][-2:] == ["Tapachula", "Tapachula"]
    assert movement["last_seen"] == "2018-11-01"


def test_movements_gathering_in_the_next_country_continues(make_store):
    # told of a country alone, three days after the departure: the group's next stage, not a new movement
    gathered = Story(
        "g1",
        "Wire Two",
        "2018-10-17",
        [
            Told(
                "On Tuesday the caravan gathered again in Guatemala before walking on.",
                "gathered",
                "gather",
                actor="caravan",
                country="GT",
                date="2018-10-16",
            )
        ],
    )
    (movement,) = list_movements(make_store([october_caravan()[0], gathered]))
    assert [(leg["country"], leg["date"]) for leg in movement["legs"]] == [("HN", "2018-10-13"), ("GT", "2018-10-16")]
    assert (
        "in the next country"
        in get_movement(make_store([october_caravan()[0], gathered], "b"), movement["id"])["legs"][1]["explain"][0]
    )


def _undated_report() -> Story:
    return Story(
        "u1",
        "Undated Weekly",
        None,
        [
            Told("The caravan reached Esquipulas and rested.", "reached", "arrive", actor="caravan", town="Esquipulas"),
            Told("Later the caravan walked into Tapachula.", "walked", "travel", actor="caravan", town="Tapachula"),
        ],
    )


def test_movements_undated_report_joins_the_only_movement_with_its_places(make_store):
    (movement,) = list_movements(make_store([*october_caravan(), _undated_report()]))
    assert "u1" in movement["articles"]
    undated = [leg for leg in movement["legs"] if leg["date"] is None and leg["date_bound"] is None]
    assert {leg["place"] for leg in undated} == {"Esquipulas", "Tapachula"}
    assert (
        "on no other"
        in get_movement(make_store([*october_caravan(), _undated_report()], "again"), movement["id"])["legs"][-1][
            "explain"
        ][0]
    )


def test_movements_undated_report_stays_apart_when_ambiguous(make_store):
    spring = Story(
        "p1",
        "Daily One",
        "2018-04-03",
        [
            Told(
                "A caravan of migrants reached Esquipulas on Sunday.",
                "reached",
                "arrive",
                actor="caravan",
                town="Esquipulas",
                date="2018-03-28",
            ),
            Told(
                "The caravan walked into Tapachula on Monday.",
                "walked",
                "travel",
                actor="caravan",
                town="Tapachula",
                date="2018-04-02",
            ),
        ],
    )
    movements = list_movements(make_store([spring, *october_caravan(), _undated_report()]))
    assert len(movements) == 3
    assert movements[-1]["articles"] == ["u1"] and movements[-1]["first_seen"] is None


def test_movements_undated_crossing_into_next_country_is_no_leg(make_store):
    def report(date: str | None) -> Story:
        return Story(
            "x1",
            "Policy Daily",
            "2018-10-14",
            [
                Told(
                    "Officials said the caravan would be stopped if the migrants cross into Guatemala.",
                    "cross",
                    "cross",
                    actor="migrants",
                    country="GT",
                    date=date,
                )
            ],
        )

    (undated,) = list_movements(make_store([*october_caravan(), report(None)], "a"))
    assert "x1" not in undated["articles"]
    (dated,) = list_movements(make_store([*october_caravan(), report("2018-10-14")], "b"))
    assert "x1" in dated["articles"]  # the day after the caravan left San Pedro Sula, 70 km from Guatemala


def test_movements_undated_country_move_starts_nothing(make_store):
    vague = Story(
        "v1",
        "Opinion Weekly",
        "2018-10-25",
        [
            Told(
                "The caravan departed for the border, the columnist wrote.",
                "departed",
                "depart",
                actor="caravan",
                country="US",
            )
        ],
    )
    assert list_movements(make_store([vague])) == []
    dated = Story(
        "v2",
        "Opinion Weekly",
        "2018-10-25",
        [
            Told(
                "The caravan departed from Honduras on Monday.",
                "departed",
                "depart",
                actor="caravan",
                country="HN",
                date="2018-10-22",
            )
        ],
    )
    assert list_movements(make_store([dated], "b")) == []  # a move in a country alone makes no movement
    dated.told.append(
        Told(
            "On Tuesday the caravan crossed into Guatemala at Esquipulas.",
            "crossed",
            "cross",
            actor="caravan",
            town="Esquipulas",
            date="2018-10-23",
        )
    )
    (movement,) = list_movements(make_store([dated], "c"))
    assert [leg["country"] for leg in movement["legs"]] == ["HN", "GT"]


def _crossing_into_mexico(date: str) -> Story:
    told = Told(
        "The caravan crossed into Mexico, its organizers said.", "crossed", "cross", actor="caravan", country="MX"
    )
    told.date = date
    return Story("x1", "Wire Three", date, [told])


def test_movements_crossing_two_borders_on_days_later_continues(make_store):
    # four days after leaving Honduras, a crossing told of Mexico alone: Guatemala lies between, two borders on
    (movement,) = list_movements(make_store([october_caravan()[0], _crossing_into_mexico("2018-10-17")]))
    assert [leg["country"] for leg in movement["legs"]] == ["HN", "MX"]


def test_movements_crossing_two_borders_on_the_next_day_does_not_join(make_store):
    (movement,) = list_movements(make_store([october_caravan()[0], _crossing_into_mexico("2018-10-14")]))
    assert [leg["country"] for leg in movement["legs"]] == ["HN"]


def test_movements_actor_that_is_a_place_of_the_article_leaves_the_group_to_the_sentence(make_store):
    # the extractor read a place as the actor ("migrants from Tecun Uman crossed"): the sentence's migrants move
    onward = Story(
        "p1",
        "Wire Four",
        "2018-10-18",
        [
            Told(
                "The caravan rested in Tecun Uman on Tuesday.",
                "rested",
                "gather",
                actor="caravan",
                town="Tecun Uman",
                date="2018-10-16",
            ),
            Told(
                "Migrants from Tecun Uman crossed into Ciudad Hidalgo on Wednesday.",
                "crossed",
                "cross",
                actor="Tecun Uman",
                town="Ciudad Hidalgo",
                date="2018-10-17",
            ),
        ],
    )
    (movement,) = list_movements(make_store([october_caravan()[0], onward]))
    assert "Ciudad Hidalgo" in [leg["place"] for leg in movement["legs"]]


def test_movements_planned_holds_moves_not_what_authorities_expect_to_do(make_store):
    threat = Story(
        "t1",
        "Late Wire",
        "2018-10-22",
        [
            Told(
                "Mexican police will stop the caravan at Huixtla on Wednesday, officials said.",
                "stop",
                "block",
                actor="police",
                town="Huixtla",
                date="2018-10-24",
                modality="predicted",
            )
        ],
    )
    (movement,) = list_movements(make_store([*october_caravan(), threat]))
    assert [leg["place"] for leg in movement["planned"]] == ["Mexico City"]


def _april_caravan(split_reports: bool) -> list[Story]:
    """A caravan leaves Mexico City; a week later it is in two towns 690 km apart: one report tells of both parts,
    or two reports each tell of one."""
    left = Story(
        "a1",
        "Wire One",
        "2018-04-18",
        [
            Told(
                "A caravan of migrants left Mexico City on Tuesday.",
                "left",
                "depart",
                "caravan",
                "Mexico City",
                date="2018-04-17",
            )
        ],
    )
    north = Told(
        "The caravan's buses rolled north from Hermosillo on Tuesday.",
        "rolled",
        "travel",
        "caravan",
        "Hermosillo",
        date="2018-04-24",
    )
    border = Told(
        "Dozens from the caravan arrived in Tijuana late on Tuesday.",
        "arrived",
        "arrive",
        "caravan",
        "Tijuana",
        date="2018-04-24",
    )
    if split_reports:
        return [left, Story("r1", "Wire Two", "2018-04-25", [north]), Story("r2", "Wire Three", "2018-04-25", [border])]
    return [left, Story("r1", "Wire Two", "2018-04-25", [north, border])]


def test_movements_one_report_of_parts_in_two_towns_is_one_group(make_store):
    db = make_store(_april_caravan(split_reports=False))
    (movement,) = list_movements(db)
    assert [leg["place"] for leg in movement["legs"]] == ["Mexico City", "Hermosillo", "Tijuana"]
    explained = get_movement(db, movement["id"])
    reasons = [line for leg in explained["legs"] for line in leg["explain"]]
    assert any("the same report puts part of the group at" in line for line in reasons)


def test_movements_two_towns_far_apart_the_same_day_in_different_reports_stay_apart(make_store):
    movements = list_movements(make_store(_april_caravan(split_reports=True)))
    assert len(movements) == 2


def test_movements_next_day_reachable_from_either_part_joins(make_store):
    gathered = Told(
        "The caravan gathered at the San Ysidro crossing on Wednesday.",
        "gathered",
        "gather",
        "caravan",
        "San Ysidro",
        date="2018-04-25",
    )
    stories = [*_april_caravan(split_reports=False), Story("r3", "Wire Four", "2018-04-26", [gathered])]
    (movement,) = list_movements(make_store(stories))
    assert [leg["place"] for leg in movement["legs"]][-1] == "San Ysidro"


def test_movements_label_prefers_reported_origin_to_a_departure_only_an_undated_report_tells(make_store):
    border = Story(
        "t1",
        "Wire One",
        "2018-04-25",
        [
            Told(
                "A caravan of migrants from Honduras arrived in Tijuana on Tuesday.",
                "arrived",
                "arrive",
                "caravan",
                "Tijuana",
                date="2018-04-24",
            ),
            Told(
                "The rest of the caravan traveled north from Hermosillo on Tuesday.",
                "traveled",
                "travel",
                "caravan",
                "Hermosillo",
                date="2018-04-24",
            ),
        ],
    )
    undated = Story(
        "t2",
        "Blog",
        None,
        [
            Told("Some migrants split from the caravan in Hermosillo.", "split", "depart", "migrants", "Hermosillo"),
            Told("The caravan later reached Tijuana.", "reached", "arrive", "caravan", "Tijuana"),
        ],
    )
    (movement,) = list_movements(make_store([border, undated]))
    assert movement["label"] == "caravan from Honduras (April 2018)"


def test_movements_undated_move_told_days_before_the_group_set_out_is_not_its_leg(make_store):
    def earlier(published: str) -> Story:
        return Story(
            "e1",
            "Early Daily",
            published,
            [
                Told(
                    "Hundreds of migrants in a caravan have been walking through Esquipulas, officials said.",
                    "walking",
                    "travel",
                    actor="migrants",
                    town="Esquipulas",
                )
            ],
        )

    (movement,) = list_movements(make_store([*october_caravan(), earlier("2018-10-01")], "a"))
    assert "e1" not in movement["articles"] and movement["first_seen"] == "2018-10-13"
    (movement,) = list_movements(make_store([*october_caravan(), earlier("2018-10-14")], "b"))
    assert "e1" in movement["articles"]  # the same report a day after the departure is of the group under way


def test_movements_report_of_a_country_alone_joins_only_when_it_names_the_group(make_store):
    def report(sentence: str, actor: str) -> Story:
        return Story(
            "c1",
            "Other Daily",
            "2018-10-23",
            [Told(sentence, "crossed", "cross", actor=actor, country="MX", date="2018-10-22")],
        )

    unrelated = report("Migrants crossed into Mexico illegally on Monday, officials said.", "migrants")
    (movement,) = list_movements(make_store([*october_caravan(), unrelated], "a"))
    assert "c1" not in movement["articles"]  # people somewhere in a country the caravan is in: not the caravan
    named = report("The caravan crossed into Mexico on Monday, officials said.", "caravan")
    (movement,) = list_movements(make_store([*october_caravan(), named], "b"))
    assert "c1" in movement["articles"]


def test_movements_crossing_into_a_country_beyond_the_caravans_reach_is_no_leg_and_no_movement(make_store):
    def report(country: str, date: str) -> Story:
        return Story(
            "c2",
            "Other Daily",
            "2018-10-23",
            [
                Told(
                    "The caravan crossed into the country on Monday.",
                    "crossed",
                    "cross",
                    actor="caravan",
                    country=country,
                    date=date,
                ),
                Told("The caravan has arrived at San Ysidro.", "arrived", "arrive", actor="caravan", town="San Ysidro"),
            ],
        )

    # the caravan is at Tapachula, in southern Mexico, on 21 October: the US is 1,300 km north; the crossing is no
    # leg of it, nor the start of another caravan that the undated arrival could join
    movements = list_movements(make_store([*october_caravan(), report("US", "2018-10-22")], "a"))
    assert len(movements) == 1 and "c2" not in movements[0]["articles"]
    assert "US" not in {leg["country"] for leg in movements[0]["legs"]}
    # Guatemala, 70 km from San Pedro Sula, may be entered the day the caravan left it
    movements = list_movements(make_store([*october_caravan(), report("GT", "2018-10-13")], "b"))
    assert "c2" in movements[0]["articles"]


def test_movements_a_leg_told_again_later_does_not_extend_the_movement(make_store):
    recalled = Story(
        "r1",
        "Late Weekly",
        "2018-11-15",
        [Told("The caravan reached Tapachula last month.", "reached", "arrive", actor="caravan", town="Tapachula")],
    )
    later = Story(
        "r2",
        "Other Daily",
        "2018-12-11",
        [
            Told(
                "The caravan walked on through Mexico.",
                "walked",
                "travel",
                actor="caravan",
                country="MX",
                date="2018-12-10",
            )
        ],
    )
    (movement, *_) = list_movements(make_store([*october_caravan(), recalled, later]))
    assert "r1" in movement["articles"]  # the Tapachula leg, told again
    assert movement["last_seen"] == "2018-10-21" and "r2" not in movement["articles"]  # 50 days on: not this caravan


def test_movements_a_march_of_people_no_report_calls_migrants_is_no_movement(make_store):
    def march(who: str) -> Story:
        return Story(
            "p1",
            "City Daily",
            "2018-06-18",
            [
                Told(
                    f"{who} in a march walked through Tijuana on Saturday.",
                    "walked",
                    "travel",
                    actor=who,
                    town="Tijuana",
                    date="2018-06-16",
                ),
                Told(
                    "The march reached San Ysidro on Sunday.",
                    "reached",
                    "arrive",
                    actor="march",
                    town="San Ysidro",
                    date="2018-06-17",
                ),
            ],
        )

    assert list_movements(make_store([march("Thousands of protesters")], "a")) == []
    (movement,) = list_movements(make_store([march("Thousands of migrants")], "b"))
    assert [leg["place"] for leg in movement["legs"]] == ["Tijuana", "San Ysidro"]


@pytest.mark.parametrize(
    "organisation",
    ["immigrant rights groups", "an advocacy group", "the Frontera Unida group", "the pastor's group"],
)
def test_movements_a_group_that_is_an_organisation_is_no_body_of_migrants(make_store, organisation):
    def report(named: str) -> Story:
        return Story(
            "o1",
            "City Daily",
            "2018-06-18",
            [
                Told(
                    f"Migrants crossed at Tijuana on Saturday, {named} said.",
                    "crossed",
                    "cross",
                    actor="Migrants",
                    town="Tijuana",
                    date="2018-06-16",
                ),
            ],
        )

    assert list_movements(make_store([report(organisation)], "a")) == []
    (movement,) = list_movements(make_store([report("a group of Honduran families")], "b"))
    assert [leg["place"] for leg in movement["legs"]] == ["Tijuana"]


def test_movements_a_leg_told_again_does_not_tie_a_later_act_to_the_group(make_store):
    later = Story(
        "r2",
        "Monthly Review",
        "2018-11-20",
        [
            Told(
                "The caravan reached Tapachula weeks ago, volunteers recalled.",
                "reached",
                "arrive",
                actor="caravan",
                town="Tapachula",
            ),
            Told(
                "Police stopped the caravan in Mexico, officials said.",
                "stopped",
                "block",
                actor="Police",
                country="MX",
            ),
        ],
    )
    (movement,) = list_movements(make_store([*october_caravan(), later]))
    assert any("r2" in leg["articles"] for leg in movement["legs"] if leg["country"] == "MX")  # told again
    blocks = [e for leg in movement["legs"] for e in leg["events"] if e["type"] == "block"]
    assert blocks == []  # nothing puts the group in Mexico on the day the block was reported
