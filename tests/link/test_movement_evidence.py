"""What makes a movement worth listing and what joins it: undated reports apart, a group seen moving at a
place, things done to others kept out, a label from where the group is known to come from."""

from __future__ import annotations

from click.testing import CliRunner
from link_stories import Story, Told, october_caravan

from caravan.cli.main import cli
from caravan.link.query import get_movement, list_movements


def _undated(story_id: str = "u9") -> Story:
    return Story(
        story_id,
        "Undated Weekly",
        None,
        [
            Told(
                "The caravan walked into Tapachula, the organisers said.",
                "walked",
                "travel",
                actor="caravan",
                town="Tapachula",
            )
        ],
    )


def test_movement_evidence_undated_report_is_flagged_and_listed_apart(make_store, tmp_path):
    db = make_store([*october_caravan(), _undated()])
    movements = list_movements(db)
    assert [m["undated"] for m in movements] == [False, True]
    listed = CliRunner().invoke(cli, ["movements", "--db", str(db.path)])
    assert listed.exit_code == 0, listed.output
    dated_part, undated_part = listed.output.split("1 undated")
    assert "San Pedro Sula" in dated_part and "Tapachula" in undated_part


def test_movement_evidence_undated_move_in_a_country_alone_is_not_listed(make_store):
    vague = Story(
        "c1",
        "Undated Weekly",
        None,
        [Told("The caravan departed from Mexico for the north.", "departed", "depart", actor="caravan", country="MX")],
    )
    assert list_movements(make_store([vague], "a")) == []
    assert len(list_movements(make_store([_undated()], "b"))) == 1


def _detained(town: str, date: str, sentence: str) -> Story:
    return Story("k1", "Border Daily", date, [Told(sentence, "detained", "detain", town=town, date=date)])


def test_movement_evidence_detention_elsewhere_is_not_the_groups(make_store):
    far = _detained("Huixtla", "2018-10-23", "Police detained two migrants in Huixtla on Tuesday.")
    (movement,) = list_movements(make_store([*october_caravan(), far], "a"))
    assert "k1" not in movement["articles"]


def test_movement_evidence_detention_at_the_groups_place_joins(make_store):
    here = _detained("Tapachula", "2018-10-22", "Police detained two migrants in Tapachula on Monday.")
    (movement,) = list_movements(make_store([*october_caravan(), here], "a"))
    assert "k1" in movement["articles"]


def test_movement_evidence_named_caravan_stopped_in_its_country_joins(make_store):
    named = Story(
        "k2",
        "Border Daily",
        "2018-10-22",
        [
            Told(
                "Federal police blocked the caravan on a highway on Monday.",
                "blocked",
                "block",
                actor="police",
                country="MX",
                date="2018-10-22",
            )
        ],
    )
    unnamed = Story(
        "k3",
        "Border Daily",
        "2018-10-24",
        [
            Told(
                "Federal police blocked some migrants on a highway on Wednesday.",
                "blocked",
                "block",
                actor="police",
                country="MX",
                date="2018-10-24",
            )
        ],
    )
    (movement,) = list_movements(make_store([*october_caravan(), named, unnamed], "a"))
    assert "k2" in movement["articles"] and "k3" not in movement["articles"]


def test_movement_evidence_label_without_departure_uses_origin_phrase(make_store):
    spring = Story(
        "p1",
        "Daily One",
        "2018-04-02",
        [
            Told(
                "A caravan from Honduras walked into Tapachula on Sunday.",
                "walked",
                "travel",
                actor="caravan",
                town="Tapachula",
                date="2018-04-01",
            )
        ],
    )
    (movement,) = list_movements(make_store([spring], "a"))
    assert movement["label"] == "caravan from Honduras (April 2018)"
    plain = Story(
        "p2",
        "Daily One",
        "2018-04-02",
        [
            Told(
                "The caravan walked into Tapachula on Sunday.",
                "walked",
                "travel",
                actor="caravan",
                town="Tapachula",
                date="2018-04-01",
            )
        ],
    )
    (movement,) = list_movements(make_store([plain], "b"))
    assert movement["label"] == "caravan at Tapachula (April 2018)"


