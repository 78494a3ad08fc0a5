"""Offline gazetteer (GeoNames, built into SQLite) and the resolver that places mentions on it.

``country_of(name)`` gives the ISO 3166-1 alpha-2 code of a country name, abbreviation or demonym
("Guatemala" -> "GT", "Mexican" -> "MX", "U.S." -> "US"), for components that need a country from a word.
"""

from __future__ import annotations

from caravan.geo.store import Gazetteer
from caravan.settings import Settings, load_settings

__all__ = ["Gazetteer", "country_of"]


def country_of(name: str, settings: Settings | None = None, gazetteer: Gazetteer | None = None) -> str | None:
    """ISO2 of a country name or demonym ("Mexican" -> "MX"); None when the word names no country."""
    from caravan.geo.gazetteer import open_gazetteer
    from caravan.geo.patterns import country_code

    gaz = gazetteer or open_gazetteer(settings or load_settings())
    return country_code(gaz, name.strip()) if name and name.strip() else None
