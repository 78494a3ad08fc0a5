"""Tests for event extraction: one construction per test, on short texts of our own.

The components that run before events (places, quantities, dates, quotes) are not run here: each test sets the
fields it needs on the Doc, so these tests hold whatever those components find.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan.model import EVENT_TYPES, DateRef, Event, Place, Quantity, Quote, Span
from caravan.nlp.events import EventFinder
from caravan.nlp.events.arguments import actor_text, country_of
from caravan.nlp.events.lexicon import load_rules
from caravan.nlp.events.triggers import REQUIREMENTS
from caravan.nlp.extensions import register_extensions
from caravan.nlp.models import load_model
from caravan.settings import Settings

DOCS = Path(__file__).resolve().parents[3] / "docs" / "events.md"


def at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def place(text: str, name: str, feature: str = "city", country: str | None = None) -> Place:
    start, end = at(text, name)
    return Place(start=start, end=end, name=name, feature=feature, country=country)  # type: ignore[arg-type]


def people(text: str, words: str, low: float, high: float | None) -> Quantity:
    start, end = at(text, words)
    return Quantity(start=start, end=end, low=low, high=high, unit="people")


def money(text: str, words: str, value: float) -> Quantity:
    start, end = at(text, words)
    return Quantity(start=start, end=end, low=value, high=value, unit="USD")


def date(text: str, words: str, value: str) -> DateRef:
    start, end = at(text, words)
    return DateRef(start=start, end=end, value=value)


def events_of(text: str, places=(), quantities=(), dates=(), quotes=(), boilerplate=()) -> list[Event]:
    """The events of a text, with the earlier components' results given by the test."""
    register_extensions()
    settings = Settings()
    doc = load_model(settings.model_en)(text)
    doc._.boilerplate = list(boilerplate)
    doc._.places, doc._.quantities = list(places), list(quantities)
    doc._.dates, doc._.quotes = list(dates), list(quotes)
    return EventFinder(settings)(doc)._.events


def only(text: str, kind: str, **given) -> Event:
    found = [e for e in events_of(text, **given) if e.type == kind]
    assert len(found) == 1, (text, events_of(text, **given))
    return found[0]


def types_of(text: str, **given) -> list[str]:
    return [e.type for e in events_of(text, **given)]


# --- the data ---------------------------------------------------------------------------------------------


def test_events_rules_use_known_types_and_requirements():
    for rule in load_rules():
        assert rule.type in EVENT_TYPES
        for group in rule.require:
            for name in group:
                assert name.lstrip("!").partition(":")[0] in REQUIREMENTS, name


def test_events_ontology_documents_every_type():
    text = DOCS.read_text(encoding="utf-8")
    for kind in EVENT_TYPES:
        assert f"`{kind}`" in text, kind


def test_events_country_of_reads_demonyms():
    assert country_of("Honduran") == "HN"
    assert country_of("Guatemalans") == "GT"


# --- one test per event type ------------------------------------------------------------------------------


@pytest.mark.model
def test_events_depart_with_moving_group_and_place():
    text = "About 500 families left Tegucigalpa on Monday."
    event = only(text, "depart")
    assert text[event.start : event.end] == "left"


@pytest.mark.model
def test_events_depart_not_for_leaving_someone():
    assert "depart" not in types_of("Officials left the migrants at the bus station and went home.")


@pytest.mark.model
def test_events_depart_not_for_unrelated_leaving():
    assert types_of("She left her keys on the kitchen table.") == []


@pytest.mark.model
def test_events_travel_walk():
    assert types_of("The caravan walked north along the highway.") == ["travel"]


@pytest.mark.model
def test_events_travel_phrasal_move_on():
    text = "The families plan to move on to Oaxaca by bus."
    event = only(text, "travel")
    assert text[event.start : event.end] == "move on"


@pytest.mark.model
def test_events_cross_into_country():
    event = only("The caravan crossed into Mexico on Friday.", "cross")
    assert event.country == "MX"


@pytest.mark.model
def test_events_cross_enter_needs_place():
    assert only("About 900 people entered the country illegally.", "cross")
    assert types_of("The lawyer entered a plea of not guilty.") == []


@pytest.mark.model
def test_events_arrive():
    text = "Dozens of migrants arrived in Tapachula on Tuesday."
    event = only(text, "arrive", places=[place(text, "Tapachula", country="MX")])
    assert event.place == "Tapachula"


@pytest.mark.model
def test_events_gather():
    assert types_of("The migrants gathered at a bus station before dawn.") == ["gather"]


@pytest.mark.model
def test_events_gather_meet_of_group():
    text = "The families said they planned to meet in the main square."
    event = only(text, "gather")
    assert event.modality == "planned"


@pytest.mark.model
def test_events_block_roadblock_noun():
    text = "Soldiers set up a roadblock on the highway."
    event = only(text, "block")
    assert text[event.start : event.end] == "roadblock"
    assert event.actor == "Soldiers"


@pytest.mark.model
def test_events_block_not_let_pass_is_planned_block():
    text = "Panama will not let the migrants pass."
    event = only(text, "block")
    assert (text[event.start : event.end], event.modality, event.actor) == ("pass", "planned", "Panama")


@pytest.mark.model
def test_events_block_stop_group():
    assert "block" in types_of("Police stopped the caravan at the bridge.")


@pytest.mark.model
def test_events_block_not_for_other_stopping():
    assert types_of("The rain stopped the football match.") == []


@pytest.mark.model
def test_events_force_fired_tear_gas():
    event = only("Border agents fired rubber bullets at the migrants.", "force")
    assert event.actor == "Border agents"


@pytest.mark.model
def test_events_force_not_for_firing_staff():
    assert types_of("The company fired its chief executive.") == []


@pytest.mark.model
def test_events_detain():
    assert types_of("Immigration officers detained 40 migrants near the river.") == ["detain"]


@pytest.mark.model
def test_events_return_deported():
    assert types_of("The migrants were deported to Honduras on a charter flight.") == ["return"]


@pytest.mark.model
def test_events_return_not_for_returning_officials():
    assert types_of("The senator returned to Washington after the recess.") == []


@pytest.mark.model
def test_events_deploy_sent_troops():
    text = "The Pentagon sent 800 troops to the border."
    event = only(text, "deploy", quantities=[people(text, "800 troops", 800, 800)])
    assert event.size == [800, 800]


@pytest.mark.model
def test_events_deploy_agents_working_with_authorities():
    assert types_of("Dozens of federal agents are working with authorities in the border city.") == ["deploy"]


@pytest.mark.model
def test_events_policy_promise_is_the_event():
    text = "Officials have promised not to grant transit visas to the migrants."
    event = only(text, "policy")
    assert (text[event.start : event.end], event.modality) == ("promised", "asserted")


@pytest.mark.model
def test_events_policy_forced_to_remain():
    text = "Asylum seekers are forced to remain in Mexico while their claims are heard."
    event = only(text, "policy")
    assert text[event.start : event.end] == "remain"


@pytest.mark.model
def test_events_aid_agreement_with_money():
    text = "The government signed an agreement to invest $50 million in the region."
    event = only(text, "aid", quantities=[money(text, "$50 million", 5e7)])
    assert event.amount == 5e7


@pytest.mark.model
def test_events_aid_not_without_money():
    assert types_of("The two parties reached an agreement on the budget.") == []


@pytest.mark.model
def test_events_meet_with_officials():
    assert types_of("The minister met with Salvadoran officials on Friday.") == ["meet"]


# --- modality ---------------------------------------------------------------------------------------------


@pytest.mark.model
def test_events_modality_asserted():
    assert only("The caravan crossed the river.", "cross").modality == "asserted"


@pytest.mark.model
def test_events_modality_planned_plan_to():
    assert only("The migrants plan to walk to the capital.", "travel").modality == "planned"


@pytest.mark.model
def test_events_modality_planned_agent_will():
    assert only("The army will deploy troops to the southern border.", "deploy").modality == "planned"


@pytest.mark.model
def test_events_modality_predicted_expect():
    assert only("Officials expect the caravan to reach the border next week.", "arrive").modality == "predicted"


@pytest.mark.model
def test_events_modality_predicted_passive_future():
    assert only("They will be deported to Guatemala.", "return").modality == "predicted"


@pytest.mark.model
def test_events_modality_predicted_able_to():
    assert only("The police will be able to stop the caravan.", "block").modality == "predicted"


@pytest.mark.model
def test_events_modality_negated():
    assert only("The migrants did not cross the river.", "cross").modality == "negated"


@pytest.mark.model
def test_events_modality_negated_refused():
    assert only("The migrants refused to return to Honduras.", "return").modality == "negated"


@pytest.mark.model
def test_events_modality_conditional():
    text = "If the migrants reach the border, they will be detained."
    assert only(text, "detain").modality == "conditional"


@pytest.mark.model
def test_events_impossible_event_is_not_recorded():
    assert types_of("It will be impossible for the migrants to reach the United States.") == []


# --- arguments --------------------------------------------------------------------------------------------


@pytest.mark.model
def test_events_actor_demonym_gives_country():
    event = only("Salvadoran soldiers fired pepper spray at the marchers.", "force")
    assert (event.actor, event.country) == ("Salvadoran soldiers", "SV")


@pytest.mark.model
def test_events_actor_full_name_of_person():
    text = "Border chief Maria Lopez toured the port. Lopez met Friday with Panamanian officials."
    assert only(text, "meet").actor == "Maria Lopez"


@pytest.mark.model
def test_events_place_city_preferred_over_country():
    text = "About 500 families left Choluteca, Honduras on Monday."
    places = [place(text, "Choluteca", "city", "HN"), place(text, "Honduras", "country", "HN")]
    event = only(text, "depart", places=places)
    assert (event.place, event.country) == ("Choluteca", "HN")


@pytest.mark.model
def test_events_place_of_where_clause():
    text = "Agents patrolled the town of Ciudad Hidalgo, where police set up a checkpoint to stop the caravan."
    event = only(text, "block", places=[place(text, "Ciudad Hidalgo", "city", "MX")])
    assert (event.place, event.country) == ("Ciudad Hidalgo", "MX")


@pytest.mark.model
def test_events_country_of_sentence_when_clause_has_none():
    text = "The Mexican police are ready, and the migrants will be detained and returned."
    assert only(text, "detain").country == "MX"


@pytest.mark.model
def test_events_date_in_clause():
    text = "The caravan entered Guatemala on Wednesday."
    event = only(text, "cross", dates=[date(text, "Wednesday", "2020-01-15")])
    assert event.date == "2020-01-15"


@pytest.mark.model
def test_events_size_of_moving_group():
    text = "About 400 migrants left the shelter on Monday."
    event = only(text, "depart", quantities=[people(text, "About 400 migrants", 300, 500)])
    assert event.size == [300, 500]


@pytest.mark.model
def test_events_size_not_from_other_groups():
    text = "Police stopped the caravan while 300 residents watched."
    event = only(text, "block", quantities=[people(text, "300 residents", 300, 300)])
    assert event.size is None


@pytest.mark.model
def test_events_quote_index():
    text = 'An aide said: "The caravan crossed the river at dawn."'
    start, end = at(text, "The caravan crossed the river at dawn.")
    event = only(text, "cross", quotes=[Quote(start=start, end=end, speaker="An aide")])
    assert event.quote == 0


@pytest.mark.model
def test_events_one_event_for_coordinated_triggers():
    assert types_of("Hundreds of migrants walked and rode buses toward the border.") == ["travel"]


@pytest.mark.model
def test_events_several_types_in_one_sentence():
    text = "They will be detained and deported to their home countries."
    assert types_of(text) == ["detain", "return"]


@pytest.mark.model
def test_events_skip_boilerplate():
    text = "Read more: migrants crossed the river.\nThe weather was fine."
    assert events_of(text, boilerplate=[Span(start=0, end=text.index("\n"))]) == []


@pytest.mark.model
def test_events_generic_relative_clause_is_not_an_event():
    assert types_of("Under the law, someone who enters the country without papers may ask for asylum.") == []


@pytest.mark.model
def test_events_depart_not_for_officials_travelling():
    assert types_of("The president spoke about asylum before leaving for Paris.") == []


@pytest.mark.model
def test_events_depart_not_for_setting_out_a_plan():
    assert types_of("The migrants' lawyers set out a plan for the asylum hearings.") == []


@pytest.mark.model
def test_events_modality_purpose_clause_is_planned():
    text = "The government deployed soldiers at the river to stop the caravan."
    assert only(text, "block").modality == "planned"


