"""What the stages of quote extraction pass between them: quotes being built, cue classes, tokens by offset."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from caravan.model import Quote
from caravan.nlp.extensions import token_table
from caravan.nlp.quotes.data import QuoteLexicon
from caravan.nlp.quotes.marks import Marked

VERB_TAGS = ("VB",)
PARTICLE_DEPS = frozenset({"prt", "advmod"})


@dataclass
class Found:
    """A quote being built, with what attribution needs to know about it."""

    quote: Quote
    paragraph: int
    marked: Marked | None = None
    attributed: bool = False  # the speaker came from a cue (not inherited)
    cue_subject: str = ""  # lower-cased subject word of the cue ("he", "i")


def cue_class(tok: Token, lexicon: QuoteLexicon) -> str | None:
    """The class of an English reporting verb token (speech, direct, cognition, object), None for others; a
    phrasal verb is looked up with its particle, which the parser may read as an adverb ("shot back": "shoot back")."""
    found = cue_class_of(tok.tag_, tok.pos_, tok.lemma_, lexicon)
    if found is None and (tok.tag_.startswith(VERB_TAGS) or tok.pos_ == "VERB"):  # cue_class_of's test
        for particle in (c for c in tok.children if c.dep_ in PARTICLE_DEPS):
            found = cue_class_of(tok.tag_, tok.pos_, f"{tok.lemma_} {particle.lower_}", lexicon)
            if found is not None:
                break
    return found


def cue_class_of(tag: str, pos: str, lemma: str, lexicon: QuoteLexicon) -> str | None:
    """``cue_class`` of a token given by its tag, part of speech and lemma (as a Doc's ``token_table`` holds them)."""
    if not (tag.startswith(VERB_TAGS) or pos == "VERB"):
        return None
    return lexicon.cues["en"].get(lemma.lower())


class TokenIndex:
    """Tokens of a doc by character offset."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = token_table(doc).starts

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens that start within [start, end), blanks left out."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [t for t in self.doc[lo:hi] if not t.is_space]
