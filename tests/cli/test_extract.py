"""``caravan extract`` through click's CliRunner on the bundled sample: every source kind, failures reported."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from caravan.cli.main import cli
from caravan.ingest.urls import url_id
from caravan.model import FORMAT, ITEM_TYPES

SAMPLE = Path(__file__).parent.parent.parent / "caravan" / "data" / "sample"
ARTICLES = {row["id"]: row for row in map(json.loads, (SAMPLE / "articles.jsonl").read_text("utf-8").splitlines())}
BY_URL = {url_id(row["url"]): row for row in ARTICLES.values()}
REPORT = (
    "About 400 migrants reached the town of San Isidro on Thursday after walking for three days, "
    'officials said. "We are tired but we will continue," said Ana Beltran, 27.\n'
)


def extract(*args: str) -> Result:
    return CliRunner().invoke(cli, ["extract", *args])


def records(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def from_jsonl() -> Result:
    return extract(str(SAMPLE / "articles.jsonl"), "--json")


def assert_offsets_in_range(record: dict, text: str) -> None:
    for name in ITEM_TYPES:
        for item in record[name]:
            assert 0 <= item["start"] < item["end"] <= len(text), (name, item)


@pytest.mark.model
def test_extract_jsonl_prints_one_caravan_record_per_article(from_jsonl):
    assert from_jsonl.exit_code == 0, from_jsonl.stderr
    assert [r["format"] for r in records(from_jsonl)] == [FORMAT] * len(ARTICLES)


@pytest.mark.model
def test_extract_jsonl_keeps_ids_and_published(from_jsonl):
    got = [(r["id"], r["published"]) for r in records(from_jsonl)]
    assert got == [(row["id"], row["published"]) for row in ARTICLES.values()]


@pytest.mark.model
def test_extract_offsets_lie_inside_the_article_text(from_jsonl):
    for record in records(from_jsonl):
        assert_offsets_in_range(record, ARTICLES[record["id"]]["text"])


@pytest.mark.model
@pytest.mark.parametrize("name", ["feed.xml", "sample.warc.gz"])
def test_extract_feed_and_warc_give_url_ids_and_dates(name):
    result = extract(str(SAMPLE / name), "--json")
    assert result.exit_code == 0, result.stderr
    got = records(result)
    assert [r["id"] for r in got] == list(BY_URL)
    assert [r["published"] for r in got] == [row["published"] for row in BY_URL.values()]
    for record in got:
        assert_offsets_in_range(record, BY_URL[record["id"]]["text"])


@pytest.mark.model
def test_extract_bad_input_exits_non_zero_and_prints_the_others(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = extract(str(tmp_path / "empty.txt"), str(SAMPLE / "articles.jsonl"), "--json")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'empty.txt'}: empty file (no text)"
    assert len(records(result)) == len(ARTICLES)


@pytest.mark.model
def test_extract_text_file_gets_published_from_option(tmp_path):
    (tmp_path / "san-isidro.txt").write_text(REPORT, encoding="utf-8")
    [record] = records(extract(str(tmp_path / "san-isidro.txt"), "--json", "--published", "2024-03-07"))
    assert (record["id"], record["published"]) == ("san-isidro", "2024-03-07")
    assert_offsets_in_range(record, REPORT)


@pytest.mark.model
def test_extract_summary_names_each_article_and_shows_its_quotes(tmp_path):
    (tmp_path / "san-isidro.txt").write_text(REPORT, encoding="utf-8")
    result = extract(str(tmp_path / "san-isidro.txt"))
    assert result.exit_code == 0 and result.stdout.startswith("san-isidro\npublished unknown, en")
    assert "Ana Beltran" in result.stdout and "Quotes" in result.stdout and "None" not in result.stdout


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path) -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 serving a folder with one report; its base URL."""
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_extract_refuses_loopback_url_by_default(served):
    result = extract(f"{served}/report.txt", "--json")
    assert result.exit_code == 1 and "loopback address 127.0.0.1 (refused" in result.stderr
    assert result.stdout == ""


@pytest.mark.model
def test_extract_allow_private_fetches_loopback_url(served):
    result = extract(f"{served}/report.txt", "--json", "--allow-private")
    assert result.exit_code == 0, result.stderr
    assert records(result)[0]["id"] == url_id(f"{served}/report.txt")
