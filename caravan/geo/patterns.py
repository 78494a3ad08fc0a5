"""Text patterns around place names: border compounds, "the Mexican border", and what a text says about a name
("X, Honduras", "Guatemala's northern town of X", "the Guatemalan town of X")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from caravan.geo.curated import load_curated
from caravan.geo.names import normalise
from caravan.geo.store import Gazetteer

# a capitalised name of one or two words, dots allowed ("U.S.", "El Salvador", "Guat")
_NAME = r"[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?"
BORDER_WORDS = r"(?:border|frontier|boundary)"
BORDER_COMPOUND = re.compile(rf"(?P<a>{_NAME})\s?[-–—/]\s?(?P<b>{_NAME})\s+{BORDER_WORDS}\b")
SINGLE_BORDER = re.compile(rf"\b(?P<x>{_NAME})\s+{BORDER_WORDS}\b")
# Spanish: "frontera entre Guatemala y México", "frontera México-Estados Unidos", "frontera con México"
_ES_NAME = r"[A-ZÁÉÍÓÚ][\w.]*(?:\s(?:[A-ZÁÉÍÓÚ][\w.]*))?"
SPANISH_COMPOUNDS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b[Ff]rontera\s+(?:entre\s+)?(?P<a>{_ES_NAME})\s+y\s+(?P<b>{_ES_NAME})"),
    re.compile(rf"\b[Ff]rontera\s+(?P<a>{_ES_NAME})\s?[-–—/]\s?(?P<b>{_ES_NAME})"),
)
# a river or bridge that carries a border: "el río Suchiate, que separa Guatemala de México", "the Rio Grande,
# which divides Mexico from the U.S.", "el puente X, que une a Guatemala con México": the crossing is that border
_CROSSING_ES = r"(?:[Rr]ío|[Pp]uente|[Pp]aso)"
_CROSSING_EN = r"(?:River|river|Bridge|bridge)"
_ES_LINK = r"(?:separa|divide|une|comunica|conecta|marca\s+la\s+frontera\s+entre|hace\s+frontera\s+entre)"
_EN_LINK = r"(?:separates|divides|links|connects|joins|forms\s+the\s+border\s+between|marks\s+the\s+border\s+between)"
_ES_PLACE = r"(?:(?:el|la|los)\s+)?[A-ZÁÉÍÓÚ][\w.]*(?:\s(?:de\s)?[A-ZÁÉÍÓÚ][\w.]*){0,2}"
CROSSING_BORDERS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"\b(?P<crossing>{_CROSSING_ES}\s+{_ES_PLACE}),?\s+(?:que|el\s+cual|la\s+cual)\s+{_ES_LINK}\s+"
        rf"(?:a\s+)?(?P<a>{_ES_NAME})\s+(?:de|y|con|a)\s+(?P<b>{_ES_NAME})"
    ),
    re.compile(
        rf"\b(?P<crossing>(?:[A-Z][\w.]*\s){{1,3}}{_CROSSING_EN}|(?:{_CROSSING_EN}|R[ií]o)\s+[A-Z][\w.]*"
        rf"(?:\s[A-Z][\w.]*){{0,2}}),?"
        rf"\s+(?:which|that)\s+{_EN_LINK}\s+(?:the\s+)?(?P<a>{_NAME})\s+(?:from|and|with|to)\s+"
        rf"(?:the\s+)?(?P<b>{_NAME})"
    ),
)
DIRECTIONAL_BORDER = re.compile(rf"\b(?P<dir>[Ss]outhern|[Nn]orthern|[Ss]outh|[Nn]orth)\s+{BORDER_WORDS}\b")
POSSESSIVE_OWNER = re.compile(r"(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)(?:['’]s?)\s+$")
MIN_PREFIX = 3  # shortest clipped country name accepted in a border compound ("Mex")
POSSESSIVE = r"(?:['’]s?)"
CONTEXT_CHARS = 80  # how far before a name the "town of" patterns look
# words that may follow the type word ending an apposition of a place ("X, the border city *where* ...")
APPOSITION_ENDS = ("where", "that", "which", "in", "near", "on", "of", "along", "across", "about", "some", "known")


def pair(one: str, other: str) -> tuple[str, str]:
    """Two country codes in alphabetical order: the key of the border between them."""
    first, second = sorted((one, other))
    return first, second


@dataclass(frozen=True)
class Border:
    start: int
    end: int
    text: str
    countries: tuple[str, str]


def country_code(gazetteer: Gazetteer, token: str, prefixes: bool = False) -> str | None:
    """ISO2 of a country named, abbreviated or clipped ("Guat") in a token, or of a demonym ("Mexican")."""
    for c in gazetteer.find(token):
        if c.feature == "country":
            return c.country
    code = gazetteer.demonym(token)
    if code or not prefixes:
        return code
    key = normalise(token).replace(" ", "")
    if len(key) < MIN_PREFIX:
        return None
    hits = {iso2 for iso2, name in gazetteer.country_keys().items() if name.startswith(key)}
    return hits.pop() if len(hits) == 1 else None


def _trim_name(text: str, start: int, gazetteer: Gazetteer) -> tuple[int, str | None]:
    """The country of a compound's part, dropping a leading word ("The U.S.") when only the rest is a country."""
    lead = re.match(r"(?:the|The|THE)\s+", text)
    if lead:
        start, text = start + lead.end(), text[lead.end() :]
    code = country_code(gazetteer, text, prefixes=True)
    if code or " " not in text:
        return start, code
    head, rest = text.split(" ", 1)
    return start + len(head) + 1, country_code(gazetteer, rest, prefixes=True)


