"""Transcripts: paragraphs opened by a speaker's name in capitals and a colon ("PENCE: Well, look, …").

A transcript turn is the speaker's own words, a direct quote from after the label to the end of the paragraph, or,
in a whole transcript, to the next label (a turn may run over several paragraphs). A label is a speaker's when
the article names a person with those words ("AMY GOODMAN", "Judge William Canby" for "JUDGE WILLIAM CANBY"), or
when it takes turns in a transcript (two labels or more, each used twice or given a role, "STEVE INSKEEP, HOST",
in several turns; "INSKEEP" is the same label): section labels ("PHOTOS:", "CORRECTION:", "SEE ALSO:") name
nobody and take no turns with another label.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from caravan.nlp.quotes.marks import paragraphs, trim
from caravan.nlp.quotes.speakers import NameBook

# a label: up to four words of capitals (accents, dots, apostrophes and hyphens allowed), a role after a comma if
# any ("STEVE INSKEEP, HOST"), and a colon, at the start of a paragraph (after an opening quotation mark if the
# transcript is quoted as a whole), before the turn's words or alone on its line (the turn is the next paragraph)
WORDS = r"""(?:[^\W\d_]|[.'’-])+(?: (?:[^\W\d_]|[.'’-])+){0,3}"""
LABEL = re.compile(rf"""[ \t"“]*({WORDS})(?:, ?({WORDS}))?:(?:[ \t\u00a0]+(?=\S)|[ \t\u00a0]*$)""", re.MULTILINE)
# labelled paragraphs that make a whole transcript (with two labels or more, each used twice or given a role)
TRANSCRIPT_TURNS = 4


@dataclass
class Turn:
    """One turn of a transcript: [start, end) is what the speaker said, without the label."""

    start: int
    end: int
    speaker: str
    paragraph: int


def find_turns(text: str, book: NameBook) -> list[Turn]:
    """The transcript turns of an article, in text order."""
    paras = paragraphs(text)
    labelled = []
    for i, (start, end) in enumerate(paras):
        match = LABEL.match(text, start, end)
        if match and _capitals(match.group(1)) and (match.group(2) is None or _capitals(match.group(2))):
            labelled.append((i, match))
    names = {_label(m) for _, m in labelled}
    # "GREENE" after "DAVID GREENE, HOST" is one speaker: each label stands for the fullest label ending with it
    fullest = {n: max((f for f in names if f == n or f.endswith(" " + n)), key=len) for n in names}
    uses = Counter(fullest[_label(m)] for _, m in labelled)
    roles = {fullest[_label(m)] for _, m in labelled if m.group(2)}
    taking_turns = [label for label, n in uses.items() if n >= 2 or label in roles]
    transcript = len(labelled) >= TRANSCRIPT_TURNS and len(taking_turns) >= 2
    speakers = {}
    for label in uses:
        person = book.person_named(label)
        if person is not None and _capitals(person):
            person = None  # the label itself, which the tagger may read as a name in capitals
        if person is not None or (transcript and label in taking_turns):
            speakers[label] = person or label.title()
    turns = []
    for k, (i, match) in enumerate(labelled):
        speaker = speakers.get(fullest[_label(match)])
        if speaker is None:
            continue
        alone = match.end() == paras[i][1] or not text[match.end() : paras[i][1]].strip()
        if transcript:
            last = labelled[k + 1][0] - 1 if k + 1 < len(labelled) else len(paras) - 1
        else:
            last = min(i + 1, len(paras) - 1) if alone else i
        # marks left at the edges ('"PENCE: …."') go with every quote's (``assemble.strip_marks``)
        start, end = trim(text, paras[i + 1][0] if alone and i + 1 < len(paras) else match.end(), paras[last][1])
        if end > start:
            turns.append(Turn(start, end, speaker, i))
    return turns


def _label(match: re.Match[str]) -> str:
    """The name part of a label, its blanks collapsed."""
    return " ".join(match.group(1).split())


def _capitals(label: str) -> bool:
    letters = [ch for ch in label if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)
