"""Finds event triggers in their migration sense: a rule of ``caravan/data/events/triggers.json`` matched at a word,
with every requirement it names (a moving group as subject, a place as object...) met, as ``REQUIREMENTS`` defines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from caravan.nlp.events import arguments as args
from caravan.nlp.events.clause import (
    PLACE_ENTITIES,
    SUBJECT_DEPS,
    adjunct_host,
    agent_of,
    clause_of,
    governors,
    objects_of,
    of_objects,
    partitive_heads,
    passive_adjunct,
    prep_objects,
    subject_of,
    where_head,
)
from caravan.nlp.events.lexicon import (
    TriggerRule,
    in_class,
    lemma,
    load_cues,
    load_lexicon,
    load_rule_index,
    load_rules,
    rule_verbs,
    rules_for,
    token_lemmas,
    tokens_in_class,
)
from caravan.nlp.extensions import in_boilerplate, token_lowers

MOVEMENT_TYPES = frozenset({"depart", "travel", "cross", "arrive", "gather"})
# prepositions and adverbs that give a movement its direction ("head *north*", "go on *to* the capital")
PLACE_PREPS = (
    "into",
    "to",
    "toward",
    "towards",
    "through",
    "across",
    "from",
    "for",
    "at",
    "in",
    "inside",
    "near",
    "outside",
    "out",
    "past",
    "over",
    "along",
    "via",
)
# prepositions of where someone is put or kept ("in custody", "into detention", "at a facility", "under guard")
CONTAINING_PREPS = ("in", "into", "at", "inside", "under")
# prepositions of where something happens ("slept *on* the bridge", "camped *near* the border")
LOCATING_PREPS = ("in", "at", "on", "inside", "outside", "near", "under", "beside", "along")
# nouns of a count that names a group of its own ("*hundreds* of migrants")
COUNT_NOUNS = frozenset({"dozen", "score", "hundred", "thousand", "million"})
DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northward",
        "northwards",
        "southward",
        "home",
        "back",
        "inland",
        "abroad",
        "northbound",
        "southbound",
        "there",
        "here",
    }
)
VERB_POS = frozenset({"VERB", "AUX"})
REFUSING_VERBS = frozenset({"refuse", "decline"})  # "refused to admit them" is a refusal of entry
NOUN_POS = frozenset({"NOUN", "PROPN"})
# a way into a country: these prepositions, with a country, a border or one of these nouns as object
ENTRY_PREPS = ("into", "across", "over")
ENTRY_NOUNS = frozenset({"border", "frontier", "territory", "soil"})
# prepositions that name who receives money or aid
RECIPIENT_PREPS = ("to", "into", "for", "in")
# mover words that name a group only through what they quantify or stand for ("some *of the migrants*")
NOT_MOVERS_ALONE = frozenset({"who", "that", "some", "many", "most", "number"})
# deps of a noun trigger whose verb carries the event's clause ("police *set up* a roadblock")
NOUN_ANCHOR_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})


@dataclass
class Match:
    """A rule matched at a token: the words of the trigger and what its requirements need to read."""

    rule: TriggerRule
    doc: Doc
    sent: Span
    first: Token
    last: Token
    head: Token  # the word the rule's requirements are read on (the verb, or the noun of a noun trigger)
    chain: list[Token] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # negations that belong to the trigger ("not let X pass")


Requirement = Callable[[Match, str], bool]


def is_mover(token: Token | None, sent: Span) -> bool:
    """A moving group: migrants, a caravan, "hundreds", a demonym in the plural, or a pronoun near such words."""
    if token is None:
        return False
    if counts_people(token):
        return True  # "about 600 (people)", "scores"
    if any(is_mover(c, sent) for c in token.children if c.dep_ in ("appos", "conj")):
        return True  # "TIJUANA, Mexico - Dozens of migrants ... arrived": the dateline parsed as subject
    heads = partitive_heads(token)
    if len(heads) > 1 and heads[-1].pos_ in ("NOUN", "PROPN") and not counts_people(heads[-1]):
        heads = heads[-1:]  # "thousands of *protesters*" are what they are; "thousands of them" the count says
    for word in heads:
        if in_class(word, "movers") and word.lower_ not in NOT_MOVERS_ALONE:
            return True
        if lemma(word) == "member" and any(c.dep_ == "compound" and in_class(c, "movers") for c in word.children):
            return True  # "475,000 *family* members", "caravan members" (not "gang members")
        if (
            lemma(word) == "member"
            and is_definite(word)
            and not prep_objects(word, ("of",))
            and movers_nearby(word, sent)
        ):
            return True  # "some of *the members* were allowed to cross", told of the caravan
        if word.ent_type_ == "NORP" and word.tag_ in ("NNPS", "NNS") and args.country_of(word.text):
            return True  # "Hondurans", not "Republicans"
        if word.lower_ in load_lexicon()["mover_pronouns"] and movers_nearby(word, sent):
            return True
        if word.lower_ in ("one", "ones") and is_definite(word) and movers_nearby(word, sent):
            return True  # "a firmer stand against this caravan than *the one* that traversed the country"
    return False


def is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children)


def counts_people(token: Token) -> bool:
    """Whether a word is inside a count of people found by the quantities component, of no named kind
    ("scores", "about 600") or of a moving kind ("2,000 migrants"), not "100 officers"."""
    for q in token.doc._.quantities or []:
        if args.is_people(q) and q.start <= token.idx < q.end:
            kind = (q.what or "").lower().split()
            return not kind or kind[-1].rstrip("s") in load_lexicon()["movers"] or kind[-1] in load_lexicon()["movers"]
    return False


def movers_nearby(token: Token, sent: Span) -> bool:
    """Whether the sentence or the one before it names a moving group (for pronouns: "they", "it"). A plural
    pronoun reaches further back, up to ``PLURAL_REACH`` sentences, over sentences that name no other people or
    things in the plural it could stand for ("members of the caravan would not be let in. 'We've closed the border.
    *They*'re not coming in'")."""
    doc = sent.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    if names_movers(doc, start, sent.end, token):
        return True
    if token.lower_ not in PLURAL_PRONOUNS:
        return False
    for _ in range(PLURAL_REACH - 1):
        if start == 0 or has_plural_argument(doc[start : sent.start]):
            return False
        sent, start = doc[start].sent, doc[start - 1].sent.start
        if names_movers(doc, start, sent.start, token):
            return True
    return False


PLURAL_PRONOUNS = frozenset({"they", "them", "their", "those", "others"})
PLURAL_REACH = 3  # sentences back a plural pronoun may find its moving group


def names_movers(doc: Doc, start: int, end: int, token: Token) -> bool:
    return any(
        word.i != token.i and word.pos_ in NOUN_POS and word.lower_ not in NOT_MOVERS_ALONE
        for word in tokens_in_class(doc, start, end, "movers")
    )


def has_plural_argument(span: Span) -> bool:
    """Whether a span has a plural noun as a subject or object ("officials said", "they detained *activists*")."""
    return any(
        word.tag_ in ("NNS", "NNPS") and word.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos") for word in span
    )


def is_place(token: Token) -> bool:
    """A word that names a place: a resolved place, a place entity, a place noun or a direction."""
    if args.place_at(token.doc, token) is not None or token.ent_type_ in PLACE_ENTITIES:
        return True
    return (
        in_class(token, "place_nouns")
        or token.lower_ in DIRECTIONS
        or bool(args.country_of(token.text) and token.is_title)
    )


def need_mover(m: Match, _: str) -> bool:
    """The subject is a moving group."""
    subject, passive = subject_of(m.chain)
    joins = any(need.startswith("dobj:") for group in m.rule.require for need in group)  # "they *joined* it"
    if joins and passive:
        return is_mover(agent_of(m.chain), m.sent)  # "the group was *joined* by 1,500 migrants"
    if subject is not None:
        if (
            not joins
            and subject.lower_ in load_lexicon()["mover_pronouns"]
            and any(o.dep_ == "dobj" and is_mover(o, m.sent) for o in objects_of(m.head))
        ):
            return False  # "we will *keep* migrants at the border": the movers are what the pronoun acts on
        return is_mover(subject, m.sent)
    if m.head.dep_ == "amod" or (m.head.dep_ == "acl" and m.head.tag_ == "VBN"):
        return False  # a participle describing a noun ("the newly *formed* guard")
    names = [c for c in m.head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < m.head.i]
    if m.head.pos_ in NOUN_POS and names:
        return is_mover(names[-1], m.sent)  # the verb read as a noun, its subject as a name on it ("Obama *heads*")
    before = [t for t in m.sent if t.i < m.first.i and t.pos_ in NOUN_POS]
    return any(is_mover(t, m.sent) for t in before)  # no parsed subject: the group named before the verb


def need_mover_object(m: Match, _: str) -> bool:
    """The object (or passive subject, or "at"/"against"/"on" object) is a moving group."""
    if prevents_other(m.head):
        return False
    subject, passive = subject_of(m.chain)
    adjunct = passive_adjunct(m.head)
    if adjunct and subject is None:  # "families began settling ..., after *being turned away*": the host's subject
        subject = subject_of(governors(adjunct_host(m.head)))[0]
    if (passive or adjunct) and is_mover(subject, m.sent):
        return True  # "were turned back"; "slept on the bridge after *being driven back*": the sentence's subject
    if lost_passive_subject(m) is not None:
        return True
    return any(is_mover(o, m.sent) for o in objects_of(m.head) + prep_objects(m.head, ("at", "against", "on")))


def lost_passive_subject(m: Match) -> Token | None:
    """A passive verb the parser left without a subject, whose subject it made another verb's object: the nearest
    noun before it, a moving group ("promised *immigrants* unlawfully crossing the border will be *stopped*")."""
    verb = m.head
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if verb.dep_ not in ("ccomp", "ROOT", "conj"):
        return None
    for noun in reversed([t for t in m.sent if t.i < verb.i and t.pos_ in NOUN_POS]):
        if noun.dep_ in SUBJECT_DEPS:
            return None  # a subject before it: the parse holds together
        if noun.dep_ == "dobj" and is_mover(noun, m.sent):
            return noun
    return None


def prevents_other(verb: Token) -> bool:
    """ "prevent it *from fulfilling* its obligations": what is stopped is not a movement."""
    passages = load_lexicon()["passage_verbs"]
    for prep in prep_objects(verb, ("from",)):
        if prep.pos_ in VERB_POS and lemma(prep) not in passages and not match_any_movement(prep):
            return True
    return False


def match_any_movement(token: Token) -> bool:
    movement = {w[0] for r in load_rules() if r.type in MOVEMENT_TYPES for w in r.words}
    return lemma(token) in movement


def need_source(m: Match, _: str) -> bool:
    """Where a departure starts: a place as object or after "from"/"in" ("fled Honduras", "began in X")."""
    words = [o for o in objects_of(m.head) if o.dep_ in ("dobj", "oprd")] + prep_objects(m.head, ("from", "in", "out"))
    words += [w for out in m.head.children if out.lower_ == "out" for w in prep_objects(out, ("of",))]  # "out of X"
    return any(is_place(w) and w.lower_ not in DIRECTIONS for w in words + where_nouns(m.head))


def where_nouns(verb: Token) -> list[Token]:
    """The noun a "where" clause hangs on ("the Honduran city *where* the caravan started"), as a place phrase."""
    head = where_head([verb])
    return [head] if head is not None else []


def need_place(m: Match, _: str) -> bool:
    """An object, a directional phrase or a direction names a place ("crossed *into Mexico*", "head *north*");
    going to an activity ("go *to school* in the US", "went *to work*") is no journey."""
    if any(is_activity(o) for o in prep_objects(m.head, ("to",))):
        return False
    words = [o for o in objects_of(m.head) if o.dep_ in ("dobj", "oprd")] + prep_objects(m.head, PLACE_PREPS)
    words += where_nouns(m.head)
    # a place phrase on a noun of the verb's phrase: "moving in a caravan *through Mexico*"
    words += [w for o in list(words) if o.pos_ in NOUN_POS for w in prep_objects(o, PLACE_PREPS)]
    for part in m.head.children:
        if part.dep_ in ("prt", "advmod", "npadvmod") and part.lower_ in DIRECTIONS:
            return True
        if part.dep_ == "prt":
            words += [c for c in part.children if c.dep_ == "pobj"]
    return any(is_place(w) for w in words)


def need_located(m: Match, _: str) -> bool:
    """A phrase of where it happens names a place ("slept *in Tapachula*", "slept *on the bridge*")."""
    return any(is_place(w) for w in prep_objects(m.head, LOCATING_PREPS))


def is_activity(noun: Token) -> bool:
    """A bare institution noun that names what one goes to do ("to *school*", "to *work*"), not where."""
    bare = not any(c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in noun.children)
    return bare and noun.tag_ == "NN" and noun.lower_ in load_lexicon()["activity_destinations"]


def need_context(m: Match, _: str) -> bool:
    """The sentence, or the one before or after it in the same paragraph, holds a migration word ("Troops being
    *sent* would not be armed. They would assist the Border Patrol")."""
    doc, start, end = m.doc, m.sent.start, m.sent.end
    if start > 0 and "\n" not in doc[start - 1].text:
        start = doc[start - 1].sent.start
    if end < len(doc) and "\n" not in doc[end - 1].text and "\n" not in doc[end].text:
        end = doc[end].sent.end
    return any(tokens_in_class(doc, start, end, "context")) or names_migration_rule(m)


def names_migration_rule(m: Match) -> bool:
    """An act on a rule named again ("a judge *blocked* the proclamation", "would *strike down* the new rules"):
    "the" rule the article named before in a sentence about migration ("signed a proclamation blocking certain
    immigrants from claiming asylum")."""
    if m.rule.type != "policy" or m.rule.pos != "verb":
        return False  # a rule's noun alone, told again, is often told of in another country's words
    doc, lemmas = m.doc, token_lemmas(m.doc)
    for noun in objects_of(m.head):
        if not _in_role(noun, "policy_nouns") or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children
        ):
            continue
        named = lemma(noun)
        sentences = {doc[i].sent for i in range(m.sent.start) if lemmas[i] == named}  # each sentence read once
        if any(any(tokens_in_class(doc, s.start, s.end, "context")) for s in sentences):
            return True
    return False


