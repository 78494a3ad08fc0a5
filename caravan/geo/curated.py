"""Adds country spellings, demonyms and centroids (countryinfo) and the curated data file to a gazetteer."""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from caravan.geo.names import is_latin
from caravan.geo.store import GazetteerWriter

log = logging.getLogger(__name__)

CURATED_FILE = Path(__file__).resolve().parent.parent / "data" / "geo" / "curated.json"
# altSpellings that are codes ("GT", "GTM") are not names
MAX_CODE_LENGTH = 3
ROUTE_CODE = "ROUTE"  # code of curated border crossings and route towns (the resolver gives them a higher prior)


@lru_cache(maxsize=1)
def load_curated() -> dict[str, Any]:
    """The curated data file, without its ``_about`` notes."""
    with CURATED_FILE.open(encoding="utf-8") as fh:
        return json.load(fh)


def curated_digest() -> str:
    """A short hash of the curated file: part of the gazetteer version, so edits trigger a rebuild."""
    return hashlib.sha1(CURATED_FILE.read_bytes()).hexdigest()[:8]


def _entries(section: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in section.items() if not k.startswith("_")}


def _countryinfo_records() -> list[dict[str, Any]]:
    folder = resources.files("countryinfo").joinpath("data")
    out = []
    for item in folder.iterdir():
        if item.name.endswith(".json"):
            out.append(json.loads(item.read_text(encoding="utf-8")))
    return out


def add_country_extras(writer: GazetteerWriter, country_ids: dict[str, int]) -> None:
    """Centroids, alternative spellings, Spanish names and demonyms of countries from countryinfo."""
    for rec in _countryinfo_records():
        iso2 = (rec.get("ISO") or {}).get("alpha2")
        if iso2 not in country_ids:
            continue
        pid = country_ids[iso2]
        latlng = rec.get("latlng") or []
        if len(latlng) == 2:
            writer.query("UPDATE places SET lat = ?, lon = ? WHERE id = ? AND lat IS NULL", (*latlng, pid))
        names = [n for n in rec.get("altSpellings") or [] if not (n.isupper() and len(n) <= MAX_CODE_LENGTH)]
        names += [rec.get("name") or "", rec.get("nativeName") or "", (rec.get("translations") or {}).get("es") or ""]
        writer.add_names(pid, [n for n in names if n and is_latin(n)], "alt")
        if rec.get("demonym"):
            writer.add_demonym(rec["demonym"], iso2)


def _place_by_geonameid(writer: GazetteerWriter, geonameid: int) -> int | None:
    row = writer.query("SELECT id FROM places WHERE geonameid = ? ORDER BY id LIMIT 1", (geonameid,))
    return row[0][0] if row else None


def _admin_by_name(writer: GazetteerWriter, country: str, name: str) -> int | None:
    row = writer.query("SELECT id FROM places WHERE feature = 'admin' AND country = ? AND name = ?", (country, name))
    return row[0][0] if row else None


def add_curated(writer: GazetteerWriter, country_ids: dict[str, int]) -> None:
    """Everything in the curated data file: aliases, demonyms, short forms, division abbreviations, regions, towns."""
    data = load_curated()
    for iso2, names in _entries(data["country_aliases"]).items():
        if iso2 in country_ids:
            writer.add_names(country_ids[iso2], names, "alt")
    for iso2, names in _entries(data["demonyms"]).items():
        for name in names:
            writer.add_demonym(name, iso2)
    for iso2, names in _entries(data["short_forms"]).items():
        if iso2 in country_ids:
            writer.add_names(country_ids[iso2], names, "short")
    for iso2, divisions in _entries(data["admin_abbreviations"]).items():
        for division, abbrs in divisions.items():
            pid = _admin_by_name(writer, iso2, division)
            if pid is not None:
                writer.add_names(pid, abbrs, "abbr")
    for region in data["regions"]["items"]:
        pid = writer.add_place(
            region["name"],
            "region",
            lat=region["lat"],
            lon=region["lon"],
            countries=region.get("countries") or (),
            code="RGN",
            source="curated",
        )
        writer.add_names(pid, region.get("aliases") or [], "alt")
    for town in data["towns"]["items"]:
        add_town(writer, town)
    add_borders(writer, country_ids)


def add_town(writer: GazetteerWriter, town: dict[str, Any]) -> None:
    """A curated town, or more names for a packaged one (``alias_of`` its geonameid)."""
    if town.get("alias_of"):
        pid = _place_by_geonameid(writer, town["alias_of"])
        if pid is None:
            log.info("curated alias %r: geonameid %s not in this gazetteer", town["name"], town["alias_of"])
            return
        writer.query("UPDATE places SET code = ? WHERE id = ?", (ROUTE_CODE, pid))
    else:
        pid = writer.add_place(
            town["name"],
            "city",
            geonameid=town.get("geonameid"),
            country=town["country"],
            admin1=town.get("admin1"),
            lat=town["lat"],
            lon=town["lon"],
            population=town.get("population") or 0,
            code=ROUTE_CODE,
            source="curated",
        )
    writer.add_names(pid, [town["name"], *(town.get("aliases") or [])], "alt")


def add_borders(writer: GazetteerWriter, country_ids: dict[str, int]) -> None:
    """One border feature for every pair of neighbouring countries, named both ways round."""
    rows = writer.query("SELECT c.iso2, c.neighbours, p.name FROM countries c JOIN places p ON p.id = c.place")
    table = {iso2: (neigh.split(",") if neigh else [], name) for iso2, neigh, name in rows}
    pairs = {tuple(sorted((a, b))) for a, (neighbours, _) in table.items() for b in neighbours if b in table and b != a}
    for a, b in sorted(pairs):
        name_a, name_b = table[a][1], table[b][1]
        pid = writer.add_place(f"{name_a}-{name_b} border", "border", countries=(a, b), code="BDR", source="countries")
        writer.add_names(pid, [f"{name_b}-{name_a} border"], "alt")
