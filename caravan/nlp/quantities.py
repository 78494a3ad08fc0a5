"""Finds quantities in a parsed article: counts of people, sums of money and measures, with their envelopes.

A quantity is read left to right from a token: an optional hedge ("at least", "about", "unos"), an optional
currency symbol, then a number (digits, number words, digits with a scale word: "1.5 million") or a vague
count ("several hundred", "miles", "into the thousands"), an optional currency word ("dollars") and an optional
second end of a range ("2,000 to 3,000"; "between 2,000 and 3,000" is read from "between"). The counted noun that
follows ("migrants", "agents", "busloads") decides the unit; a unit of time or length glued to the number ("a
six-month wait", "a 2,000-mile trek") makes it a measure; a bare count ("scores walked") refers back to the nearest
people or group noun in the sentences before it. Word lists and envelopes are data in ``caravan/data/quantities/``.
Works on the rule-only Spanish pipeline too: without a parser only listed nouns are counted.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from caravan.datafiles import read_rows
from caravan.model import Quantity
from caravan.nlp.extensions import doc_text, has_digit, in_boilerplate, lower_at, token_lowers, token_words, user_data
from caravan.settings import Settings

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "quantities"
PEOPLE = "people"
# "2,274", "1.5", "3.000", "1,5"
DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
# a range written as one token: "2,000-3,000"
TOKEN_RANGE = re.compile(r"^(\d+(?:[.,]\d+)*)[-–](\d+(?:[.,]\d+)*)$")
PHONE = re.compile(r"^\d{3}[-.]\d{4}$")
LONGEST_PLAIN_COUNT = 9  # more digits than this without separators: an id or a phone number
YEARS = (1900, 2100)  # a bare four-digit number in this span reads as a year
# the entity labels under which a number is a date, a time, a rate, a rank or part of a name
SKIP_ENTS = frozenset(
    {
        "DATE",
        "TIME",
        "PERCENT",
        "ORDINAL",
        "PERSON",
        "PER",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
# words before a spelled small number that make it name known things ("our two countries", "the three men")
DEFINITE = frozenset(
    {
        "the",
        "these",
        "those",
        "our",
        "their",
        "its",
        "his",
        "her",
        "my",
        "your",
        "both",
        "los",
        "las",
        "sus",
        "nuestros",
        "nuestras",
        "estos",
        "estas",
        "esos",
        "esas",
    }
)
SMALL = 20  # numbers below this after DEFINITE are skipped when spelled out or counting things, not people
FEW = 10  # spelled-out counts of things (not people, money or measures) below this are skipped: "three options"
PARTITIVE = frozenset({"of", "de", "del"})
PARTITIVE_SKIP = frozenset(
    {
        "the",
        "these",
        "those",
        "their",
        "our",
        "its",
        "his",
        "her",
        "los",
        "las",
        "estos",
        "estas",
        "esos",
        "esas",
        "sus",
        "nuestros",
        "nuestras",
    }
)
PRONOUNS = frozenset({"them", "whom", "us", "those", "ellos", "ellas", "quienes", "los", "las"})
RELATIVES = frozenset({"who", "that", "which", "que", "quienes"})
BETWEEN = {"between": "and", "entre": "y"}
FROM_WORDS = frozenset({"from", "desde", "de"})  # "rose from 2,000 to 7,000" is a change, not a range
CHANGE_REACH = 4  # tokens before "from" searched for a verb of change
CURRENCY_MODIFIERS = frozenset({"u.s.", "us", "american", "mexican", "canadian", "estadounidenses"})
MONEY_WHAT = frozenset({"of", "in", "for", "de", "en", "para"})
# words after a number (or glued to it by a hyphen) that make it a count of people: "a 2,000-strong caravan",
# "3,000 strong", "the 10,000-person army", "a 5,000-troop deployment"
HYPHEN_COUNT_WORDS = frozenset({"strong", "fuertes", "person", "member", "man", "troop", "soldier"})
PERSON_WORDS = HYPHEN_COUNT_WORDS - {"strong", "fuertes"}  # glued to a number they say it counts people
SUFFIX_SCALES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}  # "$4bn", after a currency symbol
MONEY_SCALED = re.compile(r"^(\d+(?:[.,]\d+)?)(bn|b|mn|m|k)$")
# dependency labels under which a bare count is a noun phrase of its own ("scores walked")
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "ROOT"})
CONTEXT_SENTENCES = 3  # how far back a bare count looks for the people it counts
TENS = frozenset(float(n) for n in range(20, 100, 10))  # "twenty" may take "-five", "treinta" "y cinco"
OPEN_QUOTES, CLOSE_QUOTES = "“«", "”»"
SINGULAR_NOUN = "NN"  # English tag of a singular common noun: no count of things (> 1) ends on one
NOUN_WINDOW = 4  # tokens between a number and its noun at most (adjectives, compounds)
LONGEST_PHRASE = 5  # tokens of the longest listed phrase ("into the tens of thousands")
IDIOM_LEADS = frozenset({"in", "into", "por"})  # "running into the thousands": a vague count standing alone
REPEAT_WORDS = frozenset({"upon", "and", "y", "tras"})  # "thousands upon thousands": one vague count


@dataclass(frozen=True)
class Hedge:
    low_factor: float
    high_factor: float | None
    approximate: bool


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, read from the data files."""

    numbers: dict[str, tuple[float, str]]
    vague: dict[tuple[str, ...], tuple[float, float]]
    hedges: dict[tuple[str, ...], Hedge]
    range_words: frozenset[str]
    prefixes: dict[str, str]
    suffixes: dict[str, str]
    people: frozenset[str]
    groups: dict[str, str]
    units: dict[str, str]
    not_counts: frozenset[str]
    name_words: frozenset[str]
    change_verbs: frozenset[str]
    open_suffixes: dict[tuple[str, ...], bool] = field(default_factory=dict)  # "16,000-plus": high end open
    count_verbs: frozenset[str] = frozenset()  # "estimated 6,000": a bare head count
    containers: dict[str, str] = field(default_factory=dict)  # "six busloads": counted as such, even when small
    measures: dict[str, tuple[str, str]] = field(default_factory=dict)  # "six-month": (unit, kind)
    duration_heads: frozenset[str] = frozenset()  # "a six-month *wait*": a duration worth a record
    starts: frozenset[str] = frozenset()  # every word a quantity can begin with, besides words with digits


