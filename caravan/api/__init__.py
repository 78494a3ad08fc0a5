"""The HTTP API and page of ``caravan serve`` (FastAPI); ``create_app(settings)`` builds it."""

from caravan.api.app import create_app

__all__ = ["create_app"]
