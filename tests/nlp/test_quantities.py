"""Quantities: numbers, hedges, ranges, vague counts, money and units, in English and Spanish."""

from __future__ import annotations

import pytest

from caravan.model import Quantity
from caravan.nlp.extensions import register_extensions
from caravan.nlp.models import load_blank, load_model
from caravan.nlp.quantities import find_quantities, is_people_unit, parse_digits
from caravan.settings import Settings


def quantities(text: str, language: str = "en") -> dict[str, Quantity]:
    """The quantities of a short text, keyed by the text they cover (quantities component only)."""
    register_extensions()
    nlp = load_model(Settings().model_en) if language == "en" else load_blank(language)
    doc = nlp(text)
    doc._.boilerplate = []
    return {text[q.start : q.end]: q for q in find_quantities(doc)}


def test_quantities_digits_with_thousands_separators_by_language():
    assert parse_digits("2,274", "en") == 2274
    assert parse_digits("1.5", "en") == 1.5
    assert parse_digits("3.000", "es") == 3000
    assert parse_digits("1,5", "es") == 1.5
    assert parse_digits("3,000", "es") == 3000  # Mexican usage


def test_quantities_is_people_unit():
    assert is_people_unit(Quantity(0, 1, 5, 5, unit="people"))
    assert not is_people_unit(Quantity(0, 1, 5, 5, unit="USD"))


@pytest.mark.model
def test_quantities_plain_count_of_people():
    q = quantities("Police said 7,000 migrants reached the town.")["7,000"]
    assert (q.low, q.high, q.unit, q.what, q.approximate) == (7000, 7000, "people", "migrants", False)


@pytest.mark.model
def test_quantities_at_least_leaves_high_open():
    q = quantities("Officials counted at least 1,250 people at the shelter.")["at least 1,250"]
    assert (q.low, q.high, q.unit) == (1250, None, "people")


@pytest.mark.model
def test_quantities_more_than_leaves_high_open():
    q = quantities("More than 400 families waited at the crossing.")["More than 400"]
    assert (q.low, q.high, q.what) == (400, None, "families")


@pytest.mark.model
def test_quantities_about_gives_an_approximate_envelope():
    q = quantities("About 800 soldiers were sent to the river.")["About 800"]
    assert (q.low, q.high, q.approximate) == (600, 1000, True)


@pytest.mark.model
def test_quantities_nearly_stays_below_the_number():
    q = quantities("Nearly 1,000 children crossed alone.")["Nearly 1,000"]
    assert q.low == 900 and q.high == 1000 and q.approximate


@pytest.mark.model
def test_quantities_up_to_starts_at_zero():
    q = quantities("The plan sends up to 300 agents to the ports.")["up to 300"]
    assert (q.low, q.high, q.what) == (0, 300, "agents")


@pytest.mark.model
def test_quantities_range_with_to():
    q = quantities("Between the towns, 2,000 to 3,000 travelers rested.")["2,000 to 3,000"]
    assert (q.low, q.high, q.unit) == (2000, 3000, "people")


@pytest.mark.model
def test_quantities_range_with_between():
    q = quantities("The group numbers between 150 and 200 people.")["between 150 and 200"]
    assert (q.low, q.high) == (150, 200)


@pytest.mark.model
def test_quantities_range_with_hyphen():
    q = quantities("A convoy of 40-60 buses left the station.")["40-60"]
    assert (q.low, q.high, q.unit) == (40, 60, "bus")


@pytest.mark.model
def test_quantities_range_borrows_the_scale_of_its_second_end():
    q = quantities("Officials expect 2 to 3 million dollars in aid.")["2 to 3 million dollars"]
    assert (q.low, q.high, q.unit) == (2e6, 3e6, "USD")


@pytest.mark.model
def test_quantities_from_to_is_a_change_not_a_range():
    found = quantities("Arrests rose from 2,000 people to 7,000 people last year.")
    assert "2,000" in found and "7,000" in found


@pytest.mark.model
def test_quantities_vague_words_take_their_envelopes():
    found = quantities("Hundreds of migrants slept in the square while dozens of volunteers cooked.")
    assert (found["Hundreds"].low, found["Hundreds"].high) == (200, 999)
    assert (found["dozens"].low, found["dozens"].high, found["dozens"].what) == (12, 199, "volunteers")


@pytest.mark.model
def test_quantities_tens_of_thousands_is_one_vague_count():
    q = quantities("Tens of thousands of refugees fled the fighting.")["Tens of thousands"]
    assert (q.low, q.high, q.unit) == (20000, 99999, "people")


@pytest.mark.model
def test_quantities_bare_vague_subject_counts_people_of_the_context():
    found = quantities("The caravan of migrants reached the river. Thousands waded across at dawn.")
    assert found["Thousands"].unit == "people"


