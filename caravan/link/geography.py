"""What linking asks of the gazetteer: a country's neighbours and name (for continuity and labels)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from caravan.errors import GazetteerError
from caravan.link.when import distance_km
from caravan.settings import Settings

log = logging.getLogger(__name__)
COUNTRY_TOWNS = 500  # a country's most populous towns that stand for its territory, border towns among them


class Geography(Protocol):
    def neighbours(self, iso2: str) -> tuple[str, ...]: ...

    def country_name(self, iso2: str) -> str: ...

    def km_to_country(self, lat: float, lon: float, iso2: str) -> float | None: ...


@dataclass
class GazetteerGeography:
    """Neighbours and names from the offline gazetteer, opened on first use."""

    settings: Settings
    _gazetteer: object | None = field(default=None, repr=False)
    _failed: bool = False
    _towns: dict[str, tuple[tuple[float, float], ...]] = field(default_factory=dict, repr=False)

    def _open(self):
        if self._gazetteer is None and not self._failed:
            from caravan.geo.gazetteer import open_gazetteer

            try:
                self._gazetteer = open_gazetteer(self.settings)
            except GazetteerError as exc:
                log.warning("linking without country neighbours: %s", exc)
                self._failed = True
        return self._gazetteer

    def neighbours(self, iso2: str) -> tuple[str, ...]:
        gazetteer = self._open()
        return gazetteer.neighbours(iso2) if gazetteer else ()

    def country_name(self, iso2: str) -> str:
        gazetteer = self._open()
        entry = gazetteer.country(iso2) if gazetteer else None
        return entry.name if entry else iso2

    def km_to_country(self, lat: float, lon: float, iso2: str) -> float | None:
        """How far a point is from the nearest of a country's larger towns (a country's edge, roughly); None when the
        gazetteer knows none."""
        if iso2 not in self._towns:
            gazetteer = self._open()
            self._towns[iso2] = gazetteer.towns(iso2, COUNTRY_TOWNS) if gazetteer else ()
        towns = self._towns[iso2]
        return min((distance_km(lat, lon, t_lat, t_lon) for t_lat, t_lon in towns), default=None)
