"""Benchmark 5: resident memory of one worker over a long run (goal: peak < 700 MB, and flat).

    .venv/bin/python bench/memory_flat.py --articles 10000          # the corpus repeated with changed ids
    .venv/bin/python bench/memory_flat.py --articles 3000 --no-zone  # without spaCy's memory zone, to compare

One Pipeline runs over the articles as a worker does; RSS is sampled every ``--every`` articles. ``--no-zone``
calls the pipeline's parts directly, without ``nlp.memory_zone()``, to show what the zone saves.
"""

from __future__ import annotations

import argparse
import math

from common import corpus_articles, load_average, peak_rss_mib, rss_mib

from caravan.nlp.pipeline import Pipeline, to_record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=250)
    parser.add_argument("--no-zone", action="store_true")
    args = parser.parse_args()
    base = corpus_articles()
    articles = corpus_articles(repeat=math.ceil(args.articles / len(base)))[: args.articles]
    pipeline = Pipeline()
    samples: list[tuple[int, float]] = []
    for n, article in enumerate(articles, 1):
        if args.no_zone:
            language = pipeline.language_of(article)
            to_record(pipeline.make_doc(article, language), language)
        else:
            pipeline(article)
        if n % args.every == 0 or n == len(articles):
            samples.append((n, rss_mib()))
            print(f"{n:6d} articles: RSS {samples[-1][1]:.0f} MiB", flush=True)
    strings = len(pipeline.model_for("en").vocab.strings)
    first, last = samples[0][1], samples[-1][1]
    print(f"zone: {not args.no_zone}   string store: {strings}   (load average {load_average()})")
    print(f"RSS after {samples[0][0]}: {first:.0f} MiB, after {samples[-1][0]}: {last:.0f} MiB")
    print(
        f"peak RSS MiB over {len(articles)} articles: {peak_rss_mib():.0f} (growth after the first sample: "
        f"{last - first:+.0f})"
    )


if __name__ == "__main__":
    main()
