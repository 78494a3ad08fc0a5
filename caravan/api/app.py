"""The web app of ``caravan serve``: the JSON API under /api, its OpenAPI description at /docs, and the page."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from caravan.api.errors import handle_caravan_error
from caravan.api.routers import articles, events, exports, movements, places, quotes
from caravan.api.security import BodyLimit, SecurityHeaders
from caravan.api.writes import Writer
from caravan.batch import Extractor
from caravan.errors import CaravanError
from caravan.settings import Settings
from caravan.store import open_database

WEB = Path(__file__).parent.parent / "web"
ROUTERS = (articles.router, events.router, quotes.router, places.router, movements.router, exports.router)


def caravan_version() -> str:
    try:
        return version("caravan")
    except PackageNotFoundError:
        return "0"


def create_app(settings: Settings, extract: Extractor | None = None) -> FastAPI:
    """The app over the store at ``settings.db_path``; ``extract`` replaces the NLP pipeline for posted articles."""
    app = FastAPI(
        title="Caravan",
        version=caravan_version(),
        docs_url=None,
        redoc_url=None,
        description="Sourced, geolocated records of news about human migration: articles with every "
        "extracted span, events, quotes, places and movements.",
    )
    app.state.settings = settings
    app.state.db = open_database(
        settings.db_path, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow
    )
    app.state.writer = Writer(settings, extract)
    for router in ROUTERS:
        app.include_router(router)
    app.add_api_route("/api/config", page_config, methods=["GET"], tags=["page"])
    app.add_api_route("/", index, methods=["GET", "HEAD"], include_in_schema=False)
    app.add_api_route("/docs", docs, methods=["GET", "HEAD"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    app.add_exception_handler(CaravanError, handle_caravan_error)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    app.add_middleware(SecurityHeaders, tile_url=settings.map_tile_url)
    return app


def index() -> FileResponse:
    """The page: map, timeline, event list, source view and movement view."""
    return FileResponse(WEB / "index.html", media_type="text/html")


def docs() -> FileResponse:
    """The API's interactive documentation: the bundled Swagger UI over /openapi.json (works offline)."""
    return FileResponse(WEB / "docs.html", media_type="text/html")


def page_config(request: Request) -> dict[str, Any]:
    """What the page needs to know of the server: the optional online tiles and the version."""
    settings: Settings = request.app.state.settings
    return {
        "tile_url": settings.map_tile_url,
        "tile_attribution": settings.map_tile_attribution,
        "version": caravan_version(),
    }
