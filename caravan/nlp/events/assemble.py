"""Turns the triggers found in a parsed article into migration events (depart, cross, block, detain...).

Triggers come from ``triggers`` (rules of ``caravan/data/events/triggers.json`` in their migration sense);
arguments from the trigger's clause (``arguments``), modality from its governors (``modality``). One event per
trigger; triggers of a type that tell one event again are one (``merge_events``). The ontology, with examples and
PLOVER/CAMEO codes, is ``docs/events.md``.
"""

from __future__ import annotations

import logging
from collections import Counter
from itertools import chain, pairwise

from spacy.tokens import Doc, Token

from caravan.geo.mentions import in_dateline
from caravan.model import Event, Place
from caravan.nlp.events import arguments as args
from caravan.nlp.events.clause import (
    SUBJECT_DEPS,
    TIME_UNITS,
    agent_of,
    clause_of,
    governors,
    is_coordinated,
    objects_of,
    of_objects,
    own_clause,
    prep_objects,
    subject_of,
    where_head,
)
from caravan.nlp.events.lexicon import in_class, lemma, load_cues, load_lexicon, rule_verbs
from caravan.nlp.events.modality import find_modality, is_impossible
from caravan.nlp.events.triggers import (
    MOVEMENT_TYPES,
    NOUN_POS,
    VERB_POS,
    Match,
    anchor_of,
    find_matches,
    is_mover,
    phrase_holders,
)
from caravan.nlp.extensions import token_lowers
from caravan.settings import Settings

log = logging.getLogger(__name__)

# languages the trigger data is written for
LANGUAGES = ("en",)
# events that happen as an outcome rather than by intent: their plain future is a prediction
OUTCOME_TYPES = frozenset({"arrive"})
# actions of an authority whose country carries over from the previous one of the type in the article
CARRIED_COUNTRY_TYPES = frozenset({"deploy", "policy", "block", "detain"})
# acts on people whose country, where their sentence names none, is the acting government's ("ICE *deported* him");
# an agency's country also only fills a missing one for CARRIED_COUNTRY_TYPES
AGENCY_COUNTRY_TYPES = frozenset({"detain", "return"})
# pronouns an official speaks of their own government's acts with ("*we* will close the border," Trump said)
OFFICIAL_PRONOUNS = frozenset({"i", "we", "he", "she"})
# indefinite pronouns whose relative clauses define a kind of people, not a group that moved
GENERIC_PRONOUNS = frozenset({"someone", "anyone", "anybody", "somebody", "whoever", "those", "everyone"})
# verbs whose "from" + gerund names what is kept from happening
PREVENTING_VERBS = frozenset({"prevent", "stop", "bar", "prohibit", "ban", "block", "forbid", "preclude"})
# determiners that make a noun a kind of people: "*an* immigrant who enters illegally", "*every* adult who crosses"
KIND_DETERMINERS = frozenset({"a", "an", "any", "every", "each"})
# words that open a time clause which, in a present tense under a present tense, tells a habit
HABIT_TIME_WORDS = frozenset({"when", "once"})
# determiners that make "a day", "each month" a rate: a present tense with a rate is a habit, not an event
RATE_DETERMINERS = frozenset({"a", "an", "each", "every"})


def policy_anchor(m: Match) -> Token:
    """A policy is declared by its commitment: "officials *promised* not to grant visas" is the promise."""
    commitments = load_lexicon()["commitment_verbs"]
    for below, word in pairwise(m.chain):
        if below.dep_ == "conj":
            continue  # a verb beside the trigger ("*vowed* to close the border and signed a proclamation")
        if lemma(word) in commitments and word.pos_ in VERB_POS:
            return word
    if m.head.pos_ in NOUN_POS and m.head.dep_ in ("nsubj", "nsubjpass"):
        return m.head  # "the *order* means that ...": the noun's own predicate does not govern it
    return anchor_of(m.head, m.rule)


def trigger_bounds(m: Match, anchor: Token) -> tuple[int, int]:
    """The trigger's words; for a policy, the commitment or the act on a rule that declares it ("*signed* an
    order"), not a verb that only speaks of it ("slammed the *program*")."""
    if m.rule.type == "policy" and anchor.i not in (m.first.i, m.last.i, m.head.i):
        acting = lemma(anchor) in load_lexicon()["commitment_verbs"] or lemma(anchor) in rule_verbs("policy")
        if acting or m.head.pos_ not in NOUN_POS:
            return anchor.idx, anchor.idx + len(anchor)  # the commitment that declares the policy
    return m.first.idx, m.last.idx + len(m.last)


def is_backgrounded(m: Match, chain: list[Token]) -> bool:
    """Mentions that are not events: background ("has *previously* threatened to close"), generic frames ("how
    migrants *reach* the U.S.", "the risk of *being turned back*", "the number of crossings *surged*");
    movements named only as what a block prevents ("stop them *from crossing*"), as what defines a kind of
    people ("someone who *enters* without papers", "those *arriving* at the border are detained")."""
    if is_generic_frame(chain) or is_question(m) or is_generic_you(m, chain):
        return True
    if m.rule.type == "policy" and is_time_clause(chain[-1]):
        return True  # "they will wait in Mexico *while* their claims are *processed*": the setting, not a policy
    head = m.head
    if head.dep_ == "pcomp" and head.head.lower_ == "from" and lemma(head.head.head) in PREVENTING_VERBS:
        return True  # "the law prevents countries *from returning* migrants": what is prevented does not happen
    if any(is_habitual_present(w, within=False) for w in chain):
        return True  # any type: "border agents routinely *use* tear gas" is a habit, not an event
    if m.rule.type not in MOVEMENT_TYPES:
        return False
    if head.dep_ == "pcomp" and head.head.lower_ == "from":
        return True
    if describes_kind(chain) or came_as_children(head) or sets_a_cutoff(head):
        return True
    return any(is_generic_clause(w) for w in chain) or is_statistic(chain)


