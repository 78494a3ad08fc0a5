"""Who said it: speaker names (expanded to the fullest form the article gives), roles, channels and pronouns."""

from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from caravan.nlp.extensions import entities, in_boilerplate, token_table
from caravan.nlp.quotes.data import QuoteLexicon, is_outlet, load_lexicon
from caravan.nlp.quotes.parts import cue_class, cue_class_of

log = logging.getLogger(__name__)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})  # "his claim that …": whose claim
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
# titles of courtesy that are part of how a name is written, not a role
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
# pronouns that stand for an organisation or an outlet ("it added", "they said")
THING_PRONOUNS = frozenset({"it", "its"})
# common nouns that name a body which may speak again as "it" ("the organization said … It added")
BODY_NOUNS = frozenset(
    {
        "organization",
        "organisation",
        "group",
        "agency",
        "ministry",
        "department",
        "government",
        "institute",
        "committee",
        "company",
        "office",
        "party",
        "campaign",
        "administration",
        "commission",
        "council",
        "court",
        "union",
        "association",
        "embassy",
        "army",
        "police",
    }
)
# last words of a body's name: BODY_NOUNS (which also resolve "the agency") and more ("Border Patrol")
BODY_HEADS = BODY_NOUNS | {"patrol", "service", "guard", "bureau", "center", "centre", "network", "coalition", "house"}
RELATIVES = frozenset({"who", "which", "that"})
# the label NameBook gives a name the article describes as a body ("X, which organized the march")
BODY_LABEL = "BODY"
ACRONYM_LETTERS = 6  # longest acronym looked up in the article's names ("UNHCR", "USCIS")
ACRONYM_SKIPPED = ("the", "of", "and", "for", "on", "de", "del", "la", "el", "y", "&")  # small words, no letter
# capitalised words, with the small words of a name between them: "Immigration and Customs Enforcement"
CAPITALISED_RUN = re.compile(
    rf"[A-Z][\w'’.-]*(?:\s+(?:(?:{'|'.join(map(re.escape, ACRONYM_SKIPPED))})\s+)*[A-Z][\w'’.-]*)*"
)
WORD = re.compile(r"\S+")
# negative and quantifier pronouns, never a speaker ("no one", "nobody", "everyone")
NOBODY_PRONOUNS = frozenset(
    {
        "nobody",
        "none",
        "noone",
        "no-one",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "nothing",
        "everything",
        "something",
    }
)
# determiners that turn "one" into such a pronoun ("no one", "every one")
NOBODY_DETERMINERS = frozenset({"no", "every", "some", "any"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "PER", "MISC"})
DETERMINERS = frozenset({"the", "a", "an"})
SUBJECTS = ("nsubj", "nsubjpass")
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# dependency steps allowed between a title word and the name it introduces ("Ambassador to Guatemala X")
TITLE_PATH = frozenset({"appos", "compound", "pobj", "prep", "flat", "nmod"})
# a role longer than this is a clause, not a title ("X, who has backed Y since …")
MAX_ROLE_WORDS = 12
# characters that never stand in a role (a handle, a quoted title)
NOT_IN_ROLES = frozenset('@"“”«»')
# links of a participle cue to the verb whose objects may name its channel ("released statements saying …")
PARTICIPLE_LINKS = frozenset({"advcl", "xcomp"})
# how far back (in characters) a pronoun looks for its person
PRONOUN_WINDOW = 1500


@dataclass
class Speaker:
    """A resolved speaker: the name as the record writes it, the role, and what kind of source it is."""

    name: str | None
    role: str | None = None
    person: bool = False
    outlet: bool = False


