"""Events as a CSV with ACLED-like columns, for analysts who hold ACLED data (mapping in docs/exports.md)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import IO, Any

from caravan.datafiles import DATA_DIR, read_rows
from caravan.errors import ExportError
from caravan.export.events import EventRow, event_rows, first_day, time_precision
from caravan.export.tables import write_csv_rows
from caravan.store import Database

# The ACLED-like columns, then Caravan's own (type, time precision, money, provenance).
ACLED_COLUMNS = [
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "size_low",
    "size_high",
    "modality",
]
EXTRA_COLUMNS = ["caravan_type", "time_precision", "amount", "article_id", "url", "published", "trigger"]
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS


@lru_cache(maxsize=1)
def acled_types() -> dict[str, tuple[str, str]]:
    """Caravan event type -> (event_type, sub_event_type), from caravan/data/export/acled.tsv."""
    return {row[0]: (row[1], row[2]) for row in read_rows(DATA_DIR / "export" / "acled.tsv")}


def write_acled(db: Database, items: str, out: IO[bytes]) -> int:
    """The stored events as ACLED-like CSV rows; the number of rows written."""
    if items != "events":
        raise ExportError(f"the ACLED-like table holds events, not {items!r}")
    return write_csv_rows(acled_rows(event_rows(db)), out, header=COLUMNS)


def acled_rows(rows: Iterator[EventRow]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield acled_row(row)


def acled_row(row: EventRow) -> dict[str, Any]:
    """One event in ACLED-like columns: the sentence it was found in is its note, its outlet its source."""
    event_type, sub_event_type = acled_types().get(row.type, ("Strategic developments", "Other"))
    return {
        "event_date": first_day(row.date),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": row.actor,
        "country": row.country_name,
        "admin1": row.admin1,
        "location": row.location,
        "latitude": row.lat,
        "longitude": row.lon,
        "geo_precision": row.geo_precision,
        "source": row.outlet,
        "notes": row.sentence,
        "size_low": whole(row.size_low),
        "size_high": whole(row.size_high),
        "modality": row.modality,
        "caravan_type": row.type,
        "time_precision": time_precision(row.date),
        "amount": whole(row.amount),
        "article_id": row.article_id,
        "url": row.url,
        "published": row.published,
        "trigger": row.trigger,
    }


def whole(value: float | None) -> float | int | None:
    """A count or amount without a spurious ".0" (1125.0 -> 1125)."""
    return int(value) if value is not None and float(value).is_integer() else value