@dataclass
class Amount:
    """A number read from tokens [start, end): its envelope and currency, before the counted noun is known."""

    start: int
    end: int
    low: float
    high: float | None
    currency: str | None = None
    vague: bool = False
    approximate: bool = False
    scale: float = 1.0  # the scale word it ended with ("million"), lent to a bare first end of a range
    words: bool = False  # spelled out ("two"), not digits
    number_tokens: list[int] = field(default_factory=list)


def _rows(name: str) -> list[list[str]]:
    return read_rows(DATA_DIR / name)


def _words(name: str) -> frozenset[str]:
    return frozenset(row[0].strip() for row in _rows(name))


@lru_cache(maxsize=4)
def load_lexicon(lang: str) -> Lexicon:
    """The quantity word lists for a language ("en" or "es"; others get the English lists)."""
    lang = lang if lang in ("en", "es") else "en"

    def mine(name: str) -> list[list[str]]:
        return [r[1:] for r in _rows(name) if r[0] == lang]

    currencies = _rows("currencies.tsv")
    lex = Lexicon(
        numbers={w: (float(v), kind) for w, v, kind in mine("numbers.tsv")},
        vague={tuple(p.split()): (float(lo), float(hi)) for p, lo, hi in mine("vague.tsv")},
        hedges={
            tuple(p.split()): Hedge(float(lo), None if hi == "none" else float(hi), ap == "true")
            for p, lo, hi, ap in mine("hedges.tsv")
        },
        range_words=frozenset(r[0] for r in mine("range_words.tsv")),
        prefixes={t: c for t, c, pos in currencies if pos == "prefix"},
        suffixes={t: c for t, c, pos in currencies if pos == "suffix"},
        people=_words("people.txt"),
        groups=dict(_rows("groups.tsv")),
        units=dict(_rows("units.tsv")),
        not_counts=_words("not_counts.txt"),
        name_words=_words("name_words.txt"),
        change_verbs=_words("change_verbs.txt"),
        open_suffixes={tuple(r[0].split()): True for r in mine("open_suffixes.tsv")},
        count_verbs=_words("count_verbs.txt"),
        containers=dict(_rows("containers.tsv")),
        measures={word: (unit, kind) for word, unit, kind in _rows("measures.tsv")},
        duration_heads=_words("duration_heads.txt"),
    )
    firsts = {p[0] for p in [*lex.vague, *lex.hedges]} | set(lex.numbers) | set(lex.prefixes) | set(BETWEEN)
    return dataclasses.replace(lex, starts=frozenset(firsts))


def is_people_unit(q: Quantity) -> bool:
    """Whether a quantity counts humans (migrants, agents, families...)."""
    return q.unit == PEOPLE