def normalise_speaker(name: str | None) -> str:
    """One key per speaker across articles: casefolded, accents, dots, a leading "the" and titles removed."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = text.replace(".", " ").replace("’s", "").replace("'s", "").split()
    honorifics = load_lexicon().honorifics
    while words and (words[0] == "the" or words[0] in honorifics):
        words = words[1:]
    while len(words) >= 2 and " ".join(words[:2]) in honorifics:
        words = words[2:]
    return " ".join(words)


def _name_words(name: str, lexicon: QuoteLexicon) -> list[str]:
    """Words of a name without a leading "the", honorifics and possessive endings, lower case."""
    words = [w.strip(".,").lower() for w in name.replace("’s", "").replace("'s", "").split()]
    while len(words) > 1 and (words[0] == "the" or words[0] in lexicon.honorifics):
        words = words[1:]
    return words


class NameBook:
    """The people and bodies an article names, in order, to expand surnames and resolve pronouns."""

    def __init__(self, doc: Doc, lexicon: QuoteLexicon, quoted: list[tuple[int, int]] | None = None) -> None:
        self.lexicon = lexicon
        self.doc = doc
        self.quoted = sorted(quoted or [])  # spans inside quotation marks: names there are not antecedents
        self.names: list[tuple[int, str, str]] = []  # (offset, name, label)
        self.roles: dict[str, str] = {}
        self.subjects: list[tuple[int, str]] = []  # people named as a clause subject
        self.body_subjects: list[tuple[int, str]] = []  # organisations named as a main-clause subject
        self.speakers: list[tuple[int, str, bool]] = []  # (offset, name, is a person) of attributed quotes
        self.channel_cues: list[tuple[int, str, str]] = []  # (offset, speaker, channel) of every cue naming one
        self._name_words: dict[str, tuple[str, ...]] = {}
        self._spelled: dict[str, str | None] = {}  # acronym -> the words the article spells it out with
        self.text = doc.text
        places = {e.text for e in entities(doc) if e.label_ in PLACE_LABELS}
        organisations: list[Span] = []
        for found in entities(doc):
            if found.label_ not in ("PERSON", "ORG", "PER"):
                continue
            if in_boilerplate(doc, found.start_char, found.end_char):
                continue  # "Add Donald Trump as an interest": a widget's words name nobody's full name
            for ent in _name_parts(Span(doc, found.start, found.end, label=found.label_)):
                if ent.label_ == "ORG":
                    organisations.append(ent)
                span = name_span(ent, places)
                label = BODY_LABEL if _described_as_body(ent.root) else ent.label_
                self.names.append((span.start_char, clean_name(span.text), label))
                if ent.label_ in ("PERSON", "PER") and label != BODY_LABEL:
                    self.note_role(clean_name(span.text), _role_before(ent.root, span) or _apposition(ent.root))
                    if ent.root.dep_ in SUBJECTS and not self.in_quote(span.start_char) and not self.reported(ent.root):
                        self.subjects.append((span.start_char, clean_name(span.text)))
        self.places = places
        self._note_untagged_speakers(doc)
        self._note_mistagged_people(organisations)

    def reported(self, subject: Token) -> bool:
        """Whether a subject is inside what someone reports ("Mulvaney claimed that *Pelosi* is preventing it"):
        not who goes on speaking in "He alleged …" (the reporter is)."""
        return any(word.dep_ == "ccomp" and cue_class(word.head, self.lexicon) for word in subject.ancestors)

    def _note_mistagged_people(self, organisations: list[Span]) -> None:
        """Subjects the tagger called an organisation whose words end a person's name elsewhere in the article
        ("Trump has used the caravan ..." after "President Donald Trump"): referents for "he"/"she" too, as the
        subject of a main clause ("... would not confirm whether Trump will speak. “…,” she said" is not his)."""
        for ent in organisations:  # every name can be a person's only once all are read
            verb = ent.root.head
            main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
            if ent.root.dep_ not in SUBJECTS or not main or self.in_quote(ent.start_char):
                continue
            person = self.person_named(clean_name(ent.text))
            if person is not None:
                self.subjects.append((ent.start_char, person))
            else:
                self.body_subjects.append((ent.start_char, clean_name(ent.text)))
        self.subjects.sort()

    def next_body(self, at: int) -> str | None:
        """The first organisation named after ``at`` (within the pronoun window) that the article describes as a
        body ("X, which …") or makes a main-clause subject: who a description in the lead stands for before
        the article names it ("The organization behind the caravan accused … ¶ Pueblo Sin Fronteras, which …")."""
        later = [(o, n) for o, n, label in self.names if label == BODY_LABEL and at < o <= at + PRONOUN_WINDOW]
        later += [(o, n) for o, n in self.body_subjects if at < o <= at + PRONOUN_WINDOW]
        later = [(o, n) for o, n in later if not is_outlet(n, self.lexicon)]
        return min(later)[1] if later else None

    def described(self, name: str) -> bool:
        """Whether the article describes a name as a body ("X, which organized the march, …")."""
        return any(n == name and label == BODY_LABEL for _, n, label in self.names)

    def any_body_before(self, at: int) -> bool:
        """Whether the article names an organisation before ``at``."""
        return any(label in ("ORG", BODY_LABEL) and o < at for o, _, label in self.names)

    def _note_untagged_speakers(self, doc: Doc) -> None:
        """People the tagger left untagged but the text has speak ("O'Shaughnessy said"): subjects too, so "he
        said" before that cue is read resolves to them, not to an earlier name (direct quotes are read first)."""
        table = token_table(doc)
        for i, (tag, pos, lemma) in enumerate(zip(table.tags, table.pos, table.lemmas, strict=True)):
            if cue_class_of(tag, pos, lemma, self.lexicon) != "speech":
                continue
            for subject in doc[i].children:
                if subject.dep_ != "nsubj" or subject.pos_ != "PROPN" or subject.ent_type_:
                    continue
                name = _name_phrase(subject)
                if not self.in_quote(subject.idx) and may_be_person(name, self.lexicon):
                    self.subjects.append((subject.left_edge.idx, name))
        self.subjects.sort()

    def expand(self, name: str, at: int) -> str:
        """The fullest earlier name that ends with this one ("Cordero" -> "Olga Sanchez Cordero")."""
        words = self._words(name)
        if not words:
            return name
        best: str | None = None
        known = sorted(self.names + [(o, n, "SPEAKER") for o, n, _ in self.speakers])
        for offset, full, _ in known:
            if offset > at and best is not None:
                break
            full_words = self._words(full)
            ends_alike = len(full_words) > len(words) and full_words[-len(words) :] == words
            if ends_alike and (best is None or offset <= at):
                best = full
        return best or name

    def spelled_out(self, name: str) -> str:
        """The name an acronym stands for, where the article spells it out ("ICE" -> "Immigration and Customs
        Enforcement", "the AP" -> "Associated Press"); the longest such name; the acronym itself otherwise."""
        letters = name.replace(".", "")
        if not (2 <= len(letters) <= ACRONYM_LETTERS and letters.isalpha() and letters.isupper()):
            return name
        if letters not in self._spelled:
            self._spelled[letters] = spelling(self.text, letters)
        return self._spelled[letters] or name

    def _words(self, name: str) -> tuple[str, ...]:
        """``_name_words`` of a name, once per name: ``expand`` reads every known name on each call."""
        found = self._name_words.get(name)
        if found is None:
            found = self._name_words[name] = tuple(_name_words(name, self.lexicon))
        return found

    def in_quote(self, offset: int) -> bool:
        """Whether an offset lies inside quotation marks."""
        return any(a <= offset < b for a, b in self.quoted)

    def note_post(self, at: int, name: str) -> None:
        """An embedded post signed by a person: its signer is who "he"/"she" next refers to."""
        self.subjects.append((at, name))
        self.subjects.sort()
        self.speakers.append((at, name, True))

    def is_person(self, name: str) -> bool:
        """Whether a name is one the article gives a person (an entity or an earlier person speaker)."""
        return any(n == name for _, n, label in self.names if label in ("PERSON", "PER")) or any(
            n == name for _, n, person in self.speakers if person
        )

    def person_named(self, name: str) -> str | None:
        """The fullest name the article gives a person that ends with the words of ``name``, whatever their case
        ("WALLACE" -> "Chris Wallace"); None if no person's name does."""
        words = self._words(name)
        fits = [
            n
            for _, n, label in self.names
            if label in ("PERSON", "PER") and words and self._words(n)[-len(words) :] == words
        ]
        return max(fits, key=len, default=None)

    def note_speaker(self, at: int, speaker: Speaker) -> None:
        """Remember who spoke where, for the pronouns that follow ("he said", "it added"); not what a widget's
        words seem to say ("Add Donald Trump as an interest ... analysis from ABC News")."""
        if speaker.name and not in_boilerplate(self.doc, at, at + 1):
            self.speakers.append((at, speaker.name, speaker.person))

    def last_speaker(self, at: int, person: bool) -> str | None:
        """The most recent speaker of the kind (person or body) before ``at``, within the pronoun window."""
        earlier = sorted((o, n) for o, n, p in self.speakers if p == person and at - PRONOUN_WINDOW <= o < at)
        return earlier[-1][1] if earlier else None

    def last_body(self, at: int, noun: str) -> str | None:
        """The organisation named or speaking last before ``at`` within the pronoun window, one whose name
        holds ``noun`` ("the ministry" -> "Interior Ministry") first."""
        described = sorted((o, n) for o, n, label in self.names if label == BODY_LABEL and o < at)
        named = sorted((o, n) for o, n, label in self.names if label == "ORG" and at - PRONOUN_WINDOW <= o < at)
        spoke = sorted(
            (o, n)
            for o, n, person in self.speakers
            if not person and n[:1].isupper() and not n.lower().startswith("the ") and at - PRONOUN_WINDOW <= o < at
        )
        # the latest whose name holds the noun ("the department" -> "Justice Department"), else the latest of the
        # first pool that has one: one the article links ("X, which …"), one that spoke, one named
        holding = sorted((o, n) for pool in (described, spoke, named) for o, n in pool if noun in n.lower().split())
        if holding:
            return holding[-1][1]
        return next((pool[-1][1] for pool in (described, spoke, named) if pool), None)

    def last_titled(self, at: int, title: str) -> str | None:
        """The person named last before ``at`` whose role holds ``title`` ("Homeland Security Secretary")."""
        people = [(o, n) for o, n, label in self.names if label in ("PERSON", "PER") and o < at]
        people += [(o, n) for o, n, person in self.speakers if person and o < at]
        for _, name in sorted(people, reverse=True):
            full = self.expand(name, at)
            role = self.role_of(full) or self.role_of(name) or ""
            if title in role.lower().replace("-", " ").split():
                return full
        return None

    def note_role(self, name: str, role: str | None) -> None:
        if role and name not in self.roles:
            self.roles[name] = role

    def role_of(self, name: str) -> str | None:
        return self.roles.get(name)

    def last_referent(self, at: int) -> str | None:
        """Who "he"/"she" at ``at`` is: the last person who spoke or was named as a subject, whichever is
        later ("X, a migrant, was surprised. “…,” she said." -> X, not an earlier speaker)."""
        spoke = [(o, n) for o, n, person in self.speakers if person and at - PRONOUN_WINDOW <= o < at]
        named = [(o, n) for o, n in self.subjects if at - PRONOUN_WINDOW <= o < at and not self.in_quote(o)]
        latest = max(spoke + named, default=None)
        if latest is None:
            return self.last_person(at)
        return latest[1] if latest in spoke else self.expand(latest[1], latest[0])

    def last_person(self, at: int) -> str | None:
        """The person most recently named as a subject before ``at`` (else any person named), expanded."""
        for pool in (self.subjects, [(o, n) for o, n, label in self.names if label in ("PERSON", "PER")]):
            earlier = [(o, n) for o, n in pool if at - PRONOUN_WINDOW <= o < at and not self.in_quote(o)]
            if earlier:
                offset, name = earlier[-1]
                return self.expand(name, offset)
        return None


