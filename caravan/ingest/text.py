"""Plain-text articles: bytes in any common encoding (detected) turned into text, and ``.txt`` files read."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

from charset_normalizer import from_bytes

from caravan.errors import DecodeError, EmptyError, TooLargeError
from caravan.model import Article
from caravan.settings import Settings

log = logging.getLogger(__name__)

SNIFF_BYTES = 8192  # how much of the start of a file is examined for binary data
BINARY_CONTROL_RATIO = 0.05  # more control characters than this (besides \t \n \r \f) means binary data
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00 starts both
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte Western encodings tried, in order, when bytes are not UTF-8 (before detection, which is unsure).
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
MAX_MOJIBAKE_RATIO = 0.02  # more C1 controls / replacement characters than this: not text in that encoding
MAX_WESTERN_NON_ASCII_RATIO = 0.3  # Western-language text is mostly ASCII; more accented bytes means a wrong guess


def read_limited(path: Path, settings: Settings) -> bytes:
    """The bytes of a file, refused before reading when it is over ``settings.max_bytes``."""
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise TooLargeError(str(path), f"{size} bytes, over the limit of {settings.max_bytes}")
    return path.read_bytes()


def decode_bytes(data: bytes, item: str, declared: str | None = None) -> str:
    """Text of bytes: by BOM, then UTF-8, then the declared encoding, then the one detected; binary is refused."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding, item), item)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise DecodeError(item, "binary data (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), item)
    except UnicodeDecodeError as exc:
        if _has_utf8_sequences(data):  # a UTF-8 file with corrupt bytes: any other reading would be mojibake
            raise DecodeError(item, f"invalid UTF-8 at byte {exc.start} ({exc.reason})") from None
    for encoding in _candidates(data, declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text, western=encoding in FALLBACK_ENCODINGS):
            log.debug("%s decoded as %s", item, encoding)
            return _checked(text, item)
    raise DecodeError(item, "invalid UTF-8 and not text in any detected encoding")


def read_text_file(path: Path, settings: Settings) -> Article:
    """An Article from a plain-text file; its id is the file stem."""
    text = decode_bytes(read_limited(path, settings), str(path))
    if not text.strip():
        raise EmptyError(str(path), "empty file (no text)")
    return Article(id=path.stem, text=text, source=str(path))


def _decode(data: bytes, encoding: str, item: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(item, f"invalid {encoding.upper()} after its byte-order mark ({exc.reason})") from None


def _candidates(data: bytes, declared: str | None) -> list[str]:
    """Encodings to try, best first: the declared one, the Western single-byte ones (the languages Caravan reads;
    detection is unreliable on short texts), then the one charset-normalizer detects."""
    found: list[str] = [declared] if declared else []
    found.extend(FALLBACK_ENCODINGS)
    best = from_bytes(data[: 16 * SNIFF_BYTES]).best()
    if best is not None and best.encoding:
        found.append(best.encoding)
    return list(dict.fromkeys(found))


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether bytes hold at least one valid multi-byte UTF-8 sequence (then they were meant as UTF-8)."""
    return any(ord(ch) > 0x7F for ch in data.decode("utf-8", errors="ignore"))


def _plausible(text: str, western: bool) -> bool:
    """Text decoded with a guessed encoding reads as text: few C1 controls or replacement characters, and for a
    Western single-byte guess mostly ASCII (as English, Spanish or French text is)."""
    size = max(1, len(text))
    bad = sum(1 for ch in text if "\x80" <= ch <= "\x9f" or ch == "\ufffd")
    if bad > MAX_MOJIBAKE_RATIO * size:
        return False
    return not western or sum(1 for ch in text if ord(ch) > 0x7F) <= MAX_WESTERN_NON_ASCII_RATIO * size


def _checked(text: str, item: str) -> str:
    head = text[:SNIFF_BYTES]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > BINARY_CONTROL_RATIO * max(1, len(head)):
        raise DecodeError(item, "binary data (control characters), not text")
    return text
