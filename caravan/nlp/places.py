"""Finds place mentions in a parsed article and resolves them against the offline gazetteer.

Mentions come from spaCy entities (GPE, LOC, FAC; ORG, PERSON and NORP spans only when they are exactly a
country, first-level division or region, or when the text calls them a place: "the town of X", "X, Honduras"),
from a gazetteer pass over capitalised names the model missed (countries, divisions, regions, also inside
organisation names: "U.S. Customs and Border Protection" holds "U.S."), and from border patterns ("U.S.-Mexico
border", "Guat-Mex border", "the Mexican border", "the southern border"). Demonyms are context, never places.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from caravan.geo.curated import load_curated
from caravan.geo.gazetteer import open_gazetteer
from caravan.geo.patterns import (Border, country_code, describe, direction_of, find_border_compounds,
                                  find_directional_borders, find_single_borders, place_kind, place_type_pattern)
from caravan.geo.resolver import Context, Mention, Resolution, Resolver
from caravan.geo.store import Gazetteer
from caravan.model import Place
from caravan.nlp.extensions import in_boilerplate
from caravan.settings import Settings

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# labels a place name is often given by mistake; kept only when the span is surely a place
MAYBE_LABELS = frozenset({"ORG", "PERSON", "NORP", "PER", "MISC"})
# features a name may have to be found without NER, or under a MAYBE label, with nothing else said about it
SURE_FEATURES = frozenset({"country", "admin", "region"})
# entity labels whose spans are never searched for towns NER missed
NOT_PLACE_LABELS = frozenset({"PERSON", "PER", "DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                              "QUANTITY", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # a one-word "person" that is a verb's subject is a person
MIN_NAME_LENGTH = 3  # shorter names ("No", "WA") are only countries ("US", "UK") or found by NER
UNSURE_CODES = frozenset({"ADM2"})  # county names are too often surnames and words to be found without NER
LEADING = re.compile(r"^(?:the|The|THE)\s+")
TRAILING = re.compile(r"(?:['’]s?|[\s,.;:!?)\]\"”’-])+$")
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]{1,2}\.|\b[A-Z][a-z]{1,4}\.)$")  # "U.S.", "Calif." keep their final dot
NAME_CONNECTORS = frozenset({"de", "del", "la", "of", "and", "y"})
MAX_NAME_TOKENS = 4
NAME_KINDS_OK = ("name", "alt")
COMMA_GAP = re.compile(r"^\s*,\s*$")
SPEECH_FEATURES = {"GPE": "city", "LOC": "region", "FAC": "city"}  # feature of a mention the resolver abstains on
# a dateline: a capitalised town opening a line, optionally with its division, before "(", a dash or a colon
DATELINE = re.compile(r"(?m)(?:^|(?<=\. ))(?P<town>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
                      r"(?=,?\s*(?:\(|—|–|--| - |:|[A-Z][a-z]))")
BIG_CITY = 100_000  # population of a city found even under an organisation label
CONTEXT_TOWN_POPULATION = 1000  # smallest town of the document's main country found without NER or a cue
FOCUS_SCORE = 0.4  # score of a street or building placed at the document's focus town
FOCUS_FEATURES = ("city",)  # what can be a document's focus (a division is too large to place a street)


@dataclass
class Found:
    """A place found in the text, with the resolver's reasoning (for ``caravan places --explain``)."""

    place: Place
    resolution: Resolution | None = None
    note: str = ""


