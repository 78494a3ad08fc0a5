"""Dependency helpers for events: the words that govern a trigger, its subject, objects and clause."""

from __future__ import annotations

from spacy.tokens import Token

from caravan.nlp.events.lexicon import in_class, lemma, load_cues, load_lexicon, load_rule_index

# a trigger shares subject and modality with the word it is the open complement or predicate of
CONTROL_DEPS = frozenset({"xcomp", "acomp", "oprd"})
# clauses that only climb to their head when the head is a modal governor ("plan to", "expect that", "let X pass")
CLAUSE_DEPS = frozenset({"ccomp", "acl", "relcl", "pcomp", "prep", "pobj", "dobj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# dependents that open a new clause: their words are not the trigger's clause
SUBCLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis", "csubj", "xcomp"})
# particles whose objects are the verb's ("round *up* the migrants", "send *back* ...")
PARTICLES = frozenset({"up", "out", "back", "off", "down", "away"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "dative", "attr", "oprd"})
# what a trigger's clause takes from the words governing it: who, and when
GOVERNOR_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "npadvmod", "neg", "aux", "auxpass"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# verbs that take an "of" phrase of their own ("warned of the caravan", "spoke of it")
OF_VERBS = frozenset(
    "think speak talk warn hear accuse consist inform remind approve dream learn know tire complain convince rid "
    "deprive clear die boast despair assure suspect convict notify disapprove beware smell taste tell".split()
)
# entity labels of places (a "who" clause is never hung on one by meaning)
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
QUANTITY_HEADS = frozenset(
    {
        "hundred",
        "thousand",
        "dozen",
        "score",
        "million",
        "number",
        "group",
        "some",
        "many",
        "most",
        "all",
        "several",
        "none",
        "part",
        "half",
        "majority",
        "average",
        "total",
        "rest",
        "few",
        "bunch",
        "onslaught",
        "flow",
        "influx",
        "stream",
        "surge",
        "wave",
        "flood",
        "exodus",
        "member",
        "bulk",
        "remainder",
        "army",
        "band",
        "column",
        "contingent",
        "busload",
        "truckload",
    }
)


# conjunctions the parser may read as prepositions when a clause follows them ("as the caravan moves north")
SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "since", "until", "because"})


def governor_lemmas() -> frozenset[str]:
    """Lemmas of the words a trigger's modality and arguments may be read from (plan, expect, let, force...)."""
    cues, lex = load_cues(), load_lexicon()
    names = (
        "planning_verbs",
        "planning_nouns",
        "predicting_verbs",
        "predicting_words",
        "impossible_words",
        "negating_verbs",
        "causing_verbs",
    )
    words = set().union(*(cues[n] for n in names))
    words |= lex["permission_verbs"] | lex["coercion_verbs"] | lex["commitment_verbs"] | {"go", "be", "able"}
    return frozenset(words)


def adverbial_governor_lemmas() -> frozenset[str]:
    """Heads whose adverbial clauses share their modality: copulas of "impossible"/"likely", coercion verbs.
    Other adverbial clauses ("once they *broke in*, police did not try...") keep their own."""
    cues = load_cues()
    return frozenset({"be"}) | cues["impossible_words"] | cues["predicting_words"] | load_lexicon()["coercion_verbs"]


def is_reporting(token: Token) -> bool:
    return in_class(token, "reporting_verbs")


