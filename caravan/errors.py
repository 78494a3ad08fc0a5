"""The one exception tree of Caravan; third-party errors are translated into it at the boundary.

CaravanError
├── SourceError            an input item could not be read (carries the item and the reason)
│   ├── FetchError         a URL could not be fetched (network, HTTP status, timeout)
│   ├── PrivateAddressError a URL resolves to a private or loopback address
│   ├── TooLargeError      an item is over the configured size limit
│   ├── DecodeError        bytes that are not text in any encoding we detect (binary, invalid)
│   ├── EmptyError         an item with no text (empty file, HTML page with no article)
│   └── FormatError        a malformed container (JSON Lines, feed, WARC)
├── LanguageError          an article in a language the pipeline does not process
├── ModelError             a spaCy model is missing or cannot be loaded
├── GazetteerError         the offline gazetteer cannot be built, imported or read
├── StoreError             the database cannot be opened, migrated or written
├── ExportError            the store cannot be exported as asked (format, items, missing extra)
└── NotFoundError          nothing is stored under the id asked for (an article, a movement)
"""

from __future__ import annotations


class CaravanError(Exception):
    """Base class of every error Caravan raises on purpose."""


class SourceError(CaravanError):
    """An input item could not be turned into an article."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class FetchError(SourceError):
    """A URL could not be fetched."""


class PrivateAddressError(FetchError):
    """A URL resolves to a private, loopback or otherwise non-public address."""


class TooLargeError(SourceError):
    """An item is over the size limit."""


class DecodeError(SourceError):
    """Bytes that are not text (binary data, undecodable encoding)."""


class EmptyError(SourceError):
    """An item that holds no article text."""


class FormatError(SourceError):
    """A malformed container: JSON Lines, RSS/Atom feed, WARC."""


class LanguageError(CaravanError):
    """An article in a language the pipeline does not process."""

    def __init__(self, language: str, reason: str) -> None:
        super().__init__(reason)
        self.language = language
        self.reason = reason


class ModelError(CaravanError):
    """A spaCy model is missing or cannot be loaded."""


class GazetteerError(CaravanError):
    """The offline gazetteer cannot be built, imported or read."""


class StoreError(CaravanError):
    """The database cannot be opened, migrated or written."""


class ExportError(CaravanError):
    """The store cannot be exported as asked: an unknown format or items, or a missing optional package."""


class NotFoundError(CaravanError):
    """Nothing is stored under the id asked for."""

    def __init__(self, kind: str, item_id: str) -> None:
        super().__init__(f"no {kind} {item_id!r} in the store")
        self.kind = kind
        self.item_id = item_id