def strip_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of a name without a leading "the" or a trailing possessive or punctuation ("U.S." keeps its dot)."""
    lead = LEADING.match(text[start:end])
    if lead:
        start += lead.end()
    piece = text[start:end]
    trail = TRAILING.search(piece)
    if trail and trail.start() > 0:
        cut = trail.start()
        if piece[cut:cut + 1] == "." and ABBREVIATION_END.search(piece[:cut + 1]):
            cut += 1
        end = start + cut
    return start, end


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
        doc._.places = [f.place for f in locate(doc, self.resolver) if not in_boilerplate(doc, f.place.start,
                                                                                           f.place.end)]
        return doc


def locate(doc: Doc, resolver: Resolver) -> list[Found]:
    """Every place mention of a Doc, resolved (or not, when the resolver abstains)."""
    gaz = resolver.gazetteer
    text = doc.text
    borders = find_border_compounds(text, gaz)
    taken = [(b.start, b.end) for b in borders]
    entities = find_entity_mentions(doc, gaz)
    mentions = _dedupe(find_dateline(text, gaz) + entities + find_name_mentions(doc, gaz), taken)
    mentions = _dedupe(mentions + find_repeats(text, entities) + find_cued_towns(doc, gaz), taken)
    mentions = drop_people(doc, gaz, mentions)
    annotate_mentions(text, mentions, resolver)
    context = demonym_context(doc, gaz)
    resolutions = resolver.resolve(mentions, context)
    more = drop_people(doc, gaz, find_context_towns(doc, gaz, resolutions, taken), weak=False)
    if more:
        mentions = _dedupe(mentions + more, taken)
        annotate_mentions(text, mentions, resolver)
        resolutions = resolver.resolve(mentions, context)
    focus = find_focus(resolutions)
    found = [_found_from(r, nearest_town(resolutions, r.mention.start, focus)) for r in resolutions]
    found = [f for f in found if f is not None]
    found += [_border_found(b, "both sides named") for b in borders]
    found += single_borders(text, resolutions, gaz, taken + [(f.place.start, f.place.end) for f in found])
    return sorted(found, key=lambda f: f.place.start)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _dedupe(mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """Mentions that overlap no border and no earlier (entity-first) mention."""
    kept: list[Mention] = []
    spans = list(taken)
    for m in sorted(mentions, key=lambda m: m.start - m.end):  # longest first: "Baja California" over "California"
        if m.end > m.start and not _overlaps(m.start, m.end, spans):
            kept.append(m)
            spans.append((m.start, m.end))
    return sorted(kept, key=lambda m: m.start)


def _is_sure_place(gaz: Gazetteer, name: str) -> bool:
    """A name that is a country, division or region under its own name or an alternate, and no demonym."""
    if gaz.demonym(name):
        return False
    if len(name) < MIN_NAME_LENGTH:
        return _is_country(gaz, name)
    return any(c.feature in SURE_FEATURES and c.kind in NAME_KINDS_OK and c.code not in UNSURE_CODES
               for c in gaz.find(name))


def find_entity_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Mentions from the named entities: place labels, and mislabelled spans that are surely places."""
    out = []
    pattern = place_type_pattern()
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in MAYBE_LABELS:
            continue
        for start, end in _entity_parts(doc.text, ent, gaz):
            name = doc.text[start:end]
            if not name or gaz.demonym(name) or not name[:1].isupper() or _generic_entity(gaz, name):
                continue
            if ent.label_ in MAYBE_LABELS and not (_is_sure_place(gaz, name) or is_facility(name)
                                                   or _has_cue(doc.text, start, end, pattern, gaz, ent.label_)
                                                   or (ent.label_ == "ORG" and _is_big_city(gaz, name))):
                continue
            out.append(Mention(start, end, name, source=ent.label_))
    return out


def _entity_parts(text: str, ent: SpacySpan, gaz: Gazetteer) -> list[tuple[int, int]]:
    """An entity's name span(s): "Columbus, Ohio" is two places."""
    start, end = strip_name(text, ent.start_char, ent.end_char)
    if gaz.find(text[start:end]):  # "Washington, D.C." is one name
        return [(start, end)]
    parts, pos = [], start
    for piece in text[start:end].split(","):
        s, e = strip_name(text, pos + len(piece) - len(piece.lstrip()), pos + len(piece))
        if e > s:
            parts.append((s, e))
        pos += len(piece) + 1
    return parts


def is_facility(name: str) -> bool:
    """A name ending in a street, building or natural-feature word ("Royal Street", "Carnegie Library")."""
    words = name.split()
    return len(words) > 1 and words[-1] in _facility_words()


