"""The group an event mention is about, read from its actor and sentence: "the second caravan".

The extractor gives an event's actor but not the group it belongs to; a movement is followed by the words the
reports use for it. Group words, ordinals and "new"-words are data (``caravan/data/link/groups.tsv``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from caravan.datafiles import DATA_DIR, read_rows

GROUPS_FILE = DATA_DIR / "link" / "groups.tsv"
MODIFIER_WORDS = 3  # words before a group word searched for an ordinal or a "new"
# "migrants from San Pedro Sula", "a caravan of people from Honduras"
ORIGIN = re.compile(r"\s+(?:of\s+[a-z]+\s+)?from\s+((?:[A-Z][\w.-]*\s?){1,3})")
OF_PEOPLE = re.compile(r"\s+of\s+([A-Za-z]+(?:\s[A-Za-z]+)?)")  # "a caravan of Central Americans"
# Event types a group does (its actor is the group) and types done to it (the group is named in the sentence).
MOVE_TYPES = frozenset({"depart", "travel", "cross", "arrive", "gather"})
DONE_TO_TYPES = frozenset({"block", "force", "detain", "return"})
PRONOUNS = frozenset({"they", "them", "we", "it", "who", "which", "those"})


@dataclass(frozen=True)
class Group:
    """What a mention says of its group; ``word`` is None when it names none."""

    word: str | None = None
    collective: bool = False
    ordinal: int | None = None
    fresh: bool = False
    origin: str | None = None
    in_actor: bool = False  # the group word is the event's actor (it did the thing)
    body: str | None = None  # the word for the group as one body, in the actor or its sentence ("caravan")

    @property
    def description(self) -> str | None:
        if self.word is None:
            return None
        words = [
            {1: "first", 2: "second", 3: "third"}.get(self.ordinal or 0, f"#{self.ordinal}") if self.ordinal else "",
            "new" if self.fresh else "",
            self.word,
        ]
        text = " ".join(w for w in words if w)
        return f"{text} from {self.origin}" if self.origin else text


@dataclass(frozen=True)
class GroupWords:
    """The group vocabulary: word -> kind, and ordinal numbers."""

    kinds: dict[str, str]
    ordinals: dict[str, int]
    pattern: re.Pattern[str]
    origins: dict[str, str]  # a people's or an adjective's place: "hondurans", "central american"
    adjectives: re.Pattern[str]  # an origin adjective just before a group word: "Honduran migrants"
    institutions: frozenset[str]  # words that make a "group" an organisation: "advocacy groups", "rights group"

    def matches(self, text: str) -> list[re.Match[str]]:
        """The group words of a text, less the "groups" that are organisations ("immigrant rights groups sued")."""
        found = []
        for m in self.pattern.finditer(text):
            if m.group(1).lower().startswith(("group", "grupo")) and self.is_institution(text[: m.start()]):
                continue
            found.append(m)
        return found

    def is_institution(self, before: str) -> bool:
        """Whether the words before "group" make it an organisation: an institution word ("rights groups",
        "immigrant-rights groups"), an owner ("Baron's group") or a name ("the Voces de la Frontera group"; not a
        people's adjective, "the Honduran group")."""
        every = re.findall(r"[\w'’-]+", before)
        words = every[-2:]
        if not words:
            return False
        parts = {p for w in words for p in w.lower().split("-")}
        if parts & self.institutions:
            return True
        last = words[-1]
        if last.lower().endswith(("'s", "’s")):
            return True
        named = last[:1].isupper() and len(every) > 1  # not the sentence's first word
        return named and self.adjectives.search(before + " ") is None and last.lower() not in self.origins


@lru_cache(maxsize=1)
def load_group_words() -> GroupWords:
    kinds, ordinals, origins = {}, {}, {}
    institutions = set()
    for row in read_rows(GROUPS_FILE):
        if row[1] == "institution":
            institutions.add(row[0])
            continue
        kinds[row[0]] = row[1]
        if row[1] == "ordinal":
            ordinals[row[0]] = int(row[2])
        elif len(row) > 2 and row[1] in ("member", "origin"):
            origins[row[0]] = row[2]
    nouns = sorted((w for w, k in kinds.items() if k in ("collective", "member")), key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in nouns) + r")\b", re.IGNORECASE)
    adjectives = sorted((w for w, k in kinds.items() if k == "origin"), key=len, reverse=True)
    ending = re.compile(r"\b(" + "|".join(re.escape(w) for w in adjectives) + r")\s+$", re.IGNORECASE)
    return GroupWords(kinds, ordinals, pattern, origins, ending, frozenset(institutions))


