"""Finds quotes in a parsed article: direct, indirect and mixed, with speaker, role, channel and credited outlet.

Direct quotes are the spans between quotation marks (``quote_marks.py``), attributed to the cue verb next to
them ("“A,” X said. “B.”"), to a neighbouring quote of the same paragraph, or to the previous paragraph's
speaker when a paragraph holds nothing but a quote. Indirect quotes are the complement of a cue verb in the
dependency parse ("X said (that) …", "…, X said", "A, X said, B") or the rest of the sentence of "according to X".
A reported clause that holds a quoted fragment is one mixed quote. Spanish, and any text without a parse, is
handled by rules (``quotes_es.py``). Speakers are expanded and resolved by ``speakers.py``.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from caravan.model import Quote
from caravan.nlp.extensions import in_boilerplate
from caravan.nlp.quote_data import QuoteLexicon, is_outlet, load_lexicon
from caravan.nlp.quote_marks import Marked, find_marked, paragraphs, trim
from caravan.nlp.speakers import (FIRST_PERSON, PERSON_PRONOUNS, RELATIVES, NameBook, Speaker, clean_name, find_channel,
                                  find_speaker, normalise_speaker, subject_of)
from caravan.settings import Settings

__all__ = ["QuoteFinder", "normalise_speaker", "find_quotes"]

log = logging.getLogger(__name__)

# a quoted span this short without closing punctuation is a scare quote or a title ("the so-called “caravan”")
SCARE_MAX_WORDS = 3
# a quoted phrase this short in title case inside a sentence is a title (“The Steve Harvey Morning Show”)
TITLE_MAX_WORDS = 8
# a title's "Name:" prefix is at most this many tokens ("Pat Caddell: …")
HEADLINE_NAME_TOKENS = 4
SENTENCE_PUNCT = frozenset({".", "!", "?", "…"})
# what may precede a short quote that stands alone: a paragraph start, a sentence end, a colon
STANDALONE_BEFORE = frozenset({".", "!", "?", ":", "\n", "”", '"', "»"})
# dependents of a cue verb that carry the reported words rather than the cue
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
# dependents left out of the cue chunk ("he said") when the reported words surround it
NOT_CHUNK = frozenset({"ccomp", "xcomp", "parataxis", "conj", "cc", "punct", "advcl", "dep", "mark"})
VERB_TAGS = ("VB",)
DASHES = frozenset({"―", "—", "–", "-", "--"})
MIN_INDIRECT_CHARS = 6
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
QUANTITY_ENTITIES = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
# pronoun subjects that stand for a source ("they say", "who believes", "it reported")
SOURCE_PRONOUNS = PERSON_PRONOUNS | FIRST_PERSON | {"they", "who", "which", "that", "it", "you", "those", "some",
                                                    "many", "others", "both", "one", "all", "everyone",
                                                    "someone", "nobody", "few"}
# dependents that continue a reported object ("compared him favorably to Obama", "called it a common ailment")
FOLLOWERS = frozenset({"prep", "oprd", "xcomp", "ccomp", "advmod", "dative", "dobj"})
# prepositions that continue a reported object; others ("in a statement", "on Monday") are circumstances
FOLLOWER_PREPS = frozenset({"as", "to", "for", "of", "with", "about", "against", "over", "into", "from", "like"})
# objects that stand for something said elsewhere ("said it", "denied that")
PRONOUN_OBJECTS = frozenset({"it", "this", "that", "so", "them", "him", "her", "me", "us", "you", "what"})
# a quoted fragment this much inside a reported clause is part of it (a mixed quote)
CONTAINED = 0.8


@dataclass
class Found:
    """A quote being built, with what attribution needs to know about it."""

    quote: Quote
    paragraph: int
    marked: Marked | None = None
    attributed: bool = False   # the speaker came from a cue (not inherited)
    cue_subject: str = ""      # lower-cased subject word of the cue ("he", "i")


class QuoteFinder:
    """Sets ``doc._.quotes``: every quote outside boilerplate, in text order."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc


