"""Imports a GeoNames dump (allCountries.txt or citiesN.txt, admin1CodesASCII.txt, countryInfo.txt) into a
gazetteer file, for users who have the full data; the curated additions and countryinfo's spellings are added."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from caravan.errors import GazetteerError
from caravan.geo.curated import add_country_extras, add_curated
from caravan.geo.names import is_latin
from caravan.geo.store import GazetteerWriter

log = logging.getLogger(__name__)

PLACE_FILES: tuple[str, ...] = (
    "allCountries.txt",
    "cities500.txt",
    "cities1000.txt",
    "cities5000.txt",
    "cities15000.txt",
)
ADMIN1_FILE = "admin1CodesASCII.txt"
COUNTRY_FILE = "countryInfo.txt"
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})
# feature of other GeoNames classes: areas, mountains and waters are regions; spots and buildings sit in towns
CLASS_FEATURES: dict[str, str] = {
    "P": "city",
    "L": "region",
    "T": "region",
    "H": "region",
    "S": "city",
    "V": "region",
    "R": "city",
    "U": "region",
}
DUMP_COLUMNS = 19


@dataclass
class DumpFiles:
    places: Path
    admin1: Path
    countries: Path


def find_dump(path: Path) -> DumpFiles:
    """The three files of a dump, from its folder or from its main file."""
    folder = path if path.is_dir() else path.parent
    places = path if path.is_file() else next((folder / n for n in PLACE_FILES if (folder / n).is_file()), None)
    admin1, countries = folder / ADMIN1_FILE, folder / COUNTRY_FILE
    missing = [str(p) for p in (places, admin1, countries) if p is None or not p.is_file()]
    if places is None or missing:
        raise GazetteerError(
            f"incomplete GeoNames dump in {folder}: need one of {', '.join(PLACE_FILES)}, "
            f"{ADMIN1_FILE} and {COUNTRY_FILE} (missing: {', '.join(missing) or 'places file'})"
        )
    return DumpFiles(places, admin1, countries)


def _rows(path: Path, width: int) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            row = line.rstrip("\n").split("\t")
            if len(row) < width:
                raise GazetteerError(f"{path.name}:{n}: {len(row)} columns, expected {width}")
            yield row


def read_countries(path: Path) -> dict[str, list[str]]:
    """countryInfo.txt rows by ISO2: ISO, ISO3, numeric, fips, name, capital, area, population, continent, ...,
    geonameid (16), neighbours (17)."""
    return {row[0]: row for row in _rows(path, 18)}


def read_admin1(path: Path) -> dict[str, tuple[str, int | None]]:
    """admin1CodesASCII.txt: "GT.22" -> (name, geonameid)."""
    return {row[0]: (row[1], int(row[3]) if row[3].isdigit() else None) for row in _rows(path, 4)}


def import_geonames(source: Path, path: Path, version: str) -> Path:
    """Build a gazetteer file at ``path`` from the GeoNames dump at ``source``."""
    files = find_dump(source)
    countries = read_countries(files.countries)
    admin1 = read_admin1(files.admin1)
    writer = GazetteerWriter(path)
    try:
        country_ids = _add_countries(writer, countries)
        admin_ids = _add_admin1(writer, admin1)
        _add_dump_places(writer, files.places, countries, admin1, country_ids, admin_ids)
        add_country_extras(writer, country_ids)
        add_curated(writer, country_ids)
        writer.set_meta("version", version)
        writer.set_meta("source", f"GeoNames dump: {files.places.name}")
    except Exception:
        writer.abort()
        raise
    return writer.close()


def _add_countries(writer: GazetteerWriter, countries: dict[str, list[str]]) -> dict[str, int]:
    ids = {}
    for iso2, row in countries.items():
        pid = writer.add_place(
            row[4],
            "country",
            geonameid=int(row[16]) if row[16].isdigit() else None,
            country=iso2,
            population=int(row[7] or 0),
            code="PCLI",
            source="geonames",
        )
        writer.add_country(iso2, row[1], pid, filter(None, row[17].split(",")), row[8])
        ids[iso2] = pid
    return ids


def _add_admin1(writer: GazetteerWriter, admin1: dict[str, tuple[str, int | None]]) -> dict[str, int]:
    ids = {}
    for code, (name, geonameid) in admin1.items():
        ids[code] = writer.add_place(
            name, "admin", geonameid=geonameid, country=code.split(".")[0], admin1=name, code="ADM1", source="geonames"
        )
    return ids


def _add_dump_places(
    writer: GazetteerWriter,
    path: Path,
    countries: dict[str, list[str]],
    admin1: dict[str, tuple[str, int | None]],
    country_ids: dict[str, int],
    admin_ids: dict[str, int],
) -> None:
    """Populated places, divisions and other features; country and division rows give their entries a position."""
    by_geonameid = {row[16]: iso2 for iso2, row in countries.items()}
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for row in _rows(path, DUMP_COLUMNS):
        fclass, fcode, cc, a1 = row[6], row[7], row[8], f"{row[8]}.{row[10]}"
        lat, lon, population = float(row[4]), float(row[5]), int(row[14] or 0)
        alternates = [n for n in [row[2], *row[3].split(",")] if n and is_latin(n)]
        if fcode in COUNTRY_CODES and row[0] in by_geonameid:
            _place_entry(writer, country_ids[by_geonameid[row[0]]], lat, lon, alternates)
        elif fcode == "ADM1" and a1 in admin_ids:
            _place_entry(writer, admin_ids[a1], lat, lon, alternates)
        elif fclass in CLASS_FEATURES:
            feature = "admin" if fcode == "ADM2" else CLASS_FEATURES[fclass]
            pid = writer.add_place(
                row[1],
                feature,
                geonameid=int(row[0]),
                country=cc or None,
                admin1=admin1.get(a1, (None,))[0],
                lat=lat,
                lon=lon,
                population=population,
                code="PPLC" if fcode == "PPLC" else ("ADM2" if fcode == "ADM2" else fcode),
                source="geonames",
            )
            writer.add_names(pid, alternates, "alt")
            if fclass == "P":
                acc = sums[a1]
                acc[0], acc[1], acc[2], acc[3] = acc[0] + lat, acc[1] + lon, acc[2] + 1, acc[3] + population
    _place_admins_without_row(writer, admin_ids, sums)


def _place_entry(writer: GazetteerWriter, pid: int, lat: float, lon: float, alternates: list[str]) -> None:
    writer.query("UPDATE places SET lat = ?, lon = ? WHERE id = ?", (lat, lon, pid))
    writer.add_names(pid, alternates, "alt")


def _place_admins_without_row(writer: GazetteerWriter, admin_ids: dict[str, int], sums: dict[str, list[float]]) -> None:
    """Divisions the dump has no row for (a cities file) sit at the mean of their towns."""
    for code, pid in admin_ids.items():
        if code in sums:
            lat, lon, n, population = sums[code]
            writer.query(
                "UPDATE places SET lat = ?, lon = ?, population = ? WHERE id = ? AND lat IS NULL",
                (round(lat / n, 4), round(lon / n, 4), int(population), pid),
            )
