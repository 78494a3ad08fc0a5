"""``caravan serve``: the API and the page over a store, with uvicorn."""

from __future__ import annotations

import click

from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError


def serve(db_path: str | None, host: str, port: int) -> None:
    """Open (and migrate) the store, then serve the app until interrupted."""
    import uvicorn

    from caravan.api import create_app

    db, settings = open_store(db_path)
    with db:
        db.migrate()  # a new store is created, an old one brought up to date, before readers open it
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", server_header=False)


@click.command("serve")
@db_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for every interface)."
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
def command(db_path: str | None, host: str, port: int) -> None:
    """Serve the JSON API (/api, described at /docs) and the page (/) over the store.

    The page shows events on a map and a timeline, the articles behind them with every extracted span, and the
    movements. Reads need nothing; adding articles (POST /api/articles) needs the api_token setting, sent as
    "Authorization: Bearer TOKEN".
    """
    try:
        serve(db_path, host, port)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