def find_quotes(doc: Doc) -> list[Quote]:
    """The quotes of an annotated doc (``doc._.boilerplate`` set), rules only where there is no parse."""
    lexicon = load_lexicon()
    if doc.lang_ != "en" or not doc.has_annotation("DEP"):
        from caravan.nlp.quotes_es import find_quotes_by_rules

        found = find_quotes_by_rules(doc, lexicon)
    else:
        found = find_quotes_parsed(doc, lexicon)
    found = [f for f in found if not in_boilerplate(doc, f.quote.start, f.quote.end)]
    apply_via(doc.text, found, lexicon)
    return sorted((f.quote for f in found), key=lambda q: (q.start, q.end))


def find_quotes_parsed(doc: Doc, lexicon: QuoteLexicon) -> list[Found]:
    """Direct, indirect and mixed quotes of an English doc with a dependency parse."""
    book = NameBook(doc, lexicon)
    marked = keep_marked(doc, find_marked(doc.text))
    direct = attribute_direct(doc, marked, book, lexicon)
    indirect = (find_indirect(doc, marked, book, lexicon) + find_according(doc, book, lexicon)
                + find_noun_cues(doc, marked, book, lexicon) + find_headline(doc, book))
    return merge(direct, indirect)


# --- direct quotes ------------------------------------------------------------------------------------------

def keep_marked(doc: Doc, marked: list[Marked]) -> list[Marked]:
    """Quoted spans that are quotes: not in boilerplate, not scare quotes or short titles."""
    return [m for m in marked if not in_boilerplate(doc, m.start, m.end) and not is_scare_quote(doc.text, m)]


def is_scare_quote(text: str, m: Marked) -> bool:
    """A short quoted phrase inside a sentence (the so-called “caravan”, the film “13th.”) is a term or a
    title, not a quote; a short quote that stands alone (“Never,” she said) is kept."""
    content = text[m.start:m.end]
    before = text[max(0, m.open_at - 3):m.open_at].rstrip(" \u00a0")
    alone = not before or before[-1] in STANDALONE_BEFORE
    if not alone and is_title(content):
        return True
    if len(content.split()) > SCARE_MAX_WORDS:
        return False
    raw_end = text[m.close_at - 1] if m.close_at else ""
    follow = text[m.close_at + 1: m.close_at + 3].lstrip(" ")[:1] if m.close_at else ""
    punctuated = content[-1:] in SENTENCE_PUNCT or raw_end in SENTENCE_PUNCT | {","} or follow in (",", "—", "–")
    return not alone or not punctuated


def is_title(content: str) -> bool:
    """Whether a quoted phrase is a title: a few words, every long one capitalised ("Face the Nation")."""
    words = [w for w in content.strip(".,!?").split() if len(w) > 3]
    return 0 < len(content.split()) <= TITLE_MAX_WORDS and all(w[:1].isupper() for w in words) and bool(words)


def attribute_direct(doc: Doc, marked: list[Marked], book: NameBook, lexicon: QuoteLexicon) -> list[Found]:
    """One Found per quoted span, with the speaker of its cue, a neighbour's, or the previous paragraph's."""
    paras = paragraphs(doc.text)
    index = TokenIndex(doc)
    found: list[Found] = []
    previous: list[Found] = []
    for p, (pstart, pend) in enumerate(paras):
        group = [m for m in marked if m.paragraph == p]
        if not group:
            if doc.text[pstart:pend].strip():
                previous = []
            continue
        items = [_direct_with_cue(doc, index, group, k, (pstart, pend), book, lexicon) for k in range(len(group))]
        _share_in_paragraph(items)
        if not any(f.attributed for f in items):
            _inherit(doc.text, items, previous, (pstart, pend), paras, p, doc, index, book, lexicon)
        found.extend(items)
        previous = items
    return found


