"""Text written to the binary streams every export writes to (a file, stdout's buffer, an HTTP body)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import IO


@contextlib.contextmanager
def text_stream(out: IO[bytes]) -> Iterator[io.TextIOWrapper]:
    """A UTF-8 text layer over ``out`` that is flushed and detached afterwards, leaving ``out`` open."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        yield text
    finally:
        text.flush()
        text.detach()
