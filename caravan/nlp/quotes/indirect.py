"""Indirect quotes of a parsed English article: what cue verbs, "according to" and reporting nouns report.

The reported words are a cue verb's complement in the dependency parse ("X said (that) …", "X called for …"),
the rest of the sentence around a cue clause ("…, X said", "A, X said, B", "As X noted, …"), the rest of the
sentence of "according to X", or the clause of a reporting noun ("Trump's claim that …"). Speech counts
whoever speaks; thought and stance only for a source that is named, a pronoun or (for stance) a common noun.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from caravan.model import Quote
from caravan.nlp.extensions import token_lowers, token_table
from caravan.nlp.quotes.data import QuoteLexicon
from caravan.nlp.quotes.marks import Marked, paragraphs, trim
from caravan.nlp.quotes.parts import Found, cue_class, cue_class_of
from caravan.nlp.quotes.speakers import (
    FIRST_PERSON,
    PERSON_PRONOUNS,
    RELATIVES,
    NameBook,
    Speaker,
    clean_name,
    document_owner,
    find_channel,
    find_speaker,
    subject_of,
)

# a title's "Name:" prefix is at most this many tokens ("Pat Caddell: …")
HEADLINE_NAME_TOKENS = 4
# dependents left out of the cue chunk ("he said") when the reported words surround it
NOT_CHUNK = frozenset({"ccomp", "xcomp", "parataxis", "conj", "cc", "punct", "advcl", "dep", "mark"})
MIN_INDIRECT_CHARS = 6
# sentences before a paragraph-closing cue ("…, she said.") that it may report, and the marks that stop it
LEAD_SENTENCES = 3
QUOTE_MARKS = frozenset({"“", "”", '"', "«", "»", "''"})
# punctuation that sets a cue clause off from the reported words ("A, he said, B")
CLAUSE_BREAKS = frozenset({",", "—", "–"})
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
QUANTITY_ENTITIES = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
# pronoun subjects that stand for a source ("they say", "who believes", "it reported")
SOURCE_PRONOUNS = (
    PERSON_PRONOUNS
    | FIRST_PERSON
    | {
        "they",
        "who",
        "which",
        "that",
        "it",
        "you",
        "those",
        "some",
        "many",
        "others",
        "both",
        "one",
        "all",
        "everyone",
        "someone",
        "nobody",
        "few",
    }
)
# dependents that continue a reported clause ("said that …, and that …")
FOLLOWERS = frozenset({"prep", "xcomp", "ccomp", "advmod"})
# with noun-phrase contents (PolNeAR), also what continues an object ("compared him to …", "called it a …")
OBJECT_FOLLOWERS = FOLLOWERS | {"oprd", "dative", "dobj"}
# objects that stand for something said elsewhere ("said it", "denied that")
# cues that report evidence, and the endings of abstract nouns that can be evidence but never a source
EVIDENCE_VERBS = frozenset({"show", "suggest", "indicate", "reveal", "signal", "prove", "demonstrate", "illustrate"})
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ure", "ing")
ABSTRACT_NOUNS = frozenset(
    {"fact", "increase", "rise", "drop", "decline", "move", "trend", "shift", "surge", "spike", "pattern", "case"}
)
# a faculty or a lesson said to "tell" someone something: the writer's figure, not a speaker
INNER_VOICES = frozenset(
    {"instinct", "gut", "heart", "intuition", "conscience", "experience", "history", "logic", "sense", "memory"}
)
DASHES = frozenset({"—", "–", "--"})
# words that carry a report on past a set-off cue ("…, the official said, including …")
CONTINUING_WORDS = frozenset({"including", "especially", "particularly", "notably", "mainly", "mostly"})
# words opening a clause after a set-off cue that frames the report rather than continuing it
FRAMING_SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "amid"})
PRONOUN_OBJECTS = frozenset({"it", "this", "that", "so", "them", "him", "her", "me", "us", "you", "what"})
# cues whose passive subject is still the speaker ("she was quoted as saying …")
SPEAKER_PASSIVES = frozenset({"quote"})
# parts of speech of a state a passive cue gives its subject ("reported missing", "reported dead")
STATE_TAGS = frozenset({"ADJ", "VERB"})
# dependents that make a complement a clause of its own, and the marks of an embedded question
CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
QUESTION_MARKS = frozenset({"whether", "if"})
# marks of a condition: a cue under them is hypothetical ("if the officer finds that …")
CONDITIONS = frozenset({"if", "unless"})
# a quoted fragment this much inside a reported clause is part of it (a mixed quote)
CONTAINED = 0.8


def find_indirect(
    doc: Doc, marked: list[Marked], book: NameBook, lexicon: QuoteLexicon, noun_objects: bool = False
) -> list[Found]:
    """Reported clauses of cue verbs: their complement, or the rest of the sentence around "X said" (with
    ``noun_objects``, PolNeAR's convention, also noun-phrase and "to" clause objects)."""
    starts = [s for s, _ in paragraphs(doc.text)]
    found: list[Found] = []
    table = token_table(doc)
    for i, lem in enumerate(table.lemmas):
        kind = cue_class_of(table.tags[i], table.pos[i], lem, lexicon)
        if kind not in ("speech", "cognition", "object", "clause"):
            continue
        tok = doc[i]
        outer = _marked_at(marked, tok.idx)
        if outer is None:
            note_channel(tok, book, lexicon)
        if _hypothetical(tok) and not noun_objects:
            continue  # "if the officer finds that …": nobody has said it
        if _predicated(tok):
            continue  # "Democrats *are to blame* for …": the subject is blamed, nobody speaks
        subject = subject_of(tok)
        if subject is None and _imperative(tok):
            continue  # "*Note* that we reached peak ...", "Not to *mention* the costs": the writer's aside
        if subject is not None and subject.ent_type_ in TIME_ENTITIES:
            continue  # "the last week has *shown* how ...": a time shows, nobody says
        inverted = _tags_direct_quote(tok, subject, marked)
        passive = subject if subject is not None and subject.dep_ == "nsubjpass" and _agent(tok) else None
        if passive is not None:
            subject = _agent(tok)  # "the nominee was endorsed by the union": the union speaks
        unsaid = passive is None and (_addressed(tok, subject, lexicon) or _unsaid_subject(tok, subject))
        if unsaid and (_reported_state(tok, subject) or not _complements(tok, kind, lexicon, True, noun_objects)):
            continue  # "no one was reported missing", "the plan has barely been mentioned"
        if unsaid and kind == "cognition":
            continue  # "the Act is viewed as prohibiting ...": a belief nobody is said to hold is no report
        if unsaid:
            subject = None  # "the migrants were told that …", "he was accused of …": someone unnamed said it
        named = _named_or_pronoun(subject) or unsaid
        if subject is not None and subject.lower_ in RELATIVES and subject.head.dep_ == "relcl":
            subject = subject.head.head if subject.head.head is not subject.head else subject
        if not unsaid and not _may_report(kind, tok, subject, named, outer):
            continue
        if _abstract_evidence(tok, subject, lexicon):
            continue  # "the White House's consideration of such action *shows* that …": nobody says it
        pieces = reported_pieces(tok, kind, lexicon, named, noun_objects)
        if noun_objects and not pieces and passive is not None and passive.lower_ not in PRONOUN_OBJECTS:
            pieces = [p for p in [_char_piece(tok.sent, passive.left_edge.i, passive.right_edge.i)] if p]
        for start, end in (_clip(p, outer) for p in pieces):
            if _mostly_quoted(start, end, marked, outer) or end - start < MIN_INDIRECT_CHARS:
                continue
            if inverted and _tells_of_speaker(tok, subject, start):
                continue  # "“…,” said Ana Ruiz, who …": what follows the cue tells of its speaker
            item = _indirect(doc, tok, subject, (start, end), starts, book, lexicon)
            if item.quote.speaker or kind == "speech" or unsaid or item.cue_subject in FIRST_PERSON:
                found.append(item)  # "it was said that …" has no speaker, but is reported speech
    return found


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _imperative(cue: Token) -> bool:
    """A cue in the base form heading its sentence with no subject: the writer addressing the reader ("*Note*
    that ...", "Not to *mention* ...")."""
    return cue.dep_ == "ROOT" and cue.tag_ == "VB"


def _tags_direct_quote(cue: Token, subject: Token | None, marked: list[Marked]) -> bool:
    """A cue right after a closing quotation mark, its speaker after it ("“…,” *said* Ana Ruiz"): it reports that
    quote."""
    if subject is not None and subject.i < cue.i:
        return False  # "“…,” conceded that …" after a subject's own phrase ("X, who called it a “…,” conceded")
    text = cue.doc.text
    for quote in marked:
        if quote.close_at is not None and quote.close_at < cue.idx:
            between = text[quote.close_at + 1 : cue.idx]
            if not between.strip(" ,\"'”’"):
                return True
    return False


def _tells_of_speaker(cue: Token, subject: Token | None, start: int) -> bool:
    """Whether a piece after an inverted cue starts on its speaker: the word right after the cue (where the parser
    made the name another verb's subject: "said *Godínez-Samperio*, who was skeptical the shift would ..."), or
    the speaker's own phrase ("said Mr. Rivlin, *who now works for* ...")."""
    doc = cue.doc
    if start < cue.idx:
        return False  # the mixed report the cue closes ("Both parties “saw Burma as ...,” said X")
    if cue.i + 1 < len(doc) and start <= doc[cue.i + 1].idx:
        return True
    return subject is not None and subject.left_edge.idx <= start <= subject.right_edge.idx


def _predicated(cue: Token) -> bool:
    """An infinitive cue a copula says of its subject ("they *are to blame*"): what the subject is, not what it
    says."""
    return (
        cue.dep_ == "xcomp"
        and cue.head.lemma_.lower() == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
    )


def _hypothetical(cue: Token) -> bool:
    """A cue in an "if"/"unless" clause reports nothing that was said."""
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in cue.children)


