"""Chooses the gazetteer entry each place mention refers to, with a score made of named, explainable parts.

A candidate's score is a weighted sum of: how well the name matched (own name, alternate, abbreviation), a prior
from its feature type and population (countries and first-level divisions beat towns of the same name), the
document's country and admin context (or the container the text gives: "San Pedro Sula, Honduras", "the
Guatemalan town of Morales"), the feature named by the text ("the town of X"), direction words ("Guatemala's
northern town of X") and spatial coherence with the document's other places. Resolution runs twice: first with
the context of unambiguous mentions, then with the context of every first choice. Below
``settings.place_min_score`` the resolver abstains.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from caravan.geo.curated import load_curated
from caravan.geo.store import NAME_KINDS, Candidate, Gazetteer

# weights of the score's parts (they add up to 1)
WEIGHTS: dict[str, float] = {"name": 0.25, "prior": 0.4, "context": 0.25, "coherence": 0.1}
# prior of each feature type; admin and city priors grow with population (log scale, 10 million = 1; for towns
# squared, so that a city of a million outweighs a hamlet of the same name)
FEATURE_PRIOR: dict[str, tuple[float, float]] = {
    "country": (1.0, 0.0),
    "border": (1.0, 0.0),
    "region": (0.9, 0.0),
    "admin": (0.45, 0.45),
    "city": (0.1, 0.9),
}
# priors that depend on the GeoNames code: national capitals ("Washington", "London") are what news usually
# means; second-level divisions (counties) rank below first-level ones; curated border crossings and route
# towns (code ROUTE) rank as sizeable towns
CODE_PRIOR: dict[str, tuple[float, float]] = {"PPLC": (0.75, 0.3), "ADM2": (0.1, 0.45), "ROUTE": (0.6, 0.0)}
# a town for a span NER calls a non-political location (LOC: seas, mountains, regions) or a building (FAC; the
# small model also gives FAC to towns, so the penalty stays small)
LABEL_PENALTY: dict[str, tuple[tuple[str, ...], float]] = {"LOC": (("city",), -0.1), "FAC": (("city", "admin"), -0.1)}
BIG_CITY_MARGIN = 0.25  # a big city keeps some context of its own: context >= population score - margin
POPULATION_SCALE = 7.0  # log10 of the population that counts as "large" (10 million)
MENTIONED = 0.5  # context of a country the document names at all; the most named one has 1
NO_CONTEXT = 0.3  # context part when the document gives no country context at all
WRONG_CONTAINER = -0.6  # context part of a candidate outside the country the text puts it in
FOREIGN_DIVISION = -0.4  # context part of a division of a country the document does not name
KIND_BONUS = 0.12  # added when the candidate has the feature the text names ("the town of X")
KIND_PENALTY = -0.25
DIRECTION_BONUS = 0.05  # "northern town of X": X lies on that side of its country's centroid
ADMIN_CONTEXT_BONUS = 0.3  # candidate lies in a first-level division the document names
HOME_NAME_MARGIN = 0.1  # how far an own-name town at home may trail an alternate-name rival abroad
COHERENCE_KM = 1000.0  # distance beyond which another place of the document no longer helps
EARTH_KM = 6371.0  # the earth's radius in haversine_km
CELL_KM = COHERENCE_KM * 1.01  # side of the cells of NearIndex, a little over COHERENCE_KM against rounding
MAX_CANDIDATES = 25  # most populous candidates kept per name
UNRANKED_KINDS = ("short",)  # kinds of name only trusted inside patterns (border compounds)
MAX_ACRONYM = 4  # longest all-caps word read as an abbreviation ("NYC", "UAE") rather than a name ("TEXAS")


@dataclass
class Mention:
    """A span of text that may name a place, with what the text around it says."""

    start: int
    end: int
    text: str
    source: str = "ner"  # NER label, or the pattern that found it
    container: str | None = None  # ISO2 the text puts it in
    container_admin: str | None = None
    kind: str | None = None  # feature named by the text: "city" or "admin"
    direction: tuple[int, int] | None = None
    candidates: tuple[Candidate, ...] = ()


@dataclass
class Resolution:
    """The resolver's choice for a mention (None when it abstains), its score and why."""

    mention: Mention
    choice: Candidate | None
    score: float
    reasons: dict[str, float] = field(default_factory=dict)
    alternatives: list[tuple[Candidate, float]] = field(default_factory=list)