def parse_digits(text: str, lang: str) -> float | None:
    """The value of a number written in digits, reading separators the way the language writes them.

    English: "2,274" and "1.5". Spanish: "3.000" and "1,5", and also "3,000" (Mexican usage) when every group
    after a comma has three digits.
    """
    if not DIGITS.match(text):
        return None
    seps = re.findall(r"[.,]", text)
    groups = re.split(r"[.,]", text)
    if not seps:
        return float(text)
    decimal = "." if lang != "es" else ","
    if len(set(seps)) == 2:
        whole, frac = re.split(r"[.,](?=\d+$)", text)
        return float(re.sub(r"[.,]", "", whole) + "." + frac) if text[len(whole)] == decimal else None
    grouped = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if grouped and (len(seps) > 1 or seps[0] != decimal or lang == "es"):
        return float("".join(groups))
    return float(text.replace(seps[0], ".")) if len(seps) == 1 else None


def match_phrase(doc: Doc, i: int, table: Mapping[tuple[str, ...], object]) -> tuple[tuple[str, ...], int] | None:
    """The longest phrase of ``table`` starting at token i, with the index after it."""
    lowers = token_lowers(doc)
    if i < 0:  # no phrase starts before the Doc
        return None
    for size in range(min(LONGEST_PHRASE, len(lowers) - i), 0, -1):
        key = tuple(lowers[i : i + size])
        if key in table:
            return key, i + size
    return None


def parse_words(doc: Doc, i: int, lex: Lexicon) -> tuple[float, int, float] | None:
    """A spelled number at token i ("two dozen", "a billion", "dos mil", "twenty-five"): value, end, scale."""
    total, current, scale, half, j, seen = 0.0, 0.0, 1.0, False, i, False
    last_kind, last_value = "", 0.0
    while j < len(doc):
        entry = lex.numbers.get(lower_at(doc, j))
        nxt = lex.numbers.get(lower_at(doc, j + 1))
        if entry is None:
            joinable = last_kind in ("hundred", "scale") or (last_kind == "unit" and last_value in TENS)
            if seen and lower_at(doc, j) in ("and", "y", "-") and nxt and nxt[1] == "unit" and joinable:
                j += 1
                continue
            break
        value, kind = entry
        if kind == "article" and (seen or not nxt or nxt[1] not in ("hundred", "scale", "dozen")):
            break
        if kind == "half":
            if seen or half:
                break
            half = True
        elif kind in ("unit", "article"):
            current += value
        elif kind in ("hundred", "dozen"):
            current = max(current, 1.0) * value
        elif last_kind == "scale":
            total, current = (total + current) * value, 0.0
        else:
            total, current, scale = total + max(current, 1.0) * value, 0.0, value
        seen, last_kind, last_value, j = kind != "half" or seen, kind, value, j + 1
    value = (total + current) * (0.5 if half else 1.0)
    return (value, j, scale) if seen and value > 0 else None


def parse_number(doc: Doc, i: int, lex: Lexicon, lang: str) -> Amount | None:
    """A number at token i: digits with optional scale words ("1.5 million"), a one-token range, or words."""
    text = doc[i].text
    ranged = TOKEN_RANGE.match(text)
    if ranged and not PHONE.match(text):
        low, high = parse_digits(ranged.group(1), lang), parse_digits(ranged.group(2), lang)
        if low is None or high is None or low >= high:
            return None
        factor, end = _scale_words(doc, i + 1, lex)
        return Amount(i, end, low * factor, high * factor, scale=factor, number_tokens=[i])
    value = parse_digits(text, lang)
    if value is None:
        spelled = parse_words(doc, i, lex)
        if spelled is None:
            return None
        value, end, scale = spelled
        return Amount(i, end, value, value, scale=scale, words=True, number_tokens=list(range(i, end)))
    factor, end = _scale_words(doc, i + 1, lex)
    return Amount(i, end, value * factor, value * factor, scale=factor, number_tokens=[i])


def _scale_words(doc: Doc, j: int, lex: Lexicon) -> tuple[float, int]:
    """The product of the scale words from token j ("million", "mil millones") and the index after them."""
    factor = 1.0
    while j < len(doc) and lex.numbers.get(lower_at(doc, j), (0, ""))[1] in ("hundred", "scale", "dozen"):
        factor *= lex.numbers[lower_at(doc, j)][0]
        j += 1
    return factor, j


def parse_amount(doc: Doc, i: int, lex: Lexicon, lang: str) -> Amount | None:
    """A currency symbol (optional), then a vague count or a number, then a currency word (optional)."""
    currency = lex.prefixes.get(lower_at(doc, i))
    j = i + 1 if currency else i
    if j >= len(doc):
        return None
    amount = _vague_or_number(doc, j, lex, lang, currency)
    if amount is None:
        return None
    amount.start = i
    suffix = _currency_suffix(doc, amount.end, lex)
    if suffix:
        amount.currency, amount.end = amount.currency or suffix[0], suffix[1]
    elif currency:
        amount.currency = currency
    return amount