@pytest.mark.model
def test_events_modality_of_an_aid_cut_is_the_cut_s_own():
    threat = only("The president threatened to cut aid to the countries the migrants come from.", "aid")
    assert threat.modality == "planned"
    done = "As the caravan moved north, the United States cut off the foreign aid it gave to Honduras."
    assert only(done, "aid").modality == "asserted"
    reason = "The caravan is a reason to slash foreign aid to those countries."
    assert only(reason, "aid").modality == "planned"
    kept = "The United States did not cut off aid to Honduras as the caravan moved north."
    assert only(kept, "aid").modality == "negated"


@pytest.mark.model
def test_events_habitual_present_is_not_an_event():
    assert types_of("Thousands of workers cross the border daily to work in the factories.") == []


@pytest.mark.model
def test_events_block_not_for_building_a_fence():
    assert types_of("Congress debated whether to build a fence along the border.") == []


@pytest.mark.model
def test_events_modality_coordinated_verb_keeps_its_own_meaning():
    text = "The president has vowed to close the border and deployed 5,000 troops to the border."
    assert only(text, "deploy").modality == "asserted"


@pytest.mark.model
def test_events_modality_time_clause_keeps_its_own():
    text = "Once the migrants crossed into Mexico, the police did not try to stop them."
    assert only(text, "cross").modality == "asserted"


@pytest.mark.model
def test_events_cross_not_for_bridges():
    assert types_of("The bridges that cross from the city to the border post are full of migrants.") == []


@pytest.mark.model
def test_events_policy_work_with_migrants_needs_an_authority():
    assert types_of("Volunteer groups working with migrants protested outside the shelter.") == []


def test_events_skip_languages_without_triggers():
    import spacy

    register_extensions()
    doc = spacy.blank("es")("Los migrantes cruzaron la frontera.")
    assert EventFinder(Settings())(doc)._.events == []


@pytest.mark.model
def test_events_block_refused_to_let_pass_is_asserted():
    text = "Soldiers refused to let the migrants pass."
    assert only(text, "block").modality == "asserted"


@pytest.mark.model
def test_events_meet_not_for_meeting_a_deadline():
    assert types_of("Congress failed to meet the deadline on the border bill.") == []


@pytest.mark.model
def test_events_deploy_needs_migration_context():
    assert types_of("The alliance deployed 4,500 troops to the Baltic states.") == []


@pytest.mark.model
def test_events_country_not_from_words_after_the_trigger():
    text = "The army will send 800 troops to the border as the caravan walks through Mexico."
    assert only(text, "deploy").country is None


@pytest.mark.model
def test_events_deploy_relative_clause_object():
    assert "deploy" in types_of("He praised the troops he sent to the border last month.")


@pytest.mark.model
def test_events_depart_group_breaks_away():
    assert types_of("A group of about 150 migrants broke away from the larger caravan.") == ["depart"]


@pytest.mark.model
def test_events_actor_of_coordinated_active_verb():
    text = "Federal police were dressed in riot gear and prevented the caravan from getting closer."
    assert only(text, "block").actor == "Federal police"


@pytest.mark.model
def test_events_depart_country_is_the_origin():
    event = only("The caravan set off for the United States from southern Mexico in March.", "depart")
    assert event.country == "MX"


@pytest.mark.model
def test_events_country_not_from_where_people_come_from():
    text = "The migrants, who mostly come from Honduras, decided to camp out near the border post."
    assert only(text, "gather").country is None


@pytest.mark.model
def test_events_country_not_from_nationality_of_a_person():
    event = only("A Honduran man threw rocks at border agents near the fence.", "force")
    assert event.country is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "The United States will stop issuing diversity visas to nationals of Sudan and Tanzania, according to a "
            "presidential proclamation.",
            "US",
        ),
        ("The new proclamation suspends visas for citizens of Iran.", None),
    ],
)
def test_events_policy_country_not_from_the_nationality_it_is_about(text, country):
    named = [place(text, name, "country", code) for name, code in (("Sudan", "SD"), ("Iran", "IR")) if name in text]
    assert [e.country for e in events_of(text) if e.type == "policy"][-1] == country
    assert [e.country for e in events_of(text, places=named) if e.type == "policy"][-1] == country


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Under the new policy, migrant families who cross the border will be released.", "policy"),
        ('The administration\'s "zero tolerance" policy separates migrant families at the border.', "policy"),
        ("The DACA program protects immigrants brought to the country as children.", "program"),
        ("The Trump administration posted a regulation that denies asylum to migrants.", "regulation"),
        ("President Trump slammed an immigration program that admitted the migrant.", "program"),
    ],
)
def test_events_a_policy_the_text_singles_out_is_a_policy_event_at_its_noun(text, noun):
    event = only(text, "policy")
    assert (event.start, event.end) == at(text, noun)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Trump's immigration policy is cruel to migrants, critics say.",
        "EU rules on asylum seekers are strict.",
        "The new trade policy will hurt migrant workers at the border.",
        "Romero had a previous deportation order and was deported to Honduras.",
    ],
)
def test_events_policy_in_general_or_one_persons_order_is_no_policy_event(text):
    assert "policy" not in types_of(text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A federal judge has ordered migrant families be reunited at the border.",
        "The judge ruled that the migrant children should be kept with their parents.",
        "Trump ordered that the practice be halted at the border.",
    ],
)
def test_events_an_order_or_ruling_about_migrants_is_a_policy(text):
    assert only(text, "policy").start == text.index("ordered" if "ordered" in text else "ruled")


@pytest.mark.model
def test_events_ruling_out_an_act_negates_it():
    assert only("Trump ruled out closing the border to migrants.", "block").modality == "negated"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The department said 2,053 migrant children were still in the custody of HHS at the border.",
        "Two migrant children who died while in Border Patrol custody were buried on Sunday.",
        "Migrants in detention are waiting for asylum hearings.",
    ],
)
def test_events_people_in_custody_are_detained(text):
    assert only(text, "detain").modality == "asserted"


@pytest.mark.model
def test_events_custody_of_children_in_a_family_dispute_is_no_detention():
    assert "detain" not in types_of("Migrant families fought for custody of their children at the border.")


@pytest.mark.model
def test_events_a_verb_coordinated_with_a_passive_shares_its_voice_when_tagged_past():
    event = only("Those persons were stopped and turned back to Mexico.", "block")
    assert "return" not in types_of("Those persons were stopped and turned back to Mexico.")
    assert event.country is None


@pytest.mark.model
def test_events_block_does_not_happen_where_people_are_sent():
    text = "Mexican police turned the migrants back to Guatemala at the river."
    assert only(text, "block", places=[place(text, "Guatemala", "country", "GT")]).country == "MX"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Border Patrol agents apprehended a total of 811 migrants near the fence.", "detain"),
        ("ICE deported the migrant last week.", "return"),
        ("The Department of Homeland Security detained the migrant families.", "detain"),
    ],
)
def test_events_detention_or_return_by_an_agency_is_in_its_country(text, kind):
    assert only(text, kind).country == "US"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Justice Department said it was getting caught between a ruling and the law on migrant families.",
        "US officials confirmed hundreds of child migrants had been removed from their families.",
        "Melania Trump said she hates to see migrant children separated from families.",
        "Demonstrators partially blocked a bridge over the border to protest the treatment of migrants.",
    ],
)
def test_events_idioms_family_separation_and_protests_are_no_detention_return_departure_or_block(text):
    assert types_of(text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Senate bill would legalize most of the 11 million illegal immigrants in the U.S.", "legalize"),
        ("The senators wrote the immigration bill that cleared the Senate in June.", "cleared"),
        ("When the prosecution policy on migrants went into effect, shelters filled up.", "went into effect"),
        ("Obama is considering granting temporary relief from deportation to undocumented immigrants.", "granting"),
        ("Democrats implored Obama to take executive action on immigration.", "executive action"),
    ],
)
def test_events_legislation_and_relief_are_policy(text, trigger):
    policies = [e for e in events_of(text) if e.type == "policy"]
    assert [(e.start, e.end) for e in policies] == [at(text, trigger)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("Asked about the use of tear gas at the border, Trump said agents were forced to do so.", "force", "use"),
        ("Officers fired at the crowd after attempted crossings by migrants.", "cross", "crossings"),
        ("The caravan's crossing into Mexico was peaceful.", "cross", "crossing"),
    ],
)
def test_events_nouns_of_force_and_crossing_are_events(text, kind, trigger):
    event = only(text, kind)
    assert (event.start, event.end) == at(text, trigger)


@pytest.mark.model
def test_events_border_crossing_as_a_place_is_no_crossing():
    assert "cross" not in types_of("The migrants waited at the border crossing in Tijuana.")


@pytest.mark.model
def test_events_what_stops_a_group_by_its_means_happened():
    text = "The migrants were stopped by volleys of tear gas at the fence."
    assert only(text, "force").modality == "asserted"


@pytest.mark.model
def test_events_agency_working_abroad_is_where_its_sentence_places_it():
    text = (
        "Dozens of agents with the Department of Homeland Security are working with police in the Guatemalan town "
        "of Tecun Uman to stop the migrants."
    )
    town = place(text, "Tecun Uman", "city", "GT")
    assert only(text, "deploy", places=[town]).country == "GT"


@pytest.mark.model
def test_events_country_from_demonym_of_a_place():
    assert only("The migrants crossed the Guatemalan border at dawn.", "cross").country == "GT"


@pytest.mark.model
def test_events_modality_had_is_not_future():
    text = "Migrants tussled with police who'd been sent to the border to stop them."
    assert only(text, "deploy").modality == "asserted"


@pytest.mark.model
def test_events_return_not_for_removing_protections():
    assert types_of("The rule would remove their protections from deportation.") == []


@pytest.mark.model
def test_events_travel_come_needs_a_place_or_a_progressive():
    assert types_of("The migrants came for work.") == []
    assert types_of("A new migrant caravan is coming.") == ["travel"]
    assert types_of("The caravan is coming across Mexico.") == ["travel"]


@pytest.mark.model
def test_events_no_trigger_from_a_place_phrase_alone():
    assert types_of("The policy did not have the effects that officials hoped for at the border.") == []


@pytest.mark.model
def test_events_force_fired_on_a_group():
    assert types_of("Border guards fired on the migrants near the river.") == ["force"]


@pytest.mark.model
def test_events_modality_arrival_future_is_predicted():
    assert only("The caravan will arrive in the border city next week.", "arrive").modality == "predicted"


@pytest.mark.model
def test_events_modality_first_person_future_is_planned():
    assert only("“We are going to reach the United States,” a migrant said.", "arrive").modality == "planned"


@pytest.mark.model
def test_events_aid_not_for_funding_a_wall():
    text = "The Senate bill would provide $25 billion for the border wall."
    assert types_of(text, quantities=[money(text, "$25 billion", 2.5e10)]) == []


@pytest.mark.model
def test_events_aid_foreign_aid_to_a_country():
    assert types_of("The president threatened to cut off foreign aid to Honduras over the caravan.") == ["aid"]


@pytest.mark.model
def test_events_aid_not_for_public_assistance():
    assert types_of("Few immigrants use public assistance, the study of immigration found.") == []


@pytest.mark.model
def test_events_meet_not_for_meeting_a_child():
    assert types_of("At the border shelter he met Victor, a boy from Honduras.") == []


@pytest.mark.model
def test_events_depart_not_for_family_separation():
    assert types_of("Hundreds of children were separated from their parents at the border.") == []


@pytest.mark.model
def test_events_block_fence_only_when_put_up():
    assert types_of("The border fence has cut the town in two.") == []
    assert types_of("Soldiers installed a razor wire fence along the border bridge.") == ["block"]


@pytest.mark.model
def test_events_depart_not_for_leaving_someone_to_act():
    assert types_of("The stalemate in Congress left the border states to act on immigration alone.") == []


@pytest.mark.model
def test_events_block_not_for_letting_someone_get_a_thing():
    assert types_of("The border agent would not let him get his wallet.") == []


@pytest.mark.model
def test_events_political_groups_are_not_movers():
    assert types_of("Five Senate Democrats crossed the aisle to vote for the border bill.") == []


@pytest.mark.model
def test_events_generic_pronoun_relative_clause_in_past_tense():
    assert types_of("Anyone who crossed the border without papers would be prosecuted.") == []