def _direct_with_cue(doc: Doc, index: "TokenIndex", group: list[Marked], k: int, para: tuple[int, int],
                     book: NameBook, lexicon: QuoteLexicon) -> Found:
    m = group[k]
    quote = Quote(start=m.start, end=m.end, kind="direct")
    found = Found(quote, m.paragraph, marked=m)
    cue = find_direct_cue(doc, index, group, k, para, lexicon)
    if cue is not None:
        _attribute(found, cue, book, lexicon)
    elif k == len(group) - 1:
        _attribute_dash(found, index.tokens(_after_mark(m), para[1]), book)
    return found


def _attribute_dash(found: Found, after: list[Token], book: NameBook) -> None:
    """A quote signed with a dash and a name ("“…” ― Jane Doe") is that person's."""
    if len(after) < 2 or after[0].text not in DASHES:
        return
    names = [t for t in after[1:] if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"]
    if not names or names[0].i != after[1].i:
        return
    last = names[0]
    while last.i + 1 < len(last.doc) and last.nbor(1) in names:
        last = last.nbor(1)
    name = clean_name(last.doc[names[0].i: last.i + 1].text)
    found.quote.speaker = book.expand(name, names[0].idx)
    found.attributed = True


def _attribute(found: Found, cue: Token, book: NameBook, lexicon: QuoteLexicon) -> None:
    """Set speaker, role and channel of a quote from its cue verb."""
    subject = subject_of(cue)
    speaker = find_speaker(subject, book, cue.idx) if subject is not None else Speaker(None)
    found.quote.speaker, found.quote.speaker_role = speaker.name, speaker.role
    found.quote.channel = find_channel(cue, set(), lexicon)
    found.attributed = True
    found.cue_subject = subject.lower_ if subject is not None else ""


def find_direct_cue(doc: Doc, index: "TokenIndex", group: list[Marked], k: int, para: tuple[int, int],
                    lexicon: QuoteLexicon) -> Token | None:
    """The cue verb of a quoted span: in the clause right after it ("…,” X said) or right before (X said: “…")."""
    m = group[k]
    after_end = group[k + 1].open_at if k + 1 < len(group) else para[1]
    before_start = (group[k - 1].close_at or group[k - 1].end) + 1 if k > 0 else para[0]
    after = _first_clause(index.tokens(_after_mark(m), after_end))
    before = _last_clause(index.tokens(before_start, m.open_at))
    raw_end = doc.text[m.close_at - 1] if m.close_at else ""
    order = (after, before) if raw_end in (",", "?", "!", "—") or not raw_end else (before, after)
    for tokens in order:
        cue = _cue_in(tokens, lexicon)
        if cue is not None and (tokens is not after or raw_end != "." or not _has_complement(cue)):
            return cue
    return None


def _after_mark(m: Marked) -> int:
    return (m.close_at + 1) if m.close_at is not None else m.end


def _first_clause(tokens: list[Token]) -> list[Token]:
    """Tokens up to the first sentence-ending punctuation."""
    for i, tok in enumerate(tokens):
        if tok.text in SENTENCE_PUNCT:
            return tokens[:i]
    return tokens


def _last_clause(tokens: list[Token]) -> list[Token]:
    """Tokens after the last sentence-ending punctuation."""
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].text in SENTENCE_PUNCT:
            return tokens[i + 1:]
    return tokens


def _cue_in(tokens: list[Token], lexicon: QuoteLexicon) -> Token | None:
    """The first reporting verb among the tokens, preferring one with a subject."""
    cues = [t for t in tokens if cue_class(t, lexicon) in ("speech", "direct")]
    with_subject = [t for t in cues if subject_of(t) is not None]
    return (with_subject or cues or [None])[0]


def cue_class(tok: Token, lexicon: QuoteLexicon) -> str | None:
    """The class of a reporting verb token (speech, direct, cognition), None for any other token."""
    if not (tok.tag_.startswith(VERB_TAGS) or tok.pos_ == "VERB"):
        return None
    return lexicon.cues["en"].get(tok.lemma_.lower())


def _has_complement(cue: Token) -> bool:
    return any(c.dep_ in COMPLEMENTS and c.i > cue.i for c in cue.children)


