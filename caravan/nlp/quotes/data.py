"""The word lists of quote extraction (cue verbs, channels, outlets, honorifics), read once from caravan/data/quotes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from caravan.datafiles import read_rows

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "quotes"


@dataclass(frozen=True)
class QuoteLexicon:
    """Everything the quote rules look words up in; all keys are lower case."""

    cues: dict[str, dict[str, str]]  # language -> lemma (en) or word form (es) -> class
    cue_preps: dict[str, tuple[str, ...]]  # English lemma -> prepositions whose object is the content
    prepositional: dict[str, tuple[str, ...]]  # language -> phrases ("according to")
    channel_verbs: dict[str, str]  # cue lemma/form -> channel ("tweet" -> "Twitter")
    platforms: dict[str, str]  # platform name as written (case kept) -> channel
    platforms_lower: dict[str, str]  # platform name in lower case -> channel of the first listed so written
    documents: dict[str, str]  # "statement", "press release" -> "statement"
    outlets: frozenset[str]  # outlet names without a leading "the"
    media_words: frozenset[str]  # final words of outlet names ("news", "times")
    honorifics: frozenset[str]  # "mr", "sen", "president"
    addressee_verbs: frozenset[str]  # "tell", "urge": the object is the person addressed
    cue_nouns: dict[str, tuple[str, ...]]  # "claim" -> topic prepositions ("about", "of")
    light_verbs: frozenset[str]  # "make", "voice": "made the claim that …"
    sought_things: frozenset[str] = frozenset()  # "asylum": "sought asylum" is an action, not a quote
    seeking_verbs: frozenset[str] = frozenset()  # "seek", "claim": the cues that apply for those things
    source_documents: frozenset[str] = frozenset()  # "report": "according to X's report" is X's


def _rows(name: str) -> list[list[str]]:
    """Non-comment, non-blank lines of a data file, split on tabs."""
    return read_rows(DATA_DIR / name)


def _strip_the(name: str) -> str:
    low = name.strip().lower()
    return low[4:] if low.startswith("the ") else low


@lru_cache(maxsize=1)
def load_lexicon() -> QuoteLexicon:
    """Read the quote data files (once per process)."""
    english = _rows("cues_en.tsv")
    cues = {"en": {r[0].lower(): r[1] for r in english}, "es": {r[0].lower(): r[1] for r in _rows("cues_es.tsv")}}
    cue_preps = {r[0].lower(): tuple(p.strip() for p in r[2].split(",") if p.strip()) for r in english if len(r) > 2}
    prepositional: dict[str, list[str]] = {}
    for phrase, lang in _rows("prepositional_cues.tsv"):
        prepositional.setdefault(lang, []).append(phrase.lower())
    channels = _rows("channels.tsv")
    by_kind = {
        kind: {(r[1] if kind == "platform" else r[1].lower()): r[2] for r in channels if r[0] == kind}
        for kind in ("verb", "platform", "document")
    }
    return QuoteLexicon(
        cues=cues,
        cue_preps=cue_preps,
        prepositional={k: tuple(v) for k, v in prepositional.items()},
        channel_verbs=by_kind["verb"],
        platforms=by_kind["platform"],
        platforms_lower=_by_lower(by_kind["platform"]),
        documents=by_kind["document"],
        outlets=frozenset(_strip_the(r[0]) for r in _rows("outlets.txt")),
        media_words=frozenset(r[0].lower() for r in _rows("media_words.txt")),
        honorifics=frozenset(r[0].lower() for r in _rows("honorifics.txt")),
        addressee_verbs=frozenset(r[0].lower() for r in _rows("addressee_verbs.txt")),
        cue_nouns={
            r[0].lower(): tuple(p for p in (r[1].split(",") if len(r) > 1 else []) if p)
            for r in _rows("cue_nouns_en.tsv")
        },
        light_verbs=frozenset(r[0].lower() for r in _rows("light_verbs.txt")),
        sought_things=frozenset(r[0].lower() for r in _rows("sought_things.txt")),
        seeking_verbs=frozenset(r[0].lower() for r in _rows("seeking_verbs.txt")),
        source_documents=frozenset(r[0].lower() for r in _rows("source_documents.txt")),
    )


def _by_lower(names: dict[str, str]) -> dict[str, str]:
    """The entries by lower-case key, the first listed where two differ only in case."""
    out: dict[str, str] = {}
    for name, value in names.items():
        out.setdefault(name.lower(), value)
    return out


def is_outlet(name: str, lexicon: QuoteLexicon) -> bool:
    """Whether a name is a news outlet: listed, or a multi-word name ending in a media word ("Fox News")."""
    low = _strip_the(name)
    if low in lexicon.outlets:
        return True
    words = name.split()
    return len(words) >= 2 and words[-1][:1].isupper() and words[-1].lower() in lexicon.media_words
