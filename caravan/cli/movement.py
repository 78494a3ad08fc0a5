"""``caravan movement ID``: one movement's legs, planned moves and counts as tables, and why each leg belongs."""

from __future__ import annotations

import json

import click
from rich.console import Console

from caravan.cli.movements import CONSOLE_WIDTH, brief, counts_table, legs_table
from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError
from caravan.link.query import get_movement


@click.command("movement")
@click.argument("movement_id")
@click.option("--explain", is_flag=True, help="Show why each leg belongs to the movement.")
@click.option("--json", "as_json", is_flag=True, help="Print the movement as JSON.")
@db_option
def command(movement_id: str, explain: bool, as_json: bool, db_path: str | None) -> None:
    """One movement: its legs (where and when the group was), planned moves and reconciled counts."""
    db, _ = open_store(db_path)
    try:
        movement = get_movement(db, movement_id)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    if movement is None:
        raise click.ClickException(f"no movement {movement_id!r} (see `caravan movements`)")
    if as_json:
        click.echo(json.dumps(movement if explain else brief(movement), ensure_ascii=False, indent=1))
        return
    console = Console(width=CONSOLE_WIDTH)
    console.print(
        f"[bold]{movement['label']}[/bold]  {movement['id']}  status: {movement['status']}  "
        f"{movement['first_seen'] or '?'} – {movement['last_seen'] or '?'}"
    )
    console.print(legs_table(movement["legs"], "legs", explain))
    if movement["planned"]:
        console.print(legs_table(movement["planned"], "planned or predicted", explain))
    console.print(counts_table(movement["counts"]))
