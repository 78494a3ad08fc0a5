"""The modality of an event: asserted, planned, predicted, negated or conditional, read from its governors.

Precedence, strongest first: conditional ("if ..."), negated ("did not", "refused to"), predicted ("expect",
"will be able to", "should", a passive future), planned ("plan to", "promised to", an agent's "will"),
asserted. The cue words are data (``caravan/data/events/modality.json``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Token

from caravan.model import Modality
from caravan.nlp.events.clause import TIME_UNITS, is_coordinated, is_infinitive, is_reporting, subject_of
from caravan.nlp.events.lexicon import lemma, load_cues, load_lexicon
from caravan.nlp.extensions import doc_text, token_table

ORDINALS = frozenset({"first", "second", "third", "last", "only", "next"})
WHEN_WORDS = frozenset({"when", "as soon as"})  # with ``time_markers``: the words that open a time clause
PLAIN_FUTURE = frozenset({"will", "’ll", "'ll", "shall", "wo"})  # "wo" of "won't"


@dataclass
class Cues:
    """What the governor chain of a trigger says about it."""

    conditional: bool = False
    negated: bool = False
    predicted: bool = False
    planned: bool = False
    future: bool = False  # "will", "going to": planned or predicted depending on the subject
    impossible: bool = False


def after_conditional_phrase(word: Token) -> bool:
    """Whether a clause opens with "in case", "provided that"... (the parser does not mark these)."""
    start, doc = word.left_edge.i, word.doc
    table, text, sent_start = token_table(doc), doc_text(doc), word.sent.start
    for phrase in load_cues()["conditional_phrases"]:
        lo = max(sent_start, start - len(phrase.split()))
        # the text of tokens lo .. word.i - 1 (Span.text), from the article's text
        words = text[table.starts[lo] : table.starts[word.i - 1] + len(table.words[word.i - 1])] if lo < word.i else ""
        if f" {phrase} " in f" {words.lower()} ":
            return True
    return False


def after_elliptic_if(verb: Token) -> bool:
    """Whether a clause comes right after an "if" clause with no verb of its own, which the parser often hangs
    elsewhere ("and *if unable to do so* I will call up the military": the call-up is conditional)."""
    markers = load_cues()["conditional_markers"]
    start = verb.left_edge.i
    for word in reversed(verb.doc[max(verb.sent.start, start - ELLIPTIC_IF_TOKENS) : start]):
        if word.lower_ in markers:  # its own clause, not one hanging on the "if" clause ("if the parent *they
            # were travelling with* had broken the law")
            return (
                word.head.i not in range(verb.left_edge.i, verb.right_edge.i + 1) and not word.i < verb.head.i < start
            )
        if word.tag_ in FINITE_TAGS or word.text in (";", ".", ":", "—", "–"):
            return False
    return False


ELLIPTIC_IF_TOKENS = 6  # "if unable to do so", "if need be", "if necessary"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_conditional(chain: list[Token]) -> bool:
    """Whether a chain word is inside an "if" clause or governs one."""
    if any(after_conditional_phrase(word) for word in chain):
        return True
    if any(after_elliptic_if(word) for word in chain if any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children)):
        return True
    markers = load_cues()["conditional_markers"]
    for word in chain:
        for child in word.children:
            if child.dep_ == "mark" and child.lower_ in markers and not asks_whether(word):
                return True
            if (
                child.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in markers for m in child.children)
                and not asks_whether(child)
            ):
                return True
        if (
            word.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in markers for m in word.children)
            and not asks_whether(word)
        ):
            return True
    return False


def asks_whether(clause: Token) -> bool:
    """An "if" clause after a verb that asks (``question_verbs``: "*wondered if* the use of tear gas violated ..."):
    "if" as "whether", no condition."""
    return (
        clause.dep_ in ("ccomp", "advcl")
        and clause.i > clause.head.i
        and lemma(clause.head) in load_cues()["question_verbs"]
    )


def read_cues(chain: list[Token], consumed: Collection[int] = (), governed: bool = False) -> Cues:
    """The modality cues on the trigger and its governors; ``consumed`` negations belong to the trigger rule;
    ``governed``: the chain starts at the verb of a noun trigger ("*cut* aid"), which governs it."""
    cues, found = load_cues(), Cues()
    found.conditional = is_conditional(chain)
    means_verbs = cues["avoidance_verbs"] | cues["negating_verbs"]  # what is done *by* a means did happen
    for depth, word in enumerate(chain):
        coordinated = depth > 0 and is_coordinated(chain[depth - 1])
        if coordinated and any(c.dep_ == "aux" for c in chain[depth - 1].children):
            continue  # "will not tolerate it and will not hesitate to *close*": its own words, not the first verb's
        if depth > 0 and chain[depth - 1].lower_ == "by" and lemma(word) in means_verbs:
            continue  # "avoiding the police *by jumping* off the bridge", "stopped *by volleys* of tear gas": the means
        if depth > 0 and chain[depth - 1].lower_ in cues["time_markers"] and lemma(word) in cues["negating_verbs"]:
            continue  # "had better be stopped *before reaching* the border": a time, not what is stopped
        _read_word(word, depth + int(governed), cues, found, consumed, coordinated)
        if depth > 0 and is_infinitive(word) and word.dep_ == "advcl" and is_infinitive(chain[depth - 1]):
            found.planned = True  # an infinitive inside a purpose: "*to outline* further actions to *halt* them"
    if is_future_time_clause(chain[-1]):
        found.predicted = True
    if any(is_forestalled(word) for word in chain):
        found.negated = True
    return found


def is_forestalled(verb: Token) -> bool:
    """A clause of "before" with "could" ("*before* they *could reach* the US side, agents turned them back"): what
    was stopped from happening."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "before" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("could", "can", "ca") for c in verb.children)


