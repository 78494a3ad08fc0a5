"""Quotes by rules alone, for Spanish and any text without a parse: «» and “” quotes, dialogue dashes
("—Texto —dijo X—. Más texto."), "X dijo que …" and "según X, …".

Speakers are the runs of capitalised words next to the cue verb, expanded to the fullest earlier form of
the name; a quote without a named speaker continues the previous one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from caravan.model import Quote
from caravan.nlp.quotes.data import QuoteLexicon, is_outlet, load_lexicon
from caravan.nlp.quotes.direct import is_scare_quote
from caravan.nlp.quotes.marks import Marked, find_marked, paragraphs, trim
from caravan.nlp.quotes.parts import Found

UPPER = "A-ZÁÉÍÓÚÑÜ"
WORD = rf"[{UPPER}][\w'’.\-]*"
# a name: capitalised words, joined by the particles of Spanish names ("Sánchez de la Cruz")
NAME = re.compile(rf"{WORD}(?:\s+(?:(?:de|del|de\s+la|de\s+los|y|van|von)\s+)?{WORD})*")
# capitalised words that start a sentence without being a name
NOT_NAMES = frozenset(
    {
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "en",
        "según",
        "pero",
        "y",
        "the",
        "a",
        "an",
        "he",
        "she",
        "they",
        "él",
        "ella",
        "ellos",
        "este",
        "esta",
        "ese",
        "esa",
    }
)
DASH = "—–"
SENTENCE_END = re.compile(rf"(?<=[.!?…])\s+(?=[{UPPER}¿¡«“\"{DASH}])")
CLAUSE_END = re.compile(rf"[.;:!?\n{DASH}]")
MIN_CHARS = 12
# words allowed between a cue and the quote it introduces ("afirmó en un comunicado: «…»")
MAX_CUE_TAIL = 40
# a speaker after a closing cue is a short noun phrase ("informó la policía hondureña")
MAX_SPEAKER_WORDS = 8
# a title before a name is at most this many words ("el secretario de Gobernación")
MAX_ROLE_WORDS = 4
# speaker of a cue without a name ("—dijo." / "dijo ella"), resolved to the previous speaker
UNNAMED = ""


@dataclass
class Cues:
    """The cue words of a language as regular expressions."""

    verb: re.Pattern[str]  # any cue form, as a whole word
    source: re.Pattern[str]  # "según", "de acuerdo con", "according to"


def build_cues(lexicon: QuoteLexicon, language: str) -> Cues:
    forms = sorted(lexicon.cues.get(language, {}), key=len, reverse=True) or ["dijo"]
    phrases = sorted(lexicon.prepositional.get(language, ()), key=len, reverse=True) or ["según"]
    return Cues(
        verb=re.compile(r"\b(?:%s)\b" % "|".join(re.escape(f) for f in forms), re.IGNORECASE),
        source=re.compile(r"\b(?:%s)\b" % "|".join(re.escape(p) for p in phrases), re.IGNORECASE),
    )


class Names:
    """Names written in full in a text, to expand a surname to the fullest earlier form."""

    def __init__(self, text: str) -> None:
        self.found = [(m.start(), m.group()) for m in NAME.finditer(text) if len(m.group().split()) >= 2]

    def expand(self, name: str, at: int) -> str:
        words = name.split()
        best = name
        for offset, full in self.found:
            if offset >= at:
                break
            if len(full.split()) > len(words) and full.split()[-len(words) :] == words:
                best = full
        return best


def find_quotes_by_rules(doc: Doc, lexicon: QuoteLexicon) -> list[Found]:
    """Direct, dialogue and indirect quotes of a doc by rules only (no parse needed)."""
    text, language = doc.text, (doc.lang_ if doc.lang_ in lexicon.cues else "es")
    cues, names = build_cues(lexicon, language), Names(text)
    starts = [s for s, _ in paragraphs(text)]
    marked = [m for m in find_marked(text) if not is_scare_quote(text, m)]
    found: list[Found] = []
    for quote, paragraph, m in _direct(text, marked, cues, names, lexicon) + _dialogue(text, cues, names, lexicon):
        found.append(Found(quote, paragraph, marked=m, attributed=bool(quote.speaker)))
    _continue_speakers(found)
    taken = [(f.quote.start, f.quote.end) for f in found]
    for quote in _indirect(text, cues, names, taken, lexicon):
        found.append(Found(quote, bisect.bisect_right(starts, quote.start) - 1, attributed=True))
    return found


def _direct(
    text: str, marked: list[Marked], cues: Cues, names: Names, lexicon: QuoteLexicon
) -> list[tuple[Quote, int, Marked | None]]:
    """Quoted spans with the speaker named by the cue right after or right before them."""
    out: list[tuple[Quote, int, Marked | None]] = []
    paras = paragraphs(text)
    for k, m in enumerate(marked):
        para_start, para_end = paras[m.paragraph]
        nxt = marked[k + 1].open_at if k + 1 < len(marked) and marked[k + 1].paragraph == m.paragraph else para_end
        prev = marked[k - 1] if k > 0 and marked[k - 1].paragraph == m.paragraph else None
        after_start = (m.close_at + 1) if m.close_at is not None else m.end
        before_start = ((prev.close_at or prev.end) + 1) if prev else para_start
        speaker = _speaker_after(text, after_start, nxt, cues, names, lexicon) or _speaker_before(
            text, before_start, m.open_at, cues, names, lexicon
        )
        quote = Quote(start=m.start, end=m.end, kind="direct")
        if speaker is not None:
            quote.speaker, quote.speaker_role, quote.channel = speaker
        out.append((quote, m.paragraph, m))
    return out


def _speaker_after(
    text: str, start: int, end: int, cues: Cues, names: Names, lexicon: QuoteLexicon
) -> tuple[str, str | None, str | None] | None:
    """'», dijo el ministro X.' : a cue at the start of the text after a quote, then its speaker."""
    gap = text[start:end]
    match = re.match(r"^[\s,.]*[%s]?\s*(%s)" % (DASH, cues.verb.pattern), gap, re.IGNORECASE)
    if not match:
        return None
    return _who(text, start + match.end(), end, names, lexicon)


def _speaker_before(
    text: str, start: int, end: int, cues: Cues, names: Names, lexicon: QuoteLexicon
) -> tuple[str, str | None, str | None] | None:
    """'El ministro X dijo: «…»' : a cue at the end of the text before a quote, its speaker before it."""
    gap = text[start:end]
    last = list(cues.verb.finditer(gap))
    tail = gap[last[-1].end() :] if last else ""
    if not last or len(tail) > MAX_CUE_TAIL or SENTENCE_END.search(tail) or not tail.rstrip().endswith((":", ",")):
        return None
    clause_start = max((m.end() for m in SENTENCE_END.finditer(gap[: last[-1].start()])), default=0)
    name = _last_name(gap[clause_start : last[-1].start()])
    if name is None:
        return None
    channel = _channel(gap[last[-1].end() :], lexicon)
    return names.expand(name, start), role_before(gap[clause_start : last[-1].start()], name), channel


def _who(
    text: str, start: int, end: int, names: Names, lexicon: QuoteLexicon
) -> tuple[str, str | None, str | None] | None:
    """Speaker, role and channel in the clause after a cue ("el canciller Marcelo Ebrard a la BBC")."""
    stop = CLAUSE_END.search(text, start, end)
    clause = text[start : stop.start() if stop else end]
    found = [(o, n) for o, n in _names_in(clause) if not is_outlet(n, lexicon)]
    if not found:
        return UNNAMED, None, _channel(clause, lexicon)  # "dijo ella": the previous speaker
    offset, name = next(((o, n) for o, n in found if len(n.split()) >= 2), found[0])
    role = re.sub(r"^(?:el|la|los|las)\s+", "", clause[:offset].strip(" ,"), flags=re.IGNORECASE) or None
    if role and role.lower().startswith(("a ", "al ", "en ", "to ", "in ")):
        role = None
    return names.expand(name, start), role, _channel(clause, lexicon)


def _names_in(clause: str) -> list[tuple[int, str]]:
    """(offset, name) of the capitalised runs of a clause, without a leading article or pronoun."""
    out = []
    for match in NAME.finditer(clause):
        words = match.group().split()
        offset = match.start()
        while words and words[0].lower() in NOT_NAMES:
            offset = clause.index(words[1], offset + len(words[0])) if len(words) > 1 else offset
            words = words[1:]
        for k in range(len(words) - 1, 0, -1):
            if is_outlet(" ".join(words[:k]), load_lexicon()):
                offset = clause.index(words[k], offset)
                words = words[k:]
                break
        if words:
            out.append((offset, " ".join(words)))
    return out


def role_before(clause: str, name: str) -> str | None:
    """The title written just before a name ("la portavoz Ana Ruiz" -> "portavoz"): lower-case words after
    the last comma, without their article."""
    at = clause.rfind(name)
    if at <= 0:
        return None
    words = clause[:at].rsplit(",", 1)[-1].split()[-MAX_ROLE_WORDS:]
    while words and words[0].lower() in NOT_NAMES:
        words = words[1:]
    if not words or not all(w[:1].islower() or w.rstrip(".").lower() in load_lexicon().honorifics for w in words):
        return None
    return " ".join(words)


def _last_name(clause: str) -> str | None:
    found = _names_in(clause)
    return found[-1][1] if found else None


def _channel(clause: str, lexicon: QuoteLexicon) -> str | None:
    """Where it was said, from the words around the cue: "en un comunicado", "en Twitter", "a la BBC"."""
    lowered = clause.lower()
    for word, channel in lexicon.documents.items():
        if re.search(r"\b(?:en|in)\s+(?:un|una|su|a|an|the)\s+%s\b" % re.escape(word), lowered):
            return channel
    for word, channel in lexicon.platforms.items():
        if len(word) > 1 and re.search(r"\b%s\b" % re.escape(word), clause):
            return channel
    for match in NAME.finditer(clause):
        words = match.group().split()
        for k in range(len(words), 0, -1):  # "AFP Marta Gómez": the outlet, then the person
            if is_outlet(" ".join(words[:k]), lexicon):
                return " ".join(words[:k])
    return None


def _dialogue(text: str, cues: Cues, names: Names, lexicon: QuoteLexicon) -> list[tuple[Quote, int, Marked | None]]:
    """Paragraphs of dialogue: "—Texto —dijo X—. Más texto." gives the speaker's two pieces."""
    out: list[tuple[Quote, int, Marked | None]] = []
    for index, (start, end) in enumerate(paragraphs(text)):
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        if text[start + lead : start + lead + 1] not in tuple(DASH):
            continue
        body = start + lead + 1
        incise = re.compile(r"\s[%s]\s*(%s)" % (DASH, cues.verb.pattern), re.IGNORECASE).search(text, body, end)
        pieces = [(body, incise.start() if incise else end)]
        speaker = _who(text, incise.end(), end, names, lexicon) if incise else None
        if incise:
            close = re.compile(r"[%s]" % DASH).search(text, incise.end(), end)
            if close:
                pieces.append((close.end(), end))
        for s, e in pieces:
            s, e = trim(text, s, e)
            while s < e and text[s] in ".,; ":
                s += 1
            if e - s >= 2:
                quote = Quote(start=s, end=e, kind="direct")
                if speaker is not None:
                    quote.speaker, quote.speaker_role, quote.channel = speaker
                out.append((quote, index, None))
    return out


