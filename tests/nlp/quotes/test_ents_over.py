"""The entities around some tokens read from the IOB tags give what ``doc.ents`` gives for those tokens."""

import spacy
from spacy.tokens import Span

from caravan.nlp.quotes.speakers import ents_over

TEXT = "Ana Ruiz of Reuters told CNN Mexico that Luis Perez Garcia met officials in Ciudad Hidalgo on Monday"


def hand_tagged():
    doc = spacy.blank("en")(TEXT)
    # adjacent entities ("CNN" "Mexico"), multi-token ones, one at the very end
    doc.ents = [
        Span(doc, 0, 2, "PERSON"),
        Span(doc, 3, 4, "ORG"),
        Span(doc, 5, 6, "ORG"),
        Span(doc, 6, 7, "GPE"),
        Span(doc, 8, 11, "PERSON"),
        Span(doc, 14, 16, "GPE"),
        Span(doc, 17, 18, "DATE"),
    ]
    return doc


def test_ents_over_matches_doc_ents_for_every_token_range():
    doc = hand_tagged()
    expected_all = [(e.start, e.end, e.label_) for e in doc.ents]
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            expected = [x for x in expected_all if x[0] < end and x[1] > start]
            assert [(e.start, e.end, e.label_) for e in ents_over(doc, start, end)] == expected, (start, end)


def test_ents_over_a_token_inside_a_name_gives_the_whole_name():
    doc = hand_tagged()
    (name,) = ents_over(doc, 9, 10)  # "Perez"
    assert name.text == "Luis Perez Garcia" and name.label_ == "PERSON"
    assert ents_over(doc, 4, 5) == []  # "told"