@dataclass
class Context:
    """What the document says about where it is: countries and divisions named, and points already placed."""

    countries: Counter = field(default_factory=Counter)
    admins: set[tuple[str, str]] = field(default_factory=set)
    points: list[tuple[int, float, float]] = field(default_factory=list)  # (mention start, lat, lon)
    _near: NearIndex | None = field(default=None, repr=False, compare=False)

    def near(self) -> NearIndex:
        """The points by place, built once (again only when points were added since)."""
        if self._near is None or self._near.size != len(self.points):
            self._near = NearIndex(self.points)
        return self._near

    def country_weight(self, iso2: str | None) -> float:
        if not self.countries:
            return NO_CONTEXT
        top = max(self.countries.values())
        count = self.countries.get(iso2, 0) if iso2 else 0
        return 0.0 if not count else MENTIONED + (1.0 - MENTIONED) * min(1.0, count / top)


def strip_admin_word(text: str) -> str | None:
    """The name without a division word: "Oaxaca State" -> "Oaxaca", "State of Texas" -> "Texas"."""
    words = load_curated()["admin_words"]
    for before in words["before"]:
        if text.startswith(before + " "):
            return text[len(before) + 1 :]
    head, _, last = text.rpartition(" ")
    return head if head and last in words["words"] else None


def strip_direction(text: str) -> str | None:
    """The name without a leading direction word: "Southern California" -> "California" (part of a division or
    country is placed on the whole)."""
    head, _, rest = text.partition(" ")
    return rest if rest and head.lower() in load_curated()["directions"] else None


def is_caps(name: str) -> bool:
    """A name written in capitals only ("ACT", "SAN DIEGO"); "U.S." and "Calif." are abbreviations, not caps."""
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) > 1 and "." not in name and all(ch.isupper() for ch in letters)


def _initials_match(letters: str, name: str) -> bool:
    """An acronym stands for the name: "ACT" for "Australian Capital Territory", "DC" for "District of
    Columbia" (small connecting words may be skipped)."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    full = "".join(w[0] for w in words).upper()
    caps = "".join(w[0] for w in words if w[:1].isupper()).upper()
    return letters.upper() in (full, caps)


def acronym_candidates(name: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """An all-caps short word is an abbreviation: it names only places it abbreviates (postal and news
    abbreviations, or the initials of their name), never a town that merely shares its letters ("WA" is not the
    Ghanaian town of Wa, "ACT" not an airport code of Waco); a country's codes ("USA") are its own."""
    if len(name) <= MAX_ACRONYM - 1 and "." not in name and not is_caps(name):  # "Us" in a title is no "US"
        return tuple(c for c in candidates if c.kind == "name")
    if not is_caps(name) or " " in name or len(name) > MAX_ACRONYM:
        return candidates
    return tuple(
        c
        for c in candidates
        if c.kind == "abbr" or (c.feature == "country" and c.kind != "name") or _initials_match(name, c.name)
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _cell(lat: float, lon: float) -> tuple[int, int, int]:
    """The cell of a point: its position in space (km from the earth's centre) in cubes of CELL_KM. Two points
    less than COHERENCE_KM apart on the surface are less apart in a straight line, so in the same or next cells."""
    la, lo = math.radians(lat), math.radians(lon)
    x, y, z = math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)
    return (math.floor(x * EARTH_KM / CELL_KM), math.floor(y * EARTH_KM / CELL_KM), math.floor(z * EARTH_KM / CELL_KM))


class NearIndex:
    """The placed points of a document by place and by cell, so the nearest other place of a candidate is looked
    for among the distinct places of the next cells, once per candidate place, not among every mention again."""

    def __init__(self, points: list[tuple[int, float, float]]) -> None:
        self.size = len(points)
        self.starts: dict[tuple[float, float], set[int]] = defaultdict(set)  # place -> starts of its mentions
        for start, lat, lon in points:
            self.starts[(lat, lon)].add(start)
        self.cells: dict[tuple[int, int, int], list[tuple[float, float]]] = defaultdict(list)
        for place in self.starts:
            self.cells[_cell(*place)].append(place)
        self._by_distance: dict[tuple[float, float], list[tuple[float, tuple[float, float]]]] = {}

    def nearest_km(self, lat: float, lon: float, start: int) -> float | None:
        """Distance from (lat, lon) to the nearest place named by a mention other than the one at ``start``, when
        one lies within COHERENCE_KM (a farther one may be given, or None: both mean no nearness)."""
        for km, place in self._near(lat, lon):
            starts = self.starts[place]
            if len(starts) > 1 or start not in starts:
                return km
        return None

    def _near(self, lat: float, lon: float) -> list[tuple[float, tuple[float, float]]]:
        """The places of the cells around (lat, lon), nearest first."""
        found = self._by_distance.get((lat, lon))
        if found is None:
            cx, cy, cz = _cell(lat, lon)
            around = (
                place
                for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)
                for dz in (-1, 0, 1)
                for place in self.cells.get((cx + dx, cy + dy, cz + dz), ())
            )
            found = sorted((haversine_km(lat, lon, *place), place) for place in around)
            self._by_distance[(lat, lon)] = found
        return found


