"""``caravan events``: stored event mentions, or (``--canonical``) the canonical events they are merged into."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError
from caravan.link.query import list_canonical_events
from caravan.store import Database


def mention_events(db: Database) -> list[dict[str, Any]]:
    """Every stored event mention with its article's outlet and date."""
    return list(db.item_rows("events"))


def events_table(events: list[dict[str, Any]], canonical: bool) -> Table:
    table = Table(
        "id" if canonical else "article",
        "date",
        "type",
        "modality",
        "place",
        "country",
        "stories" if canonical else "actor",
        "outlets" if canonical else "text",
    )
    for e in events:
        date = e["date"] or (f"≤{e['date_bound']}" if e.get("date_bound") else "")
        if canonical:
            table.add_row(
                e["id"],
                date,
                e["type"],
                e["modality"],
                e["place"] or "",
                e["country"] or "",
                str(e["stories"]),
                ", ".join(e["outlets"][:3]),
            )
        else:
            table.add_row(
                e["article_id"],
                date,
                e["type"],
                e["modality"],
                e["place"] or "",
                e["country"] or "",
                e["actor"] or "",
                e["text"],
            )
    return table


@click.command("events")
@click.option("--canonical", is_flag=True, help="Canonical events (mentions merged across articles).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@db_option
def command(canonical: bool, as_json: bool, db_path: str | None) -> None:
    """Stored event mentions, one per article; with --canonical, one row per real event and all its mentions."""
    db, _ = open_store(db_path)
    try:
        events = list_canonical_events(db) if canonical else mention_events(db)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(events, ensure_ascii=False, indent=1))
        return
    Console(width=200).print(events_table(events, canonical))
