"""What the routers share: the store and settings of the app, paging parameters and the write token check."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated, Any

import pydantic_core
from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from caravan.settings import Settings
from caravan.store import Database

MAX_LIMIT = 1000  # most items in one page
DEFAULT_LIMIT = 50
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
DateParam = Annotated[str | None, Query(pattern=ISO_DATE, description="ISO date (YYYY-MM-DD), inclusive.")]


class RowsResponse(JSONResponse):
    """JSON of plain rows (str, int, float, None, lists and dicts of them) written by pydantic-core's encoder
    (what FastAPI uses for response models), without validating each row: the bytes of ``JSONResponse``, in a
    fraction of the time for a page of a thousand rows. Infinite and NaN floats become null."""

    def render(self, content: Any) -> bytes:
        return pydantic_core.to_json(content, inf_nan_mode="null")


def get_db(request: Request) -> Database:
    """The app's store; its reads go through read-only connections."""
    return request.app.state.db


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


DB = Annotated[Database, Depends(get_db)]
bearer = HTTPBearer(auto_error=False, description="The api_token setting (or CARAVAN_API_TOKEN).")


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    """401 unless the request carries ``Authorization: Bearer <api_token>``; with no token set, writes are off."""
    token = get_settings(request).api_token
    if not token:
        raise unauthorized("writes are disabled: the server has no api_token (set CARAVAN_API_TOKEN)")
    if credentials is None:
        raise unauthorized("missing token: send Authorization: Bearer <api_token>")
    if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise unauthorized("wrong token")


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


@dataclass(frozen=True)
class Paging:
    """``limit`` and ``offset`` of a list request."""

    limit: int
    offset: int

    def wrap(self, items: list[Any], total: int) -> dict[str, Any]:
        """The page as the API returns it: items, total, and where the next page starts (None at the end)."""
        following = self.offset + len(items)
        return {
            "items": items,
            "total": total,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": following if following < total else None,
        }


def get_paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most items in the page.")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Items to skip (the previous page's next_offset).")] = 0,
) -> Paging:
    return Paging(limit, offset)


Page = Annotated[Paging, Depends(get_paging)]