NUMBER = re.compile(r"^[\d.,]+$")


def subject_of(actor: str | None, place: str | None, is_place: bool = False) -> str | None:
    """The actor as the group's reading takes it: none when the extractor gave the event's own place (a dateline,
    "TIJUANA, Mexico - Dozens of migrants ...") or another place the article names (``is_place``: "migrants from
    Honduras and El Salvador who crossed" read with El Salvador as the actor) or a bare number ("600 traveling in
    a caravan"), which stand for the people the sentence names rather than someone else."""
    if actor is None:
        return None
    text = actor.strip()
    if is_place or NUMBER.match(text) or (place and text.lower() == place.lower()):
        return None
    return actor


def group_of(event_type: str, sentence: str, actor: str | None) -> Group:
    """The group of a mention: its actor's for a move, the sentence's for what is done to a group, else none."""
    if event_type in MOVE_TYPES:
        return find_group(sentence, actor)
    if event_type in DONE_TO_TYPES:
        return find_object_group(sentence)
    return Group()


def find_group(sentence: str, actor: str | None) -> Group:
    """The group a mention is about: a group word of its actor, else the most specific one of its sentence."""
    group = _find_group(sentence, actor)
    if group.word is None or group.collective:
        return dataclasses.replace(group, body=group.word)
    words = load_group_words()
    bodies = [m.group(1).lower() for m in words.matches(sentence) if words.kinds[m.group(1).lower()] == "collective"]
    return dataclasses.replace(group, body=bodies[0] if bodies else None)


def _find_group(sentence: str, actor: str | None) -> Group:
    words = load_group_words()
    if actor and words.matches(actor):
        at = sentence.find(actor)
        if at < 0:
            return _best(actor, words, in_actor=True) or Group()
        inside = [m for m in words.matches(sentence) if at <= m.start() < at + len(actor)]
        return _best_of([_group_at(sentence, m, words, True) for m in inside]) or Group()
    if actor and actor.lower() not in PRONOUNS:
        return Group()  # someone else did it; the sentence may still name the group it was done to
    return _best(sentence, words, in_actor=False) or Group()


def find_object_group(sentence: str) -> Group:
    """The group named anywhere in the sentence (for events done to the group: blocked, detained, returned)."""
    return find_group(sentence, None)


def _best(text: str, words: GroupWords, *, in_actor: bool) -> Group | None:
    return _best_of([_group_at(text, m, words, in_actor) for m in words.matches(text)])


def _best_of(found: list[Group]) -> Group | None:
    if not found:
        return None
    return max(found, key=lambda g: (g.ordinal is not None, g.collective, g.fresh))


def _group_at(text: str, match: re.Match[str], words: GroupWords, in_actor: bool) -> Group:
    word = match.group(1).lower()
    before = re.findall(r"[\w-]+", text[: match.start()].lower())[-MODIFIER_WORDS:]
    ordinal = next((words.ordinals[w] for w in reversed(before) if w in words.ordinals), None)
    fresh = any(words.kinds.get(w) == "fresh" for w in before)
    origin = _origin_at(text, match, words)
    return Group(word, words.kinds[word] == "collective", ordinal, fresh, origin, in_actor)


def _origin_at(text: str, match: re.Match[str], words: GroupWords) -> str | None:
    """Where the group comes from: "from Honduras" after it, a people as the word or after "of" ("Hondurans",
    "a caravan of Central Americans"), or an origin adjective before it ("Honduran migrants")."""
    after = ORIGIN.match(text, match.end())
    if after:
        return after.group(1).strip()
    word = match.group(1).lower()
    if word in words.origins:
        return words.origins[word]
    of = OF_PEOPLE.match(text, match.end())
    if of and of.group(1).lower() in words.origins:
        return words.origins[of.group(1).lower()]
    before = words.adjectives.search(text, 0, match.start())
    return words.origins[before.group(1).lower()] if before else None
