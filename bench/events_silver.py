"""Events (and quotes, where a set marks them) on silver sets of unseen corpus articles: runs the whole Pipeline
over the articles that bench/data/silver_events/ annotates (read from ../shared/corpus at run time), writes the
records to bench/out/ and scores each set with the reference scorer (events, and quotes where the set marks them).

The silver sets are not gold: each article's events were marked by an annotating agent that followed
../shared/gold/ANNOTATION.md from the text alone, without seeing any system output (bench/data/silver_events/README.md).
They measure how extraction holds on articles no rule was written from; their absolute figures are below what
human gold would give, their changes are what to read.

    .venv/bin/python bench/events_silver.py [--sets set1 set2 set3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import subprocess
import sys
import time
from pathlib import Path

from caravan.model import Article
from caravan.nlp.pipeline import Pipeline
from caravan.settings import load_settings

log = logging.getLogger("bench.events_silver")
ROOT = Path(__file__).resolve().parent.parent
SILVER = ROOT / "bench" / "data" / "silver_events"
CORPUS = ROOT.parent / "shared" / "corpus"
CORPORA = (CORPUS / "immigration.jsonl.gz", CORPUS / "caravan-dev.jsonl")
OUT = ROOT / "bench" / "out"
SCORER = ROOT.parent / "shared" / "gold" / "score.py"


def corpus_articles(ids: set[str]) -> dict[str, Article]:
    """The corpus articles with these ids."""
    found: dict[str, Article] = {}
    for path in CORPORA:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] in ids and row["id"] not in found:
                    found[row["id"]] = Article(id=row["id"], text=row["text"], published=row.get("published"))
    return found


def run(name: str, pipeline: Pipeline) -> str:
    """Extract one set's articles and score them; the scorer's events lines."""
    folder = SILVER / name
    ids = {p.stem for p in folder.glob("*.json")}
    articles = corpus_articles(ids)
    missing = sorted(ids - set(articles))
    if missing:
        raise SystemExit(f"{name}: {len(missing)} annotated articles not in the corpus: {', '.join(missing[:5])}")
    out = OUT / f"events_silver_{name}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for article_id in sorted(ids):
            fh.write(json.dumps(pipeline(articles[article_id]).to_dict(), ensure_ascii=False) + "\n")
    log.info("%s: %d articles in %.1f s -> %s", name, len(ids), time.perf_counter() - start, out)
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(folder), str(out)], capture_output=True, text=True, check=True
    )
    fields = ("events.", "quotes.") if has_quotes(folder) else ("events.",)
    return "".join(f"{name} {line}\n" for line in scored.stdout.splitlines() if line.startswith(fields))


def has_quotes(folder: Path) -> bool:
    """Whether the set annotates quotes as well (set3 does; set1 and set2 mark events only)."""
    return any(json.loads(path.read_text(encoding="utf-8")).get("quotes") for path in folder.glob("*.json"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=sorted(p.name for p in SILVER.iterdir() if p.is_dir()))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pipeline = Pipeline(load_settings())
    for name in args.sets:
        sys.stdout.write(run(name, pipeline))


if __name__ == "__main__":
    main()
