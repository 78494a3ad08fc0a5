"""Exports of the store for the tools analysts use: one function per format, each writing to a binary stream.

    from caravan.export import FORMATS, export
    with open("events.geojson", "wb") as out:
        export(db, "geojson", "events", out)

``FORMATS`` names each format's items (the first is the default), media type and file suffix, so the CLI
(``caravan export``) and the API serve the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from caravan.errors import ExportError
from caravan.export.acled import write_acled
from caravan.export.geojson import GEOJSON_ITEMS, write_geojson
from caravan.export.tables import TABLES, write_csv, write_jsonl, write_parquet
from caravan.store import Database

__all__ = ["FORMATS", "ExportFormat", "export", "items_for"]

Writer = Callable[[Database, str, IO[bytes]], int]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: what it can hold, how it is served, and the function that writes it."""

    name: str
    items: tuple[str, ...]  # what it can hold; the first is the default
    media_type: str
    suffix: str
    write: Writer
    description: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "jsonl", ("articles",), "application/jsonl", ".jsonl", write_jsonl, "one caravan/1 record per article"
        ),
        ExportFormat("csv", TABLES, "text/csv", ".csv", write_csv, "one row per article, or per item of one kind"),
        ExportFormat(
            "parquet",
            TABLES,
            "application/vnd.apache.parquet",
            ".parquet",
            write_parquet,
            "the same tables as CSV, typed (needs pyarrow: pip install 'caravan[parquet]')",
        ),
        ExportFormat(
            "geojson",
            GEOJSON_ITEMS,
            "application/geo+json",
            ".geojson",
            write_geojson,
            "events as points or movements as lines, for QGIS and web maps",
        ),
        ExportFormat("acled", ("events",), "text/csv", ".csv", write_acled, "events as CSV with ACLED-like columns"),
    )
}


def items_for(fmt: str, items: str | None = None) -> str:
    """The items to export in a format: the given ones if the format holds them, else its default."""
    if fmt not in FORMATS:
        raise ExportError(f"no export format {fmt!r} (one of {', '.join(FORMATS)})")
    allowed = FORMATS[fmt].items
    if items is None:
        return allowed[0]
    if items not in allowed:
        raise ExportError(f"--format {fmt} holds {', '.join(allowed)}, not {items!r}")
    return items


def export(db: Database, fmt: str, items: str | None, out: IO[bytes]) -> int:
    """Write the store's ``items`` in format ``fmt`` to ``out``; the number of records, rows or features."""
    chosen = items_for(fmt, items)  # checks the format first
    return FORMATS[fmt].write(db, chosen, out)
