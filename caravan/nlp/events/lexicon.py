"""The event data: trigger rules, word classes and modality cues, read once from ``caravan/data/events``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from caravan.model import EventType
from caravan.nlp.extensions import derived, token_table

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "events"
TRIGGERS_FILE = DATA_DIR / "triggers.json"
LEXICON_FILE = DATA_DIR / "lexicon.json"
MODALITY_FILE = DATA_DIR / "modality.json"


@dataclass(frozen=True)
class TriggerRule:
    """One line of triggers.json: the words that may trigger an event type, and what must hold for them to."""

    type: EventType  # triggers.json names only the model's types (test_events checks)
    words: tuple[tuple[str, ...], ...]  # each a lemma followed by the particle/preposition words of a phrase
    pos: str  # "verb", "noun" or "any"
    require: tuple[tuple[str, ...], ...]  # all groups must hold; within a group, any name
    _first: frozenset[str] = field(init=False, repr=False, compare=False)
    _longest_first: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # asked millions of times per corpus: built once per rule, not once per call
        object.__setattr__(self, "_first", frozenset(w[0] for w in self.words))
        object.__setattr__(self, "_longest_first", tuple(sorted(self.words, key=len, reverse=True)))

    def first_words(self) -> frozenset[str]:
        return self._first

    def longest_first(self) -> tuple[tuple[str, ...], ...]:
        """The rule's words, longer phrases first (in file order among equals): the order they are tried."""
        return self._longest_first


def _load_json(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def load_rules() -> tuple[TriggerRule, ...]:
    """The trigger rules in the order they are tried."""
    rules = []
    for raw in _load_json(TRIGGERS_FILE)["rules"]:
        words = tuple(tuple(w.lower().split()) for w in raw["words"])
        require = tuple(tuple(group.split("|")) for group in raw.get("require", []))
        rules.append(TriggerRule(type=raw["type"], words=words, pos=raw.get("pos", "verb"), require=require))
    return tuple(rules)


@lru_cache(maxsize=16)
def rule_verbs(kind: str) -> frozenset[str]:
    """The one-word verbs of a type's verb rules (for policy: "sign", "issue", "end", "grant"..., not the "take" of
    "take effect"; for detain: "detain", "hold", "keep"...)."""
    rules = [r for r in load_rules() if r.type == kind and r.pos == "verb"]
    return frozenset(w[0] for r in rules for w in r.words if len(w) == 1)


@lru_cache(maxsize=1)
def load_rule_index() -> dict[str, tuple[int, ...]]:
    """For each first word of a trigger, the positions of the rules that start with it, in the order tried."""
    index: dict[str, list[int]] = {}
    for n, rule in enumerate(load_rules()):
        for word in rule.first_words():
            index.setdefault(word, []).append(n)
    return {word: tuple(found) for word, found in index.items()}


def rules_for(*words: str) -> list[TriggerRule]:
    """The rules that may start at a word with these forms (lemma, lower-case text), in the order tried."""
    index = load_rule_index()
    found = [n for w in words for n in index.get(w, ())]
    if not found:  # most words start no rule
        return []
    rules = load_rules()
    return [rules[n] for n in sorted(set(found))]


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, frozenset[str]]:
    """Word classes by name (lower-case lemmas or multiword phrases)."""
    data = _load_json(LEXICON_FILE)
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_") and isinstance(v, list)}


@lru_cache(maxsize=1)
def load_lemma_fixes() -> dict[str, str]:
    """Word forms the model lemmatises wrongly ("hoping" -> "hop"), with their lemma."""
    return dict(_load_json(LEXICON_FILE).get("lemma_fixes", {}))


@lru_cache(maxsize=1)
def load_cues() -> dict[str, frozenset[str]]:
    """Modality cue lists by name."""
    return {k: frozenset(v) for k, v in _load_json(MODALITY_FILE).items() if not k.startswith("_")}


_LEMMAS: dict[tuple[int, int], str] = {}  # (lower, lemma) string ids -> lemma; stable across memory zones
MAX_LEMMAS = 200_000  # entries kept before the cache starts again: bounded memory over a long run


