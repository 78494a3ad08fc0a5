"""Profile of the pipeline (cProfile) on the first N articles of the corpus: the top costs, by own and total time.

    .venv/bin/python bench/profile_extract.py --limit 60

Prints the functions that take the most time, by own time and by total time; the last line is the profiled
seconds. (Cython code shows up in its Python callers: ``Doc.text`` rebuilds count in the function reading it.)
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats

from common import corpus_articles

from caravan.nlp.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    pipeline = Pipeline()
    articles = corpus_articles(args.limit)
    pipeline(articles[0])  # components and data load outside the profile
    profile = cProfile.Profile()
    profile.enable()
    for article in articles:
        pipeline(article)
    profile.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.top)
        print(out.getvalue())
    out = io.StringIO()  # who reads Doc.text (a property that joins every token on each access)
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_callers(r"doc\.pyx:\d+\(__get__\)")
    print(out.getvalue())
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in stats.values())
    print(f"profiled seconds over {len(articles)} articles: {total:.1f}")


if __name__ == "__main__":
    main()