def population_score(population: int) -> float:
    return min(1.0, math.log10(population + 1) / POPULATION_SCALE)


class Resolver:
    """Scores candidates of mentions against the document's context and picks the best, or abstains."""

    def __init__(self, gazetteer: Gazetteer, min_score: float) -> None:
        self.gazetteer = gazetteer
        self.min_score = min_score

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """Ranked candidates of a name; short forms ("Guat") are left to the patterns that use them. A name
        with a division word ("Oaxaca State", "State of Texas") stands for the division, and a direction word
        before a division or country ("Southern California", "northern Mexico") stands for the whole."""
        found = [c for c in self.gazetteer.find(text) if c.kind not in UNRANKED_KINDS]
        bare = strip_admin_word(text)
        if not found and bare:
            found = [c for c in self.gazetteer.find(bare) if c.feature == "admin" and c.kind not in UNRANKED_KINDS]
        part = strip_direction(text)
        if not found and part:
            found = [
                c
                for c in self.gazetteer.find(part)
                if c.feature in ("admin", "country", "region") and c.kind not in UNRANKED_KINDS
            ]
        found.sort(key=lambda c: (-NAME_KINDS[c.kind], -c.population))
        return acronym_candidates(text, tuple(found[:MAX_CANDIDATES]))

    def resolve(self, mentions: list[Mention], base: Context | None = None) -> list[Resolution]:
        """Resolve every mention twice: with the context of unambiguous ones, then with every first choice."""
        for m in mentions:
            if not m.candidates:
                m.candidates = self.candidates(m.text)
        context = base or Context()
        first = self._context_from(mentions, context, only_certain=True)
        draft = [self.resolve_one(m, first) for m in mentions]
        second = self._context_from_choices(draft, context)
        return [self.resolve_one(m, second) for m in mentions]

    def resolve_one(self, mention: Mention, context: Context) -> Resolution:
        scored = sorted(((self.score(c, mention, context), c) for c in mention.candidates), key=lambda x: -x[0][0])
        if not scored:
            return Resolution(mention, None, 0.0)
        scored = _prefer_own_name_at_home(scored, context)
        (best, reasons), choice = scored[0]
        alternatives = [(c, s) for (s, _), c in scored[1:4]]
        if best < self.min_score:
            return Resolution(mention, None, best, reasons, [(choice, best), *alternatives])
        return Resolution(mention, choice, best, reasons, alternatives)

    def score(self, c: Candidate, m: Mention, ctx: Context) -> tuple[float, dict[str, float]]:
        base, slope = CODE_PRIOR.get(c.code or "") or FEATURE_PRIOR.get(c.feature, (0.1, 0.9))
        size = population_score(c.population)
        reasons = {
            "name": NAME_KINDS[c.kind],
            "prior": base + slope * (size * size if c.feature == "city" else size),
            "context": self._context_part(c, m, ctx),
            "coherence": self._coherence(c, m, ctx),
        }
        total = sum(WEIGHTS[k] * v for k, v in reasons.items())
        features, penalty = LABEL_PENALTY.get(m.source, ((), 0.0))
        if c.feature in features:
            reasons["label"] = penalty
            total += penalty
        if m.kind:
            reasons["kind"] = KIND_BONUS if c.feature == m.kind else KIND_PENALTY
            total += reasons["kind"]
        if m.direction and c.lat is not None:
            reasons["direction"] = self._direction(c, m)
            total += reasons["direction"]
        return max(0.0, min(1.0, total)), reasons

    def _context_part(self, c: Candidate, m: Mention, ctx: Context) -> float:
        if c.feature in ("country", "border", "region"):
            return 1.0
        if m.container:
            part = 1.0 if c.country == m.container else WRONG_CONTAINER
            if c.feature == "city" and m.container_admin and c.admin1 and c.admin1 != m.container_admin:
                return WRONG_CONTAINER  # "Baja, Calif.": no town of that name in another state
        else:
            part = ctx.country_weight(c.country)
            if c.feature == "city":
                part = max(part, population_score(c.population) - BIG_CITY_MARGIN)
            elif part == 0.0:  # a division of a country the document never names, unless a large one ("England")
                part = max(FOREIGN_DIVISION, population_score(c.population) - BIG_CITY_MARGIN)
        if m.container_admin and c.admin1:
            part += ADMIN_CONTEXT_BONUS if c.admin1 == m.container_admin else -ADMIN_CONTEXT_BONUS
        elif c.feature == "city" and (c.country, c.admin1 or "") in ctx.admins:
            part += ADMIN_CONTEXT_BONUS
        return min(1.0 + ADMIN_CONTEXT_BONUS, part)

    def _coherence(self, c: Candidate, m: Mention, ctx: Context) -> float:
        if c.feature in ("country", "border", "region"):
            return 1.0
        if c.feature == "admin" and c.code != "ADM2":  # a county is small enough for nearness to count
            return 0.5
        nearest = None if c.lat is None or c.lon is None else ctx.near().nearest_km(c.lat, c.lon, m.start)
        if nearest is None:  # no other place, or none within COHERENCE_KM: no evidence either way
            return 0.5
        return 0.5 + 0.5 * max(0.0, 1.0 - nearest / COHERENCE_KM)  # nearness helps; distance is no evidence

    def _direction(self, c: Candidate, m: Mention) -> float:
        country = self.gazetteer.country(c.country or "")
        if not country or country.lat is None or country.lon is None or m.direction is None:
            return 0.0
        dlat, dlon = m.direction
        agree = _points(c.lat, country.lat, dlat) and _points(c.lon, country.lon, dlon)
        return DIRECTION_BONUS if agree else -DIRECTION_BONUS

    def _context_from(self, mentions: list[Mention], base: Context, only_certain: bool) -> Context:
        """Context from mentions whose best candidate is a country, a division or the only candidate."""
        ctx = Context(Counter(base.countries), set(base.admins), list(base.points))
        for m in mentions:
            if m.container:
                ctx.countries[m.container] += 1
            top = m.candidates[0] if m.candidates else None
            if top is None or (only_certain and len(m.candidates) > 1 and top.feature not in ("country", "admin")):
                continue
            _add_to(ctx, m, top)
        return ctx

    def _context_from_choices(self, draft: list[Resolution], base: Context) -> Context:
        ctx = Context(Counter(base.countries), set(base.admins), list(base.points))
        for r in draft:
            if r.mention.container:
                ctx.countries[r.mention.container] += 1
            if r.choice is not None:
                _add_to(ctx, r.mention, r.choice)
        return ctx