def note_channel(cue: Token, book: NameBook, lexicon: QuoteLexicon) -> None:
    """Remember a cue that names its channel, whether or not it reports a quote ("X tweeted a message to
    the migrants"): the speaker's next quotes may carry it."""
    subject = subject_of(cue)
    channel = find_channel(cue, set(), lexicon) if subject is not None else None
    if channel is not None and subject is not None:
        name = find_speaker(subject, book, cue.idx).name
        if name:
            book.channel_cues.append((cue.idx, name, channel))


def _addressed(cue: Token, subject: Token | None, lexicon: QuoteLexicon) -> bool:
    """Whether the subject of a passive cue with no agent is the one spoken to ("they were told …")."""
    return (
        subject is not None
        and subject.dep_ == "nsubjpass"
        and _agent(cue) is None
        and cue.lemma_.lower() in lexicon.addressee_verbs
    )


def _unsaid_subject(cue: Token, subject: Token | None) -> bool:
    """The subject of a passive cue with no agent is what was said, not who said it ("the plan was
    mentioned"), unless the cue quotes its subject ("she was quoted as saying …")."""
    return (
        subject is not None
        and subject.dep_ == "nsubjpass"
        and _agent(cue) is None
        and cue.lemma_.lower() not in SPEAKER_PASSIVES
    )


