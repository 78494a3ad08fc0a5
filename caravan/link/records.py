"""The stored facts that linking reads: articles and their event mentions, with the context each needs."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field

from caravan.link.groups import Group, group_of, subject_of

ARTICLES_SQL = "SELECT seq, id, outlet, published, duplicate_of, title FROM articles ORDER BY seq"
EVENTS_SQL = """
SELECT e.article_id, e.idx, e.start, e."end", e.text, e.type, e.modality, e.actor, e.place, e.country,
       e.lat, e.lon, e.date, e.size_low, e.size_high, e.quote, a.text AS article_text
FROM events e JOIN articles a ON a.id = e.article_id
ORDER BY a.seq, e.idx
"""
QUOTES_SQL = "SELECT article_id, idx, text, speaker, channel FROM quotes"
PLACES_SQL = "SELECT article_id, name, feature, country FROM places"
DAY_DATES_SQL = "SELECT article_id, value FROM dates WHERE length(value) = 10"
# A sentence ends at . ! ? after a small letter, digit, quote or bracket ("U.S." does not end one), or a line.
SENTENCE_END = re.compile(r"(?<=[a-z0-9\"'\u201d\u2019)])[.!?](?=\s)|\n")
MAX_SENTENCE_CHARS = 400  # a "sentence" longer than this is cut around the trigger (lists, missing stops)


@dataclass
class ArticleInfo:
    """An article as linking sees it: order, outlet, dates and its story."""

    seq: int
    id: str
    outlet: str | None
    published: str | None
    duplicate_of: str | None
    title: str | None
    inferred: str | None = None  # the latest full date its text names, for an article without a date
    story: str = ""
    outlets: list[str] = field(default_factory=list)  # every outlet that carries the story

    @property
    def reference(self) -> str | None:
        """The date facts without their own date are bounded by: published, else the latest date named."""
        return self.published or self.inferred


@dataclass
class Mention:
    """One event mention of one article, with its sentence, group description and source."""

    article: ArticleInfo
    idx: int
    text: str
    sentence: str
    type: str
    modality: str
    actor: str | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    date: str | None
    size_low: float | None
    size_high: float | None
    precision: str  # of the place: city, admin, border, region, country or none
    group: Group
    speaker: str | None = None
    channel: str | None = None
    quote: str | None = None

    @property
    def key(self) -> tuple[int, int]:
        return (self.article.seq, self.idx)

    @property
    def date_bound(self) -> str | None:
        """For a mention without its own date: the article's date, an upper bound of when it happened."""
        return None if self.date else self.article.reference


def load_articles(conn: sqlite3.Connection) -> dict[str, ArticleInfo]:
    articles = {row[1]: ArticleInfo(*row) for row in conn.execute(ARTICLES_SQL)}
    latest: dict[str, str] = {}
    for article_id, value in conn.execute(DAY_DATES_SQL):
        if _is_day(value) and value > latest.get(article_id, ""):
            latest[article_id] = value
    for article in articles.values():
        if not article.published:
            article.inferred = latest.get(article.id)
    return articles


def load_mentions(conn: sqlite3.Connection, articles: dict[str, ArticleInfo]) -> list[Mention]:
    """Every stored event mention in article order, its place precision, sentence, group and speaker read."""
    quotes = {(r[0], r[1]): r[2:] for r in conn.execute(QUOTES_SQL)}
    features: dict[tuple[str, str], tuple[str, str | None]] = {}
    for article_id, name, feature, country in conn.execute(PLACES_SQL):
        features.setdefault((article_id, name), (feature, country))
    mentions = []
    for row in conn.execute(EVENTS_SQL):
        mentions.append(_mention(row, articles[row[0]], quotes, features))
    return mentions


def _mention(row: tuple, article: ArticleInfo, quotes: dict, features: dict) -> Mention:
    (
        _,
        idx,
        start,
        end,
        text,
        etype,
        modality,
        actor,
        place,
        country,
        lat,
        lon,
        date,
        low,
        high,
        quote,
        article_text,
    ) = row
    sentence = sentence_of(article_text, start, end)
    feature, place_country = features.get((article.id, place or ""), (None, None))
    if place and lat is not None and place_country:
        country = place_country  # a located place lies in its own country, whatever country the event names
    mention = Mention(
        article,
        idx,
        text,
        sentence,
        etype,
        modality,
        actor,
        place,
        country,
        lat,
        lon,
        date,
        low,
        high,
        _precision(place, country, lat, feature),
        group_of(etype, sentence, subject_of(actor, place, (article.id, actor or "") in features)),
    )
    if quote is not None and (article.id, quote) in quotes:
        mention.quote, mention.speaker, mention.channel = quotes[(article.id, quote)]
    return mention


def _precision(place: str | None, country: str | None, lat: float | None, feature: str | None) -> str:
    if place and lat is not None:
        return feature or "city"
    return "country" if country else "none"


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around a span: from the last sentence end before it to the first after it."""
    left, right = max(0, start - MAX_SENTENCE_CHARS // 2), min(len(text), end + MAX_SENTENCE_CHARS // 2)
    for match in SENTENCE_END.finditer(text, left, right):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.end()
            break
    return " ".join(text[left:right].split())


def _is_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