def _continue_speakers(found: list[Found]) -> None:
    """A quote without a named speaker continues the speaker of the quote before it."""
    previous = None
    for f in sorted(found, key=lambda f: f.quote.start):
        near = previous is not None and f.paragraph - previous.paragraph <= 1
        if previous is not None and (f.quote.speaker == UNNAMED or (f.quote.speaker is None and near)):
            f.quote.speaker, f.quote.speaker_role = previous.quote.speaker, previous.quote.speaker_role
        if f.quote.speaker == UNNAMED:
            f.quote.speaker = None
        if f.quote.speaker is not None:
            previous = f


def _indirect(text: str, cues: Cues, names: Names, taken: list[tuple[int, int]], lexicon: QuoteLexicon) -> list[Quote]:
    """ "X dijo que …" (from "que" to the end of the sentence) and "según X, …" / "…, según X."."""
    out = []
    for start, end in paragraphs(text):
        sentence_starts = [start] + [start + m.end() for m in SENTENCE_END.finditer(text[start:end])]
        for s, e in zip(sentence_starts, [*sentence_starts[1:], end], strict=True):
            quote = (
                _said_that(text, s, e, cues, names, lexicon)
                or _said_after(text, s, e, cues, names, lexicon)
                or _according(text, s, e, cues, names)
            )
            if quote and not any(a < quote.end and quote.start < b for a, b in taken):
                out.append(quote)
    return out