def _reported_state(cue: Token, subject: Token | None) -> bool:
    """A passive cue with no agent that only gives its subject a state ("no one was reported missing", "two
    were reported dead"): a fact the article states, not a quote (unlike "was declared the winner")."""
    complements = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp", "oprd", "dobj", "prep")]
    return bool(complements) and all(c.dep_ == "oprd" and c.pos_ in STATE_TAGS for c in complements)


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb: who did the reporting."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _may_report(kind: str, cue: Token, subject: Token | None, named: bool, outer: Marked | None) -> bool:
    """Speech counts whoever speaks. Thought and stance count outside direct quotes, for a named or pronoun
    source; for a common-noun source, stance always ("critics slammed …") and thought only with an explicit
    "that" ("analysts fear that …", not "reporters expect it will …")."""
    if kind not in ("cognition", "object"):
        return True
    if outer is not None:
        return False
    if named:
        return True
    if not _nominal(subject):
        return False
    return kind == "object" or any(_that_clause(c) for c in cue.children)


def _clip(piece: tuple[int, int], outer: Marked | None) -> tuple[int, int]:
    """Reported speech inside a direct quote stays inside it."""
    if outer is None:
        return piece
    return max(piece[0], outer.start), min(piece[1], outer.end)


def _indirect(
    doc: Doc,
    cue: Token,
    subject: Token | None,
    piece: tuple[int, int],
    starts: list[int],
    book: NameBook,
    lexicon: QuoteLexicon,
) -> Found:
    speaker = find_speaker(subject, book, cue.idx) if subject is not None else Speaker(None)
    quote = Quote(
        start=piece[0],
        end=piece[1],
        kind="indirect",
        speaker=speaker.name,
        speaker_role=speaker.role,
        channel=find_channel(cue, set(), lexicon),
    )
    found = Found(quote, bisect.bisect_right(starts, piece[0]) - 1, attributed=True)
    found.cue_subject = subject.lower_ if subject is not None else ""
    return found


def _nominal(subject: Token | None) -> bool:
    """A common-noun subject that can hold a stance ("critics slammed …"), not a number ("thousands plan …")."""
    return subject is not None and subject.pos_ == "NOUN" and subject.ent_type_ not in QUANTITY_ENTITIES