def is_generic_you(m: Match, chain: list[Token]) -> bool:
    """The reader addressed in the article's own words: "Let's say you are from Honduras. ... *you take* the
    journey north", "upon *crossing* the border, *you are apprehended*" is an example, not a group. In a quote
    "you" is someone spoken to ("*you* will not be let in," he told the migrants) and is left alone."""
    lowers = token_lowers(m.doc)[m.sent.start : m.sent.end]
    if "you" not in lowers and "your" not in lowers:
        return False  # the cheap test first: most sentences address no one
    subject, _ = subject_of(chain)
    top = chain[-1]
    if top.dep_ == "pcomp" and top.head.dep_ == "prep":  # "upon *crossing* the border, you are apprehended"
        subject, _ = subject_of([top.head.head])
    addressed = subject is not None and subject.lower_ == "you"
    if m.head.pos_ in NOUN_POS:
        addressed = addressed or any(c.dep_ == "poss" and c.lower_ == "your" for c in m.head.children)
    if not addressed:
        return False
    position = m.head.idx
    return not any(q.start <= position < q.end for q in m.doc._.quotes or [])


def is_generic_frame(chain: list[Token]) -> bool:
    """A word of background or a "how" on the trigger or its governors, or a gerund that names an idea."""
    cues = load_cues()
    for word in chain:
        if any(c.dep_ == "advmod" and lemma(c) in cues["background_words"] for c in word.children):
            return True
    trigger = chain[0]
    if trigger.dep_ == "amod" and trigger.tag_ in ("VBN", "VBG", "JJ"):
        return True  # "detained immigrants", "deported families": a kind of people
    if trigger.dep_ in ("csubj", "csubjpass") and trigger.tag_ == "VBG":
        return True  # "*entering* the country is a privilege": a gerund subject names an idea
    if any(t.lower_ in cues["generic_markers"] and t.i < trigger.i for t in trigger.subtree):
        return True  # "how (illegal) migrants *reach* the U.S."
    if is_recurring(trigger) or any(is_habit_when(word) for word in chain):
        return True
    if any(is_kind_subject(word) for word in chain):
        return True
    return is_idea_gerund(chain[-1])


def is_habit_when(verb: Token) -> bool:
    """A present tense under, or over, a present-tense "when" clause of a kind of people: a habit, not an event
    ("it costs us *when* a teenager *crosses* the border", "*when* migrants *cross* the river, agents *detain*
    them"). A clause of a specific group ("when *the caravan* arrives") or another tense is left alone."""
    if not is_generic_present(verb):
        return False
    clauses = [verb] if verb.dep_ == "advcl" else [c for c in verb.children if c.dep_ == "advcl"]
    for clause in clauses:
        if not any(c.lower_ in HABIT_TIME_WORDS and c.dep_ in ("advmod", "mark") for c in clause.children):
            continue
        main = clause.head if clause is verb else verb
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if is_generic_present(clause) and is_generic_present(main) and subject is not None and is_kind(subject):
            return True
    return False


def is_kind(noun: Token) -> bool:
    """A noun that names a kind of people: an indefinite pronoun, a bare plural, or "a/any/every" + noun."""
    if noun.lower_ in GENERIC_PRONOUNS or is_bare_plural(noun):
        return True
    return noun.pos_ in NOUN_POS and has_kind_determiner(noun)


def has_kind_determiner(noun: Token) -> bool:
    """ "a/an/any/every/each" before a noun ("*an* immigrant who enters illegally")."""
    return any(c.dep_ == "det" and c.lower_ in KIND_DETERMINERS for c in noun.children)


def is_kind_subject(verb: Token) -> bool:
    """A present tense whose subject is a kind of people defined by a present-tense relative clause ("*an
    immigrant who enters* the country illegally *is deported*")."""
    if not is_generic_present(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and is_kind(subject)
        and any(c.dep_ == "relcl" and is_generic_clause(c) for c in subject.children)
    )


def is_recurring(trigger: Token) -> bool:
    """A trigger under "every time", "each time" or "whenever": a habit, not an event ("*every time* you see
    people illegally *coming* into our country")."""
    for word in [trigger, *trigger.ancestors]:
        for node in [word, *word.children]:
            if node.lower_ == "whenever" and node.dep_ in ("advmod", "mark"):
                return True
            if node.dep_ == "advcl" and any(c.lower_ == "whenever" for c in node.children):
                return True  # "*whenever* migrants cross, agents *detain* them"
            if lemma(node) == "time" and any(c.dep_ == "det" and c.lower_ in ("every", "each") for c in node.children):
                return True
    return False


def is_time_clause(word: Token) -> bool:
    """An adverbial clause opened by "while", "until", "as"... (``time_markers`` in ``modality.json``)."""
    markers = load_cues()["time_markers"]
    return word.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in markers for c in word.children)


def is_question(m: Match) -> bool:
    """A trigger in a question ("Why might more migrants be *heading* north?") asks, it does not report."""
    last = m.sent[-1] if m.sent[-1].text.strip() else m.sent[-2] if len(m.sent) > 1 else m.sent[-1]
    return last.text.endswith("?")