def need_setup(m: Match, _: str) -> bool:
    """A block noun that someone sets up or that acts ("set up a roadblock", "a checkpoint stopped them")."""
    return m.head.dep_ in ("nsubj", "nsubjpass") or need_erected(m, _)


def need_erected(m: Match, _: str) -> bool:
    """A barrier someone puts up ("soldiers *installed* a fence", "barriers *erected* in 2009")."""
    noun = m.head
    verb = noun.head if noun.dep_ in ("dobj", "pobj", "conj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    setups = load_lexicon()["setup_verbs"]
    return (verb is not None and lemma(verb) in setups) or any(
        c.dep_ == "acl" and lemma(c) in setups for c in noun.children
    )


def need_not_permitted(m: Match, _: str) -> bool:
    """A passage verb under a refused permission: "would not let them *through*", "not allowed to *enter*"."""
    permission = m.head.head if m.head.dep_ in ("ccomp", "xcomp", "prt", "advmod", "dobj") else None
    if permission is None or lemma(permission) not in load_lexicon()["permission_verbs"]:
        return False
    negs = [c for c in permission.children if c.dep_ == "neg"]
    refusing = permission.head if permission.dep_ == "xcomp" else None
    if refusing is not None and lemma(refusing) in load_cues()["negating_verbs"]:
        m.consumed.add(refusing.i)  # "refused to let them pass" is a block, not a negated one
        return True
    m.consumed.update(n.i for n in negs)
    return bool(negs)


def need_nonplace_goal(m: Match, _: str) -> bool:
    """A passage toward something that is not a place ("go *through the system*", "let him *get his wallet*")."""
    goals = prep_objects(m.head, ("through", "into", "to", "past"))
    goals += [c for c in m.head.children if c.dep_ == "dobj"]
    return any(not is_place(g) for g in goals)


def need_topic_goal(m: Match, _: str) -> bool:
    """Going back "to" a subject or an activity, not a place ("let us *return to what* they said", "returned *to
    work*", "back *to normal*")."""
    for prep in m.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for goal in prep.children:
            if goal.dep_ == "pcomp" or goal.tag_ in ("WP", "WDT") or is_activity(goal) or goal.lower_ == "normal":
                return True
            if goal.dep_ == "pobj" and any(c.dep_ == "relcl" and c.i < goal.i for c in goal.children):
                return True
    return False


def need_infinitive(m: Match, _: str) -> bool:
    """A verb with an infinitive complement: "*leaving* the states to push ahead" is not a departure."""
    return any(
        c.dep_ in ("xcomp", "ccomp", "advcl", "oprd") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in m.head.children
    )


def need_coerced(m: Match, _: str) -> bool:
    """Governed by a coercion ("*forced* to remain", "*must* wait")."""
    coercion = load_lexicon()["coercion_verbs"]
    if any(c.dep_ == "aux" and c.lower_ in coercion for c in m.head.children):
        return True
    return any(lemma(w) in coercion for w in m.chain[1:])


def need_progressive(m: Match, _: str) -> bool:
    """A progressive or a participle: "the caravan *is coming*", "a caravan *coming* north"."""
    if m.head.tag_ != "VBG":
        return False
    return m.head.dep_ in ("acl", "advcl", "conj") or any(c.dep_ == "aux" and lemma(c) == "be" for c in m.head.children)


def need_entry_goal(m: Match, _: str) -> bool:
    """A way into a country or over a border ("ran back *into Guatemala*", "poured *across the border*")."""
    goals = prep_objects(m.head, ENTRY_PREPS)
    for part in m.head.children:
        if part.dep_ in ("prt", "advmod") or (part.dep_ == "dobj" and part.lower_ == "way"):
            goals += prep_objects(part, ENTRY_PREPS)  # also "forced their *way over* the border"
    if any(p.dep_ == "prt" and p.lower_ in ENTRY_PREPS for p in m.head.children):
        goals += [c for c in m.head.children if c.dep_ == "dobj"]  # "poured *over* the border" read as a particle
    for goal in goals:
        place = args.place_at(m.doc, goal)
        if (place is not None and place.feature == "border") or lemma(goal) in ENTRY_NOUNS:
            return True
        if goal.head.lower_ == "into" and (
            (place is not None and place.feature == "country") or lemma(goal) == "country"
        ):
            return True  # "into Mexico", "into our country" enters it; "across Mexico" travels through it
    return False


def need_closes_passage(m: Match, _: str) -> bool:
    """What a closure closes, where it is named ("the closure *of the border*", "*port* closures"), is a place or
    a way in, not "the *government* closure" or "*school* closings"."""
    if m.head.dep_ in ("amod", "compound") and m.head.lower_.startswith("clos"):
        return False  # "Republican *closing* arguments", "the *closing* weeks"; not "the *metering* policy"
    named = [c for c in m.head.children if c.dep_ == "compound"] + prep_objects(m.head, ("of",))
    return not named or any(
        is_place(t) or in_class(t, "checkpoints") or in_class(t, "entry") or in_class(t, "movers") for t in named
    )


def need_passive(m: Match, _: str) -> bool:
    """The trigger itself is passive ("migrants *were left* stranded": someone else left), not a verb above it
    ("were found to have *left* the country")."""
    verb = m.head
    if verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head  # "are being flown, bused and then *abandoned*": the first verb carries the voice
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def need_negated(m: Match, _: str) -> bool:
    """A verb under its own negation: "will not *be admitted*", "cannot *handle* more"; the negation and the modal
    belong to the trigger (a refusal is the block itself)."""
    words = [
        c
        for c in m.head.children
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in ("ca", "can", "cannot", "could"))
    ]
    if not any(w.dep_ == "neg" or w.lower_ == "cannot" for w in words):
        governor = m.head.head
        if m.head.dep_ == "xcomp" and lemma(governor) in REFUSING_VERBS and governor.i != m.head.i:
            m.consumed.add(governor.i)  # "Mexico *refused to receive* them": the refusal is the block
            return True
        return False
    m.consumed.update(w.i for w in words)
    return True


