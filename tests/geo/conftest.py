"""A gazetteer imported from the hand-written GeoNames fixture (tests/data/geonames), once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan.geo.geonames import import_geonames
from caravan.geo.store import Gazetteer

FIXTURE = Path(__file__).parent.parent / "data" / "geonames"


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = import_geonames(FIXTURE, tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", "test")
    return Gazetteer(path)
