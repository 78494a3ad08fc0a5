"""Dispatch: each named source (file, folder, URL) to the reader of its kind."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

from caravan.errors import FormatError, SourceError
from caravan.ingest.text import read_text_file
from caravan.model import Article
from caravan.settings import Settings

log = logging.getLogger(__name__)


def read_sources(sources: list[str], settings: Settings) -> Iterator[Article | SourceError]:
    """Articles from every source in order; a bad item yields its SourceError and reading goes on."""
    for source in sources:
        yield from read_source(source, settings)


def read_source(source: str, settings: Settings) -> Iterator[Article | SourceError]:
    path = Path(source)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from read_source(str(child), settings)
        return
    try:
        if path.suffix == ".jsonl":
            yield from read_jsonl(path)
        else:
            yield read_text_file(path)
    except SourceError as exc:
        yield exc
    except OSError as exc:
        yield SourceError(source, exc.strerror or str(exc))


def read_jsonl(path: Path) -> Iterator[Article | SourceError]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            item = f"{path}:{n}"
            try:
                row = json.loads(line)
                yield Article(id=str(row.get("id") or f"{path.stem}-{n}"), text=row["text"], title=row.get("title"),
                              url=row.get("url"), outlet=row.get("outlet"), published=row.get("published"),
                              source=item)
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                yield FormatError(item, f"not a JSON article line ({exc})")