@pytest.mark.model
def test_events_counted_officers_are_not_movers():
    text = "About 100 officers travelled to the border town on Monday."
    assert (
        types_of(text, quantities=[Quantity(start=0, end=9, low=100, high=100, unit="people", what="officers")]) == []
    )


@pytest.mark.model
def test_events_modality_hoping_to_is_planned():
    text = "The president spoke to Mexico, hoping to stop the caravan at the southern border."
    assert only(text, "block").modality == "planned"


@pytest.mark.model
def test_events_modality_in_case_is_conditional():
    text = "She was reluctant to visit Mexico in case Trump closed the border."
    assert only(text, "block").modality == "conditional"


@pytest.mark.model
def test_events_participle_on_a_specific_group_is_a_movement():
    assert types_of("A caravan traveling from the south reached the border on Monday.") == ["travel", "arrive"]
    assert types_of("Officials watched a group of 300 migrants heading toward the river.") == ["travel"]


@pytest.mark.model
def test_events_participle_on_a_kind_of_people_is_not_a_movement():
    assert types_of("People crossing the river illegally are arrested.") == ["detain"]


@pytest.mark.model
def test_events_statistic_subject_is_not_a_movement():
    assert types_of("The number of migrants has surged this year.") == []


@pytest.mark.model
def test_events_how_clause_is_not_an_event():
    assert types_of("The report explains how migrants reach the border.") == []


@pytest.mark.model
def test_events_previous_threat_is_background():
    assert types_of("The president has previously threatened to close the border.") == []


@pytest.mark.model
def test_events_gerund_naming_an_idea_is_not_an_event():
    assert types_of("Families weigh the risk of being turned back at the border.") == []


@pytest.mark.model
def test_events_modality_not_hesitate_is_planned():
    assert only("Officials will not hesitate to close the border.", "block").modality == "planned"


@pytest.mark.model
def test_events_modality_past_ability_is_asserted():
    assert only("Part of the caravan was able to travel north on Friday.", "travel").modality == "asserted"


@pytest.mark.model
def test_events_modality_reported_own_would_is_planned():
    assert only("The ministry said it would deport the migrants.", "return").modality == "planned"


@pytest.mark.model
def test_events_suspended_crossings_is_a_block():
    assert types_of("Officers suspended crossings at the port of entry on Sunday.") == ["block"]


@pytest.mark.model
def test_events_calling_up_the_military_is_a_deployment():
    assert "deploy" in types_of("The president said he would call up the military to guard the border.")


@pytest.mark.model
def test_events_modality_told_to_is_planned():
    assert (
        only("The president told Mexico to send the migrants back to their countries.", "return").modality == "planned"
    )


@pytest.mark.model
def test_events_finite_clause_on_a_noun_stays_an_event():
    assert types_of("He cited reports that a new caravan is planning on leaving Honduras in January.") == ["depart"]


@pytest.mark.model
def test_events_participle_of_a_verbless_sentence_stays_an_event():
    text = "With few belongings, and many with children in tow, the migrants set out for the border from the camp."
    assert types_of(text) == ["depart"]


@pytest.mark.model
def test_events_emphatic_do_relative_clause_is_generic():
    assert types_of("Migrants who do reach the border can claim asylum.") == []


@pytest.mark.model
def test_events_generic_relative_clause_above_the_trigger():
    assert "cross" not in types_of("Officials will deny asylum to anyone who tries to cross the border illegally.")


@pytest.mark.model
def test_events_participle_adjective_is_not_an_event():
    assert types_of("Cases of detained immigrants must be heard within three days.") == []


@pytest.mark.model
def test_events_modality_failure_to_is_negated():
    assert only("Trump blamed the failure of Guatemala to stop the caravan.", "block").modality == "negated"


@pytest.mark.model
def test_events_modality_coordinated_verb_keeps_its_own_auxiliaries():
    text = "DHS will not tolerate lawlessness and will not hesitate to shut down ports of entry."
    assert only(text, "block").modality == "planned"


@pytest.mark.model
def test_events_question_is_not_an_event():
    assert types_of("Why might more migrants be heading north this year?") == []


@pytest.mark.model
def test_events_gerund_after_an_adjective_is_not_an_event():
    assert types_of("Officials asked the migrants whether they are afraid of returning to their country.") == []


@pytest.mark.model
def test_events_participle_on_a_pronoun_is_not_a_movement():
    assert types_of("Those arriving at the border were detained.") == ["detain"]


@pytest.mark.model
def test_events_modality_doing_nothing_to_is_negated():
    assert only("The countries do nothing to stop the caravans.", "block").modality == "negated"


@pytest.mark.model
def test_events_policy_in_a_time_clause_is_its_setting():
    assert types_of("The families will stay in the shelter while their asylum claims are processed.") == []


# --- movements in progress, nominal events, phrasal triggers, capacity blocks, deployment phrasing ---------------


@pytest.mark.model
def test_events_progressive_of_a_group_is_a_movement():
    assert only("Hundreds of families are now coming across the desert.", "travel").modality == "asserted"


@pytest.mark.model
def test_events_participle_after_a_count_keeps_the_group_size():
    text = "Police stopped thousands of Venezuelans traveling on foot toward the capital."
    event = only(text, "travel", quantities=[people(text, "thousands", 1000, 9999)])
    assert event.size == [1000, 9999]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The migrants rested in a park. Their journey had taken them across three countries to the border.", "travel"),
        ("The arrival of the caravan filled the shelters of the town.", "arrive"),
        ("The closure of the crossing left hundreds of migrants waiting at the border.", "block"),
        ("The president signed a proclamation barring asylum for migrants who enter between ports.", "policy"),
        ("The mobilization of the Guard to the border began on Monday.", "deploy"),
        ("The minister held a meeting with officials from the border states.", "meet"),
    ],
)
def test_events_nominal_trigger_is_an_event(text: str, kind: str):
    assert kind in types_of(text)


@pytest.mark.model
def test_events_journey_that_begins_somewhere_is_a_departure():
    text = "The migrants rested for a day. Their trek started in the capital ten days earlier."
    assert "depart" in types_of(text, places=[place(text, "capital")])


@pytest.mark.model
def test_events_in_order_to_is_no_policy():
    assert types_of("Officials spoke in order to calm the migrants at the border.") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        ("The families hope to make it to the border before the rains.", "arrive", "planned"),
        ("The group pressed on toward the capital after a night in the square.", "travel", "asserted"),
        ("A few dozen migrants took a cargo train to the next town.", "travel", "asserted"),
        ("The migrants set up camp in a park near the border.", "gather", "asserted"),
        ("The families bedded down in a church courtyard.", "gather", "asserted"),
    ],
)
def test_events_phrasal_trigger_is_an_event(text: str, kind: str, modality: str):
    assert only(text, kind).modality == modality


@pytest.mark.model
def test_events_way_into_a_country_is_a_crossing():
    text = "Several families ran back into Guatemala at night."
    assert types_of(text, places=[place(text, "Guatemala", "country", "GT")]) == ["cross"]


@pytest.mark.model
def test_events_breaking_through_a_barrier_is_a_crossing():
    assert "cross" in types_of("A crowd of migrants broke through a police cordon at the bridge.")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The shelter in the border town is full, its director said.",
        "The processing center hit capacity on Sunday, border officers said.",
        "Hundreds of migrants were stranded at the border after the crossing closed.",
        "The migrants were barred from approaching the border fence.",
    ],
)
def test_events_capacity_and_processing_limits_are_blocks(text: str):
    assert only(text, "block").modality == "asserted"


@pytest.mark.model
def test_events_cannot_handle_more_is_an_asserted_block():
    assert only("Officials at the border cannot handle more asylum claims.", "block").modality == "asserted"


@pytest.mark.model
def test_events_not_being_admitted_is_a_block_not_a_negated_one():
    event = only("The migrants will not be admitted into the country unless they apply.", "block")
    assert event.modality == "conditional"


@pytest.mark.model
def test_events_full_of_migrants_is_no_block():
    assert types_of("The bridges that lead to the border post are full of migrants.") == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The agency is rushing more agents to the border this week.",
        "Police are patrolling the border with soldiers.",
        "Congress approved 900 Guard troops for the border mission.",
        "The Pentagon is lending helicopters and drones to the Border Patrol.",
        "Soldiers are providing support to customs officers at the crossing.",
    ],
)
def test_events_deployment_phrasing_is_a_deployment(text: str):
    assert "deploy" in types_of(text)


@pytest.mark.model
def test_events_repelling_a_group_is_a_block():
    assert "block" in types_of("Soldiers used batons to repel the crowd of migrants at the checkpoint.")


@pytest.mark.model
def test_events_authority_country_carries_over_in_the_article():
    text = (
        "Mexico deployed police to its southern border on Monday. "
        "Officials said they will send more officers to the border soon."
    )
    found = [e for e in events_of(text, places=[place(text, "Mexico", "country", "MX")]) if e.type == "deploy"]
    assert [e.country for e in found] == ["MX", "MX"]


@pytest.mark.model
def test_events_authority_country_carries_back_to_the_first_action():
    text = "Officials said they will send more officers to the border soon. Mexico deployed police to its border."
    found = [e for e in events_of(text, places=[place(text, "Mexico", "country", "MX")]) if e.type == "deploy"]
    assert [e.country for e in found] == ["MX", "MX"]


@pytest.mark.model
def test_events_a_detention_takes_the_country_of_the_articles_other_detentions():
    text = (
        "Border agents in Texas arrested 40 migrants on Monday. "
        "Authorities have apprehended more than 50,000 families this year."
    )
    found = [e for e in events_of(text, places=[place(text, "Texas", "admin", "US")]) if e.type == "detain"]
    assert [e.country for e in found] == ["US", "US"]


@pytest.mark.model
def test_events_country_across_a_border_is_not_the_closing_one():
    text = "The president said he would close the border with Guatemala."
    assert only(text, "block", places=[place(text, "Guatemala", "country", "GT")]).country is None


@pytest.mark.model
def test_events_where_clause_on_a_city_of_name_places_the_event():
    text = "The caravan stopped in the port town of Mazatlan, where the families had camped for a week."
    event = only(text, "gather", places=[place(text, "Mazatlan", "city", "MX")])
    assert event.place == "Mazatlan"


@pytest.mark.model
def test_events_group_under_way_is_placed_where_it_comes_from():
    text = "A group of families was walking north from Mazatlan on Tuesday."
    assert only(text, "travel", places=[place(text, "Mazatlan", "city", "MX")]).place == "Mazatlan"


@pytest.mark.model
def test_events_same_type_with_other_modality_in_another_clause_is_kept():
    text = "The migrants boarded buses at dawn because they had vowed to press north toward the border."
    assert [e.modality for e in events_of(text) if e.type == "travel"] == ["asserted", "planned"]


@pytest.mark.model
def test_events_purpose_of_the_same_verb_is_merged():
    assert types_of("Police set up a roadblock to stop the caravan.") == ["block"]


@pytest.mark.model
def test_events_ordering_a_deployment_is_a_policy():
    text = "The minister ordered the mobilization of police units after migrants reached the frontier."
    assert "policy" in types_of(text)


@pytest.mark.model
def test_events_stopping_an_onslaught_or_a_procession_is_a_block():
    assert "block" in types_of("The governor urged police to halt the influx at the river crossing.")
    assert "block" in types_of("Police broke up the procession near the border.")


@pytest.mark.model
def test_events_bulk_of_a_group_following_is_a_movement():
    text = "Most of the group left on Friday. The bulk of the remaining families plan to follow them next week."
    assert only(text, "travel").modality == "planned"


@pytest.mark.model
def test_events_capacity_at_a_port_of_entry_is_a_block_without_other_context():
    assert only("The port of entry has reached capacity, a spokeswoman said.", "block").modality == "asserted"


@pytest.mark.model
def test_events_troops_en_route_are_deployed():
    assert "deploy" in types_of("Hundreds of soldiers are en route to the southern border, officials said.")


@pytest.mark.model
def test_events_preventing_entry_is_a_block():
    assert types_of("Soldiers tried to block entry at the river crossing.") == ["block"]


@pytest.mark.model
def test_events_not_admitted_into_a_country_is_a_block():
    text = "Those without papers will not be admitted into Canada, the minister said."
    assert "block" in types_of(text, places=[place(text, "Canada", "country", "CA")])


@pytest.mark.model
def test_events_agents_using_spray_is_force_not_deployment():
    assert types_of("Soldiers used pepper spray on the crowd of migrants.") == ["force"]