def _vague_or_number(doc: Doc, j: int, lex: Lexicon, lang: str, currency: str | None) -> Amount | None:
    vague = match_phrase(doc, j, lex.vague)
    if vague:
        low, high = lex.vague[vague[0]]
        return Amount(j, vague[1], low, high, vague=True, approximate=True, number_tokens=list(range(j, vague[1])))
    scaled = MONEY_SCALED.match(doc[j].lower_) if currency else None
    if scaled:
        value = parse_digits(scaled.group(1), lang)
        if value is not None:
            factor = SUFFIX_SCALES[scaled.group(2)]
            return Amount(j, j + 1, value * factor, value * factor, scale=factor, number_tokens=[j])
    return parse_number(doc, j, lex, lang)


def _currency_suffix(doc: Doc, k: int, lex: Lexicon) -> tuple[str, int] | None:
    """A currency word after a number ("dollars", "U.S. dollars", "of dollars", "de dólares"): code, end."""
    for start in (k, k + 1):
        if start > k and lower_at(doc, k) not in PARTITIVE | CURRENCY_MODIFIERS:
            break
        j = start + 1 if lower_at(doc, start) in CURRENCY_MODIFIERS else start
        if lower_at(doc, j) in lex.suffixes:
            return lex.suffixes[lower_at(doc, j)], j + 1
    return None


def read_quantity(doc: Doc, i: int, lex: Lexicon, lang: str) -> Amount | None:
    """The whole quantity expression starting at token i: hedge, amount and range, or a between-range."""
    if lower_at(doc, i) in BETWEEN:
        return _read_between(doc, i, lex, lang)
    hedge = match_phrase(doc, i, lex.hedges)
    start = hedge[1] if hedge else i
    amount = parse_amount(doc, start, lex, lang)
    if amount is None:
        return None
    amount = _read_range(doc, amount, lex, lang)
    if hedge:
        _apply_hedge(amount, lex.hedges[hedge[0]])
        amount.start = i
    _read_open_suffix(doc, amount, lex, hedged=bool(hedge))
    _read_repeat(doc, amount, lex)
    return amount


def _read_repeat(doc: Doc, amount: Amount, lex: Lexicon) -> None:
    """ "thousands upon thousands", "miles y miles": the repeated vague word belongs to the same count."""
    if not amount.vague or lower_at(doc, amount.end) not in REPEAT_WORDS:
        return
    again = match_phrase(doc, amount.end + 1, lex.vague)
    first = tuple(lower_at(doc, j) for j in range(amount.number_tokens[0], amount.number_tokens[-1] + 1))
    if again and again[0] == first:
        amount.end = again[1]


def _read_open_suffix(doc: Doc, amount: Amount, lex: Lexicon, hedged: bool = False) -> None:
    """ "16,000-plus", "2,000 or more": the amount's high end is open (not "5 plus 3", nor a vague count)."""
    suffix = match_phrase(doc, amount.end, lex.open_suffixes)
    if suffix is None or amount.vague or any(c.isdigit() for c in lower_at(doc, suffix[1])):
        return
    if suffix[0] == ("or", "so"):
        if hedged:
            amount.end = suffix[1]
            return
        amount.approximate = True  # "200 or so": about 200
        amount.low, amount.high = amount.low * 0.75, (amount.high or amount.low) * 1.25
    else:
        amount.high = None
    amount.end = suffix[1]


def _read_between(doc: Doc, i: int, lex: Lexicon, lang: str) -> Amount | None:
    first = parse_amount(doc, i + 1, lex, lang)
    if first is None or lower_at(doc, first.end) != BETWEEN[lower_at(doc, i)]:
        return None
    second = parse_amount(doc, first.end + 1, lex, lang)
    return _join(first, second, i) if second else None


def _read_range(doc: Doc, first: Amount, lex: Lexicon, lang: str) -> Amount:
    """``first`` extended to "first to second" when a range word and a second amount follow."""
    k = first.end
    if lower_at(doc, k) not in lex.range_words or _is_change(doc, first.start, lex):
        return first
    if lower_at(doc, k) in ("-", "–", "—") and (doc[k - 1].whitespace_ != doc[k].whitespace_):
        return first
    second = parse_amount(doc, k + 1, lex, lang)
    joined = _join(first, second, first.start) if second else None
    return joined or first


def _is_change(doc: Doc, start: int, lex: Lexicon) -> bool:
    """Whether the amount at ``start`` follows "from" after a verb of change ("rose from 2,000 to 7,000")."""
    if lower_at(doc, start - 1) not in FROM_WORDS:
        return False
    window = doc[max(0, start - 1 - CHANGE_REACH) : start - 1]
    return any(t.lower_ in lex.change_verbs or t.lemma_.lower() in lex.change_verbs for t in window)


