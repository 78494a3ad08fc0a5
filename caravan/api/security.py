"""ASGI middleware: security headers (a Content-Security-Policy with no inline scripts) and a request size limit."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The page and /docs: scripts, styles and data from this server only; no inline script, no plugin, no framing.
PAGE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}
HEADER_NAMES = {b"content-security-policy", *(k.encode() for k in HEADERS)}  # replaced if a response sets them


def tile_origin(url: str) -> str | None:
    """The origin of a tile URL template for the CSP (``{s}`` subdomains become ``*``), or None when there is none."""
    parts = urlsplit(url.replace("{s}", "a"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = urlsplit(url).netloc.replace("{s}", "*")
    return f"{parts.scheme}://{host}"


def content_policy(tile_url: str = "") -> str:
    policy = dict(PAGE_POLICY)
    origin = tile_origin(tile_url) if tile_url else None
    if origin:
        policy["img-src"] += f" {origin}"
    return "; ".join(f"{k} {v}" for k, v in policy.items())


class SecurityHeaders:
    """Adds the CSP and the other security headers to every HTTP response (the page and /docs alike)."""

    def __init__(self, app: ASGIApp, tile_url: str = "") -> None:
        self.app = app
        self.policy = content_policy(tile_url).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in HEADER_NAMES]
                headers.append((b"content-security-policy", self.policy))
                headers.extend((k.encode(), v.encode()) for k, v in HEADERS.items())
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413: at once by Content-Length, else as the body streams in."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self.refuse(send)
            return
        await self.app(scope, self.counting(receive), send)

    def counting(self, receive: Receive) -> Receive:
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, self.message)
            return message

        return counted

    @property
    def message(self) -> str:
        return f"request body over the limit of {self.max_bytes} bytes (api_max_body_bytes)"

    async def refuse(self, send: Send) -> None:
        body = json.dumps({"detail": self.message, "error": "TooLargeError"}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