def is_future_time_clause(verb: Token) -> bool:
    """A present tense in a time clause of a future ("*when* the caravan *arrives*, troops *will* stop it",
    "*once* they *cross*, they'll be arrested") or of an infinitive ("enlisted Mexico *to apprehend* migrants
    *before* they *get to* the US"): what is expected to happen, not what happened."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and lemma(c) != "do" for c in verb.children):
        return False
    markers = load_cues()["time_markers"] | WHEN_WORDS
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod") and c.lower_ in markers}
    if not marks:
        return False
    if is_infinitive(verb.head) and marks & PROSPECT_MARKERS:
        return True  # not "*to dispatch* troops *as* a caravan *makes its way* through Mexico": that is under way
    return any(c.dep_ == "aux" and c.lower_ in PLAIN_FUTURE for c in verb.head.children)


PROSPECT_MARKERS = frozenset({"before", "until", "till", "once", "when", "whenever", "after"})


def _read_word(
    word: Token, depth: int, cues: dict, found: Cues, consumed: Collection[int], coordinated: bool = False
) -> None:
    """Cues of one chain word; a verb coordinated with the trigger shares its auxiliaries, not its meaning
    ("has vowed to close the border and *deployed* troops")."""
    _read_dependents(word, depth, cues, found, consumed)
    if coordinated and lemma(word) == "try" and word.tag_ == "VB":
        coordinated = False  # "to *try and cross*" is "to try to cross"
    if coordinated or word.i in consumed:
        return
    if depth == 0:
        infinitive = is_infinitive(word)
        if infinitive and does_nothing(word):
            found.negated = True  # "are doing little to *stop* the flow"
        elif word.dep_ == "advcl" and infinitive:
            found.planned = True  # a purpose: "sent troops *to stop* the caravan"
        elif (
            word.dep_ == "acl"
            and infinitive
            and any(c.dep_ == "amod" and c.lower_ in cues["failed_words"] for c in word.head.children)
        ):
            found.negated = True  # "after several *failed* attempts in Congress *to pass* a law": it did not pass
        elif word.dep_ in ("relcl", "acl") and infinitive and not is_ranked(word.head):
            found.planned = True  # what a noun is for: "seeking ways *to block* them", "an order *to deny* asylum"
        elif word.dep_ == "xcomp" and infinitive and is_directive(word.head):
            found.planned = True  # "told Mexico *to send* them back"
        return
    _read_governor(word, cues, found)


def _read_dependents(word: Token, depth: int, cues: dict, found: Cues, consumed: Collection[int]) -> None:
    """Negations, auxiliaries and modal adverbs attached to a chain word."""
    if depth == 0 and word.dep_ in ("acl", "relcl") and is_negative_subject(word.head):
        found.negated = True  # "there are *no caravans* approaching"
    if word.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "nor" and word.head.i < c.i < word.i for c in word.head.children
    ):
        found.negated = True  # "did not cross, *nor* did they *return*"
    for child in word.children:
        text = child.lower_
        if child.dep_ in ("nsubj", "nsubjpass") and is_negative_subject(child):
            found.negated = True  # "*no one* crossed", "*none of the migrants* crossed"
        elif child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and text in cues["negations"]):
            if lemma(word) in cues["negation_neutral_verbs"] and depth > 0:
                continue  # "will not *hesitate* to close": the closing is not denied
            if child.i not in consumed and text in cues["negations"]:
                found.negated = True
        elif child.dep_ in ("aux", "auxpass") and text in cues["future_auxiliaries"]:
            # "they'd been sent": 'd is "had" before a participle, "would" before a bare verb
            found.future = found.future or not (text in ("'d", "’d") and word.tag_ != "VB")
        elif (
            child.dep_ == "cc" and text in ("nor", "neither") and child.i < word.i and not _subject_before(word, child)
        ):
            found.negated = True  # "*Nor* can families be kept in detention": the clause it opens is denied
        elif child.dep_ == "aux" and text in cues["obligation_auxiliaries"] and child.i not in consumed:
            found.planned = True  # "Congress *must* pass the bill": what an actor is bound to do
        elif child.dep_ == "aux" and text in cues["predictive_auxiliaries"] and child.i not in consumed:
            found.predicted = True
        elif child.dep_ == "advmod" and text in cues["obligation_adverbs"]:
            found.planned = True  # "the caravan had *better* be stopped"
        elif child.dep_ == "advmod" and lemma(child) in cues["predicting_words"]:
            found.predicted = True
        elif child.dep_ == "acomp" and depth > 0 and lemma(child) in cues["inability_words"] and is_factual(child):
            found.negated = True  # "the police *were unable* to stop them": they failed
        elif child.dep_ == "acomp" and depth > 0 and lemma(child) in cues["impossible_words"]:
            found.impossible = True  # "it will be impossible for the group to get there"


def is_negative_subject(subject: Token) -> bool:
    """A subject that names nobody: "none (of them)", "nobody", "no one", "no migrants", "neither Mexico nor
    Guatemala"."""
    if subject.lower_ in ("none", "nobody", "noone"):
        return True
    return any(c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in subject.children)


