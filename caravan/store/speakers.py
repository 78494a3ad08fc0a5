"""Speaker names made comparable across articles, so one person is one speaker in the store.

The quote finder's ``normalise_speaker`` (``caravan.nlp.quotes``) gives the canonical display name when it
exists; otherwise a simple fallback drops honorifics and a leading "the". The key folds what the scorer
ignores (accents, case, dots) so that "Olga Sánchez Cordero" and "olga sanchez cordero" are one speaker.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from functools import lru_cache

log = logging.getLogger(__name__)

# Words before a name that are not part of it (fallback only; compared after folding).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "rev", "fr"})
# A leading article on a body or outlet ("the UN refugee agency"), dropped from the key.
LEADING_ARTICLES = ("the ",)


def fold(text: str) -> str:
    """Case, accents, dots and spacing folded away: the comparison form of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold().replace(".", " ").replace("\u2019", "'")
    return " ".join(plain.split())


def fallback_normalise(name: str) -> str:
    """A display name with honorifics dropped ("Mr. John Smith" -> "John Smith"); used when NLP offers none."""
    words = name.split()
    while len(words) > 1 and fold(words[0]) in HONORIFICS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _normaliser() -> Callable[[str], str]:
    try:
        from caravan.nlp.quotes import normalise_speaker  # type: ignore[attr-defined]
    except ImportError:
        log.info("caravan.nlp.quotes has no normalise_speaker; using the store's fallback")
        return fallback_normalise
    return normalise_speaker


def speaker_name(name: str | None) -> str | None:
    """The canonical display name of a speaker, or None when there is none."""
    if not name or not name.strip():
        return None
    return _normaliser()(name.strip()) or name.strip()


def speaker_key(name: str | None) -> str | None:
    """The comparison key of a speaker: canonical name, folded, without a leading article."""
    canonical = speaker_name(name)
    if canonical is None:
        return None
    key = fold(canonical)
    for article in LEADING_ARTICLES:
        if key.startswith(article):
            key = key[len(article):]
    return key or None


def matches_speaker(key: str | None, wanted: str) -> bool:
    """Whether a stored speaker key is the wanted person: the same key or ending in its words ("Trump")."""
    if not key:
        return False
    target = speaker_key(wanted)
    if not target:
        return False
    return key == target or key.endswith(" " + target)
