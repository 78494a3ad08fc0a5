"""The sentence cap: a run of tokens longer than ``max_sentence_tokens`` is cut into sentences before the parser.

Hostile or broken input (a list of thousands of names, a page with no full stop) would otherwise make one huge
sentence, and every per-sentence step after it (speakers, event arguments, quotes) would grow with its square.
The cap runs before the parser (spaCy refuses sentence starts on a parsed Doc; the parser keeps preset ones):
between sentence ends (". ! ?" or a line break) no run may pass the cap, and a longer one is cut at its best
boundary within the cap: after punctuation, else before a conjunction, else where the cap falls. Real sentences
are far shorter than the default cap (``bench/sentence_lengths.py``), so it only cuts text that is no prose.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

SENTENCE_ENDS = frozenset({".", "!", "?", "...", "…"})  # a token that ends a run
CUT_AFTER = frozenset({",", ";", ":", "—", "–", "-", "--", ")", "]", '"', "”"})  # best: cut after these
CUT_BEFORE = frozenset({"and", "but", "or", "nor", "while", "whereas", "y", "pero", "o"})  # next best: before these
LOOK_BACK = 0.5  # a cut is looked for in the last half of the window, so no piece is tiny


def is_run_start(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a run: the first token, one already starting a sentence, or one after a sentence end."""
    if i == 0 or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return prev.text in SENTENCE_ENDS or (prev.is_space and "\n" in prev.text)


def find_cuts(words: list[str], start: int, end: int, max_tokens: int) -> list[int]:
    """Where the run of ``words[start:end]`` is cut so that no piece is longer than ``max_tokens``: after
    punctuation, else before a conjunction, else at the cap."""
    cuts = []
    while end - start > max_tokens:
        window = range(start + max_tokens, start + max(1, int(max_tokens * LOOK_BACK)), -1)  # cut before token c
        cut = next((c for c in window if words[c - 1] in CUT_AFTER), None)
        cut = cut or next((c for c in window if words[c].lower() in CUT_BEFORE), start + max_tokens)
        cuts.append(cut)
        start = cut
    return cuts


def cap_sentences(doc: Doc, max_tokens: int) -> Doc:
    """Set sentence starts so that no run between sentence ends is longer than ``max_tokens`` (0: no cap). The
    tokens around a cut run start sentences too, so the parser cannot join its pieces to their neighbours."""
    if max_tokens <= 0 or len(doc) <= max_tokens:
        return doc
    words = [t.text for t in doc]
    starts = [i for i in range(len(doc)) if is_run_start(doc, i)] + [len(doc)]
    for start, end in itertools.pairwise(starts):
        cuts = find_cuts(words, start, end, max_tokens)
        if cuts:
            for i in (start, *cuts, end):
                if i < len(doc):
                    doc[i].is_sent_start = True
    return doc


class SentenceCap:
    """The spaCy component ``caravan_sentence_cap`` (see ``caravan.nlp.models``)."""

    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        return cap_sentences(doc, self.max_tokens)
