"""``/api/export``: the whole store in the formats of ``caravan export`` (the same functions, the same bytes)."""

from __future__ import annotations

import tempfile
from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from caravan.api.deps import DB
from caravan.export import FORMATS, export, items_for

router = APIRouter(prefix="/api/export", tags=["export"])
SPOOL_BYTES = 8_000_000  # an export larger than this is spooled to a temporary file rather than kept in memory
CHUNK_BYTES = 64 * 1024
if TYPE_CHECKING:
    FormatName = str  # the names are only known at run time, from FORMATS
else:
    FormatName = Literal[tuple(FORMATS)]  # FastAPI validates and documents the names from this
FORMAT_HELP = "; ".join(f"{f.name}: {f.description} (items: {', '.join(f.items)})" for f in FORMATS.values())


@router.get(
    "",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {f.media_type: {} for f in FORMATS.values()},
            "description": "The export, as a file to download.",
        },
        422: {"description": "A format that does not hold these items, or a missing extra."},
    },
)
def export_store(
    db: DB,
    format: Annotated[FormatName, Query(description=FORMAT_HELP)] = "jsonl",
    items: Annotated[str | None, Query(description="What to export (default: the format's first).")] = None,
) -> StreamingResponse:
    """The store as GeoJSON, Parquet, ACLED-like CSV, CSV or caravan/1 JSON Lines (see docs/exports.md)."""
    chosen = items_for(format, items)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - the response streams, then closes it
    try:
        count = export(db, format, chosen, spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    spec = FORMATS[format]
    headers = {
        "Content-Disposition": f'attachment; filename="caravan-{chosen}{spec.suffix}"',
        "X-Caravan-Count": str(count),
    }
    return StreamingResponse(
        iter(lambda: spool.read(CHUNK_BYTES), b""),
        media_type=spec.media_type,
        headers=headers,
        background=BackgroundTask(spool.close),
    )
