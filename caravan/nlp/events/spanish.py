"""Events of Spanish articles: triggers found on the tokens (regular verb forms generated from the infinitive,
noun phrases as written), kept in their migration sense by the words of their sentence, with modality from the
cues before them and arguments from the places, quantities and dates of their sentence.

Works without a parse; where the Spanish model is installed its lemmas find forms the table lacks
("detuvimos"), its tags keep nouns that look like verb forms out ("la marcha", "parte") and its parse scopes
negation and the moving group to the trigger's own clause. The English rules (``assemble.py``) are not used here:
the two languages share the ontology (``docs/events.md``), not the words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from caravan.model import DateRef, Event, Modality, Place, Quantity
from caravan.nlp.events.lexicon_es import (
    Trigger,
    load_classes,
    load_lemmas,
    load_modality_cues,
    load_triggers,
    tense_of,
)
from caravan.nlp.extensions import in_boilerplate
from caravan.settings import Settings

log = logging.getLogger(__name__)

LANGUAGE = "es"
LONGEST_TRIGGER = 3  # words of the longest noun-phrase trigger ("puestos de control")
LONGEST_CLASS_WORD = 3  # words of the longest class phrase ("solicitantes de asilo")
CUE_WINDOW = 4  # words before a trigger searched for its modality cues
AFTER_WINDOW = 5  # words after a trigger searched for what it acts on ("cerraron la frontera")
# words that end the clause a cue must share with its trigger
CLAUSE_BREAKS = frozenset({",", ";", ":", "que", "pero", "mientras", "aunque", "cuando", "porque", "y", "—"})
MOVEMENT_TYPES = frozenset({"depart", "travel", "cross", "arrive", "gather", "return"})
AGENT_TYPES = frozenset({"block", "force", "detain", "deploy", "policy"})
OUTCOME_TYPES = frozenset({"arrive"})  # a plain future of an outcome is a prediction, not a plan
RELATIVE_PRONOUNS = frozenset({"que", "quienes", "cual", "cuales"})
PASSIVE_FUTURE = frozenset({"será", "serán", "sería", "serían"})
FROM_WORDS = frozenset({"de", "desde"})
PRECEDENCE: tuple[Modality, ...] = ("conditional", "negated", "predicted", "planned")
PLACE_FEATURES = ("city", "admin")
PEOPLE = "people"
VERB_ENDINGS = ("ar", "er", "ir", "arse", "erse", "irse")
REFLEXIVE = "se"  # the pronoun of a reflexive trigger ("reunirse": "se reunieron")
PARTICIPLES = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")
# endings only a verb form has (preterite, future, conditional, imperfect, gerund, first person plural)
VERB_ONLY_ENDINGS = (
    "aron",
    "ieron",
    "ó",
    "ió",
    "rá",
    "rán",
    "ría",
    "rían",
    "aban",
    "ían",
    "ando",
    "iendo",
    "amos",
    "emos",
    "imos",
    "uvo",
    "uvieron",
)


@dataclass(frozen=True)
class Hit:
    """A trigger found at tokens [start, end)."""

    start: int
    end: int
    trigger: Trigger


class SpanishEventFinder:
    """Adds the events of a Spanish article to ``doc._.events`` (other languages pass through)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        if doc.lang_ == LANGUAGE:
            doc._.events = [*(doc._.events or []), *find_events_es(doc)]
        return doc


def find_events_es(doc: Doc) -> list[Event]:
    """The events of a Spanish Doc, parsed or not, in text order."""
    built: list[tuple[int, Event]] = []
    for hit in find_hits(doc):
        token = doc[hit.start]
        if in_boilerplate(doc, token.idx, doc[hit.end - 1].idx + len(doc[hit.end - 1])):
            continue
        if any(holds(doc, hit, need) for need in hit.trigger.needs):
            built.append((token.sent.start, build_event(doc, hit)))
    return merge_events(built)