def _named_or_pronoun(subject: Token | None) -> bool:
    """Reported thought and stance count only for a named or pronoun subject ("Obama believes", "the Trump
    campaign pointed out", "Republicans slammed"), not for "experts expect" or "officials promised"."""
    if subject is None:
        return False
    if subject.lower_ in RELATIVES and subject.head.dep_ == "relcl":
        return _named_or_pronoun(subject.head.head) if subject.head.head is not subject.head else False
    if subject.pos_ == "PROPN" or subject.lower_ in SOURCE_PRONOUNS or subject.ent_type_ in NAMED_ENTITIES:
        return True
    if subject.text in capitalised_words(subject.doc):
        return True  # a name the tagger missed at a sentence start ("Trump admires …")
    return any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in subject.children)


def capitalised_words(doc: Doc) -> frozenset[str]:
    """Words the doc capitalises inside sentences (names), computed once per doc."""
    cached = doc.user_data.get("caravan_capitalised")
    if cached is None:
        cached = frozenset(
            t.text for t in doc if t.is_title and not t.is_sent_start and t.is_alpha and not doc[t.i - 1].is_punct
        )
        doc.user_data["caravan_capitalised"] = cached
    return cached


def _marked_at(marked: list[Marked], offset: int) -> Marked | None:
    return next((m for m in marked if m.start <= offset < m.end), None)


def _mostly_quoted(start: int, end: int, marked: list[Marked], outer: Marked | None) -> bool:
    """Whether a reported clause is (half or more) a direct quote of its own, i.e. the cue's quote itself."""
    covered = sum(max(0, min(end, m.end) - max(start, m.start)) for m in marked if m is not outer)
    return covered >= CONTAINED * (end - start)


def reported_pieces(
    cue: Token, kind: str, lexicon: QuoteLexicon, named: bool = True, noun_objects: bool = False
) -> list[tuple[int, int]]:
    """Character spans of the words a cue verb reports, in its sentence ("to …" clauses only if ``named``:
    "Obama promised to …", not "officials promised to …")."""
    sent = cue.sent
    right = _complements(cue, kind, lexicon, named, noun_objects)
    left = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    lo, hi = _chunk(cue)
    if right:
        first, last = min(c.left_edge.i for c in right), max(c.right_edge.i for c in right)
        while first < last and cue.doc[first].dep_ == "mark" and cue.doc[first].lower_ == "that":
            first += 1  # the reported clause, without its "that" (ANNOTATION.md)
        if first < cue.i and cue.doc[first].tag_ in ("WDT", "WP"):
            first = cue.i + 1  # "in ways *that* detractors say could hurt him": not the relative word and the cue
        for framing in (d for c in right for d in c.children if _framing_report(d, lexicon) or _inference(d)):
            last = min(last, framing.left_edge.i - 1)  # "said the border could be closed *as he insisted* …"
        last = _before_dash_comment(cue.doc, first, last)
        pieces = [_char_piece(sent, first, last)]
        if left and cue.doc[lo - 1].text == ",":  # not "A; fact-checkers revealed B", "A — the AP estimated B"
            pieces.append(_char_piece(sent, min(c.left_edge.i for c in left), lo - 1))
        return [p for p in pieces if p]
    if kind in ("object", "clause"):
        return []
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return _outside_clause(cue)  # "As Mr. Bown observed, …"
    if not left and not _set_off(cue, lo, hi) and _plain_chunk(cue, *_comma_chunk(cue)):
        lo, hi = _comma_chunk(cue)  # "These employees, Stumpf explained in the hearing, were …"
    if not left and _has_own_object(cue, lexicon):
        return []  # "…, the United Nations estimated *its size* at 7,322": the cue says all it reports
    pieces = []
    if left or _set_off(cue, lo, hi):
        closing = all(t.is_punct or t.is_space for t in cue.doc[hi + 1 : sent.end])
        start = _lead_start(sent, lexicon) if closing else sent.start
        pieces.append(_char_piece(cue.doc[start : sent.end], start, lo - 1))
        if not left and not _framing_after(cue, hi):
            pieces.append(_char_piece(sent, hi + 1, sent.end - 1))
        pieces += [_char_piece(sent, c.i, c.right_edge.i) for c in _continuations(cue)]
    return [p for p in pieces if p]


def _abstract_evidence(cue: Token, subject: Token | None, lexicon: QuoteLexicon) -> bool:
    """A verb of evidence ("shows", "suggests") whose subject is an abstract noun, not a source: what a fact
    shows is the writer's inference ("the consideration *shows* that …"; not "the report shows that …"); so is a
    participle of evidence on a clause ("arrests had fallen, apparently *indicating* that fewer people …")."""
    if _inference(cue):
        return True
    if subject is None or subject.pos_ != "NOUN":
        return False
    noun = subject.lemma_.lower()
    if cue.lemma_.lower() in ("tell", "say") and noun in INNER_VOICES:
        return True  # "Trump's *instincts* tell him that …", "history tells us that …"
    if cue.lemma_.lower() not in EVIDENCE_VERBS:
        return False
    if noun in lexicon.source_documents:
        return False
    return noun.endswith(ABSTRACT_SUFFIXES) or noun in ABSTRACT_NOUNS