def need_decree(m: Match, _: str) -> bool:
    """A noun that names a rule or order, not the idioms "in order to", "on the order of" (a size) and "law and
    order", nor an order about one person or an order of society ("a deportation order", "the constitutional
    order"; `not_decrees` in the lexicon)."""
    following = m.doc[m.head.i + 1].lower_ if m.head.i + 1 < len(m.doc) else ""
    idiom = (m.head.head.lower_, following) in (("in", "to"), ("on", "of"))
    preceding = [t.lower_ for t in m.doc[max(0, m.head.i - 2) : m.head.i]]
    if (m.head.dep_ == "pobj" and idiom) or preceding == ["law", "and"]:  # nor "law and order"
        return False
    # one person's "deportation *order*", "final *orders* of removal"; the "constitutional *order*"
    described = [c for c in m.head.children if c.dep_ in ("compound", "amod", "nmod")]
    described += [o for c in m.head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    return not any(in_class(c, "not_decrees") for c in described)


# quotation marks that set off a policy's name
QUOTE_MARKS = frozenset({"“", "”", '"', "«", "»", "''", "``", "‘", "'"})


def need_named_policy(m: Match, _: str) -> bool:
    """A rule the text singles out, not policy in general ("immigration *policy*", "Trump's *policies*"): named by
    a quoted, hyphenated-noun or proper modifier ("the "zero tolerance" *policy*", "the *DACA* program"), called
    new ("the *new* policy", "the *proposed* rules"), or told by what it does, with a determiner ("a *regulation*
    denying visas", "the *rules* unveiled on Thursday that sought to limit asylum claims"). A plural is singled
    out only by the last two or quotation marks ("the *new* ICE regulations"; not "EU rules"); never a policy of
    another field ("a drug interdiction *program*", "trade policy")."""
    noun = m.head
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    if any(in_class(t, "other_policy_fields") for c in modifiers for t in c.subtree):
        return False
    plural = noun.tag_ in ("NNS", "NNPS")
    if any(c.dep_ == "amod" and c.lower_ in load_lexicon()["policy_novelty"] for c in modifiers):
        return True
    determined = any(c.dep_ in ("det", "poss") for c in noun.children)
    if determined and any(c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX") for c in noun.children):
        return True
    for c in modifiers:
        if is_quoted(c):
            return True
        if plural:
            continue
        if c.tag_ in ("NNP", "NNPS") or (c.tag_ in ("NN", "NNS") and any(t.tag_ == "HYPH" for t in c.subtree)):
            return True
    return False


def is_quoted(word: Token) -> bool:
    """A word between quotation marks right around it ("the *"zero tolerance"* policy")."""
    doc = word.doc
    before = doc[word.left_edge.i - 1].text if word.left_edge.i > 0 else ""
    after = doc[word.i + 1].text if word.i + 1 < len(doc) else ""
    return before in QUOTE_MARKS and after in QUOTE_MARKS


def need_money(m: Match, _: str) -> bool:
    """A money quantity (or MONEY entity) in the trigger's words or clause."""
    words = list(m.head.subtree) + clause_of(m.chain)
    if any(args.is_money(q) for q in args.items_in(m.doc, m.doc._.quantities or [], words)):
        return True
    return any(t.ent_type_ == "MONEY" for t in words)


def need_intransitive(m: Match, _: str) -> bool:
    """No direct object."""
    return not any(c.dep_ == "dobj" for c in m.head.children)


def need_home(m: Match, _: str) -> bool:
    """Going home, back, or to a country or place."""
    words = prep_objects(m.head, ("to", "back", "home")) + [
        c for c in m.head.children if c.dep_ in ("advmod", "npadvmod")
    ]
    return any(in_class(w, "home") or w.lower_ in ("home", "back") or is_place(w) for w in words)


def need_object(m: Match, cls: str) -> bool:
    """An object of the trigger (or of its particle) in the class ("fired *tear gas*")."""
    objects = objects_of(m.head)
    phrase = {w for words in m.rule.words if words[0] == lemma(m.first) for w in words[1:]}
    for part in m.head.children:
        if part.dep_ == "prt" or (part.dep_ == "prep" and part.lower_ in phrase):
            objects += [c for c in part.children if c.dep_ == "pobj"]  # "break *through* barricades"
    # "hopped a freight *train* north": the parser may make the direction the object and the noun its compound
    objects += [c for o in objects if o.lower_ in DIRECTIONS for c in o.children if c.dep_ == "compound"]
    if cls == "policy_nouns" and any(o.lower_ == "it" for o in objects) and policy_named_before(m):
        return True  # "abandoned that policy, ... considering bringing *it* back"
    return any(_in_role(w, cls) for o in objects for w in partitive_heads(o))


def split_name_head(noun: Token) -> Token | None:
    """The last word of a proper name the parser cut at its preposition: "rescinded the Deferred *Action* for
    Childhood Arrivals program" (the object the parser gives is "Action", the name's head is "program")."""
    if noun.tag_ not in ("NNP", "NNPS"):
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "on"):
            continue
        for head in prep.children:
            words = noun.doc[prep.i + 1 : head.i]
            if (
                head.dep_ == "pobj"
                and head.tag_ in ("NN", "NNS")
                and words
                and all(w.tag_ in ("NNP", "NNPS") and prep.i < w.head.i <= head.i for w in words)
            ):
                return head
    return None


def name_start(noun: Token) -> Token:
    """For the last word of a proper name the parser cut (``split_name_head``), the word it made the name's noun
    ("the Deferred *Action* for Childhood Arrivals program"); else the word itself."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        head = split_name_head(noun.head.head)
        if head is not None and head.i == noun.i:
            return noun.head.head
    return noun


def need_bars_act(m: Match, cls: str) -> bool:
    """People of the class barred from an act that is no movement: a rule about them ("*barred* illegal migrants
    from asking for asylum", "*forbidding* migrants who enter illegally from applying")."""
    return prevents_other(m.head) and any(_in_role(w, cls) for o in objects_of(m.head) for w in partitive_heads(o))


def need_specific(m: Match, _: str) -> bool:
    """The subject is a specific group, not a kind of people: not a plural with no determiner, number or possessor
    ("people *fleeing* violence", "refugees who have *fled* persecution", "used by migrants to *gain entry*"), nor an
    "any"/"every" noun ("*any* portion of the caravan that *gains entry*"). Indefinite pronouns ("anyone *fleeing*")
    are kinds by ``is_backgrounded``."""
    subject, _passive = subject_of(m.chain)
    if subject is None:
        return False
    determiners = [c for c in subject.children if c.dep_ in ("det", "nummod", "poss", "quantmod")]
    if lemma(subject) in COUNT_NOUNS:
        return True  # "*hundreds* of migrants slept on the bridge": a count is a group of its own
    if subject.tag_ in ("NNS", "NNPS") and not determiners:
        return False
    return not any(c.lower_ in ("any", "every", "each") for c in determiners)


def policy_named_before(m: Match) -> bool:
    """Whether the sentence before a trigger, or its own sentence up to it, names a policy ("that policy")."""
    doc = m.doc
    start = doc[m.sent.start - 1].sent.start if m.sent.start > 0 else m.sent.start
    return any(_in_role(t, "policy_nouns") for t in doc[start : m.first.i] if t.pos_ in NOUN_POS)


def need_dobj(m: Match, cls: str) -> bool:
    """A direct object of the class ("left *the migrants*" is leaving someone, not departing), or the subject of
    the passive ("*the group* was joined by ...")."""
    objects = [c for c in m.head.children if c.dep_ == "dobj"]
    subject, passive = subject_of(m.chain)
    if passive and subject is not None:
        objects.append(subject)
    return any(_in_role(w, cls) for c in objects for w in partitive_heads(c))


def need_subject(m: Match, cls: str) -> bool:
    subject, _passive = subject_of(m.chain)
    return subject is not None and any(_in_role(w, cls) for w in partitive_heads(subject))


def need_ordered_clause(m: Match, cls: str) -> bool:
    """A that-clause (or bare subjunctive) the trigger orders, about people of the class or acting on a rule: "a
    judge *ordered* that *children* be reunited with their parents", "*ordered* families be reunited", "*ordered*
    that the practice be *halted*"."""
    for clause in m.head.children:
        if clause.dep_ != "ccomp":
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(_in_role(w, cls) for s in subjects for w in partitive_heads(s)) or lemma(clause) in rule_verbs("policy"):
            return True
    return False


def need_caught_between(m: Match, _: str) -> bool:
    """The idioms of "caught": "caught *between* two rulings", "caught *up* in the debate", "caught in the middle"."""
    for c in m.head.children:
        if (c.dep_ == "prep" and c.lower_ == "between") or (c.dep_ == "prt" and c.lower_ == "up"):
            return True
        if c.dep_ == "prep" and any(o.lower_ in ("middle", "crossfire") for o in c.children):
            return True
    return False


def need_acl(m: Match, cls: str) -> bool:
    return m.head.dep_ == "acl" and _in_role(m.head.head, cls)


def need_with(m: Match, cls: str) -> bool:
    return _phrase_of_class(m, cls, "with")


def _phrase_of_class(m: Match, cls: str, prep: str) -> bool:
    """A phrase of the preposition on the trigger whose object belongs to the class."""
    return any(_in_role(w, cls) for o in prep_objects(m.head, (prep,)) for w in partitive_heads(o))


def need_to(m: Match, cls: str) -> bool:
    """A "to" phrase of the class ("put a stop *to the caravan*")."""
    return _phrase_of_class(m, cls, "to")


def need_harmful_force(m: Match, _: str) -> bool:
    """ "force" qualified as violence against people ("use *lethal* force", "*excessive* force"; `harmful_force`)."""
    return any(
        lemma(o) == "force" and any(c.dep_ in ("amod", "compound") and in_class(c, "harmful_force") for c in o.children)
        for o in objects_of(m.head)
    )


def need_from(m: Match, cls: str) -> bool:
    """A "from" phrase of the class ("150 migrants *separated from the larger caravan*")."""
    return _phrase_of_class(m, cls, "from")


def need_en_route(m: Match, cls: str) -> bool:
    """ "on their *way*", "en *route*": a group of the class under way ("migrants on their way to the border",
    "the caravan, now on its way north", "troops en route to Texas")."""
    way, prep = m.head, m.head.head
    if way.dep_ != "pobj" or prep.lower_ != ("en" if lemma(way) == "route" else "on"):
        return False
    if lemma(way) == "way" and not any(c.dep_ == "poss" for c in way.children):
        return False  # "on the way" is often a figure of speech ("a deal is on the way")
    return any(_in_role(w, cls) for h in phrase_holders(way) for w in partitive_heads(h))


def phrase_holders(noun: Token) -> list[Token]:
    """Who a prepositional phrase ("on their way", "en route") tells of: the noun it hangs on, or the subject
    of the verb it hangs on, and the noun just before it (the parser often hangs "migrants *on their way*" on
    the verb)."""
    prep = noun.head
    holder: Token | None = prep.head
    if prep.head.pos_ in VERB_POS:
        holder, _passive = subject_of([prep.head, *governors(prep.head)])
    before = noun.doc[prep.i - 1] if prep.i > noun.sent.start else None
    return [h for h in (holder, before) if h is not None and h.pos_ in (*NOUN_POS, "PRON")]


def need_of(m: Match, cls: str) -> bool:
    """A noun trigger's "of" phrase in the class ("the deportation *of 300 migrants*")."""
    return any(_in_role(w, cls) for n in noun_phrase_heads(m) for o in of_objects(n) for w in partitive_heads(o))


def need_by(m: Match, cls: str) -> bool:
    """A "by" phrase of the class on a noun trigger ("crossings *by migrants*")."""
    return _phrase_of_class(m, cls, "by")


def need_in(m: Match, cls: str) -> bool:
    """An "in"/"into"/"at"/"inside" phrase of the class ("held *in custody*", "taken *into detention*")."""
    return any(_in_role(o, cls) for o in prep_objects(m.head, CONTAINING_PREPS))


def need_holds(m: Match, cls: str) -> bool:
    """A custody noun people of the class are in: "2,053 *children* were still *in the custody* of HHS", "*children*
    who died while *in* government *custody*", "*migrants* in *detention*"."""
    noun = m.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "into"):
        return False
    host = noun.head.head
    if host.pos_ in ("NOUN", "PROPN"):
        return any(_in_role(w, cls) for w in partitive_heads(host))
    if host.pos_ not in ("VERB", "AUX") or lemma(host) in rule_verbs("detain"):
        return False  # "*held* in detention": the verb tells it
    subject, _passive = subject_of(governors(host))
    return subject is not None and any(_in_role(w, cls) for w in partitive_heads(subject))


def need_poss(m: Match, cls: str) -> bool:
    return any(_in_role(c, cls) for n in noun_phrase_heads(m) for c in n.children if c.dep_ == "poss")


def noun_phrase_heads(m: Match) -> list[Token]:
    """A noun trigger, and the direction the parser may have made its head ("its month-long *trek* north":
    "trek" a compound of "north", which holds the possessor)."""
    head = m.head
    if head.dep_ == "compound" and head.head.lower_ in DIRECTIONS:
        return [head, head.head]
    return [head]


def need_anchored(m: Match, _: str) -> bool:
    """A noun trigger that is the object or subject of a verb ("cut *aid*", "*aid* was pledged")."""
    return m.head.dep_ in NOUN_ANCHOR_DEPS and m.head.head.pos_ in VERB_POS


def need_recipient(m: Match, _: str) -> bool:
    """Money or aid that goes to a country, a place or people ("*into the country's* private sector", "aid *to
    Honduras*"), not to a purpose of one's own ("$5 billion *for the wall*")."""
    words = [m.head, m.head.head] if m.head.pos_ in NOUN_POS else [m.head]
    words += [t for w in list(words) for t in w.subtree if t.pos_ in VERB_POS]
    excluded = load_lexicon()["aid_excluded_purposes"]
    for word in words:
        preps = (*RECIPIENT_PREPS, "from") if args.takes_away(word) else RECIPIENT_PREPS  # "*withhold* aid from X"
        targets = prep_objects(word, preps) + [c for c in word.children if c.dep_ == "dative"]
        for target in targets:
            if in_class(target, "aid_excluded_purposes") or lemma(target) in excluded:
                continue
            if any(is_place(t) or is_mover(t, m.sent) or _in_role(t, "authorities") for t in target.subtree):
                return True
    return False


def need_modifier(m: Match, cls: str) -> bool:
    """An adjective or compound of the class on a noun trigger ("*foreign* aid", "*humanitarian* assistance")."""
    return any(c.dep_ in ("amod", "compound", "nmod") and in_class(c, cls) for c in m.head.children)


def need_count(m: Match, _: str) -> bool:
    """A counted noun trigger ("3,000 deportations")."""
    return any(c.dep_ == "nummod" for c in m.head.children)


def _in_role(token: Token, cls: str) -> bool:
    """Class membership, where named people, organisations and countries count as authorities."""
    if cls == "movers":
        return is_mover(token, token.sent)
    if cls == "authorities" and token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "GPE", "NORP"):
        return True
    if cls == "authorities" and token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
        titles = [c for c in token.subtree if c.i < token.i and c.dep_ in ("compound", "amod", "appos")]
        return any(in_class(t, "authorities") for t in titles)  # "Secretary Jeh Johnson", not "Victor"
    if cls == "policy_nouns" and any(
        (c.dep_ in ("compound", "amod") and in_class(c, "other_policy_fields"))
        or (lemma(token) == "rule" and c.dep_ == "prep" and c.lower_ == "of")
        for c in token.children
    ):
        return False  # "cancel the *trade* deal": a policy of another field; "the rule *of* law" is no rule
    if cls == "policy_nouns" and token.head.lower_ == "of" and lemma(token.head.head) == "rule":
        return False  # nor is its "law"
    return in_class(token, cls)