@pytest.mark.model
def test_events_gerund_subject_is_no_crossing():
    assert types_of("Entering the country without papers is a crime, the judge said.") == []


@pytest.mark.model
def test_events_jumping_the_line_is_no_crossing():
    assert types_of("Officials said the migrants should not jump the line at the border.") == []


@pytest.mark.model
def test_events_modality_had_better_and_must_are_planned():
    assert only("The caravan had better be stopped at the border.", "block").modality == "planned"
    assert only("Mexico must stop the migrants at its southern border.", "block").modality == "planned"


@pytest.mark.model
def test_events_modality_planned_noun_is_planned():
    assert only("The planned deployment of soldiers to the border was announced.", "deploy").modality == "planned"


@pytest.mark.model
def test_events_depart_set_forth_before_a_hope_clause():
    text = "The families set forth from Tapachula on Monday in hopes of arriving in the United States."
    places = [place(text, "Tapachula", country="MX"), place(text, "United States", "country", "US")]
    found = events_of(text, places=places)
    depart = next(e for e in found if e.type == "depart")
    assert text[depart.start : depart.end] == "set forth"
    assert (depart.modality, depart.place, depart.country) == ("asserted", "Tapachula", "MX")
    arrive = next(e for e in found if e.type == "arrive")
    assert (arrive.modality, arrive.country) == ("planned", "US")


@pytest.mark.model
def test_events_depart_country_not_from_a_hoped_for_arrival():
    text = "The families set off on Monday in hopes of arriving in the United States."
    found = events_of(text, places=[place(text, "United States", "country", "US")])
    depart = next(e for e in found if e.type == "depart")
    assert depart.modality == "asserted" and depart.country is None


@pytest.mark.model
def test_events_depart_country_not_where_the_group_hopes_to_go():
    text = "A caravan of families hoping to walk to the United States set off again before dawn."
    found = events_of(text, places=[place(text, "United States", "country", "US")])
    assert next(e for e in found if e.type == "depart").country is None


@pytest.mark.model
def test_events_travel_bound_for_is_travel_not_crossing():
    text = "The families are bound for the United States."
    event = only(text, "travel", places=[place(text, "United States", "country", "US")])
    assert text[event.start : event.end] == "bound for" and event.modality == "asserted"
    assert "cross" not in types_of(text)


@pytest.mark.model
def test_events_place_of_group_description_ranks_below_own_place():
    text = "Hundreds of families bound for the United States reached Guatemala on Tuesday."
    places = [place(text, "United States", "country", "US"), place(text, "Guatemala", "country", "GT")]
    arrive = next(e for e in events_of(text, places=places) if e.type == "arrive")
    assert arrive.country == "GT"


@pytest.mark.model
def test_events_place_in_a_relative_clause_of_the_object_places_the_event():
    text = "Soldiers fired rubber bullets to disperse migrants who were camping in Reynosa."
    places = [place(text, "Reynosa", "city", "MX")]
    assert only(text, "force", places=places).place == "Reynosa"


@pytest.mark.model
def test_events_departure_placed_where_a_time_clause_leaves_from():
    text = "The caravan set off again as the group walked out of the town of Huixtla before dawn."
    assert only(text, "depart", places=[place(text, "Huixtla", "city", "MX")]).place == "Huixtla"


@pytest.mark.model
def test_events_deeper_place_not_where_a_hoped_for_clause_goes():
    text = "The caravan set off on Monday in hopes of finding work in Monterrey."
    assert only(text, "depart", places=[place(text, "Monterrey", "city", "MX")]).place is None


@pytest.mark.model
def test_events_deeper_place_in_another_country_than_the_event_is_not_its_place():
    text = "Guatemalan police fired tear gas to repel migrants who were marching in Tapachula."
    event = only(text, "force", places=[place(text, "Tapachula", "city", "MX")])
    assert (event.place, event.country) == (None, "GT")


@pytest.mark.model
def test_events_country_bordered_is_not_where_the_event_happens():
    text = "The governor asked states bordering Guatemala to send troops to shore up security."
    assert only(text, "deploy", places=[place(text, "Guatemala", "country", "GT")]).country is None


@pytest.mark.model
def test_events_place_opposite_or_across_from_is_not_where_the_event_is():
    text = "The migrants arrived at a shelter opposite El Paso."
    event = only(text, "arrive", places=[place(text, "El Paso", "city", "US")])
    assert (event.place, event.country) == (None, None)
    text = "The migrants camped across from El Paso on Monday."
    assert only(text, "gather", places=[place(text, "El Paso", "city", "US")]).country is None


@pytest.mark.model
def test_events_infinitive_saying_what_a_noun_is_for_is_planned():
    text = "The government is seeking new ways to block the migrants at the river."
    assert only(text, "block").modality == "planned"


@pytest.mark.model
def test_events_infinitive_after_an_ordinal_is_what_happened():
    text = "The first migrants to cross the river reached the town on Monday."
    assert only(text, "cross").modality == "asserted"


@pytest.mark.model
def test_events_authority_action_with_no_country_takes_the_datelines():
    text = "WASHINGTON (Reuters) - The president vowed on Friday to deploy troops at the border."
    assert only(text, "deploy", places=[place(text, "WASHINGTON", "city", "US")]).country == "US"
    text = "Washington border plans\n\nThe president vowed on Friday to deploy troops at the border."
    assert only(text, "deploy", places=[place(text, "Washington", "city", "US")]).country is None
    text = "Ana Ruiz, head of U.S. Immigration Services, quit.\n\nThe president vowed to deploy troops at the border."
    assert only(text, "deploy", places=[place(text, "U.S.", "country", "US")]).country is None  # no dateline
    text = "Washington (CNN) The president vowed on Friday to deploy troops at the border."
    assert only(text, "deploy", places=[place(text, "Washington", "city", "US")]).country == "US"


@pytest.mark.model
def test_events_same_type_in_a_sentence_with_other_countries_are_two():
    text = "The families walked through Guatemala and headed toward Mexico on Tuesday."
    places = [place(text, "Guatemala", "country", "GT"), place(text, "Mexico", "country", "MX")]
    assert sorted(e.country for e in events_of(text, places=places) if e.type == "travel") == ["GT", "MX"]


@pytest.mark.model
def test_events_place_of_what_a_group_hopes_for_is_not_the_movements():
    text = "In Guatemala the families walked on a highway and hitchhiked north with their eye on a new life in Canada."
    places = [place(text, "Guatemala", "country", "GT"), place(text, "Canada", "country", "CA")]
    assert [e.country for e in events_of(text, places=places) if e.type == "travel"] == ["GT"]


@pytest.mark.model
def test_events_subject_of_a_clause_the_parser_read_as_an_object_of_as():
    text = "The ministry raised its alert level as a caravan of about 2,000 people made its way toward the border."
    assert only(text, "travel").actor == "caravan"


@pytest.mark.model
def test_events_vehicle_parsed_as_compound_of_a_direction_is_still_the_object():
    text = "The migrants hopped a freight train north."
    assert only(text, "travel").actor == "migrants"


@pytest.mark.model
def test_events_journey_noun_parsed_as_compound_of_a_direction_keeps_its_possessor():
    text = "The caravan of migrants grew to more than 6,000 members during its month-and-a-half trek north."
    assert only(text, "travel")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The children were held in detention with their parents for weeks.",
        "Border agents took 40 migrants into custody on Monday.",
        "The migrants were kept at a processing center for three days.",
    ],
)
def test_events_group_held_or_taken_into_custody_is_detained(text):
    assert only(text, "detain")


@pytest.mark.model
def test_events_holding_without_custody_is_no_detention():
    assert "detain" not in types_of("A mother held her child in her arms at the border as migrants waited.")


@pytest.mark.model
def test_events_who_hung_on_a_place_stands_for_the_people_from_it():
    text = (
        "The tweet referred to a group of 1,500 men, women and children from Honduras, Guatemala and El Salvador "
        "who are traveling in a caravan."
    )
    assert only(text, "travel")


@pytest.mark.model
def test_events_capitalised_plural_left_unlemmatised_is_still_a_mover():
    text = "With Caravans marching through Mexico, officials said the border needed more agents."
    assert only(text, "travel")


@pytest.mark.model
def test_events_with_clause_of_its_own_subject_keeps_its_modality():
    text = "With caravans marching through Mexico, Congress must be prepared to fund the border agents."
    assert only(text, "travel").modality == "asserted"


@pytest.mark.model
def test_events_where_clause_on_a_place_gives_the_movement_its_place():
    text = "Tijuana, the border city where the migrants arrived on Sunday, has few shelters left."
    event = only(text, "arrive", places=[place(text, "Tijuana", "city", "MX")])
    assert (event.place, event.country) == ("Tijuana", "MX")


@pytest.mark.model
def test_events_departure_in_a_where_clause_has_its_source():
    text = "Choloma, the town where the caravan started last week, has few jobs."
    assert only(text, "depart", places=[place(text, "Choloma", "city", "HN")])


@pytest.mark.model
def test_events_hopping_on_a_train_is_travel():
    assert only("Migrants jumped on a freight train in the town on Monday.", "travel")


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["The group of migrants rushed toward the border on Sunday.", "Hundreds of migrants ran toward the border."]
)
def test_events_running_toward_a_place_is_travel(text):
    assert only(text, "travel")


@pytest.mark.model
def test_events_running_out_of_something_is_no_travel():
    assert "travel" not in types_of("The migrants ran out of food and water in the border town.")


@pytest.mark.model
def test_events_forced_to_wait_out_proceedings_somewhere_is_a_policy():
    text = "The program has forced more than 50,000 migrants to wait out their court proceedings in Mexico."
    assert only(text, "policy")


@pytest.mark.model
def test_events_working_its_way_toward_a_place_is_travel():
    assert only("The caravan of migrants has been slowly working its way toward the border.", "travel")


@pytest.mark.model
def test_events_on_the_order_of_is_a_size_not_a_decree():
    assert "policy" not in types_of("Estimates of the migrants at the border tend to be on the order of 4 million.")


@pytest.mark.model
def test_events_context_word_in_the_next_sentence_of_the_paragraph_counts():
    text = "Troops being sent at the president's direction would not be armed. They would assist the Border Patrol."
    assert only(text, "deploy")


@pytest.mark.model
def test_events_not_admitting_a_statement_is_no_block():
    assert "block" not in types_of("Of course, the Republicans cannot admit that about the border migrants.")
    assert only("Mexico will not admit the migrants at the border.", "block")


@pytest.mark.model
def test_events_place_name_that_names_a_thing_gives_no_country():
    event = only("Soldiers set up Jersey barriers at the border crossing.", "block")
    assert event.country != "JE"


@pytest.mark.model
def test_events_pronoun_holding_migrants_somewhere_is_no_travel():
    assert "travel" not in types_of("We will now keep migrants at the border in tents.")
    assert only("They joined the caravan of migrants in the morning.", "travel")


@pytest.mark.model
def test_events_policy_is_anchored_on_its_own_verb_not_a_coordinated_commitment():
    text = "He has vowed to close down the border, deployed troops and signed a proclamation barring asylum."
    event = only(text, "policy")
    assert text[event.start : event.end] == "signed"


@pytest.mark.model
def test_events_same_type_by_an_authority_and_by_migrants_are_two_events():
    text = "Officials said officers fired tear gas after some migrants threw rocks at border agents."
    assert types_of(text).count("force") == 2
    assert types_of("The migrants walked and rode buses toward the border.").count("travel") == 1


@pytest.mark.model
def test_events_conferring_a_status_is_no_meeting():
    assert "meet" not in types_of("The order tells officials not to confer citizenship on the children of migrants.")


@pytest.mark.model
def test_events_commitment_hung_on_a_relative_clause_in_another_tense_keeps_the_main_subject():
    text = (
        "President Trump on Monday urged Mexico to deport Central American migrants who are attempting to reach "
        "the U.S. and threatened to permanently shut down the southern border."
    )
    assert "Trump" in (only(text, "block").actor or "")


@pytest.mark.model
def test_events_moving_migrants_back_is_a_return_but_bringing_a_policy_back_is_not():
    assert only("Mexico should move the migrants back to their countries.", "return")
    text = "The administration abandoned that policy, but Trump is considering bringing it back to deter migrants."
    assert "return" not in types_of(text)


@pytest.mark.model
def test_events_try_and_cross_is_planned():
    text = "Dozens of migrants broke away from a larger group to try and cross the border."
    assert only(text, "cross").modality == "planned"
    assert only("The migrants tried and crossed the border.", "cross").modality == "asserted"