def _inference(clause: Token) -> bool:
    """A participle of evidence on a clause whose subject is a thing, not a speaker: the writer's inference
    ("arrests had fallen, apparently *indicating* that …"; not "Romney accused him, *suggesting* that …")."""
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.lemma_.lower() not in EVIDENCE_VERBS:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    subjects = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(c.pos_ == "NOUN" and c.ent_type_ not in ("PERSON", "ORG", "NORP") for c in subjects)


def _before_dash_comment(doc: Doc, first: int, last: int) -> int:
    """The end of a reported clause before a dash that opens the writer's comment on it ("they are fleeing gang
    violence and looking for jobs *— neither of which* has been enough reason to win asylum")."""
    for i in range(first + 1, last):
        if doc[i].text in DASHES and any(t.lower_ in ("which", "whom") for t in doc[i + 1 : min(i + 4, last + 1)]):
            return i - 1
    return last


def _continuations(cue: Token) -> list[Token]:
    """Phrases on a set-off cue that go on with the report before it ("DHS asked for help in various forms, the
    official said, *including* air transport ...")."""
    return [c for c in cue.rights if c.dep_ in ("prep", "advcl") and c.lower_ in CONTINUING_WORDS]


def _framing_report(clause: Token, lexicon: QuoteLexicon) -> bool:
    """A time clause inside a reported clause that is itself a report ("… *as he insisted* that …"): a second
    report, not part of the first."""
    return (
        clause.dep_ == "advcl"
        and lexicon.cues.get("en", {}).get(clause.lemma_.lower()) == "speech"
        and any(m.dep_ == "mark" and m.lower_ in ("as", "while") for m in clause.children)
    )


def _framing_after(cue: Token, hi: int) -> bool:
    """Whether what follows a set-off cue is the writer's framing, a time or cause clause ("X is considering an
    order, a person said, *as thousands make their way north*"), not more of the reported words."""
    doc, sent = cue.doc, cue.sent
    nxt = next((t for t in doc[hi + 1 : sent.end] if not (t.is_punct or t.is_space)), None)
    return nxt is not None and nxt.lower_ in FRAMING_SUBORDINATORS