def _read_governor(word: Token, cues: dict, found: Cues) -> None:
    """What a governing word says about the trigger ("*plan* to", "*expect*", "*refuse* to", "*going* to")."""
    lem = lemma(word)
    if lem in cues["ability_words"] and is_past_ability(word):
        return  # "was able to travel": it happened
    if lem == "decline" and not any(c.dep_ in ("xcomp", "dobj") for c in word.children):
        return  # "apprehensions *have declined*": fewer, not refused ("declined to cross", "declined the offer")
    if word.dep_ == "prep" and word.pos_ == "ADP":
        return  # "heard *about* the plan to deploy troops": a preposition, not "about to"
    if lem in cues["inability_words"] and word.dep_ == "acomp" and is_factual(word):
        found.negated = True  # "the police *have been unable* to stop them": they tried and failed
    elif lem in cues["impossible_words"]:
        found.impossible = True
    elif lem in cues["negating_verbs"] and not any(c.dep_ == "prt" and c.lower_ == "up" for c in word.children):
        found.negated = True  # not "*end up* being deported": what comes of it
    elif lem == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in word.children):
        found.negated = True  # "*ruled out* closing the border": refused
    elif lem in cues["predicting_verbs"] or lem in cues["predicting_words"] or word.lower_ in cues["predicting_words"]:
        found.predicted = True
    elif lem in cues["prospect_verbs"] and word.tag_ in ("VB", "VBP", "VBZ"):
        found.predicted = True  # "or *face* a permanent closure of the border": what may come; "faced" happened
    elif lem == "go" and word.tag_ == "VBG":
        found.future = True  # "are going to"
    elif lem in cues["planning_verbs"] or lem in cues["planning_nouns"]:
        found.planned = True


def does_nothing(word: Token) -> bool:
    """An infinitive after "do nothing"/"do little": the action is not taken."""
    nothing = load_cues()["negating_objects"]
    head = word.head
    if head.lower_ in nothing:
        return True
    return lemma(head) == "do" and any(c.dep_ == "dobj" and c.lower_ in nothing for c in head.children)


