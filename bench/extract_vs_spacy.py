"""Benchmark 1: throughput of the caravan pipeline against bare spaCy ``nlp.pipe``, same model, one core.

    OMP_NUM_THREADS=1 .venv/bin/python bench/extract_vs_spacy.py --limit 200

Both run in this process over the same articles, in alternating blocks (so load from other work on the machine
falls on both alike). The ratio is caravan's throughput over spaCy's (goal >= 0.80), in CPU and in wall time.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: no BLAS threads

import spacy
from common import Clock, batches, corpus_articles, load_average

from caravan.nlp.pipeline import Pipeline
from caravan.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="articles of the corpus (default: %(default)s)")
    parser.add_argument("--block", type=int, default=25, help="articles per alternating block")
    args = parser.parse_args()
    settings = load_settings()
    pipeline = Pipeline(settings)
    nlp = spacy.load(settings.model_en)  # bare: the same model, without caravan's paragraph rule
    articles = corpus_articles(args.limit)
    pipeline(articles[0])  # warm up both: components and lazy data load before timing
    list(nlp.pipe([articles[0].text]))
    bare, single, caravan = Clock(), Clock(), Clock()
    for block in batches(articles, args.block):
        bare.run(lambda b: list(nlp.pipe(a.text for a in b)), block)
        single.run(lambda b: [nlp(a.text) for a in b], block)  # spaCy one text at a time, as caravan calls it
        caravan.run(lambda b: [pipeline(a) for a in b], block)
    n = len(articles)
    print(f"articles:          {n}   (load average {load_average()})")
    print(f"bare spaCy:        {bare.cpu:.1f} s CPU, {bare.wall:.1f} s wall ({n / bare.cpu:.2f} articles/CPU-s)")
    print(
        f"bare spaCy, nlp(text) one by one: {single.cpu:.1f} s CPU (what batching alone gives: "
        f"{single.cpu / bare.cpu:.2f}x)"
    )
    rate = n / caravan.cpu
    print(f"caravan pipeline:  {caravan.cpu:.1f} s CPU, {caravan.wall:.1f} s wall ({rate:.2f} articles/CPU-s)")
    print(f"wall ratio:        {bare.wall / caravan.wall:.2f}")
    print(f"throughput ratio caravan/spaCy (CPU): {bare.cpu / caravan.cpu:.2f}")


if __name__ == "__main__":
    main()