@pytest.mark.model
def test_events_pressing_someone_to_act_is_planned():
    assert only("The president pressed Congress to pass a law on migrants.", "policy").modality == "planned"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The administration said it would terminate the program for young immigrants.",
        "The Department of Justice moved to establish quotas for immigration judges.",
    ],
)
def test_events_ending_or_setting_up_a_program_is_a_policy(text):
    assert only(text, "policy")


@pytest.mark.model
def test_events_policy_of_another_field_is_no_migration_policy():
    assert "policy" not in types_of("The president threatened to cancel the trade deal with Mexico over the migrants.")
    text = "It undermines the rule of law established in the Constitution, which protects migrants."
    assert "policy" not in types_of(text)
    assert only("The administration established a new rule for asylum seekers.", "policy")


@pytest.mark.model
def test_events_not_receiving_guidance_is_no_block():
    assert "block" not in types_of("Some asylum officers at the border hadn't received guidance about the policy.")
    assert only("The shelter cannot receive more migrants.", "block")


@pytest.mark.model
def test_events_present_tense_with_a_rate_is_a_habit_not_an_event():
    assert "cross" not in types_of("Hundreds of people a day cross into the US between ports of entry.")
    assert only("The caravan walked 40 kilometers a day through Oaxaca.", "travel")
    text = "The migrants, intent on migrating to the United States, awoke from a night sleeping on concrete."
    assert only(text, "travel")


@pytest.mark.model
def test_events_ending_up_deported_is_predicted_for_the_people_not_the_month():
    text = "That is thousands of immigrants a month who may end up failing their interviews and being deported."
    event = only(text, "return")
    assert event.modality == "predicted" and event.actor != "month"


@pytest.mark.model
def test_events_what_a_law_prevents_is_no_event():
    text = "International law prevents countries from returning migrants to places where their lives are in danger."
    assert "return" not in types_of(text)


@pytest.mark.model
def test_events_everyone_trying_to_cross_is_a_kind_of_people_even_when_misattached():
    text = "The policy is designed to maximize the deportation of everyone trying to cross the border illegally."
    assert "cross" not in types_of(text)


@pytest.mark.model
def test_events_advised_to_go_is_planned():
    text = "The migrants have been advised to go to shelters and apply for asylum."
    assert only(text, "travel").modality == "planned"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Every time you see a Caravan, or people illegally coming into our Country, blame the Democrats.",
        "Whenever migrants cross the river, agents detain them.",
    ],
)
def test_events_every_time_or_whenever_is_a_habit(text):
    assert types_of(text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "You and your children walk for weeks to reach the border.",
        "You are detained by Border Patrol agents and sent to a federal jail.",
        "And upon crossing the border, you are apprehended by Border Patrol.",
    ],
)
def test_events_the_reader_addressed_in_narration_is_an_example_not_a_group(text):
    assert types_of(text) == []


@pytest.mark.model
def test_events_you_in_a_quote_is_someone_spoken_to():
    text = '"You will not cross the border," the officer told the migrants.'
    start, end = at(text, "You will not cross the border")
    said = Quote(start=start, end=end, speaker="the officer")
    assert only(text, "cross", quotes=[said]).modality == "negated"


@pytest.mark.model
def test_events_first_time_is_no_habit():
    assert only("The caravan crossed the river for the first time on Sunday.", "cross")


@pytest.mark.model
def test_events_movement_noun_takes_its_group_as_actor_never_itself():
    assert only("The caravan’s arrival in Tijuana was delayed.", "arrive").actor == "caravan"
    text = "The arrival of large numbers of migrants will strain the asylum system."
    assert only(text, "arrive").actor == "migrants"


@pytest.mark.model
def test_events_noun_trigger_is_never_its_own_actor():
    text = (
        "Officials planned to send 1,000 troops to the border, but that deployment, dubbed Operation Line, could grow."
    )
    assert all(e.actor != "deployment" for e in events_of(text) if e.type == "deploy")


@pytest.mark.model
def test_events_bringing_back_a_policy_named_before_is_a_policy():
    text = (
        "Though the administration abandoned that policy on migrant families, Trump has said he is considering "
        "bringing it back."
    )
    assert [text[e.start : e.end] for e in events_of(text) if e.type == "policy"] == ["abandoned", "bringing"]


@pytest.mark.model
def test_events_the_one_after_a_group_is_that_kind_of_group():
    text = "Mexico took a firmer stand against this caravan than the one that traversed the country in the spring."
    assert only(text, "travel")


@pytest.mark.model
def test_events_what_it_is_not_clear_why_happened_did_happen():
    text = "It is not clear why the Honduran migrant broke off from the rest of the caravan."
    assert only(text, "depart").modality == "asserted"


@pytest.mark.model
@pytest.mark.parametrize("subject", ["No one", "No migrants", "None of the migrants"])
def test_events_subject_naming_nobody_negates(subject):
    assert (
        only(f"{subject} crossed the border on Monday, officials said of the caravan.", "cross").modality == "negated"
    )


@pytest.mark.model
def test_events_verb_phrase_word_with_a_determiner_is_a_noun():
    text = "Unions and migrant groups were putting a full-court press on House Republicans to act on the caravan."
    assert not [e for e in events_of(text) if e.type == "travel"]


@pytest.mark.model
def test_events_going_to_an_activity_is_no_journey():
    text = "The program allowed 800,000 immigrants to work and go to school in the US without fear of deportation."
    assert not [e for e in events_of(text) if e.type == "travel"]
    assert only("The migrants will go to the school in Tijuana that serves as a shelter.", "travel")


@pytest.mark.model
def test_events_being_left_somewhere_is_no_departure():
    text = "Desperate families from Central America have been left stranded in Mexico by the new rules."
    assert not [e for e in events_of(text) if e.type == "depart"]
    assert only("The migrants left Tijuana on Monday.", "depart")


@pytest.mark.model
def test_events_percentage_of_no_group_is_a_statistic():
    text = "For drugs like heroin, up to 90% enters the country through ports of entry."
    assert not events_of(text)
    assert only("About 40 percent of the migrants entered the country through ports of entry.", "cross")


@pytest.mark.model
def test_events_a_group_containing_people_is_no_block():
    assert not events_of("The report said the larger group contains about 6,219 Central Americans.")
    assert only("Mexican police tried to contain the migrants at the bridge.", "block")


@pytest.mark.model
def test_events_participle_tagged_as_a_noun_is_read_as_its_verb():
    text = 'A segment on Fox discussed an "army of migrants" marching from Honduras.'
    event = only(text, "travel")
    assert text[event.start : event.end] == "marching"


@pytest.mark.model
def test_events_region_of_several_countries_gives_no_country():
    text = "Officials want to reverse a record surge in families fleeing violence and poverty in Central America."
    assert only(text, "depart", places=[place(text, "Central America", "region")]).country is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("Mexico's plan to deport the migrants angered activists.", "return", "Mexico"),
        ("The order by Trump to send troops to the border came on Monday.", "deploy", "Trump"),
    ],
)
def test_events_intention_noun_lends_its_holder_as_actor(text, kind, actor):
    assert only(text, kind).actor == actor


@pytest.mark.model
def test_events_closure_of_something_other_than_a_way_in_is_no_block():
    text = "The government closure began last Saturday, officials said, as migrants waited at the border."
    assert not events_of(text)
    assert only("The closure of the border angered migrants.", "block")


@pytest.mark.model
def test_events_rolling_something_out_is_no_travel():
    text = "No one is under the impression that we are rolling out the red carpet for the migrants."
    assert not [e for e in events_of(text) if e.type == "travel"]
    assert only("The caravan rolled into Mexico City on Monday.", "travel")


@pytest.mark.model
def test_events_there_being_no_group_in_motion_negates():
    text = "There are no caravans approaching elsewhere in the U.S., by land, sea or air."
    assert only(text, "travel").modality == "negated"
    assert only("There are two caravans approaching the border on foot.", "travel").modality == "asserted"


@pytest.mark.model
def test_events_counted_total_or_average_is_the_group_not_a_statistic():
    text = "A total of 300 migrants crossed into Mexico on Friday."
    assert only(text, "cross", quantities=[people(text, "300 migrants", 300, 300)]).actor == "migrants"
    text = "An average of 2,000 migrants have entered each day at the southern border."
    assert only(text, "cross", quantities=[people(text, "2,000 migrants", 2000, 2000)]).actor == "migrants"


@pytest.mark.model
def test_events_returning_to_a_subject_is_no_return():
    text = "Let us return to what three Democrats have said about the caravan migrants."
    assert not [e for e in events_of(text) if e.type == "return"]
    assert only("The caravan migrants will return to Honduras.", "return")


@pytest.mark.model
def test_events_partitive_of_a_pronoun_names_the_count():
    text = "Thousands of migrants reached Tijuana. Over the weekend, hundreds of them stormed a border crossing."
    assert only(text, "cross").actor == "hundreds"


@pytest.mark.model
def test_events_figures_that_declined_are_no_refusal():
    text = "Over the past several years, apprehensions of single adults at the border have declined."
    assert only(text, "detain").modality == "asserted"
    assert only("The migrants declined to cross the border on Monday.", "cross").modality == "negated"


@pytest.mark.model
def test_events_closing_as_a_modifier_is_no_closure():
    text = "The caravan provided a visual for Republican closing arguments about immigration at the border."
    assert not [e for e in events_of(text) if e.type == "block"]
    assert only("The closing of the border stranded migrants.", "block")


@pytest.mark.model
def test_events_a_group_nearing_a_place_travels():
    assert only("The caravan neared Mexico City on Sunday.", "travel")
    assert not events_of("The election neared, and the caravan was still in Oaxaca.")


@pytest.mark.model
def test_events_aid_withheld_from_a_country_goes_to_that_country():
    text = "The president threatened this week to withhold aid from Honduras over the caravan."
    event = only(text, "aid", places=[place(text, "Honduras", "country", "HN")])
    assert event.country == "HN"
    assert not [e for e in events_of("Aid from the United States reached the caravan.") if e.type == "aid"]


@pytest.mark.model
def test_events_actor_leaves_out_a_relative_possessive():
    text = "Guatemala and Honduras, whose leaders are doing little to stop the caravan from entering Mexico."
    assert only(text, "block").actor == "leaders"


@pytest.mark.model
def test_events_country_aid_is_withheld_from_is_no_origin():
    text = "Trump threatened to withhold aid from Honduras if the country failed to stop the caravan."
    assert only(text, "block", places=[place(text, "Honduras", "country", "HN")]).country == "HN"


@pytest.mark.model
def test_events_authority_action_without_country_takes_the_article_usual_government():
    text = "The Pentagon deployed U.S. troops to the border on Monday. Congress must pass tough laws on the caravan."
    found = events_of(text, places=[place(text, "U.S.", "country", "US")])
    assert [e.country for e in found if e.type == "deploy"] == ["US"]
    assert [e.country for e in found if e.type == "policy"] == ["US"]


@pytest.mark.model
def test_events_a_group_that_approaches_travels():
    assert only("CBP shut down the San Ysidro port of entry as the migrants approached.", "travel")
    assert only("The migrants approached the border on Sunday.", "travel")
    assert not [e for e in events_of("The migrants approached officials to ask for asylum.") if e.type == "travel"]


@pytest.mark.model
def test_events_border_named_by_one_side_gives_that_side():
    text = "The caravan reached the U.S. border on Sunday."
    start, end = at(text, "U.S. border")
    border = Place(start=start, end=end, name="U.S. border", feature="border", countries=["MX", "US"])
    assert only(text, "arrive", places=[border]).country == "US"


@pytest.mark.model
def test_events_where_clause_hung_inside_an_apposition_points_at_its_town():
    text = (
        "Four busloads were making their way north from Hermosillo, a city 432 miles south of the border, where"
        " the migrants had been stalled for days."
    )
    hermosillo = place(text, "Hermosillo", "city", "MX")
    assert only(text, "block", places=[hermosillo]).place == "Hermosillo"


@pytest.mark.model
def test_events_purpose_after_a_ranked_time_stays_a_purpose():
    text = "Agents fired teargas during the first hours of the new year to repel about 150 migrants at the fence."
    assert only(text, "block").modality == "planned"
    assert only("They were the first migrants to cross the border at Tijuana.", "cross").modality == "asserted"