def may_be_person(name: str, lexicon: QuoteLexicon) -> bool:
    """Whether an untagged proper name could be a person's: not an outlet, an acronym, a body ("Border Patrol",
    "the Justice Department") or a title alone ("Judge")."""
    words = [w.strip(".,").lower() for w in name.split()]
    if not words or is_outlet(name, lexicon) or name.replace(".", "").isupper():
        return False
    return words[-1] not in BODY_HEADS and not all(w in lexicon.honorifics for w in words)


def _described_as_body(root: Token) -> bool:
    """Whether the article makes a name a body: "X, which organized the march, …" (not "who")."""
    return any(
        c.dep_ == "relcl" and any(g.dep_ in SUBJECTS and g.lower_ == "which" for g in c.children) for c in root.children
    )


def spelling(text: str, letters: str) -> str | None:
    """The run of capitalised words in a text whose initials are the letters of an acronym, with the small words
    of a name between them ("Immigration *and* Customs Enforcement"): the most frequent, then the longest; None
    if there is none."""
    found: Counter[str] = Counter()
    for run in CAPITALISED_RUN.finditer(text):
        words = [w for w in WORD.finditer(run.group()) if w.group().casefold() not in ACRONYM_SKIPPED]
        for i in range(len(words) - len(letters) + 1):
            chosen = words[i : i + len(letters)]
            if "".join(w.group()[0] for w in chosen) == letters:
                found[clean_name(run.group()[chosen[0].start() : chosen[-1].end()])] += 1
    return max(found, key=lambda name: (found[name], len(name)), default=None)


