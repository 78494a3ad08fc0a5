"""Finds the spans between quotation marks in a text, paragraph by paragraph, in any quotation style."""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> closing mark; straight quotes close themselves
PAIRS: dict[str, str] = {"“": "”", "«": "»", "„": "“", '"': '"', "‹": "›", "‘": "’"}
SINGLE_OPEN = "‘"
MIXED_CLOSE: dict[str, str] = {"“": '"'}
PARAGRAPH = re.compile(r"[^\n]+")
# characters stripped from the ends of a quote's content (a comma before the closing mark belongs to the cue)
TRIM_END = " \t,;:—–-\u00a0"
TRIM_START = " \t\u00a0—–-\u200b"
# two apostrophes stand for a double quotation mark in some archives (''like this'')
DOUBLED = "''"


@dataclass
class Marked:
    """A span of text between quotation marks: [start, end) is the content, without the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the paragraph ends first
    paragraph: int  # index of the paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of the text."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def find_marked(text: str) -> list[Marked]:
    """Every top-level quoted span of the text; a mark left open runs to the end of its paragraph."""
    text = text.replace(DOUBLED, '"\u200b')  # same length, so offsets hold
    found: list[Marked] = []
    for index, (start, end) in enumerate(paragraphs(text)):
        found.extend(_scan_paragraph(text, start, end, index))
    return found


def _scan_paragraph(text: str, start: int, end: int, index: int) -> list[Marked]:
    out: list[Marked] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in PAIRS and _opens(text, i, start):
            close = _find_close(text, i, end)
            content_end = close if close is not None else end
            s, e = trim(text, i + 1, content_end)
            if e > s:
                out.append(Marked(s, e, i, close, index))
            i = (close if close is not None else end) + 1
        else:
            i += 1
    return out


def _opens(text: str, i: int, start: int) -> bool:
    """A single quote opens only after a non-letter (else it is an apostrophe: "rock ‘n’ roll" aside)."""
    if text[i] != SINGLE_OPEN:
        return True
    return i == start or not text[i - 1].isalnum()


def _find_close(text: str, i: int, end: int) -> int | None:
    opening, closing = text[i], PAIRS[text[i]]
    j = i + 1
    while j < end:
        ch = text[j]
        if ch == closing and (opening != SINGLE_OPEN or j + 1 >= end or not text[j + 1].isalpha()):
            return j
        if ch == opening and opening in MIXED_CLOSE and closing != opening:
            break  # a second "“" before any "”": the first was closed in another style, if at all
        j += 1
    # scraped text mixes styles ("“I think so," he said): a curly double quote left open is closed by a straight
    # one (not the other way round: a straight mark opening a block quote holds curly ones, “rant,” inside)
    other = MIXED_CLOSE.get(opening)
    if other is not None:
        found = text.find(other, i + 1, j)
        if found >= 0:
            return found
        found = text.find(closing, j, end)  # no other style either: as before, the next closer
        return found if found >= 0 else None
    return None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) past surrounding blanks and dashes, and a trailing comma."""
    while start < end and (text[start] in TRIM_START or text[start : start + 2] == DOUBLED):
        start += 2 if text[start : start + 2] == DOUBLED else 1
    while end > start and (text[end - 1] in TRIM_END or text[end - 2 : end] == DOUBLED):
        end -= 2 if text[end - 2 : end] == DOUBLED else 1
    return start, end


def after_mark(m: Marked) -> int:
    """Offset just after a quoted span's closing mark (its paragraph's end when it has none)."""
    return (m.close_at + 1) if m.close_at is not None else m.end


def only_marked(text: str, marks: list[Marked], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds nothing but the quoted spans ``marks`` (in text order, all inside it) and
    punctuation."""
    rest, pos = [], start
    for m in marks:
        rest.append(text[pos : m.open_at])
        pos = after_mark(m)
    rest.append(text[pos:end])
    return not any(ch.isalnum() for ch in "".join(rest))
