"""Prints the events found in development articles, each with its sentence, for reading and error analysis.

.venv/bin/python bench/events_dev.py [N ...]     articles by line number in ../shared/corpus/caravan-dev.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from caravan.model import Article
from caravan.nlp.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "caravan-dev.jsonl"


def load_articles(lines: list[int]) -> list[Article]:
    rows = CORPUS.read_text(encoding="utf-8").splitlines()
    out = []
    for n in lines:
        d = json.loads(rows[n])
        out.append(Article(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published")))
    return out


def sentence_at(text: str, start: int) -> str:
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start))
    right = min(x for x in (text.find("\n", start), text.find(". ", start), len(text)) if x >= 0)
    return text[left + 1 : right + 1].strip()


def show(pipeline: Pipeline, article: Article) -> None:
    record = pipeline(article)
    sys.stdout.write(f"\n##### {article.id} {article.published} {article.title}\n")
    for e in record.events:
        trigger = article.text[e.start : e.end]
        sys.stdout.write(
            f"- {trigger!r} {e.type}/{e.modality} actor={e.actor!r} place={e.place!r} "
            f"country={e.country} date={e.date} size={e.size} amount={e.amount} quote={e.quote}\n"
            f"    | {sentence_at(article.text, e.start)}\n"
        )


def main(argv: list[str]) -> int:
    pipeline = Pipeline()
    for article in load_articles([int(a) for a in argv] or [22, 31, 32, 30, 15]):
        show(pipeline, article)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