def _discerning(cue: Token) -> bool:
    """A cue in the infinitive under an adjective, with no one to say it ("hard *to tell*", "impossible to
    say"): telling apart, not telling someone."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
    governor = cue.head
    return infinitive and (governor.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in governor.children))


def _has_own_object(cue: Token, lexicon: QuoteLexicon) -> bool:
    """A noun object that is neither the person addressed ("…, he told *reporters*") nor a pronoun standing for
    the words around ("…, he said *it*")."""
    if cue.lemma_.lower() in lexicon.addressee_verbs:
        return False
    return any(c.dep_ == "dobj" and c.lower_ not in PRONOUN_OBJECTS for c in cue.children)


def _lead_start(sent: Span, lexicon: QuoteLexicon) -> int:
    """Where the words of a closing cue ("…, she said.") begin: at the start of its paragraph when it ends the
    paragraph and the sentences before it carry no cue or quotation marks of their own."""
    doc = sent.doc
    if sent.end < len(doc) and "\n" not in doc[sent.end - 1].text + doc[sent.end].text:
        return sent.start
    start, steps = sent.start, 0
    while start > 0 and "\n" not in doc[start - 1].text + doc[start - 1].whitespace_ and steps < LEAD_SENTENCES:
        previous = doc[start - 1].sent
        if any(cue_class(t, lexicon) or t.text in QUOTE_MARKS for t in previous):
            break
        start, steps = previous.start, steps + 1
    return start


def _complements(cue: Token, kind: str, lexicon: QuoteLexicon, named: bool, noun_objects: bool = False) -> list[Token]:
    """The dependents after a cue that hold what it reports: a reported *clause* ("said (that) …", "told him
    that …", "accused him of bullying …"), never a noun phrase ("cited frustration", "described the plan") or
    a bare "to" clause ("urged them to return"), which report no speech of their own (ANNOTATION.md)."""
    if noun_objects:
        return _object_complements(cue, kind, lexicon, named)
    lemma = cue.lemma_.lower()
    out: list[Token] = []
    for child in cue.rights:
        if out and child.dep_ in FOLLOWERS:
            out.append(child)  # "said that …, according to …"
        elif child.dep_ == "ccomp" and reported_clause(child):
            out.append(child)
        elif kind != "clause" and _that_clause(child):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in lexicon.cue_preps.get(lemma, ()):
            out.extend(c for c in child.children if c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX"))
        elif out and child.dep_ in ("punct", "cc", "conj", "advcl"):
            break
    if kind in ("speech", "clause") and not out:
        return _clause_on_object(cue)
    return out


def reported_clause(head: Token) -> bool:
    """Whether a complement is a clause of its own: a subject or a "that", and not an embedded question
    ("declined to say whether …")."""
    marks = {c.lower_ for c in head.children if c.dep_ == "mark"}
    if marks & QUESTION_MARKS or (head.left_edge.tag_ == "WRB" and _discerning(head.head)):
        return False  # also "it's hard to tell *where* the caravan ends" (not "he explained *how* …")
    if "that" not in marks and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False  # "admitting caravan members *to ask* for asylum": whom it lets do what, not a clause
    return "that" in marks or any(c.dep_ in CLAUSE_SUBJECTS for c in head.children)


def _object_complements(cue: Token, kind: str, lexicon: QuoteLexicon, named: bool) -> list[Token]:
    """The PolNeAR convention (``quote_noun_objects``): a clause, a "to" clause or an object
    (not the person addressed: "told him that …"), or the object of a topic preposition ("called for …")."""
    lemma = cue.lemma_.lower()
    addressee = lemma in lexicon.addressee_verbs
    rights = list(cue.rights)
    has_more = {c.i: any(r.dep_ in ("xcomp", "oprd", "ccomp") for r in rights if r.i > c.i) for c in rights}
    has_xcomp = {c.i: any(r.dep_ == "xcomp" for r in rights if r.i > c.i) for c in rights}
    out: list[Token] = []
    for child in rights:
        if kind == "clause":
            if child.dep_ == "ccomp" or _that_clause(child):
                out.append(child)  # "polls show that …", never "images show women"
        elif out and child.dep_ in OBJECT_FOLLOWERS:
            out.append(child)  # "likened the refugees to …", "criticized Obama for …"
        elif child.dep_ in ("ccomp", "oprd") or (child.dep_ == "xcomp" and named) or _that_clause(child):
            out.append(child)
        elif (
            child.dep_ == "dobj"
            and (not addressee or has_xcomp[child.i])
            and (child.lower_ not in PRONOUN_OBJECTS or has_more[child.i])
        ):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in lexicon.cue_preps.get(lemma, ()):
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif out and child.dep_ in ("punct", "cc", "conj", "advcl"):
            break
    if kind in ("speech", "clause") and not out:
        return _clause_on_object(cue)
    clausal = any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in out)
    if out and lemma in lexicon.seeking_verbs and _sought(out[0], lexicon) and not clausal:
        return []  # "sought asylum in the US", "asked for shelter at the church"
    return out


def _sought(tok: Token, lexicon: QuoteLexicon) -> bool:
    """A noun object of a seeking cue that names what is applied for ("sought asylum", "claimed refugee
    status")."""
    return tok.dep_ in ("dobj", "pobj") and tok.lemma_.lower() in lexicon.sought_things


def _that_clause(tok: Token) -> bool:
    """A clause opened by "that", whatever the parser called it ("tweeted in the morning that …")."""
    return tok.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _clause_on_object(cue: Token) -> list[Token]:
    """A "that" clause the parser hung on a noun after the cue ("said in a statement that …")."""
    for child in cue.rights:
        for noun in (c for c in child.children if c.dep_ == "pobj") if child.dep_ == "prep" else ():
            for clause in noun.rights:
                if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
                ):
                    return [clause]
    return []


def _outside_clause(cue: Token) -> list[tuple[int, int]]:
    """The sentence around a cue clause ("As X noted, A" -> A)."""
    sent = cue.sent
    lo, hi = cue.left_edge.i, cue.right_edge.i
    pieces = [_char_piece(sent, sent.start, lo - 1), _char_piece(sent, hi + 1, sent.end - 1)]
    return [p for p in pieces if p]


def _chunk(cue: Token) -> tuple[int, int]:
    """Token range of the cue clause itself ("the source added", "he said in an interview on Monday")."""
    lo = hi = cue.i
    for child in cue.children:
        if child.dep_ in NOT_CHUNK:
            continue
        lo, hi = min(lo, child.left_edge.i), max(hi, child.right_edge.i)
    return lo, hi


def _comma_chunk(cue: Token) -> tuple[int, int]:
    """Token range around a cue up to the nearest commas (or dashes) on either side, within its sentence."""
    doc, sent = cue.doc, cue.sent
    lo = cue.i
    while lo > sent.start and doc[lo - 1].text not in CLAUSE_BREAKS:
        lo -= 1
    hi = cue.i
    while hi + 1 < sent.end and doc[hi + 1].text not in CLAUSE_BREAKS and not doc[hi + 1].is_punct:
        hi += 1
    return lo, hi


def _plain_chunk(cue: Token, lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi] are only a cue with its subject and circumstances: no other verb, no
    conjunction or relative word ("…, where officials promised …" is not a cue clause)."""
    for tok in cue.doc[lo : hi + 1]:
        if tok.i != cue.i and (tok.pos_ in ("VERB", "CCONJ", "SCONJ") or tok.tag_ in ("WDT", "WP", "WRB")):
            return False
    return any(c.dep_ == "nsubj" and lo <= c.i <= hi for c in cue.children) or subject_of(cue) is not None


def _set_off(cue: Token, lo: int, hi: int) -> bool:
    """Whether the cue clause stands between commas, or after a comma at the sentence end ("…, he said.")."""
    doc, sent = cue.doc, cue.sent
    if lo <= sent.start:
        return False
    subject = subject_of(cue)
    if subject is None or subject.i < lo or subject.i > hi:
        return False
    before = doc[lo - 1].text in CLAUSE_BREAKS
    after = hi + 1 >= sent.end or doc[hi + 1].text in CLAUSE_BREAKS | {".", "!", "?", ":"} or doc[hi + 1].is_space
    return before and after


def _char_piece(sent: Span, first: int, last: int) -> tuple[int, int] | None:
    """Characters of tokens [first, last] within the sentence, trimmed of edge punctuation and quote marks."""
    doc = sent.doc
    first, last = max(first, sent.start), min(last, sent.end - 1)
    while first <= last and (doc[first].is_punct or doc[first].is_space) and doc[first].text not in '“"«‘':
        first += 1
    while last >= first and (
        ((doc[last].is_punct or doc[last].is_space) and doc[last].text not in '”"»’.?!') or doc[last].dep_ == "cc"
    ):
        last -= 1  # and a conjunction left at the end ("..., *but* later said ...")
    if last < first:
        return None
    start, end = trim(doc.text, doc[first].idx, _word_end(doc.text, doc[last].idx + len(doc[last].text)))
    return (start, end) if end > start else None


def _word_end(text: str, end: int) -> int:
    """Move an end offset past the rest of a hyphenated word the tokenizer split ("re" + "-opened")."""
    while end + 1 < len(text) and text[end] in "-‐" and text[end + 1].isalnum():
        end += 1
        while end < len(text) and text[end].isalnum():
            end += 1
    return end


def find_according(doc: Doc, book: NameBook, lexicon: QuoteLexicon) -> list[Found]:
    """ "According to X, …" and "…, according to X": the rest of the sentence is what X reported."""
    starts = [s for s, _ in paragraphs(doc.text)]
    phrases = [p.split() for p in lexicon.prepositional.get("en", ())]
    first_words = {w[0] for w in phrases if w}
    lower = token_lowers(doc)
    found: list[Found] = []
    for i, word in enumerate(lower):
        if word not in first_words:
            continue
        words = next((w for w in phrases if lower[i : i + len(w)] == w), None)
        if words is None or i + len(words) >= len(doc):
            continue
        tok = doc[i]
        source = next((c for c in doc[tok.i + len(words) - 1].children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        owner = document_owner(source, lexicon)
        speaker = find_speaker(owner or source, book, tok.idx)
        channel = lexicon.documents.get(source.lemma_.lower()) if owner is not None else None
        for piece in _around_phrase(tok.sent, tok.i, _phrase_end(source), source.right_edge.i):
            if piece and piece[1] - piece[0] >= MIN_INDIRECT_CHARS:
                quote = Quote(
                    start=piece[0],
                    end=piece[1],
                    kind="indirect",
                    speaker=speaker.name,
                    speaker_role=speaker.role,
                    channel=channel,
                )
                found.append(Found(quote, bisect.bisect_right(starts, piece[0]) - 1, attributed=True))
    return found


def _around_phrase(sent: Span, lo: int, hi: int, last: int) -> list[tuple[int, int] | None]:
    """What a source phrase ("according to X") attributes: the words before it when it closes the sentence,
    after it when it opens the sentence, both when it stands between commas. ``hi`` ends the source's name,
    ``last`` all that hangs on it ("according to a database tracking such deaths")."""
    doc = sent.doc
    opens = all(t.is_punct or t.is_space for t in doc[sent.start : lo])
    closes = all(t.is_punct or t.is_space for t in doc[max(hi, last) + 1 : sent.end])
    between = lo > sent.start and doc[lo - 1].text == "," and hi + 1 < sent.end and doc[hi + 1].text == ","
    pieces = []
    if closes or between:
        # "American law may restrict it: the Act is viewed as prohibiting ..., according to X": what follows the colon
        colon = max((t.i for t in doc[sent.start : lo] if t.text in (":", ";")), default=None)
        pieces.append(_char_piece(sent, colon + 1 if colon is not None else sent.start, lo - 1))
    if opens or between:
        pieces.append(_char_piece(sent, hi + 1, sent.end - 1))
    return pieces


def _phrase_end(head: Token) -> int:
    """Last token of a noun phrase without what the parser hung on it after a comma (a clause, an apposition)."""
    end = head.i
    for child in head.rights:
        if child.dep_ in ("appos", "relcl", "acl", "punct", "conj", "cc"):
            break
        end = max(end, child.right_edge.i)
    return end


def find_noun_cues(
    doc: Doc, marked: list[Marked], book: NameBook, lexicon: QuoteLexicon, noun_objects: bool = False
) -> list[Found]:
    """Reporting nouns: "Trump's claim that …" (with ``noun_objects``, PolNeAR's convention, also "her
    decision to …", "his criticism of …")."""
    starts = [s for s, _ in paragraphs(doc.text)]
    found: list[Found] = []
    table = token_table(doc)
    for i, lem in enumerate(table.lemmas):
        preps = lexicon.cue_nouns.get(lem.lower())
        if table.pos[i] != "NOUN" or preps is None or _marked_at(marked, table.starts[i]) is not None:
            continue
        tok = doc[i]
        content = _noun_content(tok, preps if noun_objects else (), noun_objects)
        holder = _noun_holder(tok, lexicon)
        if not content or not _named_or_pronoun(holder):
            continue
        first = min(c.left_edge.i for c in content)
        if doc[first].dep_ == "mark" and doc[first].lower_ == "that":
            first += 1  # the content, not its conjunction ("his claim *that* …")
        piece = _char_piece(tok.sent, first, max(c.right_edge.i for c in content))
        if holder is None or not piece or piece[1] - piece[0] < MIN_INDIRECT_CHARS:
            continue
        if not _mostly_quoted(*piece, marked, None):
            speaker = find_speaker(holder, book, tok.idx)
            quote = Quote(
                start=piece[0], end=piece[1], kind="indirect", speaker=speaker.name, speaker_role=speaker.role
            )
            found.append(Found(quote, bisect.bisect_right(starts, piece[0]) - 1, attributed=True))
    return found


def _noun_content(noun: Token, preps: tuple[str, ...], to_clauses: bool = False) -> list[Token]:
    """A "that" clause on a reporting noun (or a "to" clause, with ``to_clauses``), else the object of one of
    its topic prepositions."""
    openers = ("to", "that") if to_clauses else ("that",)
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and any(
            c.dep_ in ("aux", "mark") and c.lower_ in openers for c in child.children
        ):
            return [child]
        if child.dep_ == "prep" and child.lower_ in preps:
            return [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.dep_ == "mark" and after.lower_ == "that" and after.head.head.i == noun.head.i:
        return [after.head]  # "bolster his *warnings that* the U.S. is ...": the parser hung the clause on the verb
    return []


def _noun_holder(noun: Token, lexicon: QuoteLexicon) -> Token | None:
    """Whose claim it is: the noun's possessor, else the subject of the reporting or light verb it is the
    object of ("made the claim that …"; not "celebrated an agreement to …")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ in ("dobj", "pobj", "attr") and (lemma in lexicon.light_verbs or lemma in lexicon.cues["en"]):
        return subject_of(verb)
    return None


def find_headline(doc: Doc, book: NameBook) -> list[Found]:
    """A title of the form "Name: words" ("Sanders: Clinton needs to …") gives the words to the name."""
    paras = paragraphs(doc.text)
    if not paras:
        return []
    start, end = paras[0]
    colon = doc.text.find(": ", start, end)
    if colon < 0:
        return []
    prefix = doc.char_span(start, colon, alignment_mode="expand")
    if prefix is None or not 0 < len(prefix) <= HEADLINE_NAME_TOKENS:
        return []
    if not all(t.pos_ == "PROPN" or t.ent_type_ in NAMED_ENTITIES or t.is_punct for t in prefix):
        return []
    s, e = trim(doc.text, colon + 1, end)
    while e > s and doc.text[e - 1] == ".":
        e -= 1
    name = book.expand(clean_name(prefix.text), start)
    return [Found(Quote(start=s, end=e, kind="indirect", speaker=name), 0, attributed=True)] if e > s else []