def is_idea_gerund(word: Token) -> bool:
    """A gerund after a preposition of a noun ("the risk *of being turned back*") or after "about"/"in"."""
    if word.dep_ != "pcomp" or word.head.pos_ != "ADP":
        return False
    passive_gerund = word.tag_ == "VBN" and any(c.lower_ == "being" for c in word.children if c.dep_ == "auxpass")
    if word.tag_ != "VBG" and not passive_gerund:
        return False
    prep, lexicon = word.head, load_lexicon()
    if prep.lower_ in lexicon["generic_gerund_preps_anywhere"]:
        return True
    return prep.lower_ in lexicon["generic_gerund_preps"] and prep.head.pos_ in NOUN_POS | {"ADJ"}


def describes_kind(chain: list[Token]) -> bool:
    """A movement told as a participle on a noun is an event when the noun is a specific group ("a caravan of
    thousands *traveling* north", "migrants *heading* to the border were stopped"); not when it defines a kind of
    people: an indefinite pronoun ("those *arriving*", "anyone *trying* to cross") or a bare plural in a
    present-tense generic statement ("people *crossing* illegally are arrested")."""
    for word in chain:
        if word.dep_ != "acl" or word.tag_ not in ("VBG", "VBN") or word.head.pos_ not in NOUN_POS | {"PRON"}:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in word.children):
            continue  # a finite relative clause ("who are traveling") is read by is_generic_clause
        noun = word.head
        if noun.lower_ in GENERIC_PRONOUNS or (word.i > 0 and word.doc[word.i - 1].lower_ in GENERIC_PRONOUNS):
            return True  # also "the deportation of *everyone trying* to cross", the participle hung on "deportation"
        if is_bare_plural(noun) and is_generic_present(clause_verb(noun)):
            return True
        if is_counted(noun) or lemma(noun) in load_lexicon()["change_nouns"]:
            # "the number of *migrants crossing*", "*increases* in Central Americans *attempting* to", but not
            # a group on its way now ("the total number of migrants *now headed* to the border is 7,200")
            return not any(c.dep_ == "advmod" and c.lower_ in UNDER_WAY_ADVERBS for c in word.children)
    return False


UNDER_WAY_ADVERBS = frozenset({"now", "currently", "still", "already"})


def came_as_children(verb: Token) -> bool:
    """A move told "as children" ("immigrants who *entered* the country illegally as children", "*brought* to the
    U.S. as minors"; lexicon class ``childhood``): what defines a class of people, not a move of a group."""
    return any(
        o.dep_ == "pobj" and in_class(o, "childhood")
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for o in c.children
    )


def sets_a_cutoff(verb: Token) -> bool:
    """A move in a relative clause on a kind of people, dated by a cutoff ("immigrants who *arrived* before June
    2007", "anyone who *entered* after 2014"): a condition of who qualifies, not a move of a group."""
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    if not (is_bare_plural(noun) or noun.lower_ in GENERIC_PRONOUNS or has_kind_determiner(noun)):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in CUTOFF_PREPS and any(o.ent_type_ == "DATE" for o in c.subtree)
        for c in verb.children
    )


CUTOFF_PREPS = frozenset({"before", "after", "since", "by"})


def is_counted(noun: Token) -> bool:
    """Whether a noun is what a figure or its change counts ("the number *of migrants*", "increases *in Central
    Americans*"): a population, not a group."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "in") or noun.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ in ("det", "nummod", "poss", "quantmod") for c in noun.children):
        return False  # "the number of *the* migrants traveling in the caravan": a group
    lexicon, counter = load_lexicon(), lemma(prep.head)
    return counter in lexicon["statistic_nouns"] or counter in lexicon["change_nouns"]


def is_bare_plural(noun: Token) -> bool:
    """A plural noun without determiner, number or possessor ("people", "migrants")."""
    determiners = [c for c in noun.children if c.dep_ in ("det", "nummod", "poss", "quantmod")]
    return noun.tag_ in ("NNS", "NNPS") and not determiners and noun.dep_ != "pobj"


def clause_verb(token: Token) -> Token | None:
    """The verb whose argument a noun is (through prepositions and partitives: "dozens *of* migrants")."""
    word = token
    for _ in range(6):
        if word.pos_ in VERB_POS or word.head.i == word.i:
            return word if word.pos_ in VERB_POS else None
        word = word.head
    return None


def is_generic_present(verb: Token | None) -> bool:
    """A present tense with no auxiliary but a present passive "is/are" ("*are arrested*", "*face* charges")."""
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBP", "VBZ"):
        return not auxiliaries
    return verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].lower_ in ("is", "are")


def is_statistic(chain: list[Token]) -> bool:
    """A movement whose subject is a figure ("the number of migrants *surged*", "immigration *dropped*")."""
    subject, _passive = subject_of(chain)
    if subject is None:
        return False
    if subject.lower_ in ("%", "percent") and not any(c.lower_ == "of" for c in subject.children):
        return True  # "up to 90% *enters* the country" (of no named group)
    if lemma(subject) not in load_lexicon()["statistic_nouns"]:
        return False
    if lemma(subject) == "number":
        return any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    counted = [g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return not any(c.dep_ == "nummod" for g in counted for c in g.children)  # not "a total *of 300* migrants"


def has_rate(verb: Token) -> bool:
    """A rate in a verb's clause: "a day", "per month", "each year"."""
    for word in verb.subtree:
        if lemma(word) not in TIME_UNITS:
            continue
        if word.head.lower_ == "per" or (
            word.dep_ == "npadvmod" and any(c.dep_ == "det" and c.lower_ in RATE_DETERMINERS for c in word.children)
        ):
            return True  # not "awoke from *a night* sleeping on concrete"
    return False


