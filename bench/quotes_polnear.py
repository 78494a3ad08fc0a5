"""Quote extraction on the PolNeAR dev gold: run the Pipeline over ../shared/gold/polnear-dev and score it.

    .venv/bin/python bench/quotes_polnear.py [GOLD_DIR] [--limit N] [--noun-objects]

By default quotes follow ANNOTATION.md (only reported clauses are indirect quotes); ``--noun-objects`` follows
PolNeAR's own convention, where noun-phrase and "to" clause objects of reporting verbs are attributed content.

Writes the predictions to bench/out/quotes_polnear.jsonl and prints the reference scorer's quote lines.
The gold is third-party text: it is read from ../shared at run time, never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
from pathlib import Path

from caravan.model import Article
from caravan.nlp.pipeline import Pipeline
from caravan.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT.parent / "shared" / "gold" / "polnear-dev"
SCORER = ROOT.parent / "shared" / "gold" / "score.py"
OUT = ROOT / "bench" / "out" / "quotes_polnear.jsonl"


def load_articles(gold_dir: Path, limit: int | None = None) -> list[Article]:
    """One Article per NAME.txt, its id and publication date taken from NAME.json."""
    articles = []
    for path in sorted(gold_dir.glob("*.json"))[:limit]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        articles.append(Article(id=gold["id"], text=text, published=gold.get("published"), language="en"))
    return articles


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", type=Path, default=GOLD_DIR)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--noun-objects", action="store_true", help="PolNeAR's convention for objects")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    pipeline = Pipeline(load_settings(quote_noun_objects=args.noun_objects))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for article in load_articles(args.gold_dir, args.limit):
            fh.write(json.dumps(pipeline(article).to_dict(), ensure_ascii=False) + "\n")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(args.gold_dir), str(OUT)], capture_output=True, text=True, check=True
    )
    sys.stdout.write("".join(line + "\n" for line in result.stdout.splitlines() if line.startswith("quotes")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