def _join(first: Amount, second: Amount, start: int) -> Amount | None:
    low = first.low * (second.scale if first.scale == 1.0 and not first.vague else 1.0)
    high = second.high
    if high is None or low >= high or first.vague != second.vague:
        return None
    return Amount(
        start,
        second.end,
        low,
        high,
        currency=first.currency or second.currency,
        vague=first.vague,
        approximate=first.approximate,
        scale=second.scale,
        words=first.words and second.words,
        number_tokens=first.number_tokens + second.number_tokens,
    )


def _apply_hedge(amount: Amount, hedge: Hedge) -> None:
    if amount.vague:
        amount.high = None if hedge.high_factor is None else amount.high
        amount.approximate = True
        return
    amount.low, amount.high = (
        amount.low * hedge.low_factor,
        None if hedge.high_factor is None else (amount.high or amount.low) * hedge.high_factor,
    )
    amount.approximate = hedge.approximate


class QuantityFinder:
    """Sets ``doc._.quantities``: every count of people, sum of money and measure outside boilerplate."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc)
        return doc


def find_quantities(doc: Doc) -> list[Quantity]:
    """The quantities of a Doc, left to right."""
    lang = doc.lang_ if doc.lang_ in ("en", "es") else "en"
    lex = load_lexicon(lang)
    found: list[Quantity] = []
    i = 0
    starts = lex.starts
    words, lowers = token_words(doc), token_lowers(doc)
    while i < len(doc):
        may_start = lowers[i] in starts or has_digit(words[i])
        amount = read_quantity(doc, i, lex, lang) if may_start else None
        if amount is None:
            i += 1
            continue
        quantity = classify(doc, amount, lex)
        if quantity and not in_boilerplate(doc, quantity.start, quantity.end):
            found.append(quantity)
        i = max(amount.end, i + 1)
    return found


def classify(doc: Doc, amount: Amount, lex: Lexicon) -> Quantity | None:
    """The Quantity an amount stands for, or None when it is not a count worth keeping (a year, a name...)."""
    if _not_a_count(doc, amount, lex):
        return None
    span = doc[amount.start : amount.end]

    def make(unit: str, what: str | None) -> Quantity:
        return Quantity(
            span.start_char,
            span.end_char,
            amount.low,
            amount.high,
            unit=unit,
            what=what,
            approximate=amount.approximate,
        )

    if amount.currency:
        return make(amount.currency, money_purpose(doc, amount, lex))
    if amount.high is not None and amount.high <= 1 and not amount.vague:
        return None  # "one of them", "a migrant": not a count worth a record
    measure = hyphen_measure(doc, amount, lex)
    if measure:
        return make(*measure)
    noun = counted_noun(doc, amount, lex)
    if noun is None:
        what = _bare_count_people(doc, amount, lex)
        return make(PEOPLE, what) if what else None
    unit, what = noun
    if unit == SINGULAR_NOUN:
        what = _context_people(doc, amount, lex, sentences=0)
        return make(PEOPLE, what) if what else None
    if unit is not None and unit in lex.containers.values():
        return make(unit, what)
    if unit is None or (unit != PEOPLE and unit not in lex.units.values() and _is_small(doc, amount, FEW)):
        return None
    if unit != PEOPLE and amount.vague and amount.high is not None and amount.high < FEW:
        return None  # "a handful of options": a few things, not a count worth a record
    if unit != PEOPLE and lower_at(doc, amount.start - 1) in DEFINITE and _is_small(doc, amount, SMALL, words=False):
        return None  # "these 3 countries": known things, not a count
    return make(unit, what)


def _is_small(doc: Doc, amount: Amount, limit: int, words: bool = True) -> bool:
    """Whether the amount is a single number below ``limit`` (spelled out, unless ``words`` is False)."""
    return (amount.words or not words) and amount.high is not None and amount.high < limit and not amount.vague


def _not_a_count(doc: Doc, amount: Amount, lex: Lexicon) -> bool:
    """Years, dates, times, rates, ranks, numbers in names and hyphenated modifiers ("15-year-old")."""
    first, last = doc[amount.number_tokens[0]], doc[amount.number_tokens[-1]]
    if hyphen_measure(doc, amount, lex):
        return _hyphen_attached(doc, first.i, last.i, after=False)  # a DATE entity to the parser, still a measure
    if not amount.currency and any(doc[t].ent_type_ in SKIP_ENTS for t in amount.number_tokens):
        return True
    if _is_year(doc, amount) or lower_at(doc, first.i - 1).rstrip(".") in lex.name_words:
        return True
    if len(first.text) > LONGEST_PLAIN_COUNT and first.text.isdigit():
        return True
    after = lower_at(doc, amount.end)
    if not amount.currency and (after in lex.not_counts or after == "%"):
        return True
    if _is_small(doc, amount, SMALL) and lower_at(doc, amount.start - 1) in DEFINITE:
        return True
    if first.i > 0 and doc[first.i - 1].text in ("'", "’") and not doc[first.i - 1].whitespace_:
        return True  # "'96": a year
    if amount.end > last.i + 1 and match_phrase(doc, last.i + 1, lex.open_suffixes):
        return _hyphen_attached(doc, first.i, last.i, after=False)  # "16,000-plus": the hyphen opens the count
    return _hyphen_attached(doc, first.i, last.i)


def hyphen_measure(doc: Doc, amount: Amount, lex: Lexicon) -> tuple[str, str] | None:
    """(unit, what) of a number glued to a unit of time or length that modifies a noun: "a six-month wait",
    "a 2,000-mile trek"; a duration only before a noun of ``duration_heads`` ("a 24-hour cycle" is none)."""
    last = amount.number_tokens[-1] if amount.number_tokens else amount.end - 1
    if (
        amount.currency
        or amount.end != last + 1
        or lower_at(doc, last + 1) != "-"
        or doc[last].whitespace_
        or doc[last + 1].whitespace_
    ):
        return None
    unit_kind = lex.measures.get(lower_at(doc, last + 2))
    head = doc[last + 3] if last + 3 < len(doc) else None
    if unit_kind is None or head is None or not head.is_alpha or head.pos_ in ("VERB", "AUX", "ADP", "DET"):
        return None
    unit, kind = unit_kind
    if kind == "time" and head.lower_ not in lex.duration_heads:
        return None
    return unit, head.text


def _is_year(doc: Doc, amount: Amount) -> bool:
    text = doc[amount.number_tokens[0]].text
    return (
        len(amount.number_tokens) == 1
        and not amount.currency
        and text.isdigit()
        and len(text) == 4
        and YEARS[0] <= int(text) <= YEARS[1]
    )


def _hyphen_attached(doc: Doc, first: int, last: int, after: bool = True) -> bool:
    """A number glued by a hyphen to a word or to another number that makes no range: "COVID-19", "five-part",
    "15-year-old", "a 55-45 majority" (but not "2,000-strong")."""
    if first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_:
        return doc[first - 2].is_alpha or doc[first - 2].is_digit
    if after and last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_:
        glued = doc[last + 2]
        return (glued.is_alpha and glued.lower_ not in HYPHEN_COUNT_WORDS) or glued.is_digit  # "a 4-4 tie"
    return False


def counted_noun(doc: Doc, amount: Amount, lex: Lexicon) -> tuple[str | None, str] | None:
    """The (unit, what) of the noun the amount counts; unit None when it counts no kept thing (a duration);
    None when no noun follows."""
    k = amount.end
    if _is_idiom(doc, amount) and lower_at(doc, k) not in PARTITIVE:
        return None  # "they came by the thousands to the square": the idiom counts no noun after it
    if lower_at(doc, k) in PARTITIVE:
        k += 1
        while lower_at(doc, k) in PARTITIVE_SKIP:
            k += 1
        if lower_at(doc, k) in PRONOUNS:
            return None
    if lower_at(doc, k) in HYPHEN_COUNT_WORDS or (
        lower_at(doc, k) == "-" and lower_at(doc, k + 1) in HYPHEN_COUNT_WORDS
    ):
        what = _context_people(doc, amount, lex) or _group_after(doc, k, lex)
        glued = lower_at(doc, k) == "-" and lower_at(doc, k + 1) in PERSON_WORDS  # "a 1,000-person caravan"
        return (PEOPLE if what or glued else None), what or PEOPLE
    token = _head_noun(doc, amount, k)
    if token is None:
        return None
    return _noun_unit(doc, token, lex)


def _group_after(doc: Doc, k: int, lex: Lexicon) -> str | None:
    """The members of the group a "-strong" count modifies: "a 2,000-strong *caravan*" counts migrants."""
    for j in range(k, min(k + NOUN_WINDOW, len(doc))):
        if doc[j].lower_ in lex.groups:
            return lex.groups[doc[j].lower_]
    return None


def _head_noun(doc: Doc, amount: Amount, k: int) -> Token | None:
    """The noun counted by an amount whose tokens end before k: the parser's head, or the first noun after."""
    parsed = doc.has_annotation("DEP")
    last = doc[amount.number_tokens[-1]] if amount.number_tokens else doc[amount.end - 1]  # not "-plus"
    if (
        parsed
        and k == amount.end
        and last.dep_ in ("nummod", "quantmod", "compound", "amod")
        and last.head.i >= k
        and last.head.pos_ in ("NOUN", "PROPN")
        and last.head.i - k < NOUN_WINDOW
    ):
        return _through_names(last.head)
    for j in range(k, min(k + NOUN_WINDOW, len(doc))):
        token = doc[j]
        if token.is_punct or token.is_space or (j > k and token.is_sent_start):
            return None
        if not parsed:
            return token if token.is_alpha else None
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
            return token
        if token.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB", "ADV") or (token.pos_ == "VERB" and token.dep_ != "amod"):
            return None  # a participle may only modify the noun: "unaccompanied minors", not "thousands forming"
    return None


