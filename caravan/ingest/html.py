"""HTML pages: the main text and metadata (title, date, outlet) extracted with trafilatura (dates by htmldate)."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from caravan.errors import EmptyError, FormatError
from caravan.ingest.text import decode_bytes, read_limited
from caravan.model import Article
from caravan.settings import Settings

log = logging.getLogger(__name__)

# Fewer words than this is not an article: trafilatura falls back to menus and footers on pages without one.
MIN_ARTICLE_WORDS = 20
# Elements that end a line when an HTML fragment (a feed item's content) is turned into text.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "hr",
        "dd",
        "dt",
    }
)
DROPPED_TAGS = ("script", "style", "noscript", "template")
SNIFF_BYTES = 4096  # where a page's <meta charset> is looked for
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
BOM_PREFIXES = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def read_html_file(path: Path, settings: Settings) -> Article:
    """An Article from a saved HTML page; its id is the file stem, its URL the page's canonical link."""
    return extract_html(read_limited(path, settings), item=str(path), article_id=path.stem)


def decode_html(data: bytes, item: str, declared: str | None = None) -> str:
    """HTML bytes as text: by BOM, else the HTTP charset, else the page's own, else as ``decode_bytes`` finds."""
    if not data.startswith(BOM_PREFIXES):
        meta = META_CHARSET.search(data[:SNIFF_BYTES])
        for encoding in filter(None, (declared, meta.group(1).decode("ascii") if meta else None)):
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                log.debug("%s: not in its declared encoding %r", item, encoding)
    return decode_bytes(data, item)


def extract_html(
    data: bytes | str, item: str, article_id: str, url: str | None = None, declared: str | None = None
) -> Article:
    """The article of an HTML page: main text, title, date and outlet; EmptyError when it holds no article."""
    import trafilatura  # imported on first use: a quarter of a second that text and JSON inputs never need

    if isinstance(data, bytes):
        data = decode_html(data, item, declared)
    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise FormatError(item, f"unreadable HTML ({' '.join(str(exc).split())})") from None
    if isinstance(doc, dict):  # older trafilatura returns a dict; with_metadata gives a Document in 1.12+
        raise FormatError(item, "unexpected trafilatura result (a dict): trafilatura >= 1.12 is required")
    text = doc.text if doc is not None and doc.text else ""
    title = doc.title if doc is not None else None
    text = _without_title(text.strip(), title)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise EmptyError(item, "no article text in the HTML page")
    page_url = url or (doc.url if doc is not None else None) or None
    return Article(
        id=article_id,
        text=text,
        title=title or None,
        url=page_url,
        outlet=outlet_of(doc.sitename if doc is not None else None, page_url),
        published=(doc.date or None) if doc is not None else None,
        source=item,
    )


def outlet_of(site_name: str | None, url: str | None) -> str | None:
    """The outlet: the page's og:site_name, else the host of its URL without ``www.``."""
    if site_name and site_name.strip():
        return site_name.strip()
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (or of plain text): one line per block, spaces collapsed."""
    if not fragment.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(fragment.split())
    for element in list(root.iter(*DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _without_title(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title (the page's headline is kept in ``title``)."""
    first, _, rest = text.partition("\n")
    if title and _norm(first) == _norm(title):
        return rest.strip()
    return text


def _norm(value: str) -> str:
    return re.sub(r"\W+", " ", value).strip().casefold()