def lemma(token: Token) -> str:
    """The lower-case lemma of a token (its lower-case text where the lemmatizer gives nothing).

    Asked millions of times per corpus (every trigger rule at every token): cached by the token's lower-case
    and lemma string ids, which are hashes of the strings, so the answer depends on nothing else.
    """
    key = (token.lower, token.lemma)
    found = _LEMMAS.get(key)
    if found is None:
        if len(_LEMMAS) >= MAX_LEMMAS:
            _LEMMAS.clear()
        found = _LEMMAS[key] = fixed_lemma(token.lower_, token.lemma_)
    return found


def fixed_lemma(lower: str, lem: str) -> str:
    """A token's lower-case lemma, corrected: forms the model lemmatises wrongly (``lemma_fixes``), and a
    capitalised plural it took for a name and left as it is ("Caravans marching", "Border Patrol Agents")
    when its singular is a word of the lexicon."""
    return _fixed(lower, lem, load_lemma_fixes(), _lexicon_words())


def _fixed(lower: str, lem: str, fixes: dict[str, str], words: frozenset[str]) -> str:
    """``fixed_lemma`` with the word lists given (read once per Doc by ``_make_lemmas``, not once per token)."""
    fixed = fixes.get(lower)
    if fixed:
        return fixed
    if lem[:1].isupper() and lem.lower() == lower and lower.endswith("s") and lower[:-1] in words:
        return lower[:-1]
    return (lem or lower).lower()


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Every one-word entry of every word class."""
    return frozenset(w for words in load_lexicon().values() for w in words if " " not in w)


LEMMAS_KEY = ("caravan", "lemmas")  # Doc.user_data: ``lemma`` of every token, in order


def token_lemmas(doc: Doc) -> list[str]:
    """``lemma`` of every token of a Doc, read once per Doc from its ``token_table`` (no Token is made)."""
    return derived(doc, LEMMAS_KEY, _make_lemmas)


def _make_lemmas(doc: Doc) -> list[str]:
    table, fixes, words = token_table(doc), load_lemma_fixes(), _lexicon_words()
    return [_fixed(low, lem, fixes, words) for low, lem in zip(table.lowers, table.lemmas, strict=True)]


@cache  # one entry per class name
def _phrase_heads(name: str) -> frozenset[str]:
    """The last words of the class's phrases ("point" of "check point")."""
    return frozenset(w.split()[-1] for w in load_lexicon().get(name, frozenset()) if " " in w)


def may_be_in_class(lemma: str, lower: str, name: str) -> bool:
    """Whether a word of this lemma and lower-case text can be in the class ``name`` (``in_class`` may still say
    no); False is certain, and is answered from the words alone, without making the Token."""
    words = load_lexicon().get(name, frozenset())
    return lemma in words or lower in words or lemma in _phrase_heads(name)


def in_class(token: Token, name: str) -> bool:
    """Whether a token's lemma, text or compound phrase ("check point") is in the word class ``name``."""
    lem = lemma(token)
    if not may_be_in_class(lem, token.lower_, name):
        return False  # not a word of the class, nor the last word of one of its phrases
    lexicon = load_lexicon()
    words = lexicon.get(name, frozenset())
    compounds = [c for c in token.lefts if c.dep_ == "compound"]
    phrase = " ".join([c.lower_ for c in compounds] + [lem])
    if compounds and phrase in lexicon.get("not_" + name, frozenset()):
        return False  # "task force" is not a force of troops
    return lem in words or token.lower_ in words or (bool(compounds) and phrase in words)


def tokens_in_class(doc: Doc, start: int, end: int, name: str) -> Iterator[Token]:
    """The tokens of ``doc[start:end]`` in the class ``name`` (``in_class``), in order; a Token is made only for a
    word ``may_be_in_class`` lets through."""
    lemmas, lowers = token_lemmas(doc), token_table(doc).lowers
    for i in range(start, end):
        if may_be_in_class(lemmas[i], lowers[i], name) and in_class(doc[i], name):
            yield doc[i]
