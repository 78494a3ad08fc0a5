"""The small public Python API."""

import pytest

import caravan
from caravan.settings import Settings


def test_api_exports_what_all_names():
    """``from caravan import *`` gives exactly the names of ``__all__``, each the object its module defines."""
    from caravan import errors, model, settings
    from caravan.nlp import pipeline

    expected = {
        "Article": model.Article,
        "CaravanError": errors.CaravanError,
        "DateRef": model.DateRef,
        "Event": model.Event,
        "Pipeline": pipeline.Pipeline,
        "Place": model.Place,
        "Quantity": model.Quantity,
        "Quote": model.Quote,
        "Record": model.Record,
        "Settings": settings.Settings,
        "SourceError": errors.SourceError,
        "Span": model.Span,
        "extract_text": caravan.extract_text,
        "load_settings": settings.load_settings,
    }
    namespace: dict = {}
    exec("from caravan import *", namespace)
    namespace.pop("__builtins__")
    assert sorted(caravan.__all__) == sorted(expected)
    assert {name: namespace[name] for name in expected} == expected
    assert callable(caravan.extract_text) and caravan.extract_text.__module__ == "caravan"


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
