"""Place detection and resolution on short texts, with the real model and the default gazetteer."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from caravan.model import Article
from caravan.nlp.places import PlaceFinder

pytestmark = pytest.mark.model


def places_of(run, text: str) -> list:
    return run(text, language="en").places


def covered(text: str, place) -> str:
    return text[place.start : place.end]


def places_with_entity(pipeline, text: str, name: str, label: str = "GPE") -> list:
    """The places of a text whose entity ``name`` is set by hand (whatever the model tags), so a guard against a
    kind of entity is tested even when the current model no longer produces it."""
    doc: Doc = pipeline.make_doc(Article(id="t", text=text, language="en"), "en")
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label=label, alignment_mode="strict")
    assert span is not None, [t.text for t in doc]
    doc.ents = [span, *(e for e in doc.ents if e.end <= span.start or e.start >= span.end)]
    finder = next(c for c in pipeline.components if isinstance(c, PlaceFinder))
    return finder(doc)._.places


def test_places_strips_leading_the_and_resolves_the_country(run):
    text = "Thousands of migrants hope to reach the United States this year."
    (p,) = places_of(run, text)
    assert covered(text, p) == "United States" and p.feature == "country" and p.country == "US"


def test_places_demonym_is_context_not_a_place(run):
    text = "Honduran police stopped the group near the Guatemalan town of Morales on Wednesday."
    found = places_of(run, text)
    assert [covered(text, p) for p in found] == ["Morales"]
    assert found[0].country == "GT" and found[0].admin1 == "Izabal"


def test_places_border_compound_is_one_border(run):
    text = "The group walked for days to the U.S.-Mexico border near Tijuana."
    border = [p for p in places_of(run, text) if p.feature == "border"]
    assert [covered(text, p) for p in border] == ["U.S.-Mexico border"]
    assert border[0].countries == ["MX", "US"]


def test_places_demonym_border_takes_the_other_side_from_context(run):
    text = "They crossed into Guatemala and planned to head for the Mexican border on Saturday."
    border = [p for p in places_of(run, text) if p.feature == "border"]
    assert [covered(text, p) for p in border] == ["Mexican border"] and border[0].countries == ["GT", "MX"]


def test_places_town_with_its_country_after_a_comma(run):
    text = "Several hundred migrants left San Pedro Sula, Honduras this week."
    found = places_of(run, text)
    assert [(covered(text, p), p.feature, p.country) for p in found] == [
        ("San Pedro Sula", "city", "HN"),
        ("Honduras", "country", "HN"),
    ]


def test_places_country_inside_an_organisation_name(run):
    text = "Officials of U.S. Customs and Border Protection said they were watching."
    found = places_of(run, text)
    assert [(covered(text, p), p.country) for p in found] == [("U.S.", "US")]


def test_places_metonymic_country_is_still_a_place(run):
    text = "Mexico said it would not grant transit visas to the migrants."
    (p,) = places_of(run, text)
    assert p.feature == "country" and p.country == "MX"


def test_places_macro_region(run):
    text = "The agreement aims at a more secure Western Hemisphere, officials said."
    (p,) = places_of(run, text)
    assert p.feature == "region" and covered(text, p) == "Western Hemisphere" and p.lat is not None


def test_places_spanish_abbreviation_of_the_united_states(run):
    text = "Los migrantes quieren llegar a EE.UU. antes de fin de mes, dijo el vocero en Tapachula."
    found = {covered(text, p): p for p in run(text, language="es").places}
    assert found["EE.UU."].country == "US"
    assert found["Tapachula"].country == "MX"


def test_places_building_sits_in_the_town_named_before_it(run):
    text = "In Washington, officials at the White House said the plan was ready."
    found = {covered(text, p): p for p in places_of(run, text)}
    assert found["Washington"].admin1 == "District of Columbia"
    if "White House" in found:  # a building: placed in the town, never White House, Tennessee
        assert found["White House"].admin1 == "District of Columbia"


def test_places_country_named_as_one_side_of_a_border_is_the_border(run):
    text = "The caravan crossed Mexico and had better be stopped before reaching the U.S. border, Trump said."
    found = places_of(run, text)
    border = [p for p in found if p.feature == "border"]
    assert [covered(text, p) for p in border] == ["U.S. border"] and border[0].countries == ["MX", "US"]
    assert [covered(text, p) for p in found if p.feature == "country"] == ["Mexico"]


def test_places_possessive_owner_of_the_southern_border(run):
    text = "Migrants from Honduras reached Mexico's southern border, a U.S. official said."
    border = [p for p in places_of(run, text) if p.feature == "border"]
    assert [covered(text, p) for p in border] == ["southern border"] and border[0].countries == ["GT", "MX"]


def test_places_route_towns_the_model_calls_people(run):
    text = (
        "The caravan left San Pedro Sula in Honduras, crossed at Agua Caliente into Guatemala and "
        "reached Tecún Umán before going on to Reynosa, Matamoros and Piedras Negras in Mexico."
    )
    found = {covered(text, p): p.country for p in places_of(run, text)}
    assert found["San Pedro Sula"] == "HN" and found["Agua Caliente"] == "GT" and found["Tecún Umán"] == "GT"
    assert found["Matamoros"] == "MX" and found["Piedras Negras"] == "MX"


def test_places_town_and_its_state_after_a_comma(run):
    text = "Migrants waited in Eagle Pass, Texas, across from Piedras Negras."
    found = {covered(text, p): p for p in places_of(run, text)}
    assert found["Texas"].feature == "admin" and found["Texas"].country == "US"
    assert found["Eagle Pass"].admin1 == "Texas"


def test_places_shouted_caps_word_is_not_a_place(run):
    text = "Lawmakers in Washington were told: Congress MUST ACT NOW on the border bill."
    assert [(covered(text, p), p.country) for p in places_of(run, text)] == [("Washington", "US")]


def test_places_caps_abbreviation_needs_its_country_in_the_document(run):
    text = "Migrants in Tijuana waited while officials in Texas argued and the ACT team met."
    assert [(covered(text, p), p.country) for p in places_of(run, text)] == [("Tijuana", "MX"), ("Texas", "US")]


def test_places_caps_abbreviation_with_its_country_named_is_a_place(run):
    text = "Bushfires burned near Canberra, and the ACT declared an emergency."
    act = [p for p in places_of(run, text) if covered(text, p) == "ACT"]
    assert act and act[0].feature == "admin" and act[0].country == "AU"


def test_places_caps_abbreviation_is_not_a_town_sharing_its_letters(pipeline):
    """ "WA" tagged as a place is never Wa, the Ghanaian town, even in a text that names Ghana (which would make
    the town coherent); it stands only for what it abbreviates, whose country the text does not name."""
    text = "Officials in WA said travellers from Ghana would be stopped at the border with Mexico."
    found = [(covered(text, p), p.country) for p in places_with_entity(pipeline, text, "WA")]
    assert found == [("Ghana", "GH"), ("Mexico", "MX")]


def test_places_trusted_news_abbreviation_survives_a_shouted_line(run):
    text = "BREAKING: US TO CLOSE PORTS OF ENTRY"
    assert [(covered(text, p), p.country) for p in places_of(run, text) if p.feature == "country"] == [("US", "US")]


def test_places_caps_dateline_town_is_kept(run):
    text = "EL PASO, Texas (AP) - Shelters filled up again this week as families arrived."
    assert [(covered(text, p), p.admin1) for p in places_of(run, text)][:1] == [("EL PASO", "Texas")]


def test_places_caps_country_code_is_the_country(run):
    text = "The company builds trucks in Brazil, Germany and the USA."
    assert ("USA", "US") in [(covered(text, p), p.country) for p in places_of(run, text)]


def test_places_sea_is_a_region_not_a_town(run):
    text = "Fishing boats crossed the Indian Ocean before the storm."
    (p,) = places_of(run, text)
    assert p.feature == "region" and p.lat < 0


def test_places_middle_east_sits_in_the_levant(run):
    text = "Diplomats met to discuss peace in the Middle East."
    (p,) = places_of(run, text)
    assert p.feature == "region" and 30 < p.lat < 36 and 33 < p.lon < 40


def test_places_title_case_pronoun_is_not_the_us(run):
    text = 'The song "Stay With Us" played as families walked toward Tijuana.'
    assert [(covered(text, p), p.country) for p in places_of(run, text)] == [("Tijuana", "MX")]


def test_places_town_before_a_state_abbreviation_is_not_elsewhere(run):
    text = "Families camped near Baja, Calif., waiting for news."
    found = places_of(run, text)
    baja = [p for p in found if covered(text, p) == "Baja"]
    assert len(baja) == 1 and baja[0].country in (None, "US")
    assert [(p.feature, p.admin1) for p in found if covered(text, p) == "Calif."] == [("admin", "California")]


def test_places_generic_district_of_an_unnamed_country_is_dropped(run):
    text = "A judge in the Southern District of California ruled on the case."
    found = places_of(run, text)
    assert [(covered(text, p), p.country) for p in found] == [("California", "US")]


def test_places_dateline_after_a_byline_on_the_same_line(run):
    text = "By ANA LOPEZ, Associated Press EL PASO (AP) — Shelters filled up on Friday."
    assert ("EL PASO", "US") in [(covered(text, p), p.country) for p in places_of(run, text)]


def test_places_given_name_of_a_person_is_not_a_place(run):
    text = "Zorvina Kalmaro spoke in London on Monday. Later, Zorvina went home to rest."
    assert [(covered(text, p), p.country) for p in places_of(run, text)] == [("London", "GB")]


def test_places_unknown_single_word_without_a_town_is_dropped(run):
    text = "Supporters of Blorvath gathered in Mexico, chanting."  # a country: no town to place Blorvath in
    assert [(covered(text, p), p.country) for p in places_of(run, text)] == [("Mexico", "MX")]


def test_places_small_one_word_town_found_without_ner_needs_its_state_named(run):
    text = "Officials in El Paso said the Cato report was wrong about the border."
    assert [(covered(text, p), p.country) for p in places_of(run, text)] == [("El Paso", "US")]


def test_places_soviet_union_is_placed_in_russia(run):
    text = "The treaty was signed with the Soviet Union in 1987."
    (p,) = places_of(run, text)
    assert p.feature == "country" and p.country == "RU"


def test_places_unknown_single_word_is_not_placed_in_the_focus_town(run):
    text = "Families arrived in El Paso on Monday, both European and Zelvarian, officials said."
    assert [(covered(text, p), p.admin1) for p in places_of(run, text)] == [("El Paso", "Texas")]  # the focus town


def test_places_name_placed_explicitly_keeps_that_place_later(run):
    text = "Police in Salisbury, England, sealed off a park. Officers in Salisbury said the area was safe."
    found = [p for p in places_of(run, text) if covered(text, p) == "Salisbury"]
    assert len(found) == 2 and all(p.country == "GB" for p in found)


def test_places_party_and_state_of_a_lawmaker_is_not_a_place(pipeline):
    """ "R- S.C." tagged as a place (as an older model did) is a lawmaker's party and state, not a street of the
    town named before it; the state alone is a place."""
    text = "Migrants waited in Tijuana, said Sen. Jane Doe (R- S.C.) on Monday."
    found = [(covered(text, p), p.country) for p in places_with_entity(pipeline, text, "R- S.C.")]
    assert found == [("Tijuana", "MX")]


def test_places_unknown_name_with_a_small_word_is_not_a_place(run):
    text = "Crowds in El Paso grew over the Easter weekend as families arrived."
    assert [(covered(text, p), p.country) for p in places_of(run, text)] == [("El Paso", "US")]


def test_places_county_follows_the_towns_near_it(run):
    text = "Deputies in Chattanooga said the storm closed roads across Hamilton County on Friday."
    county = [p for p in places_of(run, text) if covered(text, p) == "Hamilton County"]
    assert county and county[0].admin1 == "Tennessee"


def test_places_own_name_town_at_home_beats_a_nickname_abroad(run):
    text = "Myrtle Beach, South Carolina, police said a man slept on the sidewalk in Garden City for weeks."
    town = [p for p in places_of(run, text) if covered(text, p) == "Garden City"]
    assert town and town[0].country == "US"


def test_places_weather_pattern_named_like_a_town_is_not_a_place(run):
    text = "Farmers in Honduras blamed El Niño for the drought that pushed them north."
    assert [(covered(text, p), p.country) for p in places_of(run, text)] == [("Honduras", "HN")]


def test_places_person_named_like_a_foreign_division_is_not_a_place(run):
    text = "Estrella Flores has family and a job in San Diego, where she works with children."
    assert [(covered(text, p), p.country) for p in places_of(run, text)] == [("San Diego", "US")]


def test_places_town_the_model_calls_a_person_subject_is_a_place_when_an_apposition_says_so(pipeline):
    text = (
        "The caravan left Honduras last week. San Pedro Sula, the Honduran city where the caravan started, has "
        "become the murder capital of the world."
    )
    found = places_with_entity(pipeline, text, "San Pedro Sula", label="PERSON")
    assert ("San Pedro Sula", "HN") in {(covered(text, p), p.country) for p in found}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Soldiers set up Jersey barriers at the crossing.", "Jersey"),
        ("The Flores agreement limits how long children can be held.", "Flores"),
        ("Germany reintroduced Schengen border checks.", "Schengen"),
    ],
)
def test_places_place_name_that_names_a_thing_is_not_a_place(run, text, name):
    assert name not in [covered(text, p) for p in places_of(run, text)]


def test_places_place_name_before_another_word_is_still_a_place(run):
    text = "The migrants rested in Flores, Guatemala, before they moved north."
    assert "Flores" in [covered(text, p) for p in places_of(run, text)]


def test_places_border_facility_named_after_its_town_is_at_the_town(pipeline):
    text = "McAllen police met the group. Children were held at the Tornillo Port of Entry in Texas."
    (facility,) = [
        p for p in places_with_entity(pipeline, text, "Tornillo Port of Entry", "FAC") if p.name == "Tornillo"
    ]
    assert covered(text, facility) == "Tornillo Port of Entry"
    assert facility.country == "US" and abs(facility.lon - -106.09) < 0.1  # not McAllen, the town named before it


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the city is a place once; its name inside the newspaper's name is not (and one sense per document
        # must not carry it there)
        ("Some of the children grew up in New York, according to The New York Times.", "New York Times"),
        ("Families flew to Dallas, the Dallas Morning News reported.", "Dallas Morning News"),
        ("Migrants slept in Nogales, Arizona, the Arizona Republic said.", "Arizona Republic"),
    ],
)
def test_places_place_name_inside_a_news_outlet_name_is_not_a_place(run, text, name):
    outlet = text.rindex(name)
    inside = [p for p in places_of(run, text) if outlet <= p.start < outlet + len(name)]
    assert inside == []


def test_places_one_word_place_that_is_also_an_outlet_name_stays_a_place(run):
    text = "Storms formed over the Atlantic hurricane belt as migrants waited in Tijuana."
    assert "Atlantic" in [covered(text, p) for p in places_of(run, text)]


def test_places_headline_place_before_a_media_word_stays_a_place(run):
    text = "Migrants Reach Mexico Today After Long Walk\n\nThe caravan walked for days."
    assert "Mexico" in [covered(text, p) for p in places_of(run, text)]
