"""How close the movement linked from the reference article comes to its worked example.

    .venv/bin/python bench/link_seed.py

Reads ``../shared/gold/seed.txt`` and the target in ``../shared/gold/seed-movement.md`` at run time (never copied),
extracts and links the article (published 2020-01-17) in a temporary store, and prints per part of the target
(legs, planned moves, counts) how many target items the output has: a leg or planned move matches on country,
place within 161 km (or both without coordinates) and date (the same day, interval or bound); a count on date.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from caravan.link.build import update_links
from caravan.link.query import list_movements
from caravan.link.when import distance_km
from caravan.model import Article
from caravan.nlp.pipeline import Pipeline
from caravan.settings import load_settings
from caravan.store import Database

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
MAX_KM = 161.0


def target() -> dict:
    text = (GOLD / "seed-movement.md").read_text(encoding="utf-8")
    return json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))[0]


def linked() -> list[dict]:
    settings = load_settings()
    article = Article(id="seed", text=(GOLD / "seed.txt").read_text(encoding="utf-8"), published="2020-01-17")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "seed.db")
        db.add_article(article, Pipeline(settings)(article))
        update_links(db, settings=settings)
        return list_movements(db)


def same_leg(want: dict, got: dict) -> bool:
    if want.get("country") != got.get("country"):
        return False
    if (want.get("date"), want.get("date_bound")) != (got.get("date"), got.get("date_bound")):
        return False
    if want.get("lat") is None or got.get("lat") is None:
        return want.get("lat") is None and got.get("lat") is None
    return distance_km(want["lat"], want["lon"], got["lat"], got["lon"]) <= MAX_KM


def main() -> None:
    movements, want = linked(), target()
    print(f"movements: {len(movements)} (target 1)")
    got = movements[0] if movements else {"legs": [], "planned": [], "counts": [], "status": None}
    print(f"status: {got['status']} (target {want['status']})")
    for part in ("legs", "planned"):
        found = sum(any(same_leg(w, g) for g in got[part]) for w in want[part])
        print(f"{part}: {found} of {len(want[part])} target items found; {len(got[part])} given")
    dates = {c["date"] for c in got["counts"]}
    found = sum(c["date"] in dates for c in want["counts"])
    print(f"counts: {found} of {len(want['counts'])} target dates found; {len(got['counts'])} given")


if __name__ == "__main__":
    main()