REQUIREMENTS: dict[str, Requirement] = {
    "mover": need_mover,
    "mover_object": need_mover_object,
    "bars_act": need_bars_act,
    "specific": need_specific,
    "place": need_place,
    "located": need_located,
    "context": need_context,
    "setup": need_setup,
    "not_permitted": need_not_permitted,
    "coerced": need_coerced,
    "money": need_money,
    "intransitive": need_intransitive,
    "home": need_home,
    "source": need_source,
    "nonplace_goal": need_nonplace_goal,
    "object": need_object,
    "subject": need_subject,
    "caught_between": need_caught_between,
    "holds": need_holds,
    "ordered_clause": need_ordered_clause,
    "acl": need_acl,
    "with": need_with,
    "by": need_by,
    "in": need_in,
    "dobj": need_dobj,
    "of": need_of,
    "to": need_to,
    "from": need_from,
    "harmful_force": need_harmful_force,
    "en_route": need_en_route,
    "poss": need_poss,
    "passive": need_passive,
    "topic_goal": need_topic_goal,
    "closes_passage": need_closes_passage,
    "count": need_count,
    "anchored": need_anchored,
    "progressive": need_progressive,
    "entry_goal": need_entry_goal,
    "negated": need_negated,
    "decree": need_decree,
    "named_policy": need_named_policy,
    "erected": need_erected,
    "infinitive": need_infinitive,
    "recipient": need_recipient,
    "modifier": need_modifier,
}


