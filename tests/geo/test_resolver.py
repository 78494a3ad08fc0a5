"""The resolver's decisions: countries over towns, ambiguous towns by context and container, abstention."""

from __future__ import annotations

from collections import Counter

from caravan.geo.patterns import find_border_compounds, find_directional_borders, find_single_borders
from caravan.geo.resolver import Context, Mention, Resolver
from caravan.geo.store import Gazetteer

MIN_SCORE = 0.35


def resolve(gazetteer: Gazetteer, *names: str, context: Context | None = None, **said) -> list:
    resolver = Resolver(gazetteer, MIN_SCORE)
    mentions = [Mention(i * 20, i * 20 + len(n), n, **said) for i, n in enumerate(names)]
    return resolver.resolve(mentions, context)


def test_resolver_country_beats_town_of_the_same_name(gazetteer: Gazetteer):
    (r,) = resolve(gazetteer, "Mexico")
    assert r.choice.feature == "country" and r.choice.country == "MX"


def test_resolver_country_beats_capital_named_after_it(gazetteer: Gazetteer):
    (r,) = resolve(gazetteer, "Guatemala")
    assert r.choice.feature == "country"


def test_resolver_ambiguous_town_follows_the_document_country(gazetteer: Gazetteer):
    guatemalan = resolve(gazetteer, "Guatemala", "Morales")[1]
    colombian = resolve(gazetteer, "Colombia", "Morales")[1]
    assert guatemalan.choice.country == "GT"
    assert colombian.choice.country == "CO"


def test_resolver_demonym_context_places_a_town(gazetteer: Gazetteer):
    (r,) = resolve(gazetteer, "Morales", context=Context(countries=Counter({"GT": 2})))
    assert r.choice.admin1 == "Izabal"


def test_resolver_container_overrides_population(gazetteer: Gazetteer):
    (r,) = resolve(gazetteer, "Santa Elena", container="GT")
    assert r.choice.country == "GT"
    (r,) = resolve(gazetteer, "Santa Elena", container="EC")
    assert r.choice.country == "EC"


def test_resolver_named_feature_picks_the_division(gazetteer: Gazetteer):
    (r,) = resolve(gazetteer, "Santa Elena", kind="admin", container="EC")
    assert r.choice.feature == "admin"


def test_resolver_town_of_the_same_name_wins_inside_its_country(gazetteer: Gazetteer):
    (r,) = resolve(gazetteer, "Mexico", container="US", kind="city")
    assert r.choice.feature == "city" and r.choice.admin1 == "Missouri"


def test_resolver_region_from_curated_data(gazetteer: Gazetteer):
    (r,) = resolve(gazetteer, "Central America")
    assert r.choice.feature == "region" and r.choice.lat is not None


def test_resolver_abstains_below_the_minimum_score(gazetteer: Gazetteer):
    resolver = Resolver(gazetteer, 0.99)
    (r,) = resolver.resolve([Mention(0, 7, "Morales")])
    assert r.choice is None and r.alternatives


def test_resolver_abstains_on_unknown_names(gazetteer: Gazetteer):
    (r,) = resolve(gazetteer, "Xyzzyville")
    assert r.choice is None and r.score == 0.0


def test_resolver_explains_its_choice(gazetteer: Gazetteer):
    (r,) = resolve(gazetteer, "Morales", container="GT")
    assert set(r.reasons) >= {"name", "prior", "context", "coherence"}
    assert r.alternatives[0][0].country == "CO"


def test_patterns_border_compound_with_clipped_names(gazetteer: Gazetteer):
    (b,) = find_border_compounds("reporting on the Guat-Mex border today", gazetteer)
    assert b.text == "Guat-Mex border" and b.countries == ("GT", "MX")


def test_patterns_border_compound_drops_leading_the(gazetteer: Gazetteer):
    (b,) = find_border_compounds("The U.S.-Mexico border is long.", gazetteer)
    assert b.text == "U.S.-Mexico border" and b.countries == ("MX", "US")


def test_patterns_single_border_from_a_demonym(gazetteer: Gazetteer):
    assert find_single_borders("they head for the Mexican border", gazetteer) == [(18, 32, "MX")]


def test_patterns_directional_border_needs_a_centred_text(gazetteer: Gazetteer):
    assert find_directional_borders("troops at the southern border", {"US": 1}, gazetteer)[0].countries == ("MX", "US")
    assert find_directional_borders("troops at the southern border", {}, gazetteer) == []


def test_patterns_directional_border_of_a_possessive_owner(gazetteer: Gazetteer):
    (b,) = find_directional_borders("Mexico's southern border", {"US": 3, "MX": 1}, gazetteer)
    assert b.countries == ("GT", "MX")


def test_patterns_spanish_border_between_two_countries(gazetteer: Gazetteer):
    (b,) = find_border_compounds("llegaron a la frontera entre Guatemala y México el sábado", gazetteer)
    assert b.text == "frontera entre Guatemala y México" and b.countries == ("GT", "MX")
