"""Generated inputs of every kind (hypothesis): the batch never crashes, every failure is recorded with its
reason, every good article is still read and stored. The long run is ``bench/fuzz_ingest.py``."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import CASES, Case, any_case, check_cases

FUZZ = settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check(cases: list[Case]) -> None:
    with tempfile.TemporaryDirectory(prefix="caravan-fuzz-") as folder:
        check_cases(cases, Path(folder) / "in", Path(folder) / "caravan.db")


@pytest.mark.parametrize("kind", sorted(CASES))
def test_fuzz_each_ingest_path_keeps_good_articles_and_records_failures(kind: str) -> None:
    @FUZZ
    @given(st.lists(CASES[kind], min_size=1, max_size=3))
    def run(cases: list[Case]) -> None:
        check(cases)

    run()


# a JSON Lines file whose junk first line starts with the gzip magic bytes: once read as a corrupt gzip stream,
# losing the good line after it (a flaky failure of this test)
GZIP_MAGIC_FIRST_LINE = Case(
    "jsonl",
    b"\x1f\x8b\x08junk\n" + json.dumps({"text": "Migrants walked north at night."}).encode() + b"\n",
    ["Migrants walked north at night"],
)


@FUZZ
@given(st.lists(any_case, min_size=2, max_size=6))
@example([GZIP_MAGIC_FIRST_LINE])
def test_fuzz_mixed_folder_of_every_kind_is_one_batch(cases: list[Case]) -> None:
    check(cases)
