"""Sentence lengths of real articles as the parser reads them, and how often the sentence cap would cut them.

    .venv/bin/python bench/sentence_lengths.py [--limit 300] [--cap 200]

Parses the first N corpus articles with the sentence cap off and prints the distribution of sentence lengths in
tokens (p50, p90, p99, p99.9, max), then parses them again with the cap on and counts the sentences it changed.
The last line is the longest real sentence and the number of sentences the cap changed.
"""

from __future__ import annotations

import argparse
import time

from common import corpus_articles, load_average

from caravan.nlp.models import load_model
from caravan.settings import load_settings


def percentile(values: list[int], share: float) -> int:
    return values[min(len(values) - 1, int(share * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--cap", type=int, default=200)
    args = parser.parse_args()
    model = load_settings().model_en
    texts = [a.text for a in corpus_articles(args.limit) if (a.language or "en") == "en"]
    timings = {}
    sentences = {}
    for cap in (0, args.cap):
        nlp = load_model(model, cap)
        started = time.process_time()
        docs = list(nlp.pipe(texts))
        timings[cap] = time.process_time() - started
        sentences[cap] = [(i, s.start_char, s.end_char, len(s)) for i, d in enumerate(docs) for s in d.sents]
    lengths = sorted(n for *_, n in sentences[0])
    print(f"{len(texts)} articles, {len(lengths)} sentences   (load average {load_average()})")
    for name, share in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("p99.9", 0.999)):
        print(f"{name:6} {percentile(lengths, share):5} tokens")
    print(f"max    {lengths[-1]:5} tokens")
    changed = len(set(sentences[args.cap]) - set(sentences[0]))
    print(f"parse CPU seconds: cap off {timings[0]:.2f}, cap {args.cap} {timings[args.cap]:.2f}")
    print(f"longest sentence {lengths[-1]} tokens; sentences changed by a cap of {args.cap}: {changed}")


if __name__ == "__main__":
    main()