def is_simple_present(verb: Token) -> bool:
    """A present tense without auxiliaries ("cross", "crosses"), or with an emphatic "do" ("migrants who *do*
    reach the U.S.")."""
    if any(c.dep_ in ("aux", "auxpass") and lemma(c) != "do" for c in verb.children):
        return False
    emphatic = any(c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") and lemma(c) == "do" for c in verb.children)
    return verb.tag_ in ("VBP", "VBZ") or emphatic


def is_habitual_present(verb: Token, within: bool = True) -> bool:
    """A simple present with a word of habit: "thousands *enter* the country daily", "agents routinely *use* tear
    gas", "cops *use* tear gas all the time"; ``within``: the word may be anywhere in the verb's clause, else it is
    the verb's own ("ports *are* overwhelmed; at most ports, they sometimes wait": not a habit of the ports)."""
    if not is_simple_present(verb):
        return False
    habitual = load_cues()["habitual_words"]
    words = verb.subtree if within else verb.children
    if any(lemma(c) in habitual for c in words if c.dep_ in ("advmod", "npadvmod", "det")):
        return True
    return any(lemma(c) == "time" and any(a.lower_ == "all" for a in c.children) for c in verb.children)


def is_generic_clause(verb: Token) -> bool:
    """A present-tense relative clause, without auxiliaries, on a bare plural or an indefinite pronoun; or a
    present tense with a word of habit ("thousands *enter* the country daily")."""
    if verb.dep_ == "relcl" and verb.head.lower_ in GENERIC_PRONOUNS:
        return True  # "anyone who crossed the border without papers", in any tense
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and lemma(c) != "do"]
    if not auxiliaries and verb.tag_ not in ("VBD", "VBN", "VBG") and has_rate(verb):
        return True  # "hundreds of people *a day* cross into the US" (even where the verb is tagged a noun)
    if not is_simple_present(verb):
        return False
    if is_habitual_present(verb):
        return True
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    if noun.lower_ in GENERIC_PRONOUNS:
        return True
    if has_kind_determiner(noun):
        return True  # "an immigrant who enters the country illegally"
    determiners = [c for c in noun.children if c.dep_ in ("det", "nummod", "poss", "quantmod")]
    return noun.tag_ in ("NNS", "NNPS") and not determiners


def build_event(m: Match) -> Event | None:
    """The event of a match, with modality and arguments; None when the text says it cannot happen."""
    anchor = policy_anchor(m) if m.rule.type == "policy" else anchor_of(m.head, m.rule)
    chain = governors(anchor)
    if is_impossible(chain) or is_backgrounded(m, chain):
        return None
    start, end = trigger_bounds(m, anchor)
    clause = clause_of(chain) + (list(m.head.subtree) if m.head.pos_ in NOUN_POS else [])
    governed = m.head.pos_ in NOUN_POS and anchor.i != m.head.i  # "*cut* aid": the verb governs the noun
    if m.rule.type == "aid" and lemma(anchor) in args.WITHDRAWING_VERBS:
        governed = False  # "*cut* aid", "a reason *to slash* aid": the cut is the act, not a denial of the aid
    modality = find_modality(chain, m.consumed, governed=governed, outcome=m.rule.type in OUTCOME_TYPES)
    if modality == "asserted" and is_planned_noun(m.head):
        modality = "planned"
    event = Event(start=start, end=end, type=m.rule.type, modality=modality)
    event.place, event.country, event.lat, event.lon = where_of(m, chain, clause)
    event.date = args.date_of(m.doc, clause, m.sent, start)
    actor = actor_token(m, chain)
    event.actor = args.actor_text(m.doc, actor)
    event.size = size_of(m, chain)
    event.amount = args.amount_of(m.doc, clause, m.sent, start) if m.rule.type == "aid" else None
    event.quote = args.quote_index(m.doc, start)
    if m.rule.type in CARRIED_COUNTRY_TYPES or m.rule.type in AGENCY_COUNTRY_TYPES:
        # an official's government decides a closure's or an order's country; an agency only fills a missing one
        # ("DHS agents are working with authorities in the Guatemalan town of Morales": GT)
        acts = m.rule.type in CARRIED_COUNTRY_TYPES
        official = acting_government(m.doc, actor, event.actor, start, agencies=False) if acts else None
        event.country = official or event.country or acting_government(m.doc, actor, event.actor, start)
    return event


def acting_government(
    doc: Doc, actor: Token | None, actor_text: str | None, position: int, agencies: bool = True
) -> str | None:
    """The country of the official who acts (``officials.tsv``): the actor ("*Trump* closed the border", "the
    *Trump* administration", "*López Obrador*'s government"), or, for an actor "I", "we", "he" or "she", the speaker
    of the quote or report the event sits in ("*we* are not allowing them in our country," Trump said); with no
    actor, nobody (the speaker may report another government's act)."""
    if actor is None:
        return None
    names = [actor_text] + [c.text for c in actor.children if c.dep_ in ("compound", "poss")]
    if actor_text and (in_class(actor, "forces") or in_class(actor, "authorities")):
        names.append(actor_text.rsplit(" ", 1)[0])  # "*Border Patrol* agents", "*ICE* officers"
    for of in (c for c in actor.children if c.dep_ == "prep" and c.lower_ == "of"):
        names.append(doc[actor.i : of.right_edge.i + 1].text)  # "the *Department of Homeland Security*"
    code = next((c for c in (args.official_country(name, agencies) for name in names) if c), None)
    if code or actor.lower_ not in OFFICIAL_PRONOUNS:
        return code
    for quote in doc._.quotes or []:
        if quote.start <= position < quote.end and quote.speaker:
            return args.official_country(quote.speaker, agencies)
    return None


