"""Finds dates in a parsed article and resolves each to an ISO day or interval from the publication date.

Read at each token, longest first: deictic phrases ("this week", "yesterday", "la semana pasada"), offsets
("two days ago", "hace dos días"), absolute dates ("Jan. 15, 2020", "April 4", "15 de enero", "January 2020",
"in December") and weekday names ("Thursday", "el sábado").

How a weekday is resolved, with ``published`` as the anchor:
- a cue word fixes it: "last"/"pasado" → the latest such day before publication, "next"/"próximo" → the first
  after it, "this"/"este" → that day of the publication's Monday–Sunday week;
- otherwise the tense of its clause: past → the latest such day on or before publication ("met Thursday");
  future, an auxiliary or a plan verb ("will", "plan to … on Saturday") → the first on or after it;
- otherwise (present tense, or a noun phrase: "Monday's inauguration") → the nearest such day, at most three
  days either way (from a Friday, "Thursday" is the day before and "Monday" the coming one).
Month and day without a year take the year that puts them nearest to publication (on the side the tense
points to, when it points). Without a publication date only dates that carry their year are kept.
"Today", "yesterday" and "tomorrow" inside a direct quotation are left out: they count from the day of the
speech, which the article does not give. Durations ("for two days") and vague words ("recently") are not dates.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from caravan.datafiles import read_rows
from caravan.model import DateRef
from caravan.nlp.extensions import has_digit, in_boilerplate, lower_at, token_lowers, token_words
from caravan.nlp.quantities import inside_quotation, load_lexicon, match_phrase, parse_digits, parse_words
from caravan.settings import Settings

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "dates"
DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|º|°)?$")
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")  # month first in English, day first in Spanish
# words before a bare month name that make it a date ("in December", "a finales de enero")
MONTH_LEADS = frozenset(
    {
        "in",
        "since",
        "until",
        "by",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "during",
        "through",
        "en",
        "desde",
        "hasta",
        "de",
        "pasado",
        "próximo",
        "este",
    }
)
# Spanish "mañana" is "morning", not "tomorrow", after these words
MORNING_GUARD = frozenset({"la", "esta", "una", "cada", "media", "de", "por"})
DEICTIC_IN_QUOTES = frozenset({"day"})  # units of relative dates skipped inside direct quotations
YEAR_JOINERS = frozenset({",", "of", "de", "del"})  # "December of 2016", "enero de 2020"
YEAR_PREPOSITIONS = frozenset({"in", "during", "en", "durante"})  # a bare year after these is that year
NOT_A_YEAR = frozenset({"compound", "nummod", "amod"})  # "in 2017 dollars": a modifier, not a time
NAME_ENTS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW", "GPE", "LOC"})
MORPH_TENSES = {"Past": "past", "Imp": "past", "Fut": "future"}  # morphological Tense values of a tagger
TENSE_STEPS = 8  # how far up the parse a date looks for its clause's verb
TENSE_REACH = 300  # days: a tense moves a month and day to its side of publication only this far
# a word before a bare month that says on which side of publication it lies ("last March", "next May")
MONTH_SIDES = {"last": "past", "next": "future", "pasado": "past", "próximo": "future"}


@dataclass(frozen=True)
class DateLexicon:
    """The date word lists of one language, read from the data files."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[tuple[str, ...], tuple[str, int]]
    ago_marker: str
    ago_units: dict[str, str]
    cues_before: dict[str, str]
    cues_after: dict[str, str]
    tense_words: dict[str, str]
    tense_endings: tuple[tuple[str, str], ...]
    parts_of_day: frozenset[str]
    holidays: tuple[tuple[tuple[str, ...], int, str], ...] = ()  # (phrase, month, day), longer phrases first
    starts: frozenset[str] = frozenset()  # every word a date can begin with, besides words with digits


@dataclass(frozen=True)
class Found:
    """A date read from tokens [start, end) with its resolved ISO value."""

    start: int
    end: int
    value: str


def _rows(name: str, lang: str) -> list[list[str]]:
    return [row[1:] for row in read_rows(DATA_DIR / name) if row[0] == lang]


