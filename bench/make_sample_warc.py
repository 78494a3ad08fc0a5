"""Build the bundled sample's feed and web archive from its articles (run from the repository root).

``caravan/data/sample/articles.jsonl`` holds six short, fictional migration news reports written for Caravan
(one in Spanish; the last is a lightly edited wire copy of the second, a near-duplicate). Every outlet and URL is
made up, on the reserved ``.example`` domain, so nothing here can be fetched. This script writes, from them:

- ``caravan/data/sample/feed.xml``: an RSS 2.0 feed whose items carry each report in full (``content:encoded``)
  with a one-paragraph ``description`` and a link to the report's URL;
- ``caravan/data/sample/sample.warc.gz``: a gzipped WARC (warcio) with a ``warcinfo`` record and, for each
  report, a request and a 200 ``text/html`` response (a page with menu, related links and footer around the
  article), plus a ``robots.txt`` capture and a 301 redirect, which readers skip.

Dates and record ids are fixed, so the output is the same on every run::

    .venv/bin/python bench/make_sample_warc.py
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLE = Path("caravan/data/sample")
CAPTURE_DATE = "2025-03-15T12:00:00Z"
FEED_URL = "https://www.caravansample.example/feed.xml"

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}T09:30:00Z">
<link rel="canonical" href="{url}">
</head>
<body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/americas">Americas</a> |
<a href="/subscribe">Subscribe</a></nav></header>
<main>
<article>
<h1>{title}</h1>
<p class="byline">Published {published}</p>
{paragraphs}
</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Border towns brace for new arrivals</a></li>
<li><a href="/b">What to know about asylum rules</a></li></ul></aside>
</main>
<footer><p>&copy; 2025 {outlet}. All rights reserved. | <a href="/privacy">Privacy</a></p></footer>
</body>
</html>
"""


def load_articles() -> list[dict[str, str]]:
    with (SAMPLE / "articles.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def paragraphs_html(text: str) -> str:
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in text.split("\n") if p.strip())


def page(article: dict[str, str]) -> bytes:
    lang = "es" if article["id"] == "migrantes-cruzan-suchiate" else "en"
    fields = {k: html.escape(v) for k, v in article.items()}
    return PAGE.format(
        lang=lang,
        paragraphs=paragraphs_html(article["text"]),
        **{k: fields[k] for k in ("title", "outlet", "published", "url")},
    ).encode("utf-8")


def rss_date(day: str) -> str:
    return format_datetime(datetime.fromisoformat(day).replace(hour=9, minute=30, tzinfo=UTC))


def feed_item(article: dict[str, str]) -> str:
    summary = article["text"].split("\n", 1)[0]
    return f"""  <item>
    <title>{html.escape(article["title"])}</title>
    <link>{html.escape(article["url"])}</link>
    <guid isPermaLink="true">{html.escape(article["url"])}</guid>
    <pubDate>{rss_date(article["published"])}</pubDate>
    <description>{html.escape(summary)}</description>
    <content:encoded><![CDATA[{paragraphs_html(article["text"])}]]></content:encoded>
  </item>
"""


def write_feed(articles: list[dict[str, str]]) -> None:
    items = "".join(feed_item(a) for a in articles)
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Caravan sample reports</title>
  <link>https://www.caravansample.example/</link>
  <description>Fictional migration news reports bundled with Caravan for demonstrations and tests.</description>
  <language>en</language>
{items}</channel>
</rss>
"""
    (SAMPLE / "feed.xml").write_text(feed, encoding="utf-8")


def record_id(uri: str, kind: str) -> str:
    return f"<urn:uuid:{uuid.UUID(hashlib.md5(f'{kind} {uri}'.encode()).hexdigest())}>"


def write_record(
    writer: WARCWriter,
    uri: str,
    kind: str,
    payload: bytes,
    http: StatusAndHeaders | None,
    content_type: str | None = None,
) -> None:
    headers = {"WARC-Date": CAPTURE_DATE, "WARC-Record-ID": record_id(uri, kind)}
    if content_type:
        headers["Content-Type"] = content_type
    writer.write_record(
        writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=headers)
    )


def response_headers(status: str, media_type: str, extra: list[tuple[str, str]] | None = None) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", media_type), *(extra or [])], protocol="HTTP/1.1")


def write_warc(articles: list[dict[str, str]]) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    info = b"software: warcio (bench/make_sample_warc.py)\r\nformat: WARC File Format 1.1\r\n"
    write_record(writer, "", "warcinfo", info, None, "application/warc-fields")
    robots = b"User-agent: *\nAllow: /\n"
    write_record(
        writer,
        "https://www.gulfcoastledger.example/robots.txt",
        "response",
        robots,
        response_headers("200 OK", "text/plain"),
    )
    for article in articles:
        request = StatusAndHeaders(
            f"GET {article['url'].split('.example', 1)[1]} HTTP/1.1",
            [("Host", article["url"].split("/")[2])],
            is_http_request=True,
        )
        write_record(writer, article["url"], "request", b"", request)
        write_record(
            writer, article["url"], "response", page(article), response_headers("200 OK", "text/html; charset=utf-8")
        )
    moved = articles[0]["url"].replace("/2025/01/14/", "/latest/")
    write_record(
        writer,
        moved,
        "response",
        b"",
        response_headers("301 Moved Permanently", "text/html", [("Location", articles[0]["url"])]),
    )
    (SAMPLE / "sample.warc.gz").write_bytes(out.getvalue())


def main() -> None:
    articles = load_articles()
    write_feed(articles)
    write_warc(articles)


if __name__ == "__main__":
    main()
