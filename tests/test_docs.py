"""Documentation stays in step with the code: every command is in the README, every option has help."""

import importlib
from pathlib import Path

import click
import pytest

from caravan.cli.main import COMMANDS, cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_readme_lists_every_command(name):
    assert f"`caravan {name}" in README


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_every_option_has_help(name):
    command = importlib.import_module(COMMANDS[name]).command
    commands = command.commands.values() if isinstance(command, click.Group) else [command]
    for cmd in commands:
        assert cmd.help, f"{name} {cmd.name} has no help"
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {cmd.name} {param.opts} has no help"


def test_docs_cli_lists_every_command():
    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(COMMANDS)
