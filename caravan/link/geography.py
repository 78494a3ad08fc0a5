"""What linking asks of the gazetteer: a country's neighbours and name (for continuity and labels)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from caravan.errors import GazetteerError
from caravan.settings import Settings

log = logging.getLogger(__name__)


class Geography(Protocol):
    def neighbours(self, iso2: str) -> tuple[str, ...]: ...

    def country_name(self, iso2: str) -> str: ...


@dataclass
class GazetteerGeography:
    """Neighbours and names from the offline gazetteer, opened on first use."""

    settings: Settings
    _gazetteer: object | None = field(default=None, repr=False)
    _failed: bool = False

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
