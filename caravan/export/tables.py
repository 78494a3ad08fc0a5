"""The store's tables as caravan/1 JSON Lines, CSV and Parquet: one record per article, one row per item."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO, Any

from caravan.errors import ExportError
from caravan.export.streams import text_stream
from caravan.store import Database
from caravan.store.queries import ITEM_KINDS

TABLES = ("articles", *ITEM_KINDS)
# Parquet column types; every other column is text. Counts of items per article are integers too.
INTEGER_COLUMNS = frozenset({"idx", "start", "end", "geonameid", "quote", *ITEM_KINDS})
FLOAT_COLUMNS = frozenset({"lat", "lon", "score", "low", "high", "size_low", "size_high", "amount"})
BOOLEAN_COLUMNS = frozenset({"approximate"})
PARQUET_HINT = "Parquet export needs pyarrow: pip install 'caravan[parquet]'"


def write_jsonl(db: Database, items: str, out: IO[bytes]) -> int:
    """One caravan/1 record per stored article (exactly ``Record.to_dict()``); the number written."""
    n = 0
    with text_stream(out) as text:
        for line in db.record_lines():
            text.write(line + "\n")
            n += 1
    return n


def table_rows(db: Database, table: str) -> Iterator[dict[str, Any]]:
    """One row per article (``articles``) or per item of one kind, with its article's url, outlet and date."""
    if table not in TABLES:
        raise ExportError(f"no table {table!r} (one of {', '.join(TABLES)})")
    return db.article_rows() if table == "articles" else db.item_rows(table)


def write_csv(db: Database, table: str, out: IO[bytes]) -> int:
    """One CSV row per article or per item of one kind; the number of rows written."""
    return write_csv_rows(table_rows(db, table), out)


def write_csv_rows(rows: Iterator[dict[str, Any]], out: IO[bytes], header: list[str] | None = None) -> int:
    """Dict rows as CSV with a header (the first row's keys unless given); the number of rows written."""
    n = 0
    with text_stream(out) as text:
        writer = csv.DictWriter(text, fieldnames=header) if header else None
        if writer:
            writer.writeheader()
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(text, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
            n += 1
    return n


def write_parquet(db: Database, table: str, out: IO[bytes]) -> int:
    """One table as Parquet (typed columns, for pandas and DuckDB); the number of rows written."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError(PARQUET_HINT) from exc
    rows = list(table_rows(db, table))
    columns = list(rows[0]) if rows else _empty_columns(db, table)
    schema = pa.schema([(c, arrow_type(pa, c)) for c in columns])
    data = {c: [_cell(row.get(c), c) for row in rows] for c in columns}
    pq.write_table(pa.table(data, schema=schema), out)
    return len(rows)


def arrow_type(pa: Any, column: str) -> Any:
    """The Arrow type of a stored column."""
    if column in INTEGER_COLUMNS:
        return pa.int64()
    if column in FLOAT_COLUMNS:
        return pa.float64()
    if column in BOOLEAN_COLUMNS:
        return pa.bool_()
    return pa.string()


def _cell(value: Any, column: str) -> Any:
    return bool(value) if column in BOOLEAN_COLUMNS and value is not None else value


def _empty_columns(db: Database, table: str) -> list[str]:
    """The columns of a table that has no rows yet (so an empty export still has its schema)."""
    return db.table_columns(table)
