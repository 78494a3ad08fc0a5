"""JSON Lines corpora (one article object a line, plain or gzipped) and JSON files holding articles.

The fields are those of the shared corpus: ``id, url, title, outlet, published, text``; ``text`` is required,
the rest optional. Each line's ``id`` and ``published`` are kept as given; a line without an id gets
``<file stem>-<line number>``. The size limit applies to each line (a corpus file may be large).
"""

from __future__ import annotations

import gzip
import json
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from caravan.errors import DecodeError, EmptyError, FormatError, SourceError, TooLargeError
from caravan.ingest.gzipped import DecompressionBomb, open_gzip, opens_gzip
from caravan.ingest.text import read_limited
from caravan.model import Article
from caravan.settings import Settings

log = logging.getLogger(__name__)

SNIFF_BYTES = 4096  # bytes read to tell a gzipped file from a plain one
OPTIONAL_FIELDS = ("title", "url", "outlet", "published", "language")


def read_jsonl(path: Path, settings: Settings) -> Iterator[Article | SourceError]:
    """Articles of a JSON Lines file (``.gz`` too); a bad line yields its error and reading goes on."""
    with _open(path) as fh:
        yield from read_jsonl_stream(fh, str(path), Path(path.name.removesuffix(".gz")).stem, settings)


def read_jsonl_stream(fh: IO[bytes], item: str, stem: str, settings: Settings) -> Iterator[Article | SourceError]:
    """Articles of an open JSON Lines stream; ``item:n`` names line n, ``stem-n`` is its id when it has none."""
    for n, line in enumerate(_lines(fh, settings.max_bytes), 1):
        where = f"{item}:{n}"
        if isinstance(line, SourceError):
            yield type(line)(where, line.reason)
        elif line.strip():
            yield _line_article(line, where, f"{stem}-{n}")


def read_json_file(path: Path, settings: Settings) -> Iterator[Article | SourceError]:
    """Articles of a JSON file holding one article object or a list of them."""
    try:
        data = json.loads(read_limited(path, settings).decode("utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FormatError(str(path), f"not JSON ({_one_line(exc)})") from None
    rows = data if isinstance(data, list) else [data]
    for n, row in enumerate(rows, 1):
        item = f"{path}:{n}" if isinstance(data, list) else str(path)
        try:
            yield article_from_row(row, item, f"{path.stem}-{n}" if isinstance(data, list) else path.stem)
        except SourceError as exc:
            yield exc


def article_from_row(row: Any, item: str, default_id: str) -> Article:
    """An Article from one decoded JSON object with at least a non-empty ``text``."""
    if not isinstance(row, dict):
        raise FormatError(item, f"not a JSON object but {type(row).__name__}")
    text = row.get("text")
    if not isinstance(text, str):
        raise FormatError(item, 'no "text" string field')
    if not text.strip():
        raise EmptyError(item, 'empty "text"')
    fields = {name: str(row[name]) for name in OPTIONAL_FIELDS if row.get(name) not in (None, "")}
    return Article(id=str(row.get("id") or default_id), text=text, source=item, **fields)


def _line_article(line: bytes, item: str, default_id: str) -> Article | SourceError:
    try:
        return article_from_row(json.loads(line.decode("utf-8-sig")), item, default_id)
    except UnicodeDecodeError as exc:
        return DecodeError(item, f"invalid UTF-8 at byte {exc.start} ({exc.reason})")
    except json.JSONDecodeError as exc:
        return FormatError(item, f"not a JSON line ({_one_line(exc)})")
    except SourceError as exc:
        return exc


def _open(path: Path) -> IO[bytes]:
    """The lines of a file named ``.gz``, or of one whose first bytes decompress, are gzipped; any other file is
    read as it is (a ``.jsonl`` file whose first line starts with the gzip magic bytes keeps its other lines)."""
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    gzipped = path.name.lower().endswith(".gz") or opens_gzip(head)
    return open_gzip(path.open("rb")) if gzipped else path.open("rb")


def _lines(fh: IO[bytes], max_bytes: int) -> Iterator[bytes | SourceError]:
    """Lines of a stream, each at most ``max_bytes`` (a longer one gives a TooLargeError and is skipped)."""
    try:
        while line := fh.readline(max_bytes + 1):
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := fh.readline(max_bytes)) and not rest.endswith(b"\n"):
                    pass
                yield TooLargeError("", f"line over the limit of {max_bytes} bytes")
                continue
            yield line
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield FormatError("", f"truncated or corrupt gzip ({_one_line(exc)})")
    except DecompressionBomb as exc:
        yield TooLargeError("", str(exc))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
