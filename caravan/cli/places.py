"""``caravan places``: the places an article names, as resolved against the gazetteer, with ``--explain``."""

from __future__ import annotations

import json

import click

from caravan.errors import CaravanError, SourceError
from caravan.ingest import read_sources
from caravan.model import Article, _item_dict
from caravan.nlp.pipeline import Pipeline
from caravan.nlp.places import Found, PlaceFinder, locate
from caravan.settings import load_settings


def find_places(article: Article, pipeline: Pipeline, finder: PlaceFinder) -> list[Found]:
    """Parse an article and locate its places (the other components do not run)."""
    language = pipeline.language_of(article)
    doc = pipeline.model_for(language)(article.text)
    doc._.article = article
    return locate(doc, finder.resolver)


def explain(found: Found) -> str:
    """Why a place was chosen: the parts of its score, then the runner-up candidates."""
    p, r = found.place, found.resolution
    where = f"{p.lat:.4f},{p.lon:.4f}" if p.lat is not None and p.lon is not None else "unresolved"
    what = p.country or "/".join(p.countries or []) or "-"
    lines = [
        f"{p.start}-{p.end} {found.place.name!r} -> {p.feature} {what} {p.admin1 or ''} {where} "
        f"score={p.score}" + (f" ({found.note})" if found.note else "")
    ]
    if r is not None:
        m = r.mention
        said = [
            f"{k}={v}"
            for k, v in (
                ("source", m.source),
                ("container", m.container),
                ("container_admin", m.container_admin),
                ("kind", m.kind),
                ("direction", m.direction),
            )
            if v
        ]
        lines.append(f"    text {m.text!r}: {', '.join(said)}; {len(m.candidates)} candidates")
        lines.append("    why: " + ", ".join(f"{k}={v:+.2f}" for k, v in r.reasons.items()))
        for c, score in r.alternatives:
            lines.append(
                f"    vs {c.name} ({c.feature} {c.country or ''} {c.admin1 or ''} pop {c.population}) score={score:.3f}"
            )
    return "\n".join(lines)


@click.command("places")
@click.argument("paths", nargs=-1, required=True)
@click.option("--explain", "show_why", is_flag=True, help="Show why each place was chosen.")
@click.option("--json", "as_json", is_flag=True, help="Print each place as a caravan/1 JSON object.")
def command(paths: tuple[str, ...], show_why: bool, as_json: bool) -> None:
    """List the places named in each article of PATHS, resolved against the offline gazetteer."""
    settings = load_settings()
    pipeline, finder = Pipeline(settings), PlaceFinder(settings)
    try:
        for item in read_sources(list(paths), settings):
            if isinstance(item, SourceError):
                click.echo(f"Error: {item}", err=True)
                continue
            click.echo(f"# {item.id}")
            for found in find_places(item, pipeline, finder):
                if as_json:
                    click.echo(json.dumps({"id": item.id, **_item_dict(found.place)}, ensure_ascii=False))
                else:
                    click.echo(explain(found) if show_why else explain(found).splitlines()[0])
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