def _facility_words() -> frozenset[str]:
    return frozenset(load_curated()["facility_words"]["words"])


def _generic_names() -> frozenset[str]:
    words = load_curated()["generic_names"]["words"]
    return frozenset(words) | frozenset(w.upper() for w in words)


def _generic_entity(gaz: Gazetteer, name: str) -> bool:
    """A generic word, or a generic compound ("Southern Border") that is no place's own name ("Northern
    Territory" is one)."""
    if name in _generic_names():
        return True
    return " " in name and is_generic(name) and not any(c.kind == "name" for c in gaz.find(name))


def is_generic(name: str) -> bool:
    """A name made only of generic words ("Southern", "Northern District", "Southern Border")."""
    heads = load_curated()["generic_names"]["heads"]
    words = name.split()
    generic = _generic_names()
    return all(w in generic or w.capitalize() in generic for w in words[:-1]) and \
        (words[-1] in generic or words[-1].capitalize() in heads or words[-1].capitalize() in generic)


def drop_people(doc: Doc, gaz: Gazetteer, mentions: list[Mention], weak: bool = True) -> list[Mention]:
    """Mentions that are a person's name elsewhere in the document ("Dubreuil" after "Claude Dubreuil", "Holland"
    after "Bill Holland"), unless the text calls them a place ("the town of Morales"); a full name NER calls a
    person (and, with ``weak``, a one-word name it calls a person more often than a place) is a person too,
    unless it is a country or division."""
    labels = Counter((e.text, e.label_ in PLACE_LABELS) for e in doc.ents)
    persons = [e.text for e in doc.ents if e.label_ in ("PERSON", "PER")]
    surnames = {p.split()[-1] for p in persons if " " in p}
    people = {p for p in persons if " " in p or (weak and labels[(p, False)] > labels[(p, True)])}
    pattern = place_type_pattern()
    return [m for m in mentions if (describe(doc.text, m.start, pattern) or {}).get("type")
            or not (m.text in surnames or (m.text in people and not _is_sure_place(gaz, m.text)))]


def _is_big_city(gaz: Gazetteer, name: str) -> bool:
    """A city large enough that an organisation-labelled span of just its name is the city ("Harare")."""
    return any(c.feature == "city" and c.kind == "name" and c.population >= BIG_CITY for c in gaz.find(name))


