"""Spanish events with and without the Spanish model, on sentences the Caravan team wrote (bench/data/events_es.tsv).

    .venv/bin/python bench/events_es.py            prints precision and recall (type, and type with modality)
    .venv/bin/python bench/events_es.py --show     also prints each sentence's misses and extras

Rules only: the model setting points at a model that is not installed, so the pipeline uses the blank Spanish one.
"""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from pathlib import Path

from caravan.model import Article
from caravan.nlp.pipeline import Pipeline
from caravan.settings import load_settings

DATA_DIR = Path(__file__).resolve().parent / "data"
# events_es.tsv: the sentences the rules were written against; events_es_heldout.tsv: written after, never tuned on
DATA_FILES = ("events_es.tsv", "events_es_heldout.tsv")
NO_MODEL = "caravan_no_such_model"


def load_cases(name: str) -> list[tuple[str, list[str]]]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and line[0] != "#"]
    return [(row[0], row[1].split() if len(row) > 1 else []) for row in rows]


def found_events(pipeline: Pipeline, text: str) -> list[str]:
    record = pipeline(Article(id="s", text=text, language="es", published="2021-01-20"))
    return [f"{e.type}/{e.modality}" for e in record.events]


def tally(expected: list[str], found: list[str], key) -> tuple[int, int, int]:
    want, got = Counter(map(key, expected)), Counter(map(key, found))
    return sum((want & got).values()), sum(got.values()), sum(want.values())


def run(model: str, data_file: str, show: bool) -> None:
    settings = load_settings()
    pipeline = Pipeline(dataclasses.replace(settings, model_es=model))
    totals = {"type": [0, 0, 0], "type+modality": [0, 0, 0]}
    keys = {"type": lambda x: x.split("/")[0], "type+modality": lambda x: x}
    for text, expected in load_cases(data_file):
        found = found_events(pipeline, text)
        for name, key in keys.items():
            totals[name] = [a + b for a, b in zip(totals[name], tally(expected, found, key), strict=True)]
        if show and sorted(found) != sorted(expected):
            sys.stdout.write(f"  {text}\n    expected {expected} found {found}\n")
    for name, (hits, n_found, n_expected) in totals.items():
        label = "rules only" if model == NO_MODEL else f"model {model}"
        sys.stdout.write(
            f"{data_file:24} {label:24} {name:14} precision "
            f"{hits / max(n_found, 1):.3f} ({hits}/{n_found})  recall {hits / max(n_expected, 1):.3f} "
            f"({hits}/{n_expected})\n"
        )


if __name__ == "__main__":
    show = "--show" in sys.argv
    for data_file in DATA_FILES:
        run(NO_MODEL, data_file, show)
        run(load_settings().model_es, data_file, show)