@pytest.mark.model
def test_events_moving_out_of_a_place_departs_it():
    text = "The group trekked out of the town of Mapastepec before dawn."
    event = only(text, "depart", places=[place(text, "Mapastepec", "city", "MX")])
    assert text[event.start : event.end] == "trekked out" and event.place == "Mapastepec"
    assert only("The caravan trekked north through Oaxaca.", "travel")


@pytest.mark.model
def test_events_people_abandoned_by_others_make_no_departure():
    text = "Scores of migrants caught in Texas are being flown, bused and then abandoned out of state in Arizona."
    assert not [e for e in events_of(text) if e.type == "depart"]
    assert only("The migrants fled Honduras last week.", "depart")


@pytest.mark.model
def test_events_metering_as_a_modifier_is_still_a_block():
    text = "Thousands more wait their turn to present claims at the US border through an arbitrary metering process."
    assert only(text, "block")


@pytest.mark.model
def test_events_official_saying_a_group_will_be_detained_plans_it():
    text = "“We will not shoot at people, but the caravan migrants will be apprehended,” the secretary said."
    start, end = at(text, "We will not shoot at people, but the caravan migrants will be apprehended")
    said = Quote(start=start, end=end, kind="direct", speaker="Ana Ruiz", speaker_role="Homeland Security Secretary")
    assert only(text, "detain", quotes=[said]).modality == "planned"
    assert only(text, "detain").modality == "predicted"


@pytest.mark.model
def test_events_a_group_on_its_way_travels():
    assert only("Thousands of migrants are on their way to the U.S. border.", "travel").actor == "migrants"
    assert only("The caravan, now on its way north, has about 4,000 members.", "travel").actor == "caravan"
    text = "Trump vowed to put a stop to the caravan of thousands of migrants on their way to the border."
    assert only(text, "travel")  # the parser hangs "on their way" on the verb
    assert only("About 800 troops are already en route to Texas to guard the border.", "deploy")
    assert not [e for e in events_of("A new deal on asylum is on its way, officials said.") if e.type == "travel"]
    assert not [e for e in events_of("Migrants said the caravan was on the way to success.") if e.type == "travel"]


@pytest.mark.model
def test_events_putting_a_stop_to_a_group_blocks_it():
    assert only("Trump vowed to put a stop to the caravan.", "block").modality == "planned"
    assert not [e for e in events_of("Trump vowed to put a stop to the trade war with Mexico.") if e.type == "block"]


@pytest.mark.model
def test_events_pushing_past_police_crosses():
    assert only("Hundreds of migrants pushed past Mexican riot police at the bridge.", "cross").actor == "migrants"
    assert not [e for e in events_of("The senator pushed past reporters at the Capitol.") if e.type == "cross"]


@pytest.mark.model
def test_events_passive_participle_on_the_clause_was_done_to_its_subject():
    text = "The migrants slept on the bridge after being driven back by Mexican police."
    event = only(text, "block")
    assert event.actor == "Mexican police" and text[event.start : event.end] == "driven back"
    text = "Having stopped the caravan at the bridge, police sent the migrants back to Guatemala."
    assert only(text, "block").actor == "police"  # an active participle: "having" is no passive


@pytest.mark.model
def test_events_a_group_joined_by_others_is_a_journey_of_the_others():
    text = "Overnight the group was joined by about 1,500 additional migrants."
    event = only(text, "travel", quantities=[people(text, "about 1,500 additional migrants", 1125, 1875)])
    assert event.actor == "additional migrants" and event.size == [1125, 1875]
    assert not [e for e in events_of("The caravan was followed by police.") if e.type == "travel"]


@pytest.mark.model
def test_events_nor_and_neither_deny():
    assert only("Nor can families be kept in detention centers while they wait.", "detain").modality == "negated"
    assert only("The migrants did not cross, nor did they return home.", "return").modality == "negated"
    assert only("Neither Mexico nor Guatemala stopped the caravan.", "block").modality == "negated"
    assert only("Mexico and Guatemala stopped the caravan.", "block").modality == "asserted"


@pytest.mark.model
def test_events_a_group_separating_from_the_caravan_departs():
    text = "A group of about 150 migrants separated from the larger caravan near Tijuana."
    assert only(text, "depart", places=[place(text, "Tijuana", "city", "MX")]).place == "Tijuana"
    text = "Hundreds of children had been separated from their families at the border."
    assert not [e for e in events_of(text) if e.type == "depart"]  # done to them: family separation


@pytest.mark.model
def test_events_migrants_presenting_themselves_cross():
    text = "Some 401 migrants presented themselves at ports of entry to request asylum."
    assert only(text, "cross").modality == "asserted"
    assert not [e for e in events_of("The migrants presented their papers at the border.") if e.type == "cross"]


@pytest.mark.model
def test_events_lethal_force_is_force_and_military_force_a_deployment():
    text = "Trump gave the troops the OK to use lethal force against migrants at the border."
    assert [e.type for e in events_of(text)] == ["force"]
    assert [e.type for e in events_of("Trump threatened to use military force against the caravan.")] == ["deploy"]


@pytest.mark.model
def test_events_a_court_blocking_a_policy_is_a_policy_event():
    text = "A federal judge on Monday blocked the policy of returning asylum seekers to Mexico."
    assert only(text, "policy")
    assert not [e for e in events_of(text) if e.type == "block"]


@pytest.mark.model
def test_events_speaker_whereabouts_are_no_place_of_the_act():
    text = "Speaking to reporters while in Florida for the holiday, Trump threatened to close the border with Mexico."
    florida = place(text, "Florida", "admin", "US")
    assert only(text, "block", places=[florida]).place is None
    text = "When the caravan arrived at San Ysidro, the US did not allow any of its members to enter."
    ysidro = place(text, "San Ysidro", "city", "US")
    assert only(text, "block", places=[ysidro]).place == "San Ysidro"


@pytest.mark.model
def test_events_an_official_acts_for_their_government():
    text = "The migrants wanted to visit Mexico, but Trump closed the border."
    assert only(text, "block", places=[place(text, "Mexico", "country", "MX")]).country == "US"
    text = "The Trump administration deployed 5,000 troops to the border."
    assert only(text, "deploy").country == "US"
    assert only("López Obrador deployed the National Guard to the border.", "deploy").country == "MX"
    text = "Officer Morales closed the border to the migrants."  # a surname many share names no government
    assert only(text, "block").country is None


@pytest.mark.model
def test_events_first_person_in_an_officials_quote_is_their_government():
    text = "“We are not allowing them in our country,” Trump said of the caravan."
    start, end = at(text, "We are not allowing them in our country")
    said = Quote(start=start, end=end, kind="direct", speaker="Donald Trump")
    assert only(text, "block", quotes=[said]).country == "US"
    text = "Morales said the caravan “will be stopped at the border.”"
    start, end = at(text, "will be stopped at the border.")
    said = Quote(start=start, end=end, kind="direct", speaker="Jimmy Morales")
    assert only(text, "block", quotes=[said]).country is None  # no actor: the speaker may report another's act


@pytest.mark.model
def test_events_where_people_come_from_is_no_country_of_the_act():
    text = "The administration barred refugees from Syria."
    assert only(text, "block", places=[place(text, "Syria", "country", "SY")]).country is None
    text = "The orders from Washington are to deploy troops to the border."
    assert only(text, "deploy", places=[place(text, "Washington", "country", "US")]).country == "US"
    text = "Thousands of migrants were deported from Mexico."
    assert only(text, "return", places=[place(text, "Mexico", "country", "MX")]).country == "MX"


@pytest.mark.model
def test_events_about_as_a_preposition_predicts_nothing():
    text = "A migrant who had heard about the plan to deploy troops was surprised."
    assert only(text, "deploy").modality == "planned"
    assert only("The caravan is about to cross the border into Mexico.", "cross").modality == "predicted"


@pytest.mark.model
def test_events_an_infinitive_inside_a_purpose_is_planned():
    text = "The president will deliver a speech this week to outline further actions to halt the migrant caravan."
    assert only(text, "block").modality == "planned"


@pytest.mark.model
def test_events_passive_whose_subject_the_parser_made_an_object_is_done_to_it():
    text = "The governor spoke to reporters and promised migrants illegally crossing the river will be stopped."
    assert only(text, "block")
    text = "The mayor thanked the volunteers and the road will be closed."
    assert not [e for e in events_of(text) if e.type == "block"]


@pytest.mark.model
def test_events_the_means_of_avoiding_something_happened():
    text = "The migrants entered Mexico, avoiding the federal police by jumping off the border bridge into the river."
    assert {e.modality for e in events_of(text) if e.type == "cross"} == {"asserted"}
    assert only("The migrants avoided crossing the river.", "cross").modality == "negated"


@pytest.mark.model
def test_events_stopping_before_a_time_does_not_deny_what_comes_after_it():
    text = "He praised Mexico for stopping border crossings after his threat to shut down the border to the migrants."
    assert only(text, "block").modality != "negated"
    assert only("The migrants stopped walking north on Monday.", "travel").modality == "negated"


@pytest.mark.model
def test_events_move_in_the_lede_in_the_datelines_country_takes_its_town():
    text = "TIJUANA (Daily One) - Some 300 migrants in Mexico camped on Monday beside the border fence."
    tijuana = Place(start=0, end=7, name="Tijuana", feature="city", country="MX", lat=32.5, lon=-117.0)
    mexico = place(text, "Mexico", "country", "MX")
    assert only(text, "gather", places=[tijuana, mexico]).place == "Tijuana"
    text = "WASHINGTON (Daily One) - Some 300 migrants in Mexico camped on Monday beside the border fence."
    washington = Place(start=0, end=10, name="Washington", feature="city", country="US", lat=38.9, lon=-77.0)
    assert only(text, "gather", places=[washington, place(text, "Mexico", "country", "MX")]).place is None
    text = "WASHINGTON (Daily One) - The president moved to stop thousands of migrants traveling to the United States."
    us = place(text, "United States", "country", "US")
    assert only(text, "travel", places=[washington, us]).place is None  # a group under way is not in the capital


@pytest.mark.model
def test_events_a_journey_that_began_near_a_place_departs():
    text = (
        "The migrants rested in the park, exhausted after their trek that began weeks ago near the border with"
        " Guatemala."
    )
    assert only(text, "depart").modality == "asserted"  # the parser hangs "that began" on "exhausted"
    assert only("The migrants camped near the border fence for a week.", "gather")


@pytest.mark.model
def test_events_coordinated_verbs_share_the_object_after_them():
    text = "Border officials say they have caught or rejected 475,000 family members in the past 10 months."
    event = only(text, "detain", quantities=[people(text, "475,000", 475000, 475000)])
    assert text[event.start : event.end] == "caught" and event.size == [475000, 475000]
    assert not events_of("Police say they have caught or rejected 50 gang members this year.")


@pytest.mark.model
def test_events_two_acts_of_one_type_on_different_dates_stay_two():
    text = (
        "On July 15 the administration unveiled a rule on asylum at the border, and on August 12 it announced a"
        " regulation denying visas to migrants."
    )
    july, august = date(text, "July 15", "2019-07-15"), date(text, "August 12", "2019-08-12")
    assert [e.date for e in events_of(text, dates=[july, august]) if e.type == "policy"] == ["2019-07-15", "2019-08-12"]


@pytest.mark.model
def test_events_present_when_clause_of_a_kind_of_people_is_a_habit():
    assert types_of("Look what it costs us when a teenager crosses the border illegally without an adult.") == []
    assert types_of("When migrants cross the river, agents detain them.") == []


@pytest.mark.model
def test_events_when_clause_of_a_specific_group_or_past_tense_is_an_event():
    assert "cross" in types_of("When the caravan crossed the river, agents detained dozens.")
    assert "arrive" in types_of("When the caravan reaches a town, residents bring the migrants food.")
    assert "cross" in types_of("It cost us a lot when a teenager crossed the border without an adult.")


@pytest.mark.model
def test_events_indefinite_singular_defined_by_a_present_relative_clause_is_a_kind():
    assert types_of("An immigrant who enters the country illegally is deported.") == []
    assert "cross" in types_of("A migrant who crossed the river on Monday was detained.")


@pytest.mark.model
def test_events_modality_present_time_clause_of_a_future_is_predicted():
    assert only("When the caravan arrives at the border, troops will stop it.", "arrive").modality == "predicted"
    assert only("After the caravan leaves, police will clear the camp.", "depart").modality == "predicted"
    assert only("When the caravan arrived at the border, troops stopped it.", "arrive").modality == "asserted"


