"""The summary of a store as tables a person reads (``caravan summary``)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from caravan.export.events import EventRow, first_day
from caravan.store.summary import StoreSummary
from caravan.view.terminal import HEADING_STYLE, QUIET_STYLE, titled_table
from caravan.view.words import country_name, format_number, format_range, format_size


def summary_view(summary: StoreSummary, title: str, events: list[EventRow] | None = None) -> RenderableType:
    """Articles, events by type and country, the latest events, the most quoted speakers and places, movements."""
    parts: list[RenderableType] = [
        Text(title, style=HEADING_STYLE),
        articles_table(summary),
        movements_table(summary.movements),
    ]
    for table in (
        events_table(events or []),
        events_by_type_table(summary),
        events_by_country_table(summary),
        ranking_table("Most quoted", "speaker", "quotes", summary.speakers),
        ranking_table("Most mentioned places", "place", "mentions", summary.places),
    ):
        if table.row_count:
            parts.append(table)
    return Group(*parts)


def articles_table(summary: StoreSummary) -> Table:
    table = titled_table("Articles", "", "")
    table.show_header = False
    span = f"{summary.first_published} to {summary.last_published}" if summary.first_published else "unknown"
    for name, value in (
        ("stored", summary.articles),
        ("processed", summary.processed),
        ("near-duplicates (linked)", summary.near_duplicates),
        ("skipped (language)", summary.skipped),
        ("failed items", summary.failures),
        ("outlets", summary.outlets),
        ("published", span),
    ):
        table.add_row(name, f"{value:,}" if isinstance(value, int) else value)
    items = ", ".join(f"{n:,} {kind}" for kind, n in summary.items.items())
    table.add_row("found", items)
    return table


def events_by_type_table(summary: StoreSummary) -> Table:
    table = titled_table("Events by type", "type", "events", "asserted")
    for kind, n, asserted in summary.events_by_type:
        table.add_row(kind, f"{n:,}", f"{asserted:,}")
    return table


def events_by_country_table(summary: StoreSummary) -> Table:
    table = titled_table("Events by country", "country", "events")
    for code, n in summary.events_by_country:
        table.add_row(country_name(code) or code, f"{n:,}")
    return table


def ranking_table(title: str, name: str, unit: str, rows: list[tuple[str, int]]) -> Table:
    table = titled_table(title, name, unit)
    for label, n in rows:
        table.add_row(label, f"{n:,}")
    return table


def movements_table(movements: list[dict[str, Any]]) -> Table:
    """One row per movement: id, label, status, when seen, route and reported size (``caravan movement ID``: more)."""
    table = titled_table("Movements", "id", "movement", "status", "seen", "route", "reported size")
    for m in movements:
        legs = m.get("legs") or []
        route = " → ".join(str(leg.get("place") or country_name(leg.get("country")) or "?") for leg in legs)
        seen = " to ".join(str(x) for x in dict.fromkeys((m.get("first_seen"), m.get("last_seen"))) if x)
        table.add_row(
            str(m.get("id", "")),
            str(m.get("label") or ""),
            str(m.get("status") or ""),
            seen,
            route,
            reported_size(m.get("counts") or []),
        )
    if not movements:
        table.add_row("", Text("none linked (caravan link builds them)", style=QUIET_STYLE), "", "", "", "")
    return table


def reported_size(counts: list[dict[str, Any]]) -> str:
    """The span of a movement's reconciled daily counts: "825–2,500"."""
    lows = [c["low"] for c in counts if c.get("low") is not None]
    highs = [c.get("high") or c["low"] for c in counts if c.get("low") is not None]
    return format_range(min(lows), max(highs)) if lows else ""


def latest_events(rows: list[EventRow], top: int) -> list[EventRow]:
    """The ``top`` latest events by date (the publication date when the event has none), oldest first."""

    def when(row: EventRow) -> str:
        return first_day(row.date) or row.published or ""

    return sorted(rows, key=when)[-top:]


def events_table(rows: list[EventRow]) -> Table:
    """One row per event: when, what (modality when not asserted), who, where, how many, and its source."""
    table = titled_table("Latest events", "date", "event", "actor", "where", "size", "source")
    for row in rows:
        kind = row.type if row.modality == "asserted" else f"{row.type} ({row.modality})"
        where = ", ".join(x for x in (row.place, row.country_name) if x)
        size = format_size([row.size_low, row.size_high]) if row.size_low is not None else ""
        if row.amount is not None:
            size = format_number(row.amount)
        table.add_row(
            row.date.replace("/", " to ") if row.date else "",
            kind,
            row.actor or "",
            where,
            size,
            row.outlet or row.article_id,
        )
    return table
