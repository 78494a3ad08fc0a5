"""Places quality on GeoWebNews: runs the whole Pipeline from raw text over ../shared/gold/geowebnews, writes the
records to bench/out/places_geowebnews.jsonl and scores them with the reference scorer.

    .venv/bin/python bench/places_geowebnews.py [--gold DIR] [--out FILE] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import time
from pathlib import Path

from caravan.model import Article
from caravan.nlp.pipeline import Pipeline
from caravan.settings import load_settings

log = logging.getLogger("bench.places_geowebnews")
ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "geowebnews"
OUT = ROOT / "bench" / "out" / "places_geowebnews.jsonl"
SCORER = ROOT.parent / "shared" / "gold" / "score.py"


def read_articles(gold: Path, limit: int | None) -> list[Article]:
    """Every gwn-N.txt of the folder as an Article (publication date from its gold record, when given)."""
    articles = []
    for txt in sorted(gold.glob("gwn-*.txt"), key=lambda p: int(p.stem.split("-")[1]))[:limit]:
        meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        articles.append(
            Article(id=txt.stem, text=txt.read_text(encoding="utf-8"), published=meta.get("published"), source=str(txt))
        )
    return articles


def run(gold: Path, out: Path, limit: int | None) -> None:
    pipeline = Pipeline(load_settings())
    articles = read_articles(gold, limit)
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for article in articles:
            fh.write(json.dumps(pipeline(article).to_dict(), ensure_ascii=False) + "\n")
    log.info("%d articles in %.1f s -> %s", len(articles), time.perf_counter() - start, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    run(args.gold, args.out, args.limit)
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(args.gold), str(args.out)], capture_output=True, text=True, check=True
    )
    sys.stdout.write("".join(line + "\n" for line in scored.stdout.splitlines() if line.startswith("places.")))


if __name__ == "__main__":
    main()