def find_border_compounds(text: str, gazetteer: Gazetteer) -> list[Border]:
    """'U.S.-Mexico border', 'Guat-Mex border', 'Guatemala–Mexico frontier', 'la frontera entre Guatemala y
    México': both sides named."""
    out = []
    for m in BORDER_COMPOUND.finditer(text):
        start, a = _trim_name(m.group("a"), m.start("a"), gazetteer)
        b = country_code(gazetteer, m.group("b"), prefixes=True)
        if a and b and a != b:
            out.append(Border(start, m.end(), text[start : m.end()], pair(a, b)))
    for pattern in SPANISH_COMPOUNDS:
        for m in pattern.finditer(text):
            a, b = country_code(gazetteer, m.group("a")), country_code(gazetteer, m.group("b"))
            if a and b and a != b and not any(o.start < m.end() and m.start() < o.end for o in out):
                out.append(Border(m.start(), m.end(), m.group(0), pair(a, b)))
    return out + find_crossing_borders(text, gazetteer, out)


def find_crossing_borders(text: str, gazetteer: Gazetteer, taken: list[Border]) -> list[Border]:
    """A river or bridge the text says separates or joins two countries is their border; the border's span is
    the crossing's name, the countries keep their own mentions."""
    out: list[Border] = []
    for pattern in CROSSING_BORDERS:
        for m in pattern.finditer(text):
            a, b = country_code(gazetteer, m.group("a")), country_code(gazetteer, m.group("b"))
            start, end = m.span("crossing")
            if a and b and a != b and not any(o.start < end and start < o.end for o in [*taken, *out]):
                out.append(Border(start, end, m.group("crossing"), pair(a, b)))
    return out


def find_single_borders(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """'the Mexican border', 'the Mexico border': one side named; returns (start, end, ISO2 of that side)."""
    out = []
    for m in SINGLE_BORDER.finditer(text):
        start, code = _trim_name(m.group("x"), m.start("x"), gazetteer)
        if code and text[max(0, start - 1) : start] not in ("-", "–", "—", "/"):
            out.append((start, m.end(), code))
    return out


def find_directional_borders(text: str, counts: dict[str, int], gazetteer: Gazetteer) -> list[Border]:
    """'the southern border', 'Mexico's southern border': the border of the owner named with a possessive, else
    of the text's centre (see ``directional_borders`` in the curated data), on that side."""
    table = load_curated()["directional_borders"]
    default = table.get("_default")
    centre = default if default in counts else max(counts, key=counts.__getitem__, default=None)
    out = []
    for m in DIRECTIONAL_BORDER.finditer(text):
        owner = POSSESSIVE_OWNER.search(text[max(0, m.start() - CONTEXT_CHARS) : m.start()])
        country = country_code(gazetteer, owner.group("owner")) if owner else None
        country = country or centre
        other = table.get(country or "", {}).get(m.group("dir").lower()) if country else None
        if country and other:
            out.append(Border(m.start(), m.end(), m.group(0), pair(country, other)))
    return out


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def place_types() -> tuple[str, ...]:
    """The words that say what kind of place a name is ("town", "department"), as the curated data lists them."""
    data = load_curated()
    return tuple(w for k in ("city", "admin") for w in data["place_types"][k])


@lru_cache(maxsize=1)
def place_type_pattern() -> re.Pattern[str]:
    """'<owner>'s <direction> <type> of ' or 'the <Demonym> <direction> <type> of ' right before a name."""
    data = load_curated()
    types = _alternation(list(place_types()))
    dirs = _alternation([k for k in data["directions"] if not k.startswith("_")])
    return re.compile(
        rf"(?:\b(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)*){POSSESSIVE}\s+|\b(?P<dem>[A-Z][a-z]+)\s+)?"
        rf"(?:(?P<dir>{dirs})\s+)?(?P<type>{types})\s+(?:of\s+|de\s+)?$"
    )


def describe(text: str, start: int) -> dict[str, str] | None:
    """What the words right before a name say about it: owner (a place name), demonym, direction and type."""
    window = text[max(0, start - CONTEXT_CHARS) : start]
    before = window.rstrip()
    types = place_types()
    if not (before.endswith(types) or (before.endswith(("of", "de")) and before[:-2].rstrip().endswith(types))):
        return None  # no type word ends the window (before "of"): the pattern, anchored there, cannot match
    m = place_type_pattern().search(window)
    if not m:
        return None
    return {k: v for k, v in m.groupdict().items() if v}


@lru_cache(maxsize=1)
def apposition_type_pattern() -> re.Pattern[str]:
    """', the Honduran city', ', a small border town': an apposition right after a name that says its type."""
    types = _alternation(list(place_types()))
    after = "|".join(APPOSITION_ENDS)
    return re.compile(rf",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?(?P<type>{types})(?=\s*(?:[,.;:)—–]|(?:{after})\b))")


def described_after(text: str, end: int) -> str | None:
    """The type word of an apposition right after a name ("San Pedro Sula, *the Honduran city* where ..."), or
    None: the type word must end the apposition's noun phrase ("Jane Doe, the city's mayor", "a city council
    member" have none)."""
    m = apposition_type_pattern().match(text, end, min(len(text), end + CONTEXT_CHARS))
    return m.group("type") if m else None


def place_kind(type_word: str) -> str | None:
    """'town' -> 'city', 'department' -> 'admin'."""
    types = load_curated()["place_types"]
    for kind in ("city", "admin"):
        if type_word.lower() in types[kind]:
            return kind
    return None


def direction_of(word: str) -> tuple[int, int] | None:
    value = load_curated()["directions"].get(word.lower())
    return (value[0], value[1]) if value else None