@pytest.mark.model
def test_quantities_bare_count_takes_the_articles_main_people():
    text = (
        "The migrants left at dawn. The migrants crossed the river by noon. Soldiers watched the bridge.\n\n"
        "Thousands plan to walk on tomorrow."
    )
    assert quantities(text)["Thousands"].what == "migrants"


@pytest.mark.model
def test_quantities_of_a_caravan_counts_people():
    q = quantities("The government tracked a caravan of 7,000 heading north.")["7,000"]
    assert q.unit == "people"


@pytest.mark.model
def test_quantities_bare_vague_word_without_people_context_is_skipped():
    assert quantities("The crates arrived late at the port. Dozens were broken.") == {}


@pytest.mark.model
def test_quantities_spelled_numbers():
    found = quantities("Twenty-five women and two dozen men boarded the train.")
    assert found["Twenty-five"].low == 25
    assert found["two dozen"].low == 24


@pytest.mark.model
def test_quantities_hedged_dozen_is_approximate():
    q = quantities("About a dozen reporters followed the march.")["About a dozen"]
    assert (q.low, q.high, q.approximate) == (9, 15, True)


@pytest.mark.model
def test_quantities_money_with_symbol_and_scale():
    q = quantities("The bank pledged $4 billion for new roads.")["$4 billion"]
    assert (q.low, q.unit) == (4e9, "USD")


@pytest.mark.model
def test_quantities_money_in_words_includes_the_currency_word():
    q = quantities("It is a billion dollars of financing from us.")["a billion dollars"]
    assert (q.low, q.high, q.unit, q.what) == (1e9, 1e9, "USD", "financing")


@pytest.mark.model
def test_quantities_about_money_is_approximate():
    q = quantities("The fund could raise about $2 million.")["about $2 million"]
    assert (q.low, q.high, q.unit, q.approximate) == (1.5e6, 2.5e6, "USD", True)


@pytest.mark.model
def test_quantities_measure_units():
    q = quantities("The marchers walked 40 kilometers on Monday.")["40"]
    assert (q.low, q.unit) == (40, "km")


@pytest.mark.model
def test_quantities_skips_years_percentages_ages_and_ordinals():
    text = "In 2019, 45 percent of the 15-year-old applicants were the first in line."
    assert quantities(text) == {}


@pytest.mark.model
def test_quantities_skips_numbers_in_names_and_durations():
    assert quantities("They walked along Highway 9 for three days.") == {}


@pytest.mark.model
def test_quantities_skips_small_numbers_of_known_things():
    assert quantities("Our two countries signed the memorandum.") == {}


@pytest.mark.model
def test_quantities_strong_after_a_number_counts_people():
    q = quantities("The migrants marched on, a caravan about 3,000 strong.")["about 3,000"]
    assert q.unit == "people"


def test_quantities_spanish_hedge_and_dot_thousands():
    q = quantities("Unos 3.000 migrantes salieron de la ciudad.", "es")["Unos 3.000"]
    assert (q.low, q.high, q.unit, q.what) == (2250, 3750, "people", "migrantes")


def test_quantities_spanish_more_than():
    q = quantities("Más de 200 personas cruzaron el río.", "es")["Más de 200"]
    assert (q.low, q.high) == (200, None)


def test_quantities_spanish_vague_words():
    found = quantities("Miles de hondureños y cientos de niños esperan; decenas de agentes vigilan.", "es")
    assert (found["Miles"].low, found["Miles"].high) == (1000, 9999)
    assert (found["cientos"].low, found["cientos"].high) == (200, 999)
    assert found["decenas"].what == "agentes"


def test_quantities_spanish_money_in_millions():
    q = quantities("Anunció una inversión de 4.000 millones de dólares.", "es")["4.000 millones de dólares"]
    assert (q.low, q.unit) == (4e9, "USD")


def test_quantities_spanish_between_range():
    q = quantities("Entre 2.000 y 3.000 migrantes esperan en la frontera.", "es")["Entre 2.000 y 3.000"]
    assert (q.low, q.high) == (2000, 3000)


@pytest.mark.model
def test_quantities_range_after_from_without_a_verb_of_change():
    q = quantities("The smuggler's fee runs from $1,000 to $2,000.")["$1,000 to $2,000"]
    assert (q.low, q.high, q.unit) == (1000, 2000, "USD")


@pytest.mark.model
def test_quantities_score_like_pairs_are_skipped():
    assert quantities("The court could split in a 4-4 tie.") == {}


def test_quantities_spanish_date_numbers_are_not_counts():
    assert quantities("El 15 de enero salieron de la ciudad.", "es") == {}


@pytest.mark.model
def test_quantities_plus_suffix_leaves_high_open():
    q = quantities("The 16,000-plus agents guard the line.")["16,000-plus"]
    assert (q.low, q.high, q.unit) == (16000, None, "people")


@pytest.mark.model
def test_quantities_or_more_leaves_high_open():
    q = quantities("Officials counted 3,000 or more migrants.")["3,000 or more"]
    assert (q.low, q.high) == (3000, None)


