"""``caravan quotes`` through click's CliRunner: stored quotes with normalised speakers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from caravan.cli.main import cli
from caravan.model import Article, Quote, Record
from caravan.store import Database

ONE = '"The shelter is full," Dr. Lena Okafor told reporters.'
TWO = 'Lena Okafor, who runs the shelter, said on radio that "more beds are coming". The mayor agreed.'
FULL = ONE.index("The shelter is full")  # 1
COMING = TWO.index("more beds are coming")  # 55


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    with Database(path) as db:
        first = Quote(FULL, FULL + 19, speaker="Dr. Lena Okafor", speaker_role="director")
        db.add_article(Article(id="one", text=ONE), Record(id="one", quotes=[first]))
        db.add_article(
            Article(id="two", text=TWO),
            Record(id="two", quotes=[Quote(COMING, COMING + 20, speaker="LENA OKAFOR", channel="radio")]),
        )
    return path


def quotes(db_path: Path, *args: str):
    return CliRunner().invoke(cli, ["quotes", "--db", str(db_path), *args])


def test_quotes_lists_every_quote_with_its_span(db_path: Path) -> None:
    lines = quotes(db_path).stdout.splitlines()
    assert lines[0] == "one [1:20] Lena Okafor (director) [direct]: The shelter is full"
    assert lines[1].startswith("two [55:75] Lena Okafor on radio")


def test_quotes_json_gives_span_text_speaker_role_channel_via(db_path: Path) -> None:
    rows = [json.loads(line) for line in quotes(db_path, "--json").stdout.splitlines()]
    assert rows[1] == {
        "article_id": "two",
        "start": 55,
        "end": 75,
        "text": "more beds are coming",
        "kind": "direct",
        "speaker": "Lena Okafor",
        "speaker_as_written": "LENA OKAFOR",
        "role": None,
        "channel": "radio",
        "via": None,
    }


def test_quotes_speaker_filter_joins_one_person_across_articles(db_path: Path) -> None:
    rows = [json.loads(line) for line in quotes(db_path, "--speaker", "lena okafor", "--json").stdout.splitlines()]
    assert [r["article_id"] for r in rows] == ["one", "two"]


def test_quotes_speaker_filter_leaves_out_other_speakers(db_path: Path) -> None:
    assert quotes(db_path, "--speaker", "The Mayor").stdout == ""
    assert len(quotes(db_path, "--speaker", "Lena Okafor").stdout.splitlines()) == 2  # the filter does list others