def governors(token: Token) -> list[Token]:
    """The trigger and the words above it that share its subject and modality, nearest first.

    Climbs open complements ("plan to *move*"), coordinated verbs without their own subject ("detained and
    *returned*") and clauses under a modal governor ("expect", "let", "force"); stops at reporting verbs.
    """
    chain = [token]
    governing = governor_lemmas()
    current = token
    while current.head.i != current.i and len(chain) < 8:
        head, dep = current.head, current.dep_
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in current.children)
        if dep in CONTROL_DEPS:
            pass
        elif is_coordinated(current) and not own_subject and head.pos_ in ("VERB", "AUX"):
            stopped = ended_gerund(current)
            if stopped is not None:  # "decided to stop waiting and *swim* across": beside "stop", not under it
                current = stopped
                continue
            head = misplaced_conjunct(current) or head
        elif dep in CLAUSE_DEPS and lemma(head) in governing and not is_reporting(head) and not asks_why(current):
            pass
        elif dep == "advcl" and lemma(head) in adverbial_governor_lemmas():
            pass  # "it will *be* impossible for them to reach", "*forced* to remain ... while they wait"
        elif dep in ("aux", "auxpass", "prt"):
            pass
        elif (added_to := additive_host(current)) is not None:
            head = added_to  # "*in addition to stopping* all payments, I must ask ...": the main clause's act too
        elif dep in ("pcomp", "pobj") and head.pos_ == "ADP" and lemma(head.head) in governing and not own_subject:
            # "no intention *of* shooting": through the preposition to its noun; not "*with* caravans marching
            # ..., we must be prepared": a clause with a subject of its own keeps its own modality
            chain.append(head)
            head = head.head
        else:
            break
        if is_reporting(head):
            break
        chain.append(head)
        current = head
    return chain


def additive_host(gerund: Token) -> Token | None:
    """The verb a gerund is added to by "in addition to" or "besides" ("*in addition to stopping* all payments, I
    must ask Mexico ..."): it shares that verb's modality."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG":
        return None
    prep = gerund.head
    if prep.lower_ == "besides" and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    if prep.lower_ == "to" and prep.head.lower_ == "addition" and prep.head.head.lower_ == "in":
        host = prep.head.head.head
        return host if host.pos_ in ("VERB", "AUX") else None
    return None


def is_coordinated(verb: Token) -> bool:
    """A verb coordinated with its head: a conjunct, or a verb the parser left as ``dep`` with no subject of its
    own, where no "and" joins the two ("They must stop them at the border, *not allow* them to pass")."""
    if verb.dep_ == "conj":
        return True
    return verb.dep_ == "dep" and verb.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def asks_why(verb: Token) -> bool:
    """A clause opened by "why", "how", "when" or "where" takes its event as given, whatever is said of the
    question ("it is not clear *why* the man *broke off* from the caravan": he did)."""
    if verb.dep_ not in ("ccomp", "csubj", "xcomp"):
        return False  # not an adverbial "when" clause
    return any(c.tag_ == "WRB" and c.lower_ in PRESUPPOSING_WH and c.i < verb.i for c in verb.children)


def ended_gerund(verb: Token) -> Token | None:
    """The verb that ends a gerund ("*stop* waiting"), when the parser coordinated another verb form with the
    gerund ("decided to stop waiting and *swim* across", "stopped waiting and *swam*"): the verb stands beside
    "stop", which does not deny it."""
    gerund = verb.head
    if gerund.tag_ != "VBG" or verb.tag_ in ("VBG", "VBN") or gerund.dep_ not in ("xcomp", "dobj", "ccomp"):
        return None
    ender = gerund.head
    if any(c.dep_ == "prt" for c in ender.children):
        return None  # "end up failing and being deported": what comes of it, not an end
    return ender if lemma(ender) in load_cues()["negating_verbs"] and ender.i != gerund.i else None


def misplaced_conjunct(verb: Token) -> Token | None:
    """The main verb a past-tense verb is coordinated with where the parser hung it on a relative clause in
    another tense ("Trump *urged* Mexico to deport migrants who *are attempting* to reach the U.S. and
    *threatened* to shut the border": Trump threatened, not the migrants)."""
    clause = verb.head
    if verb.tag_ != "VBD" or clause.dep_ != "relcl" or clause.tag_ == "VBD" or clause.head.i == clause.i:
        return None
    if lemma(verb) not in load_lexicon()["commitment_verbs"] | load_cues()["planning_verbs"]:
        return None  # only an intent ("threatened", "pressed"): "who are in Tijuana and *arrived* last week" is one
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children):
        return None  # "who were walking ... and stopped": one past clause
    main = clause.head.head  # the nearest past-tense verb above the noun the relative clause describes
    while main.tag_ != "VBD" and main.head.i != main.i:
        main = main.head
    return main if main.tag_ == "VBD" and main.i < verb.i else None


