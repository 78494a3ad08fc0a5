"""Hypothesis strategies of ingest inputs (text, HTML, JSON Lines, feeds, WARC, URL lists), good and hostile.

Each strategy draws a :class:`Case`: the bytes of one input file, and the sentences of the good articles it holds,
each of which must come out of the reader as (part of) an article. Shared by the suite's fuzz tests
(``tests/ingest/test_fuzz.py``) and the long run in ``bench/fuzz_ingest.py``. URLs only ever point at
non-public addresses or bad schemes, so nothing is fetched.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from caravan.batch import ingest_items
from caravan.errors import SourceError
from caravan.ingest import read_sources
from caravan.model import Article, Record
from caravan.settings import Settings
from caravan.store import Database

WORDS = (
    "migrants",
    "families",
    "walked",
    "north",
    "shelter",
    "border",
    "police",
    "volunteers",
    "river",
    "crossed",
    "waited",
    "buses",
    "children",
    "officials",
    "said",
    "town",
    "road",
    "night",
    "water",
    "blankets",
    "camp",
    "group",
    "highway",
    "morning",
    "rain",
    "market",
    "clinic",
    "food",
    "papers",
    "bridge",
)
SUFFIXES = {"text": ".txt", "html": ".html", "jsonl": ".jsonl", "feed": ".xml", "warc": ".warc.gz", "urls": ".txt"}
HOSTILE_HOSTS = (
    "127.0.0.1",
    "10.0.0.7",
    "169.254.169.254",
    "[::1]",
    "[2002:7f00:1::]",
    "[64:ff9b::a00:1]",
    "192.168.1.1",
    "0.0.0.0",
    "[fe80::1]",
    "100.64.0.1",
)


@dataclass
class Case:
    """One input file: its kind, bytes, and sentences that must each appear in some article read from it."""

    kind: str
    data: bytes
    expected: list[str] = field(default_factory=list)

    @property
    def suffix(self) -> str:
        return SUFFIXES[self.kind]


sentences = st.lists(st.sampled_from(WORDS), min_size=4, max_size=12).map(lambda w: " ".join(w).capitalize() + ".")
stories = st.lists(sentences, min_size=16, max_size=30).map(" ".join)  # 64+ words: an article (and a full feed item)
junk_text = st.text(max_size=300)
plain_text = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=("Cs",)), max_size=80)
junk_bytes = st.binary(max_size=600)


def _first(story: str) -> str:
    return story.split(".")[0]


@st.composite
def text_cases(draw: st.DrawFn) -> Case:
    if draw(st.booleans()):
        story = draw(stories)
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
        return Case("text", story.encode(encoding), [_first(story)])
    return Case("text", draw(junk_bytes | junk_text.map(str.encode)))


@st.composite
def html_cases(draw: st.DrawFn) -> Case:
    if draw(st.booleans()):
        story = draw(stories)
        wrappers = draw(st.lists(st.sampled_from(["div", "section", "span", "b", "main"]), max_size=30))
        body = "".join(f"<{w}>" for w in wrappers) + f"<p>{escape(story)}</p>" + "".join(f"</{w}>" for w in wrappers)
        noise = draw(st.sampled_from(["", "<script>alert(1)</script>", "<p onclick='x()'>hi", "<!-- c -->", "<br>"]))
        page = (
            f"<html><head><title>{escape(draw(plain_text))}</title></head><body>{noise}<article>{body}</article>"
            f"</body></html>"
        )
        return Case("html", page.encode("utf-8"), [_first(story)])
    tags = draw(
        st.lists(
            st.sampled_from(
                [
                    "<div>",
                    "</div>",
                    "<p>",
                    "<html>",
                    "<body>",
                    "<<",
                    "<a href='",
                    "&amp;",
                    "<![CDATA[",
                    "<!DOCTYPE html>",
                    "\x00",
                    "</",
                ]
            ),
            max_size=40,
        )
    )
    return Case("html", ("<html>" + "".join(tags) + draw(junk_text)).encode("utf-8", "surrogatepass"))


@st.composite
def jsonl_cases(draw: st.DrawFn) -> Case:
    lines, expected = [], []
    for good in draw(st.lists(st.booleans(), min_size=1, max_size=8)):
        if good:
            story = draw(stories)
            row = {"text": story, "title": draw(st.none() | junk_text), "published": draw(st.none() | junk_text)}
            if draw(st.booleans()):
                row["id"] = draw(junk_text)
            lines.append(json.dumps(row).encode())
            expected.append(_first(story))
        else:
            lines.append(
                draw(
                    st.sampled_from([b"{", b"[]", b'{"text": 3}', b'{"text": ""}', b"null", b'"x"'])
                    | junk_bytes.filter(lambda b: b"\n" not in b)
                )
            )
    return Case("jsonl", b"\n".join(lines) + b"\n", expected)


@st.composite
def feed_cases(draw: st.DrawFn) -> Case:
    items, expected = [], []
    for good in draw(st.lists(st.booleans(), min_size=1, max_size=5)):
        link = draw(st.sampled_from(["", "http://{}/story"]))
        link = link.format(draw(st.sampled_from(HOSTILE_HOSTS))) if link else ""
        text = draw(stories) if good else draw(junk_text)
        items.append(
            f"<item><title>{escape(draw(junk_text))}</title><link>{escape(link)}</link>"
            f"<description>{escape(text)}</description></item>"
        )
        if good:
            expected.append(_first(text))
    feed = "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>" + "".join(items) + "</channel></rss>"
    if draw(st.booleans()):  # cut or corrupt the document: items before the damage are still read
        cut = draw(st.integers(0, len(feed)))
        feed, expected = feed[:cut] + draw(junk_text), []
    return Case("feed", feed.encode("utf-8", "surrogatepass"), expected)


@st.composite
def warc_cases(draw: st.DrawFn) -> Case:
    out, expected = io.BytesIO(), []
    writer = WARCWriter(out, gzip=True)
    for n, good in enumerate(draw(st.lists(st.booleans(), min_size=1, max_size=4))):
        story = draw(stories)
        body = (
            f"<html><body><article><p>{escape(story)}</p></article></body></html>".encode()
            if good
            else draw(junk_bytes)
        )
        media = "text/html" if good else draw(st.sampled_from(["text/html", "image/png", "text/plain"]))
        headers = StatusAndHeaders("200 OK", [("Content-Type", media)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"http://news.example/{n}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
        if good:
            expected.append(_first(story))
    data = out.getvalue()
    if draw(st.booleans()):  # truncated or with garbage appended
        cut = draw(st.integers(0, 1 << 20)) % (len(data) + 1)  # the WARC's length varies (record ids, dates)
        data, expected = data[:cut] + draw(junk_bytes), []
    return Case("warc", data, expected)


@st.composite
def url_list_cases(draw: st.DrawFn) -> Case:
    scheme = st.sampled_from(["http", "https", "ftp", "file", "gopher", "javascript"])
    lines = draw(
        st.lists(
            st.builds(
                lambda s, h, p: f"{s}://{h}/{p}",
                scheme,
                st.sampled_from(HOSTILE_HOSTS),
                st.text("abc/%?=#.", max_size=20),
            )
            | st.sampled_from(["# a comment", "", "   "]),
            min_size=1,
            max_size=8,
        )
    )
    if not any("://" in line for line in lines):
        lines.append("http://10.1.2.3/a")
    return Case("urls", "\n".join(lines).encode(), [])


CASES = {
    "text": text_cases(),
    "html": html_cases(),
    "jsonl": jsonl_cases(),
    "feed": feed_cases(),
    "warc": warc_cases(),
    "urls": url_list_cases(),
}
any_case = st.one_of(*CASES.values())


@dataclass
class Checked:
    """What one batch of cases gave: articles read, failures recorded."""

    articles: int
    failures: int


def empty_record(article: Article) -> Record:
    """A stand-in extractor: the fuzzing is about reading and storing, not about the NLP pipeline."""
    return Record(id=article.id, language="en", published=article.published)


def check_cases(cases: list[Case], folder: Path, db_path: Path) -> Checked:
    """Write the cases into ``folder``, read it and ingest it into ``db_path``; raise AssertionError when a good
    article is lost, an article is not stored or a failure is not recorded with its reason. Any other exception
    escaping the readers or the batch is a crash (the caller counts it)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, case in enumerate(cases):
        paths.append(folder / f"case{n:05d}{case.suffix}")
        paths[-1].write_bytes(case.data)
    settings = Settings(db_path=str(db_path), timeout=1.0)
    items = list(read_sources([str(folder)], settings))
    articles = [x for x in items if isinstance(x, Article)]
    for path, case in zip(paths, cases, strict=True):
        texts = [a.text for a in articles if (a.source or "").split(":")[0] == str(path)]
        for sentence in case.expected:
            assert any(sentence in text for text in texts), f"good input lost: {sentence!r} of {path.name}"
    with Database(db_path) as db:
        ingest_items(items, db, settings, extract=empty_record)
        for article in articles:
            assert db.id_for_hash(article.hash) is not None, f"article not stored: {article.source}"
        recorded = {f.item: f.reason for f in db.failures()}
    errors = [x for x in items if isinstance(x, SourceError)]
    for error in errors:
        assert recorded.get(error.item), f"failure not recorded with its reason: {error.item}"
    return Checked(len(articles), len(errors))