def _announced(date: str) -> Story:
    return Story(
        "a1",
        "Daily One",
        "2018-10-12",
        [
            Told(
                "Hundreds of migrants plan to leave San Pedro Sula in a caravan on Saturday.",
                "leave",
                "depart",
                actor="migrants",
                town="San Pedro Sula",
                date=date,
                modality="planned",
            )
        ],
    )


def test_movement_evidence_planned_departure_then_legs_is_the_inferred_origin(make_store):
    on_road = [s for s in october_caravan() if s.id != "d1"]  # nobody reports the departure as it happens
    on_road[0].told = on_road[0].told[:1]  # nor recalls it
    db = make_store([_announced("2018-10-13"), *on_road])
    (movement,) = list_movements(db)
    origin = movement["legs"][0]
    assert origin["place"] == "San Pedro Sula" and origin["date"] == "2018-10-13" and origin["inferred"]
    assert movement["first_seen"] == "2018-10-13"
    assert "inferred origin" in get_movement(db, movement["id"])["legs"][0]["explain"][0]
    assert not any(leg["inferred"] for leg in movement["legs"][1:])


def test_movement_evidence_planned_departure_after_asserted_one_stays_planned(make_store):
    (movement,) = list_movements(make_store([_announced("2018-10-13"), *october_caravan()]))
    assert not any(leg["inferred"] for leg in movement["legs"])


def test_movement_evidence_located_place_keeps_its_own_country(make_store):
    misread = Story(
        "w1",
        "Wire Two",
        "2018-10-24",
        [
            Told(
                "The caravan, bound for the United States, walked into Huixtla on Tuesday.",
                "walked",
                "travel",
                actor="caravan",
                town="Huixtla",
                date="2018-10-23",
                event_country="US",
            )
        ],
    )
    (movement,) = list_movements(make_store([*october_caravan(), misread]))
    assert [leg["country"] for leg in movement["legs"] if leg["place"] == "Huixtla"] == ["MX"]


def _with_country_leg(country_date: str) -> list[Story]:
    stories = october_caravan()
    stories[2].told.insert(
        1,
        Told(
            "On Saturday the caravan gathered again in Mexico to rest.",
            "gathered",
            "gather",
            actor="caravan",
            country="MX",
            date=country_date,
        ),
    )
    return stories


def test_movement_evidence_country_leg_takes_the_town_its_story_gives(make_store):
    db = make_store(_with_country_leg("2018-10-22"))
    (movement,) = list_movements(db)
    (leg,) = [leg for leg in get_movement(db, movement["id"])["legs"] if leg["date"] == "2018-10-22"]
    assert leg["place"] == "Tapachula" and leg["lat"] is not None
    assert "placed at Tapachula" in leg["explain"][0]


def test_movement_evidence_country_leg_far_or_between_towns_stays_a_country(make_store):
    for name, date in (("far", "2018-10-25"), ("between", "2018-10-20")):  # between: a day from two towns
        (movement,) = list_movements(make_store(_with_country_leg(date), name))
        (leg,) = [leg for leg in movement["legs"] if leg["date"] == date]
        assert leg["place"] is None and leg["lat"] is None


def test_movement_evidence_dateline_or_number_as_actor_reads_the_sentences_group(make_store):
    for name, actor in (("dateline", "TAPACHULA"), ("number", "600")):
        story = Story(
            "t1",
            "Wire Two",
            "2018-04-02",
            [
                Told(
                    "TAPACHULA, Mexico - About 600 migrants travelling in a caravan arrived on Sunday.",
                    "arrived",
                    "arrive",
                    actor=actor,
                    town="Tapachula",
                    date="2018-04-01",
                )
            ],
        )
        (movement,) = list_movements(make_store([story], name))
        assert movement["legs"][0]["place"] == "Tapachula"


