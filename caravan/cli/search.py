"""``caravan search``: full-text search over the stored articles' titles and texts."""

from __future__ import annotations

import dataclasses
import json

import click

from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError
from caravan.store import SearchHit


def format_hit(hit: SearchHit) -> str:
    """Two lines: id, date, outlet and title; then the snippet with the matched words in [brackets]."""
    head = "  ".join(x for x in (hit.id, hit.published or "----------", hit.outlet or "", hit.title or "") if x)
    if hit.duplicate_of:
        head += f"  (near-duplicate of {hit.duplicate_of})"
    return f"{head}\n    {' '.join(hit.snippet.split())}"


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most articles to show.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article (JSON Lines).")
@click.option("--include-duplicates", is_flag=True, help="Also show near-duplicates of other stored articles.")
def command(query: tuple[str, ...], db_path: str | None, limit: int, as_json: bool, include_duplicates: bool) -> None:
    """Find stored articles whose title or text holds every word of QUERY, best match first.

    Words match whole tokens, case and accents aside (SQLite FTS5); near-duplicates are left out unless
    --include-duplicates is given.
    """
    db, _ = open_store(db_path)
    try:
        hits = db.search(" ".join(query), limit=limit, include_duplicates=include_duplicates)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    for hit in hits:
        click.echo(json.dumps(dataclasses.asdict(hit), ensure_ascii=False) if as_json else format_hit(hit))