def holds(m: Match) -> bool:
    """Whether every requirement group of the match's rule has a name that holds."""
    return all(any(_check(m, name) for name in group) for group in m.rule.require)


def _check(m: Match, name: str) -> bool:
    if name.startswith("!"):
        return not _check(m, name[1:])
    kind, _, cls = name.partition(":")
    check = REQUIREMENTS.get(kind)
    if check is None:
        raise ValueError(f"unknown event requirement {name!r} in {m.rule.type} rule")
    return check(m, cls)


def match_words(token: Token, words: tuple[str, ...], pos: str, forms: tuple[str, ...] = ()) -> Token | None:
    """The last word of a trigger phrase starting at ``token`` (read as any of ``forms``, else its lemma and
    lower-case text); particles may also be the verb's dependents."""
    if words[0] not in (forms or (lemma(token), token.lower_)):
        return None
    if len(words) == 1:
        return token
    doc = token.doc
    following = doc[token.i + 1 : token.i + len(words)]
    if len(following) == len(words) - 1 and all(
        w in (lemma(t), t.lower_) for t, w in zip(following, words[1:], strict=True)
    ):
        return following[-1]
    if pos == "noun":
        return None
    kids = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod", "dobj", "npadvmod")}
    kids |= {lemma(c) for c in token.children if c.dep_ == "dobj"}
    return token if all(w in kids for w in words[1:]) else None


