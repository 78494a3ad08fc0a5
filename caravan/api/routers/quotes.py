"""``/api/quotes``: stored quotes by speaker (normalised across articles) and outlet."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from caravan.api.deps import DB, Page
from caravan.api.schemas import Paged, QuoteOut
from caravan.cli.quotes import quote_dict
from caravan.store import queries as q

router = APIRouter(prefix="/api/quotes", tags=["quotes"])


@router.get("", response_model=Paged[QuoteOut])
def list_quotes(
    db: DB,
    page: Page,
    speaker: Annotated[str | None, Query(description="Full name, or its last words.")] = None,
    outlet: Annotated[str | None, Query(description="Outlet of the quoting article.")] = None,
    article_id: Annotated[str | None, Query(description="Only this article's quotes.")] = None,
) -> dict[str, Any]:
    """Quotes in article order, with speaker, role, channel and the outlet credited (``via``)."""
    rows = db.quotes(speaker)
    if outlet is not None:
        ids = {r["id"] for r in db.rows(q.outlet_articles_query(outlet))}
        rows = [r for r in rows if r.article_id in ids]
    if article_id is not None:
        rows = [r for r in rows if r.article_id == article_id]
    items = [{**quote_dict(r), "idx": r.idx} for r in rows[page.offset : page.offset + page.limit]]
    return page.wrap(items, len(rows))
