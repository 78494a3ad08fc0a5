"""Direct quotes of a parsed English article: the spans between quotation marks and who said them.

A quoted span takes the speaker of the cue verb right after it ("“A,” X said") or right before it
("X said: “A”"); cue-less quotes of a paragraph share the speaker of an attributed neighbour ("“A,” X said.
“B.”"); a paragraph holding nothing but a quote continues the previous paragraph's speaker, or the speaker
announced by a paragraph ending in a colon ("X continued:"). Scare quotes and titles are not quotes.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from caravan.model import Quote
from caravan.nlp.extensions import in_boilerplate
from caravan.nlp.quotes.data import QuoteLexicon
from caravan.nlp.quotes.marks import Marked, after_mark, only_marked, paragraphs
from caravan.nlp.quotes.parts import Found, TokenIndex, cue_class
from caravan.nlp.quotes.speakers import (
    NameBook,
    Speaker,
    clean_name,
    clean_role,
    find_channel,
    find_speaker,
    subject_of,
)

# a quoted span this short without closing punctuation is a scare quote or a title ("the so-called “caravan”")
SCARE_MAX_WORDS = 3
# a quoted phrase this short in title case inside a sentence is a title (“The Steve Harvey Morning Show”)
TITLE_MAX_WORDS = 8
SENTENCE_PUNCT = frozenset({".", "!", "?", "…"})
# what may precede a short quote that stands alone: a paragraph start, a sentence end, a colon
STANDALONE_BEFORE = frozenset({".", "!", "?", ":", "\n", "”", '"', "»"})
# closing punctuation inside the marks after which the cue follows the quote ("“Why?” she asked.")
CUE_FOLLOWS = (",", "?", "!", "—")
# dependents of a cue verb that carry reported words of its own (then it is not this quote's cue)
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
# a dash that signs a quote with the name after it, however the tokenizer splits it from the closing mark
DASH_SIGN = re.compile(r"[ \u00a0]*(?:―|—|–|--|-)[ \u00a0]*")
# how far up the parse a quoted fragment looks for the verb that reports it
FRAGMENT_HEAD_STEPS = 4


def keep_marked(doc: Doc, marked: list[Marked]) -> list[Marked]:
    """Quoted spans that are quotes: not in boilerplate, not scare quotes or titles."""
    return [
        m
        for m in marked
        if not in_boilerplate(doc, m.start, m.end) and (not is_scare_quote(doc.text, m) or is_named_as(doc, m))
    ]


# verbs that give something a name: a short quoted word after them is the speaker's ("called the caravan a
# “disgrace”", "described it as a “law enforcement situation”")
NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "dub", "characterize", "characterise", "term"})


def is_named_as(doc: Doc, m: Marked) -> bool:
    """Whether a short quoted phrase is the name a named speaker gave something: the complement of a naming verb
    ("called the caravan a “disgrace”", "described it *as* a “law enforcement situation”"), not a phrase inside
    its object ("described the gassing of “women and children” as an atrocity")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or is_title(doc.text[m.start : m.end]):
        return False
    word = span.root
    while word.dep_ in ("amod", "compound", "advmod") and word.head.i != word.i:
        word = word.head  # "a ‘terrorist’ organization"
    if word.dep_ == "pobj" and word.head.lower_ == "as":
        word = word.head  # "described it as a “…”"
    elif word.dep_ not in ("oprd", "attr", "xcomp"):
        return False
    verb = word.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS:
        return False
    named = verb.head if verb.dep_ == "relcl" else None  # "McAleenan, *who* described it as a “…”"
    return any(
        c.dep_ == "nsubj" and (c.pos_ == "PROPN" or (c.lower_ == "who" and named is not None and named.pos_ == "PROPN"))
        for c in verb.children
    )


def is_scare_quote(text: str, m: Marked) -> bool:
    """A short quoted phrase inside a sentence (the so-called “caravan”, the film “13th.”) is a term or a
    title, not a quote; a short quote that stands alone (“Never,” she said) is kept."""
    content = text[m.start : m.end]
    before = text[max(0, m.open_at - 3) : m.open_at].rstrip(" \u00a0")
    alone = not before or before[-1] in STANDALONE_BEFORE
    if not alone and is_title(content):
        return True
    if len(content.split()) > SCARE_MAX_WORDS:
        return False
    raw_end = text[m.close_at - 1] if m.close_at else ""
    follow = text[m.close_at + 1 : m.close_at + 3].lstrip(" ")[:1] if m.close_at else ""
    punctuated = content[-1:] in SENTENCE_PUNCT or raw_end in SENTENCE_PUNCT | {","} or follow in (",", "—", "–")
    return not alone or not punctuated


