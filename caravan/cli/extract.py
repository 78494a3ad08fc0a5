"""``caravan extract``: run the pipeline on articles and print their caravan/1 records."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

import click
from rich.console import Console

from caravan.errors import CaravanError, SourceError
from caravan.ingest import read_sources
from caravan.model import Article, Record
from caravan.nlp.pipeline import Pipeline
from caravan.settings import Settings, load_settings
from caravan.view.terminal import record_view


def extract_articles(
    sources: list[str], settings: Settings, published: str | None = None
) -> Iterable[tuple[Article, Record] | SourceError]:
    """Each article of the sources with its record, in order; a bad item gives its SourceError instead."""
    pipeline = Pipeline(settings)
    for item in read_sources(sources, settings):
        if isinstance(item, SourceError):
            yield item
            continue
        if published and not item.published:
            item.published = published
        yield item, pipeline(item)


def extract(sources: list[str], settings: Settings, published: str | None = None) -> Iterable[Record | SourceError]:
    """Records of every article in the sources, in order; a bad item gives its SourceError instead."""
    for item in extract_articles(sources, settings, published):
        yield item if isinstance(item, SourceError) else item[1]


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles that carry none.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print caravan/1 records as JSON Lines (else tables of events, quotes, places, amounts, dates).",
)
@click.option("--allow-private", is_flag=True, default=None, help="Allow URLs on private or loopback addresses.")
def command(paths: tuple[str, ...], published: str | None, as_json: bool, allow_private: bool | None) -> None:
    """Extract the caravan/1 record of each article in PATHS (files, folders, URLs, feeds, WARC, JSON Lines)."""
    if published:
        try:
            import datetime as dt

            dt.date.fromisoformat(published)
        except ValueError:
            raise click.BadParameter(f"{published!r} is not a YYYY-MM-DD date", param_hint="--published") from None
    settings = load_settings(allow_private=allow_private)
    console = Console(highlight=False)
    failed = 0
    try:
        for item in extract_articles(list(paths), settings, published):
            if isinstance(item, SourceError):
                failed += 1
                click.echo(f"Error: {item}", err=True)
            elif as_json:
                click.echo(json.dumps(item[1].to_dict(), ensure_ascii=False))
            else:
                console.print(record_view(*item))
                console.print()
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    if failed:
        sys.exit(1)
