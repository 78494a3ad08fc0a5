"""Embedded social-media posts: the text of a post signed "— Name (@handle) Month D, YYYY" is Name's, on Twitter."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from caravan.nlp.quotes.marks import paragraphs, trim

# the signature an embedded post ends with, after its text: "— Ana Ruiz (@anaruiz) May 4, 2021"
SIGNATURE = re.compile(
    r"\s[—–]\s*(?P<name>[^\s()@—–][^()@—–\n]{0,60}?)\s*\(@\w{1,30}\)\s*"
    r"[A-Z][a-z]+\.? \d{1,2}, \d{4}"
)
# a page extractor's label before the text of a post ("Skip Twitter post 2 by @handle")
POST_LABEL = re.compile(r"^.{0,40}?\bpost(?: \d+)? by @\w{1,30}\s+", re.IGNORECASE)
# leading dots of a post that continues another ("....The assault on …")
LEADING_DOTS = ".… "
POST_CHANNEL = "Twitter"
# a line that only signs the quotation above it: "— Ana Ruiz, a mother of three" (a name of 2-4 capitalised words,
# then an optional role after a comma)
SIGNATURE_LINE = re.compile(
    r"[—–]\s*(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})\s*(?:,\s*(?P<role>[^\n]{1,80}?))?\s*\.?\s*$"
)
# links and bracketed credits, which say nothing: a post left with fewer words than this is a photo's credit line
# ("(: Kim Kyung-Hoon/Reuters) pic.twitter.com/pz7hkxsN9g — NBC News (@NBCNews) ...": its text is elsewhere)
NOT_WORDS = re.compile(r"\([^()]*\)|\S*(?:pic\.twitter\.com|https?://|www\.)\S*")
MIN_POST_WORDS = 3
# the quotation marks a signed paragraph opens with
OPENING_MARKS = '"“«'


@dataclass(frozen=True)
class Post:
    """The text of an embedded post (character offsets) and the name it is signed with."""

    start: int
    end: int
    name: str


def find_posts(text: str) -> list[Post]:
    """Every paragraph that ends in a post signature: its text before the signature, and the signing name."""
    posts = []
    for start, end in paragraphs(text):
        match = SIGNATURE.search(text, start, end)
        if match is None:
            continue
        label = POST_LABEL.match(text[start : match.start()])
        body_start = start + (label.end() if label else 0)
        while body_start < match.start() and text[body_start] in LEADING_DOTS:
            body_start += 1
        s, e = trim(text, body_start, match.start())
        if e > s and len(NOT_WORDS.sub(" ", text[s:e]).split()) >= MIN_POST_WORDS:
            posts.append(Post(s, e, match.group("name").strip()))
    return posts


@dataclass(frozen=True)
class Signature:
    """A quoted paragraph (character offsets) signed on the line after it, with the signer's name and role."""

    start: int
    end: int
    name: str
    role: str | None


def find_signatures(text: str) -> list[Signature]:
    """Every paragraph that opens with a quotation mark and is followed by a line that only signs it."""
    found = []
    spans = paragraphs(text)
    for (start, end), (sig_start, sig_end) in itertools.pairwise(spans):
        match = SIGNATURE_LINE.fullmatch(text, sig_start, sig_end)
        if match is None or text[start] not in OPENING_MARKS:
            continue
        role = match.group("role")
        found.append(Signature(start, end, match.group("name"), role.strip() if role else None))
    return found
