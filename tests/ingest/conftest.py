"""Fixtures for reading sources: settings that allow loopback, and a local HTTP server in a thread."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from caravan.errors import SourceError
from caravan.ingest import read_sources
from caravan.model import Article
from caravan.settings import Settings

INGEST_DATA = Path(__file__).parent.parent / "data" / "ingest"
SAMPLE = Path(__file__).parent.parent.parent / "caravan" / "data" / "sample"


@dataclass
class Route:
    """What the server answers on a path: a status, headers and a body sent in chunks, with optional pauses."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    chunk_delay: float = 0.0  # seconds between chunks of the body
    chunks: int = 1  # the body is sent in this many pieces (no Content-Length when more than one)


class Handler(BaseHTTPRequestHandler):
    server: LocalServer

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers)))
        route = self.server.routes.get(self.path)
        if route is None:
            route = Route(b"not found", status=404)
        time.sleep(route.delay)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (size limit, timeout)
            self._send(route)

    def _send(self, route: Route) -> None:
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.chunks == 1:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        size = max(1, len(route.body) // route.chunks + 1)
        for start in range(0, len(route.body), size):
            self.wfile.write(route.body[start : start + size])
            self.wfile.flush()
            time.sleep(route.chunk_delay)

    def log_message(self, format: str, *args: object) -> None:
        pass


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: bytes | str = b"", **options: object) -> str:
        """Serve ``body`` at ``path``; returns the full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)  # type: ignore[arg-type]
        return self.url(path)


def serve() -> Iterator[LocalServer]:
    """A local HTTP server running in a thread until the generator is closed."""
    httpd = LocalServer()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A local HTTP server on 127.0.0.1 (a free port), serving the routes a test sets."""
    yield from serve()


@pytest.fixture
def other_server() -> Iterator[LocalServer]:
    """A second local HTTP server (where a request must NOT arrive)."""
    yield from serve()


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[list[tuple[str, int | None]]]]:
    """Names under ``.test`` answered from a table: ``fake_dns["news.test"] = [answer1, answer2, ...]``, each
    answer a list of (address, port or None); each lookup takes the next answer (the last one repeats). Other
    names resolve as usual. The port lets an answer point at another local server, as a rebinding DNS would."""
    table: dict[str, list[list[tuple[str, int | None]]]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host: object, port: object, *args: object, **kwargs: object) -> list:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if not name.endswith(".test"):
            return real(host, port, *args, **kwargs)
        answers = table.get(name)
        if not answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        return [
            _addrinfo(address, own_port if own_port is not None else int(port or 0)) for address, own_port in answer
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table


def _addrinfo(address: str, port: int) -> tuple:
    if ":" in address:
        return (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))
    return (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))


@pytest.fixture
def local() -> Settings:
    """Settings that may fetch from loopback (the test server), with short timeouts."""
    return Settings(allow_private=True, timeout=2.0, user_agent="caravan-test/1")


@dataclass
class Read:
    """What ``read_sources`` yielded, split into articles and errors."""

    items: list[Article | SourceError]

    @property
    def articles(self) -> list[Article]:
        return [item for item in self.items if isinstance(item, Article)]

    @property
    def errors(self) -> list[SourceError]:
        return [item for item in self.items if isinstance(item, SourceError)]


@pytest.fixture
def read(local: Settings):
    """``read(*sources, settings=None)``: everything read_sources yields for the sources, as a Read."""

    def _read(*sources: object, settings: Settings | None = None) -> Read:
        return Read(list(read_sources([str(s) for s in sources], settings or local)))

    return _read


@pytest.fixture
def report() -> str:
    """A short English news report (tests/data/ingest/report.txt), long enough to count as an article."""
    return (INGEST_DATA / "report.txt").read_text(encoding="utf-8")
