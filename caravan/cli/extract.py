"""``caravan extract``: run the pipeline on articles and print their caravan/1 records."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

import click

from caravan.errors import CaravanError, SourceError
from caravan.ingest import read_sources
from caravan.model import Record
from caravan.nlp.pipeline import Pipeline
from caravan.settings import Settings, load_settings


def extract(sources: list[str], settings: Settings, published: str | None = None) -> Iterable[Record | SourceError]:
    """Records of every article in the sources, in order; a bad item gives its SourceError instead."""
    pipeline = Pipeline(settings)
    for item in read_sources(sources, settings):
        if isinstance(item, SourceError):
            yield item
            continue
        if published and not item.published:
            item.published = published
        yield pipeline(item)


def summarise(record: Record) -> str:
    """A short human-readable summary of a record."""
    if record.skipped:
        return f"{record.id}: skipped ({record.skipped})"
    lines = [f"{record.id} [{record.language}, published {record.published or 'unknown'}]"]
    for q in record.quotes:
        lines.append(f"  quote   {q.speaker or '?'}{' (' + q.speaker_role + ')' if q.speaker_role else ''}"
                     f"{' via ' + q.via if q.via else ''}{' on ' + q.channel if q.channel else ''} [{q.kind}]")
    for p in record.places:
        where = f"{p.lat:.3f},{p.lon:.3f}" if p.lat is not None and p.lon is not None else "unresolved"
        lines.append(f"  place   {p.name} ({p.feature}, {p.country or '/'.join(p.countries or [])}) {where}")
    for n in record.quantities:
        lines.append(f"  amount  {n.low}-{n.high if n.high is not None else '…'} {n.unit} ({n.what or '?'})")
    for d in record.dates:
        lines.append(f"  date    {d.value}")
    for e in record.events:
        lines.append(f"  event   {e.type} [{e.modality}] actor={e.actor} place={e.place} country={e.country} "
                     f"date={e.date} size={e.size}")
    return "\n".join(lines)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print caravan/1 records as JSON Lines.")
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
    failed = 0
    try:
        for item in extract(list(paths), settings, published):
            if isinstance(item, SourceError):
                failed += 1
                click.echo(f"Error: {item}", err=True)
            elif as_json:
                click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
            else:
                click.echo(summarise(item))
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    if failed:
        sys.exit(1)