def pos_fits(rule: TriggerRule, first: Token, last: Token) -> bool:
    """The part of speech a rule asks for; a verb phrase ("head for") is allowed a mistagged verb."""
    if rule.pos == "noun":
        return last.pos_ in NOUN_POS
    if rule.pos == "verb":
        if is_noun_tagged_participle(first):
            return True
        phrase = last.i == first.i + 1
        determined = any(c.dep_ == "det" for c in first.children)  # "putting a full-court *press on* them"
        return first.pos_ in VERB_POS or (phrase and first.pos_ not in ("PROPN", "ADP", "DET") and not determined)
    return True


def anchor_of(head: Token, rule: TriggerRule) -> Token:
    """The word whose clause holds a trigger: the verb of a noun trigger ("*set up* a roadblock"), else itself."""
    head = name_start(head)
    if head.pos_ in NOUN_POS and rule.pos != "verb" and head.dep_ in NOUN_ANCHOR_DEPS and head.head.pos_ in VERB_POS:
        return head.head
    return head


def is_noun_tagged_participle(token: Token) -> bool:
    """A participle the tagger took for a noun: "-ing", modifying a noun, no determiner ("an army of migrants
    *marching* from Honduras")."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "acl"
        and token.lower_.endswith("ing")
        and not any(c.dep_ == "det" for c in token.children)
    )


def participle_stems(word: str) -> tuple[str, ...]:
    """The verbs an "-ing" form may come from: "marching" march, "moving" move, "trekking" trek."""
    stem = word[:-3]
    out = (stem, stem + "e")
    return (*out, stem[:-1]) if len(stem) > 2 and stem[-1] == stem[-2] else out


def starts_participle(lower: str, index: Mapping[str, object]) -> bool:
    """Whether an "-ing" form's verb starts a rule (for participles tagged as nouns)."""
    return lower.endswith("ing") and any(stem in index for stem in participle_stems(lower))


