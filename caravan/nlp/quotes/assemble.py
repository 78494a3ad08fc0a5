"""Finds quotes in an article: direct, indirect and mixed, with speaker, role, channel and credited outlet.

Direct quotes are the spans between quotation marks (``direct.py``); indirect quotes are what cue
verbs, "according to" and reporting nouns report (``indirect.py``); a reported clause that holds a
quoted fragment is one mixed quote. Spanish, and any text without a parse, is handled by rules
(``spanish.py``). Speakers are expanded and resolved by ``speakers.py``; ``normalise_speaker`` gives one
key per speaker across articles.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re

from spacy.tokens import Doc

from caravan.model import Quote
from caravan.nlp.extensions import in_boilerplate
from caravan.nlp.quotes.data import QuoteLexicon, is_outlet, load_lexicon
from caravan.nlp.quotes.direct import SENTENCE_PUNCT, DirectQuotes, copy_speaker, keep_marked
from caravan.nlp.quotes.indirect import CONTAINED, find_according, find_headline, find_indirect, find_noun_cues
from caravan.nlp.quotes.marks import Marked, after_mark, find_marked, only_marked, paragraphs, trim
from caravan.nlp.quotes.parts import Found
from caravan.nlp.quotes.posts import POST_CHANNEL, find_posts, find_signatures
from caravan.nlp.quotes.spanish import find_quotes_by_rules
from caravan.nlp.quotes.speakers import FIRST_PERSON, NameBook, clean_name, normalise_speaker
from caravan.nlp.quotes.transcripts import Turn, find_turns
from caravan.settings import Settings

__all__ = ["QuoteFinder", "find_quotes", "normalise_speaker"]

log = logging.getLogger(__name__)

# how many paragraphs on a channel carries to the same speaker's next quote (one interview or statement)
CARRY_PARAGRAPHS = 2
# the part of a quoted span inside a transcript turn that makes the turn replace it
TURN_SHARE = 0.5
# quotation marks a quote's contents never start or end with
EDGE_MARKS = frozenset('"“”«»')


class QuoteFinder:
    """Sets ``doc._.quotes``: every quote outside boilerplate, in text order."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.settings.quote_noun_objects)
        return doc


def find_quotes(doc: Doc, noun_objects: bool = False) -> list[Quote]:
    """The quotes of an annotated doc (``doc._.boilerplate`` set), rules only where there is no parse
    (``noun_objects``: PolNeAR's convention, see ``find_indirect``)."""
    lexicon = load_lexicon()
    if doc.lang_ != "en" or not doc.has_annotation("DEP"):
        found = find_quotes_by_rules(doc, lexicon)
        carry_channels(found, lexicon)
    else:
        found = find_quotes_parsed(doc, lexicon, noun_objects)
    found = [f for f in found if not in_boilerplate(doc, f.quote.start, f.quote.end)]
    found = drop_nested(strip_marks(doc.text, found))
    apply_via(doc.text, found, lexicon)
    log.debug("%d quotes found", len(found))
    return sorted((f.quote for f in found), key=lambda q: (q.start, q.end))


def strip_marks(text: str, found: list[Found]) -> list[Found]:
    """Contents never hold quotation marks at their edges ('"mass violence' -> 'mass violence')."""
    out = []
    for f in found:
        start, end = f.quote.start, f.quote.end
        while True:
            start, end = trim(text, start, end)
            if start < end and text[start] in EDGE_MARKS:
                start += 1
            elif start < end and text[end - 1] in EDGE_MARKS:
                end -= 1
            else:
                break
        if end > start:
            f.quote.start, f.quote.end = start, end
            out.append(f)
    return out


def drop_nested(found: list[Found]) -> list[Found]:
    """No quote lies inside another quote of the same speaker, nor a reported clause of no speaker inside a quote
    of one ("the Act is viewed as prohibiting ..., according to X"): the outer one holds it."""

    def holds(outer: Found, inner: Found) -> bool:
        speakers = normalise_speaker(outer.quote.speaker), normalise_speaker(inner.quote.speaker)
        return (
            outer is not inner
            and outer.quote.start <= inner.quote.start
            and inner.quote.end <= outer.quote.end
            and outer.quote.end - outer.quote.start > inner.quote.end - inner.quote.start
            and (speakers[0] == speakers[1] or (inner.quote.kind == "indirect" and not speakers[1]))
        )

    return [f for f in found if not any(holds(o, f) for o in found)]


def find_quotes_parsed(doc: Doc, lexicon: QuoteLexicon, noun_objects: bool = False) -> list[Found]:
    """Direct, indirect and mixed quotes of an English doc with a dependency parse."""
    marked = keep_marked(doc, find_marked(doc.text))
    book = NameBook(doc, lexicon, [(m.start, m.end) for m in marked])
    for post in find_posts(doc.text):
        book.note_post(post.end, post.name)
    direct = with_turns(DirectQuotes(doc, book, lexicon).find(marked), find_turns(doc.text, book))
    indirect = (
        find_indirect(doc, marked, book, lexicon, noun_objects)
        + find_according(doc, book, lexicon)
        + find_noun_cues(doc, marked, book, lexicon, noun_objects)
        + find_headline(doc, book)
    )
    found = merge(direct, indirect)
    continue_speakers(doc.text, found)
    found = apply_signatures(doc.text, apply_posts(doc.text, found, book))
    _expand_speakers(found, book)
    carry_channels(found, lexicon, _channel_cues(doc.text, book))
    _spell_out_channels(found, book)
    return found


