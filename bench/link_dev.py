"""How well the caravan-dev articles link into movements, against a silver annotation of where each caravan was.

    .venv/bin/python bench/link_dev.py [--store PATH]

Extracts the 46 articles of ``../shared/corpus/caravan-dev.jsonl`` (read at run time, never copied) into a
temporary store (or into ``--store``, reused when it exists), links them, and compares the movements
with ``bench/data/silver_movements/caravan-dev``: for each article, an annotating agent marked every statement of
where a caravan was or planned to go ("sightings": trigger offsets, movement key, place, country, day, asserted or
planned), without seeing any output of Caravan (``bench/data/silver_movements/README.md``).

Two figures, micro over the movements:
- **articles**: which movements each article reports. A gold pair is (article, movement) for every article with a
  sighting of that movement placed at least in a country; a system pair is (article, movement) for every article
  with a leg or planned move in it. Each gold movement is matched to at most one system movement (greedily, by
  shared articles); an unmatched system movement counts as a movement of its own, so merging two caravans,
  splitting one, or a movement of noise all cost precision or recall.
- **legs**: each dated, asserted sighting (movement, country, place, day, deduplicated) is found when the matched
  system movement has a leg in that country, on days holding the sighting's day (one day either side; a leg with
  only a bound: the week up to it), at a place within 161 km (a sighting with no place, or a leg with no
  coordinates: country alone). A leg of a system movement is right when some asserted sighting of its gold
  movement matches it (an undated sighting matches a leg its own article gives).
The last line gives both f1s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from caravan.geo.gazetteer import open_gazetteer
from caravan.link.build import update_links
from caravan.link.query import list_movements
from caravan.link.when import distance_km
from caravan.model import Article
from caravan.nlp.pipeline import Pipeline
from caravan.settings import load_settings
from caravan.store import Database

log = logging.getLogger("bench.link_dev")
ROOT = Path(__file__).resolve().parent.parent
SILVER = ROOT / "bench" / "data" / "silver_movements" / "caravan-dev"
CORPUS = ROOT.parent / "shared" / "corpus" / "caravan-dev.jsonl"
MAX_KM = 161.0
DAY_SLACK = 1
BOUND_DAYS = 7  # an undated event told in an article happened in the week before it, for this comparison


@dataclass(frozen=True)
class Sighting:
    movement: str
    article: str
    country: str | None
    place: str | None
    lat: float | None
    lon: float | None
    day: dt.date | None
    asserted: bool


def read_gold(folder: Path, gazetteer) -> list[Sighting]:
    """Every sighting of a known movement ("?" is a caravan the annotator could not tell), its place resolved."""
    found: list[Sighting] = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for item in record["sightings"]:
            if item["movement"] == "?":
                continue
            lat = lon = None
            if item.get("place") and item.get("country"):
                here = [c for c in gazetteer.find(item["place"]) if c.country == item["country"] and c.lat is not None]
                if here:
                    best = max(here, key=lambda c: c.population)
                    lat, lon = best.lat, best.lon
            day = dt.date.fromisoformat(item["date"]) if item.get("date") else None
            found.append(
                Sighting(
                    item["movement"],
                    record["id"],
                    item.get("country"),
                    item.get("place"),
                    lat,
                    lon,
                    day,
                    item.get("status", "asserted") == "asserted",
                )
            )
    return found


def build_store(path: Path) -> None:
    """Extract and store the caravan-dev articles, then link them."""
    settings = load_settings()
    pipeline = Pipeline(settings)
    db = Database(path)
    start = time.perf_counter()
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            article = Article(
                id=row["id"],
                text=row["text"],
                title=row.get("title"),
                url=row.get("url"),
                outlet=row.get("outlet"),
                published=row.get("published"),
            )
            db.add_article(article, pipeline(article))
    update_links(db, settings=settings)
    log.info("caravan-dev extracted and linked in %.1f s", time.perf_counter() - start)


def interval(leg: dict) -> tuple[dt.date, dt.date] | None:
    """The days a leg may be on: its date (a day or an interval), or the week up to its bound (an undated event told
    in an article of that day)."""
    if leg.get("date"):
        lo, _, hi = leg["date"].partition("/")
        return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi or lo)
    if leg.get("date_bound"):
        bound = dt.date.fromisoformat(leg["date_bound"])
        return bound - dt.timedelta(days=BOUND_DAYS), bound
    return None


def leg_matches(sighting: Sighting, leg: dict) -> bool:
    """Same country, a place within ``MAX_KM`` (or either has none), and the sighting's day within the leg's days
    (``DAY_SLACK`` either side); a sighting with no day matches a leg that its own article gives."""
    if sighting.country != leg.get("country"):
        return False
    if sighting.day is None:
        if sighting.article not in leg.get("articles", ()):
            return False
    else:
        span = interval(leg)
        slack = dt.timedelta(days=DAY_SLACK)
        if span is None or not span[0] - slack <= sighting.day <= span[1] + slack:
            return False
    if sighting.lat is None or leg.get("lat") is None:
        return True
    return distance_km(sighting.lat, sighting.lon, leg["lat"], leg["lon"]) <= MAX_KM


def articles_of(movement: dict) -> set[str]:
    return {a for part in ("legs", "planned") for leg in movement[part] for a in leg.get("articles", ())}


def match(gold: dict[str, set[str]], system: dict[str, set[str]]) -> dict[str, str]:
    """Gold movement -> system movement, one to one, greedily by the articles they share."""
    pairs = sorted(
        ((len(g & s), key, sid) for key, g in gold.items() for sid, s in system.items() if g & s), reverse=True
    )
    chosen: dict[str, str] = {}
    for _, key, sid in pairs:
        if key not in chosen and sid not in chosen.values():
            chosen[key] = sid
    return chosen


def f1(right: int, given: int, wanted: int) -> tuple[float, float, float]:
    p = right / given if given else 0.0
    r = right / wanted if wanted else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold_sightings: list[Sighting], movements: list[dict]) -> None:
    gold: dict[str, set[str]] = defaultdict(set)
    for s in gold_sightings:
        if s.country:  # a caravan told of with no place at all ("the caravan") gives no leg to link
            gold[s.movement].add(s.article)
    system = {m["id"]: articles_of(m) for m in movements}
    label = {m["id"]: m["label"] for m in movements}
    chosen = match(gold, system)
    name = {sid: key for key, sid in chosen.items()}
    gold_pairs = {(a, key) for key, arts in gold.items() for a in arts}
    system_pairs = {(a, name.get(sid, sid)) for sid, arts in system.items() for a in arts}
    right = len(gold_pairs & system_pairs)
    ap, ar, af = f1(right, len(system_pairs), len(gold_pairs))

    wanted = {s for s in gold_sightings if s.asserted and s.day is not None and s.country}
    distinct: dict[str, set[tuple]] = defaultdict(set)
    for s in wanted:
        distinct[s.movement].add((s.country, s.place, s.day))
    by_id = {m["id"]: m for m in movements}
    legs_found = legs_wanted = legs_right = legs_given = 0
    head = ("movement", "articles", "system movement", "shared", "sys art", "legs", "sys legs")
    print(f"{head[0]:10} {head[1]:>8} {head[2]:44} {head[3]:>6} {head[4]:>7} {head[5]:>9} {head[6]:>9}")
    for key in sorted(gold, key=lambda k: -len(gold[k])):
        sid = chosen.get(key)
        mine = [s for s in wanted if s.movement == key]
        legs = by_id[sid]["legs"] if sid else []
        found = {(s.country, s.place, s.day) for s in mine if any(leg_matches(s, leg) for leg in legs)}
        told = [s for s in gold_sightings if s.movement == key and s.asserted and s.country]
        right_legs = sum(any(leg_matches(s, leg) for s in told) for leg in legs)
        legs_found += len(found)
        legs_wanted += len(distinct[key])
        legs_right += right_legs
        legs_given += len(legs)
        shown = f"{sid} {label[sid]}"[:44] if sid else "-"
        shared = len(gold[key] & system[sid]) if sid else 0
        print(
            f"{key[:10]:10} {len(gold[key]):8} {shown:44} {shared:6} {len(system[sid]) if sid else 0:7}"
            f" {len(found):4}/{len(distinct[key]):<4} {right_legs:4}/{len(legs):<4}"
        )
    for sid in system:
        if sid not in name:
            print(f"{'(none)':10} {0:8} {(sid + ' ' + label[sid])[:44]:44} {0:6} {len(system[sid]):7}")
    lp = legs_right / legs_given if legs_given else 0.0
    lr = legs_found / legs_wanted if legs_wanted else 0.0
    lf = 2 * lp * lr / (lp + lr) if lp + lr else 0.0
    print(f"articles: precision {right}/{len(system_pairs)} {ap:.3f}, recall {right}/{len(gold_pairs)} {ar:.3f}")
    print(f"legs: precision {legs_right}/{legs_given} {lp:.3f}, recall {legs_found}/{legs_wanted} {lr:.3f}")
    print(f"movement articles f1 {af:.3f}; legs f1 {lf:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store", type=Path, help="a store of the linked caravan-dev articles: built when missing, else reused"
    )
    parser.add_argument("--gold", type=Path, default=SILVER, help="a folder of movement annotations")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    gazetteer = open_gazetteer(load_settings())
    gold = read_gold(args.gold, gazetteer)
    if args.store:
        if not args.store.exists():
            build_store(args.store)
        movements = list_movements(Database(args.store))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "caravan-dev.db"
            build_store(path)
            movements = list_movements(Database(path))
    score(gold, movements)


if __name__ == "__main__":
    main()
