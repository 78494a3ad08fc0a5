"""CPU time of each pipeline component next to spaCy's parse, on articles spread over the corpus, one core.

    OMP_NUM_THREADS=1 .venv/bin/python bench/component_times.py --limit 1000 --every 10

Runs the real pipeline (``Pipeline.__call__``: language, parse in a memory zone, components, record) on every
``--every``-th of the first ``--limit`` articles and times each component as it runs; "parse and the rest" is the
pipeline's time outside the components. Benchmark 1 compares the whole against bare spaCy; this says where
caravan's own share goes. The last line is the components' CPU seconds per 100 articles.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from functools import cached_property

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: no BLAS threads

from common import corpus_articles, load_average
from spacy.tokens import Doc

from caravan.nlp.pipeline import Pipeline


class TimedPipeline(Pipeline):
    """The pipeline, with each component's CPU time added up by name."""

    times: dict[str, float]

    @cached_property
    def timed(self) -> list[Callable[[Doc], Doc]]:
        self.times = {}
        return [self._timed(type(c).__name__, c) for c in Pipeline.components.fget(self)]  # type: ignore[attr-defined]

    @property
    def components(self) -> list[Callable[[Doc], Doc]]:
        return self.timed

    def _timed(self, name: str, component: Callable[[Doc], Doc]) -> Callable[[Doc], Doc]:
        def run(doc: Doc) -> Doc:
            start = time.process_time()
            try:
                return component(doc)
            finally:
                self.times[name] = self.times.get(name, 0.0) + time.process_time() - start

        return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles of the corpus (default: %(default)s)")
    parser.add_argument("--every", type=int, default=10, help="take every n-th of them (default: %(default)s)")
    args = parser.parse_args()
    articles = corpus_articles(args.limit)[:: args.every]
    pipeline = TimedPipeline()
    pipeline(articles[0])  # models, components and data load before timing
    pipeline.times.clear()
    start = time.process_time()
    for article in articles:
        pipeline(article)
    total = time.process_time() - start
    components = sum(pipeline.times.values())
    n = len(articles)
    print(f"articles: {n} (every {args.every}th of the first {args.limit}; load average {load_average()})")
    print(f"{'parse and the rest':22s} {total - components:7.2f} s  {100 * (total - components) / total:5.1f}%")
    for name, seconds in sorted(pipeline.times.items(), key=lambda kv: -kv[1]):
        print(f"{name:22s} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    share = f"{100 * components / total:.1f}% of {total:.1f} s"
    print(f"components: {100 * components / n:.2f} CPU-s per 100 articles ({share})")


if __name__ == "__main__":
    main()