def find_hits(doc: Doc) -> list[Hit]:
    """Every trigger of the doc, longest phrase first, one per word."""
    table, hits, i = load_triggers(), [], 0
    while i < len(doc):
        hit = _hit_at(doc, i, table)
        if hit is not None and not _is_noun_use(doc, hit) and not _lacks_reflexive(doc, hit):
            hits.append(hit)
            i = hit.end
        else:
            i += 1
    return hits


def _hit_at(doc: Doc, i: int, table: dict[tuple[str, ...], Trigger]) -> Hit | None:
    for size in range(LONGEST_TRIGGER, 0, -1):
        key = tuple(t.lower_ for t in doc[i : i + size])
        if len(key) == size and key in table:
            return Hit(i, i + size, table[key])
    token = doc[i]
    if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in load_lemmas():
        return Hit(i, i + 1, load_lemmas()[token.lemma_.lower()])  # a form the table lacks ("detuvimos")
    return None


def is_verb_trigger(trigger: Trigger) -> bool:
    """Whether a trigger is a verb (its forms generated), not a noun phrase matched as written."""
    return " " not in trigger.lemma and trigger.lemma.endswith(VERB_ENDINGS)


def _is_noun_use(doc: Doc, hit: Hit) -> bool:
    """A verb form used as a noun ("el cruce", "la marcha", "los detenidos") or inside an idiom ("a partir de",
    "llegaron a un acuerdo"); a form only a verb has ("cruzaron", "detendrán") is never a noun."""
    if not is_verb_trigger(hit.trigger):
        return False
    token = doc[hit.start]
    if _in_idiom(doc, hit):
        return True
    if token.lower_.endswith(VERB_ONLY_ENDINGS):
        return False
    if token.pos_ in ("NOUN", "PROPN", "ADJ") and not token.lower_.endswith(PARTICIPLES):
        return True  # the model's tag: "la marcha", "parte" (a participle stays: "la Guardia desplegada")
    before = doc[hit.start - 1] if hit.start > 0 else None
    return before is not None and (before.lower_,) in load_classes()["determiner"] and before.pos_ in ("", "DET")


def _in_idiom(doc: Doc, hit: Hit) -> bool:
    """Whether a listed idiom ("a partir", "parte de", "a un acuerdo") covers or directly follows the trigger."""
    idioms = load_classes()["idiom"]
    words = [t.lower_ for t in doc[max(0, hit.start - 2) : hit.end + LONGEST_CLASS_WORD]]
    offset = hit.start - max(0, hit.start - 2)
    for k in range(len(words)):
        for n in range(2, LONGEST_CLASS_WORD + 1):
            if (k <= offset < k + n or k == offset + 1) and tuple(words[k : k + n]) in idioms:
                return True
    return False


def _lacks_reflexive(doc: Doc, hit: Hit) -> bool:
    """A reflexive trigger without its "se": "se instalaron en la plaza" gathers, "instaló un retén" does not."""
    if not hit.trigger.lemma.endswith(REFLEXIVE) or " " in hit.trigger.lemma:
        return False
    form = doc[hit.start].lower_
    before = [t.lower_ for t in doc[max(0, hit.start - 3) : hit.start]]
    return not (form.endswith(REFLEXIVE) or "se" in before)


def class_spans(tokens: Span | list[Token], name: str) -> list[tuple[int, int]]:
    """Token spans [start, end) of the words of a class among ``tokens``."""
    words = load_classes()[name]
    toks = list(tokens)
    found = []
    for k, token in enumerate(toks):
        for size in range(LONGEST_CLASS_WORD, 0, -1):
            key = tuple(t.lower_ for t in toks[k : k + size])
            if len(key) == size and key in words:
                found.append((token.i, token.i + size))
                break
    return found


def holds(doc: Doc, hit: Hit, need: str) -> bool:
    """Whether a requirement of the trigger holds in its sentence (see ``triggers_es.tsv``)."""
    sent = doc[hit.start].sent
    after = doc[hit.end : min(hit.end + AFTER_WINDOW, sent.end)]
    if need == "none":
        return True
    if need == "mover":
        return has_mover(doc, hit)
    if need == "force":
        return bool(class_spans(sent, "force"))
    if need == "context":  # the people acted on may be named only in the sentence before ("Serán detenidos")
        near = with_previous(doc, sent)
        return bool(class_spans(near, "context") or class_spans(near, "mover"))
    if need in ("border_after", "policy_after", "mover_after"):
        return bool(class_spans(after, need.split("_")[0]))
    log.warning("unknown requirement %r of Spanish trigger %r", need, hit.trigger.lemma)
    return False