def is_planned_noun(noun: Token) -> bool:
    """A noun trigger qualified as intended: "the *planned* deployment", "a *proposed* ban"."""
    planning = load_cues()["planning_verbs"]
    return noun.pos_ in NOUN_POS and any(c.dep_ == "amod" and lemma(c) in planning for c in noun.children)


def actor_token(m: Match, chain: list[Token]) -> Token | None:
    """The moving group for movements; for the other types, who acts."""
    if m.rule.type in MOVEMENT_TYPES:
        if m.head.pos_ in NOUN_POS:
            return noun_mover(m, chain)  # "the *caravan's* arrival", "the arrival of *migrants*"
        subject, passive = subject_of(chain)
        agent = agent_of(chain) if passive else None
        if agent is not None and is_mover(agent, m.sent):
            return agent  # "the group was *joined* by 1,500 migrants"
        appositions = [c for c in subject.children if c.dep_ == "appos"] if subject is not None else []
        if subject is not None and not is_mover(subject, m.sent) and appositions:
            return appositions[0]  # a dateline parsed as the subject
        return subject
    if is_refused_passage(m) and len(chain) > 1:
        return agent_of(chain[1:])  # who does not let them through
    if m.rule.type == "force" and m.head.pos_ in NOUN_POS and any(is_mover(t, m.sent) for t in of_objects(m.head)):
        # "X described the *gassing* of women and children": force done to them, by whom its "by" phrase says
        return next(iter(prep_objects(m.head, ("by",))), None)
    if m.head.pos_ in NOUN_POS:
        owner = next(
            (c for c in m.head.children if c.dep_ == "poss" and (c.pos_ == "PROPN" or in_class(c, "authorities"))),
            None,
        )
        if owner is not None:
            return owner  # "*Trump's* travel ban", "*the administration's* crackdown": whose act it is
    agent = agent_of(chain)
    if agent is not None and m.rule.type == "policy" and in_class(agent, "policy_nouns"):
        return None  # "a *proclamation* blocking immigrants from claiming asylum": the rule acts for no one named
    return None if agent is not None and agent.i == m.head.i else agent  # not "that *deployment* could grow"


def noun_mover(m: Match, chain: list[Token]) -> Token | None:
    """The group a movement noun belongs to: its possessor or its "of" phrase ("the caravan's *journey*", "the
    *arrival* of thousands of migrants"), else the subject of its verb ("the migrants began their *trek*"); never
    the noun itself ("the *arrival* of migrants will strain the system" is not the arrival's own act)."""
    noun = m.head
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" and is_mover(child, m.sent):
            return child  # not "*their* journey": the verb's subject may name them
    for target in of_objects(noun):
        if target.dep_ == "pobj" and is_mover(target, m.sent):
            return target
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        for holder in phrase_holders(noun):
            if is_mover(holder, m.sent):
                return holder  # "the caravan, now on its *way* north", "migrants en *route* to the border"
    subject, _passive = subject_of(chain)
    return None if subject is None or subject.i == noun.i else subject


def is_refused_passage(m: Match) -> bool:
    return any("not_permitted" in group for group in m.rule.require)


def where_of(
    m: Match, chain: list[Token], clause: list[Token]
) -> tuple[str | None, str | None, float | None, float | None]:
    """Place name, country and coordinates: a place in the clause, else where a "where" clause points, else
    the countries named in the clause, then the nearest named before the trigger in the sentence."""
    doc, depart = m.doc, m.rule.type == "depart"
    if m.rule.type in MOVEMENT_TYPES:  # "set off *in hopes of reaching X*": X is where the hoped-for event goes
        clause = [t for t in clause if not hoped_for(t, chain)]
    if m.rule.type == "block":  # "stopped and turned back *to Mexico*": the block happens where they were stopped
        clause = [t for t in clause if not args.is_sent_to(t)]
    ranked = args.rank_places(
        doc,
        [
            p
            for p in args.items_in(doc, doc._.places or [], clause)
            if p.feature != "border"
            and not args.place_across_border(doc, p)
            and not (m.rule.type in MOVEMENT_TYPES and is_dateline(doc, p))
        ],
        depart,
    )
    # a place that describes the group ("migrants *bound for X* reached Y") says less than the trigger's own ones
    ranked.sort(key=lambda p: describes_group(doc, p, chain))
    head = where_head(chain)
    where = args.place_of_noun(doc, head)
    if head is not None and (where is None or where.feature == "border"):
        where = args.place_of_noun(doc, apposition_owner(head)) or where
    if where is not None and where.feature != "border":
        ranked.append(where)
    # the event's place is where it goes or happens, not where it comes from (for depart: not where it goes);
    # a group under way with no destination named is placed where it comes from ("making their way north from X")
    roles = 3 if m.rule.type == "travel" else 2
    city = next(
        (
            p
            for p in ranked
            if p.feature in args.PLACE_FEATURES and (p is where or args.place_role(doc, p, depart) < roles)
        ),
        None,
    )  # where a "where" clause points is where it happens, whatever role its name plays in the main clause
    if city is not None:
        return city.name, city.country, city.lat, city.lon
    # not where people come from ("an order to bar migrants who try to enter *from Mexico*"), but a deportation
    # happens where it leaves from ("deported *from the United States*"), a group under way is placed where it
    # comes from when no destination is named ("making their way *from Honduras*")
    sources = depart or m.rule.type in ("return", "travel")
    country = next(
        (
            p.country
            for p in ranked
            if p.country
            and (sources or not is_peoples_origin(doc, p))
            and not (m.rule.type == "travel" and describes_origin(doc, p))
        ),
        None,
    )
    if country is None:
        country = args.country_by_role(doc, clause, depart)
    if country is None:  # the country the sentence has named before the trigger ("... entered *the country*")
        before = sorted((t for t in m.sent if t.i < m.first.i), key=lambda t: -t.i)
        if depart:  # never where a departure goes ("migrants hoping to get *to X* set off")
            before = [t for t in before if args.token_role(t, True) < 2]
        country = args.country_in_tokens(doc, before, skip_origins=not depart)
    deeper = place_below(m, chain, clause, country)
    if deeper is not None:
        return deeper.name, country or deeper.country, deeper.lat, deeper.lon
    return None, country, None, None