@lru_cache(maxsize=4)
def load_date_lexicon(lang: str) -> DateLexicon:
    """The date word lists for a language ("en" or "es"; others get the English lists)."""
    lang = lang if lang in ("en", "es") else "en"
    ago = dict(_rows("ago.tsv", lang))
    cues = _rows("weekday_cues.tsv", lang)
    tense = _rows("tense_cues.tsv", lang)
    lex = DateLexicon(
        months={w: int(m) for w, m in _rows("months.tsv", lang)},
        weekdays={w: int(d) for w, d in _rows("weekdays.tsv", lang)},
        relative={tuple(p.split()): (unit, int(n)) for p, unit, n in _rows("relative.tsv", lang)},
        ago_marker=next(w for w, unit in ago.items() if unit == "marker"),
        ago_units={w: unit for w, unit in ago.items() if unit != "marker"},
        cues_before={w: d for w, pos, d in cues if pos == "before"},
        cues_after={w: d for w, pos, d in cues if pos == "after"},
        tense_words={w: t for w, t in tense if not w.startswith("-")},
        tense_endings=tuple((w[1:], t) for w, t in tense if w.startswith("-")),
        parts_of_day=frozenset(row[0] for row in _rows("parts_of_day.tsv", lang)),
        holidays=tuple(
            sorted(((tuple(p.split()), int(m), d) for p, m, d in _rows("holidays.tsv", lang)), key=lambda h: -len(h[0]))
        ),
    )
    firsts = {p[0] for p in lex.relative} | set(lex.months) | set(lex.weekdays) | set(lex.cues_before)
    firsts |= {phrase[0] for phrase, _, _ in lex.holidays}
    numbers = load_lexicon(lang).numbers
    return dataclasses.replace(lex, starts=frozenset(firsts | set(numbers) | {lex.ago_marker, "a", "an"}))


# ---- calendar arithmetic -------------------------------------------------------------------------------------


def week_of(day: dt.date, offset: int = 0) -> tuple[dt.date, dt.date]:
    """The Monday–Sunday week containing ``day``, moved by ``offset`` weeks."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def month_of(day: dt.date, offset: int = 0) -> tuple[dt.date, dt.date]:
    """The calendar month containing ``day``, moved by ``offset`` months."""
    index = day.year * 12 + day.month - 1 + offset
    year, month = divmod(index, 12)
    first = dt.date(year, month + 1, 1)
    return first, first.replace(day=calendar.monthrange(year, month + 1)[1])


def interval(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"


def resolve_relative(published: dt.date, unit: str, offset: int, tense: str | None = None) -> str:
    """The ISO value of a deictic phrase ("this week": week, 0) from the publication date."""
    if unit == "day":
        return (published + dt.timedelta(days=offset)).isoformat()
    if unit.startswith("week") and unit != "weekend":
        first, last = week_of(published, offset)
    elif unit == "weekend":
        # "this weekend" said in the past tense early in the week is the weekend just gone
        back = -1 if offset == 0 and tense == "past" and published.weekday() < 5 else 0
        saturday = week_of(published, offset + back)[0] + dt.timedelta(days=5)
        return interval(saturday, saturday + dt.timedelta(days=1))
    elif unit.startswith("year"):
        first, last = dt.date(published.year + offset, 1, 1), dt.date(published.year + offset, 12, 31)
    else:
        first, last = month_of(published, offset)
    if unit.endswith("_before"):
        last = published  # "earlier this year": up to the publication day, as annotated
    elif unit.endswith("_after"):
        first = published
    return interval(first, last)


def resolve_weekday(published: dt.date, weekday: int, direction: str | None) -> dt.date:
    """The date of a weekday: "past"/"future" include the publication day, "last"/"next" exclude it, "week"
    picks that day of the publication's Monday–Sunday week, anything else the nearest such day."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if direction == "past":
        return published - dt.timedelta(days=back)
    if direction == "last":
        return published - dt.timedelta(days=back or 7)
    if direction == "future":
        return published + dt.timedelta(days=ahead)
    if direction == "next":
        return published + dt.timedelta(days=ahead or 7)
    if direction == "week":
        return week_of(published)[0] + dt.timedelta(days=weekday)
    return published - dt.timedelta(days=back) if back <= ahead else published + dt.timedelta(days=ahead)


