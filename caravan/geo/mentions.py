"""Place mentions in a parsed text: spaCy entities, capitalised names NER missed, datelines, towns named after
a place preposition or known in the document's country, and what the words around a name say about it.

Demonyms are context, never places; a name that is a person elsewhere in the document is not a place; generic
words ("Southern", "Congress") are not places on their own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from caravan.geo.curated import load_curated
from caravan.geo.patterns import country_code, describe, described_after, direction_of, place_kind
from caravan.geo.resolver import MAX_ACRONYM, Context, Mention, Resolution, Resolver, is_caps
from caravan.geo.store import Candidate, Gazetteer
from caravan.nlp.extensions import Entity, derived, doc_text, entities, token_table, token_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# labels a place name is often given by mistake; kept only when the span is surely a place
MAYBE_LABELS = frozenset({"ORG", "PERSON", "NORP", "PER", "MISC"})
# features a name may have to be found without NER, or under a MAYBE label, with nothing else said about it
SURE_FEATURES = frozenset({"country", "admin", "region"})
# entity labels whose spans are never searched for towns NER missed
NOT_PLACE_LABELS = frozenset(
    {
        "PERSON",
        "PER",
        "DATE",
        "TIME",
        "NORP",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
PREPOSITION_OBJECT = "pobj"  # a one-word "person" may be a mislabelled town only as a preposition's object
SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # a "person" that is a verb's subject is a person
MIN_NAME_LENGTH = 3  # shorter names ("No", "WA") are only countries ("US", "UK") or found by NER
UNSURE_CODES = frozenset({"ADM2"})  # county names are too often surnames and words to be found without NER
LEADING = re.compile(r"^(?:the|The|THE)\s+")
TRAILING = re.compile(r"(?:['’]s?|[\s,.;:!?)\]\"”’-])+$")
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]{1,2}\.|\b[A-Z][a-z]{1,4}\.)$")  # "U.S.", "Calif." keep their final dot
NAME_CONNECTORS = frozenset({"de", "del", "la", "of", "and", "y"})  # inside country names ("Trinidad and Tobago")
RUN_CONNECTORS = frozenset({"de", "del", "la", "of"})  # inside town names
SPAN_BLOCK = 64  # characters per block of a SpanSet (a place name is shorter)
FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "ADV"})
MAX_NAME_TOKENS = 4
NAME_KINDS_OK = ("name", "alt")
# two names joined by "de"/"y"/"con" that a parser may take for one: "Guatemala de México" (separa A de B)
COUNTRY_PAIR = re.compile(r"^(?P<a>[^,]+?)\s+(?:de|y|con|from|and)\s+(?P<b>[^,]+)$")
COMMA_GAP = re.compile(r"^\s*,\s*$")
# a dateline: a capitalised town opening a line, optionally with its division, before "(", a dash or a colon
DATELINE = re.compile(
    r"(?m)(?:^|(?<=\. ))(?P<town>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?=,?\s*(?:\(|—|–|--| - |:|[A-Z][a-z]))"
)
# a dateline inside a line, marked by the news agency after it: "... Associated Press WASHINGTON (AP) —"
AGENCY_DATELINE = re.compile(
    r"(?<![\w.])(?P<town>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?=(?:,\s*[A-Z][A-Za-z.]*)?\s*\((?:AP|Reuters|AFP|UPI|dpa|EFE|CNN|[A-Z]{2,5})\)\s*[-—–])"
)
BIG_CITY = 100_000  # population of a city found even under an organisation label
DATELINE_TAIL = re.compile(r"[A-Z.&,\s]*?(?:,|\(|—|–|--| - )")  # what may follow the town of a dateline
SHOUT_TAGS = frozenset({"VERB", "AUX", "ADV", "ADJ", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART", "INTJ"})
CONTEXT_TOWN_POPULATION = 1000  # smallest town of the document's main country found without NER or a cue
# smallest one-word town found that way outside the divisions the document names (one-word names of small towns
# are mostly surnames and institutions: "Hernandez", "Cato", "Yale")
CONTEXT_WORD_POPULATION = 50_000


def strip_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of a name without a leading "the" or a trailing possessive or punctuation ("U.S." keeps its dot)."""
    lead = LEADING.match(text[start:end])
    if lead:
        start += lead.end()
    piece = text[start:end]
    trail = TRAILING.search(piece)
    if trail and trail.start() > 0:
        cut = trail.start()
        if piece[cut : cut + 1] == "." and ABBREVIATION_END.search(piece[: cut + 1]):
            cut += 1
        end = start + cut
    return start, end


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


