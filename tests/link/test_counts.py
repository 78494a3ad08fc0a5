"""Count reconciliation: every reported size kept with its source, a story counted once, a reconciled view."""

from __future__ import annotations

from link_stories import Story, Told

from caravan.link.query import list_movements


def _report(
    story_id: str, outlet: str, size: float, speaker: str | None = None, duplicate_of: str | None = None
) -> Story:
    return Story(
        story_id,
        outlet,
        "2018-10-22",
        [
            Told(
                f"About {size:,.0f} migrants in the caravan crossed into Mexico at Ciudad Hidalgo on Friday, "
                f"{outlet} reported.",
                "crossed",
                "cross",
                actor="migrants",
                town="Ciudad Hidalgo",
                date="2018-10-19",
                size=[size, size],
                speaker=speaker,
            )
        ],
        duplicate_of=duplicate_of,
    )


def _counts(db) -> list[dict]:
    (movement,) = list_movements(db)
    return movement["counts"]


def test_counts_conflicting_sizes_all_kept(make_store):
    db = make_store(
        [
            _report("c1", "Outlet One", 3000, speaker="a police spokesman"),
            _report("c2", "Outlet Two", 5000),
            _report("c3", "Outlet Three", 7000),
            _report("c4", "Outlet Four", 5000),
        ]
    )
    (day,) = _counts(db)
    assert (day["date"], day["low"], day["median"], day["high"], day["most_cited"]) == (
        "2018-10-19",
        3000,
        5000,
        7000,
        5000,
    )
    assert day["reports"] == 4
    assert sorted((s["low"], s["source"]) for s in day["sizes"]) == [
        (3000, "Outlet One"),
        (5000, "Outlet Four"),
        (5000, "Outlet Two"),
        (7000, "Outlet Three"),
    ]
    assert next(s for s in day["sizes"] if s["low"] == 3000)["speaker"] == "a police spokesman"


def test_counts_single_report_has_no_median(make_store):
    (day,) = _counts(make_store([_report("c1", "Outlet One", 3000)]))
    assert (day["low"], day["median"], day["high"], day["most_cited"], day["reports"]) == (3000, None, 3000, None, 1)


def test_stories_syndicated_copy_counts_once(make_store):
    db = make_store(
        [
            _report("c1", "Outlet One", 3000),
            _report("c2", "Paper Reprint", 3000, duplicate_of="c1"),
            _report("c3", "Outlet Three", 7000),
        ]
    )
    (day,) = _counts(db)
    assert day["reports"] == 2 and day["most_cited"] is None
    (movement,) = list_movements(db)
    assert movement["stories"] == 2
    (leg,) = movement["legs"]
    assert "Paper Reprint" in leg["outlets"]


def test_counts_undated_figure_marked_with_its_report_date(make_store):
    undated = Story(
        "c5",
        "Outlet Five",
        "2018-10-23",
        [
            Told(
                "Some 4,000 people walked with the caravan through Huixtla.",
                "walked",
                "travel",
                actor="people",
                town="Huixtla",
                size=[4000, 4000],
            )
        ],
    )
    dated, bound = _counts(make_store([_report("c1", "Outlet One", 3000), undated]))
    assert (dated["date"], dated["date_bound"]) == ("2018-10-19", False)
    assert (bound["date"], bound["date_bound"], bound["low"]) == ("2018-10-23", True, 4000)


def test_counts_size_of_a_planned_move_is_dated_by_its_report(make_store):
    db = make_store(
        [
            Story(
                "p1",
                "Outlet One",
                "2018-10-22",
                [
                    Told(
                        "The caravan crossed into Mexico at Ciudad Hidalgo on Friday.",
                        "crossed",
                        "cross",
                        actor="caravan",
                        town="Ciudad Hidalgo",
                        date="2018-10-19",
                    ),
                    Told(
                        "About 4,000 migrants in the caravan plan to move on to Tapachula on Saturday.",
                        "move on",
                        "travel",
                        actor="migrants",
                        town="Tapachula",
                        date="2018-10-27",
                        size=[4000, 4000],
                        modality="planned",
                    ),
                ],
            )
        ]
    )
    (movement,) = list_movements(db)
    assert [leg["place"] for leg in movement["planned"]] == ["Tapachula"]
    assert [(c["date"], c["low"]) for c in movement["counts"]] == [("2018-10-22", 4000)]


def _day_story(*told: tuple[str, str, list[float | None]]) -> Story:
    return Story(
        "s1",
        "Outlet One",
        "2020-01-17",
        [
            Told(sentence, "crossed", "cross", actor=actor, town="Ciudad Hidalgo", date="2020-01-15", size=size)
            for sentence, actor, size in told
        ],
    )


def test_counts_figure_of_part_of_the_group_is_kept_but_not_reconciled(make_store):
    db = make_store(
        [
            _day_story(
                (
                    "At least 2,274 people in the caravan crossed at Ciudad Hidalgo on Wednesday.",
                    "people",
                    [2274, None],
                ),
                ("Scores of them crossed at Ciudad Hidalgo on Wednesday, wading the river.", "scores", [20, 199]),
            )
        ]
    )
    (day,) = _counts(db)
    assert (day["low"], day["high"], day["reports"]) == (2274, None, 1)
    assert sorted((s["low"], s["part"]) for s in day["sizes"]) == [(20, True), (2274, False)]


def test_counts_open_figure_above_the_others_leaves_no_highest(make_store):
    db = make_store(
        [
            _day_story(
                (
                    "At least 2,274 people in the caravan crossed at Ciudad Hidalgo on Wednesday.",
                    "people",
                    [2274, None],
                ),
                ("About 900 migrants in the caravan crossed at Ciudad Hidalgo on Wednesday.", "migrants", [675, 1125]),
            )
        ]
    )
    (day,) = _counts(db)
    assert (day["low"], day["high"]) == (675, None)
