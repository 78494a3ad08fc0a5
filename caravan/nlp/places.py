"""Finds place mentions in a parsed article and resolves them against the offline gazetteer.

Mentions come from spaCy entities, a gazetteer pass over names the model missed and datelines
(``caravan.geo.mentions``), and border patterns ("U.S.-Mexico border", "Guat-Mex border", "the Mexican border",
"the southern border"); the resolver (``caravan.geo.resolver``) places them. Streets and buildings the gazetteer
cannot place sit in the town the text named just before them.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from caravan.geo.curated import load_curated
from caravan.geo.gazetteer import open_gazetteer
from caravan.geo.mentions import (
    NAME_CONNECTORS,
    PLACE_LABELS,
    SpanSet,
    annotate_mentions,
    dedupe,
    demonym_context,
    drop_named_things,
    drop_people,
    drop_shouted,
    facility_words,
    find_context_towns,
    find_cued_towns,
    find_dateline,
    find_entity_mentions,
    find_name_mentions,
    find_repeats,
    is_building,
    is_facility,
    place_words,
    unsupported_acronym,
    unsupported_generic,
    unsupported_person,
)
from caravan.geo.patterns import (
    Border,
    find_border_compounds,
    find_directional_borders,
    find_single_borders,
    pair,
)
from caravan.geo.resolver import Mention, Resolution, Resolver
from caravan.geo.store import Gazetteer
from caravan.model import Feature, Place
from caravan.nlp.extensions import doc_text, in_boilerplate, token_words
from caravan.nlp.quotes.data import is_outlet, load_lexicon
from caravan.settings import Settings

log = logging.getLogger(__name__)

# feature of a mention the resolver abstains on
SPEECH_FEATURES: dict[str, Feature] = {"GPE": "city", "LOC": "region", "FAC": "city"}
FOCUS_SCORE = 0.4  # score of a street or building placed at the document's focus town
PREVIOUS_WORD = re.compile(r"(\w+)\s+(?:the\s+)?$")  # the word before a name
FOCUS_FEATURES = ("city",)  # what can be a document's focus (a division is too large to place a street)
PARTY_STATE = re.compile(r"^[RDI]\s?[-–]\s?[A-Z]")  # "R-S.C.", "D- Calif.": party and state of a US lawmaker
NAME_TAIL = re.compile(r"(?: [A-Z][\w'’&-]*(?:\.(?=\w))?)*")  # the capitalised words right after a name
OUTLET_TAIL_WORDS = 3  # words after a place name searched for the end of an outlet's name ("Dallas Morning News")
TITLE_CASE_SHARE = 0.7  # a short line with this share of capitalised words is a headline: its names say nothing
HEADLINE_WORDS = 20  # the most words of a headline


@dataclass
class Found:
    """A place found in the text, with the resolver's reasoning (for ``caravan places --explain``)."""

    place: Place
    resolution: Resolution | None = None
    note: str = ""


class PlaceFinder:
    """Sets ``doc._.places``: the places the article names, resolved where the evidence is good enough."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(open_gazetteer(self.settings), self.settings.place_min_score)
        return self._resolver

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = [
            f.place for f in locate(doc, self.resolver) if not in_boilerplate(doc, f.place.start, f.place.end)
        ]
        return doc


def locate(doc: Doc, resolver: Resolver) -> list[Found]:
    """Every place mention of a Doc, resolved (or not, when the resolver abstains)."""
    gaz = resolver.gazetteer
    text = doc_text(doc)
    borders = find_border_compounds(text, gaz)
    taken = [(b.start, b.end) for b in borders]
    entities = find_entity_mentions(doc, gaz)
    mentions = dedupe(find_dateline(text, gaz) + entities + find_name_mentions(doc, gaz), taken)
    mentions = dedupe(mentions + find_repeats(text, entities) + find_cued_towns(doc, gaz), taken)
    mentions = drop_outlet_names(text, drop_named_things(text, drop_shouted(doc, drop_people(doc, gaz, mentions))))
    annotate_mentions(text, mentions, resolver)
    context = demonym_context(doc, gaz)
    resolutions = resolver.resolve(mentions, context)
    more = drop_shouted(doc, drop_people(doc, gaz, find_context_towns(doc, gaz, resolutions, taken), weak=False))
    more = drop_outlet_names(text, drop_named_things(text, more))
    if more:
        mentions = dedupe(mentions + more, taken)
        annotate_mentions(text, mentions, resolver)
        resolutions = resolver.resolve(mentions, context)
    resolutions = one_sense(resolutions)
    resolutions = [
        r
        for r in resolutions
        if not (
            unsupported_acronym(r, resolutions)
            or unsupported_generic(r, resolutions)
            or unsupported_person(r, resolutions)
        )
    ]
    focus = find_focus(resolutions)
    words = {w for w in token_words(doc) if w.islower()}
    cued = {r.mention.start for r in resolutions if after_place_word(text, r.mention.start)}
    towns = FocusTowns(resolutions, focus)
    candidates = [_found_from(r, towns.nearest(r.mention.start), words, r.mention.start in cued) for r in resolutions]
    found = [f for f in candidates if f is not None]
    found += [_border_found(b, "both sides named") for b in borders]
    # a country named as one side of a border ("the *U.S.* border") gives way to the border it names
    singles = single_borders(
        text, resolutions, gaz, taken + [(f.place.start, f.place.end) for f in found if f.place.feature != "country"]
    )
    found = [f for f in found if not any(_names_side(f.place, s.place) for s in singles)] + singles
    return sorted(found, key=lambda f: f.place.start)


def drop_outlet_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions that are not the start of a news outlet's name (see ``in_outlet_name``)."""
    return [m for m in mentions if not in_outlet_name(text, m.start, m.end)]


