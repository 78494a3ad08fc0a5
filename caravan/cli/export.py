"""``caravan export``: the stored records as caravan/1 JSON Lines, or a table as CSV."""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError
from caravan.link.geojson import movements_collection
from caravan.link.query import list_movements
from caravan.store import Database
from caravan.store.queries import ITEM_KINDS

CSV_TABLES = ("articles", *ITEM_KINDS)
GEOJSON_ITEMS = ("movements",)


def export_jsonl(db: Database, out: IO[str]) -> int:
    """Write one caravan/1 record per stored article (exactly ``Record.to_dict()``); the number written."""
    n = 0
    for line in db.record_lines():
        out.write(line + "\n")
        n += 1
    return n


def export_csv(db: Database, table: str, out: IO[str]) -> int:
    """Write one CSV row per article (``articles``) or per item of one kind; the number of rows written."""
    rows: Iterator[dict[str, Any]] = db.article_rows() if table == "articles" else db.item_rows(table)
    writer: csv.DictWriter | None = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


def export_geojson_movements(db_path: str | None, items: str, out: str | None) -> None:
    """``--format geojson --items movements``: the movements as LineStrings (see caravan.link.geojson)."""
    if items not in GEOJSON_ITEMS:
        raise click.UsageError("--format geojson takes --items movements")
    db, _ = open_store(db_path)
    try:
        collection = movements_collection(list_movements(db))
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    with open_output(out) as fh:
        fh.write(json.dumps(collection, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        yield fh


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson"]), default="jsonl", show_default=True,
              help="jsonl: one caravan/1 record per article. csv: one row per article or per item (see --items).")
@click.option("--items", type=click.Choice([*CSV_TABLES, *GEOJSON_ITEMS]), default="articles", show_default=True,
              help="CSV only: 'articles' gives one row per article (metadata, near-duplicate link, skip reason "
                   "and item counts); a kind of item gives one row per item with its article's id, url, outlet "
                   "and date, its character span, the text it covers and its fields.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to this file (default: stdout).")
@db_option
def command(fmt: str, items: str, out: str | None, db_path: str | None) -> None:
    """Export the store: every stored article's caravan/1 record (JSON Lines), or one table as CSV.

    \b
    caravan export > records.jsonl
    caravan export --format csv --items events --out events.csv
    """
    if fmt == "jsonl" and items != "articles":
        raise click.UsageError("--items applies to --format csv only")
    if fmt == "geojson":
        export_geojson_movements(db_path, items, out)
        return
    db, _ = open_store(db_path)
    try:
        db.counts()  # fails early, before an output file is created, when there is no store
        with open_output(out) as fh:
            n = export_jsonl(db, fh) if fmt == "jsonl" else export_csv(db, items, fh)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    if out:
        click.echo(f"{n} {'records' if fmt == 'jsonl' else 'rows'} written to {out}", err=True)
