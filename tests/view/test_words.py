"""Values in the words people read: amounts, sizes, channels, country names, sentences."""

from __future__ import annotations

import pytest

from caravan.model import Quantity
from caravan.view.words import channel_phrase, country_name, format_quantity, format_size, sentence_bounds


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (Quantity(0, 1, low=1e9, high=1e9, unit="USD", what="aid"), "$1 billion"),
        (Quantity(0, 1, low=2e7, high=3e7, unit="EUR"), "€20–30 million"),
        (Quantity(0, 1, low=5e6, high=None, unit="USD"), "at least $5 million"),
        (Quantity(0, 1, low=2.5e6, high=2.5e6, unit="MXN"), "MXN 2.5 million"),
        (Quantity(0, 1, low=200, high=999, what="migrants", approximate=True), "200–999 migrants"),
        (Quantity(0, 1, low=4500, high=None, what="people"), "at least 4,500 people"),
        (Quantity(0, 1, low=312, high=312), "312 people"),
        (Quantity(0, 1, low=1.5, high=2.5, unit="mi", what="miles"), "1.5–2.5 miles"),
    ],
)
def test_words_quantity_reads_as_people_write_it(quantity, expected):
    assert format_quantity(quantity) == expected


def test_words_size_of_an_event():
    assert (format_size([1125.0, 1875.0]), format_size([45.0, 45.0]), format_size(None)) == ("1,125–1,875", "45", "")


@pytest.mark.parametrize(
    ("channel", "expected"),
    [
        ("Reuters", "told Reuters"),
        ("The Associated Press", "told The Associated Press"),
        ("Twitter", "on Twitter"),
        ("statement", "in a statement"),
    ],
)
def test_words_channel_reads_after_a_speaker(channel, expected):
    assert channel_phrase(channel) == expected


def test_words_country_name_of_a_code():
    assert (country_name("GT"), country_name("mx"), country_name(None)) == ("Guatemala", "Mexico", None)


def test_words_sentence_bounds_skip_abbreviations_and_stop_at_line_breaks():
    text = "Officials in the U.S. said Mr. Ruiz left early. They walked north.\nA new line"
    start = text.index("left")
    assert text[slice(*sentence_bounds(text, start, start + 4))] == "Officials in the U.S. said Mr. Ruiz left early."
    start = text.index("walked")
    assert text[slice(*sentence_bounds(text, start, start + 6))] == "They walked north."
