"""The arguments of an event: actor, place, country, date, size, amount and quote, read from its clause.

Places, quantities, dates and quotes come from the components that ran before (``doc._.places`` and so on);
countries of names and demonyms come from ``caravan.geo.country_of`` where it exists, else from countryinfo.
"""

from __future__ import annotations

import importlib
import logging
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span, Token

from caravan.datafiles import read_rows
from caravan.errors import GazetteerError
from caravan.geo.mentions import names_a_thing
from caravan.model import DateRef, Place, Quantity, Quote
from caravan.nlp.events.clause import partitive_heads, prep_objects
from caravan.nlp.events.lexicon import DATA_DIR, in_class, lemma
from caravan.nlp.extensions import doc_text, entities, in_boilerplate, user_data

log = logging.getLogger(__name__)

COUNTRY_ALIASES_FILE = DATA_DIR / "countries.tsv"
OFFICIALS_FILE = DATA_DIR / "officials.tsv"
# features that name a place an event happened in (a country alone gives the event's country, not its place)
PLACE_FEATURES = ("city", "admin")
FEATURE_RANK = {"city": 0, "admin": 1, "country": 2, "region": 3, "border": 4}
# prepositions that introduce where a movement goes (most events) or comes from (depart)
TO_PREPS = frozenset(
    {"into", "to", "toward", "towards", "for", "in", "at", "inside", "through", "across", "near", "outside", "on"}
)
FROM_PREPS = frozenset({"from", "out"})
LISTING_PREPS = frozenset({"including", "like"})  # "countries *including* Iran": examples of the noun before
# verbs that take something away "from" someone: their "from" names who loses it, not where anyone comes from
WITHDRAWING_VERBS = frozenset(
    {"withhold", "cut", "suspend", "halt", "freeze", "slash", "stop", "end", "terminate", "remove", "pull", "strip"}
)
# prepositions that say where something is or happens ("a march *in* X"), not where it goes or comes from
AT_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "around"})
DESTINATION_PREPS = frozenset({"to", "for", "toward", "towards", "into"})
# prepositions of where people are sent: a block that turns them back "to X" does not happen in X
SENDING_PREPS = frozenset({"to", "toward", "towards"})
BORDER_NOUNS = frozenset({"border", "frontier"})
PEOPLE_UNITS = frozenset({"people", "person", "persons"})
# the head of a number that gives a group's strength as a modifier ("a 1,000-*person* caravan", "3,000-*strong*")
STRENGTH_WORDS = frozenset({"person", "people", "strong", "member"})
PRONOUNS_WITHOUT_NAME = frozenset({"PRON"})
DROP_LEFT_DEPS = frozenset({"det", "predet", "case", "punct", "advmod", "nummod", "quantmod", "prep"})


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    text = " ".join(text.casefold().replace(".", "").replace("'s", "").split())
    return text[4:] if text.startswith("the ") else text


@lru_cache(maxsize=1)
def _fallback_countries() -> dict[str, str]:
    """Country names, long alternate names and demonyms (singular and plural) -> ISO code, from countryinfo."""
    import countryinfo

    index: dict[str, str] = {}
    for info in countryinfo.all_countries():
        code = (info.iso() or {}).get("alpha2")
        if not code:
            continue
        names = [info.name(), *(a for a in (info.alt_spellings() or []) if len(a) > 3)]
        demonym = info.demonym()
        if demonym:
            names += [demonym, demonym + "s"]
        for name in names:
            index.setdefault(_key(name), code)
    index.update(_load_aliases())
    return index


def _load_aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, code, *_ in read_rows(COUNTRY_ALIASES_FILE):
        out[_key(name)] = code.strip()
    return out


@lru_cache(maxsize=2)
def _officials(agencies: bool) -> dict[str, str]:
    """Official's name (accents and case folded) -> the country they act for (``officials.tsv``); with
    ``agencies``, the government agencies too (office "agency ...")."""
    rows = read_rows(OFFICIALS_FILE)
    return {_key(row[0]): row[1].strip() for row in rows if agencies or not row[2].startswith("agency")}