def has_mover(doc: Doc, hit: Hit) -> bool:
    """A moving group is the trigger's subject (parsed), or is named in its sentence or the one before
    (Spanish drops the subject: "Salieron el viernes")."""
    token = doc[hit.start]
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "acl":
        subject = token.head  # "los migrantes que cruzaron": the noun the relative clause is on
    if subject is not None:
        return bool(class_spans(list(subject.subtree), "mover"))
    return bool(class_spans(with_previous(doc, token.sent), "mover"))


def with_previous(doc: Doc, sent: Span) -> Span:
    """A sentence with the one before it (paragraph breaks skipped)."""
    j = sent.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return doc[doc[j].sent.start if j >= 0 else sent.start : sent.end]


def modality_of(doc: Doc, hit: Hit) -> Modality:
    """The modality of a trigger: cues before it in its clause, the opening "si" of its sentence, its tense."""
    found = set(_cue_modalities(doc, hit))
    sent = doc[hit.start].sent
    if sent[0].lower_ in {c[0] for c in load_modality_cues()["conditional"] if len(c) == 1}:
        found.add("conditional")  # "Si llegan a la frontera, serán detenidos": both hang on the condition
    if _parsed_negation(doc[hit.start]):
        found.add("negated")
    found |= _tense_modality(doc, hit)
    return next((m for m in PRECEDENCE if m in found), "asserted")


def _cue_modalities(doc: Doc, hit: Hit) -> list[str]:
    """Modalities whose cues lie within the trigger's clause, a few words before it, or end in the "que" that
    opens it ("se espera que lleguen")."""
    sent_start = doc[hit.start].sent.start
    window: list[str] = []
    j = hit.start - 1
    while j >= max(sent_start, hit.start - CUE_WINDOW) and doc[j].lower_ not in CLAUSE_BREAKS:
        window.insert(0, doc[j].lower_)
        j -= 1
    if j >= sent_start and doc[j].lower_ == "que":
        window = [t.lower_ for t in doc[max(sent_start, j - CUE_WINDOW + 1) : j + 1]] + window
    found = []
    for modality, cues in load_modality_cues().items():
        if any(_contains(window, cue) for cue in cues):
            found.append(modality)
    return found


def _contains(window: list[str], cue: tuple[str, ...]) -> bool:
    return any(tuple(window[k : k + len(cue)]) == cue for k in range(len(window) - len(cue) + 1))


def _parsed_negation(token: Token) -> bool:
    """ "no" attached to the trigger or to the verb it completes ("no pudieron cruzar")."""
    for word in (token, token.head if token.dep_ == "xcomp" else token):
        if any(c.lower_ in ("no", "nunca", "jamás") and c.dep_ == "advmod" for c in word.children):
            return True
    return False


def _tense_modality(doc: Doc, hit: Hit) -> set[str]:
    """A future is a plan of its agent, a prediction for an outcome or a passive ("serán detenidos")."""
    if not is_verb_trigger(hit.trigger):
        return set()
    tense = tense_of(doc[hit.start].lower_)
    previous = doc[hit.start - 1].lower_ if hit.start > 0 else ""
    if tense == "participle" and previous in PASSIVE_FUTURE:
        return {"predicted"}
    if tense == "conditional":
        return {"predicted"}
    if tense == "future":
        return {"predicted"} if hit.trigger.type in OUTCOME_TYPES else {"planned"}
    return set()