@pytest.mark.model
def test_events_refusing_to_receive_a_group_is_a_block():
    event = only("Mexico refused to receive the migrants.", "block")
    assert event.modality == "asserted" and event.country == "MX"  # the refusal is the block, not its denial
    assert only("Guatemala declined to accept the deportees.", "block").modality == "asserted"


@pytest.mark.model
def test_events_not_receiving_a_thing_is_no_block():
    assert types_of("Other issues, such as reforming the immigration process, don't receive as much attention.") == []
    assert types_of("Counties that don't accept requests from immigration agents were studied.") == []


@pytest.mark.model
def test_events_law_and_order_is_no_decree():
    assert types_of("The governor ran on a law and order agenda to crack down on the border.") == []
    assert "policy" in types_of("The governor issued an order to close the border to the migrants.")


@pytest.mark.model
def test_events_actor_keeps_a_hyphenated_modifier_whole():
    assert only("A so-called caravan of Central Americans has been working its way north.", "travel").actor == (
        "so-called caravan"
    )


@pytest.mark.model
def test_events_subject_inside_brackets_is_an_aside():
    text = (
        "Enter the caravan. From out of nowhere (or more precisely, Honduras) a so-called caravan of impoverished "
        "Central Americans has been slowly working its way toward the southern border of the United States with the "
        "announced intention of seeking mass asylum."
    )
    assert only(text, "travel").actor == "so-called caravan"


@pytest.mark.model
def test_events_actor_stops_before_an_unclosed_bracket():
    register_extensions()
    doc = load_model(Settings().model_en)("Last week an unaccompanied minor (UAM) from El Salvador crossed the river.")
    (subject,) = [t for t in doc if t.dep_ == "nsubj"]  # the parser makes the bracketed acronym the subject
    assert subject.text == "UAM" and actor_text(doc, subject) == "unaccompanied minor"


@pytest.mark.model
def test_events_overrunning_the_border_is_a_crossing():
    assert only("The danger is that the caravan would simply overrun the border.", "cross").actor == "caravan"


@pytest.mark.model
def test_events_forcing_a_way_over_the_border_is_a_crossing():
    text = "Hundreds of migrants tried to force their way over the border on Sunday."
    assert only(text, "cross").actor == "migrants"  # "over the border" hangs on "way", not on the verb


@pytest.mark.model
def test_events_people_of_a_continent_are_movers():
    text = "More than 7,000 Africans have been trapped for weeks in Tapachula."
    assert only(text, "block", places=[place(text, "Tapachula", country="MX")]).place == "Tapachula"


@pytest.mark.model
def test_events_modality_coordinated_negation_without_auxiliary_shares_the_modal():
    text = "Mexico must stop the migrants and not allow them to pass into the United States."
    assert [e.modality for e in events_of(text) if e.type == "block"] == ["planned", "planned"]


@pytest.mark.model
def test_events_modality_policy_being_weighed_is_planned():
    event = only("The government is weighing an order to deny asylum to the migrants.", "policy")
    assert event.modality == "planned"


@pytest.mark.model
def test_events_movement_noun_finds_its_of_phrase_moved_onto_the_verb():
    text = "Militarization sped up after the arrival in Tijuana, on the Mexican side, of the caravan of migrants."
    event = only(text, "arrive", places=[place(text, "Tijuana", country="MX")])
    assert event.actor == "caravan" and event.place == "Tijuana"


@pytest.mark.model
def test_events_a_count_of_other_people_is_no_moving_group():
    assert types_of("Tens of thousands of protesters marched in cities across the country on Saturday.") == []
    assert types_of("A group of bipartisan legislators met for several hours on Tuesday night.") == []


@pytest.mark.model
def test_events_the_members_near_a_caravan_are_its_members():
    assert "cross" in types_of("The caravan reached the bridge. Some of the members were allowed to cross.")
    assert "cross" not in types_of("Congress met at the bridge. Some of the members of Congress were allowed to cross.")


@pytest.mark.model
def test_events_verb_read_as_a_noun_takes_the_name_on_it_as_subject():
    text = (
        "The group unveiled its proposal at a news conference, essentially laying down a marker on the issue one day "
        "before President Barack Obama heads to Las Vegas to unveil more details about his plan."
    )
    assert "travel" not in types_of(text)  # Obama travels, not the group named before


@pytest.mark.model
def test_events_of_two_parsed_subjects_the_one_right_before_the_verb_acts():
    text = (
        "Also stuck in her car waiting to cross was 54-year-old Aurora Diaz, who said her daughter was reluctant "
        "to visit Mexico in case Trump closed the border."
    )
    assert only(text, "block").actor == "Trump"
    text = "The migrants in the caravan, many of whom are trudging north on worn shoes, were tired on Sunday."
    assert only(text, "travel").actor == "migrants"  # "many of whom" stands for the migrants


@pytest.mark.model
def test_events_modality_a_verb_beside_stop_doing_is_not_stopped():
    text = "Hundreds of migrants stopped waiting at the bridge and swam across the river into Mexico."
    assert only(text, "cross", places=[place(text, "Mexico", "country", "MX")]).modality == "asserted"


@pytest.mark.model
def test_events_verbs_share_an_object_only_when_nothing_of_their_own_stands_between():
    assert "block" not in types_of("Police stopped searching and detained the migrants at the border.")
    text = "Officials vowed to round up and deport the estimated 11 million migrants."
    assert only(text, "detain", quantities=[people(text, "11 million migrants", 11e6, 11e6)]).size is not None


@pytest.mark.model
def test_events_place_of_what_the_group_went_on_to_do_is_not_the_trigger_place():
    text = (
        "The missive came after a Sunday that saw hundreds of migrants from a caravan that originated in Central "
        "America pushing past Mexican police and rushing the San Ysidro port of entry near San Diego."
    )
    given = [place(text, "San Ysidro", country="US"), place(text, "San Diego", country="US")]
    departure = only(text, "depart", places=given)
    assert departure.place is None  # not San Diego, where the group went on to rush the port


@pytest.mark.model
def test_events_modality_facing_an_act_in_the_present_is_a_prospect():
    text = "Trump told Mexico to send the migrants back to their countries or face a permanent closure of the border."
    assert only(text, "block").modality == "predicted"
    text = "The migrants faced a closure of the border at the crossing on Sunday."
    assert only(text, "block").modality == "asserted"


@pytest.mark.model
def test_events_triggers_of_a_type_in_unrelated_clauses_are_events_of_their_own():
    text = (
        "The president suggested the border could be closed as he insisted members of the caravan would not be "
        "let into the United States."
    )
    blocks = [e for e in events_of(text) if e.type == "block"]
    assert [text[e.start : e.end] for e in blocks] == ["closed", "let into"]


@pytest.mark.model
def test_events_of_one_scene_share_the_place_they_lack():
    tijuana = "The caravan set off again, forming a column a mile long as the group trekked out of Tijuana."
    departures = [e for e in events_of(tijuana, places=[place(tijuana, "Tijuana", country="MX")]) if e.type == "depart"]
    assert len(departures) == 2
    assert [e.place for e in departures] == ["Tijuana", "Tijuana"]


@pytest.mark.model
def test_events_triggers_that_tell_one_event_again_are_one_event():
    coordinated = "Mexico will not let the caravan pass and would do everything in its power to stop the group."
    assert types_of(coordinated).count("block") == 1
    en_route = "A family, part of a caravan of thousands traveling from Honduras en route to the United States, runs."
    assert types_of(en_route).count("travel") == 1
    clause = "Mexican authorities began handing out temporary visas that gave them legal status."
    assert types_of(clause).count("policy") == 1
    repeated = "The judge said the asylum order is defective because the order fails to address the president's powers."
    assert types_of(repeated).count("policy") == 1


@pytest.mark.model
def test_events_a_plural_pronoun_finds_its_group_over_a_sentence_naming_nothing_plural():
    text = (
        "The president insisted members of the caravan would not be let into the United States. "
        '"We have closed the border before. They are not coming into our country," he said.'
    )
    crossing = only(text, "cross")
    assert (text[crossing.start : crossing.end], crossing.modality) == ("coming", "negated")
    officials = (
        "The president insisted members of the caravan would not be let into the United States. "
        "Officials told reporters the border was closed. They are not coming into our country, he said."
    )
    assert "cross" not in types_of(officials)  # "they" may be the officials


@pytest.mark.model
def test_events_coming_into_our_country_is_a_crossing():
    assert types_of("The migrants will not be coming into our country, the president said.") == ["cross"]
    assert "cross" not in types_of("The migrants walked across the country for weeks.")


@pytest.mark.model
def test_events_a_verb_coordinated_without_and_shares_the_modal():
    text = "Mexico must stop the migrants at its southern border, not allow them to pass into our country."
    blocks = [e for e in events_of(text) if e.type == "block"]
    assert len(blocks) == 1
    assert blocks[0].modality == "planned"


@pytest.mark.model
def test_events_what_a_future_would_cause_people_to_do_is_predicted():
    text = "The administration said the ruling would cause thousands of migrants to pour into our country."
    assert only(text, "cross").modality == "predicted"
    assert only("The ruling caused thousands of migrants to pour into our country.", "cross").modality == "asserted"


@pytest.mark.model
def test_events_a_clause_after_an_if_clause_without_a_verb_is_conditional():
    text = (
        "In addition to stopping all payments to these countries, which seem to have almost no control over their "
        "population, I must, in the strongest of terms, ask Mexico to stop this onslaught - and if unable to do so "
        "I will call up the U.S. Military and CLOSE OUR SOUTHERN BORDER!"
    )
    assert only(text, "deploy").modality == "conditional"
    inside = "Authorities would remove children if the parent they were travelling with had broken the law."
    assert only(inside, "travel").modality == "asserted"  # a clause on the "if" clause's noun is not its consequent


@pytest.mark.model
def test_events_hopefully_is_a_hope_not_a_plan():
    assert only("Hopefully Mexico will stop the caravan at its northern border.", "block").modality == "predicted"


@pytest.mark.model
def test_events_payments_to_countries_are_aid():
    text = "Trump said he would stop all payments to Honduras and Guatemala unless they stop the caravan."
    assert "aid" in types_of(text)


@pytest.mark.model
def test_events_being_unable_to_act_is_a_failure_not_nothing():
    assert only("Mexican police were unable to stop the caravan of migrants.", "block").modality == "negated"
    assert only("The migrants were unable to cross the river into Mexico.", "cross").modality == "negated"
    assert "cross" not in types_of("The migrants will be unable to cross into Mexico.")  # what cannot happen
    assert "travel" not in types_of("Buses are provided for those migrants unable to walk long distances.")


@pytest.mark.model
def test_events_a_journey_is_not_placed_where_its_people_are_from():
    text = (
        "The caravan of migrants, mostly from Guatemala and Honduras, slept in a town square but awoke Monday "
        "determined to resume their journey to the U.S. border."
    )
    places = [place(text, "Guatemala", "country", "GT"), place(text, "Honduras", "country", "HN")]
    assert only(text, "travel", places=places).country != "GT"
    under_way = "Thousands of migrants were making their way north from Honduras."
    honduras = [place(under_way, "Honduras", "country", "HN")]
    assert only(under_way, "travel", places=honduras).country == "HN"  # where a move comes from


@pytest.mark.model
def test_events_measures_designed_to_act_are_planned():
    text = "Trump is weighing options designed to prevent undocumented migrants from crossing the border."
    assert only(text, "block").modality == "planned"


@pytest.mark.model
def test_events_an_assuming_clause_is_conditional_for_all_its_verbs():
    text = "The migrants, assuming they reached and attempted to cross the U.S. border, would be detained."
    assert only(text, "cross").modality == "conditional"
    assert only(text, "detain").modality == "conditional"


@pytest.mark.model
def test_events_a_population_counted_by_a_figure_is_a_kind():
    assert "cross" not in types_of("The number of migrants crossing the border rose last month.")
    change = (
        "Migrants from Honduras kept coming north. The debate was followed by increases in Central Americans "
        "attempting to enter the U.S. illegally."
    )
    assert "cross" not in types_of(change, places=[place(change, "U.S.", "country", "US")])
    group = "The total number of migrants now headed to the U.S. border is estimated to be about 7,200."
    assert "travel" in types_of(group)  # a group on its way now
    assert "travel" in types_of("The number of the migrants traveling in the caravan rose to 7,000.")