def with_turns(direct: list[Found], turns: list[Turn]) -> list[Found]:
    """Transcript turns as direct quotes of their speakers, in place of the quoted spans that hold a turn's
    label ('"PENCE: Well, …') or lie in a turn with no speaker of their own."""

    def replaced(d: Found) -> bool:
        return any(
            _share(d.quote, t) >= TURN_SHARE and (d.quote.speaker is None or d.quote.start < t.start) for t in turns
        )

    kept = [d for d in direct if not replaced(d)]
    quotes = [
        Found(Quote(start=t.start, end=t.end, kind="direct", speaker=t.speaker), t.paragraph, attributed=True)
        for t in turns
    ]
    return sorted(kept + quotes, key=lambda f: (f.quote.start, f.quote.end))


def continue_speakers(text: str, found: list[Found]) -> None:
    """A quotation with no cue continues the speaker of the quote before it, reported or direct, when it opens
    its paragraph and that quote is in the paragraph before ("Ruiz said that A.¶“B.”"), or when it follows that
    quote's own sentence ("A, Ruiz said. “B.”"); nothing but quotes may follow it in its paragraph. (The direct
    finder could only continue a direct quote: it runs before the reported ones are read.)"""
    paras = paragraphs(text)
    marks = [f.marked for f in found if f.marked is not None]
    for cur in found:
        m = cur.marked
        if m is None or cur.attributed or cur.quote.speaker or not _stands_alone(text, m, paras[m.paragraph], marks):
            continue
        before = [f for f in found if f.quote.end <= m.open_at and m.paragraph - f.paragraph <= 1]
        prev = max(before, key=lambda f: (f.quote.end, -f.quote.start), default=None)
        if prev is None or not prev.quote.speaker:
            continue
        if prev.paragraph == m.paragraph:
            gap = text[prev.quote.end : m.open_at].rstrip()
            follows = not any(ch in SENTENCE_PUNCT for ch in gap[:-1])  # only the rest of that quote's sentence
        else:
            follows = not text[paras[m.paragraph][0] : m.open_at].strip()
        if follows:
            copy_speaker(cur, prev)


def _stands_alone(text: str, m: Marked, para: tuple[int, int], marks: list[Marked]) -> bool:
    """Whether a quoted span opens its paragraph or a sentence, and nothing but quotes follows it there (a
    sentence after it may name its speaker: "“…” This line, as delivered by X, …")."""
    before = text[para[0] : m.open_at].rstrip()
    if before and before[-1] not in SENTENCE_PUNCT:
        return False
    later = sorted((n for n in marks if n.paragraph == m.paragraph and n.open_at > m.open_at), key=lambda n: n.open_at)
    return only_marked(text, later, after_mark(m), para[1])


def _channel_cues(text: str, book: NameBook) -> list[Found]:
    """Cues that named a channel, as empty quotes the next quotes of the same speaker may take it from."""
    starts = [s for s, _ in paragraphs(text)]
    return [
        Found(
            Quote(start=at, end=at, kind="indirect", speaker=book.expand(name, at), channel=channel),
            bisect.bisect_right(starts, at) - 1,
        )
        for at, name, channel in book.channel_cues
    ]


def apply_posts(text: str, found: list[Found], book: NameBook) -> list[Found]:
    """An embedded post belongs to the account that signed it, on Twitter, whoever the sentences before it
    name; a post no other rule found is a direct quote of its own."""
    starts = [s for s, _ in paragraphs(text)]
    for post in find_posts(text):
        inside = [f for f in found if post.start <= f.quote.start and f.quote.end <= post.end + 1]
        for f in inside:
            f.quote.speaker, f.quote.speaker_role, f.quote.channel = post.name, None, POST_CHANNEL
        if sum(f.quote.end - f.quote.start for f in inside) < (post.end - post.start) / 2:
            quote = Quote(start=post.start, end=post.end, kind="direct", speaker=post.name, channel=POST_CHANNEL)
            found.append(Found(quote, bisect.bisect_right(starts, post.start) - 1, attributed=True))
    return found


def apply_signatures(text: str, found: list[Found]) -> list[Found]:
    """A quotation signed on the line after it ("— Ana Ruiz, a mother of three") is the signer's, with the
    signature's role, whoever the sentences before it name."""
    for signed in find_signatures(text):
        for f in found:
            if signed.start <= f.quote.start and f.quote.end <= signed.end and f.quote.kind == "direct":
                f.quote.speaker, f.quote.speaker_role = signed.name, signed.role
    return found