def _share_in_paragraph(items: list[Found]) -> None:
    """Quotes of a paragraph without a cue take the speaker of the nearest attributed one, earlier first."""
    for i, item in enumerate(items):
        if item.attributed:
            continue
        source = next((items[j] for j in range(i - 1, -1, -1) if items[j].attributed), None)
        source = source or next((items[j] for j in range(i + 1, len(items)) if items[j].attributed), None)
        if source is not None:
            _copy_speaker(item, source)


def _copy_speaker(item: Found, source: Found) -> None:
    item.quote.speaker, item.quote.speaker_role = source.quote.speaker, source.quote.speaker_role
    item.quote.channel, item.quote.via = source.quote.channel, source.quote.via
    item.cue_subject = source.cue_subject


def _inherit(text: str, items: list[Found], previous: list[Found], para: tuple[int, int],
             paras: list[tuple[int, int]], p: int, doc: Doc, index: "TokenIndex", book: NameBook,
             lexicon: QuoteLexicon) -> None:
    """Cue-less quotes: a quote-only paragraph continues the previous speaker, or the speaker announced by
    a previous paragraph ending in a colon ("X continued:"); a fragment takes its sentence's subject."""
    if _only_quotes(text, items, para):
        source = previous[-1] if previous and previous[-1].quote.speaker else None
        if source is not None:
            for item in items:
                _copy_speaker(item, source)
            return
        cue = _colon_cue(doc, index, paras, p, lexicon)
        if cue is not None:
            for item in items:
                _attribute(item, cue, book, lexicon)
            return
    for item in items:
        cue = _sentence_cue(doc, item, lexicon)
        if cue is not None:
            _attribute(item, cue, book, lexicon)


def _only_quotes(text: str, items: list[Found], para: tuple[int, int]) -> bool:
    """Whether a paragraph holds nothing but its quotes (and punctuation)."""
    rest, pos = [], para[0]
    for item in items:
        assert item.marked is not None
        rest.append(text[pos:item.marked.open_at])
        pos = _after_mark(item.marked)
    rest.append(text[pos:para[1]])
    return not any(ch.isalnum() for ch in "".join(rest))


def _colon_cue(doc: Doc, index: "TokenIndex", paras: list[tuple[int, int]], p: int,
               lexicon: QuoteLexicon) -> Token | None:
    """The cue of a previous paragraph that ends with a colon ("Caddell continued:")."""
    if p == 0:
        return None
    start, end = paras[p - 1]
    if not doc.text[start:end].rstrip().endswith(":"):
        return None
    return _cue_in(_last_clause(index.tokens(start, end)), lexicon)


