"""``caravan gazetteer``: build the offline gazetteer, import a GeoNames dump into it, or describe it."""

from __future__ import annotations

from pathlib import Path

import click

from caravan.errors import CaravanError
from caravan.geo.build import build_from_packages
from caravan.geo.gazetteer import gazetteer_path, gazetteer_version
from caravan.geo.geonames import import_geonames
from caravan.geo.store import Gazetteer
from caravan.settings import load_settings


def _target(output: str | None) -> Path:
    return Path(output) if output else gazetteer_path(load_settings())


@click.group("gazetteer")
def command() -> None:
    """Build, import or describe the offline gazetteer (GeoNames data, CC BY 4.0)."""


@command.command("build")
@click.option("--output", help="File to write (default: settings.gazetteer_path or the user cache file).")
def build(output: str | None) -> None:
    """Build the gazetteer from the GeoNames extracts shipped with Caravan's dependencies."""
    try:
        path = build_from_packages(_target(output), gazetteer_version())
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"gazetteer written to {path}")


@command.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--output", help="File to write (default: settings.gazetteer_path or the user cache file).")
def import_(path: Path, output: str | None) -> None:
    """Import a GeoNames dump: PATH is its folder or its allCountries.txt / citiesN.txt, next to
    admin1CodesASCII.txt and countryInfo.txt."""
    try:
        written = import_geonames(path, _target(output), gazetteer_version())
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"gazetteer written to {written}")


@command.command("info")
def info() -> None:
    """Where the gazetteer is and what it holds."""
    path = gazetteer_path(load_settings())
    if not path.is_file():
        click.echo(f"{path}: not built yet (built on first use, or run `caravan gazetteer build`)")
        return
    gaz = Gazetteer(path)
    places = gaz.db.execute("SELECT feature, COUNT(*) FROM places GROUP BY feature ORDER BY feature").fetchall()
    click.echo(f"{path}\nversion {gaz.meta('version')}, from {gaz.meta('source')}")
    for feature, count in places:
        click.echo(f"  {feature:8} {count}")