def build_event(doc: Doc, hit: Hit) -> Event:
    """The event of a trigger, with its modality and the arguments of its sentence."""
    first, last = doc[hit.start], doc[hit.end - 1]
    sent = first.sent
    place = place_of(doc, hit, sent)
    event = Event(first.idx, last.idx + len(last), type=hit.trigger.type, modality=modality_of(doc, hit))
    if place is not None:
        event.place, event.lat, event.lon = place.name, place.lat, place.lon
    event.country = country_of(doc, hit, sent, place)
    event.size = size_of(doc, hit, sent)
    event.date = date_of(doc, hit, sent)
    event.actor = actor_of(doc, hit, sent)
    return event


def _in_sentence(items: list, sent: Span) -> list:
    return [x for x in items or [] if sent.start_char <= x.start and x.end <= sent.end_char]


def place_of(doc: Doc, hit: Hit, sent: Span) -> Place | None:
    """A town or division of the sentence: where a departure leaves from ("de San Pedro Sula"), else where the
    event goes or happens (the first after the trigger), else the last named before it."""
    places = [p for p in _in_sentence(doc._.places, sent) if p.feature in PLACE_FEATURES]
    trigger_end = doc[hit.end - 1].idx
    after = [p for p in places if p.start > trigger_end]
    if hit.trigger.type == "depart":
        origin = [p for p in after if _word_before(doc, p.start) in FROM_WORDS]
        after = origin or after
    before = [p for p in places if p.end <= doc[hit.start].idx]
    return after[0] if after else (before[-1] if before else None)


def _word_before(doc: Doc, char: int) -> str:
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    return doc[token.start - 1].lower_ if token is not None and token.start > 0 else ""


def country_of(doc: Doc, hit: Hit, sent: Span, place: Place | None) -> str | None:
    """The place's country, else the country named nearest after the trigger, else before it (a border names two
    countries and so gives none)."""
    if place is not None and place.country:
        return place.country
    others = [p for p in _in_sentence(doc._.places, sent) if p.feature == "country"]
    trigger_end = doc[hit.end - 1].idx
    after = [p for p in others if p.start > trigger_end]
    before = [p for p in others if p.end <= doc[hit.start].idx]
    chosen = after[0] if after else (before[-1] if before else None)
    return chosen.country if chosen is not None else None


def size_of(doc: Doc, hit: Hit, sent: Span) -> list[float | None] | None:
    """The people counted in the sentence: the moving group before a movement, the people acted on after an
    authority's act (detained, deported), else the nearest other."""
    people = [q for q in _in_sentence(doc._.quantities, sent) if q.unit == PEOPLE]
    start = doc[hit.start].idx
    before = [q for q in people if q.end <= start]
    after = [q for q in people if q.start >= start]
    order = (before[::-1] + after) if hit.trigger.type in MOVEMENT_TYPES else (after + before[::-1])
    chosen: Quantity | None = order[0] if order else None
    return [chosen.low, chosen.high] if chosen else None


def date_of(doc: Doc, hit: Hit, sent: Span) -> str | None:
    """The date of the sentence nearest to the trigger."""
    dates: list[DateRef] = _in_sentence(doc._.dates, sent)
    start = doc[hit.start].idx
    return min(dates, key=lambda d: abs(d.start - start)).value if dates else None


def actor_of(doc: Doc, hit: Hit, sent: Span) -> str | None:
    """Who acts: the nearest force named before an authority's act, the nearest moving group before a movement."""
    name = "force" if hit.trigger.type in AGENT_TYPES else "mover"
    spans = [s for s in class_spans(sent, name) if s[1] <= hit.start]
    if not spans:
        return None
    start, end = spans[-1]
    return doc[start:end].text


def merge_events(events: list[tuple[int, Event]]) -> list[Event]:
    """One event per type and sentence unless their places differ; later ones fill the first one's gaps."""
    kept: list[tuple[int, Event]] = []
    for sent_start, event in events:
        same = next(
            (
                e
                for s, e in kept
                if s == sent_start
                and e.type == event.type
                and (e.place is None or event.place is None or e.place == event.place)
            ),
            None,
        )
        if same is None:
            kept.append((sent_start, event))
            continue
        for name in ("actor", "place", "country", "lat", "lon", "date", "size"):
            if getattr(same, name) is None:
                setattr(same, name, getattr(event, name))
    return [e for _, e in kept]
