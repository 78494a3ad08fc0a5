"""The terminal view of ``caravan extract``: what a person reads, rendered by rich at a fixed width."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from caravan.model import Article, Event, Place, Quantity, Quote, Record
from caravan.store import Database
from caravan.view.terminal import TRIGGER_STYLE, record_view, trigger_sentence

WIDTH = 240  # wide enough that no sentence or quote wraps


def render(article: Article, record: Record) -> str:
    console = Console(file=io.StringIO(), width=WIDTH, color_system=None, highlight=False)
    console.print(record_view(article, record))
    return console.file.getvalue()  # type: ignore[attr-defined]


def squeeze(text: str) -> str:
    """Rendered text with table wrapping undone: words separated by single spaces."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def views(reports_db: Path) -> dict[str, str]:
    """The rendered view of each article of the report store (filled by the real pipeline)."""
    with Database(reports_db) as db:
        return {a.id: render(a, r) for a, r in zip(db.articles(), db.records(), strict=True)}


@pytest.mark.model
def test_terminal_quote_shows_speaker_role_channel_and_words(views):
    view = views["corinto-crossing"]
    assert "Maria Lopez" in view and "34-year-old teacher" in view and "direct, told Reuters" in view
    assert "We will keep walking until we reach the United States" in squeeze(view)


@pytest.mark.model
def test_terminal_amounts_read_as_people_write_them(views):
    view = views["aid-pledge"]
    assert "amount: $1 billion" in view and "12–199 migrants" in view and "size: 12–199" in view
    assert "1000000000" not in view and "1e+09" not in view and not re.search(r"\d\.0(?!\d)", view)


@pytest.mark.model
def test_terminal_shows_no_none_and_no_python_lists(views):
    for view in views.values():
        assert "None" not in view and "[" not in view and "place=" not in view


@pytest.mark.model
def test_terminal_event_has_its_sentence_and_arguments(views):
    view = squeeze(views["aid-pledge"])
    assert "Mexican police detained dozens of migrants in Tapachula on Sunday, officials said." in view
    assert "actor: Mexican police" in view and "where: Tapachula, Mexico" in view and "when: 2024-05-05" in view
    assert "reported by: officials" in view and "in a statement" in view


def test_terminal_trigger_is_highlighted_in_its_sentence():
    text = "Rain fell. Police stopped the group at dawn. Then it cleared."
    sentence = trigger_sentence(text, text.index("stopped"), text.index("stopped") + 7)
    assert sentence.plain == "Police stopped the group at dawn."
    [span] = sentence.spans
    assert (sentence.plain[span.start : span.end], span.style) == ("stopped", TRIGGER_STYLE)


def test_terminal_places_are_grouped_with_counts_and_resolution():
    text = "Ostrava and Ostrava again, and a border."
    place = Place(0, 7, name="Ostrava", feature="city", country="CZ", admin1="Moravskoslezský", lat=49.8, lon=18.3)
    record = Record(
        id="o",
        language="en",
        places=[
            place,
            dataclasses.replace(place, start=12, end=19),
            Place(33, 39, name="border", feature="border", countries=["CZ", "PL"]),
        ],
    )
    view = render(Article(id="o", text=text), record)
    assert view.count("Ostrava ") == 1 and "×2" in view
    assert "city in Moravskoslezský, Czechia (49.800, 18.300)" in view
    assert "border of Czechia and Poland (no coordinates)" in view


def test_terminal_unnamed_speaker_and_empty_fields_read_plainly():
    text = '"We walk," someone said. 300 walked.'
    record = Record(
        id="x",
        language="en",
        quotes=[Quote(1, 8, kind="direct")],
        quantities=[Quantity(26, 29, low=300, high=300, what=None)],
        events=[Event(30, 36, type="travel", size=[300.0, 300.0])],
    )
    view = render(Article(id="x", text=text), record)
    assert "(unnamed)" in view and "300 people" in view and "size: 300" in view and "None" not in view


def test_terminal_skipped_article_says_why():
    view = render(Article(id="s", text="Hola."), Record(id="s", skipped="unsupported language 'pt'"))
    assert "not processed: unsupported language 'pt'" in view
