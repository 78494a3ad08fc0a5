"""Hostile input: one huge sentence (no full stop) of growing length through the whole pipeline, seconds per length.

    .venv/bin/python bench/long_sentence.py [--lengths 2500,5000,10000,20000,40000] [--shapes names,clauses]

Two shapes of generated text, each a single sentence of comma-joined parts: ``names`` (capitalised person, town
and country names, the shape of a list of victims or a route) and ``clauses`` (migration clauses: "migrants walked
to X, police detained 40 people, officials said ..."). Each text goes through ``Pipeline()`` (what ``caravan
extract`` runs) once per length, after a warm-up article; the time per character should stay flat as the
sentence grows. Prints the seconds per length and shape, the growth of seconds per character from the shortest
to the longest text, and on its last line the worst time and the worst growth. ``CARAVAN_MAX_SENTENCE_TOKENS=0``
turns the sentence cap off, to measure the components alone.
"""

from __future__ import annotations

import argparse
import random
import time

from common import load_average

from caravan.model import Article
from caravan.nlp.pipeline import Pipeline

FIRST = ["Maria", "Jose", "Juan", "Ana", "Carlos", "Rosa", "Luis", "Elena", "Pedro", "Sofia", "Miguel", "Lucia"]
LAST = ["Hernandez", "Lopez", "Martinez", "Garcia", "Perez", "Ramirez", "Flores", "Castillo", "Mejia", "Reyes"]
TOWNS = [
    "Tapachula", "Tecun Uman", "Ciudad Hidalgo", "San Pedro Sula", "Tegucigalpa", "Guatemala City", "Tijuana",
    "Ciudad Juarez", "Mexicali", "Reynosa", "Matamoros", "Nogales", "Oaxaca", "Puebla", "Veracruz", "Monterrey",
    "Chiapas", "El Paso", "San Diego", "Mexico City", "Esquipulas", "Agua Caliente", "Corinto", "Huehuetenango",
]  # fmt: skip
COUNTRIES = ["Honduras", "Guatemala", "Mexico", "El Salvador", "Nicaragua", "the United States"]
SUBJECTS = ["migrants", "the caravan", "hundreds of people", "families", "about 300 Hondurans", "the group"]
MOVES = ["walked to", "crossed into", "arrived in", "left", "gathered in", "travelled toward", "reached"]
ACTIONS = [
    "police detained {n} people in {town}",
    "soldiers blocked the road near {town}",
    "officials said {n} migrants were deported to {country}",
    "authorities fired tear gas at the border with {country}",
    "the government offered {n} visas",
    "aid groups gave food to {n} children in {town}",
    '{first} {last}, a spokesman, told Reuters that {n} people had registered',
]  # fmt: skip
SHAPES = ("names", "clauses")


def name_part(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.5:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return rng.choice(TOWNS) if pick < 0.85 else rng.choice(COUNTRIES)


def clause_part(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(SUBJECTS)} {rng.choice(MOVES)} {rng.choice(TOWNS)} on {rng.choice(['Monday', 'Tuesday'])}"
    values = {"n": rng.randint(2, 900), "town": rng.choice(TOWNS), "country": rng.choice(COUNTRIES)}
    return rng.choice(ACTIONS).format(first=rng.choice(FIRST), last=rng.choice(LAST), **values)


def hostile_text(shape: str, length: int, seed: int = 12) -> str:
    """One sentence of about ``length`` characters: comma-joined parts of the shape, no full stop."""
    rng = random.Random(seed)
    make = name_part if shape == "names" else clause_part
    head = "Witnesses listed " if shape == "names" else "On the road "
    parts: list[str] = []
    size = len(head)
    while size < length:
        parts.append(make(rng))
        size += len(parts[-1]) + 2
    return head + ", ".join(parts) + "\n"


def seconds(pipeline: Pipeline, text: str) -> float:
    started = time.perf_counter()
    pipeline(Article(id="hostile", text=text, published="2020-01-17", language="en"))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default="2500,5000,10000,20000,40000")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    lengths = [int(x) for x in args.lengths.split(",")]
    pipeline = Pipeline()
    print(f"max_sentence_tokens: {pipeline.settings.max_sentence_tokens}   (load average {load_average()})")
    seconds(pipeline, "About 120 migrants crossed into Mexico on Tuesday, police said.\n")  # models and data load
    worst_time, worst_growth = 0.0, 0.0
    for shape in args.shapes.split(","):
        times = [seconds(pipeline, hostile_text(shape, n)) for n in lengths]
        for n, t in zip(lengths, times, strict=True):
            print(f"{shape:8} {n:7,} chars  {t:8.2f} s  {1e6 * t / n:8.1f} µs/char")
        growth = (times[-1] / lengths[-1]) / (times[0] / lengths[0])
        print(f"{shape:8} seconds per char, {lengths[-1]:,} vs {lengths[0]:,} chars: {growth:.2f}x")
        worst_time, worst_growth = max(worst_time, max(times)), max(worst_growth, growth)
    print(f"worst seconds: {worst_time:.2f}, worst growth of seconds per char: {worst_growth:.2f}x")


if __name__ == "__main__":
    main()