def _has_cue(text: str, start: int, end: int, pattern: re.Pattern[str], gaz: Gazetteer, label: str) -> bool:
    """The text calls the name a place: 'the town of X', or (not for people) 'X, <country or division>' follows."""
    said = describe(text, start, pattern)
    if said and said.get("type"):
        return True
    if label in ("PERSON", "PER"):
        return False
    after = re.match(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", text[end:end + 40])
    return bool(after and (_is_sure_place(gaz, after.group(1)) or _is_sure_place(gaz, after.group(1).split()[0])))


def _name_spans(doc: Doc, person: set[int]) -> list[SpacySpan]:
    """Runs of capitalised tokens (with inner connectors: "Trinidad and Tobago") outside person names."""
    spans = []
    for i, tok in enumerate(doc):
        if i in person or not tok.text[:1].isupper():
            continue
        for n in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
            piece = doc[i:i + n]
            if piece[-1].text[:1].isupper() and all(t.text[:1].isupper() or t.text in NAME_CONNECTORS or
                                                    t.text in ("-", ".") for t in piece) \
                    and not any(t.i in person for t in piece):
                spans.append(piece)
    return spans


def find_name_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Countries, divisions and regions named in capitalised text that NER did not mark (or marked as part of
    something else, like an organisation)."""
    person = {t.i for ent in doc.ents if ent.label_ in ("PERSON", "PER") for t in ent}
    has_pos = doc.has_annotation("POS")
    out = []
    for span in _name_spans(doc, person):
        if has_pos and not all(t.pos_ == "PROPN" or t.text in NAME_CONNECTORS or t.text.isupper() for t in span):
            continue
        start, end = strip_name(doc.text, span.start_char, span.end_char)
        name = doc.text[start:end]
        if name and not is_generic(name) and _is_sure_place(gaz, name) \
                and (_is_country(gaz, name) or _is_whole_name(doc, span)):
            out.append(Mention(start, end, name, source="gazetteer"))
    return out


def _is_country(gaz: Gazetteer, name: str) -> bool:
    return any(c.feature == "country" and c.kind in NAME_KINDS_OK for c in gaz.find(name))


def _is_whole_name(doc: Doc, span: SpacySpan) -> bool:
    """No capitalised name word right before or after: "South" in "South Kilburn Estate" is not a division."""
    def named(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].pos_ in ("PROPN", "")
    return not named(span.start - 1) and not named(span.end)


def _runs(doc: Doc) -> list[SpacySpan]:
    """Maximal runs of capitalised tokens, with inner connectors ("Bains and Grants Town")."""
    runs, start = [], None
    for i, tok in enumerate(doc):
        cap = tok.text[:1].isupper()
        if cap and start is None:
            start = i
        elif not cap and start is not None and not (tok.text in NAME_CONNECTORS and i + 1 < len(doc)
                                                     and doc[i + 1].text[:1].isupper()):
            runs.append(doc[start:i])
            start = None
    if start is not None:
        runs.append(doc[start:])
    return runs


def _place_words() -> frozenset[str]:
    return frozenset(load_curated()["place_prepositions"]["words"])


def _town_candidates(gaz: Gazetteer, name: str) -> list:
    return [c for c in gaz.find(name) if c.feature in ("city", "admin") and c.kind in NAME_KINDS_OK]


def find_cued_towns(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Towns NER missed after a place preposition: "in Durban", "near Dewsbury" (not "in March")."""
    blocked = {t.i for ent in doc.ents if ent.label_ in NOT_PLACE_LABELS - {"PERSON", "PER"} for t in ent}
    out = []
    for run in _runs(doc):
        if run.start == 0 or doc[run.start - 1].lower_ not in _place_words() or len(run) > MAX_NAME_TOKENS:
            continue
        if any(t.i in blocked for t in run):
            continue
        if doc.text[run.end_char:run.end_char + 2] in ("'s", "’s"):
            continue
        start, end = strip_name(doc.text, run.start_char, run.end_char)
        name = doc.text[start:end]
        if name and not is_generic(name) and _town_candidates(gaz, name):
            out.append(Mention(start, end, name, source="cue"))
    return out


def _maybe_town(ent: SpacySpan) -> bool:
    """A one-word "person" that is no verb's subject may be a town NER mislabelled."""
    return ent.label_ in ("PERSON", "PER") and len(ent) == 1 and ent[0].dep_ not in SUBJECTS


def find_context_towns(doc: Doc, gaz: Gazetteer, resolutions: list[Resolution],
                       taken: list[tuple[int, int]]) -> list[Mention]:
    """Names of towns of the document's main country that NER missed or mislabelled (as an organisation, or as
    a one-word person name that is no verb's subject and that no full name in the document explains)."""
    countries = Counter(r.choice.country for r in resolutions if r.choice is not None and r.choice.country)
    if not countries:
        return []
    main = countries.most_common(1)[0][0]
    spans = taken + [(r.mention.start, r.mention.end) for r in resolutions]
    blocked = {t.i for ent in doc.ents if ent.label_ in NOT_PLACE_LABELS and not _maybe_town(ent) for t in ent}
    out = []
    for run in _runs(doc):
        if any(t.i in blocked or t.pos_ not in ("PROPN", "") for t in run) or len(run) > MAX_NAME_TOKENS:
            continue
        start, end = strip_name(doc.text, run.start_char, run.end_char)
        name = doc.text[start:end]
        if not name or is_generic(name) or _overlaps(start, end, spans):
            continue
        if any(c.country == main and c.kind == "name" and c.population >= CONTEXT_TOWN_POPULATION
               for c in _town_candidates(gaz, name)):
            out.append(Mention(start, end, name, source="context"))
    return out


def find_dateline(text: str, gaz: Gazetteer) -> list[Mention]:
    """The town of a dateline ("SAN DIEGO (Reuters) -", "TORONTO —", "OKLAHOMA CITY The Latest...")."""
    out = []
    for m in DATELINE.finditer(text):
        town = m.group("town").strip()
        if len(town) > 3 and any(c.feature in ("city", "admin") and c.kind in NAME_KINDS_OK for c in gaz.find(town)):
            out.append(Mention(m.start("town"), m.start("town") + len(town), town, source="dateline", kind="city"))
    return out


def find_repeats(text: str, entities: list[Mention]) -> list[Mention]:
    """One sense per document: other occurrences of a name NER called a place somewhere in the text."""
    names = {m.text for m in entities if m.source in PLACE_LABELS and len(m.text) > 2}
    out = []
    for name in names:
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            out.append(Mention(hit.start(), hit.end(), name, source="repeat"))
    return out


def annotate_mentions(text: str, mentions: list[Mention], resolver: Resolver) -> None:
    """Set what the text says about each mention: its container ('X, Honduras'), feature and direction."""
    pattern = place_type_pattern()
    gaz = resolver.gazetteer
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        m.candidates = resolver.candidates(m.text)
        if not (COMMA_GAP.match(text[max(0, m.start - 3):m.start] or "x") or m.text.endswith(".")):  # "Ariz."
            m.candidates = tuple(c for c in m.candidates if c.kind != "abbr") or m.candidates
        said = describe(text, m.start, pattern) or {}
        if said.get("type"):
            m.kind = place_kind(said["type"])
        if said.get("dir"):
            m.direction = direction_of(said["dir"])
        owner = said.get("owner") or said.get("dem")
        if owner and said.get("type"):
            _set_container(m, owner, gaz, resolver)
    for m in mentions:
        nxt = next((by_start[s] for s in range(m.end + 1, m.end + 4) if s in by_start), None)
        if nxt and COMMA_GAP.match(text[m.end:nxt.start]) and m.candidates and m.candidates[0].feature == "city":
            _set_container(m, nxt.text, gaz, resolver)


def _set_container(m: Mention, owner: str, gaz: Gazetteer, resolver: Resolver) -> None:
    code = country_code(gaz, owner)
    if code:
        m.container = code
        return
    admins = [c for c in resolver.candidates(owner) if c.feature == "admin"]
    if admins:
        m.container, m.container_admin = admins[0].country, admins[0].admin1


def demonym_context(doc: Doc, gaz: Gazetteer) -> Context:
    """Countries the article's demonyms point to ("Guatemalan police"): context, never places."""
    counts: Counter = Counter()
    for tok in doc:
        if tok.text[:1].isupper():
            code = gaz.demonym(tok.text)
            if code:
                counts[code] += 1
    return Context(countries=counts)


def find_focus(resolutions: list[Resolution]) -> Resolution | None:
    """The document's focus, where its streets and buildings lie: the town of its main country named most
    often (the first named on a tie)."""
    placed = [r for r in resolutions if r.choice is not None]
    countries = Counter(r.choice.country for r in placed if r.choice.country)  # type: ignore[union-attr]
    if not countries:
        return None
    main = countries.most_common(1)[0][0]
    local = [r for r in placed if r.choice.feature in FOCUS_FEATURES and r.choice.country == main]  # type: ignore
    if not local:
        return None
    counts = Counter(r.choice.id for r in local)  # type: ignore[union-attr]
    return max(local, key=lambda r: (counts[r.choice.id], -r.mention.start))  # type: ignore[union-attr]


def _is_building(m: Mention) -> bool:
    """A name of a building or street ("White House", "Royal Street"), never of a town."""
    words = m.text.split()
    return len(words) > 1 and words[-1] in load_curated()["facility_words"]["buildings"]


def _unknown_place_kept(m: Mention) -> bool:
    """A name the gazetteer lacks is kept as a place when it looks like one: a facility or feature name, or a
    span NER calls a place that is not an acronym or a brand ("UConn", "MoD", "OT" are too often something else)."""
    if is_facility(m.text):
        return True
    if " and " in m.text:  # "Rubio and Cruz": a list of names, not one place
        return False
    return m.source in PLACE_LABELS and (" " in m.text or sum(ch.isupper() for ch in m.text) < 2)


def nearest_town(resolutions: list[Resolution], start: int, focus: Resolution | None) -> Resolution | None:
    """The town of the focus' country named last before a position (streets follow the town just named),
    else the focus."""
    if focus is None or focus.choice is None:
        return None
    before = [r for r in resolutions if r.mention.start < start and r.choice is not None
              and r.choice.feature in FOCUS_FEATURES and r.choice.country == focus.choice.country]
    return before[-1] if before else focus


def _found_from(r: Resolution, focus: Resolution | None = None) -> Found | None:
    m, c = r.mention, r.choice
    if c is None or (_is_building(m) and c.feature == "city" and not m.container):
        if not m.candidates and not _unknown_place_kept(m):
            return None
        if (not m.candidates or _is_building(m)) and focus is not None and focus.choice is not None:
            f = focus.choice
            place = Place(m.start, m.end, name=m.text, feature="city", country=f.country, admin1=f.admin1,
                          lat=f.lat, lon=f.lon, score=FOCUS_SCORE)
            why = "a building or street" if m.candidates else "not in the gazetteer"
            return Found(place, r, f"{why}: placed in the town named before it, {f.name}")
        feature = SPEECH_FEATURES.get(m.source, "city")
        return Found(Place(m.start, m.end, name=m.text, feature=feature, score=round(r.score, 3)), r, "abstained")
    country = None if c.feature in ("border", "region") else c.country
    admin1 = c.admin1 if c.feature in ("city", "admin") else None
    place = Place(m.start, m.end, name=c.name, feature=c.feature, country=country,  # type: ignore[arg-type]
                  countries=sorted(c.countries) if c.feature == "border" else None, admin1=admin1,
                  lat=c.lat, lon=c.lon, geonameid=c.geonameid, score=round(r.score, 3))
    return Found(place, r)


def _border_found(b: Border, note: str) -> Found:
    return Found(Place(b.start, b.end, name=b.text, feature="border", countries=list(b.countries), score=1.0),
                 note=note)


def single_borders(text: str, resolutions: list[Resolution], gaz: Gazetteer,
                   taken: list[tuple[int, int]]) -> list[Found]:
    """'the Mexican border' (the other side from context) and 'the southern border' (in a country-centred text)."""
    counts: Counter = Counter()
    for r in resolutions:
        if r.choice is not None and r.choice.country:
            counts[r.choice.country] += 1
    out = []
    for start, end, side in find_single_borders(text, gaz):
        if _overlaps(start, end, taken):
            continue
        other = _other_side(side, start, resolutions, counts, gaz)
        if other:
            out.append(_border_found(Border(start, end, text[start:end], tuple(sorted((side, other)))),
                                     f"other side from context: {other}"))
            taken.append((start, end))
    out += [_border_found(b, "direction word") for b in find_directional_borders(text, counts, gaz)
            if not _overlaps(b.start, b.end, taken)]
    return out


def _other_side(side: str, start: int, resolutions: list[Resolution], counts: Counter,
                gaz: Gazetteer) -> str | None:
    """The country on the other side of a border named by one side: the nearest place before it that is in a
    neighbouring country, else the document's most named neighbour."""
    neighbours = set(gaz.neighbours(side))
    before = [r for r in resolutions if r.choice is not None and r.mention.end <= start]
    for r in reversed(before):
        if r.choice.country in neighbours:  # type: ignore[union-attr]
            return r.choice.country  # type: ignore[union-attr]
    ranked = [code for code, _ in counts.most_common() if code in neighbours]
    return ranked[0] if ranked else None
