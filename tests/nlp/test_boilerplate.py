"""Boilerplate spans: widgets with the lines they hold, single ad and credit lines, prose left alone."""

from caravan.nlp.boilerplate import find_boilerplate

REPORT = (
    "Hundreds of families waited at the bridge on Tuesday, officials said.\n\n"
    "You Might Like\nLearn more about RevenueStripe...\n\n"
    "“We have nowhere else to go,” said a woman from Choluteca who gave only her first name.\n"
)


def covered(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_boilerplate(text)]


def test_boilerplate_widget_takes_its_short_lines():
    assert covered(REPORT) == ["You Might Like\nLearn more about RevenueStripe..."]


def test_boilerplate_widget_stops_at_prose():
    text = (
        "Recommended for you\nBorder wait times grow\nA long paragraph follows here that is plainly part of the "
        "report because it is long and reads as a full sentence of the article, with clauses.\n"
    )
    assert covered(text) == ["Recommended for you\nBorder wait times grow"]


def test_boilerplate_single_lines():
    text = (
        "The shelter opened in March.\nADVERTISEMENT\nMedia playback is unsupported on your device\n"
        "Share on Facebook | Twitter | Email\nIt holds 300 beds.\n"
    )
    assert covered(text) == [
        "ADVERTISEMENT\nMedia playback is unsupported on your device\nShare on Facebook | Twitter | Email"
    ]


def test_boilerplate_photo_credit_without_its_caption():
    # the caption says who was where and when: it is report text; the credit after it is not
    text = (
        "Migrants rest in a park in Tapachula, Mexico, October 21, 2018. REUTERS/Jane Doe\n\n"
        "Families wait at the bridge on Sunday. (AP Photo/John Roe)\n\n"
        "A family walks along the highway near Arriaga. Photographer: Ana Perez/Agency Name\n\n"
        "Volunteers hand out water in Juchitan. (Maria Lopez/Some Agency)\n\n"
        "The group set out again at dawn.\n"
    )
    assert covered(text) == [
        "REUTERS/Jane Doe",
        "(AP Photo/John Roe)",
        "Photographer: Ana Perez/Agency Name",
        "(Maria Lopez/Some Agency)",
    ]


def test_boilerplate_file_photo_caption_is_all_boilerplate():
    caption = "FILE PHOTO: Soldiers stand by a fence near a bridge, May 2, 2017. REUTERS/Jane Doe/File Photo"
    assert covered(caption + "\nThe rest.\n") == [caption]


def test_boilerplate_caption_labels_and_toggles_only():
    text = (
        "Image copyright Reuters Image caption Families rested in Tecun Uman on 3 May\n\n"
        "Media playback is unsupported on your device Media caption The long walk north\n\n"
        "CLOSE Soldiers arrive at the border in a short video.\n\n"
        "Close to 500 people slept in the square.\n\n"
        "Image copyright AFP\n"
    )
    assert covered(text) == [
        "Image copyright Reuters Image caption",
        "Media playback is unsupported on your device Media caption",
        "CLOSE",
        "Image copyright AFP",
    ]


def test_boilerplate_embedded_post_keeps_the_post():
    text = (
        "Skip Twitter post by @someaccount The caravan must be stopped now! "
        "— A Person (@someaccount) May 1, 2018 Report\n\nThe report went on.\n"
    )
    assert covered(text) == ["Skip Twitter post by @someaccount", "Report"]


def test_boilerplate_teasers_prompts_and_notices():
    text = (
        "The shelter was full on Monday.\n\n"
        "What the new asylum rules mean for families Read more\n\n"
        "Read more from Jane\n\n"
        "Sign up for Morning Newsletters\n\n"
        "Sign up for the new evening briefing\n\n"
        "This article is more than 2 years old\n\n"
        "Slideshow (5 Images)\n\n"
        "LISTEN TO ARTICLE 2:10 SHARE THIS ARTICLE Share Tweet Post Email\n\n"
        "GOVERNOR SENDS TROOPS AS MIGRANT GROUP NEARS THE RIVER CROSSING\n\n"
        "Read or Share this story: https://example.com/story/1\n\n"
        "— With assistance by A. Writer\n\n"
        "More on the border and asylum\n\n"
        "Volunteers said they would read more to the children.\n"
    )
    # adjacent blocks merge into one span: it runs from the first teaser to the last widget header
    assert covered(text) == [text[text.index("What the") : text.index("Volunteers")].strip()]


def test_boilerplate_leaves_report_subheads_and_capital_cries_alone():
    text = (
        "WHAT COMES NEXT\n\n"
        "“WE WANT TO WORK, WE ARE NOT CRIMINALS,” THE MARCHERS CHANTED IN THE SQUARE.\n\n"
        "The group read more than 40 names aloud.\n"
    )
    assert covered(text) == []


def test_boilerplate_inline_box_of_related_headlines():
    text = (
        "Senator Jane Public Jane Quinn PublicSenate passes border bill Governor vows to fight ruling MORE said on "
        "Monday that the caravan must turn back.\n"
    )
    # the report's own "Senator Jane Public" stays: the box starts with the name link after it
    assert covered(text) == ["Jane Quinn PublicSenate passes border bill Governor vows to fight ruling MORE"]


def test_boilerplate_leaves_reporting_of_agencies_alone():
    text = "The ministry told Reuters that 2,000 people had crossed. Share prices fell.\n"
    assert covered(text) == []


def test_boilerplate_offsets_index_the_text_as_read():
    text = "  Advertisement  \r\nThe caravan rested.\r\n"
    (span,) = find_boilerplate(text)
    assert text[span.start : span.end] == "Advertisement"


def test_boilerplate_photo_toggle_line_takes_its_credits():
    text = "Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP\nMigrants wait in Reynosa on Monday.\n"
    assert covered(text) == ["Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP"]


def test_boilerplate_spans_set_on_a_doc_are_what_in_boilerplate_reads():
    import spacy

    from caravan.model import Span
    from caravan.nlp.extensions import in_boilerplate, register_extensions

    register_extensions()
    doc = spacy.blank("en")("Read more: Subscribe now. Migrants walked north.")
    assert not in_boilerplate(doc, 0, 10)  # no boilerplate set
    doc._.boilerplate = [Span(0, 25)]
    assert in_boilerplate(doc, 11, 20) and in_boilerplate(doc, 24, 30)
    assert not in_boilerplate(doc, 26, 40)


def test_boilerplate_a_related_headline_glued_to_its_label():
    text = (
        "The caravan reached Mexico.\n\nRelated Half the people caught by Border Patrol are now children or families"
        "\n\nRelated to this, officers detained 20 migrants on Monday.\n"
    )
    assert covered(text) == ["Related Half the people caught by Border Patrol are now children or families"]
