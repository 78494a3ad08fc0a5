"""Finds boilerplate (ads, recommendation widgets, share bars, player notices, photo credits) as character spans.

Patterns are data (``caravan/data/boilerplate.tsv``); the layout heuristics here decide how far a widget reaches:
a widget header ("You Might Like") takes the short, non-prose lines that follow it, up to the next blank line or
the next line that reads as prose. Labels, toggles and credits glued to report text ("Image caption", "CLOSE",
"REUTERS/<name>") are spans of their own: the caption they label is report text (it says who was where, when).
Spans never cut into the offsets' frame: they are reported, not removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from caravan.datafiles import read_rows
from caravan.model import Span

PATTERNS_FILE = Path(__file__).parent.parent / "data" / "boilerplate.tsv"
PROSE_MIN_CHARS = 120  # a line this long reads as a paragraph of the report, not a teaser or link
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
OPENING_QUOTE = tuple("\"“«‘'—")


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # end of the stripped content
    text: str  # stripped


@lru_cache(maxsize=1)
def load_patterns(path: Path = PATTERNS_FILE) -> dict[str, list[re.Pattern[str]]]:
    """Patterns by kind (``widget``, ``line``, ``span``) from the TSV file."""
    out: dict[str, list[re.Pattern[str]]] = {"widget": [], "line": [], "span": []}
    for kind, pattern in read_rows(path):
        out[kind].append(re.compile(pattern, re.IGNORECASE))
    return out


def split_lines(text: str) -> list[Line | None]:
    """Lines with their offsets; a blank line is None (a paragraph break)."""
    lines: list[Line | None] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            start = pos + len(content) - len(content.lstrip())
            lines.append(Line(start, start + len(stripped), stripped))
        else:
            lines.append(None)
        pos += len(raw)
    return lines


def is_prose(line: Line) -> bool:
    """Whether a line reads as part of the report: long, or a quotation, or a full sentence of several words."""
    words = len(line.text.split())
    if len(line.text) >= PROSE_MIN_CHARS or line.text.startswith(OPENING_QUOTE):
        return True
    return words >= 8 and bool(SENTENCE_END.search(line.text)) and not line.text.endswith("...")


def matches(line: Line, patterns: list[re.Pattern[str]]) -> bool:
    return any(p.search(line.text) for p in patterns)


def find_boilerplate(text: str) -> list[Span]:
    """Boilerplate spans of an article's text, in order, merged where adjacent."""
    patterns = load_patterns()
    lines = split_lines(text)
    spans: list[Span] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line is None:
            i += 1
            continue
        if matches(line, patterns["widget"]) and not is_prose(line):
            j, end = i + 1, line.end
            while j < len(lines):
                following = lines[j]
                if following is None or is_prose(following):
                    break
                end = following.end
                j += 1
            spans.append(Span(line.start, end))
            i = j
            continue
        spans.extend(find_line_spans(line, patterns))
        i += 1
    return merge_adjacent(sorted(spans, key=lambda s: (s.start, s.end)), text)


def find_line_spans(line: Line, patterns: dict[str, list[re.Pattern[str]]]) -> list[Span]:
    """The boilerplate of one line: the whole line, or the labels and credits inside it."""
    if matches(line, patterns["line"]):
        return [Span(line.start, line.end)]
    return [match_span(line, m) for p in patterns["span"] for m in p.finditer(line.text)]


def match_span(line: Line, match: re.Match[str]) -> Span:
    """The span of a match in the text's frame: its ``bp`` group when the pattern names one, else all of it."""
    group = "bp" if "bp" in match.re.groupindex else 0
    return Span(line.start + match.start(group), line.start + match.end(group))


def merge_adjacent(spans: list[Span], text: str) -> list[Span]:
    """Join spans separated only by whitespace, so one widget is one span."""
    merged: list[Span] = []
    for span in spans:
        if merged and not text[merged[-1].end : span.start].strip():
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged
