"""Mention helpers that need no model: name spans, generic words, datelines, facility names."""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan.errors import GazetteerError
from caravan.geo.gazetteer import gazetteer_path, open_gazetteer
from caravan.geo.mentions import Mention, find_dateline, find_repeats, is_facility, is_generic, strip_name
from caravan.geo.patterns import describe, described_after, place_type_pattern
from caravan.geo.store import Gazetteer
from caravan.settings import Settings


def span(text: str) -> str:
    start, end = strip_name(text, 0, len(text))
    return text[start:end]


def test_mentions_strip_name_drops_the_and_possessives_but_keeps_abbreviation_dots():
    assert span("the United States") == "United States"
    assert span("Guatemala’s") == "Guatemala"
    assert span("U.S.") == "U.S."
    assert span("EE.UU.") == "EE.UU."
    assert span("Calif.") == "Calif."


def test_mentions_generic_words_are_not_places():
    assert is_generic("Southern") and is_generic("Northern District") and is_generic("Southern Border")
    assert not is_generic("Central America") and not is_generic("Phoenix")


def test_mentions_facility_names_end_in_a_facility_word():
    assert is_facility("Royal Street") and is_facility("Carnegie Library")
    assert not is_facility("Street") and not is_facility("Morales")


def test_mentions_repeats_find_a_place_name_again_only_as_a_whole_word():
    text = "Tapachula: Tapachula-bound buses, Tapachulas, NoTapachula and Tapachula_x; back to Tapachula."
    found = find_repeats(text, [Mention(0, 9, "Tapachula", source="GPE"), Mention(0, 2, "Ta", source="GPE")])
    assert [(m.start, m.text, m.source) for m in found] == [(0, "Tapachula", "repeat"), (83, "Tapachula", "repeat")]


def test_mentions_repeats_never_start_inside_the_last_hit():
    # as a regex scan: "a a a" holds the name "a a" once, at 0, not again at 2
    assert [m.start for m in find_repeats("a a a", [Mention(0, 3, "a a", source="LOC")])] == [0]
    assert [m.start for m in find_repeats("aaa bbb aaa bbb aaa", [Mention(0, 11, "aaa bbb aaa", source="LOC")])] == [0]


def test_mentions_describe_reads_the_type_owner_and_direction_before_a_name():
    assert describe("Migrants reached the town of Tapachula", 29) == {"type": "town"}
    assert describe("in Mexico's southern state of Chiapas", 30) == {
        "owner": "Mexico",
        "dir": "southern",
        "type": "state",
    }
    assert describe("la ciudad de Tapachula", 13) == {"type": "ciudad"}
    assert describe("the border city Reynosa", 16) == {"type": "border city"}
    assert describe("Migrants reached Tapachula", 17) is None
    assert describe("the city council of Tapachula", 20) is None  # "council" is no place type


def test_mentions_describe_answers_as_the_pattern_on_every_window():
    pattern = place_type_pattern()
    endings = [
        "town ",
        "town of ",
        "town of\u00a0",
        "state\tof ",
        "hometown ",
        "state",
        "of ",
        "Tapachula ",
        "de  ",
        "townof ",
    ]
    for lead in ["", "the ", "Mexico's northern ", "the Guatemalan ", "x" * 90 + " "]:
        for ending in endings:
            text = lead + ending + "Name"
            m = pattern.search(text[max(0, len(text) - 4 - 80) : len(text) - 4])
            want = {k: v for k, v in m.groupdict().items() if v} if m else None
            assert describe(text, len(text) - 4) == want, text


def test_mentions_dateline_town(gazetteer: Gazetteer):
    (m,) = find_dateline("HOUSTON (Reuters) - Officials said on Monday.", gazetteer)
    assert (m.text, m.kind) == ("HOUSTON", "city")


def test_mentions_dateline_ignores_acronyms(gazetteer: Gazetteer):
    assert find_dateline("FBI agents arrived on Monday.", gazetteer) == []


def test_gazetteer_default_path_is_in_the_user_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = gazetteer_path(Settings())
    assert path.parent == tmp_path / "caravan" and path.name.startswith("gazetteer-")


def test_gazetteer_configured_path_must_exist(tmp_path: Path):
    with pytest.raises(GazetteerError, match="gazetteer_path"):
        open_gazetteer(Settings(gazetteer_path=str(tmp_path / "missing.sqlite")))


def test_gazetteer_version_changes_with_the_builder_code(tmp_path: Path):
    """The default file is keyed on the builder's code as well as the curated data: an edit builds a new file."""
    import shutil

    from caravan.geo import gazetteer as module

    for name in module.BUILDER_FILES:
        shutil.copy(Path(module.__file__).parent / name, tmp_path / name)
    before = module.builder_digest(tmp_path)
    assert before == module.builder_digest() and module.gazetteer_version().endswith(f"-{before}")
    with (tmp_path / "build.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert module.builder_digest(tmp_path) != before


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("X, the Honduran city where the caravan started", "city"),
        ("X, a small border town in Mexico, was quiet", "border town"),
        ("X, the city's mayor, said", None),
        ("X, a city council member, said", None),
        ("X, the Honduran president, said", None),
    ],
)
def test_mentions_apposition_names_a_place_type_only_when_the_type_ends_it(text, kind):
    assert described_after(text, 1) == kind