def clean_name(text: str) -> str:
    """A name without a trailing possessive, punctuation or dashes at its edges, and with spaces collapsed."""
    text = " ".join(text.split())
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip(' ,.;:“”"‘’―—–-')


# quotation marks as tokens: where a quotation opens and where it closes
OPENING_MARKS = frozenset({"“", '"', "«"})
CLOSING_MARKS = frozenset({"”", '"', "»"})


# verbs that bring someone to say or think something: their object is the one who does ("led people to assume")
CAUSING_VERBS = frozenset(
    {"lead", "cause", "prompt", "force", "drive", "push", "get", "make", "convince", "persuade", "compel", "inspire"}
)


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, looking through coordination and participles ("said X, adding ...")."""
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
        if subjects:  # a misparse may give two ("A crossed on Tuesday, police said"): the nearest speaks
            return min(subjects, key=lambda c: abs(c.i - current.i))
        if current.dep_ == "conj" and _closes_quote_between(current.head, current):
            return _subject_before_quote(current.head)  # "He tweeted: “Democrats … border” and *said* …"
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in CAUSING_VERBS:
            controller = next((c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i), None)
            if controller is not None:
                return controller  # "the size has led *a lot of people* to assume that …"
        if current.dep_ in ("conj", "advcl", "xcomp", "pcomp") and current.head is not current:
            current = current.head
            if current.dep_ == "prep" and current.head is not current:  # "stopped short of calling …"
                current = current.head
        else:
            break
    return _inverted_subject(verb)


def _closes_quote_between(head: Token, verb: Token) -> bool:
    """Whether the head the parser coordinated a verb with is a word of a quotation that closes before the verb
    ("He tweeted: “Democrats *make* it tough” and *said* ..."): then so is the head's subject."""
    doc = head.doc
    if head.i >= verb.i or not any(t.text in CLOSING_MARKS for t in doc[head.i + 1 : verb.i]):
        return False
    before = [t.text for t in doc[head.sent.start : head.i] if t.text in OPENING_MARKS | CLOSING_MARKS]
    if not before:
        return False
    if before[-1] == '"':  # a straight mark opens or closes: inside after an odd number of them
        return before.count('"') % 2 == 1
    return before[-1] in OPENING_MARKS


def _subject_before_quote(inside: Token) -> Token | None:
    """The subject of the verb that introduces the quotation a word lies in ("He tweeted: “…”")."""
    doc = inside.doc
    opening = next((i for i in range(inside.i, inside.sent.start - 1, -1) if doc[i].text in OPENING_MARKS), None)
    if opening is None or opening == inside.sent.start:
        return None
    word = doc[opening - 1]
    for _ in range(3):
        subjects = [c for c in word.children if c.dep_ in SUBJECTS and c.i < opening]
        if subjects:
            return subjects[0]
        if word.head is word:
            break
        word = word.head
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """A proper noun next to the verb that the parser did not take for the subject ("said Caddell"), or a name the
    parser hung on the verb as an interjection ("*Trump*, meanwhile, in a series of tweets asserted ...")."""
    for child in verb.children:
        opens = child.i == child.sent.start and child.i + 1 < len(child.doc) and child.nbor(1).text == ","
        if opens and child.i < verb.i and child.dep_ in ("intj", "dep") and child.is_title and _names_someone(child):
            return child
    prev = verb.nbor(-1) if verb.i > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and verb.dep_ in ("ROOT", "parataxis"):
        return prev
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    after_quote = verb.i > 0 and verb.nbor(-1).is_punct
    if after_quote and nxt is not None and nxt.pos_ == "PROPN" and nxt.dep_ != "dative":
        while nxt.head.i > nxt.i and nxt.dep_ == "compound":
            nxt = nxt.head
        return nxt
    return None


