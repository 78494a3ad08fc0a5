"""``caravan search`` through click's CliRunner, over a store written with the Database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from caravan.cli.main import cli
from caravan.model import Article, Record
from caravan.store import open_database

TEXTS = {
    "north": ("A group of about sixty people walked north through the valley on Saturday.", "Walking north"),
    "port": ("Fishing boats stayed in port as the storm reached the coast.", "Storm at the coast"),
}


@pytest.fixture
def db_path(store_target: str) -> str:
    path = store_target
    with open_database(path) as db:
        for id, (text, title) in TEXTS.items():
            db.add_article(Article(id=id, text=text, title=title, outlet="Daily Example"), Record(id=id))
    return path


def test_search_prints_matching_articles_with_snippets(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "valley", "--db", str(db_path)])
    assert result.exit_code == 0
    assert result.stdout.startswith("north  ") and "[valley]" in result.stdout and "port" not in result.stdout


def test_search_json_gives_one_object_per_article(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "storm", "--json", "--db", str(db_path)])
    (hit,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (hit["id"], hit["title"], hit["outlet"]) == ("port", "Storm at the coast", "Daily Example")


def test_search_limit_caps_the_hits(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "the", "--limit", "1", "--json", "--db", str(db_path)])
    assert len(result.stdout.splitlines()) == 1


def test_search_missing_store_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "storm", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "Error: no store" in result.stderr