def is_peoples_origin(doc: Doc, place: Place) -> bool:
    """A place people come from: the "from" of a person or a move ("refugees *from Syria*", "who try to enter
    *from Mexico*"), not of an authority's act ("the orders *from Washington*")."""
    owner = origin_owner(doc, place)
    if owner is not None:
        return owner.pos_ in VERB_POS or in_class(owner, "movers") or owner.ent_type_ == "NORP"
    span = args.token_span(doc, place.start, place.end)
    return span is not None and args.names_nationals(span.root)


def describes_origin(doc: Doc, place: Place) -> bool:
    """A "from" on a noun, where the people are from ("the caravan of migrants, mostly *from Guatemala*"), not
    on the verb, where a move comes from ("traveling *from Honduras*")."""
    owner = origin_owner(doc, place)
    return owner is not None and owner.pos_ in NOUN_POS


def origin_owner(doc: Doc, place: Place) -> Token | None:
    """The word a place's "from" phrase hangs on ("migrants" in "migrants *from Syria*"); None if it is none."""
    span = args.token_span(doc, place.start, place.end)
    if span is None or not args.is_origin(span.root):
        return None
    root = span.root
    while root.head.i != root.i:
        listed = args.listed_noun(root)
        if listed is not None:
            root = listed  # "from four countries, including *Chad*": up to the "from" phrase
        elif root.dep_ == "pobj":
            break
        else:
            root = root.head
    return root.head.head


def apposition_owner(noun: Token) -> Token | None:
    """The name an apposition holding a noun describes, where the parser hung a "where" clause deep in it
    ("Hermosillo, a city 432 miles south of *the border*, where the migrants had been stalled")."""
    word = noun
    for _ in range(4):
        if word.dep_ == "appos":
            return word.head
        if word.head.i == word.i:
            return None
        word = word.head
    return None


def place_below(m: Match, chain: list[Token], clause: list[Token], country: str | None) -> Place | None:
    """A town or region named deeper under the trigger than its own clause, where a group or act is located: in a
    relative clause of its object ("shot a man *who was herding goats in X*"), a purpose or time clause ("fired
    tear gas *to repel migrants trying to breach the fence in X*"). Only a place where something is ("in", "at";
    for depart also "out of", "from"), in the event's country when it has one; never in a hoped-for clause."""
    doc, depart = m.doc, m.rule.type == "depart"
    inside = {t.i for t in clause}
    aside = {t.i for word in chain[1:] for c in word.children if is_subjectless_adjunct(c) for t in c.subtree}
    # what the group went on to do, in a participle of the trigger's own ("a caravan that originated in Central
    # America *pushing past police and rushing the port near San Diego*"), is where that happened, not this
    aside |= {t.i for c in chain[0].children if is_accompanying(c) for t in c.subtree}
    below = [t for t in {t.i: t for word in chain for t in word.subtree}.values() if t.i not in inside | aside]
    if m.rule.type in MOVEMENT_TYPES:
        below = [t for t in below if not hoped_for(t, chain)]
    preps = args.AT_PREPS | args.FROM_PREPS if depart else args.AT_PREPS
    for place in args.items_in(doc, doc._.places or [], below):
        if (
            place.feature in args.PLACE_FEATURES
            and (country is None or place.country == country)
            and args.place_preposition(doc, place) in preps
            and not args.place_across_border(doc, place)
        ):
            return place
    return None


def is_accompanying(word: Token) -> bool:
    """A present participle hung on a verb with no subject or conjunction of its own ("left Tapachula, *walking*
    north")."""
    return is_subjectless_adjunct(word) and word.tag_ == "VBG" and not any(c.dep_ == "mark" for c in word.children)


def is_subjectless_adjunct(word: Token) -> bool:
    """An adverbial participle of a governor, without a subject of its own: it tells where or how the governor's
    subject acted ("*speaking* to reporters while in Florida, Trump threatened to close the border": Florida is
    where he spoke, not where the border closes); "*when* the caravan arrived at San Ysidro" keeps its place."""
    return word.dep_ == "advcl" and not any(c.dep_ in SUBJECT_DEPS for c in word.children)


def hoped_for(token: Token, chain: list[Token]) -> bool:
    """Whether a word says where the group hopes to get, not where its movement is: in a gerund clause below the
    trigger or a phrase of what it hopes for (``in_gerund_clause``, ``in_aspiration``)."""
    return in_gerund_clause(token, chain) or in_aspiration(token, chain)


def in_gerund_clause(token: Token, chain: list[Token]) -> bool:
    """Whether a word lies in a gerund clause below the trigger ("set off in hopes *of arriving in X*")."""
    own = {t.i for t in chain}
    for word in [token, *token.ancestors]:
        if word.i in own:
            return False
        if word.dep_ == "pcomp" and word.pos_ == "VERB":
            return True
    return False


def in_aspiration(token: Token, chain: list[Token]) -> bool:
    """Whether a word lies in a phrase of what the group hopes for, hanging on a preposition of the trigger's words
    ("hitchhiked north with their eye *on a new life in X*", "set out in search of work in X")."""
    own = {t.i for t in chain}
    for word in [token, *token.ancestors]:
        if word.i in own:
            return False
        if word.dep_ == "pobj" and in_class(word, "aspirations") and word.head.head.i in own:
            return True
    return False


