"""``caravan export``: the store as caravan/1 JSON Lines, CSV, Parquet, GeoJSON or an ACLED-like CSV."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import click

from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError, ExportError
from caravan.export import FORMATS, export, items_for
from caravan.export.geojson import GEOJSON_ITEMS
from caravan.export.tables import TABLES

ITEMS = tuple(dict.fromkeys((*TABLES, *GEOJSON_ITEMS)))
BINARY_FORMATS = ("parquet",)  # not written to a terminal


@contextlib.contextmanager
def open_output(path: str | None, fmt: str) -> Iterator[IO[bytes]]:
    """The file to write, or stdout's bytes (refused for a binary format on a terminal)."""
    if path is None:
        sys.stdout.flush()
        stdout = sys.stdout.buffer
        if fmt in BINARY_FORMATS and stdout.isatty():
            raise click.UsageError(f"--format {fmt} is binary: pass --out FILE or redirect stdout")
        yield stdout
        stdout.flush()
        return
    target = Path(path)
    try:
        with target.open("wb") as fh:
            yield fh
    except BaseException:
        target.unlink(missing_ok=True)  # no half-written file is left behind
        raise


def _formats_help() -> str:
    return " ".join(f"{f.name}: {f.description}." for f in FORMATS.values())


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), default="jsonl", show_default=True, help=_formats_help()
)
@click.option(
    "--items",
    type=click.Choice(ITEMS),
    default=None,
    help="What to export. csv and parquet: 'articles' (default) gives one row per article (metadata, "
    "near-duplicate link, skip reason and item counts); a kind of item gives one row per item with "
    "its article's id, url, outlet and date, its character span, the text it covers and its fields. "
    "geojson: 'events' (default, points) or 'movements' (lines). acled: events.",
)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to this file (default: stdout).")
@db_option
def command(fmt: str, items: str | None, out: str | None, db_path: str | None) -> None:
    """Export the store for other tools: caravan/1 records, CSV or Parquet tables, GeoJSON, ACLED-like CSV.

    \b
    caravan export > records.jsonl
    caravan export --format csv --items events --out events.csv
    caravan export --format geojson --out events.geojson        (open in QGIS)
    caravan export --format parquet --items places --out places.parquet
    caravan export --format acled --out events-acled.csv
    """
    try:
        chosen = items_for(fmt, items)
    except ExportError as exc:
        raise click.UsageError(str(exc)) from exc
    db, _ = open_store(db_path)
    try:
        db.counts()  # fails early, before an output file is created, when there is no store
        with open_output(out, fmt) as fh:
            n = export(db, fmt, chosen, fh)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    if out:
        unit = {"jsonl": "records", "geojson": "features"}.get(fmt, "rows")
        click.echo(f"{n} {unit} written to {out}", err=True)
