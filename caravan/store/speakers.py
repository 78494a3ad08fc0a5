"""Speaker names made comparable across articles, so one person is one speaker in the store.

The key of a speaker comes from the quote finder's ``normalise_speaker`` (``caravan.nlp.quotes``) when it
exists, else from a simple fallback that drops honorifics and a leading "the"; either way it is folded (case,
accents, dots) as the scorer compares names. Middle initials are left out of the key. Across the
store a lone surname is taken as the one person of that surname who is quoted most by full name, and one
display name is chosen per person: the part of the written name that the key covers ("Dr. Lena Okafor" ->
"Lena Okafor") that is used most.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

log = logging.getLogger(__name__)

# Words before a name that are not part of it (used only when the quote finder offers no normaliser).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "rev", "fr"})
# A leading article on a body or outlet ("the UN refugee agency"), dropped from the key.
LEADING_ARTICLES = ("the ",)
# Share of a surname's full-name quotes that one person must hold for a lone surname to be taken as them.
SURNAME_SHARE = 0.8


def fold(text: str) -> str:
    """Case, accents, dots and spacing folded away: the comparison form of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold().replace(".", " ").replace("\u2019", "'")
    return " ".join(plain.split())


def fallback_key(name: str) -> str:
    """The folded name without honorifics ("Mr. John Smith" -> "john smith")."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _normaliser() -> Callable[[str], str]:
    try:
        from caravan.nlp.quotes import normalise_speaker
    except ImportError:
        log.info("caravan.nlp.quotes has no normalise_speaker; using the store's fallback")
        return fallback_key
    return normalise_speaker


def speaker_key(name: str | None) -> str | None:
    """The comparison key of a speaker: normalised, folded, without a leading article; None for no name."""
    if not name or not name.strip():
        return None
    key = fold(_normaliser()(name.strip()) or name)
    for article in LEADING_ARTICLES:
        if key.startswith(article):
            key = key[len(article) :]
    words = key.split()
    if len(words) > 2:  # middle initials do not tell people apart: "donald j trump" is "donald trump"
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words) or None


def resolve_surnames(counts: Mapping[str, int]) -> dict[str, str]:
    """One-word keys mapped to the full name ending in them that holds most of those names' quotes.

    "trump" joins "donald trump" when quotes of "donald trump" are at least ``SURNAME_SHARE`` of the quotes
    of all full names ending in "trump"; a surname shared by several people stays as it is.
    """
    resolved = {}
    for key in counts:
        if " " in key:
            continue
        candidates = {k: n for k, n in counts.items() if k.endswith(" " + key)}
        if not candidates:
            continue
        best = max(candidates, key=lambda k: candidates[k])
        if candidates[best] >= SURNAME_SHARE * sum(candidates.values()):
            resolved[key] = best
    return resolved


def speaker_name(name: str | None) -> str | None:
    """The display name: the shortest ending of the written name that still folds to its key."""
    key = speaker_key(name)
    if key is None or name is None:
        return None
    words = name.split()
    for start in range(len(words)):
        tail = " ".join(words[start:])
        if fold(tail) == key:
            return tail
    return name.strip()


def choose_names(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, str]:
    """One display name per key, from (key, display name) pairs: the most used, mixed case preferred."""
    counts: Counter[tuple[str, str]] = Counter((k, n) for k, n in pairs if k and n)
    best: dict[str, tuple[tuple[int, bool], str]] = {}
    for (key, name), count in counts.items():
        score = (count, not name.isupper())
        if key not in best or score > best[key][0]:
            best[key] = (score, name)
    return {key: name for key, (_, name) in best.items()}


def matches_speaker(key: str | None, wanted: str) -> bool:
    """Whether a stored speaker key is the wanted person: the same key or ending in its words ("Okafor")."""
    target = speaker_key(wanted)
    if not key or not target:
        return False
    return key == target or key.endswith(" " + target)