def _said_that(text: str, start: int, end: int, cues: Cues, names: Names, lexicon: QuoteLexicon) -> Quote | None:
    """ "X dijo (a la prensa / en un comunicado) que …": the clause from "que", the name before the cue."""
    sentence = text[start:end].rstrip()
    match = re.search(
        r"(%s)(?P<middle>\s+[^,.]{0,%d}?)?\s+que\s+(?P<content>.+)$" % (cues.verb.pattern, MAX_CUE_TAIL),
        sentence,
        re.IGNORECASE,
    )
    if not match:
        return None
    name = _last_name(sentence[: match.start()])
    s, e = trim(text, start + match.start("content"), start + len(sentence))
    e -= 1 if text[e - 1] == "." else 0
    if name is None or e - s < MIN_CHARS:
        return None
    return Quote(
        start=s,
        end=e,
        kind="indirect",
        speaker=names.expand(name, start),
        speaker_role=role_before(sentence[: match.start()], name),
        channel=_channel(match.group("middle") or "", lexicon),
    )


def _said_after(text: str, start: int, end: int, cues: Cues, names: Names, lexicon: QuoteLexicon) -> Quote | None:
    """ "…, informó la policía hondureña.": the clause before the cue, its speaker after it."""
    sentence = text[start:end].rstrip()
    match = re.search(
        r"^(?P<content>.+?),\s*(?:%s)\s+(?P<who>[^,.;]+)\.?$" % cues.verb.pattern, sentence, re.IGNORECASE
    )
    if not match or len(match.group("who").split()) > MAX_SPEAKER_WORDS:
        return None
    who = _who(text, start + match.start("who"), start + match.end("who"), names, lexicon)
    speaker = (
        who[0]
        if who and who[0]
        else re.sub(r"^(?:el|la|los|las)\s+", "", match.group("who").strip(), flags=re.IGNORECASE)
    )
    s, e = trim(text, start + match.start("content"), start + match.end("content"))
    if e - s < MIN_CHARS:
        return None
    return Quote(start=s, end=e, kind="indirect", speaker=speaker, channel=who[2] if who else None)


def _according(text: str, start: int, end: int, cues: Cues, names: Names) -> Quote | None:
    sentence = text[start:end].rstrip()
    opening = re.match(r"^(?:%s)\s+(.+?),\s*(.+)$" % cues.source.pattern, sentence, re.IGNORECASE)
    closing = re.search(r"^(.+?),\s*(?:%s)\s+(.+?)\.?$" % cues.source.pattern, sentence, re.IGNORECASE)
    if opening:
        who, s, e = opening.group(1), start + opening.start(2), start + opening.end(2)
    elif closing:
        who, s, e = closing.group(2), start + closing.start(1), start + closing.end(1)
    else:
        return None
    s, e = trim(text, s, e)
    e -= 1 if text[e - 1] == "." else 0
    name = _last_name(who) or who.strip()
    if e - s < MIN_CHARS:
        return None
    return Quote(start=s, end=e, kind="indirect", speaker=names.expand(name, start))