def is_title(content: str) -> bool:
    """Whether a quoted phrase is a title: a few words, every long one capitalised ("Face the Nation")."""
    words = [w for w in content.strip(".,!?").split() if len(w) > 3]
    return 0 < len(content.split()) <= TITLE_MAX_WORDS and bool(words) and all(w[:1].isupper() for w in words)


class DirectQuotes:
    """Attributes the quoted spans of one doc, paragraph by paragraph."""

    def __init__(self, doc: Doc, book: NameBook, lexicon: QuoteLexicon) -> None:
        self.doc, self.book, self.lexicon = doc, book, lexicon
        self.index = TokenIndex(doc)
        self.paras = paragraphs(doc.text)

    def find(self, marked: list[Marked]) -> list[Found]:
        """One Found per quoted span, with the speaker of its cue, a neighbour's, or the previous paragraph's."""
        found: list[Found] = []
        previous: list[Found] = []
        for p, (start, end) in enumerate(self.paras):
            group = [m for m in marked if m.paragraph == p]
            if not group and in_boilerplate(self.doc, start, end):
                continue  # an ad or caption between two paragraphs of one quote does not end it
            if not group:
                previous = []
                continue
            items = [self.with_cue(group, k) for k in range(len(group))]
            share_in_paragraph(items)
            if not any(f.attributed for f in items):
                self.inherit(items, previous, p)
            found.extend(items)
            previous = items
        return found

    def with_cue(self, group: list[Marked], k: int) -> Found:
        """The quote of one quoted span, attributed if a cue stands next to it (or a dash signature)."""
        m = group[k]
        found = Found(Quote(start=m.start, end=m.end, kind="direct"), m.paragraph, marked=m)
        cue = self.find_cue(group, k)
        if cue is not None:
            self.attribute(found, cue)
        else:
            until = group[k + 1].open_at if k + 1 < len(group) else self.paras[m.paragraph][1]
            self.attribute_dash(found, after_mark(m), until)
        return found

    def find_cue(self, group: list[Marked], k: int) -> Token | None:
        """The cue verb of a quoted span: in the clause right after it ("…,” X said) or right before it."""
        m, (para_start, para_end) = group[k], self.paras[group[k].paragraph]
        after_end = group[k + 1].open_at if k + 1 < len(group) else para_end
        before_start = after_mark(group[k - 1]) if k > 0 else para_start
        after = first_clause(self.index.tokens(after_mark(m), after_end))
        before = last_clause(self.index.tokens(before_start, m.open_at))
        raw_end = self.doc.text[m.close_at - 1] if m.close_at else ""
        order = (after, before) if raw_end in CUE_FOLLOWS or not raw_end else (before, after)
        for tokens in order:
            cue = self.cue_in(tokens)
            # after a full stop, a following verb with a clause of its own starts a new sentence
            if cue is not None and (tokens is not after or raw_end != "." or not has_complement(cue)):
                return cue
        return None

    def cue_in(self, tokens: list[Token]) -> Token | None:
        """The first reporting verb among the tokens, preferring one with a subject."""
        cues = [t for t in tokens if cue_class(t, self.lexicon) in ("speech", "direct")]
        with_subject = [t for t in cues if subject_of(t) is not None]
        found = with_subject or cues
        return found[0] if found else None

    def attribute(self, found: Found, cue: Token) -> None:
        """Set speaker, role and channel of a quote from its cue verb."""
        subject = subject_of(cue)
        speaker = find_speaker(subject, self.book, cue.idx) if subject is not None else Speaker(None)
        found.quote.speaker, found.quote.speaker_role = speaker.name, speaker.role
        found.quote.channel = find_channel(cue, set(), self.lexicon)
        found.attributed = True
        found.cue_subject = subject.lower_ if subject is not None else ""

    def attribute_dash(self, found: Found, start: int, end: int) -> None:
        """A quote signed with a dash and a name ("“…” ― Jane Doe", "“…”― Jane Doe. “…”") is that person's."""
        dash = DASH_SIGN.match(self.doc.text, start, end)
        after = self.index.tokens(dash.end(), end) if dash is not None else []
        names = [t for t in after if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"]
        if not names or names[0].i != after[0].i:
            return
        last = names[0]
        while last.i + 1 < len(last.doc) and last.nbor(1) in names:
            last = last.nbor(1)
        run = last.doc[names[0].i : last.i + 1]
        person = [t for t in run if t.ent_type_ == "PERSON"]
        first = person[0] if person and person[-1].i == last.i else run[0]  # "— Acting ICE Director *Thomas Homan*"
        found.quote.speaker = self.book.expand(clean_name(last.doc[first.i : last.i + 1].text), first.idx)
        if first.i > run[0].i:
            found.quote.speaker_role = clean_role(last.doc[run[0].i : first.i].text)
        found.attributed = True

    def inherit(self, items: list[Found], previous: list[Found], p: int) -> None:
        """Cue-less quotes: a quote-only paragraph continues the previous speaker, or the speaker announced
        by a previous paragraph ending in a colon ("X continued:"); a fragment takes its sentence's cue."""
        if self.only_quotes(items, p):
            source = previous[-1] if previous and previous[-1].quote.speaker else None
            cue = self.colon_cue(p) if source is None else None
            for item in items:
                if source is not None:
                    copy_speaker(item, source)
                elif cue is not None:
                    self.attribute(item, cue)
            if source is not None or cue is not None:
                return
        for item in items:
            cue = self.sentence_cue(item)
            if cue is not None:
                self.attribute(item, cue)

    def only_quotes(self, items: list[Found], p: int) -> bool:
        """Whether a paragraph holds nothing but its quotes (and punctuation)."""
        start, end = self.paras[p]
        return only_marked(self.doc.text, [item.marked for item in items if item.marked is not None], start, end)

    def colon_cue(self, p: int) -> Token | None:
        """The cue of the previous paragraph when it ends with a colon ("Caddell continued:")."""
        if p == 0:
            return None
        start, end = self.paras[p - 1]
        if not self.doc.text[start:end].rstrip().endswith(":"):
            return None
        return self.cue_in(last_clause(self.index.tokens(start, end)))

    def sentence_cue(self, item: Found) -> Token | None:
        """For a quoted fragment inside a sentence: the reporting verb that governs it, if any."""
        span = self.doc.char_span(item.quote.start, item.quote.end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root.head
        for _ in range(FRAGMENT_HEAD_STEPS):
            kind = cue_class(head, self.lexicon)
            if kind in ("speech", "direct") or (kind == "object" and self.names_the_words(head, span)):
                return head
            if head.head is head:
                break
            head = head.head
        return None

    def names_the_words(self, verb: Token, span: Span) -> bool:
        """Whether a stance verb ("called the decision “…”", "denounced him for “…”") reports the quoted words
        after it as its subject's: a name or a personal pronoun, not a common noun ("the answer", "the individual")
        or a "which" ("the sonnet, which refers to “…”")."""
        subject = subject_of(verb)
        if verb.i > span.start or subject is None or subject.tag_ == "WDT":
            return False
        return subject.pos_ in ("PROPN", "PRON")


def first_clause(tokens: list[Token]) -> list[Token]:
    """Tokens up to the first sentence-ending punctuation."""
    for i, tok in enumerate(tokens):
        if tok.text in SENTENCE_PUNCT:
            return tokens[:i]
    return tokens


def last_clause(tokens: list[Token]) -> list[Token]:
    """Tokens after the last sentence-ending punctuation."""
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].text in SENTENCE_PUNCT:
            return tokens[i + 1 :]
    return tokens


def has_complement(cue: Token) -> bool:
    return any(c.dep_ in COMPLEMENTS and c.i > cue.i for c in cue.children)


def share_in_paragraph(items: list[Found]) -> None:
    """Quotes of a paragraph without a cue take the speaker of the nearest attributed one, earlier first."""
    for i, item in enumerate(items):
        if item.attributed:
            continue
        source = next((items[j] for j in range(i - 1, -1, -1) if items[j].attributed), None)
        source = source or next((items[j] for j in range(i + 1, len(items)) if items[j].attributed), None)
        if source is not None:
            copy_speaker(item, source)


def copy_speaker(item: Found, source: Found) -> None:
    item.quote.speaker, item.quote.speaker_role = source.quote.speaker, source.quote.speaker_role
    item.quote.channel, item.quote.via = source.quote.channel, source.quote.via
    item.cue_subject = source.cue_subject