# question words whose clause presents its event as a fact
PRESUPPOSING_WH = frozenset({"why", "how", "when", "where"})
TIME_UNITS = frozenset({"day", "night", "week", "month", "year", "hour"})


def resolve_relative(token: Token) -> Token:
    """The noun a relative pronoun stands for ("migrants *who* crossed" -> migrants)."""
    if token.lower_ in RELATIVE_PRONOUNS:
        clause = token.head
        if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
            noun = clause.head
            if token.lower_ == "who" and lemma(noun) in TIME_UNITS and noun.head.i != noun.i:
                noun = noun.head  # "thousands of immigrants *a month* who ...": the people, not the month
            return person_above_place(noun) if token.lower_ == "who" else noun
        before = token.doc[token.i - 1] if token.i > token.sent.start else None
        if token.dep_ in ("nsubj", "nsubjpass") and before is not None and before.pos_ in ("NOUN", "PROPN"):
            return before  # the parser lost the relative clause: "their trek *that* began a month ago"
    return token


def person_above_place(noun: Token) -> Token:
    """For "who": the people a place phrase describes, where the parser hung the clause on the place ("1,500 men
    from Honduras, Guatemala and El Salvador *who* are traveling": "who" is the men, not El Salvador)."""
    word = noun
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    if word.ent_type_ in PLACE_ENTITIES and word.dep_ == "pobj" and word.head.dep_ == "prep":
        return word.head.head
    return noun


def subject_of(chain: list[Token]) -> tuple[Token | None, bool]:
    """The subject of the nearest word of the chain that has one, and whether it is a passive subject."""
    for n, word in enumerate(chain):
        controller = object_controller(word)
        if controller is not None:
            return controller, False
        holder = noun_holder(chain[n - 1], word) if n > 0 else None
        if holder is not None:
            return holder, False
        subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            child = _nearest_subject(word, subjects)
            passive = child.dep_ == "nsubjpass" or _has_auxpass(word)
            # a coordinated verb shares the subject, not the voice ("were dressed ... and *prevented*")
            shared_voice = n == 0 or chain[0].tag_ == "VBN" or is_mistagged_participle(chain[0])
            return resolve_relative(child), passive and shared_voice
        if word.dep_ == "acomp" and word.tag_ == "VBN" and lemma(word.head) == "be":
            # a participle the parser hung on "be" as its complement is its passive ("were *pepper-sprayed*")
            copula_subjects = [c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if copula_subjects:
                return resolve_relative(copula_subjects[0]), n == 0 or chain[0].tag_ == "VBN"
        above = chain[n + 1] if n + 1 < len(chain) else None
        climbed = above is not None and above.i == word.head.i
        infinitive = is_infinitive(word)  # "the order *to deny*"
        if (
            word.dep_ in ("acl", "relcl")
            and not climbed
            and not infinitive
            and word.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
        ):
            return word.head, word.tag_ == "VBN"  # "troops *deploying*", not "plan to *move*"
    return subject_read_as_object(chain[0]) or main_subject(chain[-1]), False


def is_mistagged_participle(verb: Token) -> bool:
    """A coordinated "-ed" form with no auxiliary of its own that the tagger read as a past tense: after the
    passive of an act done to people it is a participle ("were stopped and *turned* back to Mexico"; not "were
    exhausted and turned back", an adjective)."""
    return (
        verb.dep_ == "conj"
        and lemma(verb.head) in load_rule_index()
        and verb.tag_ == "VBD"
        and verb.lower_.endswith("ed")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
        and _has_auxpass(verb.head)
    )


def _nearest_subject(verb: Token, subjects: list[Token]) -> Token:
    """Of two subjects the parser gave a verb, the one whose phrase ends right before the verb (its auxiliaries and
    adverbs aside): "Aurora Diaz, who said her daughter was reluctant to visit in case *Trump* closed the border";
    "From out of nowhere (or precisely, Honduras) a so-called *caravan* has been working its way north". Else the
    first, outside brackets."""
    if len(subjects) > 1:
        for subject in subjects:
            if any(o.lower_ in ("whom", "which") for o in prep_objects(subject, ("of",))):
                continue  # "the migrants, *many of whom* are trudging north": the migrants
            opener = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
            if opener is not None and opener.dep_ == "mark" and opener.head.i == verb.i:
                continue  # "800,000 immigrants brought here *as children* were given permits": a misparse
            between = subject.doc[subject.right_edge.i + 1 : verb.i]
            if subject.i < verb.i and all(
                t.head.i == verb.i and t.dep_ in ("aux", "auxpass", "advmod", "neg") for t in between
            ):
                return subject
    return next((c for c in subjects if not in_brackets(c)), subjects[0])


def in_brackets(token: Token) -> bool:
    """Whether a word stands inside round brackets opened in its sentence."""
    before = token.doc[token.sent.start : token.i]
    return sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before)


