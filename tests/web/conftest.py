"""Browser fixtures: ``caravan serve`` on a loopback port over the API test store, and Debian's Chromium.

Playwright drives the system's Chromium (``apt-get install chromium``); no browser is downloaded. Without a
Chromium these tests skip with the reason, except in CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SCREENSHOTS = Path(__file__).parent.parent.parent / "bench" / "out" / "web"  # gitignored
START_SECONDS = 30


def find_chromium() -> str | None:
    """CARAVAN_CHROMIUM, else the first Chromium on PATH."""
    named = os.environ.get("CARAVAN_CHROMIUM")
    if named:
        return named
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run; .ci/run installs chromium)")
    pytest.skip(f"{reason}: browser tests skipped (apt-get install chromium, pip install playwright)")


@pytest.fixture(scope="session")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        missing("no Chromium found on PATH or in CARAVAN_CHROMIUM")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(api_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``caravan serve`` over a copy of the API test store; its base URL."""
    db = tmp_path_factory.mktemp("served") / "caravan.db"
    shutil.copy(api_store, db)
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from caravan.cli.main import main; main()",
        "serve",
        "--db",
        str(db),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    log = (tmp_path_factory.mktemp("serve-log") / "serve.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"caravan serve exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/api/config", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"caravan serve did not answer within {START_SECONDS}s")


@pytest.fixture(scope="session")
def browser(chromium: str):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        yield browser
        browser.close()


class Page:
    """A browser page on the served app that records console errors and uncaught exceptions."""

    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

    def open(self, query: str = "") -> None:
        self.page.goto(f"{self.base}/{query}")
        self.wait_ready()

    def wait_ready(self) -> None:
        self.page.wait_for_selector("body[data-ready=true]")

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=path)
        return path


@pytest.fixture
def page(browser, server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 850})
    yield Page(context.new_page(), server)
    context.close()