def nearest_year(published: dt.date, month: int, day: int | None, tense: str | None) -> int | None:
    """The year that puts a month (and day) nearest to publication, on the side the tense points to when
    it points and a date lies there within TENSE_REACH days (ties go to the past)."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            when = dt.date(year, month, day or 1)
        except ValueError:
            continue
        if day is None and (year, month) == (published.year, published.month):
            when = published
        distance = (when - published).days
        against = (tense == "past" and distance > 0) or (tense == "future" and distance < 0)
        options.append((against or abs(distance) > TENSE_REACH, abs(distance), distance > 0, year))
    sided = [o[1:] for o in options if not o[0]]
    best = min(sided or [o[1:] for o in options], default=None)
    return best[2] if best else None


# ---- tense ---------------------------------------------------------------------------------------------------


def clause_tense(doc: Doc, token: Token, lex: DateLexicon) -> str | None:
    """ "past", "future" or None (present, unknown) for the clause a date token belongs to."""
    if doc.has_annotation("DEP") and doc.lang_ == "en":
        return _parsed_tense(token, lex)
    return _word_tense(doc, token, lex)


def _parsed_tense(token: Token, lex: DateLexicon) -> str | None:
    verb = token
    for _ in range(TENSE_STEPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    for _ in range(TENSE_STEPS):
        tense, up = _verb_tense(verb, lex)
        if tense or up is None:
            return tense
        verb = up
    return None


def _verb_tense(verb: Token, lex: DateLexicon) -> tuple[str | None, Token | None]:
    """The tense one verb shows, or the verb to ask next (an infinitive's or a conjunct's governor)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    cued = [lex.tense_words.get(a.lower_) for a in auxes if a.lower_ != "to"]
    if "future" in cued:
        return "future", None
    if any(a.lower_ == "to" for a in auxes) and verb.head is not verb:
        return ("future", None) if _is_plan_verb(verb.head, lex) else (None, verb.head)
    if "past" in cued or verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes):
        return "past", None  # a participle with no auxiliary is a past tense the tagger misread, or a past
        # participle clause ("the migrants detained Monday")
    if verb.tag_ in ("VBN", "VBG") and auxes:
        return (
            "past"
            if any(a.tag_ == "VBD" or a.lower_ in ("has", "have") for a in auxes)
            else "future"
            if verb.tag_ == "VBG"
            else None
        ), None
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb and verb.pos_ != "AUX":
        return None, verb.head
    return None, None


def _is_plan_verb(verb: Token, lex: DateLexicon) -> bool:
    """A verb whose infinitive complement lies ahead: "plan to", "expect to", "are going to" (not "went to")."""
    lemma = verb.lemma_.lower()
    if lemma == "go":
        return verb.tag_ == "VBG"
    return lex.tense_words.get(lemma) == "future"


def _word_tense(doc: Doc, token: Token, lex: DateLexicon) -> str | None:
    """Tense from the nearest verb with a tense (when a tagger gives one) or cue word of the sentence, for
    pipelines without an English parser."""
    sent = token.sent
    words = sorted((t for t in sent if t.i != token.i and t.is_alpha), key=lambda t: abs(t.i - token.i))
    for word in words:
        tense = MORPH_TENSES.get(",".join(word.morph.get("Tense", []))) if word.pos_ in ("VERB", "AUX") else None
        tense = tense or lex.tense_words.get(word.lower_)
        if tense is None and len(word.text) >= 5:
            tense = next((t for end, t in lex.tense_endings if word.lower_.endswith(end)), None)
        if tense:
            return tense
    return None


# ---- readers -------------------------------------------------------------------------------------------------


