"""The Spanish event data: trigger forms (regular conjugations generated from the infinitive), word classes
and modality cues, read from ``caravan/data/events/*_es.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from caravan.datafiles import read_rows
from caravan.model import EventType
from caravan.nlp.events.lexicon import DATA_DIR

TRIGGERS_FILE = DATA_DIR / "triggers_es.tsv"
LEXICON_FILE = DATA_DIR / "lexicon_es.tsv"
MODALITY_FILE = DATA_DIR / "modality_es.tsv"
# regular endings after the stem, by conjugation: preterite, present, imperfect, future, conditional,
# subjunctive, infinitive, gerund, participles, first person plural
ENDINGS = {
    "ar": "ó aron a an aba aban ará arán aría arían e en ara aran ar ando ado ada ados adas amos é".split(),
    "er": "ió ieron e en ía ían erá erán ería erían a an iera ieran er iendo ido ida idos idas emos í".split(),
    "ir": "ió ieron e en ía ían irá irán iría irían a an iera ieran ir iendo ido ida idos idas imos í".split(),
}
# spelling changes of the stem before e: "cruzar" -> "crucen", "llegar" -> "llegue", "atacar" -> "ataque"
BEFORE_E = (("z", "c"), ("g", "gu"), ("c", "qu"))
FUTURE_ENDINGS = ("rá", "rán", "ré", "remos")
CONDITIONAL_ENDINGS = ("ría", "rían")
PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "to", "tos", "ta", "tas")
REFLEXIVE = "se"


@dataclass(frozen=True)
class Trigger:
    """One Spanish trigger: its event type, what the sentence must hold, its lemma and its words."""

    type: EventType
    lemma: str
    needs: tuple[str, ...]
    words: tuple[str, ...]  # one word for a verb form, several for a noun phrase


def stem_forms(infinitive: str) -> set[str]:
    """The regular forms of a Spanish verb ("cruzar" -> cruzó, cruzaron, crucen, cruzando, cruzados...)."""
    verb = infinitive[:-2] if infinitive.endswith(REFLEXIVE) else infinitive
    stem, group = verb[:-2], verb[-2:]
    forms = {infinitive}  # "reunirse" as written
    for ending in ENDINGS.get(group, []):
        forms.add(_spelled(stem, ending) if group == "ar" else stem + ending)
    return forms


def _spelled(stem: str, ending: str) -> str:
    """An -ar stem before an ending in e takes its spelling change."""
    if ending.startswith(("e", "é")):
        for last, new in BEFORE_E:
            if stem.endswith(last):
                return stem[: -len(last)] + new + ending
    return stem + ending


def tense_of(form: str) -> str:
    """future, conditional, participle or other, read from a verb form's ending."""
    if form.endswith(FUTURE_ENDINGS):
        return "future"
    if form.endswith(CONDITIONAL_ENDINGS):
        return "conditional"
    return "participle" if form.endswith(PARTICIPLE_ENDINGS) else "other"


@lru_cache(maxsize=1)
def load_triggers() -> dict[tuple[str, ...], Trigger]:
    """Every trigger form (a tuple of lower-case words) -> its Trigger."""
    out: dict[tuple[str, ...], Trigger] = {}
    for row in read_rows(TRIGGERS_FILE):
        # the data file names only event types of the model (test_events_es_triggers_name_known_types)
        kind, word, needs = cast(EventType, row[0]), row[1], tuple(row[2].split("|"))
        extra = row[3].split() if len(row) > 3 else []
        is_verb = " " not in word and word.endswith(("ar", "er", "ir", "arse", "erse", "irse"))
        forms = (stem_forms(word) | set(extra)) if is_verb else {word, *extra}
        for form in forms:
            out.setdefault(tuple(form.split()), Trigger(kind, word, needs, tuple(form.split())))
    return out


@lru_cache(maxsize=1)
def load_lemmas() -> dict[str, Trigger]:
    """Verb triggers by lemma, for text the Spanish model has lemmatised ("reunirse" under "reunir")."""
    out: dict[str, Trigger] = {}
    for trigger in load_triggers().values():
        lemma = trigger.lemma[:-2] if trigger.lemma.endswith(REFLEXIVE) and len(trigger.words) == 1 else trigger.lemma
        out.setdefault(lemma, trigger)
    return out


@lru_cache(maxsize=1)
def load_classes() -> dict[str, frozenset[tuple[str, ...]]]:
    """Word classes (mover, force, context, border, policy) as sets of word tuples."""
    classes: dict[str, set[tuple[str, ...]]] = {}
    for name, phrase in read_rows(LEXICON_FILE):
        classes.setdefault(name, set()).add(tuple(phrase.split()))
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=1)
def load_modality_cues() -> dict[str, frozenset[tuple[str, ...]]]:
    """Modality -> its cue phrases."""
    cues: dict[str, set[tuple[str, ...]]] = {}
    for modality, phrase in read_rows(MODALITY_FILE):
        cues.setdefault(modality, set()).add(tuple(phrase.split()))
    return {name: frozenset(words) for name, words in cues.items()}
