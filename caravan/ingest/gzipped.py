"""Gzip streams that refuse decompression bombs: data that expands far more than any text does is cut off early.

Text, HTML, JSON and WARC records compress 3 to 10 times; a bomb (a run of one byte) about 1000 times. A stream
that has produced more than ``SLACK_BYTES`` and more than ``MAX_RATIO`` times the compressed bytes read so far
raises :class:`DecompressionBomb`, so reading a gzip file costs at most ``MAX_RATIO`` times its size in time, and
never more memory than the reader's own buffers.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import IO

GZIP_MAGIC = b"\x1f\x8b"
MAX_RATIO = 100  # decompressed bytes allowed per compressed byte read
SLACK_BYTES = 1_000_000  # decompressed bytes always allowed, whatever the ratio (small files with long blank runs)


class DecompressionBomb(ValueError):
    """Gzip data that expands far more than text does (internal; readers turn it into a TooLargeError)."""


class _Counting:
    """A raw stream that counts the bytes read from it."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.count += len(data)
        return data


class BoundedGzip(io.RawIOBase):
    """The decompressed bytes of a gzip stream (all members), raising DecompressionBomb past the ratio."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._raw = _Counting(raw)
        self._gzip = gzip.GzipFile(fileobj=self._raw, mode="rb")  # type: ignore[call-overload]
        self.produced = 0

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if not self.closed:
            self._gzip.close()
            self._raw.raw.close()
        super().close()

    def read1(self, size: int = -1) -> bytes:
        """At most one decompression step (so data before a cut or a bomb is returned first)."""
        data = self._gzip.read1(size if size and size > 0 else io.DEFAULT_BUFFER_SIZE)
        self.produced += len(data)
        if self.produced > SLACK_BYTES and self.produced > MAX_RATIO * self._raw.count:
            raise DecompressionBomb(
                f"gzip data expands more than {MAX_RATIO} times ({self._raw.count} bytes "
                f"gave {self.produced}): refused as a decompression bomb"
            )
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read1(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def open_gzip(raw: IO[bytes]) -> io.BufferedReader:
    """A buffered reader (``readline`` included) over the bounded decompression of ``raw``."""
    return io.BufferedReader(BoundedGzip(raw))


def opens_gzip(head: bytes) -> bool:
    """The first bytes of a file open a gzip stream: the magic number, then a header and data that decompress (or
    a whole empty stream). Bytes that only start with the two magic bytes, such as a junk first line of a JSON
    Lines file, do not."""
    if not head.startswith(GZIP_MAGIC):
        return False
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return bool(inflater.decompress(head, 1)) or inflater.eof
    except zlib.error:
        return False