def describes_group(doc: Doc, place: Place, chain: list[Token]) -> bool:
    """Whether a place lies in a clause that modifies a noun outside the trigger's chain ("migrants *bound for
    X*", "the group *that left Y*"), not in the trigger's own words."""
    span = args.token_span(doc, place.start, place.end)
    if span is None:
        return False
    own = {t.i for t in chain}
    for word in span.root.ancestors:
        if word.i in own:
            return False
        if word.dep_ in ("acl", "relcl"):
            return True
    return False


def size_of(m: Match, chain: list[Token]) -> list[float | None] | None:
    """The size of the moving group, the deployed force or the people acted on."""
    subject, passive = subject_of(chain)
    kind = m.rule.type
    agent = agent_of(chain) if passive and kind in MOVEMENT_TYPES else None
    if agent is not None and is_mover(agent, m.sent):
        subject = agent  # "the group was *joined* by 1,500 migrants": the joining group's size
    if kind in MOVEMENT_TYPES or (kind == "deploy" and subject is not None and not passive):
        if subject is None:
            return preceding_size(m)
        words = own_clause(group_top(subject))
        found = args.people_size(m.doc, words) or args.strength_size(words)
        if found is None and subject.pos_ == "PRON" and kind in MOVEMENT_TYPES:
            found = sentence_size(m)  # "it grew to 5,000 people as *it* made its way north"
        if found or kind != "deploy":
            return found
    group = [subject] if passive and subject is not None else objects_of(m.head)
    if kind == "return" and not group and subject is not None:
        group = [group_top(subject)]  # "hundreds of people are *returning* home"
    for word in group:
        found = args.people_size(m.doc, own_clause(word))
        if found:
            return found
    return None


def group_top(noun: Token) -> Token:
    """The count a group noun is part of: "*thousands* of Central Americans traveling", "*hundreds* of migrants
    who left"."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i:
        noun = noun.head.head
    return noun


def sentence_size(m: Match) -> list[float | None] | None:
    """The people counted in the trigger's sentence, nearest first (for a group named only by a pronoun)."""
    people = [q for q in m.doc._.quantities or [] if args.is_people(q)]
    near = args.nearest(people, m.first.idx, m.sent)
    return [near.low, near.high] if near is not None else None


def preceding_size(m: Match) -> list[float | None] | None:
    """For a movement verb the parser left without a subject, the people counted just before it."""
    people = [
        q
        for q in m.doc._.quantities or []
        if args.is_people(q) and m.sent.start_char <= q.start and q.end <= m.first.idx
    ]
    return [people[-1].low, people[-1].high] if people else None


def merge_events(events: list[tuple[Token, Event]]) -> list[Event]:
    """One event for two triggers of a type in a sentence that tell it again (``tells_again``: "walked and rode
    buses" is one travel; "set up a roadblock to *thwart* them" one block), unless their places or countries differ
    ("traveling through Guatemala and heading toward the U.S." are two). Triggers in unrelated clauses are events of
    their own ("the border could be *closed* as he insisted they would not be *let into* the country"; "who left to
    *press* north *boarded* subways"), and where their modalities agree they tell of one scene, so each takes the
    place, country and date it lacks from the other ("the caravan *set off* again as the group *trekked out of* the
    town of Mapastepec")."""
    kept: list[Event] = []
    by_sentence: dict[int, list[tuple[Token, Event]]] = {}  # kept events of each sentence, in order
    for token, event in events:
        in_sentence = by_sentence.setdefault(token.sent.start, [])
        same = next(
            (
                (t, e)
                for t, e in in_sentence
                if e.type == event.type
                and (e.modality == event.modality or are_related(t, token))
                and (e.place is None or event.place is None or e.place == event.place)
                and (e.country is None or event.country is None or e.country == event.country)
                and (e.date is None or event.date is None or e.date == event.date)
                and same_actor(e.actor, event.actor)
            ),
            None,
        )
        if same is not None:
            other_token, other = same
            if tells_again(other_token, token):
                fill_arguments(other, event, ("actor", "place", "country", "date", "size", "amount", "quote"))
                continue
            fill_arguments(other, event, SCENE_ARGUMENTS)
            fill_arguments(event, other, SCENE_ARGUMENTS)
        kept.append(event)
        in_sentence.append((token, event))
    return kept


SCENE_ARGUMENTS = ("place", "country", "date")  # shared by two events of one scene


def fill_arguments(event: Event, other: Event, names: tuple[str, ...]) -> None:
    """Give ``event`` the arguments it lacks from ``other``; a place comes with its coordinates."""
    for name in names:
        if getattr(event, name) is None:
            setattr(event, name, getattr(other, name))
            if name == "place":
                event.lat, event.lon = other.lat, other.lon


def same_actor(one: str | None, other: str | None) -> bool:
    """Whether two actors may be one: not a moving group and an authority acting on it ("officers fired tear gas
    after migrants threw rocks" are two events; "agents and National Guard units were deployed" one)."""
    if one is None or other is None:
        return True
    kinds = {actor_kind(one), actor_kind(other)}
    return kinds != {"movers", "authorities"}


def actor_kind(actor: str) -> str | None:
    """The kind, "movers" or "authorities", named by an actor's last word ("Central American migrants", "officers")."""
    lexicon = load_lexicon()
    word = actor.split()[-1].lower()
    for kind in ("movers", "authorities"):
        words = lexicon[kind] | lexicon["forces"] if kind == "authorities" else lexicon[kind]
        if word in words or word.removesuffix("s") in words:
            return kind
    return None