def hyphen_form(token: Token) -> str | None:
    """The form of a hyphenated verb the tokenizer split, read on its last word: "pepper-sprayed" gives
    "pepper-spray", "tear-gassed" "tear-gas"."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].tag_ != "HYPH":
        return None
    first, hyphen = doc[i - 2], doc[i - 1]
    if first.idx + len(first) != hyphen.idx or hyphen.idx + 1 != token.idx:
        return None  # spaced: a dash, not a compound
    return f"{first.lower_}-{lemma(token)}"


def match_token(doc: Doc, sent: Span, token: Token) -> Match | None:
    """The first rule that matches at a token, with its requirements met."""
    forms: tuple[str, ...] = (lemma(token), token.lower_)
    if is_noun_tagged_participle(token):
        forms += participle_stems(token.lower_)
    hyphened = hyphen_form(token)
    if hyphened is not None:
        forms += (hyphened,)
    for rule in rules_for(*forms):
        for words in rule.longest_first():
            if words[0] not in forms:  # as match_words would answer, without reading the token again
                continue
            last = match_words(token, words, rule.pos, forms)
            if last is None or not pos_fits(rule, token, last):
                continue
            head = last if rule.pos == "noun" else token
            first = doc[token.i - 2] if words[0] == hyphened else token  # the span from "pepper-"
            m = Match(rule, doc, sent, first, last, head, governors(anchor_of(head, rule)))
            if holds(m):
                return m
    return None


def find_matches(doc: Doc) -> list[Match]:
    """Every trigger of the article outside boilerplate, one per word."""
    out: list[Match] = []
    covered = -1
    index, lowers, lemmas = load_rule_index(), token_lowers(doc), token_lemmas(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            if i <= covered:
                continue
            if (
                lemmas[i] not in index
                and lowers[i] not in index
                and not starts_participle(lowers[i], index)
                and (i < 2 or lowers[i - 1] != "-" or hyphen_form(doc[i]) not in index)
            ):
                continue  # no rule starts here
            token = doc[i]
            if token.is_space or token.is_punct:
                continue
            if in_boilerplate(doc, token.idx, token.idx + len(token)):
                continue
            m = match_token(doc, sent, token)
            if m is not None:
                out.append(m)
                covered = max(covered, m.last.i)
    return out
