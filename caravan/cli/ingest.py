"""``caravan ingest``: read many articles into the store, with a progress bar and a closing summary."""

from __future__ import annotations

import sys

import click

from caravan.batch import SHOWN_FAILURES, IngestSummary, ingest
from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError
from caravan.link.build import update_links
from caravan.settings import Settings
from caravan.store.base import Store


def report(summary: IngestSummary) -> None:
    """The run's failures on stderr (the first few), then its summary on stdout."""
    for item, reason in summary.failures[:SHOWN_FAILURES]:
        click.echo(f"Failed: {item}: {reason}", err=True)
    hidden = len(summary.failures) - SHOWN_FAILURES
    if hidden > 0:
        click.echo(f"... and {hidden} more (see the failures table)", err=True)
    for line in summary.lines():
        click.echo(line)


def run_ingest(
    sources: list[str], db: Store, settings: Settings, progress: bool, workers: int, scheduler: str | None
) -> IngestSummary:
    """Ingest locally (one process, or a pool of ``workers``), or on a Dask cluster when a scheduler is named."""
    if scheduler is None:
        return ingest(sources, db, settings, progress=progress, workers=workers)
    from caravan.cluster import connect

    with connect(scheduler, workers) as client:
        return ingest(sources, db, settings, progress=progress, client=client)


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--allow-private", is_flag=True, default=None, help="Allow URLs on private or loopback addresses.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that run the NLP pipeline (each loads its own models, ~350 MB).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:PORT|local",
    help="Run the pipeline on a Dask cluster: a scheduler's address, or 'local' for a local cluster "
    "of --workers processes (needs caravan[dask]).",
)
@click.option(
    "--progress/--no-progress", default=None, help="Show a progress bar on stderr (default: when stderr is a terminal)."
)
def command(
    sources: tuple[str, ...],
    db_path: str | None,
    allow_private: bool | None,
    workers: int,
    scheduler: str | None,
    progress: bool | None,
) -> None:
    """Read the articles in SOURCES (files, folders, URLs, feeds, WARC, JSON Lines) into the store.

    Each article is stored once, identified by a hash of its text: ingesting the same sources again adds
    nothing ("already stored"). Near-duplicates of a stored article (syndicated copies, light edits) are stored
    pointing at the original and not processed again. Items that cannot be read or processed are recorded in
    the failures table and the run goes on. Every article is written in one transaction, so an interrupted run
    loses nothing and the next one carries on where it stopped.
    """
    db, settings = open_store(db_path, allow_private=allow_private)
    show = sys.stderr.isatty() if progress is None else progress
    try:
        with db:
            summary = run_ingest(list(sources), db, settings, show, workers, scheduler)
            links = update_links(db, settings=settings)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    report(summary)
    click.echo(links.line())
