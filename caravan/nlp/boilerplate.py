"""Finds boilerplate (ads, recommendation widgets, share bars, photo credits) as character spans (placeholder)."""

from __future__ import annotations

from caravan.model import Span


def find_boilerplate(text: str) -> list[Span]:
    return []
