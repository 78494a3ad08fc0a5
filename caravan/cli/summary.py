"""``caravan summary``: what the store holds, as tables a person reads (or one JSON object)."""

from __future__ import annotations

import json

import click
from rich.console import Console

from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError
from caravan.export.events import event_rows
from caravan.link.query import list_movements
from caravan.store.summary import TOP, summarise_store
from caravan.view.summary import latest_events, summary_view


@click.command("summary")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=TOP,
    show_default=True,
    help="Rows in each list of most quoted speakers, places and countries.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@db_option
def command(top: int, as_json: bool, db_path: str | None) -> None:
    """Summarise the store: articles, events by type and country, most quoted speakers and places, movements.

    \b
    caravan ingest caravan/data/sample --db sample.db && caravan summary --db sample.db
    """
    db, _ = open_store(db_path)
    try:
        summary = summarise_store(db, top, list_movements(db))
        events = latest_events(list(event_rows(db)), top)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
        return
    Console(highlight=False).print(summary_view(summary, f"Caravan store {db.path}", events))
