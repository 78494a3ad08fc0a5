"""Word classes of the event rules: a lemma, a word form or a compound phrase ending in the word."""

import spacy
from spacy.tokens import Doc

from caravan.nlp.events.lexicon import in_class, load_lexicon, may_be_in_class


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_in_class_reads_a_compound_phrase_whose_last_word_is_no_member_alone():
    assert "block" not in load_lexicon()["checkpoints"] and "road block" in load_lexicon()["checkpoints"]
    doc = parsed(["police", "set", "a", "road", "block"], [1, 1, 4, 4, 1], ["nsubj", "ROOT", "det", "compound", "dobj"])
    assert in_class(doc[4], "checkpoints")  # "road block"
    alone = parsed(["police", "made", "a", "block"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"])
    assert not in_class(alone[3], "checkpoints")


def test_may_be_in_class_is_false_only_for_words_no_member_or_phrase_ends_in():
    assert may_be_in_class("block", "block", "checkpoints")  # the last word of "road block"
    assert may_be_in_class("checkpoint", "checkpoints", "checkpoints")
    assert not may_be_in_class("table", "tables", "checkpoints")
    doc = parsed(["the", "table"], [1, 1], ["det", "ROOT"])
    assert not in_class(doc[1], "checkpoints")