def _prefer_own_name_at_home(scored: list, ctx: Context) -> list:
    """A town called by its own name in a country the document names beats a close rival abroad that only has
    the name as an alternate ("Garden City" in a South Carolina story is not Singapore's nickname)."""
    (best, _), choice = scored[0]
    if choice.kind == "name" or choice.feature not in ("city", "admin") or ctx.countries.get(choice.country or ""):
        return scored
    for i, ((score, _), c) in enumerate(scored[1:], start=1):
        if (
            c.kind == "name"
            and c.feature == "city"
            and ctx.countries.get(c.country or "")
            and score >= best - HOME_NAME_MARGIN
        ):
            return [scored[i], *scored[:i], *scored[i + 1 :]]
    return scored


def _points(value: float | None, centre: float, sign: int) -> bool:
    """Whether a coordinate lies on the side of the centre that a direction's sign names (any side for 0)."""
    return sign == 0 or (value is not None and (value - centre) * sign > 0)


def _add_to(ctx: Context, m: Mention, c: Candidate) -> None:
    for iso2 in c.countries if c.feature == "border" else (c.country,):
        if iso2:
            ctx.countries[iso2] += 1
    if c.feature == "admin" and c.country and c.admin1:
        ctx.admins.add((c.country, c.admin1))
    if c.feature in ("city", "admin") and c.lat is not None and c.lon is not None:
        ctx.points.append((m.start, c.lat, c.lon))
