"""``/api/articles``: list and search articles, read one with every extracted span, add one (with a token)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from caravan.api.deps import DB, DateParam, Page, require_token
from caravan.api.schemas import AddedList, ArticleDetail, ArticleIn, ArticleSummary, Paged
from caravan.api.writes import STORED
from caravan.errors import NotFoundError
from caravan.store import queries as q

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=Paged[ArticleSummary])
def list_articles(
    db: DB,
    page: Page,
    q_: Annotated[str | None, Query(alias="q", description="Words that must all occur (full text).")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name, case aside.")] = None,
    since: DateParam = None,
    until: DateParam = None,
    include_duplicates: Annotated[bool, Query(description="Also list near-duplicates.")] = False,
) -> dict[str, Any]:
    """Stored articles: best match first with ``q``, else newest first (ties in ingest order)."""
    query = q.articles_query(q.ArticleFilter(q_, outlet, since, until, include_duplicates))
    return page.wrap(*db.page(query, page.limit, page.offset))


@router.get("/{article_id:path}", response_model=ArticleDetail)
def get_article(article_id: str, db: DB) -> dict[str, Any]:
    """One article: its text exactly as stored and its caravan/1 record (every extracted span)."""
    rows = db.rows(q.article_query(article_id))
    if not rows:
        raise NotFoundError("article", article_id)
    row = rows[0]
    row["record"] = json.loads(row["record"]) if row["record"] else None
    return row


@router.post(
    "",
    response_model=AddedList,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={
        200: {"description": "Nothing new: already stored."},
        401: {"description": "No token, or a wrong one."},
        413: {"description": "Request body over api_max_body_bytes."},
        422: {"description": "Not an article, or the pipeline failed on it."},
    },
)
def add_article(body: ArticleIn, request: Request) -> JSONResponse:
    """Add an article (its text, or a URL to fetch) and extract its record, as ``caravan ingest`` would."""
    items = request.app.state.writer.add(body)
    status = 201 if any(i.outcome in STORED for i in items) else 200
    if all(i.outcome == "failed" for i in items):
        status = 422
    return JSONResponse(AddedList(items=items).model_dump(), status_code=status)
