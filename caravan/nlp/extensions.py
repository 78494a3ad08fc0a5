"""The Doc extensions that Caravan's components read and write (``doc._.quotes`` and so on)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, NORM, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES  # type: ignore[import-not-found]  # (Cython, no stub)
from spacy.tokens import Doc

if TYPE_CHECKING:
    from thinc.types import Ints2d

# name -> default; list defaults are created per Doc by a getter-free default of None, set by the pipeline
EXTENSIONS: dict[str, object] = {
    "article": None,  # the caravan.model.Article being processed
    "published": None,  # datetime.date of publication, or None
    "boilerplate": None,  # list[caravan.model.Span]: spans not part of the report
    "quotes": None,  # list[caravan.model.Quote]
    "places": None,  # list[caravan.model.Place]
    "quantities": None,  # list[caravan.model.Quantity]
    "dates": None,  # list[caravan.model.DateRef]
    "events": None,  # list[caravan.model.Event]
}


TEXT_KEY = ("caravan", "text")  # Doc.user_data key of the Doc's text, kept once per Doc


def user_data(doc: Doc) -> dict[Any, Any]:
    """``Doc.user_data``, typed as spaCy uses it: its stub says str keys; spaCy itself (and Caravan) use tuples."""
    return doc.user_data


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy's ``Doc.text`` joins every token again on each access.

    The pipeline stores the article's text here before any component runs (the Doc is made from it, so it is
    the same string); components read ``doc_text(doc)`` instead of ``doc.text`` inside loops.
    """
    text = user_data(doc).get(TEXT_KEY)
    if text is None:
        text = user_data(doc)[TEXT_KEY] = doc.text
    return text


T = TypeVar("T")


def derived(doc: Doc, key: tuple[str, str], make: Callable[[Doc], T]) -> T:
    """What ``make`` derives from the Doc, made once per Doc and kept in ``user_data`` under ``key`` (a
    ``("caravan", name)`` key, which ``drop_derived`` forgets); made again if the Doc's length changed since."""
    found: tuple[int, T] | None = user_data(doc).get(key)
    if found is None or found[0] != len(doc):
        found = user_data(doc)[key] = (len(doc), make(doc))
    return found[1]


TABLE_KEY = ("caravan", "tokens")  # Doc.user_data: the TokenTable of the Doc


@dataclass(frozen=True)
class TokenTable:
    """What the components read of every token, as plain lists in token order, made once per Doc: spaCy builds a
    new Token object on each ``doc[i]`` and each step of ``for t in doc``, and the components scan the whole
    article many times. Read from ``Doc.to_array`` and the string store, without making Tokens (and holding none:
    a Token kept in ``user_data`` would tie the Doc in a reference cycle)."""

    words: list[str]  # Token.text
    lowers: list[str]  # Token.lower_
    lemmas: list[str]  # Token.lemma_ ('' without a lemmatizer)
    pos: list[str]  # Token.pos_
    tags: list[str]  # Token.tag_
    starts: list[int]  # Token.idx


def token_table(doc: Doc) -> TokenTable:
    return derived(doc, TABLE_KEY, _make_table)


def _make_table(doc: Doc) -> TokenTable:
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, LOWER, LEMMA, POS, TAG, IDX]).tolist() if len(doc) else []
    return TokenTable(
        words=[strings[r[0]] for r in rows],
        lowers=[strings[r[1]] for r in rows],
        lemmas=[strings[r[2]] for r in rows],
        pos=[POS_NAMES[r[3]] for r in rows],
        tags=[strings[r[4]] for r in rows],
        starts=[r[5] for r in rows],
    )


def has_digit(word: str) -> bool:
    """Whether a word holds a digit (``str.isdigit``); a word of letters holds none and is answered at once."""
    return not word.isalpha() and any(c.isdigit() for c in word)


def token_words(doc: Doc) -> list[str]:
    """Every token's text, in order (``token_table``)."""
    return token_table(doc).words


def token_lowers(doc: Doc) -> list[str]:
    """Every token's lower-case text (``Token.lower_``), in order (``token_table``)."""
    return token_table(doc).lowers


def lower_at(doc: Doc, i: int) -> str:
    """The lower-case text of token ``i``, or "" outside the Doc."""
    lowers = token_lowers(doc)
    return lowers[i] if 0 <= i < len(lowers) else ""


class Entity(NamedTuple):
    """A named entity as a plain record, with the attributes of spaCy's entity Span the components read."""

    start: int  # first token
    end: int  # token after the last
    start_char: int
    end_char: int
    label_: str
    text: str


ENTS_KEY = ("caravan", "ents")  # Doc.user_data: the Doc's entities


def entities(doc: Doc) -> list[Entity]:
    """``doc.ents`` as Entity records, made once per Doc: spaCy builds every entity Span again on each access of
    ``doc.ents``, and the components read the entities of the whole article several times. Plain records, so
    nothing kept in ``user_data`` refers back to the Doc."""
    return derived(doc, ENTS_KEY, _make_entities)


def _make_entities(doc: Doc) -> list[Entity]:
    text = doc_text(doc)
    return [
        Entity(e.start, e.end, e.start_char, e.end_char, e.label_, text[e.start_char : e.end_char]) for e in doc.ents
    ]


def drop_derived(doc: Doc) -> None:
    """Forget what the components derived from the Doc's annotation to read it faster (every ``("caravan", name)``
    key of ``user_data`` but the text: token table, entities, lemmas and the like). Kept while the components run,
    they would go stale if the Doc were edited afterwards (``doc.ents`` set by hand) and annotated again."""
    data = user_data(doc)
    for key in [k for k in data if isinstance(k, tuple) and len(k) == 2 and k[0] == "caravan" and k != TEXT_KEY]:
        del data[key]


class TextDoc(Doc):
    """A Doc that keeps its text, so ``doc.text`` costs nothing (spaCy's joins every token on each access).

    The Doc's tokens never change their text (retokenizing keeps the characters), so the text stored at creation
    stays right; spaCy's own components treat it as any Doc.
    """

    @property
    def text(self) -> str:
        return user_data(self)[TEXT_KEY]

    @property
    def text_with_ws(self) -> str:
        return user_data(self)[TEXT_KEY]


def keeping_text(doc: Doc, text: str) -> Doc:
    """The tokenized (not yet parsed) ``doc`` of ``text`` as a TextDoc: same tokens, spaces and norms."""
    if not len(doc):
        return doc
    rows = doc.to_array([IDX, LENGTH, SPACY, NORM])
    words = [text[i : i + n] for i, n in rows[:, :2].tolist()]
    kept = TextDoc(doc.vocab, words=words, spaces=rows[:, 2].astype(bool).tolist())
    norms = cast("Ints2d", rows[:, 3:4])  # integer rows (the stub of to_array says floats)
    kept.from_array([NORM], norms)  # tokenizer exceptions set norms ("n't" -> "not")
    user_data(kept)[TEXT_KEY] = text
    return kept


def register_extensions() -> None:
    """Register Caravan's Doc extensions (idempotent)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


BOILERPLATE_KEY = ("._.", "boilerplate", None, None)  # where spaCy keeps doc._.boilerplate in Doc.user_data


def in_boilerplate(doc: Doc, start: int, end: int) -> bool:
    """Whether the character span [start, end) overlaps any boilerplate span of the doc."""
    # read from user_data: ``doc._`` builds a new accessor object on each use, and this runs for every item
    return any(start < b.end and b.start < end for b in (user_data(doc).get(BOILERPLATE_KEY) or []))
