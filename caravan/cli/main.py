"""The ``caravan`` command group; each command lives in its own module."""

from __future__ import annotations

import importlib
import logging

import click

# command name -> module (each module defines a click command named ``command``)
COMMANDS: dict[str, str] = {
    "extract": "caravan.cli.extract",
    "places": "caravan.cli.places",
    "gazetteer": "caravan.cli.gazetteer",
    "ingest": "caravan.cli.ingest",
    "search": "caravan.cli.search",
    "export": "caravan.cli.export",
    "quotes": "caravan.cli.quotes",
    "link": "caravan.cli.link",
    "events": "caravan.cli.events",
    "movements": "caravan.cli.movements",
    "movement": "caravan.cli.movement",
    "summary": "caravan.cli.summary",
    "serve": "caravan.cli.serve",
}


class LazyGroup(click.Group):
    """Imports a command's module only when that command runs, so ``caravan --help`` stays fast."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        return importlib.import_module(COMMANDS[name]).command


@click.group(cls=LazyGroup)
@click.option("-v", "--verbose", is_flag=True, help="Log progress and decisions to stderr.")
@click.version_option(package_name="caravan")
def cli(verbose: bool) -> None:
    """Caravan: news about human migration in, a sourced and geolocated record out."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


def main() -> None:
    cli()
