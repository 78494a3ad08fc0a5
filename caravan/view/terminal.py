"""What ``caravan extract`` shows a person: per article, its events in their sentences, its quotes with who
said them and how, its places grouped and resolved, its amounts and dates as people read them (rich)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from caravan.model import Article, Event, Place, Quote, Record
from caravan.view.words import (
    channel_phrase,
    country_name,
    format_money,
    format_number,
    format_quantity,
    format_size,
    is_currency,
    sentence_bounds,
)

TRIGGER_STYLE = "bold reverse"  # the trigger inside its sentence
HEADING_STYLE = "bold"
QUIET_STYLE = "dim"
UNNAMED = "(unnamed)"  # a quote whose speaker was not found


def record_view(article: Article, record: Record) -> RenderableType:
    """Everything found in one article, as a person reads it."""
    parts: list[RenderableType] = [article_heading(article, record)]
    if record.skipped:
        parts.append(Text(f"  not processed: {record.skipped}", style=QUIET_STYLE))
        return Group(*parts)
    for table in (
        events_table(article, record),
        quotes_table(article, record),
        places_table(record.places),
        amounts_table(article, record),
        dates_table(article, record),
    ):
        if table.row_count:
            parts.append(table)
    if len(parts) == 1:
        parts.append(Text("  nothing found", style=QUIET_STYLE))
    return Group(*parts)


def article_heading(article: Article, record: Record) -> Text:
    """ "id — title" and a line of outlet, date and language."""
    heading = Text(article.id, style=HEADING_STYLE)
    if article.title:
        heading.append(f" — {article.title}")
    facts = [
        article.outlet,
        f"published {record.published or article.published or 'unknown'}",
        record.language or article.language,
    ]
    heading.append("\n" + ", ".join(f for f in facts if f), style=QUIET_STYLE)
    return heading


def titled_table(title: str, *columns: str, wide: str | None = None) -> Table:
    """A titled table; the ``wide`` column (sentences, quoted words) takes the room the others leave."""
    table = Table(
        title=title, title_justify="left", title_style=HEADING_STYLE, box=box.SIMPLE_HEAD, expand=wide is not None
    )
    for column in columns:
        table.add_column(column, overflow="fold", ratio=(3 if column == wide else None) if wide else None)
    return table


def events_table(article: Article, record: Record) -> Table:
    """One row per event: its type and modality, its sentence with the trigger highlighted, its arguments."""
    table = titled_table("Events", "event", "sentence", "who, where, when", wide="sentence")
    for event in record.events:
        kind = event.type if event.modality == "asserted" else f"{event.type} ({event.modality})"
        table.add_row(
            kind, trigger_sentence(article.text, event.start, event.end), "\n".join(event_arguments(event, record))
        )
    return table


def trigger_sentence(text: str, start: int, end: int) -> Text:
    """The sentence around a trigger, on one line, with the trigger highlighted."""
    begin, stop = sentence_bounds(text, start, end)
    before, trigger, after = text[begin:start], text[start:end], text[end:stop]
    sentence = Text(" ".join(before.split()) + (" " if before[-1:].isspace() else ""))
    sentence.append(trigger, style=TRIGGER_STYLE)
    sentence.append((" " if after[:1].isspace() else "") + " ".join(after.split()))
    return sentence


def event_arguments(event: Event, record: Record) -> Iterator[str]:
    """The known arguments of an event as "name: value" lines; unknown ones are left out."""
    if event.actor:
        yield f"actor: {event.actor}"
    where = ", ".join(x for x in (event.place, country_name(event.country)) if x)
    if where:
        yield f"where: {where}"
    if event.date:
        yield f"when: {format_date(event.date)}"
    if event.size:
        yield f"size: {format_size(event.size)}"
    if event.amount is not None:
        yield f"amount: {event_amount(event.amount, record)}"
    if event.quote is not None and 0 <= event.quote < len(record.quotes):
        yield f"reported by: {record.quotes[event.quote].speaker or UNNAMED}"


def event_amount(amount: float, record: Record) -> str:
    """An event's amount in its currency, as the article's money quantity of that value gives it."""
    for quantity in record.quantities:
        if is_currency(quantity.unit) and quantity.low == amount:
            return format_money(amount, amount, quantity.unit)
    return format_number(amount)


def format_date(value: str) -> str:
    """ "2025-01-14", or "2025-01-06 to 2025-01-12" for an interval."""
    return value.replace("/", " to ")


def quotes_table(article: Article, record: Record) -> Table:
    """One row per quote: the speaker and role, how they said it, and the words."""
    table = titled_table("Quotes", "speaker", "said", "words", wide="words")
    for quote in record.quotes:
        table.add_row(speaker_text(quote), how_said(quote), " ".join(article.text[quote.start : quote.end].split()))
    return table


def speaker_text(quote: Quote) -> Text:
    text = Text(quote.speaker or UNNAMED)
    if quote.speaker_role:
        text.append(f"\n{quote.speaker_role}", style=QUIET_STYLE)
    return text


def how_said(quote: Quote) -> str:
    """ "direct, told Reuters", "indirect, in a statement, via AP"."""
    parts: list[str] = [quote.kind]
    if quote.channel:
        parts.append(channel_phrase(quote.channel))
    if quote.via:
        parts.append(f"via {quote.via}")
    return ", ".join(parts)


def places_table(places: list[Place]) -> Table:
    """One row per distinct resolved place: its name, how often it is mentioned, and what it was resolved to."""
    table = titled_table("Places", "place", "mentions", "resolved as")
    counts = Counter(place_key(p) for p in places)
    for key, n in counts.items():
        first = next(p for p in places if place_key(p) == key)
        table.add_row(first.name, f"×{n}", resolution(first))
    return table


def place_key(place: Place) -> tuple[object, ...]:
    return (place.name, place.feature, place.country, tuple(place.countries or ()), place.lat, place.lon)


def resolution(place: Place) -> str:
    """ "city in Cortés, Honduras (15.506, -88.026)"; a border names both countries; "unresolved" without a point."""
    if place.feature == "border":
        where = " and ".join(country_name(c) or c for c in place.countries or [])
        head = f"border of {where}" if where else "border"
    else:
        inside = ", ".join(
            x
            for x in (place.admin1 if place.feature == "city" else None, country_name(place.country))
            if x and x != place.name
        )
        head = f"{place.feature} in {inside}" if inside else place.feature
    if place.lat is None or place.lon is None:
        return f"{head} (no coordinates)"
    return f"{head} ({place.lat:.3f}, {place.lon:.3f})"


def amounts_table(article: Article, record: Record) -> Table:
    """One row per amount: the words as written and how they are read."""
    table = titled_table("Amounts", "as written", "read as")
    for quantity in record.quantities:
        table.add_row(" ".join(article.text[quantity.start : quantity.end].split()), format_quantity(quantity))
    return table


def dates_table(article: Article, record: Record) -> Table:
    """One row per date: the words as written and the day or interval they resolve to."""
    table = titled_table("Dates", "as written", "date")
    for date in record.dates:
        table.add_row(" ".join(article.text[date.start : date.end].split()), format_date(date.value))
    return table
