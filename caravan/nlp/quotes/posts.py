"""Embedded social-media posts: the text of a post signed "— Name (@handle) Month D, YYYY" is Name's, on Twitter."""

from __future__ import annotations

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
        if e > s:
            posts.append(Post(s, e, match.group("name").strip()))
    return posts
