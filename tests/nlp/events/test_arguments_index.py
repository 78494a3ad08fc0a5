"""Which extracted items an event's tokens reach (``items_in``), answered from one lookup per span and Doc."""

import spacy

from caravan.model import Place
from caravan.nlp.events.arguments import items_in

TEXT = "Migrants left San Pedro Sula, crossed into Guatemala and reached Tecun Uman on Friday."


def place(doc, words: str) -> Place:
    start = doc.text.index(words)
    return Place(start=start, end=start + len(words), name=words)


def test_items_in_keeps_items_sharing_a_token_with_the_clause_in_text_order():
    doc = spacy.blank("en")(TEXT)
    items = [place(doc, "Tecun Uman"), place(doc, "Guatemala"), place(doc, "San Pedro Sula")]
    clause = [t for t in doc if t.text in {"crossed", "into", "Guatemala", "reached", "Uman"}]  # not contiguous
    assert [p.name for p in items_in(doc, items, clause)] == ["Guatemala", "Tecun Uman"]
    assert [p.name for p in items_in(doc, items, doc[:2])] == []  # "Migrants left"
    assert [p.name for p in items_in(doc, items, doc[:3])] == ["San Pedro Sula"]  # shares "San"
    assert items_in(doc, items, []) == []


def test_items_in_answers_alike_on_every_call_of_a_doc():
    doc = spacy.blank("en")(TEXT)
    items = [place(doc, "Guatemala"), place(doc, "Tecun Uman")]
    first = [p.name for p in items_in(doc, items, doc[6:9])]
    again = [p.name for p in items_in(doc, items, doc[6:9])]
    other = [p.name for p in items_in(doc, items, doc[9:13])]
    assert first == again == ["Guatemala"]
    assert other == ["Tecun Uman"]