def _through_names(token: Token) -> Token:
    """The common noun a name modifies: "16,000 *Customs and Border Protection* forces" counts forces."""
    while (
        token.pos_ == "PROPN"
        and token.dep_ in ("nmod", "compound")
        and token.head.pos_ == "NOUN"
        and token.head.i > token.i
    ):
        token = token.head
    return token


def _noun_unit(doc: Doc, token: Token, lex: Lexicon) -> tuple[str | None, str]:
    """(unit, what) for a counted noun: people, a measure, another countable thing, or (None, ...) to skip."""
    lower = token.lower_
    pair = f"{doc[token.i - 1].lower_} {lower}" if token.i > 0 else ""
    if lower in lex.not_counts:
        return None, lower
    if pair in lex.people:
        return PEOPLE, doc[token.i - 1 : token.i + 1].text
    if lower in lex.people or (token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS")):
        return PEOPLE, token.text
    if lower in lex.units:
        return lex.units[lower], token.text
    if lower in lex.containers:
        return lex.containers[lower], _carried(doc, token, lex) or token.text
    if lower in lex.groups and lower_at(doc, token.i - 1) in PARTITIVE_SKIP | PARTITIVE:
        return PEOPLE, lex.groups[lower]  # "several hundred of the caravan"
    if token.pos_ == "NOUN" and token.tag_ != SINGULAR_NOUN:
        return token.lemma_.lower(), token.text
    if token.tag_ == SINGULAR_NOUN:
        return SINGULAR_NOUN, token.text  # "7,000 heading north": a misparse, or a modifier ("a 60 vote margin")
    return None, token.text


def _carried(doc: Doc, token: Token, lex: Lexicon) -> str | None:
    """The people a container carries: "busloads *of migrants*"."""
    if lower_at(doc, token.i + 1) not in PARTITIVE:
        return None
    for j in range(token.i + 2, min(token.i + 2 + NOUN_WINDOW, len(doc))):
        if doc[j].lower_ in lex.people:
            return doc[j].text
    return None


def money_purpose(doc: Doc, amount: Amount, lex: Lexicon) -> str | None:
    """What a sum of money is for when the text says so: "$1 billion of financing", "a $4 billion investment"."""
    k = amount.end
    if lower_at(doc, k) in MONEY_WHAT:
        token = _head_noun(doc, Amount(k, k + 1, 0, 0), k + 1 + (lower_at(doc, k + 1) in PARTITIVE_SKIP))
        if token is not None and token.lower_ not in lex.not_counts and (token.pos_ == "NOUN" or not token.pos_):
            return token.text
    last = doc[amount.end - 1]
    if doc.has_annotation("DEP") and last.head.i >= k and last.head.pos_ == "NOUN" and last.head.i - k < NOUN_WINDOW:
        return last.head.text
    return None


def _bare_count_people(doc: Doc, amount: Amount, lex: Lexicon) -> str | None:
    """The people a bare count refers to: from the sentences before for a noun phrase of its own
    ("scores walked"), from its own sentence only for a number in any other noun position
    ("immigration fell to 10.7 million")."""
    if _is_idiom(doc, amount) and doc.has_annotation("DEP"):
        return _idiom_people(doc, amount, lex)
    if _is_bare_count(doc, amount, lex) or _is_head_count(doc, amount, lex):
        return _context_people(doc, amount, lex)
    last = doc[amount.end - 1]
    if doc.has_annotation("DEP") and not amount.vague and last.dep_ in NOMINAL_DEPS:
        return _context_people(doc, amount, lex, sentences=0)
    return None


def _is_idiom(doc: Doc, amount: Amount) -> bool:
    """ "into the thousands", "in the hundreds", "por miles": a vague count led by a preposition."""
    return amount.vague and lower_at(doc, amount.start) in IDIOM_LEADS


def _idiom_people(doc: Doc, amount: Amount, lex: Lexicon) -> str | None:
    """The people an idiom of scale counts: those of the subject of its verb ("the number *of migrants* ran into
    the thousands"; "the backlog of reviews piled up into the thousands" counts none), else of the context."""
    verb = doc[amount.start].head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return _context_people(doc, amount, lex)
    return next((w for w in (_people_word(t, lex) for t in subject.subtree) if w), None)


def _is_bare_count(doc: Doc, amount: Amount, lex: Lexicon) -> bool:
    """Whether the amount stands alone as a noun phrase ("scores walked", "thousands that have arrived")."""
    after = lower_at(doc, amount.end)
    if after in PARTITIVE:
        return lower_at(doc, amount.end + 1) in PRONOUNS
    if after in RELATIVES:
        return True
    if not doc.has_annotation("DEP") or _is_idiom(doc, amount):
        return amount.vague  # "numbers running into the thousands": the idiom stands for the count
    last = doc[amount.end - 1]
    if amount.vague:
        return last.dep_ in NOMINAL_DEPS and not _is_modified_noun(last)
    following = doc[amount.end] if amount.end < len(doc) else last
    participle = following.tag_ in ("VBG", "VBN") and following.head.i == last.i  # "600 traveling in a caravan"
    return last.dep_ in ("nsubj", "nsubjpass") or (last.dep_ in NOMINAL_DEPS and participle)


def _is_head_count(doc: Doc, amount: Amount, lex: Lexicon) -> bool:
    """A bare number that a verb of counting takes ("the mayor *estimated* 6,000") or that "there are" states."""
    if not doc.has_annotation("DEP") or amount.vague:
        return False
    last = doc[amount.end - 1]
    verb = last.head
    if last.dep_ == "dobj" and verb.lemma_.lower() in lex.count_verbs:
        return True
    return last.dep_ == "attr" and verb.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in verb.children)