def is_ranked(noun: Token) -> bool:
    """A noun ranked by an ordinal or a superlative ("the *first* migrants to cross", "the last to leave"): its
    infinitive says what happened, not what is intended."""
    if lemma(noun) in TIME_UNITS:
        return False  # "during the first hours of the year *to repel* them": a time, not who did it first
    words = [noun, *(c for c in noun.children if c.dep_ in ("amod", "nummod"))]
    return any(w.tag_ in ("JJS", "RBS") or w.lower_ in ORDINALS for w in words)


def is_directive(verb: Token) -> bool:
    """A reporting verb addressed to someone ("*told* Mexico to ...", "*telling* them to ...")."""
    return is_reporting(verb) and any(c.dep_ in ("dobj", "dative") for c in verb.children)


def is_past_ability(word: Token) -> bool:
    """Whether an ability word is in the past without a future ("they *were able* to cross")."""
    return is_factual(word) and (word.head if word.dep_ == "acomp" else word).tag_ in ("VBD", "VBN")


def is_factual(word: Token) -> bool:
    """Whether an adjective's copula has no future or modal auxiliary ("*are* unable", "*were* able"; not "*will
    be* unable", "*could be* able")."""
    copula = word.head if word.dep_ == "acomp" else word
    auxiliaries = [c.lower_ for c in copula.children if c.dep_ in ("aux", "auxpass")]
    cues = load_cues()
    return not any(a in cues["future_auxiliaries"] or a in cues["predictive_auxiliaries"] for a in auxiliaries)


def reported_intent(chain: list[Token], subject: Token) -> bool:
    """ "The ministry said *it* would deport them": a pronoun subject of a clause reported by its speaker."""
    top = chain[-1]
    if subject.lower_ not in load_cues()["reported_self_pronouns"] or top.dep_ != "ccomp":
        return False
    return is_reporting(top.head)


def future_modality(chain: list[Token], outcome: bool = False) -> Modality:
    """A plain future is planned when an agent (or the speaker) intends it, predicted when it happens to someone
    or is an outcome others foresee ("the caravan will *arrive* next week"; ``outcome``)."""
    subject, passive = subject_of(chain)
    if passive and said_by_authority(chain[0]):
        return "planned"  # an official's "they will be apprehended": what the speaker's side means to do
    if passive or subject is None:
        return "predicted"
    if any(lemma(w) in load_cues()["causing_verbs"] for w in chain[1:]):
        return "predicted"  # "would *cause* countless aliens to pour in": an outcome, not what they intend
    if subject.lower_ in load_cues()["first_person"]:
        return "planned"
    going = any(lemma(w) == "go" and w.tag_ == "VBG" for w in chain)
    if not outcome and not going and reported_intent(chain, subject):
        return "planned"
    if outcome or going or subject.lower_ in ("it", "this", "that", "there"):
        return "predicted"
    return "planned"


def said_by_authority(token: Token) -> bool:
    """Whether a word is inside a quote whose speaker's role names an authority ("Homeland Security Secretary")."""
    authorities = load_lexicon()["authorities"]
    for quote in token.doc._.quotes or []:
        if quote.start <= token.idx < quote.end and quote.speaker_role:
            words = (w.strip(".,").lower() for w in quote.speaker_role.split())
            return any(w in authorities or w.rstrip("s") in authorities for w in words)
    return False


def find_modality(
    chain: list[Token], consumed: Collection[int] = (), governed: bool = False, outcome: bool = False
) -> Modality:
    """The modality of the event whose governor chain (trigger first) is ``chain``."""
    found = read_cues(chain, consumed, governed)
    if found.conditional:
        return "conditional"
    if found.negated:
        return "negated"
    if found.predicted:
        return "predicted"
    if found.planned:
        return "planned"
    if found.future:
        return future_modality(chain, outcome)
    return "asserted"


def is_impossible(chain: list[Token]) -> bool:
    """Whether the text says the event cannot happen ("impossible for the group to get there"): not an event."""
    return read_cues(chain).impossible


def _subject_before(word: Token, mark: Token) -> bool:
    """Whether the word's subject comes before a mark ("the migrants, nor ..."): the mark then joins words, it does
    not open the clause."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < mark.i for c in word.children)
