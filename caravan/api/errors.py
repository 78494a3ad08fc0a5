"""Caravan's domain errors as HTTP responses, in one handler (the most specific class in the table wins)."""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.responses import JSONResponse

from caravan.errors import (
    CaravanError,
    ExportError,
    FetchError,
    GazetteerError,
    LanguageError,
    ModelError,
    NotFoundError,
    PrivateAddressError,
    SourceError,
    StoreError,
    TooLargeError,
)
from caravan.store.database import InvalidRecordError

log = logging.getLogger(__name__)

# error class -> HTTP status; looked up along the raised error's class hierarchy
STATUS: dict[type[CaravanError], int] = {
    NotFoundError: 404,
    PrivateAddressError: 400,  # the URL names a private or loopback address: refused, not retried
    TooLargeError: 413,
    FetchError: 502,  # the remote server failed us
    SourceError: 422,  # what was sent is not an article (empty, undecodable, malformed)
    LanguageError: 422,
    InvalidRecordError: 422,
    ExportError: 422,  # a format that does not hold these items, or its extra is not installed
    StoreError: 503,
    ModelError: 503,
    GazetteerError: 503,
}


def status_of(exc: Exception) -> int:
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


async def handle_caravan_error(request: Request, exc: Exception) -> JSONResponse:
    """``{"detail": message, "error": class name}`` with the status of the error's class."""
    status = status_of(exc)
    if status >= 500:
        log.error("%s %s: %s: %s", request.method, request.url.path, type(exc).__name__, exc)
    return JSONResponse({"detail": str(exc), "error": type(exc).__name__}, status_code=status)
