"""``caravan quotes``: the stored quotes, with their article, span, speaker, role, channel and outlet."""

from __future__ import annotations

import json
from typing import Any

import click

from caravan.cli.options import db_option, open_store
from caravan.errors import CaravanError
from caravan.store import QuoteRow


def quote_dict(row: QuoteRow) -> dict[str, Any]:
    """The JSON form of a stored quote; ``speaker`` is the normalised name, ``speaker_as_written`` the found one."""
    return {
        "article_id": row.article_id,
        "start": row.start,
        "end": row.end,
        "text": row.text,
        "kind": row.kind,
        "speaker": row.speaker_name,
        "speaker_as_written": row.speaker,
        "role": row.speaker_role,
        "channel": row.channel,
        "via": row.via,
    }


def format_quote(row: QuoteRow) -> str:
    """One line: article id and span, speaker (role), channel and outlet, then the quoted text."""
    who = row.speaker_name or "?"
    if row.speaker_role:
        who += f" ({row.speaker_role})"
    if row.channel:
        who += f" on {row.channel}"
    if row.via:
        who += f" via {row.via}"
    return f"{row.article_id} [{row.start}:{row.end}] {who} [{row.kind}]: {' '.join(row.text.split())}"


@click.command("quotes")
@click.option("--speaker", help="Only this speaker's quotes: the full name, or its last words ('Sanchez Cordero').")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per quote (JSON Lines).")
@db_option
def command(speaker: str | None, as_json: bool, db_path: str | None) -> None:
    """List the stored quotes with their article id, character span, text, speaker, role, channel and via.

    Speakers are normalised (honorifics, middle initials, case, accents and dots aside; a lone surname counts as
    the person of that surname most quoted by full name), so one person is one speaker across articles.
    """
    db, _ = open_store(db_path)
    try:
        rows = db.quotes(speaker)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from exc
    for row in rows:
        click.echo(json.dumps(quote_dict(row), ensure_ascii=False) if as_json else format_quote(row))