def official_country(name: str | None, agencies: bool = True) -> str | None:
    """The country of the government an official (or, with ``agencies``, an agency) acts for, when a name ends
    with one listed in ``officials.tsv`` ("President Donald Trump", "Mr. Trump", "López Obrador", "ICE"), else
    None."""
    if not name:
        return None
    words, officials = _key(name).split(), _officials(agencies)
    for size in range(min(len(words), 4), 0, -1):
        code = officials.get(" ".join(words[-size:]))
        if code:
            return code
    return None


@lru_cache(maxsize=1)
def _geo_country_of() -> Callable[[str], str | None] | None:
    try:
        module = importlib.import_module("caravan.geo")
    except ImportError:
        return None
    found = getattr(module, "country_of", None)
    return found if callable(found) else None


@lru_cache(maxsize=4096)
def country_of(name: str) -> str | None:
    """The ISO code of a country name or demonym ("Mexico", "Honduran", "Guatemalans"), else None.

    Cached by name: rules ask it of every capitalised word of a clause, and each uncached answer reads the
    settings and the gazetteer's path again."""
    geo = _geo_country_of()
    if geo is not None:
        try:
            code = geo(name)
        except GazetteerError as exc:  # the gazetteer cannot be read: countryinfo still knows the countries
            log.debug("country_of(%r) fell back to countryinfo: %s", name, exc)
            code = None
        if code:
            return code
    return _fallback_countries().get(_key(name))


def token_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


SPAN_TOKENS_KEY = ("caravan", "span_tokens")  # Doc.user_data: (start, end) -> the token indices of that span


def span_tokens(doc: Doc, start: int, end: int) -> range:
    """The indices of the tokens a character span covers (expanded to whole tokens), looked up once per Doc and span:
    every event asks of every item of its article, so a fresh ``char_span`` each time grows with the square of
    the article's length."""
    spans = user_data(doc).setdefault(SPAN_TOKENS_KEY, {})
    found = spans.get((start, end))
    if found is None:
        span = token_span(doc, start, end)
        found = spans[start, end] = range(0) if span is None else range(span.start, span.end)
    return found


def items_in(doc: Doc, items: Iterable, tokens: Iterable[Token]) -> list:
    """The items (places, dates, quantities) that share a token with ``tokens``, in text order."""
    index = {t.i for t in tokens}
    if not index:
        return []
    first, last = doc[min(index)], doc[max(index)]
    low, high = first.idx, last.idx + len(last.text)
    out = [
        item
        for item in items or []
        if item.end > low and item.start < high and not index.isdisjoint(span_tokens(doc, item.start, item.end))
    ]
    return sorted(out, key=lambda x: x.start)