def read_relative(doc: Doc, i: int, lex: DateLexicon, published: dt.date) -> Found | None:
    found = match_phrase(doc, i, lex.relative)
    if found is None:
        return None
    key, end = found
    unit, offset = lex.relative[key]
    if key == ("mañana",) and lower_at(doc, i - 1) in MORNING_GUARD:
        return None
    if unit in DEICTIC_IN_QUOTES and inside_quotation(doc, doc[i].idx):
        return None
    tense = clause_tense(doc, doc[i], lex) if unit == "weekend" else None
    return Found(i, end, resolve_relative(published, unit, offset, tense))


def read_ago(doc: Doc, i: int, lex: DateLexicon, published: dt.date) -> Found | None:
    """ "two days ago" (English) or "hace dos días" (Spanish), from the number's first token."""
    lang = doc.lang_
    start = i + 1 if lang == "es" and lower_at(doc, i) == lex.ago_marker else i
    if lang == "es" and start == i:
        return None
    count = _count(doc, start)
    if count is None:
        return None
    value, unit_at = count
    unit = lex.ago_units.get(lower_at(doc, unit_at))
    if unit is None or (lang != "es" and lower_at(doc, unit_at + 1) != lex.ago_marker):
        return None
    end = unit_at + 1 if lang == "es" else unit_at + 2
    n = int(value)
    if unit == "month":
        return Found(i, end, months_before(published, n).isoformat())  # "a month ago" on April 25: March 25
    days = n * (7 if unit == "week" else 1)
    return Found(i, end, (published - dt.timedelta(days=days)).isoformat())