def _names_someone(word: Token) -> bool:
    """Whether a word is a name: tagged as one, or a word of a person's name the article tags elsewhere."""
    if word.ent_type_ in NAME_LABELS:
        return True
    return any(e.label_ in ("PERSON", "PER") and word.text in e.text.split() for e in entities(word.doc))


def is_nobody(subject: Token) -> bool:
    """Whether a subject is a negative or quantifier pronoun ("no one", "nobody", "everyone")."""
    if subject.lower_ in NOBODY_PRONOUNS:
        return True
    return subject.lower_ == "one" and any(c.dep_ == "det" and c.lower_ in NOBODY_DETERMINERS for c in subject.children)


def document_owner(source: Token, lexicon: QuoteLexicon) -> Token | None:
    """Whose document a source noun is ("a BuzzFeed News *report*", "the ministry's *statement*", "a *study* by
    the Migration Policy Institute", "the *estimates* of Associated Press reporters"): its possessor, its last
    proper-name modifier, the object of "by"/"from", or a named object of "of"; None for any other source."""
    named = source.lemma_.lower() in lexicon.source_documents or source.lower_ in lexicon.source_documents  # "datum"
    if not named or source.text[:1].isupper():
        return None  # "the Open Doors Report": a title, the source itself
    children = [c for c in source.children if c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")]
    owner = next((c for c in children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    owner = owner or _name_on(children)
    if owner is None:
        owner = _object_of(children, ("by", "from"))
    if owner is None:
        of_whom = _object_of(children, ("of",))
        if of_whom is not None and of_whom.pos_ == "PROPN":
            owner = of_whom  # "the assessment of the Drug Enforcement Administration"; not "a report of abuse"
        elif of_whom is not None:
            owner = _name_on(list(of_whom.children))  # "the estimates of *Associated Press* reporters"
    return owner


def _name_on(children: list[Token]) -> Token | None:
    """The last proper-name modifier among a noun's children ("a Human Rights *Watch* report")."""
    return next((c for c in reversed(children) if c.dep_ == "compound" and c.pos_ == "PROPN"), None)


def _object_of(children: list[Token], preps: tuple[str, ...]) -> Token | None:
    """The object of the first of a noun's prepositions that is one of ``preps``."""
    prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in preps), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def find_speaker(subject: Token, book: NameBook, at: int) -> Speaker:
    """Resolve the subject of a cue at offset ``at`` to a Speaker: name, role, person or outlet."""
    if subject.lower_ in RELATIVES and subject.head.dep_ == "relcl" and subject.head.head is not subject.head:
        subject = subject.head.head  # "Trump, who says …": the antecedent speaks
    if is_nobody(subject):
        return Speaker(None)
    owner = document_owner(subject, book.lexicon) if subject.pos_ == "NOUN" else None
    if owner is not None:
        subject = owner  # "a Human Rights Watch report alleges …": the report's author speaks
    if subject.pos_ == "PRON" or subject.lower_ in PERSON_PRONOUNS:
        return _pronoun_speaker(subject, book, at)
    ent = _person_entity(subject)
    described = resolve_description(subject, book, at) if ent is None else None
    if described is not None:
        return described
    speaker = _person_speaker(subject, ent, book) if ent is not None else _phrase_speaker(subject, book)
    name = speaker.name
    speaker.person = speaker.person or ((name[:1].isupper() and book.is_person(name)) if name else False)
    if (
        speaker.person
        or speaker.outlet
        or subject.pos_ == "PROPN"
        or subject.ent_type_ in ("ORG", "NORP")
        or subject.lower_ in BODY_NOUNS
    ):
        book.note_speaker(at, speaker)
    return speaker


def resolve_description(subject: Token, book: NameBook, at: int) -> Speaker | None:
    """A definite description of someone the article has named: "the agency" / "the organization" -> the body
    named last (one whose name holds the noun first), "the secretary" / "the president" -> the person named
    last with that title. None when the subject is no such description or nobody fits."""
    if subject.pos_ != "NOUN":
        return None
    noun = subject.lemma_.lower()
    bare = not any(c.dep_ in ("amod", "compound") for c in subject.children)  # "the Mexican government": a name
    if noun in BODY_NOUNS and bare and _leads(subject) and not book.any_body_before(at):
        name = book.next_body(at)  # "The organization behind the caravan accused …", named a paragraph later
        if name:
            return _noted(book, at, Speaker(name, None, outlet=is_outlet(name, book.lexicon)))
    if not _definite(subject):
        return None
    if noun in BODY_NOUNS and bare:
        name = book.last_body(at, noun)  # "the agency"
        if name is None:
            return None
        speaker = Speaker(name, None, outlet=is_outlet(name, book.lexicon))
        # "the organization said …. It added": "it" is the body a description names when its name holds the noun
        return _noted(book, at, speaker) if noun in name.lower().split() or book.described(name) else speaker
    if noun in book.lexicon.honorifics:
        name = book.last_titled(at, noun)
        return _noted(book, at, Speaker(name, book.role_of(name), person=True)) if name else None
    return None


def _noted(book: NameBook, at: int, speaker: Speaker) -> Speaker:
    book.note_speaker(at, speaker)
    return speaker


def _leads(subject: Token) -> bool:
    """ "The organization (behind the caravan)": a noun with "the" that a phrase may follow, but no clause."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) and not any(
        c.dep_ in ("acl", "relcl", "appos") for c in subject.children
    )


def _definite(subject: Token) -> bool:
    """ "the agency", "the US president": a definite noun with no phrase or clause after it that would
    make it someone else ("the president of Mexico", "the agency that …")."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children) and not any(
        c.dep_ in ("prep", "acl", "appos") for c in subject.children
    )


def _pronoun_speaker(subject: Token, book: NameBook, at: int) -> Speaker:
    """He/she: the last person who spoke (else the last named); it: the last body that spoke."""
    if subject.lower_ in PERSON_PRONOUNS:
        name = book.last_referent(at)
        return Speaker(name, book.role_of(name) if name else None, person=True)
    if subject.lower_ in THING_PRONOUNS:
        name = book.last_speaker(at, person=False)
        return Speaker(name, None, outlet=is_outlet(name, book.lexicon) if name else False)
    return Speaker(None)


def _person_speaker(subject: Token, ent: Span, book: NameBook) -> Speaker:
    """A person the tagger found: the fullest form of the name, the role from the title or apposition."""
    ent = name_span(ent, book.places)
    name = book.expand(clean_name(ent.text), ent.start_char)
    role = _role_before(subject, ent) or _apposition(ent.root) or book.role_of(name)
    book.note_role(name, role)
    return Speaker(name, role, person=True)


def _phrase_speaker(subject: Token, book: NameBook) -> Speaker:
    """Any other subject: a proper name (expanded, with its title as role) or the common noun phrase."""
    name = _name_phrase(subject)
    if subject.pos_ != "PROPN":
        return Speaker(name, None, outlet=is_outlet(name, book.lexicon))
    expanded = book.expand(name, subject.idx)
    offset = subject.doc.text.rfind(name, 0, subject.idx + len(subject.text))
    span = subject.doc.char_span(offset, offset + len(name), alignment_mode="expand") if offset >= 0 else None
    role = (_role_before(subject, span) if span is not None else None) or _apposition(subject)
    person = any(t.ent_type_ in ("PERSON", "PER") for t in span) if span is not None else False
    return Speaker(
        expanded,
        role or book.role_of(expanded),
        person=person or subject.ent_type_ in ("PERSON", "PER"),
        outlet=is_outlet(expanded, book.lexicon),
    )


def ents_over(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities that share a token with ``doc[start:end]``, in text order, as ``doc.ents`` gives them: found
    by bisection in the Doc's ``entities`` (``doc.ents`` builds every entity of the document on each access, which
    asked once per quote grows with the square of a long article)."""
    ents = entities(doc)
    first = bisect.bisect_right(ents, start, key=lambda e: e.end)  # the first that ends after ``start``
    spans: list[Span] = []
    for ent in ents[first:]:
        if ent.start >= end:
            break
        spans.append(Span(doc, ent.start, ent.end, label=ent.label_))
    return spans


def _person_entity(head: Token) -> Span | None:
    """The person the subject names: an entity on the head itself, or on an apposition/compound of it (both in
    the head's sentence: title paths and conjuncts follow the parse, which never leaves a sentence)."""
    sent = head.sent
    for ent in ents_over(head.doc, sent.start, sent.end):
        if ent.label_ not in ("PERSON", "PER"):
            continue
        if ent.start <= head.i < ent.end:
            return ent
        if ent.root.i > head.i and (_title_path(ent.root, head) or _titled_conj(ent, head)):
            return ent
    return None


def _titled_conj(ent: Span, head: Token) -> bool:
    """A person the parser coordinated with the body in their title ("Customs and Border Protection
    Commissioner Ana Ruiz"): a conjunct of the head whose name follows a title word."""
    titles = load_lexicon().honorifics
    return (
        ent.root.dep_ == "conj"
        and ent.root.head == head
        and ent.start > 0
        and ent.doc[ent.start - 1].lower_.rstrip(".") in titles
    )


def _title_path(tok: Token, head: Token) -> bool:
    """Whether tok hangs from head through title-like links only (not a possessive or a clause)."""
    for _ in range(4):
        if tok.dep_ not in TITLE_PATH or tok.head is tok:
            return False
        tok = tok.head
        if tok == head:
            return True
    return False


def _name_parts(ent: Span) -> list[Span]:
    """An entity the tagger ran over a verb is two names ("Al Otro Lado *representing* Rolando"): the capitalised
    runs on either side of each lower-case verb."""
    cuts = [t.i for t in ent if t.pos_ in ("VERB", "AUX") and t.is_lower]
    if not cuts:
        return [ent]
    bounds = [ent.start - 1, *cuts, ent.end]
    parts = [ent.doc[a + 1 : b] for a, b in pairwise(bounds)]
    return [Span(ent.doc, p.start, p.end, label=ent.label_) for p in parts if len(p) and p[0].text[:1].isupper()]


def name_span(ent: Span, places: set[str]) -> Span:
    """A name entity without a leading possessive owner or place the tagger merged in ("Guatemala Luis E. X")."""
    start = _after_possessive(ent)
    while start < ent.end - 2 and ent.doc[start].text in places:
        start += 1
    titles = load_lexicon().honorifics
    while start < ent.end - 1 and ent.doc[start].lower_.rstrip(".") in titles:
        start += 1  # "Spokeswoman Ana Ruiz": the title is the role
    if start == ent.start:
        start = min(start, _proper_start(ent[0]))  # a first name the tagger left out ("Ana" Rivas)
    return ent.doc[start : ent.end]


def _name_phrase(head: Token) -> str:
    """The subject's noun phrase: a proper name on the head (with the name words the tagger left out of its
    entity), else the head with its left modifiers and "of" phrase."""
    ent = next((e for e in ents_over(head.doc, head.i, head.i + 1) if e.label_ in NAME_LABELS), None)
    if ent is not None or head.pos_ == "PROPN":
        start = _proper_start(head)
        end = head.i + 1
        if ent is not None:
            start, end = min(start, _after_possessive(ent)), max(end, ent.end)
        end = max(end, _coordinated_end(head))
        return clean_name(head.doc[start:end].text)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
        break
    return clean_name(head.doc[head.left_edge.i : end].text)


def _coordinated_end(head: Token) -> int:
    """The end of a name coordinated with the head's ("US Customs and Border Protection", "Ana Ruiz and Luis
    Vega"), both written as one speaker; the head's own end where there is none."""
    conj = next((c for c in head.rights if c.dep_ == "conj"), None)
    joined = any(c.dep_ == "cc" and c.lower_ == "and" for c in head.rights)
    if (
        conj is None
        or not joined
        or conj.pos_ != "PROPN"
        or any(c.dep_ == "det" for c in conj.children)
        or (conj.ent_type_ and conj.ent_type_ != head.ent_type_)
    ):
        return head.i + 1  # "Customs and … Commissioner Ana Ruiz" is a misparse of one person, not two
    return conj.i + 1


def _proper_start(head: Token) -> int:
    """First token of the run of name words that ends at head ("Ana" Rivera), not over a title
    ("President") or a word of a place or group ("Guatemalan")."""
    titles = load_lexicon().honorifics
    start = head.i
    while start > 0:
        prev = head.doc[start - 1]
        if _hyphen_joined(head.doc, start):
            start -= 2  # "Martinez-De-Castro": a name the tokenizer split at its hyphens
            continue
        if (
            prev.pos_ != "PROPN"
            or prev.head.i < start
            or prev.lower_.rstrip(".") in titles
            or prev.ent_type_ in PLACE_LABELS
            or prev.ent_type_ == "ORG"
        ):
            break
        start -= 1
    return start


def _hyphen_joined(doc: Doc, start: int) -> bool:
    """Whether the word at ``start`` is glued by a hyphen to a capitalised word before it ("De-*Castro*")."""
    if start < 2:
        return False
    hyphen, before = doc[start - 1], doc[start - 2]
    return (
        hyphen.text in ("-", "‐", "‑")
        and not hyphen.whitespace_
        and not before.whitespace_
        and before.text[:1].isupper()
        and before.is_alpha
        and doc[start].text[:1].isupper()
    )


def _after_possessive(ent: Span) -> int:
    """Index of the first token after a possessive inside an entity ("Guatemala's National ...")."""
    for tok in ent:
        if tok.dep_ == "case" and tok.i < ent.end - 1:
            return tok.i + 1
    return ent.start


def _role_before(head: Token, ent: Span) -> str | None:
    """Title words before the name inside the subject ("Mexico Interior Minister" Olga Sanchez Cordero)."""
    start = head.left_edge.i
    if start >= ent.start:
        return None
    words = list(head.doc[start : ent.start])
    while words and (
        words[0].pos_ == "DET" or words[0].dep_ in ("poss", "case") or (len(words) > 1 and words[1].dep_ == "case")
    ):
        words = words[1:]  # "the", "some", and a possessive owner ("Guatemala's") are not titles
    while words and words[-1].lower_.rstrip(".") in COURTESY_TITLES:
        words = words[:-1]
    text = head.doc[words[0].i : words[-1].i + 1].text.strip(" ,") if words else ""
    return clean_role(text)


def clean_role(text: str | None) -> str | None:
    """A role as written, or None when what stands there is no role (a handle, a number, a whole sentence)."""
    text = " ".join((text or "").split()).strip(" ,()[]")
    if (
        not text
        or any(ch in NOT_IN_ROLES for ch in text)
        or not any(ch.isalpha() for ch in text)
        or len(text.split()) > MAX_ROLE_WORDS
    ):
        return None
    return text


def _apposition(root: Token) -> str | None:
    """The apposition after a name ("X, chief executive of ...") without its determiner or relative clause."""
    for child in root.rights:
        if child.dep_ == "appos" and _is_age(child):
            later = _apposition(child)  # "X, 24, a construction worker": an age is no role, what follows is
            if later:
                return later
            continue
        if child.dep_ == "appos":
            words = [t for t in child.subtree if t.i >= child.left_edge.i]
            cut = next((t.i for t in words if t.dep_ in ("relcl", "acl") and t.head.i <= child.i), None)
            words = [t for t in words if cut is None or t.i < child.doc[cut].left_edge.i]
            while words and words[0].lower_ in DETERMINERS:
                words = words[1:]
            text = child.doc[words[0].i : words[-1].i + 1].text.strip(" ,") if words else ""
            return clean_role(text)
    return None


def _is_age(tok: Token) -> bool:
    """An apposition that is only a number ("Javier, 24, …")."""
    return tok.like_num and not any(c.dep_ not in ("punct",) for c in tok.children)


# what a document word is to the verb when it is where something was said: the object of "in"/"at"/"during" or of
# the verb ("released a statement"), or one coordinated with such a word ("in a statement and a tweet")
DOCUMENT_DEPS = frozenset({"pobj", "dobj", "conj", "appos"})


def find_channel(verb: Token, skip: set[int], lexicon: QuoteLexicon) -> str | None:
    """Where the speaker said it: the verb itself (tweeted), an outlet told, a platform or a statement."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.channel_verbs:
        return lexicon.channel_verbs[lemma]
    found = _channel_among(verb, skip, lexicon)
    if found is None and verb.dep_ in PARTICIPLE_LINKS and verb.head is not verb:
        found = _channel_among(verb.head, skip | {verb.i}, lexicon)  # "released a statement saying …"
    return found or _authored_document(verb, lexicon)


def _authored_document(verb: Token, lexicon: QuoteLexicon) -> str | None:
    """The form of a document that is the cue's subject and has an author ("a Human Rights Watch *report*
    alleges": a report)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or document_owner(subject, lexicon) is None:
        return None
    return lexicon.documents.get(subject.lemma_.lower())


def _channel_among(verb: Token, skip: set[int], lexicon: QuoteLexicon) -> str | None:
    """A channel word among the dependents of a verb other than its subject and clauses; the outlet or platform a
    form of saying names before the form itself ("in an interview with *NBC*": NBC; "in a *letter*": letter)."""
    for child in verb.children:
        if child.i in skip or child.dep_ in SUBJECTS or child.dep_ in ("ccomp", "xcomp", "parataxis", "punct"):
            continue
        for tok in child.subtree:
            found = _channel_word(tok, lexicon)
            if found:
                return found
            document = _document_word(tok, verb, lexicon)
            if document:
                told = (_channel_word(t, lexicon) for t in tok.subtree if t.i > tok.i)
                return next((t for t in told if t), document)
    return None


# prepositions whose object is a time or an aim, not where something was said ("days *after* his speech", "show up
# *for* a court hearing"; "*in* a statement", "*at* a rally", "*to* a rally" are where)
NOT_DOCUMENT_PREPS = frozenset({"after", "before", "since", "until", "till", "for", "following", "despite", "without"})


def _document_word(tok: Token, verb: Token, lexicon: QuoteLexicon) -> str | None:
    """A form of saying where something was said: "in a *statement*", "released a *report*", "at a *rally*" (not
    "*reports* of a deal", "after his *speech*", "would not confirm whether he will deliver a *speech*": the object
    of the cue itself only)."""
    if tok.dep_ == "pobj" and tok.head.lower_ in NOT_DOCUMENT_PREPS:
        return None
    if tok.dep_ == "dobj" and tok.head.i != verb.i:
        return None
    if tok.pos_ == "NOUN" and tok.dep_ in DOCUMENT_DEPS:
        pair = f"{tok.nbor(-1).lower_} {tok.lemma_.lower()}" if tok.i > 0 else tok.lemma_.lower()
        for key in (pair, tok.lower_, tok.lemma_.lower()):  # "statements", "tweets": by lemma
            if key in lexicon.documents:
                return lexicon.documents[key]
    return None


def _channel_word(tok: Token, lexicon: QuoteLexicon) -> str | None:
    """An outlet or a platform named at a word."""
    if tok.pos_ in ("PROPN", "NOUN") and tok.text in lexicon.platforms:
        return lexicon.platforms[tok.text]
    if tok.pos_ == "PROPN" and len(tok.text) > 1:
        found = lexicon.platforms_lower.get(tok.lower_)
        if found:
            return found
    if tok.ent_iob_ in ("B", "I"):
        ent = next(iter(ents_over(tok.doc, tok.i, tok.i + 1)), None)
        if ent is not None and is_outlet(clean_name(ent.text), lexicon):
            return clean_name(ent.text)
    if tok.pos_ == "PROPN" and is_outlet(tok.text, lexicon) and tok.ent_iob_ != "I":
        return tok.text
    return None