class SpanSet:
    """Character spans, filed by the blocks of SPAN_BLOCK characters they touch, so whether a span overlaps any of
    them (as ``overlaps`` says) is answered from the few spans near it, not by comparing it with every one."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.blocks: dict[int, list[tuple[int, int]]] = {}
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        for block in _blocks(start, end):
            self.blocks.setdefault(block, []).append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a span of the set (an empty span overlaps one that holds it inside)."""
        return any(overlaps(start, end, self.blocks.get(block, [])) for block in _blocks(start, end))


def _blocks(start: int, end: int) -> range:
    """The blocks holding the characters of [start, end), or its position when empty: two spans that overlap
    share a character, or one holds the other's position, so they share a block."""
    return range(start // SPAN_BLOCK, max(start, end - 1) // SPAN_BLOCK + 1)


def dedupe(mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """Mentions that overlap no border and no earlier (entity-first) mention."""
    kept: list[Mention] = []
    spans = SpanSet(taken)
    for m in sorted(mentions, key=lambda m: m.start - m.end):  # longest first: "Baja California" over "California"
        if m.end > m.start and not spans.overlaps(m.start, m.end):
            kept.append(m)
            spans.add(m.start, m.end)
    return sorted(kept, key=lambda m: m.start)


def _is_sure_place(gaz: Gazetteer, name: str) -> bool:
    """A name that is a country, division or region under its own name or an alternate, and no demonym."""
    if gaz.demonym(name):
        return False
    if len(name) < MIN_NAME_LENGTH:  # "US", "UK"; not "Us" in a title
        return name.isupper() and _is_country(gaz, name)
    return any(
        c.feature in SURE_FEATURES and c.kind in NAME_KINDS_OK and c.code not in UNSURE_CODES for c in gaz.find(name)
    )


def find_entity_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Mentions from the named entities: place labels, and mislabelled spans that are surely places."""
    out = []
    for ent in entities(doc):
        if ent.label_ not in PLACE_LABELS and ent.label_ not in MAYBE_LABELS:
            continue
        for start, end in _entity_parts(doc_text(doc), ent, gaz):
            name = doc_text(doc)[start:end]
            if not name or gaz.demonym(name) or not name[:1].isupper() or _generic_entity(gaz, name):
                continue
            if ent.label_ in MAYBE_LABELS and not (
                _is_sure_place(gaz, name)
                or is_facility(name)
                or _has_cue(doc_text(doc), start, end, gaz, ent.label_)
                or (ent.label_ == "ORG" and _is_big_city(gaz, name))
            ):
                continue
            out.append(Mention(start, end, name, source=ent.label_))
    return out


def _entity_parts(text: str, ent: Entity, gaz: Gazetteer) -> list[tuple[int, int]]:
    """An entity's name span(s): "Columbus, Ohio" is two places."""
    start, end = strip_name(text, ent.start_char, ent.end_char)
    pair = COUNTRY_PAIR.match(text[start:end])
    if pair and not _is_country(gaz, pair.group(0)) and all(_is_country(gaz, pair.group(k)) for k in ("a", "b")):
        return [(start + pair.start(k), start + pair.end(k)) for k in ("a", "b")]  # "separa Guatemala de México"
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
    return len(words) > 1 and words[-1] in facility_words()


@lru_cache(maxsize=1)
def facility_words() -> frozenset[str]:
    return frozenset(load_curated()["facility_words"]["words"])


@lru_cache(maxsize=1)
def _generic_names() -> frozenset[str]:
    words = load_curated()["generic_names"]["words"]
    return frozenset(words) | frozenset(w.upper() for w in words)


def _generic_entity(gaz: Gazetteer, name: str) -> bool:
    """A generic word, or a generic compound ("Southern Border") that is no place's own name ("Northern
    Territory" is one)."""
    if (is_generic(name) and " " not in name) or name in _generic_names():
        return True
    return " " in name and is_generic(name) and not any(c.kind == "name" for c in gaz.find(name))


def is_generic(name: str) -> bool:
    """A name made only of generic words ("Southern", "Northern District", "Southern Border")."""
    heads = load_curated()["generic_names"]["heads"]
    words = name.split()
    generic = _generic_names()
    if name in generic:  # also institutions named by their building ("White House", "Kremlin")
        return True
    return all(w in generic or w.capitalize() in generic for w in words[:-1]) and (
        words[-1] in generic or words[-1].capitalize() in heads or words[-1].capitalize() in generic
    )


def drop_people(doc: Doc, gaz: Gazetteer, mentions: list[Mention], weak: bool = True) -> list[Mention]:
    """Mentions that are a person's surname elsewhere in the document ("Dubreuil" after "Claude Dubreuil",
    "Holland" after "Bill Holland"), unless the text calls them a place ("the town of Morales"). Also, unless they
    are a country or division: with ``weak`` (entity mentions), a full name NER calls a person and a one-word name
    it calls a person more often than a place; without (towns found without NER), a given name ("Becky" after
    "Becky Smith")."""
    labels = Counter((e.text, e.label_ in PLACE_LABELS) for e in entities(doc))
    persons = [e.text for e in entities(doc) if e.label_ in ("PERSON", "PER")]
    surnames = {p.split()[-1] for p in persons if " " in p}
    if weak:
        people = {p for p in persons if " " in p or labels[(p, False)] > labels[(p, True)]}
    else:
        people = {p.split()[0] for p in persons if " " in p}
    given = {p.split()[0] for p in persons if " " in p}  # "Yulia" after "Yulia Smith", when no place has the name
    return [
        m
        for m in mentions
        if (describe(doc_text(doc), m.start) or {}).get("type")
        or not (
            m.text in surnames
            or (m.text in people and not _is_sure_place(gaz, m.text))
            or (m.text in given and not gaz.find(m.text))
        )
    ]


def _is_big_city(gaz: Gazetteer, name: str) -> bool:
    """A city large enough that an organisation-labelled span of just its name is the city ("Harare")."""
    return any(c.feature == "city" and c.kind == "name" and c.population >= BIG_CITY for c in gaz.find(name))


def _has_cue(text: str, start: int, end: int, gaz: Gazetteer, label: str) -> bool:
    """The text calls the name a place: 'the town of X', or (not for people) 'X, <country or division>' follows."""
    said = describe(text, start)
    if said and said.get("type"):
        return True
    if label in ("PERSON", "PER"):
        return False
    after = re.match(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", text[end : end + 40])
    return bool(after and (_is_sure_place(gaz, after.group(1)) or _is_sure_place(gaz, after.group(1).split()[0])))


def _name_spans(doc: Doc, person: set[int]) -> list[SpacySpan]:
    """Runs of capitalised tokens (with inner connectors: "Trinidad and Tobago") outside person names."""
    spans = []
    words = token_words(doc)
    for i, word in enumerate(words):
        if i in person or not word[:1].isupper():
            continue
        for n in range(min(MAX_NAME_TOKENS, len(words) - i), 0, -1):
            piece = words[i : i + n]
            if (
                piece[-1][:1].isupper()
                and all(w[:1].isupper() or w in NAME_CONNECTORS or w in ("-", ".") for w in piece)
                and not any(j in person for j in range(i, i + n))
            ):
                spans.append(doc[i : i + n])
    return spans


def find_name_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Countries, divisions and regions named in capitalised text that NER did not mark (or marked as part of
    something else, like an organisation)."""
    person = {i for ent in entities(doc) if ent.label_ in ("PERSON", "PER") for i in range(ent.start, ent.end)}
    has_pos = doc.has_annotation("POS")
    out = []
    for span in _name_spans(doc, person):
        if has_pos and not all(t.pos_ == "PROPN" or t.text in NAME_CONNECTORS or t.text.isupper() for t in span):
            continue
        start, end = strip_name(doc_text(doc), span.start_char, span.end_char)
        name = doc_text(doc)[start:end]
        if (
            name
            and not is_generic(name)
            and _is_sure_place(gaz, name)
            and (_is_country(gaz, name) or _is_whole_name(doc, span))
        ):
            town = _town_ending_in(doc, span, gaz) if _is_country(gaz, name) else None
            out.append(town or Mention(start, end, name, source="gazetteer"))
    return out


def _town_ending_in(doc: Doc, span: SpacySpan, gaz: Gazetteer) -> Mention | None:
    """The town whose name ends in a country's name: "Ciudad Tecún Umán", "Ciudad de Guatemala", "Nuevo México"
    are towns (the longest capitalised run before the country that the gazetteer knows as a town), not countries."""
    first = span.start
    while (
        first > 0
        and span.end - first < MAX_NAME_TOKENS
        and (doc[first - 1].text[:1].isupper() or doc[first - 1].text in RUN_CONNECTORS)
    ):
        first -= 1
    for i in range(first, span.start):
        if not doc[i].text[:1].isupper():
            continue
        start, end = strip_name(doc.text, doc[i].idx, span.end_char)
        if _town_candidates(gaz, doc.text[start:end]):
            return Mention(start, end, doc.text[start:end], source="gazetteer")
    return None


def _is_country(gaz: Gazetteer, name: str) -> bool:
    return any(c.feature == "country" and c.kind in NAME_KINDS_OK for c in gaz.find(name))


def _is_whole_name(doc: Doc, span: SpacySpan) -> bool:
    """No capitalised name word right before or after: "South" in "South Kilburn Estate" is not a division."""

    def named(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].pos_ in ("PROPN", "")

    return not named(span.start - 1) and not named(span.end)


RUNS_KEY = ("caravan", "name_runs")  # Doc.user_data: the token bounds of _runs, found once per Doc


def _runs(doc: Doc) -> list[SpacySpan]:
    """Maximal runs of capitalised tokens, with inner name connectors ("Ciudad de México"; not "and", which joins
    lists), without a leading function word ("In Ciudad Juárez")."""
    return [SpacySpan(doc, start, end) for start, end in derived(doc, RUNS_KEY, _run_bounds)]


def _run_bounds(doc: Doc) -> list[tuple[int, int]]:
    runs, start = [], None
    table = token_table(doc)
    words = table.words
    for i, word in enumerate(words):
        cap = word[:1].isupper()
        if cap and start is None:
            start = i
        elif (
            not cap
            and start is not None
            and not (word in RUN_CONNECTORS and i + 1 < len(words) and words[i + 1][:1].isupper())
        ):
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(words)))
    out = []
    for start, end in runs:
        while start < end and table.pos[start] in FUNCTION_POS:  # "In Ciudad Juárez"
            start += 1
        if start < end:
            out.append((start, end))
    return out


def place_words() -> frozenset[str]:
    return frozenset(load_curated()["place_prepositions"]["words"])


def _town_candidates(gaz: Gazetteer, name: str) -> list[Candidate]:
    return [c for c in gaz.find(name) if c.feature in ("city", "admin") and c.kind in NAME_KINDS_OK]


def find_cued_towns(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Towns NER missed after a place preposition: "in Durban", "near Dewsbury" (not "in March")."""
    labels = NOT_PLACE_LABELS - {"PERSON", "PER"}
    blocked = {i for ent in entities(doc) if ent.label_ in labels for i in range(ent.start, ent.end)}
    out = []
    for run in _runs(doc):
        if run.start == 0 or doc[run.start - 1].lower_ not in place_words() or len(run) > MAX_NAME_TOKENS:
            continue
        if any(t.i in blocked for t in run):
            continue
        if doc_text(doc)[run.end_char : run.end_char + 2] in ("'s", "’s"):
            continue
        start, end = strip_name(doc_text(doc), run.start_char, run.end_char)
        name = doc_text(doc)[start:end]
        if name and not is_generic(name) and _town_candidates(gaz, name):
            out.append(Mention(start, end, name, source="cue"))
    return out


def _maybe_town(doc: Doc, ent: Entity) -> bool:
    """A "person" that is no verb's subject, or one an apposition calls a town ("X, the Honduran city"), may be a
    town NER mislabelled; a one-word one only after a place preposition ("from Riverdale", not "with Merkel") or in
    a list of places ("to Reynosa, Matamoros")."""
    if ent.label_ not in ("PERSON", "PER"):
        return False
    if described_after(doc_text(doc), ent.end_char):
        return True  # "San Pedro Sula, the Honduran city where ...": a subject too
    if doc[ent.start : ent.end].root.dep_ in SUBJECTS:
        return False
    tok = doc[ent.start]
    after_place_word = tok.dep_ == PREPOSITION_OBJECT and tok.head.lower_ in place_words()
    in_list = tok.dep_ == "conj" and (tok.head.dep_ == PREPOSITION_OBJECT or tok.head.ent_type_ in PLACE_LABELS)
    return ent.end - ent.start > 1 or after_place_word or in_list


def find_context_towns(
    doc: Doc, gaz: Gazetteer, resolutions: list[Resolution], taken: list[tuple[int, int]]
) -> list[Mention]:
    """Names of towns of the countries the document names that NER missed or mislabelled: as an organisation,
    or as a person when the name is no verb's subject (one-word names only after a preposition) and no full name
    in the document explains it ("San Pedro Sula" and "Tecún Umán" are often tagged as people)."""
    countries = {r.choice.country for r in resolutions if r.choice is not None and r.choice.country}
    admins = {
        (r.choice.country, r.choice.admin1) for r in resolutions if r.choice is not None and r.choice.feature == "admin"
    }
    if not countries:
        return []
    spans = SpanSet(taken + [(r.mention.start, r.mention.end) for r in resolutions])
    common = {w for w in token_words(doc) if w.islower()}  # "Walls", "University": words the text also writes small
    blocked = {
        i
        for ent in entities(doc)
        if ent.label_ in NOT_PLACE_LABELS and not _maybe_town(doc, ent)
        for i in range(ent.start, ent.end)
    }
    out = []
    for run in _runs(doc):
        if any(t.i in blocked or t.pos_ not in ("PROPN", "") for t in run) or len(run) > MAX_NAME_TOKENS:
            continue
        start, end = strip_name(doc_text(doc), run.start_char, run.end_char)
        name = doc_text(doc)[start:end]
        if not name or is_generic(name) or spans.overlaps(start, end) or name.lower() in common:
            continue
        kinds = ("name", "alt") if " " in name else ("name",)
        if any(
            c.country in countries
            and c.kind in kinds
            and c.population >= CONTEXT_TOWN_POPULATION
            and (" " in name or c.population >= CONTEXT_WORD_POPULATION or (c.country, c.admin1) in admins)
            for c in _town_candidates(gaz, name)
        ):
            out.append(Mention(start, end, name, source="context"))
    return out


def find_dateline(text: str, gaz: Gazetteer) -> list[Mention]:
    """The town of a dateline ("SAN DIEGO (Reuters) -", "TORONTO —", "OKLAHOMA CITY The Latest...")."""
    out = []
    hits = {m.start("town"): m for m in DATELINE.finditer(text)}
    hits.update({m.start("town"): m for m in AGENCY_DATELINE.finditer(text) if m.start("town") not in hits})
    for m in hits.values():
        town = m.group("town").strip()
        if len(town) > 3 and any(c.feature in ("city", "admin") and c.kind in NAME_KINDS_OK for c in gaz.find(town)):
            out.append(Mention(m.start("town"), m.start("town") + len(town), town, source="dateline", kind="city"))
    return out


_WORD_OR_DASH = re.compile(r"[\w-]")  # what may not touch a repeated name


def find_repeats(text: str, entities: list[Mention]) -> list[Mention]:
    """One sense per document: other occurrences of a name NER called a place somewhere in the text."""
    names = {m.text for m in entities if m.source in PLACE_LABELS and len(m.text) > 2}
    out = []
    for name in names:  # str.find, then the word-edge test: a regex per name is compiled and run for each article
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not (start and _WORD_OR_DASH.match(text, start - 1)) and not _WORD_OR_DASH.match(text, end):
                out.append(Mention(start, end, name, source="repeat"))
                start = text.find(name, end)  # as finditer: the next hit after this one, never inside it
            else:
                start = text.find(name, start + 1)
    return out


def trusted_caps() -> frozenset[str]:
    """All-caps news abbreviations that are places even in a shouted line ("US", "UK", "DC")."""
    curated = load_curated()
    names = [n for key, ns in curated["country_aliases"].items() if key != "_about" for n in ns]
    names += curated["caps_abbreviations"]["words"]
    return frozenset(n for n in names if is_caps(n))


def is_shouted(doc: Doc, m: Mention) -> bool:
    """An all-caps name that is a shouted word, not a place: next to other all-caps words of the same line
    ("Congress MUST ACT NOW") or a word the tagger reads as a verb, adverb or the like.
    Trusted news abbreviations ("US", "UK", "DC") and datelines are exempt."""
    if (
        m.source == "dateline"
        or not is_caps(m.text)
        or m.text in trusted_caps()
        or in_dateline(doc_text(doc), m.start, m.end)
    ):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    if len(span) == 1 and span[0].pos_ in SHOUT_TAGS:
        return True
    return _caps_neighbour(doc, span.start - 1, -1) or _caps_neighbour(doc, span.end, 1)


def in_dateline(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` opens its line (or a sentence) in capitals and a dateline separator follows
    the capitals ("SAN DIEGO, Calif. (AP) -", "TIJUANA & ENSENADA --")."""
    line_start = text.rfind("\n", 0, start) + 1
    if any(ch.islower() for ch in text[line_start:start]) and text[max(0, start - 2) : start] != ". ":
        return False
    return bool(DATELINE_TAIL.match(text, end))


def _caps_neighbour(doc: Doc, i: int, step: int) -> bool:
    """The nearest word on one side, within the line, is written in capitals too."""
    while 0 <= i < len(doc) and not doc[i].is_alpha:
        if "\n" in doc[i].text or doc[i].text in (".", "!", "?"):
            return False
        i += step
    return 0 <= i < len(doc) and len(doc[i].text) > 1 and doc[i].text.isupper()


def unsupported_acronym(r: Resolution, resolutions: list[Resolution]) -> bool:
    """An all-caps abbreviation that is not a trusted news one ("ACT", "WA") is a place only in a document that
    names its country elsewhere: "ACT" is the Australian Capital Territory after "Canberra", a shouted verb in
    a text about Washington."""
    m = r.mention
    if (
        m.source == "dateline"
        or not is_caps(m.text)
        or " " in m.text
        or len(m.text) > MAX_ACRONYM
        or m.text in trusted_caps()
        or (r.choice is not None and r.choice.feature == "country")
    ):
        return False
    if r.choice is None or r.choice.feature not in ("city", "admin"):
        return r.choice is None
    named = {
        o.choice.country for o in resolutions if o is not r and o.choice is not None and not is_caps(o.mention.text)
    }
    return r.choice.country not in named


def unsupported_generic(r: Resolution, resolutions: list[Resolution]) -> bool:
    """A name made of generic words ("Southern District", "Central Region") is a division of a country only in a
    document that names that country elsewhere ("the Southern District of California" is a court district, not
    a district of Hong Kong)."""
    if r.choice is None or r.choice.feature not in ("city", "admin") or not is_generic(r.mention.text):
        return False
    return r.choice.country not in {o.choice.country for o in resolutions if o is not r and o.choice is not None}


def unsupported_person(r: Resolution, resolutions: list[Resolution]) -> bool:
    """A name NER calls a person ("Estrella Flores" tagged on "Flores") is a division or town only of a country
    the document names elsewhere."""
    m = r.mention
    if (
        r.choice is None
        or r.choice.feature not in ("city", "admin")
        or m.source not in ("PERSON", "PER")
        or m.container
        or m.kind
    ):  # "the Guatemalan town of Morales" is a place whatever NER says
        return False
    return r.choice.country not in {o.choice.country for o in resolutions if o is not r and o.choice is not None}


@lru_cache(maxsize=1)
def _named_things() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in load_curated()["named_things"]["names"].items()}


NEXT_WORD = re.compile(r"[ \t]+([\w-]+)")


def names_a_thing(text: str, start: int, end: int) -> bool:
    """A place name before a word that makes it a thing, a rule or an agreement ("*Jersey* barriers", "the
    *Flores* settlement", "the *Schengen* area"; curated ``named_things``)."""
    words = _named_things().get(text[start:end])
    if words is None:
        return False
    following = NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() in words


def drop_named_things(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions that do not name a thing after a place (see ``names_a_thing``)."""
    return [m for m in mentions if not names_a_thing(text, m.start, m.end)]


def drop_shouted(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions without shouted all-caps words (see ``is_shouted``)."""
    return [m for m in mentions if not is_shouted(doc, m)]


def annotate_mentions(text: str, mentions: list[Mention], resolver: Resolver) -> None:
    """Set what the text says about each mention: its container ('X, Honduras'), feature and direction."""
    gaz = resolver.gazetteer
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        m.candidates = resolver.candidates(m.text) or _named_after_town(m.text, resolver)
        if not (COMMA_GAP.match(text[max(0, m.start - 3) : m.start] or "x") or m.text.endswith(".")):  # "Ariz."
            m.candidates = tuple(c for c in m.candidates if c.kind != "abbr") or m.candidates
        said = describe(text, m.start) or {}
        if said.get("type"):
            m.kind = place_kind(said["type"])
        if said.get("dir"):
            m.direction = direction_of(said["dir"])
        owner = said.get("owner") or said.get("dem")
        if owner and said.get("type"):
            _set_container(m, owner, gaz, resolver)
    for m in mentions:
        nxt = next((by_start[s] for s in range(m.end + 1, m.end + 4) if s in by_start), None)
        if nxt and COMMA_GAP.match(text[m.end : nxt.start]) and any(c.feature == "city" for c in m.candidates):
            _set_comma_container(m, nxt, gaz, resolver)


def _named_after_town(name: str, resolver: Resolver) -> tuple[Candidate, ...]:
    """For a border facility the gazetteer lacks, named after its town ("Tornillo Port of Entry"), the towns its
    first words name; else nothing."""
    lower = name.lower()
    for tail in crossing_tails():
        if lower.endswith(" " + tail):
            stem = name[: len(name) - len(tail)].strip().removesuffix("'s").strip()
            return tuple(c for c in resolver.candidates(stem) if c.feature == "city") if stem else ()
    return ()


@lru_cache(maxsize=1)
def crossing_tails() -> tuple[str, ...]:
    """The tails of ``crossing_facilities`` in the curated data, longest first ("border crossing" before
    "crossing")."""
    return tuple(sorted(load_curated()["crossing_facilities"]["tails"], key=len, reverse=True))


def _set_comma_container(m: Mention, nxt: Mention, gaz: Gazetteer, resolver: Resolver) -> None:
    """ "X, Y": Y is X's country, or X's first-level division ("Eagle Pass, Texas": then Y is the division, not a
    town called Texas); otherwise a list of places ("Tapachula, Huixtla and Pijijiapan") says nothing."""
    if country_code(gaz, nxt.text):
        _set_container(m, nxt.text, gaz, resolver)
        return
    divisions = {(c.country, c.admin1) for c in nxt.candidates if c.feature == "admin" and c.code == "ADM1"}
    shared = divisions & {(c.country, c.admin1) for c in m.candidates if c.feature == "city"}
    if shared:
        m.container, m.container_admin = sorted(shared, key=str)[0]
        nxt.kind = "admin"
    elif nxt.text.endswith(".") and len(divisions) == 1 and m.candidates and m.candidates[0].feature == "city":
        m.container, m.container_admin = next(iter(divisions))  # "Baja, Calif.": in California, whatever X is
        nxt.kind = "admin"


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
    for word in token_words(doc):
        if word[:1].isupper():
            code = gaz.demonym(word)
            if code:
                counts[code] += 1
    return Context(countries=counts)


def is_building(m: Mention) -> bool:
    """A name of a building or street ("White House", "Royal Street"), never of a town."""
    words = m.text.split()
    return len(words) > 1 and words[-1] in load_curated()["facility_words"]["buildings"]