def test_movement_evidence_few_people_detained_are_not_the_caravan(make_store):
    def detained(size: float) -> Story:
        return Story(
            "k4",
            "Border Daily",
            "2018-10-22",
            [
                Told(
                    "Police detained members of the caravan in Mexico on Monday.",
                    "detained",
                    "detain",
                    actor="Police",
                    country="MX",
                    date="2018-10-22",
                    size=[size, size],
                )
            ],
        )

    (movement,) = list_movements(make_store([*october_caravan(), detained(2)], "a"))
    assert "k4" not in movement["articles"]
    (movement,) = list_movements(make_store([*october_caravan(), detained(300)], "b"))
    assert "k4" in movement["articles"]


def test_movement_evidence_named_caravan_stopped_far_from_its_legs_is_not_joined(make_store):
    far = Story(
        "k5",
        "Border Daily",
        "2018-10-22",
        [
            Told(
                "Police stopped a caravan in Mexico City on Monday.",
                "stopped",
                "block",
                actor="Police",
                town="Mexico City",
                date="2018-10-22",
            )
        ],
    )
    near = Story(
        "k6",
        "Border Daily",
        "2018-10-23",
        [
            Told(
                "Police stopped the caravan outside Huixtla on Tuesday.",
                "stopped",
                "block",
                actor="Police",
                town="Huixtla",
                date="2018-10-23",
            )
        ],
    )
    (movement,) = list_movements(make_store([*october_caravan(), far, near]))
    assert "k5" not in movement["articles"] and "k6" in movement["articles"]


def test_movement_evidence_undated_country_report_of_people_is_not_joined(make_store):
    def told(actor: str) -> Story:
        return Story(
            "k7",
            "Opinion Weekly",
            "2018-10-23",
            [
                Told(
                    f"Many {actor} gathered in Mexico, the columnist wrote.",
                    "gathered",
                    "gather",
                    actor=actor,
                    country="MX",
                )
            ],
        )

    (movement,) = list_movements(make_store([*october_caravan(), told("people")], "a"))
    assert "k7" not in movement["articles"]
    (movement,) = list_movements(make_store([*october_caravan(), told("caravans")], "b"))
    assert "k7" in movement["articles"]


def test_movement_evidence_label_origin_from_a_people_or_an_adjective(make_store):
    for name, sentence in (
        ("people", "A caravan of Central Americans walked into Tapachula on Sunday."),
        ("adjective", "A Central American caravan walked into Tapachula on Sunday."),
        ("of-from", "A caravan of people from Central America walked into Tapachula on Sunday."),
    ):
        story = Story(
            "p3",
            "Daily One",
            "2018-04-02",
            [Told(sentence, "walked", "travel", actor="caravan", town="Tapachula", date="2018-04-01")],
        )
        (movement,) = list_movements(make_store([story], name))
        assert movement["label"] == "caravan from Central America (April 2018)", name


def test_movement_evidence_label_origin_from_a_people_as_actor(make_store):
    story = Story(
        "p4",
        "Daily One",
        "2018-04-02",
        [
            Told(
                "Hondurans walked into Tapachula in a caravan on Sunday.",
                "walked",
                "travel",
                actor="Hondurans",
                town="Tapachula",
                date="2018-04-01",
            )
        ],
    )
    (movement,) = list_movements(make_store([story]))
    assert movement["label"] == "caravan from Honduras (April 2018)"


def test_movement_evidence_country_leg_over_a_week_is_not_refined(make_store):
    (movement,) = list_movements(make_store(_with_country_leg("2018-10-20/2018-10-26")))
    (leg,) = [leg for leg in movement["legs"] if leg["date"] == "2018-10-20/2018-10-26"]
    assert leg["place"] is None