def _is_modified_noun(token: Token) -> bool:
    """ "test scores", "the scores": the vague word is an ordinary noun with its own modifiers."""
    return any(c.dep_ in ("compound", "amod", "det", "poss") and c.i < token.i for c in token.children)


def _context_people(doc: Doc, amount: Amount, lex: Lexicon, sentences: int = CONTEXT_SENTENCES) -> str | None:
    """The people a bare count refers to: the nearest people (or group) noun before it in its own sentence;
    failing that, when the sentences before it speak of people, the article's most frequent people noun."""
    sent_start = doc[amount.start].sent.start
    nearest = _people_before(doc, amount.start, sent_start, lex)
    if nearest or sentences == 0:
        return nearest
    for _ in range(sentences):
        if sent_start == 0:
            break
        sent_start = doc[sent_start - 1].sent.start
    if _people_before(doc, amount.start, sent_start, lex) is None:
        return None
    return _article_people(doc, lex)


ARTICLE_PEOPLE_KEY = ("caravan", "article_people")  # Doc.user_data: id of the lexicon -> _article_people's answer


def _article_people(doc: Doc, lex: Lexicon) -> str | None:
    """The article's most frequent people noun outside quotations (the first written of equals), lower-cased;
    read once per Doc (it does not depend on the count asking)."""
    known: dict[int, str | None] = user_data(doc).setdefault(ARTICLE_PEOPLE_KEY, {})
    if id(lex) not in known:  # the lexicons are loaded once per language and process
        counts: Counter[str] = Counter()
        for token in doc:
            word = _people_word(token, lex)
            if word and not inside_quotation(doc, token.idx):
                counts[word.lower()] += 1
        known[id(lex)] = counts.most_common(1)[0][0] if counts else None
    return known[id(lex)]