def in_outlet_name(text: str, start: int, end: int) -> bool:
    """A place name that begins a news outlet's name: "The *New York* Times", "the *Dallas* Morning News", "the
    *Arizona* Republic" (a listed outlet, or capitalised words ending in a media word). Places inside organisation
    names are not places. Not in a title-cased headline, where every word is capitalised."""
    tail = NAME_TAIL.match(text, end)  # matches always, maybe nothing
    words = tail.group(0).split(" ")[1 : OUTLET_TAIL_WORDS + 1] if tail else []
    first = 0 if " " in text[start:end] else 1  # a one-word place alone is no outlet ("the Atlantic" is an ocean)
    names = [" ".join([text[start:end], *words[:k]]) for k in range(first, len(words) + 1)]
    lexicon = load_lexicon()
    return any(is_outlet(name, lexicon) for name in names) and not _title_cased_line(text, start)


def _title_cased_line(text: str, at: int) -> bool:
    """The line is a headline: short, no closing full stop, nearly every word capitalised."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    return not line.endswith(".") and 4 <= len(words) <= HEADLINE_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)


def _names_side(country: Place, border: Place) -> bool:
    """Whether a country place is the side a border mention is named by ("*U.S.* border")."""
    return (
        country.feature == "country"
        and border.feature == "border"
        and border.start <= country.start
        and country.end <= border.end
        and country.country in (border.countries or [])
    )


def one_sense(resolutions: list[Resolution]) -> list[Resolution]:
    """One sense per document: a name the text once places explicitly ("Salisbury, England", "the town of X")
    keeps that place wherever else it is named without such words."""
    sure = {}
    for r in resolutions:
        if r.choice is not None and (r.mention.container or r.mention.kind) and r.mention.text not in sure:
            sure[r.mention.text] = r
    out = []
    for r in resolutions:
        best = sure.get(r.mention.text)
        if (
            best is not None
            and best is not r
            and not r.mention.container
            and r.choice != best.choice
            and best.choice in r.mention.candidates
        ):
            r = Resolution(r.mention, best.choice, best.score, {"same name placed before": 1.0}, r.alternatives)
        out.append(r)
    return out


def find_focus(resolutions: list[Resolution]) -> Resolution | None:
    """The document's focus, where its streets and buildings lie: the town of its main country named most
    often (the first named on a tie)."""
    placed = [(r, r.choice) for r in resolutions if r.choice is not None]
    countries = Counter(c.country for _, c in placed if c.country)
    if not countries:
        return None
    main = countries.most_common(1)[0][0]
    local = [(r, c) for r, c in placed if c.feature in FOCUS_FEATURES and c.country == main]
    if not local:
        return None
    counts = Counter(c.id for _, c in local)
    return max(local, key=lambda rc: (counts[rc[1].id], -rc[0].mention.start))[0]


def _unknown_place_kept(m: Mention) -> bool:
    """A name the gazetteer lacks is kept as a place when it looks like one: a facility or feature name, or a
    span NER calls a place that is not an acronym or a brand ("UConn", "MoD", "OT" are too often something else)."""
    if is_facility(m.text):
        return True
    if " and " in m.text:  # "Rubio and Cruz": a list of names, not one place
        return False
    if PARTY_STATE.match(m.text):  # "(R-S.C.)": a lawmaker's party and state
        return False
    if any(w.islower() and w not in NAME_CONNECTORS and w not in place_type_words() for w in m.text.split()[1:]):
        return False  # "Easter weekend" (but "Torkula village")
    return m.source in PLACE_LABELS and (" " in m.text or sum(ch.isupper() for ch in m.text) < 2)


def place_type_words() -> frozenset[str]:
    """Words that name a kind of place ("village", "county"), and the last words of street and feature names."""
    types = load_curated()["place_types"]
    words = {w for k, ws in types.items() if not k.startswith("_") for w in ws}
    return frozenset(words | {w.lower() for w in facility_words()})


class FocusTowns:
    """The towns of the focus' country in text order, so the one named last before a position is found by
    bisection instead of a pass over every resolution for each one."""

    def __init__(self, resolutions: list[Resolution], focus: Resolution | None) -> None:
        self.focus = focus
        country = focus.choice.country if focus is not None and focus.choice is not None else None
        towns = [
            r
            for r in resolutions
            if r.choice is not None
            and not is_building(r.mention)
            and r.choice.feature in FOCUS_FEATURES
            and r.choice.country == country
        ]
        self.towns = sorted(towns, key=lambda r: r.mention.start)  # stable: equal starts keep their order
        self.starts = [r.mention.start for r in self.towns]

    def nearest(self, start: int) -> Resolution | None:
        """The town of the focus' country named last before a position (streets follow the town just named),
        else the focus."""
        if self.focus is None or self.focus.choice is None:
            return None
        i = bisect.bisect_left(self.starts, start)
        return self.towns[i - 1] if i else self.focus


def after_place_word(text: str, start: int) -> bool:
    """The name follows a place preposition ("in Bywater", "near the Foo")."""
    before = PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return before is not None and before.group(1).lower() in place_words()


def _found_from(
    r: Resolution, focus: Resolution | None = None, words: set[str] | None = None, cued: bool = False
) -> Found | None:
    """The Place of a resolution; a building or an unknown place-like name sits in the town named before it. One
    unknown word is a place only after a place preposition ("in Bywater"; not "Caucasian", a surname)."""
    m, c = r.mention, r.choice
    if c is None or (is_building(m) and c.feature == "city" and not m.container):
        if not m.candidates and (not _unknown_place_kept(m) or m.text.lower() in (words or set())):
            return None
        if not m.candidates and " " not in m.text and not (cued and focus is not None):
            return None
        if (not m.candidates or is_building(m)) and focus is not None and focus.choice is not None:
            f = focus.choice
            place = Place(
                m.start,
                m.end,
                name=m.text,
                feature="city",
                country=f.country,
                admin1=f.admin1,
                lat=f.lat,
                lon=f.lon,
                score=FOCUS_SCORE,
            )
            why = "a building or street" if m.candidates else "not in the gazetteer"
            return Found(place, r, f"{why}: placed in the town named before it, {f.name}")
        feature = SPEECH_FEATURES.get(m.source, "city")
        return Found(Place(m.start, m.end, name=m.text, feature=feature, score=round(r.score, 3)), r, "abstained")
    country = None if c.feature in ("border", "region") else c.country
    admin1 = c.admin1 if c.feature in ("city", "admin") else None
    place = Place(
        m.start,
        m.end,
        name=c.name,
        feature=c.feature,
        country=country,
        countries=sorted(c.countries) if c.feature == "border" else None,
        admin1=admin1,
        lat=c.lat,
        lon=c.lon,
        geonameid=c.geonameid,
        score=round(r.score, 3),
    )
    return Found(place, r)


def _border_found(b: Border, note: str) -> Found:
    return Found(
        Place(b.start, b.end, name=b.text, feature="border", countries=list(b.countries), score=1.0), note=note
    )


def single_borders(
    text: str, resolutions: list[Resolution], gaz: Gazetteer, taken: list[tuple[int, int]]
) -> list[Found]:
    """'the Mexican border' (the other side from context) and 'the southern border' (in a country-centred text)."""
    counts: Counter = Counter()
    for r in resolutions:
        if r.choice is not None and r.choice.country:
            counts[r.choice.country] += 1
    out = []
    spans = SpanSet(taken)
    for start, end, side in find_single_borders(text, gaz):
        if spans.overlaps(start, end):
            continue
        other = _other_side(side, start, resolutions, counts, gaz)
        if other:
            out.append(
                _border_found(
                    Border(start, end, text[start:end], pair(side, other)), f"other side from context: {other}"
                )
            )
            spans.add(start, end)
    out += [
        _border_found(b, "direction word")
        for b in find_directional_borders(text, counts, gaz)
        if not spans.overlaps(b.start, b.end)
    ]
    return out


def _other_side(side: str, start: int, resolutions: list[Resolution], counts: Counter, gaz: Gazetteer) -> str | None:
    """The country on the other side of a border named by one side: the nearest place before it that is in a
    neighbouring country, else the document's most named neighbour."""
    neighbours = set(gaz.neighbours(side))
    before = [r for r in resolutions if r.choice is not None and r.mention.end <= start]
    for r in reversed(before):
        country = r.choice.country if r.choice is not None else None
        if country in neighbours:
            return country
    ranked = [code for code, _ in counts.most_common() if code in neighbours]
    return ranked[0] if ranked else None
