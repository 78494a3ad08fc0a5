"""JSON Lines and JSON files: ids and dates kept, bad lines reported with their line number."""

import gzip
import json
from pathlib import Path

import pytest

from caravan.errors import DecodeError, FormatError, TooLargeError
from caravan.ingest.jsonl import read_json_file, read_jsonl
from caravan.model import Article
from caravan.settings import Settings

INGEST_DATA = Path(__file__).parent.parent / "data" / "ingest"
JSONL = INGEST_DATA / "articles.jsonl"


@pytest.fixture
def items():
    return list(read_jsonl(JSONL, Settings()))


def test_jsonl_keeps_id_published_and_metadata(items):
    first = items[0]
    assert (first.id, first.published, first.outlet, first.title) == (
        "vh-1",
        "2024-03-07",
        "Valley Herald",
        "Migrants reach San Isidro",
    )
    assert first.url == "https://www.valleyherald.example/news/1"


def test_jsonl_line_without_id_gets_stem_and_line_number(items):
    assert items[1].id == "articles-2"
    assert items[1].published is None


def test_jsonl_bad_lines_yield_errors_naming_line_and_reading_goes_on(items):
    assert [type(x).__name__ for x in items] == ["Article", "Article", "FormatError", "FormatError", "Article"]
    assert items[2].item == f"{JSONL}:4" and "not a JSON line" in items[2].reason
    assert items[3].item == f"{JSONL}:5" and '"text"' in items[3].reason
    assert items[4].id == "vh-5"


def test_jsonl_source_names_file_and_line(items):
    assert items[4].source == f"{JSONL}:6"


def test_jsonl_reads_gzipped_file(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(gzip.compress(JSONL.read_bytes()))
    assert [a.id for a in read_jsonl(path, Settings()) if isinstance(a, Article)] == ["vh-1", "corpus-2", "vh-5"]


def test_jsonl_truncated_gzip_yields_lines_then_format_error(tmp_path):
    lines = b"".join(json.dumps({"id": f"a{i}", "text": "x" * 200}).encode() + b"\n" for i in range(50))
    data = gzip.compress(lines)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) - 20])
    items = list(read_jsonl(path, Settings()))
    assert isinstance(items[-1], FormatError) and "truncated" in items[-1].reason
    assert all(isinstance(a, Article) for a in items[:-1])


def test_jsonl_line_over_size_limit_is_refused_and_next_read(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "x" * 500}) + "\n" + json.dumps({"id": "ok", "text": "y"}) + "\n")
    items = list(read_jsonl(path, Settings(max_bytes=100)))
    assert isinstance(items[0], TooLargeError) and items[0].item == f"{path}:1"
    assert items[1].id == "ok"


def test_jsonl_invalid_utf8_line_is_decode_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n')
    [item] = read_jsonl(path, Settings())
    assert isinstance(item, DecodeError)


def test_jsonl_json_file_with_list_of_articles(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"id": "a", "text": "one"}, {"text": "two"}], indent=2))
    assert [a.id for a in read_json_file(path, Settings())] == ["a", "two-2"]


def test_jsonl_json_file_with_one_object_uses_stem(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "one", "published": "2024-01-02"}, indent=2))
    [article] = read_json_file(path, Settings())
    assert (article.id, article.published) == ("one", "2024-01-02")


def test_jsonl_plain_file_whose_first_line_starts_with_the_gzip_magic_keeps_its_other_lines(tmp_path):
    """A junk first line that happens to start with the gzip magic bytes does not make the file gzip: that line is
    an error and the articles after it are read (they were lost, the file read as a corrupt gzip stream)."""
    path = tmp_path / "junk-first.jsonl"
    path.write_bytes(b"\x1f\x8b\x00junk\n" + json.dumps({"id": "a", "text": "Families crossed the river."}).encode())
    items = list(read_jsonl(path, Settings()))
    assert [type(x).__name__ for x in items] == ["DecodeError", "Article"]
    assert items[0].item == f"{path}:1" and items[1].text == "Families crossed the river."


def test_jsonl_gzipped_file_without_the_gz_suffix_is_still_read(tmp_path):
    path = tmp_path / "packed.jsonl"
    path.write_bytes(gzip.compress(JSONL.read_bytes()))
    assert [a.id for a in read_jsonl(path, Settings()) if isinstance(a, Article)] == ["vh-1", "packed-2", "vh-5"]


def test_jsonl_gz_file_that_is_not_gzip_is_one_format_error(tmp_path):
    path = tmp_path / "plain.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x00junk\n" + json.dumps({"text": "Families crossed the river."}).encode())
    [item] = read_jsonl(path, Settings())
    assert isinstance(item, FormatError) and "gzip" in item.reason
