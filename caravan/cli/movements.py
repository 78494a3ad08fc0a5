"""``caravan movements``: groups followed over time (caravans), one row each, or all of them as JSON."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError
from caravan.link.query import list_movements

CONSOLE_WIDTH = 200


def brief(movement: dict[str, Any]) -> dict[str, Any]:
    """A movement without the explanations (the ``--json`` list shape)."""
    out = dict(movement)
    out["legs"] = [{k: v for k, v in leg.items() if k != "explain"} for leg in movement["legs"]]
    out["planned"] = [{k: v for k, v in leg.items() if k != "explain"} for leg in movement["planned"]]
    return out


def route(movement: dict[str, Any]) -> str:
    """The countries of the legs in the order the group first reached them: "HN → GT → MX → US"."""
    stops: list[str] = []
    for leg in movement["legs"]:
        if leg["country"] and leg["country"] not in stops:
            stops.append(leg["country"])
    return " → ".join(stops)


def movements_table(movements: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(
        "id", "label", "status", "first seen", "last seen", "route", "legs", "stories", "sizes (low-high)", title=title
    )
    for m in movements:
        lows = [c["low"] for c in m["counts"] if c["low"] is not None]
        highs = [c["high"] or c["low"] for c in m["counts"] if c["low"] is not None]
        sizes = f"{min(lows):,.0f}-{max(highs):,.0f}" if lows else ""
        table.add_row(
            m["id"],
            m["label"],
            m["status"],
            m["first_seen"] or "",
            m["last_seen"] or "",
            route(m),
            str(len(m["legs"])),
            str(m["stories"]),
            sizes,
        )
    return table


def legs_table(legs: list[dict[str, Any]], title: str, explain: bool) -> Table:
    table = Table("date", "place", "country", "events", "sizes (source, speaker)", "articles", title=title)
    if explain:
        table.add_column("why it belongs")
    for leg in legs:
        date = leg["date"] or (f"≤{leg['date_bound']}" if leg["date_bound"] else "undated")
        events = ", ".join(
            f"{e['type']}"
            + (
                ""
                if e["modality"] == "asserted"
                else f" ({e['modality']}" + (", inferred)" if e.get("inferred") else ")")
            )
            for e in leg["events"]
        )
        sizes = "\n".join(_size(s) for s in leg["sizes"])
        row = [date, leg["place"] or "", leg["country"] or "", events, sizes, "\n".join(leg["articles"])]
        table.add_row(*row, *(["\n".join(leg["explain"])] if explain else []))
    return table


def _size(size: dict[str, Any]) -> str:
    figure = f"{size['low']:,}" + (f"-{size['high']:,}" if size["high"] not in (None, size["low"]) else "")
    who = size["source"] + (f", {size['speaker']}" if size["speaker"] else "")
    return f"{figure} ({who})"


def counts_table(counts: list[dict[str, Any]]) -> Table:
    table = Table("date", "low", "median", "high", "most cited", "reports", title="counts")
    for c in counts:
        table.add_row(
            c["date"] or "undated", *(_num(c[k]) for k in ("low", "median", "high", "most_cited")), str(c["reports"])
        )
    return table


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


@click.command("movements")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of movements instead of a table.")
@db_option
def command(as_json: bool, db_path: str | None) -> None:
    """Groups followed over time (caravans): label, status, first and last report, legs and sizes.

    Movements known only from reports with no date at all (a text without --published) are listed apart.
    """
    db, _ = open_store(db_path)
    try:
        movements = list_movements(db)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps([brief(m) for m in movements], ensure_ascii=False, indent=1))
        return
    console = Console(width=CONSOLE_WIDTH)
    dated = [m for m in movements if not m.get("undated")]
    console.print(movements_table(dated))
    undated = [m for m in movements if m.get("undated")]
    if undated:
        console.print(
            movements_table(
                undated,
                title=f"{len(undated)} undated (reports with no date: not placed in "
                "time, not joined to a movement above)",
            )
        )
