"""Boilerplate spans: widgets with the lines they hold, single ad and credit lines, prose left alone."""

from caravan.nlp.boilerplate import find_boilerplate

REPORT = (
    "Hundreds of families waited at the bridge on Tuesday, officials said.\n\n"
    "You Might Like\nLearn more about RevenueStripe...\n\n"
    "“We have nowhere else to go,” said a woman from Choluteca who gave only her first name.\n"
)


def covered(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_boilerplate(text)]


def test_boilerplate_widget_takes_its_short_lines():
    assert covered(REPORT) == ["You Might Like\nLearn more about RevenueStripe..."]


def test_boilerplate_widget_stops_at_prose():
    text = ("Recommended for you\nBorder wait times grow\nA long paragraph follows here that is plainly part of the "
            "report because it is long and reads as a full sentence of the article, with clauses.\n")
    assert covered(text) == ["Recommended for you\nBorder wait times grow"]


def test_boilerplate_single_lines():
    text = ("The shelter opened in March.\nADVERTISEMENT\nMedia playback is unsupported on your device\n"
            "Share on Facebook | Twitter | Email\nIt holds 300 beds.\n")
    assert covered(text) == ["ADVERTISEMENT\nMedia playback is unsupported on your device\n"
                             "Share on Facebook | Twitter | Email"]


def test_boilerplate_photo_caption_with_agency_credit():
    text = ("Migrants rest in a park in Tapachula, Mexico, October 21, 2018. REUTERS/Jane Doe\n\n"
            "The group set out again at dawn.\n")
    assert covered(text) == ["Migrants rest in a park in Tapachula, Mexico, October 21, 2018. REUTERS/Jane Doe"]


def test_boilerplate_leaves_reporting_of_agencies_alone():
    text = "The ministry told Reuters that 2,000 people had crossed. Share prices fell.\n"
    assert covered(text) == []


def test_boilerplate_offsets_index_the_text_as_read():
    text = "  Advertisement  \r\nThe caravan rested.\r\n"
    (span,) = find_boilerplate(text)
    assert text[span.start:span.end] == "Advertisement"
