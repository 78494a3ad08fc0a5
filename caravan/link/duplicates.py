"""Near-duplicate articles (syndicated copies, light edits) found with MinHash LSH over word shingles.

Each stored original's MinHash signature is saved in the store, so the index is rebuilt at the start of a
run from the signatures and near-duplicates are found across runs, not only within one.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from caravan.settings import Settings
from caravan.store.base import Store

log = logging.getLogger(__name__)

SHINGLE_WORDS = 3  # words per shingle: short enough that a light edit changes few shingles
WORD = re.compile(r"\w+")
MINHASH_SCHEME = "affine32"  # datasketch permutation scheme; saved signatures are only comparable within one
SIGNATURE_DTYPE = np.dtype("<u4")  # affine32 hash values, stored little-endian


@dataclass(frozen=True)
class NearDuplicate:
    """A stored original that an article nearly repeats, with their estimated Jaccard similarity."""

    original: str
    similarity: float


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word shingles of a text, case-folded (a shorter text is one shingle)."""
    words = [w.casefold() for w in WORD.findall(text)]
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class DuplicateIndex:
    """An LSH index of original articles' MinHash signatures, queried for each new article."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.signatures: dict[str, MinHash] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> DuplicateIndex:
        return cls(settings.near_duplicate_threshold, settings.minhash_permutations)

    @property
    def scheme(self) -> str:
        """What a saved signature must have been made with to be comparable with this index's."""
        return f"{MINHASH_SCHEME}/{self.num_perm}/w{SHINGLE_WORDS}"

    def __len__(self) -> int:
        return len(self.signatures)

    def signature(self, text: str) -> MinHash | None:
        """The MinHash of a text's shingles; None for a text without words."""
        grams = shingles(text)
        if not grams:
            return None
        minhash = MinHash(num_perm=self.num_perm, scheme=MINHASH_SCHEME)
        minhash.update_batch(list(grams))
        return minhash

    def add(self, article_id: str, minhash: MinHash) -> None:
        if article_id in self.signatures:
            return
        self.lsh.insert(article_id, minhash)
        self.signatures[article_id] = minhash

    def remove(self, article_id: str) -> None:
        """Forget an article (one that failed before it was stored)."""
        if self.signatures.pop(article_id, None) is not None:
            self.lsh.remove(article_id)

    def find(self, minhash: MinHash) -> NearDuplicate | None:
        """The most similar indexed original at or above the threshold, if any."""
        best: NearDuplicate | None = None
        for candidate in self.lsh.query(minhash):
            similarity = minhash.jaccard(self.signatures[candidate])
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = NearDuplicate(candidate, similarity)
        return best

    def encode(self, minhash: MinHash) -> tuple[str, bytes]:
        """(scheme, bytes) of a signature, as the store saves it."""
        return self.scheme, minhash.hashvalues.astype(SIGNATURE_DTYPE).tobytes()

    def decode(self, data: bytes) -> MinHash:
        values = np.frombuffer(data, dtype=SIGNATURE_DTYPE).astype(np.uint32)
        return MinHash(num_perm=self.num_perm, scheme=MINHASH_SCHEME, hashvalues=values)


def load_index(db: Store, settings: Settings) -> DuplicateIndex:
    """The index of every stored original, from saved signatures; missing ones are computed and saved."""
    index = DuplicateIndex.from_settings(settings)
    for article_id, data in db.signatures(index.scheme):
        index.add(article_id, index.decode(data))
    unsigned = db.unsigned_articles(index.scheme)
    if unsigned:
        log.info("signing %d stored articles with MinHash scheme %s", len(unsigned), index.scheme)
    for article_id, text in unsigned:
        minhash = index.signature(text)
        if minhash is not None:
            db.save_signature(article_id, *index.encode(minhash))
            index.add(article_id, minhash)
    return index