@pytest.mark.model
def test_events_an_authority_s_habit_is_no_event():
    assert types_of("Border agents routinely use tear gas on migrants at the fence.") == []
    assert types_of("Border agents use tear gas on migrants all the time.") == []
    assert types_of("Border agents used tear gas on migrants at the fence.") == ["force"]
    text = (
        "Ports of entry are already overwhelmed with asylum seekers; at most ports, asylum seekers have to wait on "
        "the Mexican side of the border, sometimes for weeks."
    )
    assert "block" in types_of(text)  # the habit is the waiting's, not the ports'


@pytest.mark.model
def test_events_what_happened_before_they_could_act_forestalled_it():
    text = "But before they could reach the Tijuana side of the bridge, agents turned the migrants back."
    tijuana = [place(text, "Tijuana", country="MX")]
    assert only(text, "arrive", places=tijuana).modality == "negated"
    done = "Before they reached the Tijuana side of the bridge, the migrants rested."
    assert only(done, "arrive", places=[place(done, "Tijuana", country="MX")]).modality == "asserted"


@pytest.mark.model
def test_events_could_not_process_them_is_a_block_in_force():
    text = "The migrants were told to wait because officers said they could not process them in large groups."
    assert only(text, "block").modality == "asserted"


@pytest.mark.model
def test_events_a_passive_phrase_on_a_complement_verb_is_done_to_the_sentence_subject():
    text = "Mexican families began settling along the border in September, after being turned away at the port."
    assert "block" in types_of(text)


@pytest.mark.model
def test_events_a_time_clause_of_a_purpose_is_what_is_expected():
    text = "The US has enlisted Mexico to apprehend Central American migrants before they get to the border."
    events = {e.type: e.modality for e in events_of(text)}
    assert events == {"detain": "planned", "arrive": "predicted"}
    under_way = (
        "The Pentagon said on Friday it is preparing to send 500 soldiers to the border, at the request of the "
        "governor, as a caravan of thousands of migrants makes its way through Mexico."
    )
    assert only(under_way, "travel").modality == "asserted"


@pytest.mark.model
def test_events_an_act_added_to_the_main_clause_shares_its_modality():
    text = "The caravan moved north. In addition to stopping all payments to Honduras, I must ask Mexico to stop it."
    assert only(text, "aid").modality == "planned"
    besides = "The caravan moved north. Besides cutting aid to Honduras, the president will close the border."
    assert only(besides, "aid").modality == "planned"


@pytest.mark.model
def test_events_a_hyphenated_verb_split_by_the_tokenizer_is_one_trigger():
    text = "Border agents tear-gassed the migrants at the fence."
    event = only(text, "force")
    assert (event.start, event.end) == at(text, "tear-gassed")


@pytest.mark.model
def test_events_a_participle_the_parser_hung_on_be_is_its_passive():
    text = "The migrants were pepper-sprayed and beaten by police in Tijuana."
    assert only(text, "force").actor == "police"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("He crossed the border in May after fleeing political persecution in Eritrea.", "depart", "fleeing"),
        ("A Salvadoran asylum seeker fled to Mexico with the caravan last spring.", "travel", "fled to"),
        ("Daniel, an asylum seeker, was put in immigration detention in Texas.", "detain", "put"),
        ("The asylum seeker was transferred to a detention center in El Paso.", "detain", "transferred"),
        ("The government has ousted more than 20,000 illegal immigrants since March.", "return", "ousted"),
        ("She spoke about her brother's deportation in 2017.", "return", "deportation"),
        ("A large part of the caravan gained entry at the port on Monday.", "cross", "gained entry"),
    ],
)
def test_events_moves_of_people_told_by_what_they_flee_where_they_are_held_or_sent(text, kind, trigger):
    assert [(e.type, e.start, e.end) for e in events_of(text) if e.type == kind] == [(kind, *at(text, trigger))]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The treaty shields refugees fleeing war at home.",
        "Some lawyers say asylum claims are used by migrants to gain entry into the country.",
        "Anyone fleeing violence may apply for asylum at the border.",
    ],
)
def test_events_a_kind_of_people_fleeing_or_gaining_entry_is_no_event(text):
    assert types_of(text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The governor barred migrants from requesting asylum between ports of entry.", "barred"),
        ("A federal judge nixed the president's asylum regulation.", "nixed"),
        ("A judge in Seattle put an injunction on the asylum policy.", "injunction"),
        (
            "The department rescinded the Deferred Action for Childhood Arrivals program, known as DACA.",
            "rescinded",
        ),
        ("The administration created the DACA program in 2012.", "created"),
    ],
)
def test_events_court_acts_and_rules_barring_people_are_policy(text, trigger):
    assert [(e.start, e.end) for e in events_of(text) if e.type == "policy"] == [at(text, trigger)]


@pytest.mark.model
def test_events_barring_something_from_an_act_is_no_rule_about_people():
    text = "The caravan moved north. Budget cuts prevented it from fulfilling its duties to the town."
    assert "policy" not in types_of(text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("Agents at the border were seen waving the migrants through at the gate.", "cross", "waving"),
        ("Last year, Border Patrol agents encountered 40,000 family units near the border.", "detain", "encountered"),
        ("About 2,000 children who had poured over the border were sent to shelters.", "cross", "poured"),
        ("Many of the asylum seekers made the journey by bus.", "travel", "made"),
    ],
)
def test_events_groups_waved_through_encountered_or_pouring_over_and_journeys_made(text, kind, trigger):
    assert [(e.start, e.end) for e in events_of(text) if e.type == kind] == [at(text, trigger)]


@pytest.mark.model
def test_events_force_named_by_a_noun_is_done_by_its_by_phrase_not_by_who_describes_it():
    text = "Senator Lena Ortiz condemned the gassing of women and children at the border."
    assert only(text, "force").actor is None
    by = "Officials condemned the beating of migrants by police in the border town."
    assert only(by, "force").actor == "police"


@pytest.mark.model
def test_events_a_kind_of_people_willing_to_make_the_trip_is_no_journey():
    text = "The agency has to stop determined migrants willing to make the trip and ready to claim asylum."
    assert "travel" not in types_of(text)


@pytest.mark.model
def test_events_coming_in_is_a_crossing():
    text = "“They are not coming in,” the president said of the caravan at the border."
    assert [(e.type, e.modality) for e in events_of(text)] == [("cross", "negated")]


@pytest.mark.model
def test_events_a_move_made_as_children_defines_a_class_of_people():
    text = "The program protects hundreds of thousands of immigrants who entered the country as children."
    assert "cross" not in types_of(text)
    group = "Hundreds of migrants entered the country on Monday, among them many children."
    assert "cross" in types_of(group)


@pytest.mark.model
def test_events_a_crowd_fended_off_with_an_instrument_is_blocked_by_who_used_it():
    text = "Police officers used batons to fend off a crowd of about 200 migrants at the bridge."
    assert only(text, "block").actor == "Police officers"


@pytest.mark.model
def test_events_a_rule_acted_on_again_is_a_policy_where_the_article_named_it_for_migrants():
    text = (
        "The governor signed a decree barring asylum seekers from entering the state. "
        "The weather was mild that week. A state judge on Friday blocked the decree."
    )
    blocked = [e for e in events_of(text) if e.type == "policy" and text[e.start : e.end] == "blocked"]
    assert len(blocked) == 1
    other = "The governor signed a decree on school meals. The weather was mild. A judge on Friday blocked the decree."
    assert "policy" not in types_of(other)


@pytest.mark.model
def test_events_a_rule_is_no_actor_of_its_own_policy():
    text = "It unveiled a regulation denying visas to migrants who earn too little."
    assert [e.actor for e in events_of(text) if e.type == "policy"] == [None]


@pytest.mark.model
def test_events_what_failed_attempts_were_for_did_not_happen():
    failed = "That came after two failed attempts in the Senate to pass a bill on asylum."
    assert [e.modality for e in events_of(failed) if text_of(failed, e) == "pass"] == ["negated"]
    tried = "That came after two new attempts in the Senate to pass a bill on asylum."
    assert [e.modality for e in events_of(tried) if text_of(tried, e) == "pass"] == ["planned"]


def text_of(text: str, event: Event) -> str:
    return text[event.start : event.end]


@pytest.mark.model
def test_events_if_after_a_verb_that_asks_is_whether_not_a_condition():
    asked = "A senator wondered on Twitter if the use of tear gas on the migrants violated the law."
    assert only(asked, "force").modality == "asserted"
    condition = "If agents use tear gas on the migrants, the senator will object."
    assert only(condition, "force").modality == "conditional"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Officials said the border station is holding 40 migrants from Guatemala.", "holding"),
        ("The families were housed in a converted warehouse near the border.", "housed"),
        ("The asylum seekers were held under difficult conditions for days.", "held"),
        ("Agents carried out immigration raids in three cities on Thursday.", "raids"),
    ],
)
def test_events_people_a_place_of_custody_holds_or_a_raid_are_detained(text, trigger):
    assert [(e.type, e.start, e.end) for e in events_of(text) if e.type == "detain"] == [("detain", *at(text, trigger))]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The bus station kept its doors open for travelers.",
        "The police station is holding a fundraiser for the school.",
    ],
)
def test_events_a_station_holding_no_people_detains_no_one(text):
    assert "detain" not in types_of(text)


@pytest.mark.model
def test_events_people_kept_somewhere_are_held_not_travelling():
    assert types_of("The migrant children were kept in crowded conditions for weeks.") == ["detain"]
    assert "travel" not in types_of("The migrant families were kept there for two weeks.")
    assert types_of("The caravan kept going north toward the capital on Monday.") == ["travel"]


@pytest.mark.model
def test_events_a_court_halting_a_relief_for_migrants_is_a_policy():
    text = "A federal judge halted the amnesty for undocumented parents on Tuesday."
    assert [(e.type, e.start, e.end) for e in events_of(text)] == [("policy", *at(text, "halted"))]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("Hundreds of migrants slept on the border bridge on Saturday.", "gather", "slept"),
        ("The marchers reached the plaza, where the migrants spent the night.", "gather", "spent the night"),
        ("Members of the caravan are stuck in Guatemala.", "block", "stuck"),
    ],
)
def test_events_a_group_resting_somewhere_or_stuck_there(text, kind, trigger):
    assert [(e.type, e.start, e.end) for e in events_of(text) if e.type == kind] == [(kind, *at(text, trigger))]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Migrants sleep in shelters while they wait for their hearings.",
        "The senator wanted to stick it to the migrants' critics in Congress.",
    ],
)
def test_events_a_kind_sleeping_or_sticking_it_to_someone_is_no_event(text):
    assert types_of(text) == []


@pytest.mark.model
def test_events_leaving_school_or_work_is_no_departure():
    assert "depart" not in types_of("The study followed a group of immigrants who had left school at sixteen.")
    assert types_of("The group of migrants left the shelter in Tapachula on Monday.") == ["depart"]


@pytest.mark.model
def test_events_shielding_immigrants_from_deportation_is_a_policy():
    text = "About 400,000 young immigrants have been shielded from deportation since 2012."
    assert [(e.type, e.start, e.end) for e in events_of(text)] == [("policy", *at(text, "shielded"))]
    assert types_of("Volunteers protect immigrant families from unsafe housing.") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The government is moving to deport the families held in Texas.", "return"),
        ("Officials said they need to detain the migrants for several days.", "detain"),
    ],
)
def test_events_modality_moving_or_needing_to_act_is_planned(text, kind):
    assert only(text, kind).modality == "planned"


@pytest.mark.model
def test_events_modality_police_setting_up_a_roadblock_is_asserted():
    assert only("Police set up a roadblock to stop the caravan near the border.", "block").modality == "asserted"


@pytest.mark.model
def test_events_an_officials_own_policy_is_his_governments():
    event = only("Donald Trump's new travel ban worried immigrant families from Iran and Syria.", "policy")
    assert (event.actor, event.country) == ("Donald Trump", "US")


@pytest.mark.model
def test_events_entry_barred_to_a_country_happens_there_not_where_its_people_come_from():
    text = "The new order blocks entry to the United States for travelers from four countries, including Chad."
    assert only(text, "block").country == "US"
    assert only("Officials turned away travelers from four countries, including Chad.", "block").country != "TD"


@pytest.mark.model
def test_events_a_move_dated_by_a_cutoff_defines_who_qualifies():
    assert types_of("Only immigrants who had arrived before June 2009 could apply for the permits.") == []
    assert "arrive" in types_of("The migrants who arrived before dawn on Sunday slept at the shelter.")