def _people_before(doc: Doc, end: int, start: int, lex: Lexicon) -> str | None:
    """The nearest people or group noun in tokens [start, end), outside quotations unless the count is quoted."""
    quoted = inside_quotation(doc, doc[end].idx)
    for j in range(end - 1, start - 1, -1):
        what = _people_word(doc[j], lex)
        if what and (quoted or not inside_quotation(doc, doc[j].idx)):
            return what
    return None


def _people_word(token: Token, lex: Lexicon) -> str | None:
    """What a token names if it names people: itself ("migrants") or a group's members ("caravan"); not a
    modifier of another noun ("immigration *cases*")."""
    if token.dep_ == "compound" and token.head.i > token.i:
        return None
    if token.lower_ in lex.people and token.lower_ not in PRONOUNS:
        return token.text
    return lex.groups.get(token.lower_)


def inside_quotation(doc: Doc, char: int) -> bool:
    """Whether a character lies in a direct quotation: a quote found by the quotes component, or an open
    quotation mark earlier in its paragraph."""
    for quote in doc._.quotes or []:
        if quote.start <= char < quote.end and quote.kind != "indirect":
            return True
    text = doc_text(doc)
    paragraph = text[text.rfind("\n", 0, char) + 1 : char]
    opened = sum(paragraph.count(c) for c in OPEN_QUOTES) - sum(paragraph.count(c) for c in CLOSE_QUOTES)
    return opened > 0 or paragraph.count('"') % 2 == 1
