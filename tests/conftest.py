"""Shared fixtures: a private gazetteer cache, one spaCy model and one Pipeline per test session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from caravan.cli.main import cli
from caravan.geo.gazetteer import gazetteer_path, open_gazetteer
from caravan.geo.store import Gazetteer
from caravan.model import Article
from caravan.nlp.pipeline import Pipeline
from caravan.settings import Settings

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session", autouse=True)
def gazetteer_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user cache (where the default gazetteer is built) moved to a temporary folder for the whole session, so
    tests never read or write ~/.cache/caravan; subprocesses inherit it through the environment."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@pytest.fixture(scope="session")
def built_gazetteer(gazetteer_cache: Path) -> Gazetteer:
    """The default gazetteer, built once per session into the temporary cache by ``caravan gazetteer build`` (so
    worker processes and subprocesses find it built; tests/geo/test_cli.py checks what the command wrote)."""
    path = gazetteer_path(Settings())
    assert path.is_relative_to(gazetteer_cache)
    result = CliRunner().invoke(cli, ["gazetteer", "build"])
    assert result.exit_code == 0 and result.output == f"gazetteer written to {path}\n", result.output
    return open_gazetteer(Settings())


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Default settings with the store in a temporary folder (the gazetteer keeps its default place)."""
    return Settings(db_path=str(tmp_path_factory.mktemp("db") / "caravan.db"))


@pytest.fixture(scope="session")
def pipeline(settings: Settings, built_gazetteer: Gazetteer) -> Pipeline:
    return Pipeline(settings)


@pytest.fixture(scope="session")
def run(pipeline: Pipeline):
    """Extract the record of a short text: ``run(text, published="2020-01-17")``."""

    def _run(text: str, published: str | None = None, language: str | None = None):
        return pipeline(Article(id="t", text=text, published=published, language=language))

    return _run


REPORTS = DATA / "export" / "reports.jsonl"  # two short reports written by the Caravan team for these tests


@pytest.fixture(scope="session")
def reports_db(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled and linked as ``caravan ingest`` does it, from ``tests/data/export/reports.jsonl``."""
    from caravan.batch import ingest
    from caravan.link.build import update_links
    from caravan.store import Database

    path = tmp_path_factory.mktemp("reports") / "reports.db"
    with Database(path) as db:
        ingest([str(REPORTS)], db, settings)
        update_links(db, settings=settings)
    return path


API_ARTICLES = DATA / "api" / "articles.jsonl"  # seven short reports written for the API and page tests


@pytest.fixture(scope="session")
def api_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """A store filled and linked by the real pipeline from the API test articles (copy it to write)."""
    from caravan.batch import ingest
    from caravan.link.build import update_links
    from caravan.store import Database

    path = tmp_path_factory.mktemp("api-store") / "caravan.db"
    settings = Settings(db_path=str(path))
    with Database(path) as db:
        summary = ingest([str(API_ARTICLES)], db, settings, extract=pipeline)
        update_links(db, settings=settings)
    assert summary.items == 7 and not summary.failures, summary.failures
    return path


# PostgreSQL ------------------------------------------------------------------------------------------------
# The storage tests run on SQLite and on a real PostgreSQL with PostGIS: the server in CARAVAN_TEST_POSTGRES_URL,
# else a throwaway cluster started here (initdb, pg_ctl) and stopped at the end. Without either, PostgreSQL
# tests are skipped with the reason, except in CI (CI=true), where they fail.


def _postgres_bin(name: str) -> str | None:
    import glob
    import shutil

    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_cluster(root: Path) -> tuple[str, list[str]]:
    """Start a PostgreSQL cluster in ``root``; its URL and the command that stops it."""
    import os
    import shutil
    import subprocess

    initdb, pg_ctl = _postgres_bin("initdb"), _postgres_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl); install postgresql-15")
    as_user: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()
    subprocess.run(
        [*as_user, initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*as_user, pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", [*as_user, pg_ctl, "-D", str(data), "-m", "fast", "stop"]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server with PostGIS installed (``CREATE EXTENSION postgis`` done)."""
    import os
    import subprocess
    import tempfile

    import psycopg

    url, stop = os.environ.get("CARAVAN_TEST_POSTGRES_URL"), None
    try:
        if not url:
            url, stop = _start_cluster(Path(tempfile.mkdtemp(prefix="caravan-pg-")))
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    except (RuntimeError, OSError, subprocess.CalledProcessError, psycopg.Error) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        message = f"no PostgreSQL server with PostGIS could be started: {exc} {detail.decode(errors='replace')}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    yield url
    if stop:
        subprocess.run(stop, check=False, capture_output=True)


@pytest.fixture
def postgres_schemas(postgres_server: str) -> Iterator[Callable[[str], str]]:
    """``new(name)``: the URL of a fresh, empty schema of the test server; all are dropped afterwards."""
    import uuid
    from urllib.parse import quote

    import psycopg

    schemas: list[str] = []

    def _new(name: str) -> str:
        schema = f"t_{name}_{uuid.uuid4().hex[:10]}".lower()
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        schemas.append(schema)
        separator = "&" if "?" in postgres_server else "?"
        return f"{postgres_server}{separator}options={quote(f'-csearch_path={schema},public')}"

    yield _new
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        for schema in schemas:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def postgres_url(postgres_schemas: Callable[[str], str]) -> str:
    """A URL whose tables live in a fresh schema of the test server."""
    return postgres_schemas("store")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_targets(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], str]:
    """``new(name)``: where a fresh test store lives, once per backend: a SQLite file, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return lambda name: str(tmp_path / f"{name}.db")
    return request.getfixturevalue("postgres_schemas")


@pytest.fixture
def store_target(store_targets: Callable[[str], str]) -> str:
    """Where the test store lives: a SQLite file path, then (a second run) a PostgreSQL URL."""
    return store_targets("caravan")


@pytest.fixture(scope="session")
def postgres_api_store(postgres_server: str, pipeline: Pipeline) -> Iterator[str]:
    """The API test store (``api_store``) filled the same way in a PostgreSQL schema; its URL."""
    from urllib.parse import quote

    import psycopg

    from caravan.batch import ingest
    from caravan.link.build import update_links
    from caravan.store import open_database

    schema = "t_api_store"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in postgres_server else "?"
    url = f"{postgres_server}{separator}options={quote(f'-csearch_path={schema},public')}"
    settings = Settings(db_path=url)
    with open_database(url) as db:
        summary = ingest([str(API_ARTICLES)], db, settings, extract=pipeline)
        update_links(db, settings=settings)
    assert summary.items == 7 and not summary.failures, summary.failures
    yield url
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
