"""The small public Python API."""

import pytest

import caravan
from caravan.settings import Settings


def test_api_exports_what_all_names():
    for name in caravan.__all__:
        assert getattr(caravan, name) is not None, name


@pytest.mark.model
def test_api_extract_text_returns_a_record_with_offsets_into_the_text():
    text = "Police detained 40 migrants near the border on Tuesday."
    record = caravan.extract_text(text, published="2021-03-05", id="api", settings=Settings(db_path=":memory:"))
    data = record.to_dict()
    assert data["id"] == "api" and data["published"] == "2021-03-05" and data["language"] == "en"
    for kind in ("quotes", "places", "quantities", "dates", "events"):
        for item in data[kind]:
            assert 0 <= item["start"] < item["end"] <= len(text)
    assert any(q["low"] == 40 for q in data["quantities"])