def months_before(day: dt.date, n: int) -> dt.date:
    """The same day of the month ``n`` months earlier, or that month's last day when it is shorter."""
    month0 = day.year * 12 + day.month - 1 - n
    year, month = divmod(month0, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _count(doc: Doc, i: int) -> tuple[float, int] | None:
    if i >= len(doc):
        return None
    value = parse_digits(doc[i].text, doc.lang_)
    if value is not None:
        return value, i + 1
    spelled = parse_words(doc, i, load_lexicon(doc.lang_))
    if spelled is None and lower_at(doc, i) in ("a", "an", "un", "una"):
        return 1.0, i + 1
    return (spelled[0], spelled[1]) if spelled else None


def read_absolute(doc: Doc, i: int, lex: DateLexicon, published: dt.date | None) -> Found | None:
    """ISO and numeric dates, "Jan. 15, 2020", "15 January", "15 de enero de 2020", "January 2020"."""
    text = doc[i].text
    numeric = ISO_DATE.match(text) or SLASH_DATE.match(text)
    if numeric:
        return _numeric_date(doc, i, numeric)
    if _month_at(doc, i, lex):
        return _month_first(doc, i, lex, published)
    ranged = (
        i + 2 < len(doc) and doc[i + 1].text in ("-", "–", "—", "/") and doc[i + 2].text[:2].isdigit()
    )  # "in 2015-2016"
    if (
        YEAR.match(text)
        and i > 0
        and lower_at(doc, i - 1) in YEAR_PREPOSITIONS
        and doc[i].dep_ not in NOT_A_YEAR
        and not ranged
    ):
        year = int(text)  # "claims *in 2017*", "en 2015": that year
        return Found(i, i + 1, interval(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    day = DAY_NUMBER.match(text)
    if day:
        j = i + 1 + (lower_at(doc, i + 1) == "de")
        if _month_at(doc, j, lex):
            return _finish(doc, i, j, int(day.group(1)), lex, published)
    return None


def read_holiday(doc: Doc, i: int, lex: DateLexicon, published: dt.date | None) -> Found | None:
    """A holiday ("on Christmas Day in 2018", "Thanksgiving"): its day in the year written after it, else in the
    year nearest to publication on the side of the clause's tense."""
    if doc.lang_ != "es" and not doc[i].text[0].isupper():
        return None
    first = lower_at(doc, i)
    for phrase, month, day in lex.holidays:
        if phrase[0] != first:
            continue
        end = i + len(phrase)
        if end > len(doc) or tuple(lower_at(doc, k) for k in range(i, end)) != phrase:
            continue
        year_at = end + 1 if lower_at(doc, end) in YEAR_JOINERS | YEAR_PREPOSITIONS else end
        year = int(doc[year_at].text) if year_at < len(doc) and YEAR.match(doc[year_at].text) else None
        if year is not None:
            end = year_at + 1
        elif published is not None:
            year = nearest_year(
                published, month, holiday_day(published.year, month, day), clause_tense(doc, doc[i], lex)
            )
        return Found(i, end, dt.date(year, month, holiday_day(year, month, day)).isoformat()) if year else None
    return None


def holiday_day(year: int, month: int, day: str) -> int:
    """The day of the month of a holiday row: a number, or a weekday and its rank in the month ("thu4", the fourth
    Thursday; "mon1", the first Monday)."""
    if day.isdigit():
        return int(day)
    weekday = HOLIDAY_WEEKDAYS.index(day[:3])
    first = dt.date(year, month, 1)
    return 1 + (weekday - first.weekday()) % 7 + 7 * (int(day[3:]) - 1)


HOLIDAY_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as date.weekday() counts them


def _numeric_date(doc: Doc, i: int, match: re.Match[str]) -> Found | None:
    a, b, c = (int(x) for x in match.groups())
    year, month, day = (a, b, c) if match.re is ISO_DATE else (c, a, b) if doc.lang_ != "es" else (c, b, a)
    try:
        return Found(i, i + 1, dt.date(year, month, day).isoformat())
    except ValueError:
        return None


def _month_at(doc: Doc, i: int, lex: DateLexicon) -> int | None:
    """The month named at token i; English names must be capitalised (so "may" the verb is not one)."""
    if i >= len(doc) or doc[i].lower_ not in lex.months:
        return None
    if doc.lang_ != "es" and not doc[i].text[0].isupper():
        return None
    return lex.months[doc[i].lower_]


def _month_first(doc: Doc, i: int, lex: DateLexicon, published: dt.date | None) -> Found | None:
    """ "January 15[, 2020]", "January 2020", "enero de 2020", or a bare month after "in"/"en"."""
    month = lex.months[doc[i].lower_]
    j = i + 1
    day = DAY_NUMBER.match(doc[j].text) if j < len(doc) else None
    if day and not YEAR.match(doc[j].text):
        return _finish(doc, i, i, int(day.group(1)), lex, published, month_end=j + 1)
    year_at = j + 1 if lower_at(doc, j) in YEAR_JOINERS else j
    if year_at < len(doc) and YEAR.match(doc[year_at].text):
        year = int(doc[year_at].text)
        return Found(i, year_at + 1, interval(*month_of(dt.date(year, month, 1))))
    lead = lower_at(doc, i - 2) if lower_at(doc, i - 1) == "-" else lower_at(doc, i - 1)  # "mid-October"
    if published is None or lead not in MONTH_LEADS or (doc[i].lower_ == "may" and lead != "in"):
        return None
    relative_year = _relative_year(doc, j, lex, published)
    if relative_year is not None:  # "in April last year"
        return Found(i, relative_year[1], interval(*month_of(dt.date(relative_year[0], month, 1))))
    if lead in MONTH_SIDES:  # "last March": the latest March before publication, not the nearest one
        guess: int | None = strict_year(published, month, MONTH_SIDES[lead])
    else:
        guess = nearest_year(published, month, None, clause_tense(doc, doc[i], lex))
    return Found(i, i + 1, interval(*month_of(dt.date(guess, month, 1)))) if guess else None


def _relative_year(doc: Doc, j: int, lex: DateLexicon, published: dt.date) -> tuple[int, int] | None:
    """The year named by "last year"/"this year"/"next year" at token j, with the index after it."""
    for size in (3, 2):
        key = tuple(lower_at(doc, k) for k in range(j, j + size))
        if j + size <= len(doc) and lex.relative.get(key, ("", 0))[0] == "year":
            return published.year + lex.relative[key][1], j + size
    return None


def strict_year(published: dt.date, month: int, side: str) -> int:
    """The year of the nearest such month strictly before (``past``) or after (``future``) publication."""
    if side == "past":
        return published.year if month < published.month else published.year - 1
    return published.year if month > published.month else published.year + 1


def _finish(
    doc: Doc,
    start: int,
    month_at: int,
    day: int,
    lex: DateLexicon,
    published: dt.date | None,
    month_end: int | None = None,
) -> Found | None:
    """A day and month found; read the year after them or choose it from the publication date."""
    month = lex.months[doc[month_at].lower_]
    end = month_end or month_at + 1
    year_at = end + 1 if lower_at(doc, end) in YEAR_JOINERS else end
    year = int(doc[year_at].text) if year_at < len(doc) and YEAR.match(doc[year_at].text) else None
    if year is not None:
        end = year_at + 1
    elif published is not None:
        year = nearest_year(published, month, day, clause_tense(doc, doc[start], lex))
    try:
        return Found(start, end, dt.date(year, month, day).isoformat()) if year else None
    except ValueError:
        return None


def read_weekday(doc: Doc, i: int, lex: DateLexicon, published: dt.date) -> Found | None:
    """A weekday name, with its cue words, resolved by cue or tense; a date written after it wins."""
    if lower_at(doc, i) not in lex.weekdays or (doc.lang_ != "es" and not doc[i].text[0].isupper()):
        return None
    weekday = lex.weekdays[lower_at(doc, i)]
    start, end = i, i + 1
    direction = lex.cues_before.get(lower_at(doc, i - 1))
    if direction:
        start = i - 1
    elif lex.cues_after.get(lower_at(doc, i + 1)):
        direction, end = lex.cues_after[lower_at(doc, i + 1)], i + 2
    if lower_at(doc, end) in lex.parts_of_day:
        end += 1
    written = read_absolute(doc, end + (lower_at(doc, end) == ","), lex, published)
    if written:
        return Found(start, written.end, written.value)
    direction = {"past": "last", "future": "next"}.get(direction or "", direction)
    if direction is None:
        direction = clause_tense(doc, doc[i], lex)
    return Found(start, end, resolve_weekday(published, weekday, direction).isoformat())


def is_name_part(token: Token) -> bool:
    """A date word inside a name: "USA TODAY", "Good Friday" (an entity of a name label, or an upper-case word
    right after a capitalised one)."""
    if token.ent_type_ in NAME_ENTS:
        return True
    prev = token.doc[token.i - 1] if token.i > 0 else None
    return token.text.isupper() and len(token.text) > 3 and prev is not None and prev.text[:1].isupper()


# ---- component -----------------------------------------------------------------------------------------------


class DateFinder:
    """Sets ``doc._.dates``: every expression that resolves to a day or an interval."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc, doc._.published)
        return doc


def find_dates(doc: Doc, published: dt.date | None) -> list[DateRef]:
    """The dates of a Doc, left to right; relative ones only when the publication date is known."""
    lex = load_date_lexicon(doc.lang_)
    found: list[DateRef] = []
    i = 0
    words, lowers = token_words(doc), token_lowers(doc)
    while i < len(doc):
        may_start = lowers[i] in lex.starts or has_digit(words[i])
        hit = read_at(doc, i, lex, published) if may_start else None
        if hit is None:
            i += 1
            continue
        span = doc[hit.start : hit.end]
        if not in_boilerplate(doc, span.start_char, span.end_char):
            found.append(DateRef(span.start_char, span.end_char, value=hit.value))
        i = max(hit.end, i + 1)
    return found


def read_at(doc: Doc, i: int, lex: DateLexicon, published: dt.date | None) -> Found | None:
    """The date expression starting at token i, if any."""
    holiday = read_holiday(doc, i, lex, published)  # a holiday is often tagged as a name ("New Year's Day")
    if holiday or is_name_part(doc[i]):
        return holiday
    absolute = read_absolute(doc, i, lex, published)
    if absolute or published is None:
        return absolute
    for reader in (read_relative, read_ago, read_weekday):
        hit = reader(doc, i, lex, published)
        if hit:
            return hit
    return None