def are_related(one: Token, other: Token) -> bool:
    """Whether one word governs the other or both hang on the same word."""
    return one.head.i == other.head.i or one.head.i == other.i or other.head.i == one.i


def tells_again(one: Token, other: Token) -> bool:
    """Whether two triggers of a type tell one event: related words ("walked and rode"), a word in a phrase on a
    verb coordinated with the other ("will not let them *pass* and would do everything in its power to *stop* the
    group"), words that tell of one noun (in its clause, "*handing out* visas that *gave* them legal status", or
    both in the clause on it, "thousands *traveling* from Honduras *en route* to the U.S."), or a noun named again
    ("the *order* is defective because the *order* fails ...")."""
    if are_related(one, other):
        return True
    for word, verb in ((one, other), (other, one)):
        clause = next((a for a in word.ancestors if a.pos_ in VERB_POS), None)  # the verb the word's phrase is on
        if clause is not None and is_coordinated(clause) and clause.head.i in (verb.i, verb.head.i):
            return True
        noun = described_noun(word)
        if noun is not None and verb.i in (noun.i, noun.head.i):
            return True
    if (noun := described_noun(one)) is not None and noun == described_noun(other):
        return True
    return one.pos_ == other.pos_ == "NOUN" and one.lemma_.lower() == other.lemma_.lower()


def described_noun(word: Token) -> Token | None:
    """The noun whose relative or participle clause holds a word ("rules unveiled on Thursday that sought to *limit*
    asylum claims": rules)."""
    for above in chain([word], word.ancestors):
        if above.dep_ in ("relcl", "acl"):
            return above.head if above.head.pos_ in ("NOUN", "PROPN") else None
    return None


def carry_countries(events: list[Event], dateline: str | None = None) -> list[Event]:
    """An authority's action with no country in its sentence takes the country of the article's previous action of
    the same type (the same government keeps acting: "the Pentagon will *send* troops" after "U.S. troops..."), or
    where none comes before, of the next one; with none of its type, the country of the article's dateline
    ("WASHINGTON (Reuters) - ... vowed to *deploy* troops": the government reported on from its capital)."""
    for ordered in (events, events[::-1]):  # before the first one with a country: the next one's
        last: dict[str, str] = {}
        for event in ordered:
            if event.type not in CARRIED_COUNTRY_TYPES:
                continue
            if event.country is None and event.type in last:
                event.country = last[event.type]
            elif event.country is not None:
                last[event.type] = event.country
    acting = Counter(e.country for e in events if e.type in CARRIED_COUNTRY_TYPES and e.country)
    ranked = acting.most_common(2)
    usual = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    for event in events:
        if event.country is None and event.type in CARRIED_COUNTRY_TYPES:
            event.country = dateline or usual  # else the government the article's actions are most often of
    return events


def dateline_place(doc: Doc) -> Place | None:
    """The place of the dateline an article's first line opens with ("WASHINGTON (Reuters) -"), as the place
    finder reads datelines (``in_dateline``)."""
    return next((p for p in doc._.places or [] if p.country and is_dateline(doc, p)), None)


def dateline_country(doc: Doc) -> str | None:
    place = dateline_place(doc)
    return place.country if place is not None else None


def is_dateline(doc: Doc, place: Place) -> bool:
    """A place the article's first line opens with ("WASHINGTON (Reuters) -"): where the reporter is, which is no
    group's place of its own (``place_lede`` gives it to a lede's move in its country); authorities often act there
    ("TAPACHULA, Mexico - ... troops blocked a highway north of Tapachula")."""
    text = doc.text
    line_end = text.find("\n")
    return (line_end < 0 or place.start < line_end) and in_dateline(text, place.start, place.end)


DATELINE_TOKENS = 8  # a "sentence" this short around a dateline is the dateline alone


def place_lede(doc: Doc, events: list[Event]) -> list[Event]:
    """A group's move told as done in the lede, the sentence a dateline opens, with no town of its own but the
    dateline's country named for it, is placed in the dateline's town ("TIJUANA (Reuters) - Hundreds of migrants
    *in Mexico* massed ..."). A move with no country is not, nor a group under way: a capital's dateline is where
    the government is reported from ("WASHINGTON - ... thousands of Central Americans *traveling* in caravans"),
    not where the group is."""
    where = dateline_place(doc)
    if where is None or where.feature not in args.PLACE_FEATURES:
        return events
    lede = doc.char_span(where.start, where.end, alignment_mode="expand")
    if lede is None:
        return events
    sent = lede.sent
    if sent.end < len(doc) and len(sent) < DATELINE_TOKENS:
        sent = doc[sent.end].sent  # the parser read "TIJUANA (Reuters) -" as a sentence of its own
    for event in events:
        moving = event.type in MOVEMENT_TYPES - {"travel"} and event.modality == "asserted"  # not a group under
        # way, whose country is often where it heads ("traveling in caravans from entering the United States")
        inside = sent.start_char <= event.start < sent.end_char
        if moving and inside and event.place is None and event.country == where.country:
            event.place, event.lat, event.lon = where.name, where.lat, where.lon
    return events


def find_events(doc: Doc) -> list[Event]:
    """The events of a parsed article, in text order."""
    if doc.lang_ not in LANGUAGES or not doc.has_annotation("DEP"):
        log.debug("events are read from parsed %s text only (got %r)", "/".join(LANGUAGES), doc.lang_)
        return []
    built = []
    for m in find_matches(doc):
        event = build_event(m)
        if event is not None:
            built.append((m.head, event))
    return carry_countries(place_lede(doc, merge_events(built)), dateline_country(doc))


class EventFinder:
    """Sets ``doc._.events``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc)
        return doc