def noun_holder(below: Token, noun: Token) -> Token | None:
    """Whose intention a noun names, where an infinitive hangs on it: its possessor or its "from"/"by" phrase
    ("a vow *from Mexico* to deport migrants", "*Mexico's* plan to deport")."""
    if noun.pos_ != "NOUN" or below.dep_ != "acl" or below.head.i != noun.i:
        return None
    if not is_infinitive(below):
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def subject_read_as_object(verb: Token) -> Token | None:
    """The subject of a finite verb the parser gave none because it read the conjunction before it as a
    preposition ("... as *a caravan* of migrants makes its way north": "as" + object, then "makes")."""
    if verb.tag_ not in ("VBZ", "VBD", "VBP") or verb.i == 0:
        return None
    word = verb.doc[verb.i - 1]
    while word.dep_ in ("pobj", "prep", "compound", "amod") and word.head.i < verb.i and word.head is not word:
        if word.dep_ == "pobj" and word.head.lower_ in SUBORDINATORS:
            return word
        word = word.head
    return None


def main_subject(word: Token) -> Token | None:
    """The subject a subjectless adverbial clause shares with its main clause ("she spoke before *leaving*")."""
    head = word.head
    if word.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif word.dep_ != "advcl":
        return None
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    return resolve_relative(subjects[0]) if subjects else None


def object_controller(word: Token) -> Token | None:
    """The object that is the subject of an open complement: "ordered *troops* to stop the caravan"; not an
    instrument ("agents used pepper spray to *fend off* a crowd": the agents do)."""
    if word.dep_ != "xcomp" or any(c.dep_ in SUBJECT_DEPS for c in word.children):
        return None
    if lemma(word.head) in INSTRUMENT_VERBS:
        return None
    objects = [c for c in word.head.children if c.dep_ in ("dobj", "dative") and c.i < word.i]
    return resolve_relative(objects[0]) if objects else None


INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise"})


def is_infinitive(word: Token) -> bool:
    """A verb with "to" before it ("plan *to move*")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children)


def _has_auxpass(token: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in token.children)


def agent_of(chain: list[Token]) -> Token | None:
    """Who does the action: the active subject, or the "by" phrase of a passive."""
    subject, passive = subject_of(chain)
    if passive_adjunct(chain[0]):
        chain, passive = chain[:1], True  # "after being driven back *by police*": not the sentence's subject
    if subject is not None and not passive:
        return subject
    for word in chain:
        for child in word.children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def passive_adjunct(verb: Token) -> bool:
    """A passive participle with no subject of its own in a phrase on another verb ("after *being driven back*",
    "*stopped* by tear gas, they ..."): what it tells was done to that verb's subject."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("pcomp", "advcl"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return False  # "*having* crossed the river, they ...": active
    return verb.dep_ == "advcl" or _has_auxpass(verb)