def carry_channels(found: list[Found], lexicon: QuoteLexicon, cues: list[Found] | None = None) -> None:
    """Later quotes of the same speaker in the same statement or interview keep its channel ("X told the BBC
    … . Most were from El Salvador, he said" -> BBC); a quote of "the statement" is its speaker's."""
    ordered = sorted(found + (cues or []), key=lambda f: (f.quote.start, f.quote.end))
    for prev, cur in itertools.pairwise(ordered):
        document = lexicon.documents.get(normalise_speaker(cur.quote.speaker))
        if document is not None and prev.quote.channel == document:
            cur.quote.speaker, cur.quote.speaker_role = prev.quote.speaker, prev.quote.speaker_role
            cur.quote.channel = document
        same = cur.quote.speaker and normalise_speaker(cur.quote.speaker) == normalise_speaker(prev.quote.speaker)
        if same and cur.quote.channel is None and cur.paragraph - prev.paragraph <= CARRY_PARAGRAPHS:
            cur.quote.channel = prev.quote.channel


def _expand_speakers(found: list[Found], book: NameBook) -> None:
    """Each speaker by the fullest name the article gives it, once every cue is read ("O'Shaughnessy" said
    a direct quote before the indirect one that named "Gen. Terrence O'Shaughnessy" was attributed; "ICE" where
    the article spells out "Immigration and Customs Enforcement")."""
    for f in found:
        if f.quote.speaker:
            f.quote.speaker = book.spelled_out(book.expand(f.quote.speaker, f.quote.start))


def _spell_out_channels(found: list[Found], book: NameBook) -> None:
    """Each channel by the name an acronym stands for, where the article spells it out ("spoke with the AP"
    where it names "Associated Press"), once channels are carried from quote to quote."""
    for f in found:
        if f.quote.channel:
            f.quote.channel = book.spelled_out(f.quote.channel)


def merge(direct: list[Found], indirect: list[Found]) -> list[Found]:
    """Direct quotes plus indirect ones; a quoted fragment inside a reported clause makes it one mixed quote."""
    kept_direct = []
    for d in direct:
        holder = next((i for i in indirect if _share(d.quote, i.quote) >= CONTAINED and not _inside(i, direct)), None)
        if holder is not None:
            holder.quote.kind = "mixed"
            continue
        kept_direct.append(d)
    seen: set[tuple[int, int]] = set()
    out = []
    for f in kept_direct + indirect:
        key = (f.quote.start, f.quote.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    _resolve_first_person(out, kept_direct)
    return out


def _share(inner: Quote, outer: Quote | Turn) -> float:
    """The part of ``inner`` that lies inside ``outer``."""
    both = max(0, min(inner.end, outer.end) - max(inner.start, outer.start))
    return both / max(1, inner.end - inner.start)


def _inside(item: Found, direct: list[Found]) -> bool:
    return any(d.quote.start <= item.quote.start and item.quote.end <= d.quote.end for d in direct)


def _resolve_first_person(found: list[Found], direct: list[Found]) -> None:
    """Reported speech inside a direct quote whose subject is "I"/"we" belongs to the quote's speaker."""
    for f in found:
        if f.quote.speaker or f.cue_subject not in FIRST_PERSON:
            continue
        outer = next(
            (d for d in direct if d is not f and d.quote.start <= f.quote.start and f.quote.end <= d.quote.end), None
        )
        if outer is not None:
            f.quote.speaker, f.quote.speaker_role = outer.quote.speaker, outer.quote.speaker_role


def apply_via(text: str, found: list[Found], lexicon: QuoteLexicon) -> None:
    """Credit outlets: quotes in the paragraphs after "According to X:", and reported speech inside a
    passage an outlet is quoted for ("“…,” The Epoch Times reports.")."""
    credits = _colon_credits(text, lexicon)
    by_paragraph: dict[int, list[Found]] = {}
    for f in found:
        by_paragraph.setdefault(f.paragraph, []).append(f)
    for p, outlet in credits.items():
        q = p + 1
        while q in by_paragraph:
            for f in by_paragraph[q]:
                f.quote.via = f.quote.via or outlet
            q += 1
    for outer in found:
        name = outer.quote.speaker
        if outer.marked is None or not name or not is_outlet(name, lexicon):
            continue
        for f in found:
            if f is not outer and outer.quote.start <= f.quote.start and f.quote.end <= outer.quote.end:
                f.quote.via = f.quote.via or name


def _colon_credits(text: str, lexicon: QuoteLexicon) -> dict[int, str]:
    """Paragraph index -> outlet, for paragraphs that are only "According to X:"."""
    phrases = [p for lang in lexicon.prepositional.values() for p in lang]
    pattern = re.compile(r"^\s*(?:%s)\s+(.+?)\s*:\s*$" % "|".join(re.escape(p) for p in phrases), re.IGNORECASE)
    out = {}
    for i, (start, end) in enumerate(paragraphs(text)):
        match = pattern.match(text[start:end])
        if match:
            out[i] = clean_name(match.group(1))
    return out
