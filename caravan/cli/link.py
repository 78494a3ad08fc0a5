"""``caravan link``: relink the store (stories, canonical events, movements); ingest does this after each run."""

from __future__ import annotations

import click

from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError
from caravan.link.build import update_links


@click.command("link")
@click.option("--rebuild", is_flag=True, help="Relink even when no article was added since the last run.")
@db_option
def command(rebuild: bool, db_path: str | None) -> None:
    """Link the stored articles: story clusters, canonical events, movements and their counts.

    `caravan ingest` updates the links after every run; the links are recomputed from the stored records in a
    fixed order, so `caravan link --rebuild` gives the same tables.
    """
    db, settings = open_store(db_path)
    try:
        db.counts()  # fails with a clear message when there is no store
        with db:
            summary = update_links(db, rebuild=rebuild, settings=settings)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summary.line())