def adjunct_host(verb: Token) -> Token:
    """The verb a passive adjunct's phrase is on ("began *settling* ..., after being turned away"): whose subject
    it tells of."""
    return verb.head.head if verb.dep_ == "pcomp" else verb.head


def objects_of(token: Token) -> list[Token]:
    """The direct objects of a verb, the subject of its passive and the objects of its particles."""
    out = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if not out and token.pos_ == "VERB":  # "have caught or rejected 475,000 family members": the shared object
        for conj in token.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in conj.children):
                between = token.doc[token.i + 1 : conj.i]
                if all(t.dep_ in ("cc", "punct", "advmod", "aux", "neg", "prt") for t in between):
                    out = [c for c in conj.children if c.dep_ == "dobj"]  # not "*stopped* searching and detained them"
                break
    for prep in token.children:
        if prep.dep_ in ("prt", "prep") and prep.lower_ in PARTICLES:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    if token.dep_ == "acl" and token.tag_ == "VBN":
        out.append(token.head)  # "migrants detained at the border"
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in token.children)
    if token.dep_ == "relcl" and has_subject and not any(c.dep_ == "dobj" for c in token.children):
        out.append(token.head)  # "the troops he *sent* to the border"
    return [resolve_relative(o) for o in out]


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to a word ("work *with* authorities")."""
    out: list[Token] = []
    for prep in token.children:
        if prep.dep_ in ("prep", "prt", "dative", "agent") and prep.lower_ in preps:
            out.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
    return out


def of_objects(noun: Token) -> list[Token]:
    """The objects of a noun's "of" phrases, with one the parser moved onto the verb that holds the noun, after it
    ("sped up after the *arrival* in Tijuana, on the Mexican side, *of the caravan*"; not "spoke of it")."""
    out = prep_objects(noun, ("of",))
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") and prep.head.i != prep.i:
        verb = prep.head
        if lemma(verb) not in OF_VERBS:
            out += [o for o in prep_objects(verb, ("of",)) if o.i > noun.i]
    return out


def partitive_heads(token: Token) -> list[Token]:
    """A noun and, for "dozens of agents" or "some of the migrants", the noun after "of"."""
    out = [token]
    if lemma(token) in QUANTITY_HEADS or token.pos_ in ("NUM", "PRON", "DET"):
        out.extend(prep_objects(token, ("of",)))
    return out


def own_clause(token: Token) -> list[Token]:
    """The words of a token's subtree, without the clauses embedded in it."""
    out: list[Token] = []
    stack = [token]
    while stack:
        word = stack.pop()
        out.append(word)
        for child in word.children:
            if child.dep_ in SUBCLAUSE_DEPS:
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def clause_of(chain: list[Token]) -> list[Token]:
    """The words of the clause of a trigger: its own clause, with the subjects and time words of its governors
    ("the army will be able to *stop* them"), not their other arguments."""
    seen = {t.i: t for t in own_clause(chain[0])}
    for word in chain[1:]:
        seen.setdefault(word.i, word)
        for child in word.children:
            if child.dep_ in GOVERNOR_ARG_DEPS:
                seen.update((t.i, t) for t in own_clause(child))
    return [seen[i] for i in sorted(seen)]


def where_head(chain: list[Token]) -> Token | None:
    """For a trigger in a "where" relative clause ("the port, where soldiers waited..."), the noun it describes."""
    for word in chain:
        if word.dep_ == "relcl" and any(c.lower_ in ("where", "wherein") for c in word.children):
            return word.head
    return None
