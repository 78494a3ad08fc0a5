"""Normalisation of place names into the lookup keys the gazetteer is indexed on."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# apostrophes, dashes and dots that vary between sources of the same name
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\-]+")
_NON_KEY = re.compile(r"[^a-z0-9' ]+")
LEADING_ARTICLES: tuple[str, ...] = ("the ",)
# Latin letters with accents (Latin-1, Extended-A/B, Extended Additional) and common punctuation
_LATIN = re.compile(r"^[\u0000-\u024F\u1E00-\u1EFF\u2010-\u201F]*$")


@lru_cache(maxsize=1 << 16)  # place finding asks the key of the same names again and again
def normalise(name: str) -> str:
    """The lookup key of a name: ASCII, case-folded, dots removed, dashes and punctuation as spaces.

    "EE.UU." -> "eeuu", "U.S." -> "us", "Ciudad de México" -> "ciudad de mexico", "the Bronx" -> "bronx".
    """
    text = name if name.isascii() else unicodedata.normalize("NFKD", _DASHES.sub(" ", name.translate(_APOSTROPHES)))
    text = _DASHES.sub(" ", text.encode("ascii", "ignore").decode().lower().replace(".", ""))
    text = " ".join(_NON_KEY.sub(" ", text).split())
    for article in LEADING_ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
    return text


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin script (accents allowed): the only alternates worth indexing."""
    if name.isascii():
        return any(ch.isalpha() for ch in name)
    return bool(_LATIN.match(name)) and any(ch.isalpha() for ch in name)
