"""The gazetteer's SQLite file: schema, a writer used by the builders, and a read-only reader for lookups.

The file stays on disk; lookups go through an index on the normalised name (``names.key``), so memory use is
small whatever the size of the gazetteer.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from caravan.errors import GazetteerError
from caravan.geo.names import normalise
from caravan.model import Feature

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, feature TEXT NOT NULL,
    country TEXT, countries TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0,
    code TEXT, source TEXT
);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE TABLE countries (iso2 TEXT PRIMARY KEY, iso3 TEXT, place INTEGER, neighbours TEXT, continent TEXT);
CREATE TABLE demonyms (key TEXT PRIMARY KEY, iso2 TEXT NOT NULL);
"""
# how good a match each kind of name is: the place's own name beats an alternate, an alternate beats an
# abbreviation ("Calif.") or a short form ("Guat")
PLACE_BATCH = 10000  # places buffered before a write
NAME_KINDS: dict[str, float] = {"name": 1.0, "alt": 0.85, "abbr": 0.8, "short": 0.6}


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry that a name may refer to, with the kind of name that matched."""

    id: int
    geonameid: int | None
    name: str
    feature: Feature
    country: str | None
    countries: tuple[str, ...]
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    code: str | None
    kind: str = "name"


class GazetteerWriter:
    """Fills a new gazetteer file; ``close()`` moves it into place atomically (a half-built file is never read)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        self.tmp = Path(tmp)
        self.db = sqlite3.connect(self.tmp)
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            + SCHEMA
            + "CREATE TEMP TABLE names_raw (key TEXT, place INTEGER, rank REAL, kind TEXT);"
            "CREATE INDEX places_country ON places (country, feature);"
        )
        self.next_id = 1
        self.name_count = 0
        self.pending: list[tuple] = []
        self.pending_names: list[tuple] = []

    def add_place(
        self,
        name: str,
        feature: str,
        *,
        geonameid: int | None = None,
        country: str | None = None,
        countries: Iterable[str] = (),
        admin1: str | None = None,
        lat: float | None = None,
        lon: float | None = None,
        population: int = 0,
        code: str | None = None,
        source: str | None = None,
    ) -> int:
        """Add a place and its own name; returns its id for ``add_names``."""
        pid = self.next_id
        self.next_id += 1
        self.pending.append(
            (
                pid,
                geonameid,
                name,
                feature,
                country,
                ",".join(sorted(countries)) or None,
                admin1,
                lat,
                lon,
                population or 0,
                code,
                source,
            )
        )
        if len(self.pending) >= PLACE_BATCH:
            self.flush()
        self.add_names(pid, [name], "name")
        return pid

    def flush(self) -> None:
        """Write buffered places and names (before querying them)."""
        self.db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.pending)
        self.db.executemany("INSERT INTO names_raw VALUES (?,?,?,?)", self.pending_names)
        self.pending.clear()
        self.pending_names.clear()

    def add_names(self, place: int, names: Iterable[str], kind: str) -> None:
        """Index more names of a place; a key indexed twice for a place keeps its best kind."""
        keys = {normalise(name) for name in names} - {""}
        rank = -NAME_KINDS[kind]
        self.pending_names.extend((key, place, rank, kind) for key in keys)
        self.name_count += len(keys)

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Run a statement on the file being built, after writing buffered places."""
        self.flush()
        return self.db.execute(sql, params).fetchall()

    def add_country(
        self, iso2: str, iso3: str | None, place: int, neighbours: Iterable[str], continent: str | None
    ) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO countries VALUES (?,?,?,?,?)",
            (iso2, iso3, place, ",".join(sorted(set(neighbours))), continent),
        )

    def add_demonym(self, demonym: str, iso2: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO demonyms VALUES (?,?)", (normalise(demonym), iso2))

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?,?)", (key, value))

    def close(self) -> Path:
        """Write the name index (best kind per name and place), then move the finished file into place."""
        self.flush()
        self.db.execute(
            "INSERT INTO names SELECT key, place, kind FROM"
            " (SELECT key, place, kind, MIN(rank) FROM names_raw GROUP BY key, place)"
        )
        self.db.execute("CREATE INDEX names_key ON names (key)")
        self.db.commit()
        self.db.close()
        self.tmp.chmod(0o644)
        os.replace(self.tmp, self.path)
        log.info("gazetteer written to %s (%d places, %d names)", self.path, self.next_id - 1, self.name_count)
        return self.path

    def abort(self) -> None:
        self.db.close()
        self.tmp.unlink(missing_ok=True)


class Gazetteer:
    """Read-only lookups in a gazetteer file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError(f"no gazetteer at {self.path}")
        try:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.db.execute("SELECT 1 FROM names LIMIT 1")
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot read gazetteer {self.path}: {exc}") from exc
        self._lock = threading.Lock()  # one connection, shared by threads (the API serves from several)
        self.lookup = lru_cache(maxsize=65536)(self._lookup)
        self._countries = self._load_countries()
        self._demonyms = dict(self.db.execute("SELECT key, iso2 FROM demonyms"))
        self._country_keys: dict[str, str] | None = None

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        with self._lock:
            rows = self.db.execute(
                "SELECT p.id, p.geonameid, p.name, p.feature, p.country, p.countries, p.admin1, p.lat, p.lon,"
                " p.population, p.code, n.kind FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?",
                (key,),
            ).fetchall()
        return tuple(_candidate(row) for row in rows)

    def find(self, name: str) -> tuple[Candidate, ...]:
        """Every place a name may refer to."""
        return self.lookup(normalise(name))

    def _load_countries(self) -> dict[str, tuple[Candidate, tuple[str, ...], str | None]]:
        rows = self.db.execute(
            "SELECT p.id, p.geonameid, p.name, p.feature, p.country, p.countries, p.admin1, p.lat, p.lon,"
            " p.population, p.code, 'name', c.neighbours, c.continent FROM countries c JOIN places p ON p.id = c.place"
        )
        return {
            row[4]: (_candidate(row[:12]), tuple(filter(None, (row[12] or "").split(","))), row[13]) for row in rows
        }

    def country(self, iso2: str) -> Candidate | None:
        """The country entry of an ISO code."""
        entry = self._countries.get(iso2)
        return entry[0] if entry else None

    def country_codes(self) -> tuple[str, ...]:
        return tuple(self._countries)

    def country_keys(self) -> dict[str, str]:
        """ISO2 -> normalised primary country name without spaces (to recognise clipped names: "Guat")."""
        if self._country_keys is None:
            self._country_keys = {
                iso2: normalise(c.name).replace(" ", "") for iso2, (c, _, _) in self._countries.items()
            }
        return self._country_keys

    def neighbours(self, iso2: str) -> tuple[str, ...]:
        entry = self._countries.get(iso2)
        return entry[1] if entry else ()

    def towns(self, iso2: str, most: int = 500) -> tuple[tuple[float, float], ...]:
        """(lat, lon) of a country's most populous towns, at most ``most`` of them."""
        with self._lock:
            rows = self.db.execute(
                "SELECT lat, lon FROM places WHERE country = ? AND feature = 'city' AND lat IS NOT NULL"
                " ORDER BY population DESC LIMIT ?",
                (iso2, most),
            ).fetchall()
        return tuple((lat, lon) for lat, lon in rows)

    def demonym(self, word: str) -> str | None:
        """The ISO code of the country a demonym ("Guatemalan", "Mexicans") refers to."""
        key = normalise(word)
        return self._demonyms.get(key) or (self._demonyms.get(key[:-1]) if key.endswith("s") else None)

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None


def _candidate(row: tuple) -> Candidate:
    countries = tuple((row[5] or "").split(",")) if row[5] else ()
    return Candidate(
        id=row[0],
        geonameid=row[1],
        name=row[2],
        feature=row[3],
        country=row[4],
        countries=countries,
        admin1=row[6],
        lat=row[7],
        lon=row[8],
        population=row[9] or 0,
        code=row[10],
        kind=row[11],
    )