class Located(Protocol):
    """An extracted item with a character span (a place, date, quantity or quote)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


L = TypeVar("L", bound=Located)


def nearest(items: Iterable[L], position: int, span: Span) -> L | None:
    """The item inside a sentence span nearest to a character position."""
    inside = [x for x in items or [] if x.start >= span.start_char and x.end <= span.end_char]
    return min(inside, key=lambda x: abs(x.start - position), default=None)


def place_role(doc: Doc, place: Place, depart: bool) -> int:
    """How well a place says where an event is (see ``token_role``)."""
    span = token_span(doc, place.start, place.end)
    return 1 if span is None else token_role(span.root, depart)


def token_role(token: Token, depart: bool) -> int:
    """0 where a movement goes (for depart: where it leaves from), 1 where it happens, 2 where it comes from
    (for depart: where it goes)."""
    root = token
    while root.head.i != root.i:
        listed = listed_noun(root)
        if listed is not None:
            root = listed  # "from four countries, *including Chad*": the countries' role
        elif root.dep_ in ("compound", "amod", "appos", "pobj", "conj", "nmod") and root.head.pos_ != "ADP":
            root = root.head
        else:
            break
    prep = root.head.lower_ if root.dep_ == "pobj" else None
    if depart:
        return 0 if root.dep_ == "dobj" or prep in FROM_PREPS else 2 if prep in DESTINATION_PREPS else 1
    if prep in FROM_PREPS:
        return 2
    return 0 if root.dep_ == "dobj" or prep in TO_PREPS else 1


# dependencies inside a name or a list of names ("San Pedro *Sula*", "Sudan and *Tanzania*", "Tijuana, *Mexico*")
NAME_DEPS = frozenset({"compound", "appos", "conj"})


def name_root(token: Token, deps: frozenset[str] = NAME_DEPS) -> Token:
    """The word a name or list of names hangs from its phrase by: up from a word through ``deps``."""
    root = token
    while root.dep_ in deps and root.head.i != root.i:
        root = root.head
    return root


def place_preposition(doc: Doc, place: Place) -> str | None:
    """The preposition a place is the object of, through "the town *of* X" ("out of the town of *X*": "out");
    None for a place that is no prepositional object."""
    span = token_span(doc, place.start, place.end)
    if span is None:
        return None
    root = name_root(span.root)
    if root.dep_ != "pobj":
        return None
    prep = root.head
    while prep.lower_ == "of":
        noun = prep.head
        if noun.dep_ == "pobj":
            prep = noun.head
        elif noun.lower_ in FROM_PREPS:  # "out of"
            prep = noun
        else:
            return None  # "the mayor of X"
    return prep.lower_


def rank_places(doc: Doc, places: list[Place], depart: bool) -> list[Place]:
    return sorted(places, key=lambda p: (place_role(doc, p, depart), FEATURE_RANK.get(p.feature, 5), p.start))


def place_at(doc: Doc, token: Token | None) -> Place | None:
    """The resolved place covering a token."""
    if token is None:
        return None
    for place in doc._.places or []:
        if place.start <= token.idx < place.end:
            return place
    return None


def place_of_noun(doc: Doc, token: Token | None) -> Place | None:
    """The place a noun names, or names through "of" ("the border city *of Tijuana*") or in apposition ("San
    Pedro Sula, *the Honduran city* where ...")."""
    found = place_at(doc, token)
    if found is None and token is not None:
        near = prep_objects(token, ("of",)) + [c for c in token.children if c.dep_ == "appos"]
        near += [token.head] if token.dep_ == "appos" else []
        found = next((p for p in (place_at(doc, t) for t in near) if p), None)
    return found


def country_by_role(doc: Doc, tokens: list[Token], depart: bool) -> str | None:
    """The country named in a clause where the event goes or happens, never where it comes from (for depart:
    where it leaves from first)."""
    ranked = sorted(tokens, key=lambda t: token_role(t, depart))
    return country_in_tokens(doc, [t for t in ranked if token_role(t, depart) < 2 or depart])


def country_in_tokens(doc: Doc, tokens: list[Token], skip_origins: bool = False) -> str | None:
    """The first country named in some words: a resolved place, a country name or a demonym ("Honduran");
    ``skip_origins``: not those after "from" ("migrants, who come *from* Honduras, camped ...")."""
    index = {t.i for t in tokens}
    for token in tokens:
        if (skip_origins and is_origin(token)) or is_other_side(token) or names_nationals(token):
            continue
        place = place_at(doc, token)
        if place is not None and place.feature == "border":
            side = country_of(token.text) if token.ent_type_ != "NORP" else None  # a name, not "the *Mexican* border"
            if side and side in (place.countries or []):
                return side  # the side a border is named by: "reaching the *U.S.* border"
        elif place is not None:
            if place.country:
                return place.country
            continue  # a region of several countries: not "America" of "Central America"
        if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.is_alpha and token.is_title:
            if is_nationality(token):
                continue
            ent = entity_of(doc, token)
            name = ent if ent is not None else doc[token.i : token.i + 1]
            if names_a_thing(doc_text(doc), name.start_char, name.end_char):
                continue  # "*Jersey* barriers", "the *Flores* settlement"
            if ent is not None and all(t.i in index for t in ent) and country_of(ent.text):
                return country_of(ent.text)
            code = country_of(token.text)
            if code:
                return code
    return None


def entity_of(doc: Doc, token: Token) -> Span | None:
    """The named entity a token is part of, found from the token's IOB tags (not by scanning ``doc.ents``, which
    builds every entity afresh: quadratic on a long sentence)."""
    if not token.ent_iob_ or token.ent_iob_ == "O":
        return None
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def is_nationality(token: Token) -> bool:
    """A demonym that says where a person is from ("a *Honduran* man"), not where an authority acts or a
    place lies ("*Honduran* police", "the *Mexican* border"): only the latter place an event."""
    if token.ent_type_ != "NORP" and token.pos_ != "ADJ":
        return False
    head = token.head if token.dep_ in ("amod", "compound") else token
    return not any(in_class(head, cls) for cls in ("authorities", "forces", "place_nouns"))


def is_other_side(token: Token) -> bool:
    """A country across a border ("closed the border *with Mexico*", "states *bordering Mexico*", "the crossing
    *opposite San Diego*"): the event is not there."""
    for word in [token, *token.ancestors]:
        if word.dep_ == "dobj":
            return word.head.lemma_.lower() in BORDER_NOUNS  # the verb "border"
        if word.dep_ == "pobj":
            prep = word.head
            if prep.lower_ == "opposite" or (prep.lower_ == "from" and prep.head.lower_ == "across"):
                return True  # "the crossing *opposite San Diego*", "camped *across from El Paso*"
            near = [prep.head, *(c for c in prep.head.children if c.dep_ == "dobj")]  # "close the border with X"
            return prep.lower_ == "with" and any(w.lemma_.lower() in BORDER_NOUNS for w in near)
        if word.dep_ not in ("compound", "amod", "appos", "conj", "nmod", "poss"):
            return False
    return False


def place_across_border(doc: Doc, place: Place) -> bool:
    span = token_span(doc, place.start, place.end)
    return span is not None and is_other_side(span.root)


def takes_away(word: Token) -> bool:
    """Whether a word, or the verb it hangs on, takes something away ("*withhold* aid", "*cut* aid"): its "from"
    names who loses it."""
    return any(lemma(w) in WITHDRAWING_VERBS for w in (word, word.head))


def listed_noun(word: Token) -> Token | None:
    """The noun a listing phrase gives examples of: "countries" for *Chad* in "four countries, including Chad";
    None for a word that is no such example."""
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ not in LISTING_PREPS or prep.head.i == prep.i:
        return None
    return prep.head


def is_origin(token: Token) -> bool:
    """Whether a word is (part of) the object of "from", also as an example of it ("citizens *from* six countries,
    *including Iran*")."""
    word = token
    while True:
        listed = listed_noun(word)
        if listed is not None:
            word = listed
            continue
        if word.dep_ == "pobj":
            return word.head.lower_ in FROM_PREPS and not takes_away(word.head.head)  # not "withhold aid *from* X"
        if word.dep_ not in ("compound", "amod", "appos", "conj", "nmod", "poss") or word.head.i == word.i:
            return False
        word = word.head


def is_sent_to(token: Token) -> bool:
    """Whether a word is (part of) the object of "to"/"toward" ("turned back *to Mexico*"), not of an entry."""
    root = name_root(token, NAME_DEPS | {"amod"})
    if root.dep_ != "pobj" or root.head.lower_ not in SENDING_PREPS:
        return False
    return not in_class(root.head.head, "entry")  # "blocks *entry to the US*": where the way is barred


def names_nationals(token: Token) -> bool:
    """Whether a word is (part of) a country an "of" phrase names people by ("*nationals* of Sudan and
    Tanzania", "citizens of Iran"): who a policy is about, not where it happens."""
    root = name_root(token)
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    owner = root.head.head
    return owner.pos_ in ("NOUN", "PROPN") and in_class(owner, "nationals")


def people_size(doc: Doc, tokens: list[Token]) -> list[float | None] | None:
    """[low, high] of the first people quantity inside some words."""
    for q in items_in(doc, [q for q in doc._.quantities or [] if is_people(q)], tokens):
        return [q.low, q.high]
    return None


def strength_size(tokens: list[Token]) -> list[float | None] | None:
    """The strength of a group written as a modifier ("a *1,000-person* caravan", "a *3,000-strong* group")."""
    for token in tokens:
        if token.like_num and token.head.lower_ in STRENGTH_WORDS:
            try:
                value = float(token.text.replace(",", ""))
            except ValueError:
                continue
            return [value, value]
    return None


def is_people(q: Quantity) -> bool:
    return (q.unit or "people").lower() in PEOPLE_UNITS


def is_money(q: Quantity) -> bool:
    unit = q.unit or ""
    return (len(unit) == 3 and unit.isupper()) or unit.lower() in ("usd", "dollars", "eur", "money")


def quote_index(doc: Doc, position: int) -> int | None:
    """The index, in the record's order, of the quote that holds a character position."""
    quotes: list[Quote] = [q for q in doc._.quotes or [] if not in_boilerplate(doc, q.start, q.end)]
    quotes.sort(key=lambda q: (q.start, q.end))
    for i, q in enumerate(quotes):
        if q.start <= position < q.end:
            return i
    return None


def date_of(doc: Doc, clause: list[Token], sent: Span, position: int) -> str | None:
    """A date in the event's clause, else the one nearest to it in the sentence."""
    dates: list[DateRef] = doc._.dates or []
    found = items_in(doc, dates, clause)
    if found:
        return found[0].value
    near = nearest(dates, position, sent)
    return near.value if near is not None else None


def amount_of(doc: Doc, tokens: list[Token], sent: Span, position: int) -> float | None:
    """The value of a money quantity in some words, else the one nearest in the sentence."""
    money = [q for q in doc._.quantities or [] if is_money(q)]
    found = items_in(doc, money, tokens) or [x for x in [nearest(money, position, sent)] if x is not None]
    return found[0].low if found else None


def person_name(doc: Doc, token: Token) -> str:
    """The full name of a person: the longest name in the article's speakers and people ending with this one."""
    ent = next((e for e in entities(doc) if e.start <= token.i < e.end), None)
    name = ent.text if ent is not None and ent.label_ == "PERSON" else _compound_name(token)
    name = name.removesuffix("'s").removesuffix("’s")  # the tagger's "Donald Trump's"
    people = [e.text for e in entities(doc) if e.label_ == "PERSON"]
    names = [q.speaker for q in doc._.quotes or [] if q.speaker] + people
    longer = [n for n in names if n != name and n.split()[-1:] == name.split()[-1:] and len(n) > len(name)]
    return max(longer, key=len) if longer else name


def _compound_name(token: Token) -> str:
    words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
    return " ".join(w.text for w in words)


def actor_text(doc: Doc, token: Token | None) -> str | None:
    """The words naming an actor: a person's full name, else the noun with its modifiers, without "the"."""
    if token is None or token.pos_ in PRONOUNS_WITHOUT_NAME:
        return None
    heads = partitive_heads(token)
    if len(heads) > 1 and heads[-1].pos_ not in PRONOUNS_WITHOUT_NAME:
        token = heads[-1]  # "dozens of *migrants*", but "*hundreds* of them"
    if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_):
        return person_name(doc, token)
    left = [
        t
        for t in token.subtree
        if t.i < token.i and t.dep_ not in DROP_LEFT_DEPS and t.tag_ != "WP$" and _in_premodifier(t, token)
    ]  # not "*whose* leaders"
    words = [*left, token]
    first = words[0].i
    while (
        first > token.sent.start and doc[first - 1].whitespace_ == "" and "-" in (doc[first - 1].text, doc[first].text)
    ):
        first -= 1  # the whole hyphenated modifier: "so-called", not "called"
    text = doc[first : token.i + 1].text
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].strip() or text  # "an unaccompanied minor (UAM" -> "an unaccompanied minor"
    return text if text.lower() not in ("who", "that", "which") else None


def _in_premodifier(t: Token, head: Token) -> bool:
    """Whether a word left of a noun modifies it through compounds and adjectives only."""
    while t.i != head.i:
        if t.dep_ not in ("compound", "amod", "nmod", "poss", "flat") or t.head.i > head.i:
            return False
        t = t.head
    return True