def _sentence_cue(doc: Doc, item: Found, lexicon: QuoteLexicon) -> Token | None:
    """For a quoted fragment inside a sentence: the reporting verb that governs it, if any."""
    span = doc.char_span(item.quote.start, item.quote.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head
    for _ in range(4):
        if cue_class(head, lexicon) in ("speech", "direct"):
            return head
        if head.head is head:
            break
        head = head.head
    return None


# --- indirect quotes ----------------------------------------------------------------------------------------

def find_indirect(doc: Doc, marked: list[Marked], book: NameBook, lexicon: QuoteLexicon) -> list[Found]:
    """Reported clauses of cue verbs: their complement, or the rest of the sentence around "X said"."""
    starts = [s for s, _ in paragraphs(doc.text)]
    found: list[Found] = []
    for tok in doc:
        kind = cue_class(tok, lexicon)
        if kind not in ("speech", "cognition", "object", "clause"):
            continue
        outer = _marked_at(marked, tok.idx)
        subject = subject_of(tok)
        named = _named_or_pronoun(subject)
        if subject is not None and subject.lower_ in RELATIVES and subject.head.dep_ == "relcl":
            subject = subject.head.head if subject.head.head is not subject.head else subject
        if not _may_report(kind, tok, subject, named, outer):
            continue
        for start, end in (_clip(p, outer) for p in reported_pieces(tok, kind, lexicon, named)):
            if _mostly_quoted(start, end, marked, outer) or end - start < MIN_INDIRECT_CHARS:
                continue
            item = _indirect(doc, tok, subject, (start, end), starts, book, lexicon)
            if item.quote.speaker or kind == "speech" or item.cue_subject in FIRST_PERSON:
                found.append(item)  # "it was said that …" has no speaker, but is reported speech
    return found


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


def _indirect(doc: Doc, cue: Token, subject: Token | None, piece: tuple[int, int], starts: list[int],
              book: NameBook, lexicon: QuoteLexicon) -> Found:
    speaker = find_speaker(subject, book, cue.idx) if subject is not None else Speaker(None)
    quote = Quote(start=piece[0], end=piece[1], kind="indirect", speaker=speaker.name,
                  speaker_role=speaker.role, channel=find_channel(cue, set(), lexicon))
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
        cached = frozenset(t.text for t in doc if t.is_title and not t.is_sent_start and t.is_alpha
                           and not doc[t.i - 1].is_punct)
        doc.user_data["caravan_capitalised"] = cached
    return cached


def _marked_at(marked: list[Marked], offset: int) -> Marked | None:
    return next((m for m in marked if m.start <= offset < m.end), None)


def _mostly_quoted(start: int, end: int, marked: list[Marked], outer: Marked | None) -> bool:
    """Whether a reported clause is (half or more) a direct quote of its own, i.e. the cue's quote itself."""
    covered = sum(max(0, min(end, m.end) - max(start, m.start)) for m in marked if m is not outer)
    return covered >= CONTAINED * (end - start)


def reported_pieces(cue: Token, kind: str, lexicon: QuoteLexicon, named: bool = True) -> list[tuple[int, int]]:
    """Character spans of the words a cue verb reports, in its sentence ("to …" clauses only if ``named``:
    "Obama promised to …", not "officials promised to …")."""
    sent = cue.sent
    right = _complements(cue, kind, lexicon, named)
    left = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    lo, hi = _chunk(cue)
    if right:
        first, last = min(c.left_edge.i for c in right), max(c.right_edge.i for c in right)
        pieces = [_char_piece(sent, first, last)]
        if left:
            pieces.append(_char_piece(sent, min(c.left_edge.i for c in left), lo - 1))
        return [p for p in pieces if p]
    if kind in ("object", "clause"):
        return []
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return _outside_clause(cue)  # "As Mr. Bown observed, …"
    pieces = []
    if left or _set_off(cue, lo, hi):
        pieces.append(_char_piece(sent, sent.start, lo - 1))
        if not left:
            pieces.append(_char_piece(sent, hi + 1, sent.end - 1))
    return [p for p in pieces if p]


def _complements(cue: Token, kind: str, lexicon: QuoteLexicon, named: bool) -> list[Token]:
    """The dependents after a cue that hold what it reports: a clause, a "to" clause or an object
    (not the person addressed: "told him that …"), or the object of a topic preposition ("called for …")."""
    lemma = cue.lemma_.lower()
    addressee = lemma in lexicon.addressee_verbs
    rights = list(cue.rights)
    has_more = {c.i: any(r.dep_ in ("xcomp", "oprd", "ccomp") for r in rights if r.i > c.i) for c in rights}
    has_xcomp = {c.i: any(r.dep_ == "xcomp" for r in rights if r.i > c.i) for c in rights}
    out: list[Token] = []
    for child in rights:
        if out and child.dep_ in FOLLOWERS:
            out.append(child)  # "likened the refugees to …", "criticized Obama for …"
        elif child.dep_ in ("ccomp", "oprd") or (child.dep_ == "xcomp" and named) or _that_clause(child):
            out.append(child)
        elif child.dep_ == "dobj" and (not addressee or has_xcomp[child.i]) and (
                child.lower_ not in PRONOUN_OBJECTS or has_more[child.i]):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in lexicon.cue_preps.get(lemma, ()):
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif out and child.dep_ in ("punct", "cc", "conj", "advcl"):
            break
    if kind in ("speech", "clause") and not out:
        return _clause_on_object(cue)
    return out


def _that_clause(tok: Token) -> bool:
    """A clause opened by "that", whatever the parser called it ("tweeted in the morning that …")."""
    return tok.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _clause_on_object(cue: Token) -> list[Token]:
    """A "that" clause the parser hung on a noun after the cue ("said in a statement that …")."""
    for child in cue.rights:
        for noun in (c for c in child.children if c.dep_ == "pobj") if child.dep_ == "prep" else ():
            for clause in noun.rights:
                if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
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


def _set_off(cue: Token, lo: int, hi: int) -> bool:
    """Whether the cue clause stands between commas, or after a comma at the sentence end ("…, he said.")."""
    doc, sent = cue.doc, cue.sent
    if lo <= sent.start or subject_of(cue) is None or subject_of(cue).i < lo or subject_of(cue).i > hi:
        return False
    before = doc[lo - 1].text in (",", "—", "–")
    after = hi + 1 >= sent.end or doc[hi + 1].text in (",", "—", "–", ".", "!", "?", ":") or doc[hi + 1].is_space
    return before and after


def _char_piece(sent: Span, first: int, last: int) -> tuple[int, int] | None:
    """Characters of tokens [first, last] within the sentence, trimmed of edge punctuation and quote marks."""
    doc = sent.doc
    first, last = max(first, sent.start), min(last, sent.end - 1)
    while first <= last and (doc[first].is_punct or doc[first].is_space) and doc[first].text not in "“\"«‘":
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in "”\"»’.?!":
        last -= 1
    if last < first:
        return None
    start, end = trim(doc.text, doc[first].idx, doc[last].idx + len(doc[last].text))
    return (start, end) if end > start else None


def find_according(doc: Doc, book: NameBook, lexicon: QuoteLexicon) -> list[Found]:
    """"According to X, …" and "…, according to X": the rest of the sentence is what X reported."""
    starts = [s for s, _ in paragraphs(doc.text)]
    found: list[Found] = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        source = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        pieces = _around_phrase(tok.sent, tok.i, _phrase_end(source), source.right_edge.i)
        for piece in (p for p in pieces if p and p[1] - p[0] >= MIN_INDIRECT_CHARS):
            speaker = find_speaker(source, book, tok.idx) if source is not None else Speaker(None)
            quote = Quote(start=piece[0], end=piece[1], kind="indirect", speaker=speaker.name,
                          speaker_role=speaker.role)
            found.append(Found(quote, bisect.bisect_right(starts, piece[0]) - 1, attributed=True))
    return found


def _around_phrase(sent: Span, lo: int, hi: int, last: int) -> list[tuple[int, int] | None]:
    """What a source phrase ("according to X") attributes: the words before it when it closes the sentence,
    after it when it opens the sentence, both when it stands between commas. ``hi`` ends the source's name,
    ``last`` all that hangs on it ("according to a database tracking such deaths")."""
    doc = sent.doc
    opens = all(t.is_punct or t.is_space for t in doc[sent.start:lo])
    closes = all(t.is_punct or t.is_space for t in doc[max(hi, last) + 1:sent.end])
    between = lo > sent.start and doc[lo - 1].text == "," and hi + 1 < sent.end and doc[hi + 1].text == ","
    pieces = []
    if closes or between:
        pieces.append(_char_piece(sent, sent.start, lo - 1))
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


def find_noun_cues(doc: Doc, marked: list[Marked], book: NameBook, lexicon: QuoteLexicon) -> list[Found]:
    """Reporting nouns: "Trump's claim that …", "her decision to …", "his criticism of …"."""
    starts = [s for s, _ in paragraphs(doc.text)]
    found: list[Found] = []
    for tok in doc:
        preps = lexicon.cue_nouns.get(tok.lemma_.lower())
        if tok.pos_ != "NOUN" or preps is None or _marked_at(marked, tok.idx) is not None:
            continue
        content = _noun_content(tok, preps)
        holder = _noun_holder(tok, lexicon)
        if not content or not _named_or_pronoun(holder):
            continue
        piece = _char_piece(tok.sent, min(c.left_edge.i for c in content), max(c.right_edge.i for c in content))
        if piece and piece[1] - piece[0] >= MIN_INDIRECT_CHARS and not _mostly_quoted(*piece, marked, None):
            assert holder is not None
            speaker = find_speaker(holder, book, tok.idx)
            quote = Quote(start=piece[0], end=piece[1], kind="indirect", speaker=speaker.name,
                          speaker_role=speaker.role)
            found.append(Found(quote, bisect.bisect_right(starts, piece[0]) - 1, attributed=True))
    return found


def _noun_content(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """A "that"/"to" clause on a reporting noun, else the object of one of its topic prepositions."""
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that")
                                                 for c in child.children):
            return [child]
        if child.dep_ == "prep" and child.lower_ in preps:
            return [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
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


# --- assembly -----------------------------------------------------------------------------------------------

def merge(direct: list[Found], indirect: list[Found]) -> list[Found]:
    """Direct quotes plus indirect ones; a quoted fragment inside a reported clause makes it one mixed quote."""
    kept_direct = []
    for d in direct:
        holder = next((i for i in indirect if _share(d.quote, i.quote) >= CONTAINED and not _inside(i, direct)),
                      None)
        if holder is not None:
            holder.quote.kind = "mixed"
            continue
        kept_direct.append(d)
    seen: set[tuple[int, int]] = set()
    out = []
    for f in kept_direct + indirect:
        key = (f.quote.start, f.quote.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    _resolve_first_person(out, kept_direct)
    return out


def _share(inner: Quote, outer: Quote) -> float:
    """The part of ``inner`` that lies inside ``outer``."""
    both = max(0, min(inner.end, outer.end) - max(inner.start, outer.start))
    return both / max(1, inner.end - inner.start)


def _inside(item: Found, direct: list[Found]) -> bool:
    return any(d.quote.start <= item.quote.start and item.quote.end <= d.quote.end for d in direct)


def _resolve_first_person(found: list[Found], direct: list[Found]) -> None:
    """Reported speech inside a direct quote whose subject is "I"/"we" belongs to the quote's speaker."""
    for f in found:
        if f.quote.speaker or f.cue_subject not in FIRST_PERSON:
            continue
        outer = next((d for d in direct if d is not f and d.quote.start <= f.quote.start
                      and f.quote.end <= d.quote.end), None)
        if outer is not None:
            f.quote.speaker, f.quote.speaker_role = outer.quote.speaker, outer.quote.speaker_role


def apply_via(text: str, found: list[Found], lexicon: QuoteLexicon) -> None:
    """Credit outlets: quotes in the paragraphs after "According to X:", and reported speech inside a
    passage an outlet is quoted for ("“…,” The Epoch Times reports.")."""
    credits = _colon_credits(text, lexicon)
    by_paragraph: dict[int, list[Found]] = {}
    for f in found:
        by_paragraph.setdefault(f.paragraph, []).append(f)
    for p, outlet in credits.items():
        q = p + 1
        while q in by_paragraph:
            for f in by_paragraph[q]:
                f.quote.via = f.quote.via or outlet
            q += 1
    for outer in found:
        name = outer.quote.speaker
        if outer.marked is None or not name or not is_outlet(name, lexicon):
            continue
        for f in found:
            if f is not outer and outer.quote.start <= f.quote.start and f.quote.end <= outer.quote.end:
                f.quote.via = f.quote.via or name


def _colon_credits(text: str, lexicon: QuoteLexicon) -> dict[int, str]:
    """Paragraph index -> outlet, for paragraphs that are only "According to X:"."""
    phrases = [p for lang in lexicon.prepositional.values() for p in lang]
    pattern = re.compile(r"^\s*(?:%s)\s+(.+?)\s*:\s*$" % "|".join(re.escape(p) for p in phrases), re.IGNORECASE)
    out = {}
    for i, (start, end) in enumerate(paragraphs(text)):
        match = pattern.match(text[start:end])
        if match:
            out[i] = clean_name(match.group(1))
    return out


class TokenIndex:
    """Tokens of a doc by character offset."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens that start within [start, end)."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [t for t in self.doc[lo:hi] if not t.is_space]