@pytest.mark.model
def test_quantities_or_so_is_approximate():
    q = quantities("Officials counted 400 or so migrants.")["400 or so"]
    assert (q.low, q.high, q.approximate) == (300, 500, True)


@pytest.mark.model
def test_quantities_estimated_head_count_refers_to_people_before():
    found = quantities("Nobody knows how many migrants are in the caravan. The mayor estimated 6,000.")
    assert found["estimated 6,000"].unit == "people"


@pytest.mark.model
def test_quantities_there_are_head_count_refers_to_people_before():
    found = quantities(
        "Nobody knows how many migrants are in the caravan. Some guess. Officially there are fewer than 900."
    )
    assert (found["fewer than 900"].unit, found["fewer than 900"].high) == ("people", 900)


@pytest.mark.model
def test_quantities_count_after_immigration_counts_immigrants():
    q = quantities("Illegal immigration fell to 10.7 million in a decade.")["10.7 million"]
    assert (q.low, q.unit, q.what) == (10_700_000, "people", "immigrants")


@pytest.mark.model
def test_quantities_group_word_modifying_a_noun_counts_no_people():
    assert "82,000" not in quantities("A backlog of immigration cases reached 82,000 in March.")


@pytest.mark.model
def test_quantities_count_through_a_name_to_its_noun():
    q = quantities("They support the 16,000-plus Customs and Border Protection forces.")["16,000-plus"]
    assert (q.unit, q.what) == ("people", "forces")


@pytest.mark.model
def test_quantities_idioms_of_scale_count_the_people_before():
    q = quantities("By Friday the number of families waiting was running into the thousands.")["into the thousands"]
    assert (q.low, q.high, q.unit, q.what) == (1000, 9999, "people", "families")
    q = quantities("Volunteers numbering in the hundreds cooked for the group.")["in the hundreds"]
    assert (q.low, q.high, q.unit) == (200, 999, "people")
    assert quantities("Migrants waited while the backlog of claims piled up into the thousands.") == {}


@pytest.mark.model
def test_quantities_vague_and_idiomatic_counts():
    found = quantities("A couple of hundred people slept by the road and a few dozen children were sick.")
    assert (found["A couple of hundred"].low, found["A couple of hundred"].high) == (200, 300)
    assert (found["a few dozen"].low, found["a few dozen"].high) == (24, 60)
    q = quantities("A handful of volunteers stayed while thousands upon thousands of people walked on.")
    assert (q["A handful"].low, q["A handful"].high, q["A handful"].unit) == (2, 9, "people")
    assert (q["thousands upon thousands"].low, q["thousands upon thousands"].high) == (1000, 9999)


@pytest.mark.model
def test_quantities_or_so_and_a_little_over():
    q = quantities("Some 80 or so men left early; a little over 1,500 soldiers were sent.")
    assert (q["Some 80 or so"].low, q["Some 80 or so"].high) == (60, 100)
    assert (q["a little over 1,500"].low, q["a little over 1,500"].high) == (1500, 1800)


@pytest.mark.model
def test_quantities_passing_a_mark_leaves_high_open():
    q = quantities("Officials expect the deployment to exceed 7,300 troops.")["exceed 7,300"]
    assert (q.low, q.high, q.unit) == (7300, None, "people")


@pytest.mark.model
def test_quantities_counted_containers():
    q = quantities("Later, three busloads of families left the stadium, followed by two trucks.")
    assert (q["three"].low, q["three"].unit, q["three"].what) == (3, "busloads", "families")
    assert (q["two"].low, q["two"].unit) == (2, "truck")


@pytest.mark.model
def test_quantities_durations_are_measures_not_people():
    q = quantities("Families face a nine-month wait, and the group has a 30-day deadline to leave.")
    assert (q["nine"].low, q["nine"].unit, q["nine"].what) == (9, "months", "wait")
    assert (q["30"].low, q["30"].unit) == (30, "days")
    text = "The group of 400 migrants rested for three days in a 24-hour news cycle with 15-year-old boys."
    assert quantities(text).keys() == {"400"}
    assert quantities("The 1,200-mile journey took weeks.")["1,200"].unit == "miles"


@pytest.mark.model
def test_quantities_person_glued_to_a_number_counts_people():
    q = quantities("The 3,000-person caravan rested in the park.")["3,000"]
    assert (q.unit, q.what) == ("people", "migrants")


def test_quantities_spanish_idioms_and_containers():
    q = quantities("Los migrantes llegaron por miles a la plaza y un puñado de familias se quedó.", "es")
    assert (q["por miles"].low, q["por miles"].high) == (1000, 9999)
    assert (q["un puñado"].low, q["un puñado"].unit) == (2, "people")
    q = quantities("Tres camiones de migrantes cruzaron el puente y la cifra superó 2.000 personas.", "es")
    assert (q["Tres"].unit, q["Tres"].what) == ("camiones", "migrantes")
    assert (q["superó 2.000"].low, q["superó 2.000"].high) == (2000, None)
