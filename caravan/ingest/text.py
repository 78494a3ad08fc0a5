"""Plain-text files in any common encoding, detected."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from caravan.errors import DecodeError, EmptyError
from caravan.model import Article

BINARY_CONTROL_RATIO = 0.05  # more control characters than this (besides \t \n \r \f) means binary data


def decode_bytes(data: bytes, item: str) -> str:
    """Text of bytes: UTF-8 (with or without BOM) when valid, else the encoding charset-normalizer detects."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError(item, "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise DecodeError(item, "not text in any detected encoding") from None
        text = str(best)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > BINARY_CONTROL_RATIO * max(1, len(text[:8192])):
        raise DecodeError(item, "binary data (control characters), not text")
    return text


def read_text_file(path: Path) -> Article:
    """An Article from a .txt file; its id is the file stem."""
    text = decode_bytes(path.read_bytes(), str(path))
    if not text.strip():
        raise EmptyError(str(path), "empty file")
    return Article(id=path.stem, text=text, source=str(path))
